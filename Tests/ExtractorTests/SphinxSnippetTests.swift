import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing
import TextFrontEnd

/// Small synthetic httpdomain snippets, written after sphinxcontrib-httpdomain's documentation of
/// each construct, in the renderings Sphinx gives them: HTML (alabaster markup), the text builder,
/// a browser copy and Markdown.
@Suite struct SphinxSnippetTests {
    enum Form { case html, text, markdown }

    func page(_ source: String, _ form: Form) -> (PageExtraction?, RecordingCollector, Document) {
        let d = RecordingCollector()
        let doc: Document
        switch form {
        case .html: doc = HTMLParser().parse(source, file: "p.html", diagnostics: d)
        case .text: doc = PlainTextParser().parse(source, file: "p.txt", diagnostics: d)
        case .markdown: doc = MarkdownParser().parse(source, file: "p.md", diagnostics: d)
        }
        return (DialectRegistry().extract(doc, diagnostics: d), d, doc)
    }

    /// What every rendering must agree on: method, path, path/query parameters, body and response fields, statuses.
    func shape(_ page: PageExtraction?) -> [String] {
        (page?.operations ?? []).map { op in
            let params = op.parameters.filter { $0.location != .header }.map { "\($0.location.rawValue):\($0.name)" }.joined(separator: ",")
            return "\(op.method) \(op.path) [\(params)] req=\(Self.fields(op.requestBody?.type)) res=\(Self.fields(op.responses.first { $0.isSuccess }?.type)) "
                + op.responses.map(\.status).joined(separator: ",")
        }
    }

    static func fields(_ t: TypeRef?, _ prefix: String = "") -> String {
        switch t {
        case .object(let fs)?: return "{" + fs.map { $0.name + fields($0.type) }.joined(separator: " ") + "}"
        case .array(let i)?: return "[" + fields(i) + "]"
        case .map?: return "map"
        case nil: return "-"
        default: return ""
        }
    }

    static func sig(_ method: String, _ parts: String) -> String {
        """
        <dt class="sig sig-object http" id="\(method.lowercased())-x">
        <span class="sig-name descname"><span class="pre">\(method)</span> </span>\(parts)<a class="headerlink" href="#x" title="Link to this definition">¶</a></dt>
        """
    }

