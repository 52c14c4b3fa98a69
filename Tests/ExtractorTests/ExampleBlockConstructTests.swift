import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing

/// Example constructs of issue 28, each in every place a page puts it: a command and its output in
/// one block without a prompt, a curl body in ANSI-C quotes (`$'…'`), an optional query string in
/// brackets (`/x[?a=1&b=<b>]`), and GitBook examples after `{% endapi-method %}`. Synthetic snippets
/// written for these tests.
@Suite struct ExampleBlockConstructTests {
    func read(_ text: String, html: Bool = false) throws -> (PageExtraction, RecordingCollector) {
        try SnippetPage.read(text, html: html)
    }

    func names(_ t: TypeRef?) -> [String] { SnippetPage.fieldNames(t) }

    func responseNames(_ op: Operation) -> [String] { names(op.responses.first(where: \.isSuccess)?.type) }

    // MARK: a command and its output, no prompt

    /// `curl … | jq` then the JSON it printed, in a fenced block, in a Markdown page's raw `<pre>` whose
    /// command is wrapped in a styling `<span>`, and in an HTML page's `<pre>`: the JSON is the response.
    @Test(arguments: [
        ("md fence", false, """
        ## GET /pki/ca/<id>

        Returns a CA.

        ```
        curl "http://localhost:2019/pki/ca/local" | jq
        {
          "id": "local",
          "root_common_name": "Root"
        }
        ```
        """),
        ("md raw pre with span", false, """
        ## GET /pki/ca/&lt;id&gt;

        Returns a CA.

        <pre><code class="cmd"><span class="bash">curl "http://localhost:2019/pki/ca/local" | jq</span>
        {
        	"id": "local",
        	"root_common_name": "Root"
        }</code></pre>
        """),
        ("html pre", true, """
        <html><body><h2>GET /pki/ca/&lt;id&gt;</h2><p>Returns a CA.</p>
        <pre><code><span class="prompt">curl "http://localhost:2019/pki/ca/local" | jq</span>
        {"id": "local", "root_common_name": "Root"}</code></pre></body></html>
        """),
    ])
    func commandThenOutputWithoutPrompt(_ place: String, _ html: Bool, _ page: String) throws {
        let (p, d) = try read(page, html: html)
        #expect(d.diagnostics.isEmpty, "\(place): \(d.diagnostics)")
        let op = try #require(p.operations.first, "\(place)")
        #expect(op.method + " " + op.path == "GET /pki/ca/{id}", "\(place)")
        #expect(responseNames(op) == ["id", "root_common_name"], "\(place)")
        #expect(op.requestBody == nil, "\(place)")
    }

    /// Without a prompt, what follows a command is its output only when a shell could not run it: a
    /// here-document's lines are the command's input (the request body), and a second command is no output.
    @Test func hereDocumentAndSecondCommandAreNoOutput() throws {
        let (p, _) = try read("""
        ## POST /widgets

        ```
        curl -X POST http://h/widgets -H "Content-Type: application/json" -d @- <<EOF
        {"name": "a"}
        EOF
        ```

        ## GET /widgets

        ```
        curl http://h/widgets
        curl http://h/widgets?page=2
        ```
        """)
        let post = try #require(p.operations.first { $0.method == "POST" })
        #expect(post.responses.allSatisfy { $0.type == nil })
        let get = try #require(p.operations.first { $0.method == "GET" })
        #expect(get.responses.allSatisfy { $0.type == nil })
    }

    // MARK: ANSI-C quoted curl bodies

