import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Snippets for resource URIs written in other path syntaxes and bodies under a content type that
/// names no format.
@Suite struct APIBlueprintURIAndBodyTests {
    func read(_ text: String) throws -> (PageExtraction, RecordingCollector) {
        let diagnostics = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "api.apib", diagnostics: diagnostics)
        let page = try #require(APIBlueprintDialect().extract(doc, diagnostics: diagnostics))
        return (page, diagnostics)
    }

    @Test func colonSegmentsArePathParameters() throws {
        let (page, _) = try read("""
        # Circle members [/circles/:circle_id/members/:membership_id{?page}]
        ## Update [PUT]
        + Response 204
        """)
        let op = try #require(page.operations.first)
        #expect(op.path == "/circles/{circle_id}/members/{membership_id}")
        #expect(op.parameters.map(\.name) == ["circle_id", "membership_id", "page"])
        #expect(op.parameters.map(\.location) == [.path, .path, .query])
        // A colon inside a segment is literal.
        let (custom, _) = try read("""
        # Batch [/v1/items:batchGet]
        ## Get [POST]
        + Response 204
        """)
        #expect(custom.operations.first?.path == "/v1/items:batchGet")
    }

    @Test func jsonBodyUnderAContentTypeNamingNoFormatIsTypedWithAWarning() throws {
        let (page, diagnostics) = try read("""
        # Permission [/permissions/{id}]
        ## Update [PUT]
        + Response 200 (application/jsoh)

                {"success": true, "data": {"id": 5}}

        ## Read [GET]
        + Response 200 (text/plain)

                {"not": "typed"}
        """)
        let put = try #require(page.operations.first { $0.method == "PUT" })
        guard case .object(let fields)? = put.responses.first?.type else { Issue.record("untyped"); return }
        #expect(fields.map(\.name) == ["success", "data"])
        #expect(diagnostics.diagnostics.contains { $0.message.contains("'application/jsoh' is not JSON") })
        let get = try #require(page.operations.first { $0.method == "GET" })
        #expect(get.responses.first?.type == nil)
    }
}
