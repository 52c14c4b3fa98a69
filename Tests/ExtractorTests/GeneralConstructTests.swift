import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing
import TextFrontEnd

/// The general reader's constructs (issue 28), each in the places a page puts it: component markup
/// (MDX/JSX) and front matter, method and path in separate elements, placeholders in every notation,
/// shell commands with their output. Synthetic snippets written for these tests.
@Suite struct GeneralConstructTests {
    func read(_ text: String, html: Bool = false) throws -> (PageExtraction, RecordingCollector) {
        try SnippetPage.read(text, html: html, markdownFile: "p.mdx")
    }

    func names(_ t: TypeRef?) -> [String] { SnippetPage.fieldNames(t) }

    func signatures(_ page: PageExtraction) -> [String] { page.operations.map { $0.method + " " + $0.path } }

    // MARK: component markup

    @Test func componentMarkupSignatureParametersAndNestedResponseFields() throws {
        let (page, _) = try read("""
        ---
        title: "Rename a widget"
        api: "PATCH https://api.example.com/v2/widgets/{widgetId}"
        ---

        Renames one widget.

        <ParamField path="widgetId" type="integer" required>
          The widget.
        </ParamField>

        <ParamField query="dryRun" type="boolean">
          Only check.
        </ParamField>

        <ParamField body="label" type="string" required>
          The new label.
        </ParamField>

        <ResponseField name="widget" type="object">
          The widget.

          <Expandable title="members">
            <ResponseField name="id" type="integer">
              Its id.
            </ResponseField>

            <ResponseField name="label" type="string">
              Its label.
            </ResponseField>
          </Expandable>
        </ResponseField>
        """)
        let op = try #require(page.operations.first)
        #expect(signatures(page) == ["PATCH /v2/widgets/{widgetId}"])
        #expect(op.summary == "Rename a widget")
        #expect(page.baseURL == "https://api.example.com")
        #expect(op.parameters.map { "\($0.name):\($0.location.rawValue)" } == ["widgetId:path", "dryRun:query"])
        #expect(op.parameters.first?.type == .integer)
        #expect(op.parameters.first?.description == "The widget.")
        #expect(names(op.requestBody?.type) == ["label"])
        #expect(names(op.responses.first?.type) == ["widget", "widget.id", "widget.label"])
    }

    @Test func jsxAttributeExpressionsInAParagraphAndInAnHTMLBlock() throws {
        let (page, _) = try read("""
        <h1 className={"openapi__heading"}>Read a gauge</h1>

        <MethodEndpoint method={"get"} path={"/gauges/{gaugeId}"}></MethodEndpoint>

        Reads one gauge.

        <details className={"x"}><summary><h3>Path Parameters</h3></summary><ul><ParamsItem param={{"name":"gaugeId","in":"path","required":true,"schema":{"type":"integer"}}}></ParamsItem><ParamsItem param={{"name":"unit","in":"query","schema":{"type":"string"}}}></ParamsItem></ul></details><ApiTabs><TabItem label={"200"} value={"200"}><MimeTabs schemaType={"response"}><SchemaItem collapsible={false} name={"level"} required={true} schemaName={"number"}></SchemaItem><SchemaItem collapsible={true}><details><summary><strong className={"openapi-schema__property"}>limits</strong></summary><SchemaItem name={"low"} schemaName={"number"}></SchemaItem></details></SchemaItem><SchemaItem collapsible={true}><details><summary><strong className={"openapi-schema__property"}>property name*</strong></summary><SchemaItem name={"ignored"} schemaName={"string"}></SchemaItem></details></SchemaItem></MimeTabs></TabItem><TabItem label={"404"} value={"404"}>Missing</TabItem></ApiTabs>
        """)
        let op = try #require(page.operations.first)
        #expect(signatures(page) == ["GET /gauges/{gaugeId}"])
        #expect(op.summary == "Read a gauge")
        #expect(op.parameters.map { "\($0.name):\($0.location.rawValue)" } == ["gaugeId:path", "unit:query"])
        #expect(op.parameters.first?.type == .integer)
        #expect(names(op.responses.first { $0.status == "200" }?.type) == ["level", "limits", "limits.low"])
        #expect(op.responses.map(\.status) == ["200", "404"])
    }

