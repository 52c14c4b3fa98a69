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

/// A parameter documented once for the whole API ("All resources support a `search` parameter")
/// applies to each operation the sentence names.
@Suite struct APIWideParameterTests {
    func read(_ text: String) throws -> PageExtraction {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        return try #require(DialectRegistry().extract(doc, diagnostics: d))
    }

    func query(_ page: PageExtraction) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: page.operations.map { ("\($0.method) \($0.path)", $0.parameters.filter { $0.location == .query }.map(\.name)) })
    }

    @Test func resourcesMeansTheCollections() throws {
        let page = try read("""
        # Zoo API

        All resources support a `search` parameter that filters the set of resources returned.

        ## Animals

        `GET /animals/`

        Lists the animals.

        `GET /animals/{id}/`

        One animal.

        `GET /animals/schema/`

        The schema of an animal.
        """)
        let q = query(page)
        #expect(q["GET /animals/"] == ["search"])
        #expect(q["GET /animals/{id}/"] == [])
        #expect(q["GET /animals/schema/"] == [])
    }

    @Test func endpointsMeansEveryOperationAndAQueryStringGivesTheNames() throws {
        let page = try read("""
        # Metrics

        All endpoints accept a `window` query param.

        All list endpoints support `?page=1&limit=50`.

        ## Runs

        `GET /v1/runs`

        Lists runs.

        `POST /v1/runs`

        Starts a run.
        """)
        let q = query(page)
        #expect(q["GET /v1/runs"] == ["window", "page", "limit"])
        #expect(q["POST /v1/runs"] == ["window"])
    }

    @Test func otherSentencesAddNothing() throws {
        let page = try read("""
        # Metrics

        All endpoints accept and return JSON.

        All endpoints accept an optional `provider_config` object.

        `GET /v1/runs`

        Lists runs.
        """)
        #expect(query(page)["GET /v1/runs"] == [])
    }
}

/// A method-less path a sentence calls an endpoint, on a page whose other operations have signatures.
@Suite struct ProseEndpointTests {
    func read(_ text: String) throws -> PageExtraction {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        return try #require(DialectRegistry().extract(doc, diagnostics: d))
    }

    @Test func theSentenceGivesTheMethodAndListedQueryStringsTheParameters() throws {
        let page = try read("""
        # Library API

        ## Items

        - `GET /api/items/{id}/`: returns one item.

        ## Searching

        Full text searching is available on the `/api/items/` endpoint. The following query parameters apply:

        - `/api/items/?text=word`: search titles and content.
        - `/api/items/?more_like_id=12`: items similar to item 12.

        ## Jobs

        Querying the jobs endpoint with the returned UUID, e.g.
        `/api/jobs/?job_id={uuid}` tells the state of the job.

        ## Bulk editing

        For bulk operations, use the endpoint `/api/items/bulk_edit/` which accepts a json payload of the format:

        ```json
        {"items": [1, 2], "method": "delete"}
        ```

        The following methods are supported:

        - `delete`: removes the items.
        - `reprocess`: reads them again.

        The old endpoint `/api/items/legacy/` is gone.
        """)
        let ops = Dictionary(uniqueKeysWithValues: page.operations.map { ("\($0.method) \($0.path)", $0) })
        #expect(Set(ops.keys) == ["GET /api/items/{id}/", "GET /api/items/", "GET /api/jobs/", "POST /api/items/bulk_edit/"])
        #expect(ops["GET /api/items/"]?.parameters.map(\.name) == ["text", "more_like_id"])
        #expect(ops["GET /api/jobs/"]?.parameters.map(\.name) == ["job_id"])
        guard case .object(let fields)? = ops["POST /api/items/bulk_edit/"]?.requestBody?.type else { Issue.record("no body"); return }
        #expect(fields.map(\.name) == ["items", "method"])
    }
}

/// A JSON-RPC request shown beside a GET, and a field table continued by the table right after it.
@Suite struct RPCAndContinuedTableTests {
    func read(_ text: String) throws -> PageExtraction {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "p.md", diagnostics: d)
        return try #require(DialectRegistry().extract(doc, diagnostics: d))
    }

    func names(_ t: TypeRef?, prefix: String = "") -> [String] {
        switch t {
        case .object(let f)?: return f.flatMap { [prefix + $0.name] + names($0.type, prefix: prefix + $0.name + ".") }
        case .array(let inner)?: return names(inner, prefix: prefix)
        default: return []
        }
    }

    @Test func jsonRPCRequestBesideAGetIsNeitherBodyNorResponse() throws {
        let page = try read("""
        # Cameras

        ## List cameras

        ```http
        GET /server/cameras/list
        ```

        ```json
        {"jsonrpc": "2.0", "method": "server.cameras.list", "id": 4654}
        ```

        Example response:

        ```json
        {"cameras": [{"name": "door"}]}
        ```

        Response fields:

        | Field     | Type     | Description         |
        | --------- | -------- | ------------------- |
        | `cameras` | [object] | The camera entries. |

        | Field  | Type   | Description          |
        | ------ | ------ | -------------------- |
        | `name` | string | The camera's name.   |
        | `fps`  | int    | Frames per second.   |
        """)
        let op = try #require(page.operations.first)
        #expect(op.requestBody == nil)
        #expect(op.parameters.isEmpty)
        let fields = names(op.responses.first?.type)
        #expect(!fields.contains("jsonrpc"))
        #expect(fields.contains("cameras.name") && fields.contains("cameras.fps"))
    }
}

/// A signature written with a literal query string keeps its names as query parameters.
@Suite struct LiteralQueryInSignatureTests {
    @Test(arguments: ["## GET /api/v1/tags?object=Ticket&o_id={ticket_id}", "`GET` request sent: `/api/v1/tags?object=Ticket&o_id=12`"])
    func queryNamesOfTheSignature(line: String) throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("# Tags\n\n\(line)\n\nLists the tags of one object.\n", file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d))
        let op = try #require(page.operations.first)
        #expect(op.path == "/api/v1/tags")
        #expect(op.parameters.filter { $0.location == .query }.map(\.name) == ["object", "o_id"])
    }
}
