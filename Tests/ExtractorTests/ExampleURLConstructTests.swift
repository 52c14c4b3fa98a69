import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing

/// Example URLs written without a method (`ExampleURLTemplates`): value-looking segments named by
/// the page, spellings of one URL, prefix templates in prose, several URLs sharing one example.
/// Each in a Markdown fenced block and in an HTML `<pre>` (links, `<img src>` snippets).
/// Synthetic snippets written for these tests.
@Suite struct ExampleURLConstructTests {
    func read(_ text: String, html: Bool = false) throws -> PageExtraction {
        let d = RecordingCollector()
        let doc = html ? HTMLParser().parse(text, file: "p.html", diagnostics: d) : MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        return try #require(DialectRegistry().extract(doc, diagnostics: d), "\(d.diagnostics)")
    }

    func operations(_ page: PageExtraction) -> [String: [String]] {
        Dictionary(page.operations.map { ($0.method + " " + $0.path, $0.parameters.map { "\($0.location.rawValue):\($0.name)" }.sorted()) },
                   uniquingKeysWith: { a, _ in a })
    }

    static let markdown = """
    # Placeholder images

    ## Sizes

    Add the image size (width x height) after the host.

    ```
    https://img.example.com/640/480
    ```

    For a square image, just add the size.

    ```
    https://img.example.com/640
    ```

    ## Crops

    Crop the image by adding `/crop/{mode}` to the start of the url.

    ```
    https://img.example.com/crop/center/640/480
    ```

    ## Formats

    Add `.png` to the end of the url for a PNG, or a slash before the options.

    ```
    https://img.example.com/640/480.png
    ```

    ```
    https://img.example.com/640/480/?invert
    ```
    """

    @Test func valuesNamedByTheIntroducingSentenceSpellingsAndPrefixTemplatesInMarkdown() throws {
        let ops = operations(try read(Self.markdown))
        #expect(ops == [
            "GET /{width}/{height}": ["path:height", "path:width", "query:invert"],
            "GET /{size}": ["path:size"],
            "GET /crop/{mode}/{width}/{height}": ["path:height", "path:mode", "path:width"],
        ])
    }

    @Test func sameConstructsInHTMLLinksAndImageSnippets() throws {
        let page = try read("""
        <html><body>
        <h2>Sizes</h2>
        <p>Add the image size (width &amp; height) after the host.</p>
        <pre><code><a href="/640/480">https://img.example.com/640/480</a></code></pre>
        <p>For a square image, just add the size.</p>
        <pre><code><a href="/640">https://img.example.com/640</a></code></pre>
        <h2>Crops</h2>
        <p>Crop the image by adding <code>/crop/{mode}</code> to the start of the url.</p>
        <pre><code><a href="/crop/center/640/480?invert">https://img.example.com/crop/center/640/480?invert</a></code></pre>
        <h2>Caching</h2>
        <p>Add a <code>random</code> value to get another image each time:</p>
        <pre><code>&lt;img src="https://img.example.com/640/480?random=1"&gt;
        &lt;img src="https://img.example.com/640/480.webp?random=2"&gt;</code></pre>
        </body></html>
        """, html: true)
        #expect(operations(page) == [
            "GET /{width}/{height}": ["path:height", "path:width", "query:random"],
            "GET /{size}": ["path:size"],
            "GET /crop/{mode}/{width}/{height}": ["path:height", "path:mode", "path:width", "query:invert"],
        ])
    }

    @Test func literalWordsStayAndUnexplainedValuesStayConcrete() throws {
        let ops = operations(try read("""
        # Avatars

        Pick the avatar shape, then add the size.

        ```
        https://img.example.com/avatar/round/64
        ```

        The status page:

        ```
        https://img.example.com/v2/health/3
        ```
        """))
        #expect(Set(ops.keys) == ["GET /avatar/round/{size}", "GET /v2/health/3"])
    }

    @Test func severalURLsInOneBlockShareTheExampleAfterIt() throws {
        let page = try read("""
        # Images

        ## Details

        Details of one image from the `/id/{id}/info` and `/seed/{seed}/info` endpoints.

        ```
        https://img.example.com/id/0/info
        https://img.example.com/seed/abc/info
        ```

        ```json
        {"id": "0", "author": "A. Person", "width": 640}
        ```

        ## List

        ```
        https://img.example.com/v2/list?page=2
        ```
        """)
        for path in ["/id/{id}/info", "/seed/{seed}/info"] {
            let op = try #require(page.operations.first { $0.path == path })
            guard case .object(let fields)? = op.responses.first?.type else { Issue.record("no body for \(path)"); continue }
            #expect(fields.map(\.name) == ["id", "author", "width"])
        }
    }

    // MARK: parameters named in prose

    @Test func parameterNamedInProseByACodeSpanOrVarJoinsTheSectionsURLs() throws {
        let md = operations(try read("""
        # Cards

        ## Draw

        ```
        https://cards.example.com/api/deck/<<deck_id>>/draw/
        https://cards.example.com/api/deck/<<deck_id>>/draw/bottom/
        ```

        Both of these accept the `count` parameter. Use `deck_id` as a parameter for related calls.

        ## New deck

        ```
        https://cards.example.com/api/deck/new/
        ```

        Add `jokers=true` as a GET or POST parameter to include two jokers.
        """))
        #expect(md == [
            "GET /api/deck/{deck_id}/draw/": ["path:deck_id", "query:count"],
            "GET /api/deck/{deck_id}/draw/bottom/": ["path:deck_id", "query:count"],
            "GET /api/deck/new/": ["query:jokers"],
        ])
        let html = operations(try read("""
        <html><body>
        <h2>Draw</h2>
        <pre><code>https://cards.example.com/api/deck/&lt;&lt;deck_id&gt;&gt;/draw/
        https://cards.example.com/api/deck/&lt;&lt;deck_id&gt;&gt;/draw/bottom/</code></pre>
        <p>Both of these also accept the <var>count</var> parameter.</p>
        <h2>New deck</h2>
        <pre><code>https://cards.example.com/api/deck/new/</code></pre>
        <p>Add <var>jokers=true</var> as a GET or POST parameter; see the <var>deck_id</var> endpoint for more.</p>
        </body></html>
        """, html: true))
        #expect(html == md)
    }

    @Test func optionsTheSentenceCombinesApplyToEveryURLAboveIt() throws {
        let markdown = """
        # Images

        Add the size (width x height).

        ```
        https://img.example.com/640/480?invert
        ```

        For a square image, just add the size.

        ```
        https://img.example.com/640?blur=2
        ```

        You may combine any of the options above.

        ## List

        ```
        https://img.example.com/v2/list?page=2
        ```

        ```
        https://img.example.com/v2/list/all
        ```
        """
        #expect(operations(try read(markdown)) == [
            "GET /{width}/{height}": ["path:height", "path:width", "query:blur", "query:invert"],
            "GET /{size}": ["path:size", "query:blur", "query:invert"],
            "GET /v2/list": ["query:page"],
            "GET /v2/list/all": [],
        ])
    }
}
