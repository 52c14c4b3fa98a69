import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing
import TextFrontEnd

/// The general reader's request and response body constructs (issue 28, fields): where a page puts a
/// body's fields and how the reader finds them. Synthetic snippets written for these tests.
@Suite struct BodyConstructTests {
    func read(_ text: String, html: Bool = false, text plain: Bool = false) throws -> (PageExtraction, RecordingCollector) {
        try SnippetPage.read(text, html: html, text: plain)
    }

    func names(_ t: TypeRef?) -> [String] { SnippetPage.fieldNames(t) }

    func success(_ op: Operation) -> Response? { op.responses.first(where: \.isSuccess) }

    // MARK: sections and message parts

    /// An HTML container that opens with the operation's heading holds its later same-level headings
    /// (`Example URI`), and a `Response 200` caption owns the `Headers` / `Body` / `Schema` parts after it.
    @Test func containerSectionAndMessagePartsInHTML() throws {
        let (page, d) = try read("""
        <html><body>
        <div class="action get"><h4 class="action-heading"><div class="name">Get a widget</div><a class="method get">GET</a><code class="uri">/widgets/{id}{?fields}</code></h4>
        <div class="note"><h4>Caching</h4><p>Cached for a minute.</p></div>
        <h4>Example URI</h4><div class="definition"><span class="method get">GET</span> <span class="uri">https://h/api/widgets/7</span></div>
        <div class="title"><strong>URI Parameters</strong></div>
        <dl class="inner"><dt>id</dt><dd><code>number</code> (required)<p>The widget.</p><ul><li><p><code>7</code> - a small one</p></li></ul></dd>
        <dt>fields</dt><dd><code>string</code> (optional)<p>Fields to return.</p></dd></dl>
        <div class="title"><strong>Response&nbsp;&nbsp;<code>200</code></strong></div>
        <h5>Headers</h5><pre><code>Content-Type: application/json</code></pre>
        <h5>Body</h5><pre><code>{"id": 7, "name": "Spanner", "size": {"w": 1}}</code></pre>
        <h5>Schema</h5><pre><code>{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "required": ["id"],
          "properties": {"id": {"type": "number"}, "name": {"type": "string"}, "size": {"type": "object", "properties": {"w": {"type": "number"}}}}}</code></pre>
        <div class="title"><strong>Response&nbsp;&nbsp;<code>404</code></strong></div>
        <h5>Body</h5><pre><code>{"message": "Not found"}</code></pre>
        </div>
        <div class="action delete"><h4 class="action-heading"><div class="name">Delete a widget</div><a class="method delete">DELETE</a><code class="uri">/widgets/{id}</code></h4>
        <div class="title"><strong>Response&nbsp;&nbsp;<code>204</code></strong></div>
        </div>
        </body></html>
        """, html: true)
        #expect(d.diagnostics.isEmpty, "\(d.diagnostics)")
        #expect(page.operations.map { $0.method + " " + $0.path } == ["GET /widgets/{id}", "DELETE /widgets/{id}"])
        let get = page.operations[0]
        #expect(get.requestBody == nil)
        #expect(get.responses.map(\.status) == ["200", "404"])
        let ok = try #require(success(get))
        #expect(names(ok.type) == ["id", "name", "size", "size.w"])
        // The schema states the types and which fields are required.
        guard case .object(let fields)? = ok.type else { Issue.record("\(String(describing: ok.type))"); return }
        #expect(fields.map(\.required) == [true, false, false])
        #expect(get.parameters.map { "\($0.location) \($0.name)" } == ["path id", "query fields"])
        #expect(page.operations[1].responses.map(\.status) == ["204"])
    }

    /// A wrapper holding several headings like its first (`<h2 class="section">` each) is not one section.
    @Test func wrapperOfPeerHeadingsIsNotASection() {
        let blocks = HTMLParser().parse("""
        <html><body><div class="container"><h2 class="s">One</h2><p>a</p><h2 class="s">Two</h2><p>b</p></div>
        <section><h2 class="op">Three</h2><h2>Part of three</h2></section></body></html>
        """, file: "p.html", diagnostics: RecordingCollector()).blocks
        let levels = blocks.compactMap { if case .heading(let h) = $0 { return "\(h.level) \(h.text.plain)" } else { return nil } }
        #expect(levels == ["2 One", "2 Two", "2 Three", "3 Part of three"])
    }