    @Test func multiLineComponentTagWhoseClosingBracketIsALineOfItsOwn() throws {
        let (page, _) = try read("""
        <MethodEndpoint
          method={"post"}
          path={"/v1/runs/{ver}"}
        >
        </MethodEndpoint>

        Starts a run.

        <ParamsDetails
          parameters={[{"name":"ver","in":"path","required":true,"schema":{"type":"integer"}},{"name":"dry","in":"query","schema":{"type":"boolean"}}]}
        >
        </ParamsDetails>
        """)
        #expect(signatures(page) == ["POST /v1/runs/{ver}"])
        #expect(page.operations.first?.parameters.map { "\($0.name):\($0.location.rawValue)" } == ["ver:path", "dry:query"])
        #expect(page.operations.first?.parameters.first?.type == .integer)
    }

    @Test func componentTagsWithMethodAndPathAttributesInAnHTMLPage() throws {
        // An element written in a Markdown page as HTML (a lowercase element with the attributes).
        let (page, _) = try read("""
        # Boards

        <api-endpoint method="delete" path="/boards/:board"></api-endpoint>

        Deletes a board.
        """)
        #expect(signatures(page) == ["DELETE /boards/{board}"])
    }

    @Test func frontMatterSignatureAfterASpecFileName() throws {
        let (page, _) = try read("""
        ---
        title: List flags
        openapi: "openapi.yaml GET /flags"
        ---

        Lists the flags.
        """)
        #expect(signatures(page) == ["GET /flags"])
        #expect(page.operations.first?.summary == "List flags")
    }

    @Test func frontMatterWithoutASignatureStaysOutOfThePage() throws {
        let (page, _) = try read("""
        ---
        title: Notes
        api: eJyVVcFu4zYQ
        ---

        ## List notes

        `GET /notes`
        """)
        #expect(signatures(page) == ["GET /notes"])
        #expect(page.resource.title == "List notes")
    }

    // MARK: method and path in separate elements

    @Test func methodBadgeThenURIElementInHTML() throws {
        let (page, _) = try read("""
        <html><body><article>
        <h2>Jobs</h2>
        <h4 class="action-heading"><div class="name">Get a job</div><a class="method get">GET</a><code class="uri">/jobs/{id}{?fields,expand}</code></h4>
        <p>Returns one job.</p>
        <h4>Example URI</h4><div class="definition"><span class="method get">GET</span>&nbsp;<span class="uri">https://h.example.org/api/jobs/<span title="id">42x</span></span></div>
        <h4 class="action-heading"><div class="name">Cancel a job</div><a class="method delete">DELETE</a><code class="uri">/jobs/{id}</code></h4>
        <h4>Example URI</h4><div class="definition"><span class="method delete">DELETE</span>&nbsp;<span class="uri">https://h.example.org/api/jobs/42x</span></div>
        </article></body></html>
        """, html: true)
        #expect(signatures(page) == ["GET /jobs/{id}", "DELETE /jobs/{id}"])
        let op = try #require(page.operations.first)
        #expect(op.summary == "Get a job")
        #expect(op.parameters.map(\.name) == ["id", "fields", "expand"])
    }

    /// A badge block in Markdown's raw HTML (VitePress, hand-written landing pages): the method
    /// element on one line, the path element on the next.
    @Test func methodBadgeLineThenPathLineInAMarkdownHTMLBlock() throws {
        let (page, _) = try read("""
        # Add a comment

        <div class="api-endpoint-badge">
          <span class="method post">POST</span>
          <span class="path">/api/v1/items/{item_id}/comments/</span>
        </div>

        Adds a comment.

        <div class="endpoint">
            <span class="method get">GET</span>
            <strong><code>/api/v1/items/{item_id}/comments/</code></strong>
        </div>
        """)
        #expect(signatures(page) == ["POST /api/v1/items/{item_id}/comments/", "GET /api/v1/items/{item_id}/comments/"])
    }

