import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing

/// Endpoints written without a method, concrete IDs in paths, one-key envelopes, names on a
/// paragraph of their own (synthetic snippets, not copied from real pages).
@Suite struct ImpliedEndpointTests {
    func read(_ text: String, html: Bool = false) throws -> (PageExtraction, RecordingCollector) {
        let d = RecordingCollector()
        let doc = html ? HTMLParser().parse(text, file: "p.html", diagnostics: d) : MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        return (page, d)
    }

    func fields(_ t: TypeRef?) -> [String] {
        switch t {
        case .object(let f)?: return f.map(\.name)
        case .array(let inner)?: return fields(inner)
        default: return []
        }
    }

    @Test func listOfMethodLessPathsIsGETAndTheExampleGoesToTheEntryItInstantiates() throws {
        let (page, _) = try read("""
        # Zoo API

        ###Animals

        - `/animals/` -- list all the animals
        - `/animals/:id/` -- get one animal
        - `/animals/schema/` -- the JSON schema of an animal

        Example request:

            http https://zoo.example.org/api/animals/3/

        ```json
        {"name": "Okapi", "legs": 4}
        ```
        """)
        #expect(page.operations.map { "\($0.method) \($0.path)" } == ["GET /animals/", "GET /animals/{id}/", "GET /animals/schema/"])
        #expect(page.operations.map(\.summary) == ["list all the animals", "get one animal", "the JSON schema of an animal"])
        #expect(fields(page.operations[1].responses.first?.type) == ["name", "legs"])
        #expect(page.operations[0].responses.first?.type == nil)
        #expect(page.operations[2].responses.first?.type == nil)
    }

    @Test func urlBlocksUnderHeadingsAreGETWithTheirQueryNames() throws {
        let (page, _) = try read("""
        <html><body>
        <h2>Open a box:</h2>
        <pre><code>{{ request.scheme }}://{{ host }}/api/box/new/?size=3</code>&nbsp;<button>copy</button></pre>
        <h3>Response:</h3>
        <pre><code>{"ok": true, "box_id": "x1"}</code></pre>
        <h2>Shake a box</h2>
        <pre><code>{{ request.scheme }}://{{ host }}/api/box/&lt;&lt;box_id&gt;&gt;/shake/
        {{ request.scheme }}://{{ host }}/api/box/&lt;&lt;box_id&gt;&gt;/shake/?hard=true</code></pre>
        </body></html>
        """, html: true)
        #expect(page.operations.map { "\($0.method) \($0.path)" } == ["GET /api/box/new/", "GET /api/box/{box_id}/shake/"])
        #expect(page.operations[0].summary == "Open a box")
        #expect(page.operations[0].parameters.map(\.name) == ["size"])
        #expect(page.operations[1].parameters.map { "\($0.location.rawValue) \($0.name)" } == ["path box_id", "query hard"])
        #expect(fields(page.operations[0].responses.first?.type) == ["ok", "box_id"])
        #expect(page.baseURL == nil)
    }

    @Test func oneURLOrURLsInProseAreNotEndpoints() throws {
        // A single URL block, and a page with a signature elsewhere, imply nothing.
        let one = RecordingCollector()
        let doc = MarkdownParser().parse("# Setup\n\n## Install\n\n```\nhttps://example.org/download/tool.tar.gz\n```\n", file: "p.md", diagnostics: one)
        #expect(DialectRegistry().extract(doc, diagnostics: one) == nil)
        let (page, _) = try read("""
        # Notes

        ## Users

        `GET /users`

        ## Links

        ```
        https://example.org/a/b
        https://example.org/c/d
        ```
        """)
        #expect(page.operations.map(\.path) == ["/users"])
    }

    @Test func listEntriesNeedAPathAndADescription() {
        #expect(ImpliedSignatures.listEndpoint(InlineText([.code("/people/"), .text(" -- get all the people")]))?.0.path == "/people/")
        #expect(ImpliedSignatures.listEndpoint(InlineText([.code("/people/")])) == nil)
        #expect(ImpliedSignatures.listEndpoint(InlineText([.code("people"), .text(" -- get all the people")])) == nil)
        #expect(ImpliedSignatures.listEndpoint(InlineText([.text("see "), .code("/people/"), .text(" -- the people")])) == nil)
    }

