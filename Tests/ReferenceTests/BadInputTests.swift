import Docs2SwiftCore
import Foundation
import Testing

/// Bad input never crashes the tool or touches the output folder; it gets a diagnostic with the file
/// (and line where one applies), and exit status 1 only when nothing usable was found.
@Suite struct BadInputTests {
    let cli = CLITests()

    func workspace(_ files: [String: Data], withGoodPage: Bool = false) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("docs"), withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: dir.appendingPathComponent("docs/\(name)")) }
        if withGoodPage {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("input-docs/000_c829d6fb4bacecba.txt"),
                                             to: dir.appendingPathComponent("docs/good.md"))
        }
        // An existing output folder with a generated file and a hand-written one.
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "// mine\n".write(to: out.appendingPathComponent("Mine.swift"), atomically: true, encoding: .utf8)
        return dir
    }

    func snapshot(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: dir.path) ?? FileManager.default.enumerator(atPath: "/")! {
            if let d = FileManager.default.contents(atPath: dir.appendingPathComponent(path).path) { out[path] = d }
        }
        return out
    }

    func run(_ dir: URL, _ extra: [String] = []) throws -> (status: Int32, out: String, err: String, untouched: Bool) {
        let before = snapshot(dir.appendingPathComponent("out"))
        let r = try cli.run(["generate", "docs", "--output", "out", "--runtime-path", repoRoot.path] + extra, in: dir)
        return (r.status, r.out, r.err, snapshot(dir.appendingPathComponent("out")) == before)
    }

    @Test func emptyFile() throws {
        let r = try run(try workspace(["empty.md": Data()]))
        #expect(r.status == 1)
        #expect(r.err.contains("docs/empty.md:1:1: warning: empty file"))
        #expect(r.untouched)
    }

    @Test func binaryFile() throws {
        let r = try run(try workspace(["blob.md": Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 0xFF, 0])]))
        #expect(r.status == 1)
        #expect(r.err.contains("docs/blob.md:1:1: warning: binary file"))
        #expect(r.untouched)
    }

    @Test func aStrayNULInTextIsReplacedWithAWarningAtItsLineAndThePageIsRead() throws {
        var page = Data("# Users\n\n## List users\n\n`GET /users`\n\n<pre>\nok".utf8)
        page.append(0)
        page.append(Data("\n</pre>\n".utf8))
        let r = try run(try workspace(["page.md": page]))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("docs/page.md:8:1: warning: 1 NUL byte(s) in the text, replaced with U+FFFD"), "\(r.err)")
    }

    @Test func invalidUTF8IsReplacedWithAWarningAndTheRestGenerates() throws {
        var page = try Data(contentsOf: repoRoot.appendingPathComponent("input-docs/000_c829d6fb4bacecba.txt"))
        page.insert(contentsOf: [0xC3, 0x28, 0xFF], at: 200)
        let r = try run(try workspace(["page.md": page]))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("docs/page.md:1:1: warning: not valid UTF-8"))
    }

    @Test func hugePageIsRefusedWithoutCrashing() throws {
        let line = Data(String(repeating: "| `x` | string | text |\n", count: 1).utf8)
        var big = Data(capacity: 50 << 20)
        while big.count < 50 << 20 { big.append(line) }
        let r = try run(try workspace(["huge.md": big], withGoodPage: true))
        #expect(r.status == 0)
        #expect(r.err.contains("docs/huge.md:1:1: error: page is"))
        let alone = try run(try workspace(["huge.md": big]))
        #expect(alone.status == 1)
        #expect(alone.untouched)
    }

    /// The per-page time guard: a limit of 0 s has passed before any block is read, so every page is
    /// skipped with the error (no timing in the test: the outcome does not depend on the machine).
    @Test func pageOverTheTimeLimitIsSkipped() throws {
        let page = try Data(contentsOf: repoRoot.appendingPathComponent("input-docs/000_c829d6fb4bacecba.txt"))
        let r = try run(try workspace(["slow.md": page]), ["--page-time-limit", "0"])
        #expect(r.status == 1)
        #expect(r.err.contains("docs/slow.md:1:1: error: reading this page took longer than the 0 s per-page limit (stopped before its first block); page skipped"), "\(r.err)")
        #expect(r.untouched)
        let html = try Data(contentsOf: repoRoot.appendingPathComponent("input-docs/002_4b0fdfcb1b9cceb0.html"))
        let both = try run(try workspace(["slow.html": html]), ["--page-time-limit", "0"])
        #expect(both.status == 1)
        #expect(both.err.contains("docs/slow.html:1:1: error: reading this page took longer than the 0 s per-page limit"), "\(both.err)")
        // With the default limit the same pages read normally.
        let normal = try run(try workspace(["page.md": page]))
        #expect(normal.status == 0, "\(normal.err)")
        #expect(!normal.err.contains("per-page limit"))
    }

    @Test func deeplyNestedJSONExampleIsADiagnosticNotACrash() throws {
        let json = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let page = "Things\n\nGET /api/things/\n\nList things.\n\nExample response:\n\nHTTP/1.1 200 OK\n\(json)\nStatus Codes:\n200 OK – fine\n"
        let r = try run(try workspace(["deep.txt": Data(page.utf8)]))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("docs/deep.txt:10:1: warning: example JSON could not be read: JSON nested deeper than"))
    }

    @Test func unclosedHTMLAndPagesWithoutAPIContent() throws {
        let html = "<html><body><article><h1>Users<h2>Operations Summary<table><tr><th>Method<th>Endpoint<tr><td>GET<td><code>/api/u/</code>"
        let r = try run(try workspace(["broken.html": Data(html.utf8), "prose.md": Data("# Intro\n\nNothing here.\n".utf8)]))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("1 operations"))
        let none = try run(try workspace(["prose.md": Data("# Intro\n\nNothing here.\n".utf8)]))
        #expect(none.status == 1)
        #expect(none.err.contains("error: no API operations found in 1 page(s); nothing written"))
        #expect(none.untouched)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let dir = try workspace(["empty.md": Data()], withGoodPage: true)
        let before = snapshot(dir.appendingPathComponent("out"))
        let r = try cli.run(["generate", "docs", "--output", "out", "--strict", "--runtime-path", repoRoot.path], in: dir)
        #expect(r.status == 1)
        #expect(snapshot(dir.appendingPathComponent("out")) == before)
    }
}