    /// The method as a class of the element holding the path (Kong's Admin API pages:
    /// `<div class="endpoint get">/licenses/{id}</div>`), in Markdown's raw HTML and in HTML.
    @Test(arguments: [false, true])
    func methodNamedByTheClassOfThePathElement(html: Bool) throws {
        let text = html ? """
        <html><body><h2>List licenses</h2><p><strong>Endpoint</strong></p>
        <div class="endpoint get">/licenses/</div>
        <h2>Get a license</h2><p><strong>Endpoint</strong></p>
        <div class="endpoint get indent">/licenses/{id}</div>
        <h2>Add a workspace</h2><p>Endpoint <span class="endpoint post">/workspaces/</span></p>
        <div class="endpoint get"><span class="method">GET</span> Lists</div>
        </body></html>
        """ : """
        ## List licenses

        **Endpoint**
        <div class="endpoint get">/licenses/</div>

        ## Get a license

        **Endpoint**

        <div class="endpoint get indent">/licenses/\\{id\\}</div>

        ## Add a workspace

        <div class="endpoint post">/workspaces/</div>
        """
        let (page, _) = try read(text, html: html)
        #expect(signatures(page) == ["GET /licenses/", "GET /licenses/{id}", "POST /workspaces/"])
    }

    @Test func keyValueTableNamesTheEndpointAndTheMethod() throws {
        let (page, _) = try read("""
        ## Remove a tag

        | Endpoint | `/tags/<tag>` |
        |---|---|
        | Method | DELETE |
        | Auth | token |
        """)
        #expect(signatures(page) == ["DELETE /tags/{tag}"])
        #expect(page.operations.first?.summary == "Remove a tag")
    }

    @Test func pathHeadingWhoseSectionNamesTheMethodsInProse() throws {
        let (page, _) = try read("""
        # Notes

        ## /notes/{id}

        GET returns the note.

        PUT replaces it with the body. DELETE removes it.

        ## /notes

        - `GET` lists the notes.
        - `POST` adds one.
        """)
        #expect(signatures(page).sorted() == ["DELETE /notes/{id}", "GET /notes", "GET /notes/{id}", "POST /notes", "PUT /notes/{id}"])
    }

    /// The method named in prose around a path written alone: a sentence opening with the method that
    /// names the path (`POST a username … to \`/api/token/\``); a path line, then `POST a multipart form
    /// to this endpoint`; a path heading whose first line opens with the method as a verb (`Get auto
    /// completions …`).
    @Test func methodInProseAroundAPathWrittenAlone() throws {
        let (page, _) = try read("""
        # API

        POST a username and password as a form or json string to
        `/api/token/` and the server will respond with a token, if the login data is correct.

        ### `/api/search/autocomplete/`

        Get auto completions for a partial search term.

        - `term`: The incomplete term.

        ## Uploads

        The API provides a special endpoint for file uploads:

        `/api/documents/post_document/`

        POST a multipart form to this endpoint, where the form field `document` holds the file.

        `/api/other/`

        Mentioned only.
        """)
        #expect(signatures(page).sorted() == ["GET /api/search/autocomplete/", "POST /api/documents/post_document/", "POST /api/token/"])
    }

    @Test func severalPathsInOneHeadingShareItsSection() throws {
        let (page, _) = try read("""
        ## GET /v1/items/{id}, /v1/items/by-code/{code}

        | Name | Type | Description |
        |---|---|---|
        | verbose | boolean | More detail |
        """)
        #expect(signatures(page) == ["GET /v1/items/{id}", "GET /v1/items/by-code/{code}"])
        #expect(page.operations.allSatisfy { $0.parameters.contains { $0.name == "verbose" } })
    }