    /// `-d $'{…}'` (bash's ANSI-C quoting, with `\'` inside) is the request body, in Markdown and HTML.
    @Test(arguments: [false, true])
    func ansiCQuotedCurlBody(_ html: Bool) throws {
        let command = #"curl -X POST https://h/v2/codes -H "Content-Type: application/json" -d $'{"data": {"type": "codes", "note": "it\'s"}}'"#
        let page = html
            ? "<html><body><h2>POST /v2/codes</h2><p>Adds codes.</p><pre><code>\(command)</code></pre></body></html>"
            : "## POST /v2/codes\n\nAdds codes.\n\n```bash\n\(command)\n```\n"
        let (p, d) = try read(page, html: html)
        #expect(d.diagnostics.isEmpty, "\(d.diagnostics)")
        let op = try #require(p.operations.first)
        #expect(names(op.requestBody?.type) == ["data", "data.type", "data.note"])
    }

    // MARK: optional query strings in brackets

    /// `GET /api/sessions[?format=csv&lang=<lang>]` in a list item's code span, a heading, and an HTML
    /// page's list: the path without the brackets, `format` and `lang` query parameters.
    @Test(arguments: [
        ("md list item", false, "# API\n\n- `GET /api/sessions[?format=csv&lang=<lang>]`: charging sessions\n- `GET /api/state`: the state\n"),
        ("md heading", false, "## GET /api/sessions[?format=csv][&lang=<lang>]\n\nCharging sessions.\n"),
        ("html list item", true, "<html><body><h1>API</h1><ul><li><code>GET /api/sessions[?format=csv&amp;lang=&lt;lang&gt;]</code>: charging sessions</li><li><code>GET /api/state</code>: the state</li></ul></body></html>"),
    ])
    func optionalQueryInBrackets(_ place: String, _ html: Bool, _ page: String) throws {
        let (p, _) = try read(page, html: html)
        let op = try #require(p.operations.first { $0.path == "/api/sessions" }, "\(place): \(p.operations.map(\.path))")
        #expect(op.parameters.map { "\($0.location) \($0.name)" } == ["query format", "query lang"], "\(place)")
    }

    @Test func optionalQueryUnbracketed() {
        #expect(SignatureReader.read("GET /api/sessions[?format=csv&lang=<lang>]")?.path == "/api/sessions")
        #expect(SignatureReader.read("GET /api/sessions[?format=csv&lang=<lang>]")?.queryNames == ["format", "lang"])
        #expect(SignatureReader.read("GET /x[?a=1][&b=2] HTTP/1.1")?.isRequestLine == true)
        // A bracketed placeholder segment stays what it was.
        #expect(SignatureReader.read("GET /users/[id]")?.path == "/users/{id}")
    }

    // MARK: GitBook examples after the block

    /// The `{% tabs %}` of examples after `{% endapi-method %}` belong to that operation, up to the next
    /// block or heading.
    @Test func gitBookExamplesAfterTheBlock() throws {
        let (p, d) = try read("""
        # Codes

        {% api-method method="delete" host="https://api.h.com" path="/v2/promotions/:id/codes" %}
        {% api-method-summary %}
        Delete codes
        {% endapi-method-summary %}
        {% api-method-spec %}
        {% api-method-request %}
        {% api-method-body-parameters %}
        {% api-method-parameter name="codes[].code" type="string" required=true %}
        the code
        {% endapi-method-parameter %}
        {% api-method-parameter name="type" type="string" required=true %}
        `promotion_codes`
        {% endapi-method-parameter %}
        {% endapi-method-body-parameters %}
        {% endapi-method-request %}
        {% endapi-method-spec %}
        {% endapi-method %}

        {% tabs %}
        {% tab title="cURL" %}
        ```bash
        curl -X DELETE https://api.h.com/v2/promotions/:id/codes \\
             -H "Content-Type: application/json" \\
             -d $'{"data": {"type": "promotion_codes", "codes": [{"code": "A"}]}}'
        ```
        {% endtab %}
        {% endtabs %}

        ## Unrelated

        ```json
        {"other": 1}
        ```
        """)
        #expect(d.diagnostics.isEmpty, "\(d.diagnostics)")
        let op = try #require(p.operations.first)
        #expect(names(op.requestBody?.type) == ["data", "data.codes", "data.codes.code", "data.type"])
        #expect(op.responses.allSatisfy { $0.type == nil })
    }
}