    @Test(arguments: [
        ("/v1/categories/802/mark-all-as-read", "/v1/categories/{category_id}/mark-all-as-read"),
        ("/v1/entries/1234/bookmark", "/v1/entries/{entry_id}/bookmark"),
        ("/users/3f2c1a9e-0b1d-4c7e-9a55-1e2f3a4b5c6d/keys", "/users/{user_id}/keys"),
        ("/api/1/energy_sites", "/api/1/energy_sites"),
        ("/v2/3", "/v2/3"),
        ("/statuses/7", "/statuses/{status_id}"),
    ])
    func concreteIDsAfterPluralCollectionsAreParameters(raw: String, template: String) {
        #expect(ConcreteIDs.parameterised(raw) == template)
    }

    @Test func documentedFieldsGoInsideAOneKeyEnvelope() throws {
        let (page, _) = try read("""
        # Pets

        ## Create a Pet

        ```shell
        curl -XPOST "https://api.example.com/api/pets" -d '{"pet": {"name": "Rex", "age": 3}}'
        ```

        ### HTTP Request

        `POST https://api.example.com/api/pets`

        ### JSON Parameters

        Parameter | Default | Description
        --------- | ------- | -----------
        name |  | The pet's name
        age | 0 | Its age
        colour |  | Its colour
        """)
        let op = try #require(page.operations.first)
        guard case .object(let top)? = op.requestBody?.type else { Issue.record("no body"); return }
        #expect(top.map(\.name) == ["pet"])
        #expect(fields(top.first?.type) == ["name", "age", "colour"])
    }

    @Test func aNameOnItsOwnParagraphTakesTheNextAsItsDescription() throws {
        let (page, _) = try read("""
        # Sites

        ### GET /api/v1/sites

        Lists the sites you can see.

        #### Query parameters

        **after** <Optional />

        Pagination cursor.

        **site_id** REQUIRED

        The site's domain.

        ### DELETE /api/v1/sites/goals/:goal_id

        #### Body parameters

        **site_id** <Required />

        The site's domain.
        """)
        let list = page.operations[0]
        #expect(list.parameters.map { "\($0.location.rawValue) \($0.name)" } == ["query after", "query site_id"])
        #expect(list.parameters.map(\.description) == ["Pagination cursor.", "The site's domain."])
        #expect(list.parameters.map(\.required) == [false, true])
        #expect(list.description == "Lists the sites you can see.")
        let delete = page.operations[1]
        #expect(delete.parameters.map(\.name) == ["goal_id"])
        #expect(fields(delete.requestBody?.type) == ["site_id"])
    }

    @Test func headingsWithoutTheSpaceAndCommentsBeforeAJSONExample() throws {
        let (page, _) = try read("""
        #Things

        ###List things

        `GET /things`

        ```json
        # GET /things - every thing
        [{"id": 1}]
        ```
        """)
        let op = try #require(page.operations.first)
        #expect(op.summary == "List things")
        #expect(page.resource.title == "Things")
        #expect(fields(op.responses.first?.type) == ["id"])
    }
}

/// The README template many projects copy (`**URL** : `/x``, `**Method** : `GET``, `**Code** : `200 OK``).
@Suite struct LabelledEndpointTests {
    @Test func urlAndMethodLinesGiveTheOperationAndTheOtherLabelsAreCaptions() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # Show Accessible Accounts

        List the accounts the user can see.

        **URL** : `/api/accounts/:pk/notes`

        **Query Parameters**:

        `page=[integer]`

        `per=[integer]`

        * `expand` Optional. Embed the owner.

        **Method** : `GET`

        **Auth required** : YES

        ## Success Response

        **Code** : `200 OK`

        **Content** :

        ```json
        [{"id": 1, "text": "hello"}]
        ```

        ## Error Response

        **Condition** : The account does not exist.

        **Code** : `404 Not Found`

        **Content** :