    /// The heading that opens a container may sit in a header element of its own (Bootstrap's
    /// `modal-header` / `panel-heading` / `card-header`, a close button beside it): the container's
    /// later headings, whatever their own level, are below it; a header holding two headings opens nothing.
    @Test func headingInAHeaderElementOpensItsContainer() {
        let blocks = HTMLParser().parse("""
        <html><body><div class="modal-content"><div class="modal-header"><button class="close">&times;</button><h4 class="modal-title">get /a</h4></div>
        <div class="modal-body"><h3>URI Parameters</h3><p>x</p><h2>HTTP status code 200</h2></div></div>
        <div class="card"><div class="card-header"><div><h2 class="card-title">POST /b</h2></div><p>Creates a b.</p></div><div class="card-body"><h2>Body</h2></div></div>
        <div class="panel"><div class="panel-heading"><h3>One</h3><h3>Two</h3></div><div class="panel-body"><h2>Three</h2></div></div>
        </body></html>
        """, file: "p.html", diagnostics: RecordingCollector()).blocks
        let levels = blocks.compactMap { if case .heading(let h) = $0 { return "\(h.level) \(h.text.plain)" } else { return nil } }
        #expect(levels == ["4 get /a", "5 URI Parameters", "6 HTTP status code 200", "2 POST /b", "3 Body", "3 One", "3 Two", "2 Three"])
        // The header's other content stays, after its heading.
        #expect(blocks.contains { if case .paragraph(let p) = $0 { return p.text.plain == "Creates a b." } else { return false } })
    }

    /// A status heading or line (`HTTP status code 400`, `#### Status code 200`, `Status code 404:`) opens
    /// that response: the `Body` part and the fields listed after it are its own, so an error's fields
    /// stay out of the success body; the statuses are documented ones.
    @Test func statusHeadingOpensItsResponse() throws {
        let markdown = """
        ## GET /widgets/{id}

        #### Status code 200

        ##### Body

        - **id**: *required (integer)*
        - **name**: *(string)*

        #### Status code 404

        ##### Body

        - **error**: *required (string)*

        ## PUT /widgets/{id}

        ### Body

        - `name` (string): the new name

        Status code 400:

        - `error` (string): what was wrong
        """
        let html = """
        <html><body><div class="modal-content"><div class="modal-header"><h4 class="modal-title"><span class="badge">get</span> /widgets/{id}</h4></div>
        <div class="modal-body"><h2>HTTP status code <a href="http://httpstatus.es/200">200</a></h2><h3>Body</h3>
        <p><strong>Media type</strong>: application/json</p><p><strong>Type</strong>: object</p><strong>Properties</strong>
        <ul><li><strong>id</strong>: <em>required (integer)</em></li><li><strong>name</strong>: <em>(string)</em></li></ul>
        <h2>HTTP status code <a href="http://httpstatus.es/404">404</a></h2><h3>Body</h3><p><strong>Type</strong>: object</p>
        <strong>Properties</strong><ul><li><strong>error</strong>: <em>required (string)</em></li></ul></div></div>
        </body></html>
        """
        for (text, isHTML) in [(markdown, false), (html, true)] {
            let (page, _) = try read(text, html: isHTML)
            let get = try #require(page.operations.first)
            #expect(get.responses.map(\.status) == ["200", "404"])
            #expect(names(success(get)?.type) == ["id", "name"])
            #expect(get.requestBody == nil)
            if !isHTML {
                let put = try #require(page.operations.last)
                #expect(names(put.requestBody?.type) == ["name"])
                #expect(put.responses.map(\.status).contains("400"))
            }
        }
    }

