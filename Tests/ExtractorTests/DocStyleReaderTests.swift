import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Snippets of each construct the Slate, Widdershins, GitBook and hand-written readers handle
/// (written for these tests, not copied from real pages).
func markdownPage(_ text: String, file: String = "page.md") -> (Document, RecordingCollector) {
    let diagnostics = RecordingCollector()
    return (MarkdownParser().parse(text, file: file, diagnostics: diagnostics), diagnostics)
}

@Suite struct SignatureReaderTests {
    @Test(arguments: [
        ("GET /repos/:owner/:repo/milestones", "GET", "/repos/{owner}/{repo}/milestones", ""),
        ("DEL /notes/<id>", "DELETE", "/notes/{id}", ""),
        ("post https://api.example.org:8443/v2/items?x=1", "POST", "/v2/items", "https://api.example.org:8443"),
        ("GET http://example.net", "GET", "/", "http://example.net"),
        ("PATCH /a/{b} HTTP/1.1", "PATCH", "/a/{b}", ""),
        ("PUT {{baseUrl}}/boards/:id", "PUT", "/boards/{id}", "{{baseUrl}}"),
    ])
    func reads(text: String, method: String, path: String, base: String) throws {
        let s = try #require(SignatureReader.read(text))
        #expect(s.method == method)
        #expect(s.path == path)
        #expect(s.baseURL == base)
    }

    @Test(arguments: ["Get /users to list them", "GET the list", "DELETE", "GET /files/…", "Posted /x"])
    func rejects(text: String) {
        #expect(SignatureReader.read(text) == nil)
    }

    @Test func findsSignaturesAfterALabelAndInCodeSpans() throws {
        #expect(SignatureReader.find(in: InlineText([.text("Endpoint: "), .code("GET /a/:id")]))?.path == "/a/{id}")
        #expect(SignatureReader.find(in: "List users — GET /users")?.path == "/users")
        #expect(SignatureReader.find(in: "You can GET /users if you like, and it is a long sentence") == nil)
    }
}

@Suite struct ParameterReaderTests {
    func table(_ text: String) throws -> Table {
        let (doc, _) = markdownPage(text)
        guard case .table(let t)? = doc.blocks.first else { throw ExpectationFailedError() }
        return t
    }
    struct ExpectationFailedError: Error {}

    @Test func columnsInAnyOrderWithTicksAndLocations() throws {
        let t = try table("""
        | Description | Req. | Type | Location | Attribute |
        |---|---|---|---|---|
        | The page | | integer | query | `page` |
        | Pet id | ✓ | integer(int64) | path | `petId` |
        | Label | yes | [string] | body | labels |
        """)
        let rows = ParameterTable.read(t)
        // `Req.` is not a Required header; requiredness comes from nothing here but the tick column is unread.
        #expect(rows.map(\.name) == ["page", "petId", "labels"])
        #expect(rows.map(\.location) == ["query", "path", "body"])
        #expect(rows[1].type == .primitive(.integer, format: "int64"))
        #expect(rows[2].type == .array(.primitive(.string, format: nil)))
    }

    @Test func requiredColumnValues() throws {
        let t = try table("""
        Parameter | Required | Default | Description
        --------- | -------- | ------- | -----------
        a | true | | x
        b | optional | 1 | y
        c* | | | z
        """)
        #expect(ParameterTable.read(t).map(\.required) == [true, false, true])
    }

    @Test func widdershinsNestedRows() throws {
        let t = try table("""
        |Name|Type|Required|Restrictions|Description|
        |---|---|---|---|---|
        |» id|integer|false|none|none|
        |» owner|object|false|none|none|
        |»» name|string|true|none|none|
        |» tags|[string]|false|none|none|
        """)
        #expect(ParameterTable.read(t).map(\.name) == ["id", "owner", "owner.name", "tags"])
    }

