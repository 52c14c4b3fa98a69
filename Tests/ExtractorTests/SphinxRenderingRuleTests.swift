import APIModel
import DocTree
import Extractors
import Testing

/// Reader rules that make the HTML and text-builder renderings of one httpdomain page give the same
/// model: where a field list ends, nested items, literal example blocks, example captions, query
/// strings in signatures. Synthetic snippets, each in both renderings (alabaster markup and `-b text`).
extension SphinxSnippetTests {
    /// Both renderings' shapes, expected to be `expected`.
    func expectBoth(_ html: String, _ text: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (source, form) in [(html, Form.html), (text, Form.text)] {
            let (p, d, _) = page(source, form)
            #expect(shape(p) == expected, "\(form): \(d.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        }
    }

    @Test func aFieldListEndsWithItsDefinitionAndNestedItemsAreFieldsOfTheirParent() {
        let html = Self.html("""
        <dl class="http post">
        \(Self.sig("POST", Self.name("/users")))
        <dd><p>Create.</p>
        <dl class="field-list simple">
        <dt class="field-odd">Request JSON Object<span class="colon">:</span></dt>
        <dd class="field-odd"><ul class="simple">
        <li><p><strong>name</strong> (<em>string</em>) – the name</p></li>
        <li><p><strong>perms</strong> (<em>object</em>) – <p>What the user may do. Each member names a thing.</p>
        <ul><li><p><code>files</code> (<em>string</em>) - rights on files</p></li>
        <li><p><code>users</code> (<em>string</em>) - rights on users</p></li></ul>
        <table><thead><tr><th>Value</th><th>Description</th></tr></thead><tbody><tr><td>rw</td><td>Read and write</td></tr></tbody></table>
        </p></li>
        </ul></dd>
        <dt class="field-even">Query Parameters<span class="colon">:</span></dt>
        <dd class="field-even"><p><strong>dry</strong> (<em>bool</em>) – only check</p>
        <p>Second paragraph of the only item.</p></dd>
        </dl>
        <p>You can filter by several values:</p>
        <table><thead><tr><th>Value</th><th>Description</th></tr></thead><tbody><tr><td>with_deleted</td><td>Returns deleted users too.</td></tr></tbody></table>
        </dd></dl>
        """)
        let text = """
        POST /users

           Create.

           Request JSON Object:
              * **name** (*string*) -- the name

              * **perms** (*object*) --

                What the user may do. Each member names a thing.

                * "files" (*string*) - rights on files

                * "users" (*string*) - rights on users

                +-------+----------------+
                | Value | Description    |
                +=======+================+
                | rw    | Read and write |
                +-------+----------------+

           Query Parameters:
              **dry** (*bool*) -- only check

              Second paragraph of the only item.

           You can filter by several values:

           with_deleted
              Returns deleted users too.
        """
        expectBoth(html, text, ["POST /users [query:dry] req={name perms{files users}} res=- 200"])
    }

    @Test func indentedRequestLinesWithoutAVersionAreExamplesOfTheirOwnMethodOnly() {
        // nextgisweb-style: example blocks after the directive, unindented in the RST, without `HTTP/1.1`;
        // a block for another method (no directive of its own) is no operation and not this one's body.
        let html = Self.html("""
        <dl class="http post">
        \(Self.sig("POST", Self.name("/groups")))
        <dd><p>Create a group.</p>
        <dl class="field-list simple">\(Self.field("Status Codes", ["<span>201 Created</span> – created"]))</dl></dd></dl>
        <div class="highlight-default notranslate"><div class="highlight"><pre><span></span>POST /groups/

        {"keyname": "g", "members": []}
        </pre></div></div>
        <div class="highlight-default notranslate"><div class="highlight"><pre><span></span>PUT /groups/20

        {"display_name": "x"}
        </pre></div></div>
        <div class="highlight-default notranslate"><div class="highlight"><pre><span></span>DELETE /groups/20
        </pre></div></div>
        <p>Next.</p>
        """)
        let text = """
        POST /groups

           Create a group.

           Status Codes:
              * 201 Created -- created

           POST /groups/

           {"keyname": "g", "members": []}

           PUT /groups/20

           {"display_name": "x"}

           DELETE /groups/20

        Next.
        """
        expectBoth(html, text, ["POST /groups [] req={keyname members[]} res=- 201"])
    }

    @Test func aResponseCaptionShowsTheResponseAndBodiesAfterCodeSnippetsAreFound() {
        // `**Response**:` over `.. code-block:: http`; a request shown as curl, Python, then the JSON body.
        let html = Self.html("""
        <dl class="http post">
        \(Self.sig("POST", Self.name("/things")))
        <dd><p><strong>Request</strong>:</p>
        <div class="highlight-bash notranslate"><div class="highlight"><pre><span></span>curl -X POST https://h/things -d @body.json
        </pre></div></div>
        <div class="highlight-python notranslate"><div class="highlight"><pre><span></span>HEADERS = {'Authorization': f'token {TOKEN}'}
        </pre></div></div>
        <p>The content of <code>body.json</code> is like,</p>
        <div class="highlight-json notranslate"><div class="highlight"><pre><span></span>{"name": "a", "tags": ["x"]}
        </pre></div></div>
        <p><strong>Response</strong>:</p>
        <div class="highlight-http notranslate"><div class="highlight"><pre><span></span>HTTP/1.1 201 Created
        Content-Type: application/json

        {"id": 1, "name": "a"}
        </pre></div></div>
        </dd></dl>
        """)
        let text = """
        POST /things

           **Request**:

              curl -X POST https://h/things -d @body.json

              HEADERS = {'Authorization': f'token {TOKEN}'}

           The content of "body.json" is like,

              {"name": "a", "tags": ["x"]}

           **Response**:

              HTTP/1.1 201 Created
              Content-Type: application/json

              {"id": 1, "name": "a"}
        """
        expectBoth(html, text, ["POST /things [] req={name tags[]} res={id name} 201"])
    }

    @Test func aSignatureQueryStringGivesItsKeysAsParameters() {
        // `?z=(int:z)&resource=(int:id1),(int:id2)...&format=PNG`: keys are parameters; `:query id1, id2:`
        // (rendered `id2 (id1,)`) describes the parts of resource's value.
        let html = Self.html("""
        <dl class="http get">
        \(Self.sig("GET", Self.name("/tile?z=") + Self.param("int", "z") + Self.name("&resource=") + Self.param("int", "id1") + Self.name(",")
                    + Self.param("int", "id2") + Self.name("...&format=PNG")))
        <dd><dl class="field-list simple">
        \(Self.field("Query Parameters", ["<strong>id2</strong> (<em>id1,</em>) – style ids", "<strong>z</strong> – zoom", "<strong>cache</strong> – use the cache"]))
        </dl></dd></dl>
        """)
        let text = """
        GET /tile?z=(int: z)&resource=(int: id1),(int: id2)...&format=PNG

           Query Parameters:
              * **id2** (*id1,*) -- style ids

              * **z** -- zoom

              * **cache** -- use the cache
        """
        expectBoth(html, text, ["GET /tile [query:z,query:resource,query:format,query:cache] req=- res=- 200"])
        let (p, _, _) = page(text, .text)
        #expect(p?.operations.first?.parameters.first { $0.name == "z" }?.type == .integer)
    }

    @Test func formFieldsWithATypeAConventionsDirectiveAndTypeOnlyFields() {
        // `:form string group_id:` renders `string group_id – …` (httpdomain does not type form fields);
        // `.. http:any:: /` states conventions; `:>json object: …` names no field.
        let html = Self.html("""
        <dl class="http any">
        \(Self.sig("ANY", Self.name("/")))
        <dd><dl class="field-list simple">\(Self.field("Query Parameters", ["<strong>format</strong> – response format"]))</dl></dd></dl>
        <dl class="http post">
        \(Self.sig("POST", Self.name("/users/") + Self.param("str", "username") + Self.name("/groups/")))
        <dd><dl class="field-list simple">
        \(Self.field("Form Parameters", ["<strong>string group_id</strong> – the group"]))
        \(Self.field("Response JSON Object", ["<strong>object</strong> – on success, an object with a message"]))
        </dl></dd></dl>
        """)
        let text = """
        ANY /

           Query Parameters:
              **format** -- response format

        POST /users/(str: username)/groups/

           Form Parameters:
              **string group_id** -- the group

           Response JSON Object:
              **object** -- on success, an object with a message
        """
        expectBoth(html, text, ["POST /users/{username}/groups/ [path:username] req={group_id} res=- 200"])
    }

    @Test func anExampleCaptionThatNamesNoRoleAndArrayFieldsInsideAnEnvelope() {
        // `**Example JSON data:**` under a GET is its response; `:>jsonarr` fields whose example wraps the
        // array in an object describe that member's items.
        let html = Self.html("""
        <dl class="http get">
        \(Self.sig("GET", Self.name("/users/") + Self.param("str", "username")))
        <dd><dl class="field-list simple">\(Self.field("Response JSON Object", ["<strong>email</strong> (<em>string</em>) – email"]))</dl>
        <p><strong>Example JSON data:</strong></p>
        <div class="highlight-json notranslate"><div class="highlight"><pre><span></span>{"email": "a@b", "url": "http://h/users/a/"}
        </pre></div></div></dd></dl>
        <dl class="http get">
        \(Self.sig("GET", Self.name("/users")))
        <dd><dl class="field-list simple">\(Self.field("Response JSON Array of Objects", ["<strong>username</strong> (<em>string</em>) – the name"]))</dl>
        <p><strong>Example response</strong>:</p>
        <div class="highlight-http notranslate"><div class="highlight"><pre><span></span>HTTP/1.1 200 OK

        {"users": [{"username": "a"}]}
        </pre></div></div></dd></dl>
        """)
        let text = """
        GET /users/(str: username)

           Response JSON Object:
              **email** (*string*) -- email

           **Example JSON data:**

              {"email": "a@b", "url": "http://h/users/a/"}

        GET /users

           Response JSON Array of Objects:
              **username** (*string*) -- the name

           **Example response**:

              HTTP/1.1 200 OK

              {"users": [{"username": "a"}]}
        """
        expectBoth(html, text, ["GET /users/{username} [path:username] req=- res={email url} 200",
                                "GET /users [] req=- res={users[{username}]} 200"])
    }

    @Test func aSecondRequestTheSignatureCannotGiveIsAnotherOperationsAndGETHasNoBody() {
        // `GET /users/(int:id)`'s own example, then `GET /users/` with a list (an operation without a
        // directive); `**Response**:` over a bare body; transport headers are no parameters.
        let html = Self.html("""
        <dl class="http get">
        \(Self.sig("GET", Self.name("/users/") + Self.param("int", "id")))
        <dd><dl class="field-list simple">
        \(Self.field("Request Headers", ["<span>Authorization</span> – credentials", "<span>Accept</span> – */*", "<span>X-Request-Id</span> – a trace id"]))
        </dl>
        <p><strong>Example request</strong>:</p>
        <div class="highlight-http notranslate"><div class="highlight"><pre><span></span>GET /users/10 HTTP/1.1
        </pre></div></div>
        <p><strong>Response</strong>:</p>
        <div class="highlight-json notranslate"><div class="highlight"><pre><span></span>{"id": 10, "name": "a"}
        </pre></div></div>
        </dd></dl>
        <p>All users:</p>
        <div class="highlight-default notranslate"><div class="highlight"><pre><span></span>GET /users/

        [{"id": 10}]
        </pre></div></div>
        """)
        let text = """
        GET /users/(int: id)

           Request Headers:
              * Authorization -- credentials

              * Accept -- */*

              * X-Request-Id -- a trace id

           **Example request**:

              GET /users/10 HTTP/1.1

           **Response**:

              {"id": 10, "name": "a"}

        All users:

           GET /users/

           [{"id": 10}]
        """
        expectBoth(html, text, ["GET /users/{id} [path:id] req=- res={id name} 200"])
        for (source, form) in [(html, Form.html), (text, Form.text)] {
            let (p, _, _) = page(source, form)
            #expect(p?.operations.first?.parameters.filter { $0.location == .header }.map(\.name) == ["X-Request-Id"], "\(form)")
        }
    }

    @Test func statusDescriptionsAndSubErrorCodesInTheirOwnParagraphs() {
        // HTML puts a status's description after `400 Bad Request –` and its sub-error codes in
        // paragraphs of the item; a browser copy gives them as lines. Both read alike.
        let html = Self.html("""
        <dl class="http post">
        \(Self.sig("POST", Self.name("/codes/")))
        <dd><dl class="field-list simple">
        <dt class="field-odd">Status Codes<span class="colon">:</span></dt>
        <dd class="field-odd"><ul class="simple">
        <li><p><span>201 Created</span> – created</p></li>
        <li><p><span>400 Bad Request</span> – <p>Invalid, with possible sub-error codes:</p>
        <p>11: ALREADY_EXISTS, “Name already exists.”</p>
        </p></li></ul></dd></dl></dd></dl>
        """)
        let copy = """
        POST /codes/¶
        Status Codes:
        201 Created – created
        400 Bad Request – Invalid, with possible sub-error codes:
        11: ALREADY_EXISTS, “Name already exists.”
        """
        for (source, form) in [(html, Form.html), (copy, Form.text)] {
            let (p, d, _) = page(source, form)
            let op = p?.operations.first
            #expect(op?.responses.map(\.status) == ["201", "400"], "\(form): \(d.diagnostics.map(\.message))")
            #expect(op?.responses.last?.description == "Invalid, with possible sub-error codes:", "\(form)")
            #expect(op?.errorCodes.map { "\($0.status) \($0.code) \($0.name)" } == ["400 11 ALREADY_EXISTS"], "\(form)")
        }
    }

    @Test func arrayFieldsBesideAnArrayMemberDescribeItsItems() {
        // `:resjson array users:` + `:resjsonarr string username:`, example `{"users": [{"username": …}]}`.
        let html = Self.html("""
        <dl class="http get">
        \(Self.sig("GET", Self.name("/users")))
        <dd><dl class="field-list simple">
        \(Self.field("Response JSON Object", ["<strong>users</strong> (<em>array</em>) – the users"]))
        \(Self.field("Response JSON Array of Objects", ["<strong>username</strong> (<em>string</em>) – the name", "<strong>email</strong> (<em>string</em>) – the address"]))
        </dl>
        <p><strong>Example response</strong>:</p>
        <div class="highlight-http notranslate"><div class="highlight"><pre><span></span>HTTP/1.1 200 OK

        {"users": [{"username": "a", "email": "a@b"}]}
        </pre></div></div></dd></dl>
        """)
        let text = """
        GET /users

           Response JSON Object:
              **users** (*array*) -- the users

           Response JSON Array of Objects:
              * **username** (*string*) -- the name

              * **email** (*string*) -- the address

           **Example response**:

              HTTP/1.1 200 OK

              {"users": [{"username": "a", "email": "a@b"}]}
        """
        expectBoth(html, text, ["GET /users [] req=- res={users[{username email}]} 200"])
    }
}
