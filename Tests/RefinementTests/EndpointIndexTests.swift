import APIModel
import DocTree
import Refinement
import Testing

/// An overview page's index of endpoints (signatures only) and the pages documenting them: the
/// documented operation is kept whichever page is read first, with a note, not a warning.
@Suite struct EndpointIndexTests {
    func page(_ file: String, _ ops: [Operation]) -> PageExtraction {
        PageExtraction(resource: Resource(name: file, title: file), operations: ops, dialect: "test", reason: "")
    }

    let listed = Operation(id: "x", resource: "a-overview.md", method: "PATCH", path: "/items/{id}/",
                           parameters: [Parameter(name: "id", location: .path, type: .string, required: true)],
                           responses: [Response(status: "200", type: nil)])
    let documented = Operation(id: "x", resource: "update.md", method: "PATCH", path: "/items/{id}/", description: "Updates an item.",
                               requestBody: RequestBody(required: true, type: .object([Field(name: "name", type: .string)])),
                               responses: [Response(status: "200", type: .object([Field(name: "id", type: .string)]))])

    @Test(arguments: [false, true])
    func theDocumentedOperationIsKept(indexFirst: Bool) throws {
        let pages = [page("a-overview.md", [listed]), page("update.md", [documented])]
        let d = RecordingCollector()
        let api = Assembler().assemble(indexFirst ? pages : pages.reversed(), diagnostics: d)
        let op = try #require(api.operations.first)
        #expect(api.operations.count == 1)
        #expect(op.requestBody != nil)
        #expect(op.description == "Updates an item.")
        #expect(d.warningCount == 0)
    }

    @Test func twoDocumentedVersionsStillWarn() {
        var other = documented
        other.requestBody = RequestBody(required: true, type: .object([Field(name: "label", type: .string)]))
        let d = RecordingCollector()
        _ = Assembler().assemble([page("a.md", [documented]), page("b.md", [other])], diagnostics: d)
        #expect(d.diagnostics.contains { $0.severity == .warning && $0.message.contains("is documented again") })
    }
}

/// One resource shown with a format suffix (`/projects/summary.json`) on one page and documented
/// without it on another is one operation.
@Suite struct FormatSuffixTests {
    func page(_ file: String, _ ops: [Operation]) -> PageExtraction {
        PageExtraction(resource: Resource(name: file, title: file), operations: ops, dialect: "test", reason: "")
    }

    func op(_ path: String, _ file: String) -> Operation {
        Operation(id: "x", resource: file, method: "GET", path: path, description: "Lists projects.",
                  parameters: [Parameter(name: "Authorization", location: .header, type: .string, required: true)],
                  responses: [Response(status: "200", type: .object([Field(name: "id", type: .string)]))])
    }

    @Test func theSuffixedPathIsReadAsThePlainOne() throws {
        let d = RecordingCollector()
        let api = Assembler().assemble([page("a-auth.md", [op("/projects/summary.json", "a-auth.md")]),
                                        page("projects.md", [op("/projects/summary", "projects.md")])], diagnostics: d)
        #expect(api.operations.map(\.path) == ["/projects/summary"])
        #expect(d.diagnostics.contains { $0.message.contains("with a format suffix") })
    }

    @Test func aSuffixedPathAloneIsKept() throws {
        let api = Assembler().assemble([page("a.md", [op("/projects/summary.json", "a.md")])], diagnostics: RecordingCollector())
        #expect(api.operations.map(\.path) == ["/projects/summary.json"])
    }
}