    /// A list nested in a field's list item lists that field's members (`service_links` / `service_id`
    /// → `service_links.service_id`), in Markdown and HTML lists, at any depth; a nested list under an
    /// item that is no field stays flat.
    @Test func nestedListEntriesAreMembersOfTheirItem() throws {
        let markdown = """
        ## GET /users/{id}

        Response fields:

        - `name` (string): the name
        - `links` (array): the user's links
          - `service` (string): the service
          - `target` (object): where it points
            - `url` (string): the address
        - `age` (integer): the age
        """
        let html = """
        <html><body><h2>GET /users/{id}</h2><p>Response fields:</p>
        <ul><li><strong>name</strong>: <em>(string)</em></li>
        <li><strong>links</strong>: <em>(array of Link)</em><p><strong>Items</strong>: Link</p>
        <div class="items"><ul><li><strong>service</strong>: <em>required (string)</em></li>
        <li><strong>target</strong>: <em>(object)</em><ul><li><strong>url</strong>: <em>(string)</em></li></ul></li></ul></div></li>
        <li><strong>age</strong>: <em>(integer)</em></li></ul></body></html>
        """
        for (text, isHTML) in [(markdown, false), (html, true)] {
            let (page, _) = try read(text, html: isHTML)
            let get = try #require(page.operations.first)
            #expect(names(success(get)?.type) == ["name", "links", "links.service", "links.target", "links.target.url", "age"])
        }
    }

    /// A JSON Schema shown as a block is the body's type, not an example with `type` and `properties` fields.
    @Test func jsonSchemaBlockIsTheBodyType() throws {
        let (page, _) = try read("""
        ## POST /notes

        Request schema:

        ```json
        {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}}
        ```

        Response 201:

        ```json
        {"id": 1, "text": "x", "type": "note", "properties": {"a": 1}}
        ```
        """)
        let op = try #require(page.operations.first)
        #expect(names(op.requestBody?.type) == ["text", "tags"])
        // An example whose keys happen to be `type` and `properties` stays an example.
        #expect(names(success(op)?.type) == ["id", "text", "type", "properties", "properties.a"])
    }

    // MARK: OpenAPI objects in component props

    /// docusaurus-plugin-openapi-docs v3: the request body and the responses are OpenAPI objects in
    /// JSX props; prose before them (`returns …`) does not decide which is which.
    @Test func openAPIObjectsInComponentProps() throws {
        let (page, _) = try read("""
        <MethodEndpoint method={"post"} path={"/v1/notes/{ver}"} context={"endpoint"}>
        </MethodEndpoint>

        Creates a note and returns its result.

        <RequestSchema
          title={"Body"}
          body={{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["text"],"properties":{"text":{"type":"string"},"meta":{"type":"object","properties":{"ts":{"type":"string"}}}}}}}}}
        >
        </RequestSchema>

        <StatusCodes
          id={undefined}
          responses={{"400":{"description":"Bad"},"201":{"description":"Created","content":{"application/json":{"schema":{"type":"object","properties":{"id":{"type":"integer"},"data":{"type":"object","properties":{"status":{"type":"string","enum":["a","b"]}}}}}}}}}}
        >
        </StatusCodes>
        """)
        let op = try #require(page.operations.first)
        #expect(op.method + " " + op.path == "POST /v1/notes/{ver}")
        #expect(names(op.requestBody?.type) == ["text", "meta", "meta.ts"])
        #expect(op.responses.map(\.status) == ["201", "400"])
        #expect(names(success(op)?.type) == ["id", "data", "data.status"])
    }

    // MARK: examples after a signature line, in every rendering

    /// A request block after the signature and a response whose status is a `# HTTP-Code 201` comment
    /// (its body one JSON scalar), with unquoted keys and bare placeholders in the pseudo-JSON: the
    /// same model from the page's HTML and from its text rendering (literal blocks indented three).
    @Test func requestThenCommentedStatusResponseInHTMLAndText() throws {
        let html = """
        <html><body><div class="section"><h2>Add</h2>
        <p><code>DELETE</code>-Request sent: <code>/api/v1/tags/remove</code></p>
        <div class="highlight-json"><pre>{
            "item": "{tag name}",
            "o_id": {ticket id}
        }</pre></div>
        <p>Response:</p>
        <div class="highlight-json"><pre># HTTP-Code 201 Created

        true</pre></div>
        </div>
        <div class="section"><h2>List</h2>
        <p><code>GET</code>-Request sent: <code>/api/v1/tags</code></p>
        <div class="highlight-json"><pre># HTTP-Code 200 Ok

        {
          tags: [{"id": 1, "name": "x"},]
        }</pre></div>
        </div></body></html>
        """
        let text = """
        Add
        ===

        "DELETE"-Request sent: "/api/v1/tags/remove"

           {
               "item": "{tag name}",
               "o_id": {ticket id}
           }

        Response:

           # HTTP-Code 201 Created

           true


        List
        ====

        "GET"-Request sent: "/api/v1/tags"

           # HTTP-Code 200 Ok

           {
             tags: [{"id": 1, "name": "x"},]
           }
        """
        for (page, _) in [try read(html, html: true), try read(text, text: true)] {
            #expect(page.operations.map { $0.method + " " + $0.path } == ["DELETE /api/v1/tags/remove", "GET /api/v1/tags"])
            let delete = page.operations[0], list = page.operations[1]
            #expect(names(delete.requestBody?.type) == ["item", "o_id"])
            #expect(delete.responses.map(\.status) == ["201"])
            #expect(success(delete)?.type == .boolean)
            #expect(list.responses.map(\.status) == ["200"])
            #expect(names(success(list)?.type) == ["tags", "tags.id", "tags.name"])
        }
    }

