import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// A list of the values one field takes (not parameters), and a query written after the path
/// with `&` and no `?` (synthetic snippets, not copied from real pages).
@Suite struct ValueListAndQueryTests {
    func read(_ text: String) throws -> PageExtraction {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        return try #require(DialectRegistry().extract(doc, diagnostics: d))
    }

    @Test(arguments: ["You can tell a feed from a search by the `kind` field:", "Possible values of `kind`:", "`kind` can be one of:"])
    func aListOfOneFieldsValuesIsNotParameters(caption: String) throws {
        let page = try read("""
        # Feeds

        The following call lists the feeds of a workspace:

        ```
        curl -X GET https://api.example.com/workspaces/12/feeds?kind=rss
        ```

        \(caption)

        * `search string` - a saved search.
        * `rss` - an RSS feed.
        * `atom` - an Atom feed.
        """)
        let op = try #require(page.operations.first)
        #expect(page.operations.count == 1)
        #expect(op.parameters.filter { $0.location == .query }.map(\.name) == ["kind"])
    }

    @Test func aListAfterAPlainCaptionStillHoldsParameters() throws {
        let page = try read("""
        # Feeds

        ```
        curl -X GET https://api.example.com/feeds
        ```

        The call takes:

        * `limit` - how many feeds.
        * `offset` - where to start.
        """)
        let op = try #require(page.operations.first)
        #expect(op.parameters.map(\.name) == ["limit", "offset"])
    }

    @Test func aQueryWrittenWithAmpersandAndNoQuestionMarkGivesQueryParameters() throws {
        let page = try read("""
        # Feeds

        To list only one kind of feed, pass `kind`:

        ```
        curl -X GET https://api.example.com/workspaces/12/feeds&kind=rss&page=2
        ```
        """)
        let op = try #require(page.operations.first)
        #expect("\(op.method) \(op.path)" == "GET /workspaces/{workspace_id}/feeds")
        #expect(op.parameters.filter { $0.location == .query }.map(\.name) == ["kind", "page"])
    }
}

/// A table whose name column says where its rows go (`Query param`, `Body Param`, `Path parameter`).
@Suite struct PlacedNameHeaderTests {
    func read(_ text: String) throws -> PageExtraction {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        return try #require(DialectRegistry().extract(doc, diagnostics: d))
    }

    @Test func queryParamColumnUnderACaptionThatSaysSo() throws {
        let page = try read("""
        # Comments

        ## Delete a comment

        `DELETE /v1/comments/{comment_id}`

        The following query parameters are available:

        | Query param | Type      | Description                      |
        | :---------- | :-------- | :------------------------------- |
        | `silent`    | `boolean` | Do not notify anyone             |
        """)
        let op = try #require(page.operations.first)
        #expect(op.parameters.filter { $0.location == .query }.map(\.name) == ["silent"])
    }

    @Test func theHeaderAlonePlacesTheRows() throws {
        let page = try read("""
        # Notes

        ## Create a note

        ```http
        POST /api/notes
        ```

        | Body Param | Type   | Required | Description |
        |------------|--------|----------|-------------|
        | `title`    | string | yes      | The title   |

        ## Search notes

        ```http
        GET /api/notes/search
        ```

        | Query Param | Type   | Description     |
        |-------------|--------|-----------------|
        | `q`         | string | Keyword         |
        """)
        let create = try #require(page.operations.first { $0.method == "POST" })
        let search = try #require(page.operations.first { $0.method == "GET" })
        guard case .object(let fields)? = create.requestBody?.type else { Issue.record("no request body"); return }
        #expect(fields.map(\.name) == ["title"])
        #expect(search.parameters.filter { $0.location == .query }.map(\.name) == ["q"])
    }
}
