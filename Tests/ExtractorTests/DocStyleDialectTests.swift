import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Each dialect on a small synthetic page of its style, and the registry's choice between them.
@Suite struct DocStyleDialectTests {
    func read(_ text: String) throws -> (PageExtraction, RecordingCollector) {
        let (doc, d) = markdownPage(text)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        return (page, d)
    }

    @Test func slateSectionWithExampleBeforeTheSignature() throws {
        let (page, _) = try read("""
        # Widgets

        ## Get a Widget

        > The above command returns JSON structured like this:

        ```json
        {"id": 3, "label": "big", "parts": [{"sku": "a1"}]}
        ```

        This endpoint retrieves one widget.

        ### HTTP Request

        `GET https://api.example.com/v1/widgets/<ID>`

        ### URL Parameters

        Parameter | Description
        --------- | -----------
        ID | The widget's ID

        ### Query Parameters

        Parameter | Default | Description
        --------- | ------- | -----------
        verbose | false | Include everything
        """)
        #expect(page.dialect == "slate")
        #expect(page.baseURL == "https://api.example.com")
        #expect(page.resource.title == "Widgets")
        let op = try #require(page.operations.first)
        #expect(op.method == "GET" && op.path == "/v1/widgets/{ID}")
        #expect(op.summary == "Get a Widget")
        #expect(op.description == "This endpoint retrieves one widget.")
        #expect(op.parameters.map { "\($0.location.rawValue) \($0.name)" } == ["path ID", "query verbose"])
        #expect(op.parameters.first?.description == "The widget's ID")
        #expect(op.responses.map(\.status) == ["200"])
        guard case .object(let fields)? = op.responses.first?.type else { Issue.record("no body"); return }
        #expect(fields.map(\.name) == ["id", "label", "parts"])
        #expect(op.requestBody == nil)
    }

    @Test func slateSignatureSetAsASubHeadingKeepsTheSectionsExample() throws {
        let (page, _) = try read("""
        # Genes

        ## Lookup Gene

        > The above commands returns JSON structured like this:

        ```json
        {"gene_id": "WBGene1", "start": 14524173}
        ```

        ### HTTP Request

        #### `GET http://example.org/api/gene/lookup/<gene>`

        Fetch one gene.
        """)
        #expect(page.dialect == "slate")
        let op = try #require(page.operations.first)
        #expect(op.method == "GET" && op.path == "/api/gene/lookup/{gene}")
        #expect(op.summary == "Lookup Gene")
        guard case .object(let fields)? = op.responses.first?.type else { Issue.record("no body"); return }
        #expect(fields.map(\.name) == ["gene_id", "start"])
    }

    @Test func widdershinsOperationWithLocationsStatusesAndBody() throws {
        let (page, _) = try read("""
        <h1 id="shop-orders">orders</h1>

        ## placeOrder

        > Code samples

        ```http
        POST https://shop.example/api/stores/{storeId}/orders HTTP/1.1
        Host: shop.example
        ```

        `POST /stores/{storeId}/orders`

        *Place an order*

        > Body parameter

        ```json
        {"item": "string", "quantity": 0}
        ```

        <h3 id="placeorder-parameters">Parameters</h3>

        |Name|In|Type|Required|Description|
        |---|---|---|---|---|
        |storeId|path|integer(int32)|true|none|
        |dryRun|query|boolean|false|none|
        |X-Trace|header|string|false|none|
        |body|body|[Order](#schemaorder)|true|none|

        > Example responses

        > 201 Response

        ```json
        {"id": 1, "item": "string"}
        ```

        <h3 id="placeorder-responses">Responses</h3>

        |Status|Meaning|Description|Schema|
        |---|---|---|---|
        |201|[Created](https://example.org)|Placed|[Order](#schemaorder)|
        |400|[Bad Request](https://example.org)|Invalid|None|
        """)
        #expect(page.dialect == "widdershins")
        #expect(page.resource.title == "orders")
        #expect(page.operations.count == 1)
        let op = try #require(page.operations.first)
        #expect(op.path == "/stores/{storeId}/orders")
        #expect(op.summary == "placeOrder")
        #expect(op.parameters.map { "\($0.location.rawValue) \($0.name)" } == ["path storeId", "query dryRun", "header X-Trace"])
        #expect(op.parameters.first?.type == .primitive(.integer, format: "int32"))
        #expect(op.responses.map(\.status) == ["201", "400"])
        guard case .object(let body)? = op.requestBody?.type else { Issue.record("no request body"); return }
        #expect(body.map(\.name) == ["item", "quantity"])
        guard case .object(let fields)? = op.responses.first?.type else { Issue.record("no 201 body"); return }
        #expect(fields.map(\.name) == ["id", "item"])
    }

