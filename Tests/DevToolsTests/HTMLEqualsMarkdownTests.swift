import APIModel
import DocTree
@testable import DevToolsKit
import Testing

/// `docs2swift-dev html-equals-markdown` compares two models apart from provenance, and shows where they differ.
@Suite struct HTMLEqualsMarkdownTests {
    func api(field: String, line: Int) -> APIDescription {
        let at = SourceLocation(file: "page\(line).md", line: line, column: 1)
        let schema = Schema(name: "Key", fields: [Field(name: field, type: .string, provenance: at)], provenance: at)
        return APIDescription(schemas: [schema])
    }

    @Test func provenanceAloneIsNoDifference() throws {
        #expect(try HTMLEqualsMarkdown.comparable(api(field: "uuid", line: 3)) == HTMLEqualsMarkdown.comparable(api(field: "uuid", line: 40)))
    }

    @Test func aDifferentFieldIsShownAsMinusAndPlusLines() throws {
        let a = try HTMLEqualsMarkdown.comparable(api(field: "uuid", line: 3)), b = try HTMLEqualsMarkdown.comparable(api(field: "id", line: 3))
        #expect(a != b)
        let shown = HTMLEqualsMarkdown.difference(a, b)
        let removed = shown.filter { $0.hasPrefix("-") }, added = shown.filter { $0.hasPrefix("+") }
        #expect(removed.count == 1 && removed[0].contains("\"uuid\""))
        #expect(added.count == 1 && added[0].contains("\"id\""))
    }
}