    @Test func tolerantJSONReadsUnquotedKeysAndPlaceholderValues() throws {
        var p = TolerantJSON("{mentions: [1], \"o_id\": {ticket id}, \"n\": <integer>, $ref: \"x\"}", allowsBareKeys: true)
        let (value, _) = try p.parseValue()
        guard case .object(let members) = value else { Issue.record("\(value)"); return }
        #expect(members.map(\.0) == ["mentions", "o_id", "n", "$ref"])
        #expect(members[1].1 == .string("ticket id"))
        #expect(p.repairs.count == 4)
        // A top-level `{word}` is not a placeholder; a strict reader does not take bare keys.
        var q = TolerantJSON("{id}", allowsBareKeys: true)
        #expect(throws: TolerantJSON.Failure.self) { try q.parseValue() }
        var strict = TolerantJSON("{mentions: [1]}")
        #expect(throws: TolerantJSON.Failure.self) { try strict.parseValue() }
    }

    /// Hand-written pseudo-JSON: bare placeholder words as values (`"method": METHOD`, `[LIST_OF_IDS]`,
    /// `"api_key": YOUR_API_KEY`), alternatives after a value (`"a", "b" or "c"`, `true / false`,
    /// `OWNER_ID or null`), `...` right after a member, an unescaped quote inside a string
    /// (`"<span class="match">x</span>"`). Only inside the value of a quoted key: JavaScript
    /// (`{a: b}`) stays unread.
    @Test func pseudoJSONPlaceholderWordsAndAlternatives() throws {
        var p = TolerantJSON("""
        {
          "documents": [LIST_OF_DOCUMENT_IDS],
          "method": METHOD, // see below
          "object_type": "tags", "correspondents" or "storage_paths",
          "owner": OWNER_ID or null,
          "merge": true / false,
          "permissions": { "view": { "users": [] ... }, "change": { ... } },
          "highlights": "text <span class="match">Test</span> text",
          "parameters": args
        }
        """, allowsBareKeys: true)
        let (value, _) = try p.parseValue()
        guard case .object(let members) = value else { Issue.record("\(value)"); return }
        #expect(members.map(\.0) == ["documents", "method", "object_type", "owner", "merge", "permissions", "highlights", "parameters"])
        #expect(members[1].1 == .string("METHOD"))
        #expect(members[6].1 == .string("text <span class=\"match\">Test</span> text"))
        var js = TolerantJSON("{a: b}", allowsBareKeys: true)
        #expect(throws: TolerantJSON.Failure.self) { try js.parseValue() }
        // In a page: a Markdown fence, an HTML `<pre>`, a plain-text literal block.
        let body = """
        {
          "documents": [LIST_OF_DOCUMENT_IDS],
          "method": METHOD,
          "object_type": "tags", "correspondents" or "storage_paths"
        }
        """
        let markdown = "## POST /bulk_edit/\n\nSend a json payload of the format:\n\n```json\n" + body + "\n```\n"
        let html = "<html><body><h2>POST /bulk_edit/</h2><p>Send a json payload of the format:</p><pre>" + body + "</pre></body></html>"
        let text = "POST /bulk_edit/\n================\n\nSend a json payload of the format:\n\n" + body.split(separator: "\n").map { "   " + $0 }.joined(separator: "\n") + "\n"
        for (page, kind) in [(markdown, 0), (html, 1), (text, 2)] {
            let (read, d) = try self.read(page, html: kind == 1, text: kind == 2)
            let op = try #require(read.operations.first, "\(kind)")
            #expect(names(op.requestBody?.type) == ["documents", "method", "object_type"], "\(kind)")
            #expect(!d.diagnostics.contains { $0.severity == .warning }, "\(kind): \(d.diagnostics)")
        }
    }

