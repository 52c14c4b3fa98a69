import Docs2SwiftFuzzing
import Foundation
import Testing
@testable import Extractors

/// Inputs the fuzzers found crashes with, kept in `Tests/Fixtures/fuzz-regressions/` and run through
/// the same entry points as the harnesses: a regression crashes this test.
@Suite struct FuzzRegressionTests {
    static let folder = repoRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test func everyFindingHasAnEntryPoint() {
        #expect(!Self.inputs.isEmpty)
        for name in Self.inputs {
            #expect(["page-", "markdown-", "html-", "json-"].contains { name.hasPrefix($0) }, "\(name)")
        }
    }

    @Test(arguments: inputs) func findingRunsClean(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        bytes.withUnsafeBufferPointer { buffer in
            if name.hasPrefix("page-") { FuzzEntryPoints.page(buffer) }
            if name.hasPrefix("markdown-") { FuzzEntryPoints.markdown(buffer) }
            if name.hasPrefix("html-") { FuzzEntryPoints.html(buffer) }
            if name.hasPrefix("json-") { FuzzEntryPoints.json(buffer) }
        }
    }

    /// The first finding, as a snippet: a one-column "attributes" table is not an attribute table.
    @Test func attributeTableNeedsTwoColumns() {
        func lines(_ texts: [String]) -> [SourceLine] {
            texts.enumerated().map { SourceLine(text: $1, line: $0 + 1, isHeading: $0 == 0) }
        }
        #expect(AttributeTables.read(lines(["User attributes¶", "Name |", "---|", "id |", "uuid |"]), file: "f.txt").isEmpty)
        let two = AttributeTables.read(lines(["User attributes¶", "Name |", "Type |", "---|---|", "id |", "uuid |"]), file: "f.txt")
        #expect(two.map(\.subject) == ["User"])
        #expect(two.first?.fields.map(\.name) == ["id"])
        #expect(two.first?.fields.map(\.type) == ["uuid"])
    }

    /// The second finding, as a snippet: a query pair with no key (`?=`) or an empty placeholder (`(:)`)
    /// in a Sphinx signature is skipped, not indexed.
    @Test func sphinxQueryStringWithEmptyPairs() {
        let q = SphinxSignatures.queryString("/v1/entries/ids?=&&st=(:)&limit=(int:n)&a=")
        #expect(q.keys.map(\.name) == ["st", "limit", "a"])
        #expect(q.keys.map(\.type) == ["", "int", ""])
        #expect(q.placeholders == ["n"])
        #expect(SphinxSignatures.queryString("/x?=").keys.isEmpty)
    }
}