    static func name(_ s: String) -> String { #"<span class="sig-name descname"><span class="pre">\#(s)</span></span>"# }
    static func param(_ type: String?, _ n: String) -> String {
        #"<span class="sig-paren">(</span>"# + (type.map { #"<span class="property"><span class="pre">\#($0):</span> </span>"# } ?? "")
            + #"<em class="sig-param"><span class="pre">\#(n)</span></em><span class="sig-paren">)</span>"#
    }

    static func field(_ label: String, _ items: [String]) -> String {
        "<dt class=\"field-odd\">\(label)<span class=\"colon\">:</span></dt>\n<dd class=\"field-odd\"><ul class=\"simple\">\n"
            + items.map { "<li><p>\($0)</p></li>\n" }.joined() + "</ul>\n</dd>\n"
    }

    static func html(_ body: String) -> String {
        "<html><body><div class=\"sphinxsidebar\">nav</div><div class=\"body\" role=\"main\">\n<section id=\"w\">\n<h1>Widgets<a class=\"headerlink\" href=\"#w\">¶</a></h1>\n"
            + body + "\n</section></div></body></html>\n"
    }

    // MARK: One operation, every rendering

    static let listHTML = html("""
    <dl class="http get">
    \(sig("GET", name("/widgets/") + param("int", "widget_id") + name("/parts/") + param(nil, "tag")))
    <dd><p>The parts tagged with <cite>tag</cite>.</p>
    <p><strong>Example request</strong>:</p>
    <div class="highlight-http notranslate"><div class="highlight"><pre><span></span>GET /widgets/123/parts/web?limit=2 HTTP/1.1
    Host: example.com
    </pre></div></div>
    <p><strong>Example response</strong>:</p>
    <div class="highlight-http notranslate"><div class="highlight"><pre><span></span>HTTP/1.1 200 OK
    Content-Type: application/json

    [{"part_id": 1, "subject": "x", "tags": ["a"], "owner": {"id": 7}}]
    </pre></div></div>
    <dl class="field-list simple">
    \(field("Query Parameters", ["<strong>sort</strong> – one of <code>hit</code>, <code>created-at</code>", "<strong>limit</strong> (<em>int</em>) – at most this many"]))
    \(field("Request Headers", ["<span><a href=\"#\">Accept</a></span> – the response content type"]))
    \(field("Response JSON Array of Objects", ["<strong>part_id</strong> (<em>int</em>) – the part id", "<strong>subject</strong> (<em>string</em>) – the subject", "<strong>owner.id</strong> (<em>int</em>) – its owner"]))
    \(field("Status Codes", ["<span><a href=\"#\">200 OK</a></span> – no error", "<span><a href=\"#\">404 Not Found</a></span> – there’s no widget"]))
    </dl>
    </dd></dl>
    """)

    static let listText = """
    Widgets
    *******

    GET /widgets/(int: widget_id)/parts/(tag)

       The parts tagged with *tag*.

       **Example request**:

          GET /widgets/123/parts/web?limit=2 HTTP/1.1
          Host: example.com

       **Example response**:

          HTTP/1.1 200 OK
          Content-Type: application/json

          [{"part_id": 1, "subject": "x", "tags": ["a"], "owner": {"id": 7}}]

       Query Parameters:
          * **sort** -- one of "hit", "created-at"

          * **limit** (*int*) -- at most this many, wrapped by the text
            builder onto a second line

       Request Headers:
          * Accept -- the response content type

       Response JSON Array of Objects:
          * **part_id** (*int*) -- the part id

          * **subject** (*string*) -- the subject

          * **owner.id** (*int*) -- its owner

       Status Codes:
          * 200 OK -- no error

          * 404 Not Found -- there's no widget
    """

    static let listCopy = """
    Widgets¶
    GET /widgets/(int: widget_id)/parts/(tag)¶
    The parts tagged with tag.
    Example request:
    GET /widgets/123/parts/web?limit=2 HTTP/1.1 Host: example.com
    Example response:
    HTTP/1.1 200 OK Content-Type: application/json [{"part_id": 1, "subject": "x", "tags": ["a"], "owner": {"id": 7}}]
    Query Parameters:
    sort – one of hit, created-at
    limit (int) – at most this many
    Request Headers:
    Accept – the response content type
    Response JSON Array of Objects:
    part_id (int) – the part id
    subject (string) – the subject
    owner.id (int) – its owner
    Status Codes:
    200 OK – no error
    404 Not Found – there’s no widget
    """

    static let listMarkdown = """
    # Widgets

    GET /widgets/(int: widget_id)/parts/(tag)

    The parts tagged with *tag*.

    **Example request**:

    ```http
    GET /widgets/123/parts/web?limit=2 HTTP/1.1
    Host: example.com
    ```

    **Example response**:

    ```http
    HTTP/1.1 200 OK
    Content-Type: application/json

    [{"part_id": 1, "subject": "x", "tags": ["a"], "owner": {"id": 7}}]
    ```

    Query Parameters:

    * **sort** -- one of "hit", "created-at"
    * **limit** (*int*) -- at most this many

    Request Headers:

    * Accept -- the response content type

    Response JSON Array of Objects:

    * **part_id** (*int*) -- the part id
    * **subject** (*string*) -- the subject
    * **owner.id** (*int*) -- its owner

    Status Codes:

    * 200 OK -- no error
    * 404 Not Found -- there's no widget
    """

    @Test func oneOperationReadsTheSameFromEveryRendering() throws {
        let expected = ["GET /widgets/{widget_id}/parts/{tag} [path:widget_id,path:tag,query:sort,query:limit] req=- "
                        + "res=[{part_id subject owner{id} tags[]}] 200,404"]
        for (source, form) in [(Self.listHTML, Form.html), (Self.listText, .text), (Self.listCopy, .text), (Self.listMarkdown, .markdown)] {
            let (p, d, _) = page(source, form)
            #expect(shape(p) == expected, "\(form): \(d.diagnostics.map(\.message))")
            #expect(p?.dialect == "sphinx-httpdomain")
            let op = try #require(p?.operations.first)
            #expect(op.parameters.first { $0.name == "widget_id" }?.type == .integer)
            #expect(op.parameters.first { $0.name == "limit" }?.type == .integer)
            // `Accept` is content negotiation the client's transport does: no parameter (see OperationBuilder.transportHeaders).
            #expect(!op.parameters.contains { $0.location == .header })
            #expect(op.summary == "Widgets")
            #expect(!d.diagnostics.contains { $0.severity == .warning }, "\(form): \(d.diagnostics.map(\.message))")
        }
    }

    @Test func httpdomainMarkupMakesTheDialectCertain() {
        let (_, d, doc) = page(Self.listHTML, .html)
        #expect(SphinxHTTPDialect().recognise(doc).claim == .sphinxHTTPMarkup)
        #expect(d.diagnostics.isEmpty)
        // Text with `**Example Request**` and a path outside /api is recognised.
        let (_, _, text) = page("GET /buckets/(bucket_id)/collections\n\n   **Example Request**:\n\n      GET /buckets/1/collections HTTP/1.1\n", .text)
        #expect(SphinxHTTPDialect().recognise(text).claim == .sphinxMarkers)
    }

    // MARK: Directives and signatures

    @Test func severalSignaturesOnOneDirectiveShareTheBodyAndEmptyDirectivesStayApart() {
        let html = Self.html("""
        <dl class="http post">
        \(Self.sig("POST", Self.name("/widgets/")))
        \(Self.sig("POST", Self.name("/widgets/new")))
        <dd><p>Create.</p>
        <dl class="field-list simple">
        \(Self.field("Request JSON Object", ["<strong>name</strong> (<em>string</em>) – the name"]))
        \(Self.field("Status Codes", ["<span>201 Created</span> – created"]))
        </dl></dd></dl>
        <dl class="http any">
        \(Self.sig("ANY", Self.name("/proxy/:path")))
        <dd></dd></dl>
        <dl class="http head">
        \(Self.sig("HEAD", Self.name("/buckets/{bucket_id}/collections")))
        <dd><dl class="field-list simple">\(Self.field("Status Codes", ["<span>204 No Content</span> – nothing"]))</dl></dd></dl>
        """)
        let text = """
        POST /widgets/
        POST /widgets/new

           Create.

           Request JSON Object:
              * **name** (*string*) -- the name

           Status Codes:
              * 201 Created -- created

        ANY /proxy/:path

        HEAD /buckets/{bucket_id}/collections

           Status Codes:
              * 204 No Content -- nothing
        """
        let expected = ["POST /widgets/ [] req={name} res=- 201", "POST /widgets/new [] req={name} res=- 201",
                        "ANY /proxy/{path} [path:path] req=- res=- 200", "HEAD /buckets/{bucket_id}/collections [path:bucket_id] req=- res=- 204"]
        #expect(shape(page(html, .html).0) == expected)
        #expect(shape(page(text, .text).0) == expected)
    }

    @Test func oddParameterTextIsWarnedAndNamed() throws {
        let (p, d, _) = page("DELETE /messages/(string/message_id)/\n\n   Status Codes:\n      * 204 No Content -- gone\n", .text)
        #expect(shape(p) == ["DELETE /messages/{message_id}/ [path:message_id] req=- res=- 204"])
        let w = try #require(d.diagnostics.first { $0.message.contains("string/message_id") })
        #expect(w.location?.line == 1)
    }

    // MARK: Field lists

    @Test func requestBodyFieldListsAndFormParameters() throws {
        let text = """
        PUT /items/<int:item_id>

           Request JSON Array of Objects:
              * **id** (*int*) -- item id

           Status Codes:
              * 200 OK -- done

        POST /upload

           Form Parameters:
              * **file** -- the file

              * **comment** -- a comment

           JSON Parameters:
              * **tag** (*string*) -- ignored: the form is documented too

           Parameters:
              * **dry_run** -- not in the path of a POST, so a body field

           Status Codes:
              * 201 Created -- uploaded
        """
        let (p, d, _) = page(text, .text)
        #expect(shape(p) == ["PUT /items/{item_id} [path:item_id] req=[{id}] res=- 200",
                             "POST /upload [] req={tag dry_run} res=- 201"], "\(d.diagnostics.map(\.message))")
        let form = """
        POST /upload

           Form Parameters:
              * **file** -- the file

           Status Codes:
              * 201 Created -- uploaded
        """
        let body = try #require(page(form, .text).0?.operations.first?.requestBody)
        #expect(body.contentType == "application/x-www-form-urlencoded")
        #expect(Self.fields(body.type) == "{file}")
    }

    @Test func unknownFieldListIsReportedWithItsLine() throws {
        let html = Self.html("""
        <dl class="http get">
        \(Self.sig("GET", Self.name("/things")))
        <dd><dl class="field-list simple">
        \(Self.field("Foo Parameters", ["<strong>x</strong> – what"]))
        \(Self.field("Status Codes", ["<span>200 OK</span> – fine"]))
        </dl></dd></dl>
        """)
        let (p, d, _) = page(html, .html)
        #expect(shape(p) == ["GET /things [] req=- res=- 200"])
        let w = try #require(d.diagnostics.first { $0.message.contains("field list 'Foo Parameters' not understood") })
        #expect(w.severity == .warning)
        #expect(w.location?.line == html.split(separator: "\n").firstIndex { $0.contains("Foo Parameters") }! + 1)
        let text = "GET /things\n\n   Foo Parameters:\n      * **x** -- what\n\n   Status Codes:\n      * 200 OK -- fine\n"
        let (_, td, _) = page(text, .text)
        #expect(td.diagnostics.contains { $0.message.contains("field list 'Foo Parameters' not understood") && $0.location?.line == 3 })
    }

    @Test func aSphinxLookingPageWithoutSignaturesSaysWhatWasLookedFor() throws {
        let text = "Things\n======\n\nQuery Parameters:\n   * **x** -- what\n\nStatus Codes:\n   * 200 OK -- fine\n"
        let (p, d, _) = page(text, .text)
        #expect(p == nil)
        let w = try #require(d.diagnostics.first { $0.message.contains("looks like a Sphinx httpdomain page") })
        #expect(w.message.contains("METHOD /path") && w.location?.line == 4)
    }

    // MARK: Examples

    @Test func anHTTPMessageWithoutHeaderIsAnExample() throws {
        let text = """
        GET /users/:username/

           Fetch a user.

              HTTP/1.1 200 OK
              Content-Type: application/json

              {"login": "x", "id": 1}
        """
        let (p, _, _) = page(text, .text)
        #expect(shape(p) == ["GET /users/{username}/ [path:username] req=- res={login id} 200"])
    }

    @Test func objectFieldsWithAnArrayExampleDescribeTheItems() throws {
        let text = """
        GET /posts

           **Example response**:

              HTTP/1.1 200 OK

              [{"post_id": 1, "subject": "a"}]

           Response JSON Object:
              * **post_id** (*int*) -- id
        """
        let (p, d, _) = page(text, .text)
        #expect(shape(p) == ["GET /posts [] req=- res=[{post_id subject}] 200"])
        #expect(d.diagnostics.contains { $0.message.contains("array of objects") && $0.location?.line == 10 })
    }

    @Test func absoluteURLLineMatchingASignatureIsItsExample() throws {
        let text = """
        List things
        -----------

        GET /v1/{tenant_id}/things

        Status Codes:
           * 200 OK -- the things

        **Example**:
           **request**

              GET http://api.example.com:8386/v1/1158/things

        GET http://api.example.com/v1/other
        """
        let (p, _, _) = page(text, .text)
        // The first absolute line is an example of the templated signature; the second matches none.
        #expect(p?.operations.map { "\($0.method) \($0.path)" } == ["GET /v1/{tenant_id}/things", "GET /v1/other"])
    }

    // MARK: Reconciliation

    @Test func wellFormedSignatureIsNotOverruledByItsExample() throws {
        let text = """
        POST /quotas/

           **Example request**:

              POST /quotas/1/ HTTP/1.1

              {"limit": 1}

        GET /quotas/(int:id)/

           Status Codes:
              * 200 OK -- the quota
        """
        let (p, d, _) = page(text, .text)
        // The signature's path is kept (a body known only from an example message is not typed yet).
        #expect(p?.operations.map { "\($0.method) \($0.path)" } == ["POST /quotas/", "GET /quotas/{id}/"])
        #expect(d.diagnostics.contains { $0.location?.line == 1 && $0.message.contains("keeping the signature") && $0.message.contains(":5:") })
    }

    @Test func aSignatureThatCannotBeAPathIsCorrectedFromItsExample() throws {
        let text = """
        GET /services/route_poi,nts/(id)/

           **Example request**:

              GET /services/route_points/7/ HTTP/1.1

           Status Codes:
              * 200 OK -- fine
        """
        let (p, d, _) = page(text, .text)
        #expect(shape(p) == ["GET /services/route_points/{id}/ [path:id] req=- res=- 200"])
        #expect(d.diagnostics.contains { $0.location?.line == 1 && $0.message.contains("looks like a typo") })
    }

    /// A heading of the operation's level or higher that names another topic ends its scope: the
    /// examples of a section without a signature of its own (`Collection schema` after `Deleting a
    /// collection`, with a `Set a schema` subsection) belong to no operation; a structural heading
    /// (`Example`) continues it. Text builder and HTML renderings.
    @Test func headingOfTheOperationsLevelClosesItsScopeUnlessStructural() {
        let text = """
        Collections
        ***********

        Deleting a collection
        =====================

        DELETE /collections/(collection_id)

           Synopsis:
              Deletes a collection.

           **Example Response**

              HTTP/1.1 200 OK
              Content-Type: application/json

              {"data": {"deleted": true, "id": "articles"}}


        Collection schema
        =================

        A schema can be associated to a collection.

        Set a schema
        ------------

        **Example response**

           HTTP/1.1 200 OK
           Content-Type: application/json

           {"data": {"id": "articles", "schema": {}}, "permissions": {"write": []}}


        Deleting a record
        =================

        DELETE /records/(record_id)

           Synopsis:
              Deletes a record.

        Example
        =======

        **Example response**

           HTTP/1.1 200 OK
           Content-Type: application/json

           {"deleted": true}
        """
        let (extracted, d, _) = page(text, .text)
        #expect(shape(extracted) == [
            "DELETE /collections/{collection_id} [path:collection_id] req=- res={data{deleted id}} 200",
            "DELETE /records/{record_id} [path:record_id] req=- res={deleted} 200",
        ], "\(d.diagnostics)")
    }

    // MARK: The same operation as a Sphinx page and as a generic Markdown page

    /// What an operation says, apart from prose and where it was said: method, path, each parameter
    /// (place, name, type, requiredness), the request body and each response (status, body type).
    static func said(_ op: APIModel.Operation) -> [String] {
        func type(_ t: TypeRef?) -> String {
            switch t {
            case .object(let fs)?: return "{" + fs.map { "\($0.name)\($0.required ? "!" : ""):\(type($0.type))" }.joined(separator: " ") + "}"
            case .array(let i)?: return "[" + type(i) + "]"
            case nil: return "-"
            case let t?: return "\(t)"
            }
        }
        return ["\(op.id) \(op.method) \(op.path)"]
            + op.parameters.map { "\($0.location.rawValue) \($0.name)\($0.required ? "!" : ""): \(type($0.type))" }
            + ["body \(type(op.requestBody?.type))"]
            + op.responses.sorted { $0.status < $1.status }.map { "\($0.status) \(type($0.type))" }
    }

    /// Both pages go through the one builder (`OperationBuilder.place` places the parameters, `FieldTree.nest`
    /// nests the dotted names): where they say the same things, they give the same operation.
    @Test func aSphinxPageAndTheSameOperationInGenericMarkdownGiveTheSameOperation() throws {
        let sphinx = """
        PUT /pets/(int:pet_id)

           Update a pet.

           Query Parameters:
              * **notify** (*boolean*) -- tell the owner

           Request JSON Object:
              * **name** (*string*) -- (Required) the name
              * **owner.email** (*string*) -- the owner's address

           Response JSON Object:
              * **id** (*int*) -- the id
              * **tags** (*array*) -- the tags
              * **tags[].label** (*string*) -- a tag's label

           Status Codes:
              * 200 OK -- updated
              * 404 Not Found -- no such pet
        """
        let markdown = """
        # Pets

        ## Update a pet

        `PUT /pets/{pet_id}`

        Update a pet.

        ### Path parameters

        | Name | Type | Description |
        |---|---|---|
        | pet_id | integer | the pet |

        ### Query parameters

        | Name | Type | Description |
        |---|---|---|
        | notify | boolean | tell the owner |

        ### Request body

        | Field | Type | Required | Description |
        |---|---|---|---|
        | name | string | yes | the name |
        | owner.email | string | no | the owner's address |

        ### Response

        | Field | Type | Description |
        |---|---|---|
        | id | integer | the id |
        | tags | array | the tags |
        | tags[].label | string | a tag's label |

        ### Status codes

        | Status | Description |
        |---|---|
        | 200 | updated |
        | 404 | no such pet |
        """
        try expectSameOperation(sphinx, markdown)
    }

    /// Examples: the request's JSON types the undocumented body members, each response's JSON is the
    /// answer of its status (an error's body is not the success answer's).
    @Test func examplesOfEachStatusGiveTheSameOperationFromSphinxAndMarkdown() throws {
        let sphinx = """
        POST /pets

           Create a pet.

           **Example request**:

           .. sourcecode:: http

              POST /pets HTTP/1.1
              Content-Type: application/json

              {"name": "Rex", "age": 3}

           **Example response**:

           .. sourcecode:: http

              HTTP/1.1 201 Created
              Content-Type: application/json

              {"id": 7, "name": "Rex", "age": 3}

           **Example error**:

           .. sourcecode:: http

              HTTP/1.1 400 Bad Request
              Content-Type: application/json

              {"error": "name missing"}

           Request JSON Object:
              * **name** (*string*) -- (Required) the name

           Status Codes:
              * 201 Created -- created
              * 400 Bad Request -- invalid
        """
        let markdown = """
        # Pets

        ## Create a pet

        `POST /pets`

        Create a pet.

        ### Request body

        | Field | Type | Required | Description |
        |---|---|---|---|
        | name | string | yes | the name |

        ```json
        {"name": "Rex", "age": 3}
        ```

        ### Response 201

        ```json
        {"id": 7, "name": "Rex", "age": 3}
        ```

        ### Response 400

        ```json
        {"error": "name missing"}
        ```

        ### Status codes

        | Status | Description |
        |---|---|
        | 201 | created |
        | 400 | invalid |
        """
        try expectSameOperation(sphinx, markdown)
        let op = try #require(page(sphinx, .text).0?.operations.first)
        guard case .object(let created)? = op.responses.first(where: { $0.status == "201" })?.type,
              case .object(let error)? = op.responses.first(where: { $0.status == "400" })?.type else { Issue.record("\(op.responses)"); return }
        #expect(created.map(\.name) == ["id", "name", "age"])
        #expect(error.map(\.name) == ["error"])
    }

    /// A success status the docs list over an example of another success status (venueless's
    /// `:statuscode 200` over `HTTP/1.1 201 Created`): the documented status answers, with the example's
    /// body (`OperationBuilder.responseSlots`); an undocumented error example is its own response.
    @Test func aDocumentedSuccessStatusKeepsAnExampleOfAnotherSuccessStatus() throws {
        let text = """
        POST /rooms/

           **Example response**:

           .. sourcecode:: http

              HTTP/1.1 201 Created
              Content-Type: application/json

              {"id": "r1", "name": "Quiet room"}

           .. sourcecode:: http

              HTTP/1.1 409 Conflict
              Content-Type: application/json

              {"detail": "exists"}

           Status Codes:
              * 200 OK -- no error
              * 403 Forbidden -- no permission
        """
        let (p, d, _) = page(text, .text)
        let op = try #require(p?.operations.first, "\(d.diagnostics)")
        #expect(op.responses.map(\.status) == ["200", "403", "409"])
        #expect(Self.fields(op.responses.first?.type) == "{id name}")
        #expect(Self.fields(op.responses.last?.type) == "{detail}")
    }

    func expectSameOperation(_ sphinx: String, _ markdown: String) throws {
        let (s, sd, _) = page(sphinx, .text)
        let (m, md, _) = page(markdown, .markdown)
        let fromSphinx = try #require(s?.operations.first, "\(sd.diagnostics)")
        let fromMarkdown = try #require(m?.operations.first, "\(md.diagnostics)")
        #expect(s?.dialect == "sphinx-httpdomain")
        #expect(m?.dialect != "sphinx-httpdomain")
        #expect(Self.said(fromSphinx) == Self.said(fromMarkdown))
    }
}
