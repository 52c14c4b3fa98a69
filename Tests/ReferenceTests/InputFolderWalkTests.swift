@testable import Docs2SwiftCore
import Foundation
import Testing

/// The input folder walk lists what Foundation's directory enumerator lists.
@Suite struct InputFolderWalkTests {
    @Test func sameEntriesAsTheFoundationEnumerator() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for folder in ["a/b", ".hidden", "e.md", "linked-target/deep"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["top.md", "a/one.md", "a/b/two.html", "a/.dot.md", ".hidden/three.md", "e.md/four.txt", "G.MD",
                     "linked-target/deep/five.md", "café/x.md".replacingOccurrences(of: "/x.md", with: ".md")] {
            try Data("# x\n".utf8).write(to: root.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: root.appendingPathComponent("a").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling.md").path, withDestinationPath: "/nonexistent/x.md")
        let foundation = Set(fm.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
        #expect(!foundation.isEmpty)
        #expect(Set(InputFiles.entries(under: root.path)) == foundation)
        #expect(Set(InputFiles.entries(under: root.path + "/")) == foundation)
        #expect(InputFiles.entries(under: root.appendingPathComponent("no-such-folder").path).isEmpty)
    }
}