    @Test(arguments: [
        ("`per_page` (integer, optional): Results per page", "per_page", false, "Results per page"),
        ("`name` (string, required) - The name", "name", true, "The name"),
        ("state: string - open or closed", "state", nil, "open or closed"),
        ("`sort` — what to sort by", "sort", nil, "what to sort by"),
    ] as [(String, String, Bool?, String)])
    func parameterLists(text: String, name: String, required: Bool?, description: String) throws {
        let (doc, _) = markdownPage("- " + text)
        guard case .list(let l)? = doc.blocks.first, case .paragraph(let p)? = l.items.first?.first else { Issue.record("no list"); return }
        let n = try #require(ParameterList.read(p.text, line: 1))
        #expect(n.name == name)
        #expect(n.required == required)
        #expect(n.description == description)
    }

    @Test func proseListItemsAreNotParameters() {
        #expect(ParameterList.read("This endpoint returns all of the things you own", line: 1) == nil)
    }
}

@Suite struct ExampleAndTableReaderTests {
    @Test func rawHTTPResponseGivesItsStatus() throws {
        let block = CodeBlock(language: "http", text: "HTTP/1.1 201 Created\nContent-Type: application/json\n\n{\"id\": 7}\n", line: 3)
        let e = try #require(JSONExampleReader.read(block, caption: "", file: "p.md", diagnostics: RecordingCollector()))
        #expect(e.kind == .response)
        #expect(e.status == "201")
        #expect(e.value == .object([("id", .integer)]))
    }

    @Test func captionsSayRequestOrResponse() throws {
        let block = CodeBlock(language: "json", text: "{\"a\": \"x\"}", line: 1)
        let d = RecordingCollector()
        #expect(JSONExampleReader.read(block, caption: "Body parameter", file: "p", diagnostics: d)?.kind == .request)
        let r = try #require(JSONExampleReader.read(block, caption: "202 Response", file: "p", diagnostics: d))
        #expect(r.kind == .response && r.status == "202")
        #expect(JSONExampleReader.read(block, caption: "The above command returns JSON structured like this:", file: "p", diagnostics: d)?.kind == .response)
    }

    @Test func curlDataIsARequestBody() throws {
        let block = CodeBlock(language: "shell", text: "curl -X POST https://h/x \\\n  -d '{\"name\": \"a\", \"n\": 1}'", line: 1)
        let e = try #require(JSONExampleReader.read(block, caption: "", file: "p", diagnostics: RecordingCollector()))
        #expect(e.kind == .request)
    }

    @Test func brokenJSONIsAWarningWithItsLine() {
        let d = RecordingCollector()
        #expect(JSONExampleReader.read(CodeBlock(language: "json", text: "{\"a\": ", line: 12), caption: "", file: "p.md", diagnostics: d) == nil)
        #expect(d.diagnostics.map { "\($0.location!.line) \($0.severity)" } == ["12 warning"])
    }

    @Test func statusesInProse() {
        #expect(StatusText.statuses(in: "Returns 204 No Content on success, or 404 Not Found.") == ["204", "404"])
        #expect(StatusText.statuses(in: "Set limit to 100 items") == [])
    }

    @Test func endpointTablesOfEveryShape() {
        let (doc, _) = markdownPage("""
        | Method | Endpoint | Description |
        |---|---|---|
        | GET | `/notes/:id` | Fetch one |
        | DEL | /notes/:id | Remove |

        | Path | GET | POST | DELETE |
        |---|---|---|---|
        | /tags | ✓ | ✓ | |

        | Call | Notes |
        |---|---|
        | `PUT /tags/{tag}` | Rename |
        """)
        let rows = doc.blocks.compactMap { b -> [EndpointRow]? in if case .table(let t) = b { return EndpointTable.read(t) } else { return nil } }.flatMap { $0 }
        #expect(rows.map { $0.signature.method + " " + $0.signature.path } == ["GET /notes/{id}", "DELETE /notes/{id}", "GET /tags", "POST /tags", "PUT /tags/{tag}"])
        #expect(rows.first?.summary == "Fetch one")
    }
}