    @Test func gitBookAPIMethodAndSwaggerBlocks() throws {
        let (page, _) = try read("""
        # Cakes

        {% api-method method="post" host="https://api.cakes.example" path="/v1/cakes/:shop" %}
        {% api-method-summary %}
        Bake a cake
        {% endapi-method-summary %}

        {% api-method-spec %}
        {% api-method-request %}
        {% api-method-path-parameters %}
        {% api-method-parameter name="shop" type="string" required=true %}
        The shop
        {% endapi-method-parameter %}
        {% endapi-method-path-parameters %}

        {% api-method-body-parameters %}
        {% api-method-parameter name="flavour\\_name" type="string" required=true %}
        What it tastes of
        {% endapi-method-parameter %}
        {% endapi-method-body-parameters %}
        {% endapi-method-request %}

        {% api-method-response %}
        {% api-method-response-example httpCode=201 %}
        ```json
        {"id": 9, "flavour_name": "lemon"}
        ```
        {% endapi-method-response-example %}
        {% endapi-method-response %}
        {% endapi-method-spec %}
        {% endapi-method %}

        {% swagger method="delete" path="/v1/cakes/:id" baseUrl="https://api.cakes.example" summary="Eat a cake" %}
        {% swagger-parameter in="path" name="id" type="String" required="true" %}
        The cake
        {% endswagger-parameter %}
        {% swagger-response status="204" description="Eaten" %}
        {% endswagger-response %}
        {% endswagger %}
        """)
        #expect(page.dialect == "gitbook")
        #expect(page.operations.map { $0.method + " " + $0.path } == ["POST /v1/cakes/{shop}", "DELETE /v1/cakes/{id}"])
        let bake = page.operations[0]
        #expect(bake.summary == "Bake a cake")
        #expect(bake.parameters.first?.description == "The shop")
        #expect(bake.responses.map(\.status) == ["201"])
        guard case .object(let body)? = bake.requestBody?.type else { Issue.record("no request body"); return }
        #expect(body.map(\.name) == ["flavour_name"])
        let eat = page.operations[1]
        #expect(eat.summary == "Eat a cake")
        #expect(eat.responses.map(\.status) == ["204"])
        #expect(eat.responses.first?.type == nil)
        #expect(eat.requestBody == nil)
    }

    @Test func handWrittenReadmeWithFrontMatterListsAndCodeSignatures() throws {
        let (page, d) = try read("""
        ---
        title: Not the resource
        ---

        # Milestones API

        > Note: rate limits apply.

        ## List milestones

        ```
        GET /repos/:owner/:repo/milestones
        ```

        Parameters:

        - `state` (string, optional): open or closed
        - `per_page` (integer): page size

        ## Create a milestone

        ```http
        POST /repos/:owner/:repo/milestones HTTP/1.1
        Content-Type: application/json

        {"title": "v1", "due_on": "2020-01-01"}
        ```

        ```http
        HTTP/1.1 201 Created

        {"number": 1, "title": "v1"}
        ```

        ## Delete a milestone

        DEL /repos/:owner/:repo/milestones/:number

        Returns `204 No Content`.
        """)
        #expect(page.dialect == "generic")
        #expect(page.resource.title == "Milestones API")
        #expect(page.operations.map { $0.method + " " + $0.path } == [
            "GET /repos/{owner}/{repo}/milestones", "POST /repos/{owner}/{repo}/milestones", "DELETE /repos/{owner}/{repo}/milestones/{number}",
        ])
        #expect(page.operations.map(\.summary) == ["List milestones", "Create a milestone", "Delete a milestone"])
        let list = page.operations[0]
        #expect(list.parameters.filter { $0.location == .query }.map(\.name) == ["state", "per_page"])
        let create = page.operations[1]
        #expect(create.responses.map(\.status) == ["201"])
        guard case .object(let body)? = create.requestBody?.type else { Issue.record("no request body"); return }
        #expect(body.map(\.name) == ["title", "due_on"])
        let delete = page.operations[2]
        #expect(delete.responses.map(\.status) == ["204"])
        #expect(delete.responses.first?.type == nil)
        #expect(!d.diagnostics.contains { $0.severity == .warning })
    }

    @Test func methodEndpointTableGivesOperations() throws {
        let (page, _) = try read("""
        # Tags

        | Verb | Route | Description |
        |---|---|---|
        | GET | /tags | All tags |
        | DEL | /tags/:name | Remove a tag |
        """)
        #expect(page.operations.map { $0.method + " " + $0.path } == ["GET /tags", "DELETE /tags/{name}"])
        #expect(page.operations.map(\.summary) == ["All tags", "Remove a tag"])
    }

    @Test func aPageNothingReadsSaysWhoLookedAndWhy() {
        let (doc, d) = markdownPage("# About\n\nWe make things.\n")
        #expect(DialectRegistry().extract(doc, diagnostics: d) == nil)
        let note = d.diagnostics.first { $0.message.hasPrefix("no API operations recognised") }?.message ?? ""
        for dialect in ["mkdocs-reference", "sphinx-httpdomain", "gitbook", "widdershins", "slate", "generic"] { #expect(note.contains(dialect + ":"), "\(dialect)") }
        #expect(note.contains("no 'METHOD /path' signature"))
    }

    @Test func aPathParameterRowNotInThePathIsAWarningWithItsLine() throws {
        let (_, d) = try read("""
        # X

        ## Get one

        `GET /things/:id`

        ### Path Parameters

        | Name | Description |
        |---|---|
        | thing_id | The thing |
        """)
        let w = d.diagnostics.filter { $0.severity == .warning }
        #expect(w.map { $0.location?.line ?? 0 } == [11])
    }
}