    /// A field documented as `object` (or `array of objects`) without members of its own takes the
    /// members the example shows, whether the field is a table row or a list entry.
    @Test func documentedObjectFieldTakesTheExamplesMembers() throws {
        let example = "```json title=\"Example Response\"\n{\"webcam\": {\"name\": \"TestCam\", \"uid\": \"x\"}, \"tags\": [{\"id\": 1}]}\n```\n"
        let table = "## GET /webcams/item\n\n" + example + "\nResponse fields:\n\n| Field | Type | Description |\n|---|---|---|\n| `webcam` | object | The webcam. |\n| `tags` | array of objects | Its tags. |\n"
        let list = "## GET /webcams/item\n\n" + example + "\nResponse fields:\n\n- `webcam` (object): the webcam\n- `tags` (array of objects): its tags\n"
        let html = "<html><body><h2>GET /webcams/item</h2><p>Example response:</p><pre><code class=\"language-json\">{\"webcam\": {\"name\": \"TestCam\", \"uid\": \"x\"}, \"tags\": [{\"id\": 1}]}</code></pre>"
            + "<p>Response fields:</p><table><tr><th>Field</th><th>Type</th><th>Description</th></tr><tr><td><code>webcam</code></td><td>object</td><td>The webcam.</td></tr>"
            + "<tr><td><code>tags</code></td><td>array of objects</td><td>Its tags.</td></tr></table></body></html>"
        for (page, isHTML) in [(table, false), (list, false), (html, true)] {
            let (read, _) = try self.read(page, html: isHTML)
            let op = try #require(read.operations.first)
            #expect(names(success(op)?.type) == ["webcam", "webcam.name", "webcam.uid", "tags", "tags.id"], "\(page.prefix(60))")
        }
    }

    // MARK: a response described by reference

    /// "returns JSON structured like getting a single environment": the response of the operation
    /// the words name (a single item: the one with a placeholder at the end), not of the list.
    @Test func responseStructuredLikeAnotherOperations() throws {
        let (page, _) = try read("""
        # Key pairs

        ## Get All Key Pairs

        > The above command returns JSON structured like this:

        ```json
        {"keyPairs": [{"id": 1}]}
        ```

        `GET /api/key-pairs`

        ## Get a Specific Key Pair

        > The above command returns JSON structured like this:

        ```json
        {"keyPair": {"id": 1, "name": "x"}}
        ```

        `GET /api/key-pairs/:id`

        ## Create a Key Pair

        > The above command returns JSON structured like getting a single keyPair:

        `POST /api/key-pairs`

        ## Delete a Key Pair

        > The above command returns JSON structured like this:

        `DELETE /api/key-pairs/:id`
        """)
        #expect(page.operations.map { $0.method + " " + $0.path } == ["GET /api/key-pairs", "GET /api/key-pairs/{id}", "POST /api/key-pairs", "DELETE /api/key-pairs/{id}"])
        #expect(names(success(page.operations[2])?.type) == ["keyPair", "keyPair.id", "keyPair.name"])
        #expect(success(page.operations[3])?.type == nil)
    }

    // MARK: one operation per page

    /// A page documenting one operation: its `Example Result` headings after a curl example's heading
    /// are still its section, and an elided value (`"bcrypt": ...`) keeps its member.
    @Test func onePageOneOperationHoldsEveryExample() throws {
        let (page, d) = try read("""
        # User Information

        | URL | Requires Auth | HTTP Method |
        | :--- | :--- | :--- |
        | `/api/v1/users.info` | `yes` | `GET` |

        ## Example Call

        ```bash
        curl -H "X-Auth-Token: x" http://localhost:3000/api/v1/users.info?userId=B
        ```

        ## Example Result

        ```json
        {"user": {"_id": "n", "name": "U"}, "success": true}
        ```

        ## Example Result for an admin

        ```bash
        curl -H "X-Auth-Token: x" http://localhost:3000/api/v1/users.info?userId=B&fields=x
        ```

        ```json
        {"user": {"_id": "n", "services": {"password": {"bcrypt": ...}}}, "success": true}
        ```
        """)
        #expect(d.diagnostics.isEmpty, "\(d.diagnostics)")
        let op = try #require(page.operations.first)
        #expect(page.operations.count == 1)
        #expect(names(success(op)?.type) == ["user", "user._id", "user.name", "user.services", "user.services.password", "user.services.password.bcrypt", "success"])
    }

