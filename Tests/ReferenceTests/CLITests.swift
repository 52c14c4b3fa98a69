import Docs2SwiftCore
import Foundation
import Testing

/// Runs the built `docs2swift` binary the way a user does.
@Suite struct CLITests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("docs2swift")
    }

    @discardableResult
    func run(_ args: [String], in dir: URL) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = dir
        // Files, not pipes: Foundation's pipe reads on Linux trap when a signal interrupts them (EINTR, seen
        // when the child exits mid-read), and a full stderr pipe would block the child.
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let outURL = logs.appendingPathComponent("out"), errURL = logs.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let o = try Data(contentsOf: outURL), e = try Data(contentsOf: errURL)
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("input-docs/000_c829d6fb4bacecba.txt"),
                                         to: dir.appendingPathComponent("docs/page.md"))
        return dir
    }

    @Test func generateTwiceThenCheckThenEditThenCheck() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the docs2swift product first")
        let dir = try workspace()
        let args = ["generate", "docs", "--output", "out", "--module", "M", "--runtime-path", repoRoot.path]
        let first = try run(args, in: dir)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("created"))
        let second = try run(args, in: dir)
        #expect(second.err.contains("0 created, 0 updated, 0 removed"), "\(second.err)")
        #expect(try run(args + ["--check"], in: dir).status == 0)
        let page = dir.appendingPathComponent("docs/page.md")
        let text = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "| `call_name` | string |  |", with: "| `call_title` | string |  |")
        try text.write(to: page, atomically: true, encoding: .utf8)
        let check = try run(args + ["--check"], in: dir)
        #expect(check.status == 1)
        #expect(check.out.contains("stale: out/Sources/M/Models/CallAssignmentConfigurations.swift"), "\(check.out)")
    }

    /// A generated file edited by hand is rendered and written again on the next run, even though its
    /// render context did not change; the other files are left as they are.
    @Test func aHandEditedFileIsRestored() throws {
        let dir = try workspace()
        let args = ["generate", "docs", "--output", "out", "--module", "M", "--emit", "models,client,server,tests", "--runtime-path", repoRoot.path]
        #expect(try run(args, in: dir).status == 0)
        let file = dir.appendingPathComponent("out/Sources/M/Models/CallAssignmentConfigurations.swift")
        let original = try Data(contentsOf: file)
        try (String(decoding: original, as: UTF8.self) + "// my edit\n").write(to: file, atomically: true, encoding: .utf8)
        let second = try run(args, in: dir)
        #expect(second.err.contains("0 created, 1 updated, 0 removed"), "\(second.err)")
        #expect(try Data(contentsOf: file) == original)
    }

    @Test func diagnosticsHaveFileLineColumnAndNothingUsableExitsOne() throws {
        let dir = try workspace()
        try "# Just prose\n\nNo API here.\n".write(to: dir.appendingPathComponent("docs/page.md"), atomically: true, encoding: .utf8)
        let r = try run(["generate", "docs", "--output", "out", "-v"], in: dir)
        #expect(r.status == 1)
        #expect(r.err.contains("docs/page.md:1:1: note: no API operations recognised"))
        #expect(r.err.contains("error: no API operations found"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func modelAndOpenAPICommands() throws {
        let dir = try workspace()
        #expect(try run(["model", "docs", "--output", "m.json"], in: dir).status == 0)
        let api = try APIDescription.decode(Data(contentsOf: dir.appendingPathComponent("m.json")))
        #expect(api.operations.count == 6)
        #expect(try run(["openapi", "docs", "--output", "o.yaml"], in: dir).status == 0)
        let yaml = try String(contentsOf: dir.appendingPathComponent("o.yaml"), encoding: .utf8)
        #expect(yaml.contains("openapi: 3.1.0"))
        #expect(yaml.contains("/api/call-assignment-configurations/{uuid}/"))
    }

    /// Output that travels: the same docs, given by absolute paths from two locations (and two working
    /// directories), give byte-identical files; input paths in them are relative to the output folder.
    @Test func sameDocsFromTwoLocationsGiveIdenticalFiles() throws {
        let first = try workspace(), second = try workspace()
        var outputs: [[String: Data]] = []
        for (dir, cwd) in [(first, first), (second, repoRoot)] {
            let r = try run(["generate", dir.appendingPathComponent("docs").path, "--output", dir.appendingPathComponent("out").path,
                             "--module", "M", "--emit", "models,client,server,tests,openapi,model", "--runtime-path", "../Runtime"], in: cwd)
            #expect(r.status == 0, "\(r.err)")
            outputs.append(try contents(of: dir.appendingPathComponent("out")))
        }
        #expect(outputs[0].count >= 8)
        #expect(outputs[0] == outputs[1], "differ: \(outputs[0].keys.filter { outputs[0][$0] != outputs[1][$0] }.sorted())")
        let model = String(decoding: outputs[0]["api-model.json"] ?? Data(), as: UTF8.self)
        #expect(model.contains("\"file\" : \"../docs/page.md\""))
        // Lines are in the model and in the one table decoding errors read (`DocSources.swift`), nowhere else.
        let swift = outputs[0].filter { $0.key.hasSuffix(".swift") && !$0.key.hasSuffix("DocSources.swift") }.values
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(swift.contains("/// Source: ../docs/page.md"))
        #expect(!swift.contains(first.path) && !swift.contains("page.md:"))
        let table = String(decoding: outputs[0]["Sources/M/DocSources.swift"] ?? Data(), as: UTF8.self)
        #expect(table.contains("../docs/page.md:") && !table.contains(first.path))
    }

    /// An edit that only moves lines changes no generated file but the two that keep lines: the model JSON
    /// and the table decoding errors read to name a field's doc line (`DocSources.swift`).
    @Test func editThatOnlyMovesLinesChangesOnlyTheModel() throws {
        let dir = try workspace()
        let args = ["generate", "docs", "--output", "out", "--module", "M", "--emit", "models,client,server,tests,openapi,model",
                    "--runtime-path", "../Runtime"]
        #expect(try run(args, in: dir).status == 0)
        let page = dir.appendingPathComponent("docs/page.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try ("\n\n\n" + text).write(to: page, atomically: true, encoding: .utf8)
        let check = try run(args + ["--check"], in: dir)
        #expect(check.status == 1)
        #expect(check.out.split(separator: "\n").map(String.init) == ["stale: out/Sources/M/DocSources.swift", "stale: out/api-model.json"], "\(check.out)")
    }

    /// Every file under `folder` (relative path → bytes), without the regeneration state.
    func contents(of folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let url = folder.appendingPathComponent(path)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                  !path.hasSuffix(".docs2swift-state"), !path.contains(".docs2swift-cache/") else { continue }
            out[path] = try Data(contentsOf: url)
        }
        return out
    }
}
