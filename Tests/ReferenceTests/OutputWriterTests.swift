import Docs2SwiftCore
import Foundation
import Testing

/// Regenerate-after-sync safety: unchanged files are not rewritten, hand-written files survive,
/// stale generated files go, and a failed run leaves the folder exactly as it was.
@Suite struct OutputWriterTests {
    let fm = FileManager.default

    func tempDir() throws -> String {
        let dir = fm.temporaryDirectory.appendingPathComponent("d2s-out-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func file(_ path: String, _ body: String) -> GeneratedFile {
        GeneratedFile(path: path, contents: SwiftEmitter.header(version: "t", digest: "0") + "\n" + body + "\n")
    }

    /// Every file below `dir` with its bytes and modification time.
    func snapshot(_ dir: String) throws -> [String: (Data, Date)] {
        var out: [String: (Data, Date)] = [:]
        for path in fm.enumerator(atPath: dir)?.allObjects as? [String] ?? [] {
            let full = dir + "/" + path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
            let mtime = try fm.attributesOfItem(atPath: full)[.modificationDate] as! Date
            out[path] = (try Data(contentsOf: URL(fileURLWithPath: full)), mtime)
        }
        return out
    }

    func same(_ a: [String: (Data, Date)], _ b: [String: (Data, Date)]) -> Bool {
        a.count == b.count && a.allSatisfy { k, v in b[k].map { $0.0 == v.0 && $0.1 == v.1 } ?? false }
    }

    @Test func aSecondRunWritesNothing() throws {
        let dir = try tempDir()
        let files = [file("A.swift", "a"), file("Sub/B.swift", "b")]
        let first = try OutputWriter(directory: dir).write(files, apply: true)
        #expect(first.created == ["A.swift", "Sub/B.swift"])
        let before = try snapshot(dir)
        Thread.sleep(forTimeInterval: 0.05)
        let second = try OutputWriter(directory: dir).write(files, apply: true)
        #expect(second.isClean)
        #expect(second.unchanged.count == 2)
        #expect(same(before, try snapshot(dir)), "a no-op run touched files")
        #expect(try OutputWriter(directory: dir).write(files, apply: false).isClean)
    }

    /// `finish`: the new contents are in place when it returns; the replaced file (kept
    /// under a second name meanwhile) and the files no longer generated are gone once `awaitRemovals` returns.
    @Test func replacedAndRemovedFilesAreGoneWhenAwaitRemovalsReturns() throws {
        let dir = try tempDir()
        _ = try OutputWriter(directory: dir).write([file("A.swift", "a"), file("Old.swift", "o")], apply: true)
        let staging = OutputWriter(directory: dir).begin(apply: true)
        try staging.add(file("A.swift", "changed"))
        let summary = try staging.finish()
        #expect(summary.updated == ["A.swift"])
        #expect(summary.removed == ["Old.swift"])
        #expect(try String(contentsOfFile: dir + "/A.swift", encoding: .utf8).contains("changed"))
        staging.awaitRemovals()
        #expect(try fm.contentsOfDirectory(atPath: dir).sorted() == [OutputWriter.manifestName, "A.swift"])
    }

    @Test func checkListsStaleMissingAndExtraFilesAndWritesNothing() throws {
        let dir = try tempDir()
        _ = try OutputWriter(directory: dir).write([file("A.swift", "a"), file("Old.swift", "o")], apply: true)
        let before = try snapshot(dir)
        let plan = try OutputWriter(directory: dir).write([file("A.swift", "changed"), file("New.swift", "n")], apply: false)
        #expect(plan.updated == ["A.swift"])
        #expect(plan.created == ["New.swift"])
        #expect(plan.removed == ["Old.swift"])
        #expect(same(before, try snapshot(dir)))
        _ = try OutputWriter(directory: dir).write([file("A.swift", "changed"), file("New.swift", "n")], apply: true)
        #expect(!fm.fileExists(atPath: dir + "/Old.swift"))
    }

    @Test func aHandWrittenFileIsNeverOverwrittenOrRemoved() throws {
        let dir = try tempDir()
        try "// mine\n".write(toFile: dir + "/Extra.swift", atomically: true, encoding: .utf8)
        try "// mine too\n".write(toFile: dir + "/A.swift", atomically: true, encoding: .utf8)
        let before = try snapshot(dir)
        #expect(throws: OutputWriter.WriteError.self) {
            _ = try OutputWriter(directory: dir).write([file("B.swift", "b"), file("A.swift", "a")], apply: true)
        }
        #expect(same(before, try snapshot(dir)), "a refused run changed the folder")
        _ = try OutputWriter(directory: dir).write([file("B.swift", "b")], apply: true)
        #expect(try String(contentsOfFile: dir + "/Extra.swift", encoding: .utf8) == "// mine\n")
    }

    @Test func aRunThatFailsHalfWayLeavesTheFolderByteIdentical() throws {
        let dir = try tempDir()
        _ = try OutputWriter(directory: dir).write([file("A.swift", "a"), file("B.swift", "b")], apply: true)
        // A regular file where the run needs a folder: staging the second file fails after the first.
        try "x".write(toFile: dir + "/Blocker", atomically: true, encoding: .utf8)
        let before = try snapshot(dir)
        #expect(throws: (any Error).self) {
            _ = try OutputWriter(directory: dir).write([file("A.swift", "a2"), file("Blocker/C.swift", "c")], apply: true)
        }
        #expect(same(before, try snapshot(dir)), "a failed run changed the folder")
    }

    @Test func pathsOutsideTheOutputFolderAreRefused() throws {
        let dir = try tempDir()
        for bad in ["../x.swift", "/etc/x.swift", "a/../../x.swift", ""] {
            #expect(throws: OutputWriter.WriteError.self) { _ = try OutputWriter(directory: dir).write([file(bad, "x")], apply: true) }
        }
    }
}