    // MARK: fence info strings

    /// The status in a fence's info string (```` ```json 404 Not found ````, `title="201"`), Pandoc
    /// attributes (```` ```{.json .apiresponse title="Example Response"} ````), and a JSON-RPC call
    /// shown beside an HTTP GET that is not its body.
    @Test func fenceInfoStatusesAndAttributes() throws {
        let (page, _) = try read("""
        ## GET /server/webcams/list

        ```{.json .apirequest title="JSON-RPC Request"}
        {"jsonrpc": "2.0", "method": "server.webcams.list", "id": 1}
        ```

        ```{.json .apiresponse title="Example Response"}
        {"webcams": [{"name": "a"}]}
        ```

        ## POST /documents

        ```json title="201"
        {"id": 1}
        ```

        ```json 404 Not found
        {"message": "x"}
        ```
        """)
        let list = page.operations[0], create = page.operations[1]
        #expect(list.requestBody == nil)
        #expect(names(success(list)?.type) == ["webcams", "webcams.name"])
        #expect(create.responses.map(\.status) == ["201", "404"])
        #expect(names(success(create)?.type) == ["id"])
        #expect(create.requestBody == nil)
    }

    /// A JSON-RPC call whose method names the HTTP path (`server.webcams.test` beside
    /// `POST /server/webcams/test?uid=…`) is that call over another transport, not the POST's body,
    /// even alone; the parameter table naming the signature's query parameter is the query's. A
    /// JSON-RPC endpoint's own call (`POST /jsonrpc`) stays its body.
    @Test func jsonRPCCallMirroringThePathIsNoPOSTBody() throws {
        let (page, _) = try read("""
        ## Test a webcam

        ```http
        POST /server/webcams/test?uid=3417
        ```

        ```{.json .apirequest title="JSON-RPC Request"}
        {"jsonrpc": "2.0", "method": "server.webcams.test", "params": {"uid": "3417"}, "id": 4654}
        ```

        | Name   |  Type  | Description       |
        | ------ | :----: | ----------------- |
        | `uid`  | string | The webcam's ID.  |
        | `name` | string | Its friendly name. |

        ## Call a method

        ```http
        POST /jsonrpc
        ```

        ```{.json .apirequest title="Request"}
        {"jsonrpc": "2.0", "method": "Player.Open", "params": {"item": 1}, "id": 1}
        ```
        """)
        let test = try #require(page.operations.first { $0.path == "/server/webcams/test" })
        #expect(test.requestBody == nil)
        #expect(test.parameters.map { "\($0.location.rawValue):\($0.name)" } == ["query:uid", "query:name"])
        let rpc = try #require(page.operations.first { $0.path == "/jsonrpc" })
        let rpcFields = names(rpc.requestBody?.type)
        #expect(rpcFields.contains("method"))
    }

    /// Body fields named only in prose, as code after the word `field` (`form field `document``,
    /// `` `document` and optional `version_label` ``), in the signature's own list item and in a
    /// paragraph under it, Markdown and HTML; a table's documentation of the same name wins; a GET
    /// gets none.
    @Test func requestFieldsNamedInProseAfterTheWordField() throws {
        let md = """
        ## Documents

        - `POST /documents/{id}/update_version/`: uploads a new version using multipart form field `document` and optional `version_label`.
        - `GET /documents/{id}/`: the form field `title` is returned.

        ## Upload

        `POST /documents/post_document/`

        POST a multipart form to this endpoint, where the form field `document` contains the file.

        | Name    | Type    | Description |
        | ------- | ------- | ----------- |
        | `title` | integer | The title.  |
        """
        let html = """
        <h2>Upload</h2>
        <p><code>POST /documents/post_document/</code></p>
        <p>POST a multipart form to this endpoint, where the form field <code>document</code> contains the file.</p>
        """
        let (page, _) = try read(md)
        func fields(_ p: PageExtraction, _ path: String) -> [String] { names(p.operations.first { $0.path == path }?.requestBody?.type) }
        #expect(fields(page, "/documents/{id}/update_version/") == ["document", "version_label"])
        #expect(page.operations.first { $0.path == "/documents/{id}/" }?.requestBody == nil)
        #expect(Set(fields(page, "/documents/post_document/")) == ["document", "title"])
        let (htmlPage, _) = try read(html, html: true)
        #expect(fields(htmlPage, "/documents/post_document/") == ["document"])
    }