        ```json
        {"detail": "Not found."}
        ```
        """, file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        let op = try #require(page.operations.first)
        #expect(page.operations.count == 1)
        #expect(op.method == "GET" && op.path == "/api/accounts/{pk}/notes")
        #expect(op.summary == "Show Accessible Accounts")
        #expect(op.parameters.map { "\($0.location.rawValue) \($0.name)" } == ["path pk", "query page", "query per", "query expand"])
        #expect(op.parameters.first { $0.name == "page" }?.type == .integer)
        #expect(op.responses.map(\.status) == ["200", "404"])
        guard case .array(.object(let fields))? = op.responses.first?.type else { Issue.record("no list body"); return }
        #expect(fields.map(\.name) == ["id", "text"])
    }

    @Test func aURLLineWithoutAMethodLineIsNoSignature() {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("# Links\n\n**URL** : `/docs/start`\n\nRead it first.\n", file: "p.md", diagnostics: d)
        #expect(DialectRegistry().extract(doc, diagnostics: d) == nil)
        #expect(LabelledEndpoint.isTemplateLine(InlineText(stringLiteral: "Code : 200 OK")))
        #expect(!LabelledEndpoint.isTemplateLine(InlineText(stringLiteral: "title : the title")))
    }
}

/// Hand-written notes: a table of contents repeating the heading signatures, `## POST notes`
/// without a slash, `name: Type` body lines.
@Suite struct HandWrittenNotesTests {
    @Test func tableOfContentsBareHeadingAndTypedLines() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # Notes Endpoints

        [GET notes/:id](#get-notesid)

        [POST notes](#post-notes)

        ## GET notes/:id
        Returns the note.

        ### Example
            127.0.0.1:8000/api/notes/1
        **Returns**
        ```json
        {"id": 1, "text": "hi"}
        ```

        ## POST notes
        Creates a note.

        ### Body Parameters
          text: String

          pinned: Boolean (optional)

        ### Example
        **Body**
        ```json
        {"text": "hi"}
        ```
        """, file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        #expect(page.operations.map { "\($0.method) \($0.path)" } == ["GET /notes/{id}", "POST /notes"])
        guard case .object(let response)? = page.operations[0].responses.first?.type else { Issue.record("no response body"); return }
        #expect(response.map(\.name) == ["id", "text"])
        guard case .object(let body)? = page.operations[1].requestBody?.type else { Issue.record("no request body"); return }
        #expect(body.map(\.name) == ["text", "pinned"])
        #expect(body.map(\.required) == [false, false])
        #expect(ParameterList.typed(InlineText(stringLiteral: "Note: see below"), line: 1) == nil)
    }

    @Test func aBareHeadingIsNoSignatureWithoutAnotherOneNamingItsSegment() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("# API\n\n## GET /users/:id\n\nOne user.\n\n## POST requests\n\nHow to send them.\n", file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        #expect(page.operations.map(\.path) == ["/users/{id}"])
    }
}

/// Slate's `URL Parameters` tables hold path placeholders and query parameters alike.
@Suite struct URLParameterTableTests {
    @Test func aURLParameterRowNotInThePathIsAQueryParameter() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # Lists

        ## Create a list

        ### HTTP Request

        `POST https://api.example.com/v1/lists/LIST_ID/items`

        ### URL Parameters

        Parameter | Description
        --------- | -----------
        `LIST_ID` | The list
        `api_key` | Your key
        """, file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        let op = try #require(page.operations.first)
        #expect(op.parameters.map { "\($0.location.rawValue) \($0.name)" } == ["path LIST_ID", "query api_key"])
        #expect(op.requestBody == nil)
        #expect(d.diagnostics.filter { $0.severity == .warning }.isEmpty)
    }
}

/// A capitalised literal that another signature of the page has as a placeholder is that placeholder.
@Suite struct PlaceholderNamedElsewhereTests {
    @Test func literalTokenBecomesThePlaceholderTheOtherOperationsHave() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # Services

        ## List services

        ### HTTP Request

        `GET https://app.example.com/api/v1/APITOKEN/services/all`

        ## Get a service

        ### HTTP Request

        `GET https://app.example.com/api/v1/APITOKEN/services/SERVICE_ID`

        ### URL Parameters

        Parameter | Description
        --------- | -----------
        APITOKEN | Your token
        SERVICE_ID | The service
        """, file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        #expect(page.operations.map(\.path) == ["/api/v1/{APITOKEN}/services/all", "/api/v1/{APITOKEN}/services/{SERVICE_ID}"])
        #expect(page.operations[0].parameters.map(\.name) == ["APITOKEN"])
    }
}
