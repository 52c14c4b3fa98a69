import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing

/// Concrete example requests (`PUT /stores/main/items/A7 HTTP/1.1`) on a page that names their URL
/// template once (Spring REST Docs' path-parameters table caption `Table 1. /stores/{store}/items/{id}`,
/// or prose): one operation with the template path, wherever on the page the template is named; the
/// parent collection of the template counts; a repeated request in an error-samples section adds its
/// status. Synthetic snippets in the Asciidoctor layout.
@Suite struct CaptionTemplateTests {
    let page = """
    <h2>Update an item</h2>
    <p>Send a PUT to the /stores/main/items/{itemId} endpoint.</p>
    <table class="tableblock"><caption class="title">Table 1. /stores/{store}/items/{itemId}</caption>
    <thead><tr><th>Parameter</th><th>Description</th></tr></thead>
    <tbody><tr><td><code>store</code></td><td>The store.</td></tr><tr><td><code>itemId</code></td><td>The item.</td></tr></tbody></table>
    <h3>- Rename</h3>
    <div class="listingblock"><div class="title">request</div><pre><code class="language-http">PUT /stores/main/items/A7 HTTP/1.1
    Content-Type: application/json

    {"name" : "x"}</code></pre></div>
    <div class="listingblock"><div class="title">response</div><pre><code class="language-http">HTTP/1.1 200 OK
    Content-Type: application/json

    {"id" : "A7", "name" : "x"}</code></pre></div>
    <h3>- Hide</h3>
    <div class="listingblock"><div class="title">request</div><pre><code class="language-http">PUT /stores/main/items/A7 HTTP/1.1
    Content-Type: application/json

    {"hidden" : true}</code></pre></div>
    <h2>List the items</h2>
    <div class="listingblock"><div class="title">request</div><pre><code class="language-http">GET /stores/main/items HTTP/1.1
    Host: localhost</code></pre></div>
    <div class="listingblock"><div class="title">response</div><pre><code class="language-http">HTTP/1.1 200 OK
    Content-Type: application/json

    [ {"id" : "A7"} ]</code></pre></div>
    <h2>Sample errors</h2>
    <h3>- Unknown item</h3>
    <div class="listingblock"><div class="title">request</div><pre><code class="language-http">PUT /stores/main/items/Z9 HTTP/1.1
    Content-Type: application/json

    {"name" : "x"}</code></pre></div>
    <div class="listingblock"><div class="title">response</div><pre><code class="language-http">HTTP/1.1 404 Not Found</code></pre></div>
    """

    @Test func exampleRequestsTakeTheTemplateNamedOnThePage() throws {
        let d = RecordingCollector()
        let doc = HTMLParser().parse(page, file: "api-guide.html", diagnostics: d)
        let read = try #require(DialectRegistry().extract(doc, diagnostics: d))
        // The caption's template, more specific than the prose's `/stores/main/items/{itemId}`; the list
        // request is the template's parent collection.
        #expect(read.operations.map { $0.method + " " + $0.path } == ["PUT /stores/{store}/items/{itemId}", "GET /stores/{store}/items"])
        let put = try #require(read.operations.first)
        #expect(put.responses.map(\.status) == ["200", "404"])
        #expect(!d.diagnostics.contains { $0.message.contains("documented twice") }, "\(d.diagnostics)")
    }

    /// A signature heading two sections (not an example request) is still documented twice.
    @Test func aSignatureDocumentedTwiceStillWarns() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        ## Items

        ### GET /items

        Lists the items.

        ## Again

        ### GET /items

        Lists them again.
        """, file: "p.md", diagnostics: d)
        let read = try #require(DialectRegistry().extract(doc, diagnostics: d))
        #expect(read.operations.count == 1)
        #expect(d.diagnostics.contains { $0.message.contains("GET /items is documented twice") })
    }
}