    // MARK: request bodies only in a command

    /// A form body given to curl (`--data "a=1&b=2"`, `-d a=1 -d b=2`) is the request body, form-encoded;
    /// an "Example payload" block is the request.
    @Test func curlFormBodiesAndExamplePayloads() throws {
        let (page, _) = try read("""
        ## Create a token

        `POST /oauth/token`

        ```bash
        curl -X POST https://api.example.com/oauth/token --data "username=me&password=secret&grant_type=api-password"
        ```

        ## Add a note

        `POST /notes`

        ```bash
        curl -X POST https://api.example.com/notes -d text=hello -d pinned=true
        ```

        ## Update a widget

        `PUT /widgets/{id}`

        Example payload:

        ```
        {"name": "x", "size": 2}
        ```
        """)
        #expect(page.operations.map { names($0.requestBody?.type) } == [["username", "password", "grant_type"], ["text", "pinned"], ["name", "size"]])
        #expect(page.operations.map { $0.requestBody?.contentType } == ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/json"])
    }

    /// `curl -F 'name=value'` / `--form name=@file`: multipart form fields, one per option (values keep
    /// their `&`), in a Markdown fence, an HTML `<pre>` and a `<pre><code>` left as raw HTML in Markdown.
    @Test func curlMultipartFormFields() throws {
        let command = "curl --request POST \\\n  --url https://api.example.com/coupon/status \\\n  --header 'content-type: multipart/form-data; \\\n  --form 'id=#MyID' \\\n  -F 'note=a&b' \\\n  -F file=@photo.jpg\n"
        let markdown = "## POST /coupon/status\n\n```bash\n" + command + "```\n"
        let html = "<html><body><h2>POST /coupon/status</h2><pre><code class=\"language-bash\">" + command + "</code></pre></body></html>"
        let rawHTML = "## POST /coupon/status\n\n__CURL__\n<pre><code class=\"bash\">\n" + command + "</code></pre>\n"
        for (page, isHTML) in [(markdown, false), (html, true), (rawHTML, false)] {
            let (read, _) = try self.read(page, html: isHTML)
            let op = try #require(read.operations.first)
            #expect(names(op.requestBody?.type) == ["id", "note", "file"], "\(page.prefix(40))")
            #expect(op.requestBody?.contentType == "multipart/form-data")
        }
    }

    /// A `<pre>` left as raw HTML in a Markdown page (Jekyll's `<div markdown="1">`, READMEs) is a code
    /// block: entities decoded, its language from the class, its JSON an example like a fence's.
    @Test func preformattedRawHTMLInMarkdownIsACodeBlock() throws {
        let (page, _) = try read("""
        <div markdown="1">

        #### `POST https://example.com/p/orders/create`

        #### Params (POST Params)

        - ___total___: the amount

        #### Response:

        __JSON__
        <pre><code>
        {
          "uid": "SJMHEKxSl",
          "note": "a &amp; b &lt;i&gt;",
          "amount": 100
        }
        </code></pre>
        </div>
        """)
        let op = try #require(page.operations.first)
        #expect(op.method + " " + op.path == "POST /p/orders/create")
        #expect(names(success(op)?.type) == ["uid", "note", "amount"])
    }