    /// Several signature code spans in one list item, and a query-string code span beside them.
    @Test func severalSignatureCodeSpansInOneListItemWithTheirQueryString() throws {
        let (page, _) = try read("""
        # Versions

        Version-aware endpoints:

        - `GET /api/docs/{id}/`: returns the document. Use `?version={version_id}` for a version.
        - `GET /api/docs/{id}/download/`, `GET /api/docs/{id}/thumb/`: accept `?version={version_id}`.
        - `DELETE /api/docs/{id}/versions/{version_id}/`: deletes a version.
        """)
        #expect(signatures(page) == ["GET /api/docs/{id}/", "GET /api/docs/{id}/download/", "GET /api/docs/{id}/thumb/",
                                     "DELETE /api/docs/{id}/versions/{version_id}/"])
        #expect(page.operations.prefix(3).allSatisfy { $0.parameters.map(\.name) == ["id", "version"] })
        #expect(page.operations[3].parameters.map(\.name) == ["id", "version_id"])
    }

    /// A one-row `URL | HTTP Method` table is the page's signature (the curl examples below it are
    /// examples), and a parameter row naming alternatives (`` `userId` or `username` ``) gives both.
    @Test func oneRowEndpointTableAndAlternativeParameterNames() throws {
        let (page, _) = try read("""
        # User Info

        | URL | Requires Auth | HTTP Method |
        | :--- | :--- | :--- |
        | `/api/v1/users.info` | `yes` | `GET` |

        ## Query Parameters

        | Argument | Example | Required | Description |
        | :--- | :--- | :--- | :--- |
        | `userId` or `username` | `BsNr28` | Required | The id or username of the user. |

        ## Example Call

        ```bash
        curl -H "X-Auth-Token: 9HqL" http://localhost:3000/api/v1/users.info?userId=BsNr28
        ```
        """)
        #expect(signatures(page) == ["GET /api/v1/users.info"])
        #expect(page.operations.first?.parameters.map(\.name) == ["userId", "username"])
        #expect(page.operations.first?.parameters.allSatisfy { !$0.required } == true)
    }

    @Test func methodGluedToItsPath() {
        #expect(SignatureReader.read("GET/users/{id}")?.path == "/users/{id}")
        #expect(SignatureReader.read("GETTING/x") == nil)
    }

    /// Examples of a template ending in a placeholder (`/config/{path}`): any rest of the path, empty
    /// or several segments, is an instance; a signature in a code span of running prose that
    /// instantiates a heading's signature is a mention of it.
    @Test func restOfPathExamplesAndProseMentionsAreNoOtherOperations() throws {
        let (page, _) = try read("""
        ## GET /config/[path]

        Reads the config.

        ## DELETE /config/[path]

        ```bash
        curl -X DELETE "http://localhost:2019/config/"
        ```

        ```bash
        curl -X DELETE "http://localhost:2019/config/apps/http/servers/one"
        ```

        ## Using ids in JSON

        ```json
        {"@id": "my_proxy", "handler": "reverse_proxy"}
        ```

        ## Concurrent changes

        For example, two clients may `GET /config/foo` at the same time, make an edit within that scope, then
        apply their changes, resulting in a collision unless they send the ETag they read.

        ### GET /users/{id}

        ```bash
        curl "http://localhost/users/5/posts"
        ```
        """)
        #expect(signatures(page) == ["GET /config/{path}", "DELETE /config/{path}", "GET /users/{id}"])
        // The DELETE heading's section ends at the next level-2 heading on another topic.
        #expect(page.operations[1].responses.allSatisfy { $0.type == nil })
    }

    /// Two signatures of one route whose placeholders are named differently (`<gene>`, `<query>`)
    /// are one operation, with a warning.
    @Test func oneRouteWithDifferentlyNamedPlaceholdersIsOneOperation() throws {
        let (page, d) = try read("""
        ## Lookup gene

        #### `GET http://h.example.org/api/gene/lookup/<gene>`

        ## Search gene

        #### `GET http://h.example.org/api/gene/lookup/<query>`
        """)
        #expect(signatures(page) == ["GET /api/gene/lookup/{gene}"])
        #expect(d.diagnostics.contains { $0.severity == .warning && $0.message.contains("documented twice") })
    }

    // MARK: placeholders

    @Test(arguments: [
        ("/users/{{userId}}/posts", "/users/{userId}/posts"),
        ("/users/[id]", "/users/{id}"),
        ("/users/*id*/posts", "/users/{id}/posts"),
        ("/users/_id_", "/users/{id}"),
        ("/users/$id", "/users/{id}"),
        ("/users/${id}/x", "/users/{id}/x"),
        ("/v1/<var>bucket</var>", "/v1/{bucket}"),
        ("/odata/Products/$count", "/odata/Products/$count"),
        ("/_all_docs", "/_all_docs"),
        ("/files/*", "/files/*"),
        ("/workspaces/:workspace-slug/projects", "/workspaces/{workspace-slug}/projects"),
        ("/flights/:from-:to", "/flights/{from}-{to}"),
        ("/files/:name.json", "/files/{name}.json"),
    ])
    func placeholderNotations(raw: String, expected: String) {
        #expect(PathSyntax.template(raw) == expected)
    }

    @Test(arguments: [
        ("GET SITE_ROOT/api/users/:id", "/api/users/{id}", "SITE_ROOT"),
        ("GET {{baseUrl}}/users", "/users", "{{baseUrl}}"),
        ("GET [base-url]/users/<id>", "/users/{id}", "[base-url]"),
        ("GET <%= api_url %>/api/users", "/api/users", "<%= api_url %>"),
        ("GET https://{host}/v1/users", "/v1/users", "https://{host}"),
        ("GET $API_HOST/v1/users", "/v1/users", "$API_HOST"),
    ])
    func hostPlaceholdersAreTheServerNeverAPathParameter(text: String, path: String, base: String) throws {
        let s = try #require(SignatureReader.read(text))
        #expect(s.path == path)
        #expect(s.baseURL == base)
    }

    @Test func emphasisedPathSegmentInMarkdownAndHTML() throws {
        let (md, _) = try read("## Get a user\n\nGET /users/*userId*/profile\n")
        #expect(signatures(md) == ["GET /users/{userId}/profile"])
        let (html, _) = try read("<html><body><h2>Get a user</h2><p><code>GET /users/<var>userId</var>/profile</code></p></body></html>", html: true)
        #expect(signatures(html) == ["GET /users/{userId}/profile"])
        let (table, _) = try read("""
        # Users

        | Method | Endpoint |
        |---|---|
        | GET | /users/<i>userId</i> |
        """, html: false)
        #expect(signatures(table) == ["GET /users/{userId}"])
    }

    @Test func literalWordSegmentKeptBesideItsPlaceholder() throws {
        let (page, _) = try read("""
        ## Get by id

        `GET /resource/id/{id}`

        ### Path parameters

        | Name | Type | Description |
        |---|---|---|
        | id | integer | The id |
        """)
        #expect(signatures(page) == ["GET /resource/id/{id}"])
    }

    // MARK: Spring REST Docs

    @Test func fieldTablesNamedByJSONPath() throws {
        let (page, _) = try read("""
        ## Create a slot

        `POST /slots`

        ### Request fields

        | Path | Type | Description |
        |---|---|---|
        | `startTime` | String | Start |
        | `tags[].name` | String | Tag |

        ### Response fields

        | Path | Type | Description |
        |---|---|---|
        | `[].id` | String | The id |
        """)
        let op = try #require(page.operations.first)
        #expect(names(op.requestBody?.type) == ["startTime", "tags", "tags.name"])
        #expect(names(op.responses.first?.type) == ["id"])
    }

    @Test func uncaptionedJSONPathTablesGoToTheBodyWhoseExampleHasTheirFields() throws {
        let (page, _) = try read("""
        ## Create a slot

        ```http
        POST /slots HTTP/1.1
        Content-Type: application/json

        {"startTime": "x", "minutes": 60}
        ```

        ```http
        HTTP/1.1 201 Created
        Content-Type: application/json

        {"id": "a", "startTime": "x"}
        ```

        | Path | Type | Description |
        |---|---|---|
        | `startTime` | String | Start |
        | `minutes` | Number | Length |

        | Path | Type | Description |
        |---|---|---|
        | `id` | String | The id |
        """)
        let op = try #require(page.operations.first)
        #expect(names(op.requestBody?.type) == ["startTime", "minutes"])
        #expect(names(op.responses.first { $0.status == "201" }?.type) == ["id", "startTime"])
        #expect(op.parameters.isEmpty)
    }

    @Test func concreteRequestLineTakesTheTemplateItsSectionNames() throws {
        let (page, _) = try read("""
        ## Update a point

        Table 1. /carparks/{carparkName}/points/{pointId}

        | Parameter | Description |
        |---|---|
        | carparkName | The carpark |
        | pointId | The point |

        ### Not found

        ```http
        PUT /carparks/ubi/points/CP3 HTTP/1.1
        Content-Type: application/json

        {"connected": true}
        ```
        """)
        #expect(signatures(page) == ["PUT /carparks/{carparkName}/points/{pointId}"])
        #expect(page.operations.first?.parameters.map(\.name) == ["carparkName", "pointId"])
    }

    /// A method-less URL line naming the template (`URL: https://api.x.com/coupons/{reference}`) and
    /// an example call with the concrete URL and the method (`xhr.open("GET", "https://…/ref_0101")`).
    @Test func exampleCallTakesTheTemplateOfItsSectionsURLLine() throws {
        let (page, _) = try read("""
        ***Coupons***

        URL: ```https://api.example.com/2.0/coupons/{reference}```

        #### Parameters (GET Params)

        - ___reference___ The reference.

        <pre><code>
        var xhr = new XMLHttpRequest();
        xhr.open("GET", "https://api.example.com/2.0/coupons/my_ref_0101");
        xhr.send();
        </code></pre>
        """)
        #expect(signatures(page) == ["GET /2.0/coupons/{reference}"])
        // The same call in a Markdown fence and in an HTML page's `<pre>`, `'` quotes, another language.
        let fenced = """
        URL: ```https://api.example.com/2.0/coupons/{reference}```

        ```php
        $request->open('POST', 'https://api.example.com/2.0/coupons/my_ref_0101');
        ```
        """
        #expect(try signatures(read(fenced).0) == ["POST /2.0/coupons/{reference}"])
        let html = "<html><body><p>URL: <code>https://api.example.com/2.0/coupons/{reference}</code></p><pre><code>var xhr = new XMLHttpRequest();\nxhr.open(\"GET\", \"https://api.example.com/2.0/coupons/my_ref_0101\");</code></pre></body></html>"
        #expect(try signatures(read(html, html: true).0) == ["GET /2.0/coupons/{reference}"])
    }

    // MARK: examples

    @Test func shellCommandAndItsOutputInOneBlock() throws {
        let (page, _) = try read("""
        ## Create a note

        `POST /notes`

        ```
        $ curl -X POST https://h.example.org/notes \\
            -H 'Content-Type: application/json' \\
            -d '{"title": "x", "body": "y"}'
        {"id": 7, "title": "x", "body": "y", "created": "2024-01-01T00:00:00Z"}
        ```
        """)
        let op = try #require(page.operations.first)
        #expect(names(op.requestBody?.type) == ["title", "body"])
        #expect(names(op.responses.first?.type) == ["id", "title", "body", "created"])
    }

    @Test func curlDataWithEscapedQuotesAndAnEqualsSign() throws {
        let (page, _) = try read("""
        ## Create a tag

        `POST /tags`

        ```bash
        curl --data="{\\"name\\": \\"red\\", \\"123\\": 1}" https://h/tags
        ```
        """)
        #expect(names(page.operations.first?.requestBody?.type) == ["name", "123"])
    }

    @Test func vendorJSONMediaTypesAreJSON() {
        #expect(JSONMediaType.isJSON("application/vnd.api+json"))
        #expect(JSONMediaType.isJSON("application/problem+json; charset=utf-8"))
        #expect(JSONMediaType.isJSON("json5"))
        #expect(!JSONMediaType.isJSON("application/xml"))
    }

    @Test func unreadableJSONLookingExampleGetsAWarningAtItsLine() throws {
        let (_, d) = try read("""
        ## Get a note

        `GET /notes/{id}`

        ```
        {
          "id": 1,
          "title": "x" "y"
          "tags": [1, 2
        }
        ```
        """)
        #expect(d.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("JSON example could not be read") && ($0.location?.line ?? 0) >= 5 },
                "\(d.diagnostics)")
    }

    @Test func aPageWithNoOperationSaysWhatEvidenceItHad() {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("# Notes\n\nThe notes live at `/notes/{id}` and `/notes`.\n", file: "p.md", diagnostics: d)
        #expect(DialectRegistry().extract(doc, diagnostics: d) == nil)
        let note = d.diagnostics.first { $0.message.hasPrefix("no API operations recognised") }?.message ?? ""
        #expect(note.contains("0 method word(s), 2 path(s)"), "\(note)")
        #expect(note.contains("paths but no HTTP method"), "\(note)")
    }

    // MARK: curl commands and readme.io blocks

    @Test func curlCommandInAFencedBlockIsTheSignature() throws {
        let (page, _) = try read("""
        # Create a token

        ```shell
        $ curl -H "Accept: application/json" \\
            --data "username=a&password=b" https://api.example.com/v1/oauth/token
        ```
        """)
        #expect(signatures(page) == ["POST /v1/oauth/token"])
    }

    /// A curl command under a heading about credentials shows how to send them; it is no operation.
    @Test func curlCommandUnderAnAuthenticationHeadingIsNoOperation() {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # APIs

        ## Auth

        ##### BasicAuth example

        ```shell
        curl -u "api_user:token" http://localhost:9000/api/lists
        ```

        ## Response structure

        All responses are JSON.
        """, file: "apis.md", diagnostics: d)
        #expect(DialectRegistry().extract(doc, diagnostics: d)?.operations.isEmpty ?? true)
    }

    @Test func curlCommandInAnHTMLPreIsTheSignature() throws {
        let (page, _) = try read("""
        <html><body><h1>Tags</h1><p>List the tags.</p>
        <pre><code>curl -X GET 'https://api.example.com/projects/summary?type=x'</code></pre></body></html>
        """, html: true)
        #expect(signatures(page) == ["GET /projects/summary"])
    }

    @Test func curlCommandIsNotReadWhenThePageWritesSignatures() throws {
        let (page, _) = try read("""
        ## GET /widgets/{id}

        ```
        curl -X DELETE https://api.example.com/other
        ```
        """)
        #expect(signatures(page) == ["GET /widgets/{id}"])
    }

    @Test func readmeCodeBlockHeaderAndParametersBlocks() throws {
        let (page, _) = try read("""
        ---
        title: "Tags"
        ---
        [block:api-header]
        {
          "type": "get",
          "title": "Listing tags"
        }
        [/block]
        [block:code]
        {
          "codes": [
            {
              "code": "curl -X GET https://api.example.com/tags",
              "language": "curl"
            }
          ]
        }
        [/block]
        [block:parameters]
        {
          "data": {"h-0": "Parameter", "h-1": "Type", "h-2": "Description", "0-0": "pageSize", "0-1": "integer", "0-2": "Tags per page."},
          "cols": 3,
          "rows": 1
        }
        [/block]
        """)
        let op = try #require(page.operations.first)
        #expect(signatures(page) == ["GET /tags"])
        #expect(op.parameters.map { "\($0.name):\($0.location.rawValue)" } == ["pageSize:query"])
    }

    @Test func readmeBlockWithUnreadableJSONIsLeftAsWritten() throws {
        let text = "[block:code]\n{ not json\n[/block]\n\n## GET /x\n"
        let doc = MarkdownParser().parse(text, file: "p.md", diagnostics: RecordingCollector())
        guard case .paragraph(let p)? = doc.blocks.first else { Issue.record("\(doc.blocks)"); return }
        #expect(p.text.plain.hasPrefix("[block:code]"))
        let (page, _) = try read(text)
        #expect(signatures(page) == ["GET /x"])
    }

    @Test func methodAndPathInSeparateCodeSpansOfOneLine() throws {
        let (md, _) = try read("""
        ## Add

        `POST`-Request sent: `/api/v1/tags/add`

        ## List

        `GET`-Request sent: `/api/v1/tags?object=Ticket`
        """)
        #expect(signatures(md) == ["POST /api/v1/tags/add", "GET /api/v1/tags"])
        let (html, _) = try read("""
        <html><body><h2>Add</h2><p><code>POST</code>-Request sent: <code>/api/v1/tags/add</code></p></body></html>
        """, html: true)
        #expect(signatures(html) == ["POST /api/v1/tags/add"])
        let d = RecordingCollector()
        let doc = PlainTextParser().parse("Add\n===\n\n\"POST\"-Request sent: \"/api/v1/tags/add\"\n", file: "p.txt", diagnostics: d)
        let text = try #require(DialectRegistry().extract(doc, diagnostics: d))
        #expect(signatures(text) == ["POST /api/v1/tags/add"])
    }

    @Test func methodCodeSpanInLongProseIsNotASignature() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # Notes

        Use `GET` whenever you only read, and never send a body with it, because some proxies drop it; see `/docs/proxies` for the full list of cases.
        """, file: "p.md", diagnostics: d)
        #expect(DialectRegistry().extract(doc, diagnostics: d)?.operations.isEmpty ?? true)
    }
}
