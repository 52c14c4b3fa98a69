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

    @Test func literalQueryKeysNameTheirParameters() throws {
        let (page, diagnostics) = try read("""
        # Search Shows [GET /shows?title={query}&limit={limit}]
        + Parameters
            + title (string) - Partial show title
            + limit (number, optional)
        + Response 200
        """)
        let op = try #require(page.operations.first)
        #expect(op.path == "/shows")
        #expect(op.parameters.map(\.name) == ["title", "limit"])
        #expect(op.parameters.first?.description == "Partial show title")
        #expect(op.parameters.last?.type == .number)
        #expect(!diagnostics.diagnostics.contains { $0.message.contains("not found within the URI template") })
    }

    @Test func underIndentedJSONBodyIsStillTheBody() throws {
        // Four spaces under `+ Body` (eight are needed for a code block): Markdown makes a paragraph.
        let (page, _) = try read("""
        # Answer [/answer]
        ## Register [POST]
        + Request (application/json)

            + Body

                {
                  "username": "15813269587",
                  "question_id": 1
                }

        + Response 200 (application/json)

            {"ok": true}

        + Response 400 (text/plain)

            {not json}
        """)
        let op = try #require(page.operations.first)
        guard case .object(let request)? = op.requestBody?.type else { Issue.record("no request body"); return }
        #expect(request.map(\.name) == ["username", "question_id"])
        guard case .object(let response)? = op.responses.first?.type else { Issue.record("no response body"); return }
        #expect(response.map(\.name) == ["ok"])
        #expect(op.responses.last?.type == nil)
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

    @Test func overIndentedAttributesReadAsACodeBlockAreStillMembers() throws {
        // Eight spaces after a blank line: Markdown makes it a code block; drafter reads the list.
        let (page, _) = try read("""
        # GET /metrics
        + Response 200

          + Attributes

                + (array)
                    + (object)
                        + `id`: clicks (string) - the metric
                          more about it
                        + name: Clicks (string)
        """)
        guard case .array(.object(let fields))? = page.operations.first?.responses.first?.type else {
            Issue.record("not an array of objects: \(String(describing: page.operations.first?.responses.first?.type))"); return
        }
        #expect(fields.map(\.name) == ["id", "name"])
        #expect(fields.first?.description.contains("more about it") == true)
        // A code block of JSON stays a body example.
        let (json, _) = try read("""
        # GET /x
        + Response 200 (application/json)

                {"a": 1}
        """)
        guard case .object(let a)? = json.operations.first?.responses.first?.type else { Issue.record("untyped"); return }
        #expect(a.map(\.name) == ["a"])
    }

    @Test func actionsWithOneMethodAndPathAreOneOperationWithTheMembersOfBoth() throws {
        let (page, diagnostics) = try read("""
        # Reports [/reports]
        ## Basic [POST]
        + Request (application/json)
            + Attributes
                + range (string, required)
        + Response 200 (application/json)
            + Attributes
                + _embedded (object)
                    + metrics (array)
        ## Time series [POST]
        + Request (application/json)
            + Attributes
                + range (string, required)
                + aggregate_by (string, required)
        + Response 200 (application/json)
            + Attributes
                + _embedded (object)
                    + series (array)
        """)
        #expect(page.operations.count == 1)
        let op = try #require(page.operations.first)
        guard case .object(let request)? = op.requestBody?.type else { Issue.record("no request"); return }
        #expect(request.map(\.name) == ["range", "aggregate_by"])
        #expect(request.map(\.required) == [true, false])
        guard case .object(let response)? = op.responses.first?.type, case .object(let embedded)? = response.first?.type else {
            Issue.record("no response"); return
        }
        #expect(embedded.map(\.name) == ["metrics", "series"])
        #expect(diagnostics.diagnostics.contains { $0.message.contains("documents POST /reports again") && $0.location?.line == 10 })
    }
}