    /// One response shown once as an object and once as an array of such objects: an array of the
    /// merged objects, with a warning at the first example (it used to have no type and no warning).
    @Test func objectAndArrayExamplesOfOneResponseWarn() throws {
        let markdown = """
        ## GET /professor

        Example response (200):

        ```json
        {"name": "Jon", "reviews": [{"rating": 5}]}
        ```

        200 Response

        ```json
        [{"name": "Jon", "average_rating": 4.1}]
        ```
        """
        let html = "<html><body><h2>GET /professor</h2><p>Example response (200):</p><pre><code class=\"language-json\">{\"name\": \"Jon\", \"reviews\": [{\"rating\": 5}]}</code></pre>"
            + "<p>200 Response</p><pre><code class=\"language-json\">[{\"name\": \"Jon\", \"average_rating\": 4.1}]</code></pre><h2>GET /courses</h2><p>Lists courses.</p></body></html>"
        for (page, isHTML) in [(markdown, false), (html, true)] {
            let (read, d) = try self.read(page, html: isHTML)
            let op = try #require(read.operations.first)
            guard case .array = success(op)?.type else { Issue.record("\(String(describing: success(op)?.type))"); continue }
            #expect(names(success(op)?.type) == ["name", "reviews", "reviews.rating", "average_rating"])
            #expect(d.diagnostics.contains { $0.severity == .warning && $0.message.contains("disagree") })
        }
    }

    // MARK: code components

    /// A code component (`<ContextCodeBlock language="json" title="Response">{`…`}</…>`, `<CodeBlock … code={`…`} />`)
    /// is a code block captioned by its title.
    @Test func codeComponentsAreCaptionedCodeBlocks() throws {
        let (page, _) = try read("""
        ## Create a comment

        <EndpointBadge method="POST" url="https://api.example.com/v1/comments/{record_id}" />

        <CodeBlock language="json" title="Request body" code={`{"value": "x", "file_ids": [1]}`} />

        <ContextCodeBlock language="json" title='Response'>
        {`{
          "comment_id": 1,
          "created_by": {"name": "Dan"}
        }`}
        </ContextCodeBlock>
        """)
        let op = try #require(page.operations.first)
        #expect(names(op.requestBody?.type) == ["value", "file_ids"])
        #expect(names(success(op)?.type) == ["comment_id", "created_by", "created_by.name"])
    }

    // MARK: flat field lists of a list's items

    /// Response fields listed flat (`id`, `reason`, … beside `next_token`, `total`) whose example holds
    /// most of them only inside the items of one member (`reports`): those are the items' fields, the
    /// rest stay at the top, in a Markdown list, a Markdown table and an HTML definition list.
    @Test(arguments: [
        ("md list", false, """
        * `id`: integer - ID of the report.
        * `reason`: string - Why.
        * `score`: integer - How bad.
        * `next_token`: integer - Pagination.
        * `total`: integer - Count.
        """),
        ("md table", false, """
        | Field | Type | Description |
        |---|---|---|
        | `id` | integer | ID of the report. |
        | `reason` | string | Why. |
        | `score` | integer | How bad. |
        | `next_token` | integer | Pagination. |
        | `total` | integer | Count. |
        """),
        ("html dl", true, """
        <dl><dt>id</dt><dd>integer - ID of the report.</dd><dt>reason</dt><dd>string - Why.</dd><dt>score</dt><dd>integer - How bad.</dd>
        <dt>next_token</dt><dd>integer - Pagination.</dd><dt>total</dt><dd>integer - Count.</dd></dl>
        """),
    ])
    func flatFieldsOfAListsItems(_ place: String, _ html: Bool, _ fields: String) throws {
        let example = #"{"reports": [{"id": 2, "reason": "foo", "score": -100}], "next_token": 2, "total": 4}"#
        let page = html
            ? "<html><body><h2>GET /reports</h2><p>Lists reports.</p><pre><code class=\"language-json\">\(example)</code></pre><h3>Response</h3>\(fields)</body></html>"
            : "## GET /reports\n\nLists reports.\n\n```json\n\(example)\n```\n\n**Response**\n\nThe following fields are returned:\n\n\(fields)\n"
        let (p, _) = try read(page, html: html)
        let op = try #require(p.operations.first, "\(place)")
        #expect(names(success(op)?.type) == ["reports", "reports.id", "reports.reason", "reports.score", "next_token", "total"], "\(place)")
        guard case .object(let top)? = success(op)?.type, case .array(.object(let items))? = top.first?.type else {
            Issue.record("\(place): \(String(describing: success(op)?.type))"); return
        }
        #expect(items.first?.description.contains("ID of the report") == true, "\(place)")
    }
}

