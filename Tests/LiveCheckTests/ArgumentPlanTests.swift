import APIModel
import Docs2SwiftRuntime
import Extractors
import Foundation
@testable import LiveCheck
import Testing

/// The choice of argument values that `docs2swift check` and the generated tests' live mode share:
/// `ArgumentPlan` (sources per parameter, query values) and `ListAnswer` (the id a list answer gives).
@Suite struct ArgumentPlanTests {
    static func get(_ path: String, parameters: [Parameter] = [], examples: [String] = []) -> APIModel.Operation {
        APIModel.Operation(id: path, resource: "R", method: "GET", path: path, parameters: parameters,
                           examples: examples.map { Example(kind: "request", language: "http", text: $0) })
    }

    static func query(_ name: String, required: Bool, enumValues: [String]? = nil) -> Parameter {
        Parameter(name: name, location: .query, type: .string, required: required, enumValues: enumValues)
    }

    @Test func ownListFirstThenExamplesThenListsOfTheSameItemName() {
        let api = APIDescription(operations: [
            Self.get("/v2/users"),
            Self.get("/v2/users/{user_id}"),
            Self.get("/buckets"),
            Self.get("/buckets/{bucket_id}", examples: ["GET /v1/buckets/blog HTTP/1.1"]),
            Self.get("/v1/users/{user_id}/media"),
        ])
        let plan = ArgumentPlan(api: api)
        #expect(plan.pathSources("/buckets/{bucket_id}").map(\.name) == ["bucket_id"])
        #expect(plan.pathSources("/buckets/{bucket_id}")[0].sources == [.list("/buckets"), .example("blog")])
        // No list at /v1/users: the list whose items /v2/users/{user_id} addresses.
        #expect(plan.pathSources("/v1/users/{user_id}/media")[0].sources == [.list("/v2/users")])
        #expect(plan.pathSources("/v2/users/{user_id}")[0].sources == [.list("/v2/users")])
    }

    @Test func aListUnderAParameterIsNamedLikeTheOperationsPath() {
        let api = APIDescription(operations: [
            Self.get("/buckets"),
            Self.get("/buckets/{id}/collections"),
            Self.get("/buckets/{bucket_id}/collections/{collection_id}"),
        ])
        let sources = ArgumentPlan(api: api).pathSourcesClosed("/buckets/{bucket_id}/collections/{collection_id}")
        #expect(sources.map(\.name) == ["bucket_id", "collection_id"])
        #expect(sources[1].sources == [.list("/buckets/{bucket_id}/collections")])
    }

    @Test func aConcreteIdReadFromAnExampleURLIsTheParametersExample() {
        let path = ConcreteIDs.parameterisedKeepingValues("/api/4/processes/777")
        #expect(path.path == "/api/4/processes/{process_id}")
        #expect(path.values == ["process_id": "777"])
        let p = Parameter(name: "process_id", location: .path, type: .string, required: true, example: "777")
        let plan = ArgumentPlan(api: APIDescription(operations: [Self.get("/api/4/processlist"), Self.get(path.path, parameters: [p])]))
        #expect(plan.pathSources(path.path)[0].sources == [.example("777")])
    }

    /// Paths and values are cut on bytes for ASCII text and by characters otherwise: both read alike.
    @Test func examplesReadAlikeInASCIIAndOtherText() {
        #expect(ArgumentPlan.pathsIn("curl 'https://h.example/v1/b/blog?x=1&y' -H 'A: b'").map(\.path) == ["/v1/b/blog"])
        #expect(ArgumentPlan.pathsIn("curl 'https://h.example/v1/b/blog?x=1&y' -H 'A: é'").map(\.path) == ["/v1/b/blog"])
        #expect(ArgumentPlan.pathsIn("GET /v1/b/blog?x=1&y HTTP/1.1").first?.query.map { "\($0.0)=\($0.1)" } == ["x=1", "y="])
        #expect(ArgumentPlan.pathsIn("GET / HTTP/1.1 https://h.example").isEmpty)
        #expect(ArgumentPlan.match(template: "/b/{id}/", path: "/v1/b/blog") == ["/b/{}": "blog"])
        #expect(ArgumentPlan.match(template: "/b/{id}/", path: "/v1/b/caf%C3%A9") == ["/b/{}": "café"])
        #expect(ArgumentPlan.match(template: "/café/{id}", path: "/v1/café/42") == ["/café/{}": "42"])
        #expect(ArgumentPlan.match(template: "/b/{id}", path: "/v1/c/blog") == nil)
        #expect(ArgumentPlan.match(template: "/b/{id}", path: "/b/{id}") == nil)
        #expect(ArgumentPlan.match(template: "/b/{id}", path: "/b/<id>") == nil)
        #expect(ArgumentPlan.match(template: "/b/{id}", path: "/b/é{") == nil)
        let api = APIDescription(operations: [
            Self.get("/b/{id}", parameters: [Self.query("x", required: true)], examples: ["GET /b/{id}\nGET /v1/b/blog?x=2 HTTP/1.1\nGET /b/other?x=3"]),
        ])
        #expect(ArgumentPlan(api: api).queryValues(api.operations[0], includeOptional: false).map { $0.map(\.value) } == .success(["2"]))
    }

    @Test func queryValuesRequiredOnlyFromExamplesOrTheFirstEnumValue() {
        let op = Self.get("/rooms/{room_id}/messages", parameters: [
            Self.query("from", required: true), Self.query("dir", required: true, enumValues: ["b", "f"]),
            Self.query("limit", required: false),
        ], examples: ["GET /_synapse/admin/v1/rooms/r1/messages?from=s1_2&limit=10"])
        let plan = ArgumentPlan(api: APIDescription(operations: [op]))
        let values = try? plan.queryValues(op, includeOptional: false).get()
        #expect(values?.map { "\($0.name)=\($0.value)" } == ["from=s1_2", "dir=b"])
        let all = try? plan.queryValues(op, includeOptional: true).get()
        #expect(all?.map(\.name) == ["from", "dir", "limit"])
        let bare = Self.get("/rooms/{room_id}/messages", parameters: [Self.query("from", required: true)])
        #expect(throws: ArgumentPlan.MissingQueryValue(name: "from")) {
            try ArgumentPlan(api: APIDescription(operations: [bare])).queryValues(bare, includeOptional: false).get()
        }
    }

    @Test func listAnswerItemsAndIds() throws {
        func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        // The preferred member over the first by name; the key named like the parameter first.
        let wrapped = try json(#"{"aaa": [{"id": "x"}], "data": [{"id": "blog", "bucket_id": "b1"}]}"#)
        #expect(ListAnswer.firstIdentifier(in: wrapped, for: "bucket_id") == "b1")
        #expect(ListAnswer.firstIdentifier(in: wrapped, for: "other") == "blog")
        // The stem (`user_id` → `user`), integers exact, booleans and fractions no ids.
        #expect(ListAnswer.firstIdentifier(in: try json(#"{"users": [{"user": "@a:x", "id": 3}]}"#), for: "user_id") == "@a:x")
        #expect(ListAnswer.firstIdentifier(in: try json(#"[{"pid": 1, "id": 9007199254740993}]"#), for: "process_id") == "9007199254740993")
        #expect(ListAnswer.firstIdentifier(in: try json(#"[{"id": true}, {"id": 2.5}, {"name": "n"}]"#), for: "x") == "n")
        // Alternatives each before the generic keys: `room_id_or_alias` takes `room_id`, not the room's `name`.
        #expect(ListAnswer.firstIdentifier(in: try json(#"{"rooms": [{"name": "Matrix HQ", "room_id": "!r:x"}]}"#), for: "room_id_or_alias") == "!r:x")
        // One level down; an empty string is no id.
        #expect(ListAnswer.firstIdentifier(in: try json(#"[{"id": "", "meta": {"slug": "s"}}]"#), for: "x") == "s")
        #expect(ListAnswer.items(in: try json(#"{"total": 0}"#)) == nil)
    }

    /// Serves fixed list answers by path, counting the reads.
    actor Lists {
        let answers: [String: String]
        var reads: [String] = []
        init(_ answers: [String: String]) { self.answers = answers }
        func body(_ path: String) -> Data? {
            reads.append(path)
            return answers[path].map { Data($0.utf8) }
        }
    }

    @Test func theCheckTriesThePlansSourcesAgainstTheListsItReads() async throws {
        let api = APIDescription(operations: [
            Self.get("/v2/users"),
            Self.get("/v2/users/{user_id}"),
            Self.get("/v1/users/{user_id}/media"),
            Self.get("/rooms/{room_id}"),
        ])
        let values = ArgumentValues(api: api)
        guard case .failure(let missing) = await values.pathValues(for: "/v1/users/{user_id}/media", createdOnly: false) else {
            Issue.record("a value with no list read")
            return
        }
        #expect(missing.reason == ArgumentPlan.missingPathValueReason("user_id"))
        let lists = Lists(["/v2/users": #"{"users": [{"name": "@admin:localhost"}], "total": 1}"#])
        let media = await values.pathValues(for: "/v1/users/{user_id}/media", createdOnly: false, fetch: { await lists.body($0) })
        #expect(try media.get() == ["user_id": "@admin:localhost"])
        let room = await values.pathValues(for: "/rooms/{room_id}", createdOnly: false, fetch: { await lists.body($0) })
        #expect(throws: ArgumentValues.MissingValue.self) { try room.get() }
    }

    /// A parent whose list of children is empty is passed over for the next one (Kinto lists the
    /// personal bucket, which has no collections, first once it exists); the docs' example comes only
    /// when no list gives a complete set of values.
    @Test func aParentWithNoChildrenIsPassedOver() async throws {
        let api = APIDescription(operations: [
            Self.get("/buckets"),
            Self.get("/buckets/{bucket_id}/collections"),
            Self.get("/buckets/{bucket_id}/collections/{collection_id}", examples: ["GET /v1/buckets/blog/collections/articles HTTP/1.1"]),
            Self.get("/buckets/{bucket_id}/collections/{collection_id}/records/{record_id}"),
        ])
        let lists = Lists([
            "/buckets": #"{"data": [{"id": "e93a-personal"}, {"id": "blog"}, {"id": "empty"}]}"#,
            "/buckets/e93a-personal/collections": #"{"data": []}"#,
            "/buckets/blog/collections": #"{"data": [{"id": "drafts"}, {"id": "articles"}]}"#,
            "/buckets/blog/collections/drafts/records": #"{"data": []}"#,
            "/buckets/blog/collections/articles/records": #"{"data": [{"id": "r1"}]}"#,
        ])
        let values = ArgumentValues(api: api)
        let fetch: @Sendable (String) async -> Data? = { await lists.body($0) }
        let item = await values.pathValues(for: "/buckets/{bucket_id}/collections/{collection_id}", createdOnly: false, fetch: fetch)
        #expect(try item.get() == ["bucket_id": "blog", "collection_id": "drafts"])
        // No records list is documented: the record id has no source, the reason names it.
        let record = await values.pathValues(for: "/buckets/{bucket_id}/collections/{collection_id}/records/{record_id}", createdOnly: false, fetch: fetch)
        guard case .failure(let missing) = record else { Issue.record("\(record)"); return }
        #expect(missing.name == "record_id")
        // Only the lists the plan names, under the parents the list gave (the caller keeps answers: `ListReader`).
        let reads = Set(await lists.reads)
        #expect(reads == ["/buckets", "/buckets/e93a-personal/collections", "/buckets/blog/collections", "/buckets/empty/collections"], "\(reads)")
        // With no list answers at all, the docs' example values.
        let offline = await values.pathValues(for: "/buckets/{bucket_id}/collections/{collection_id}", createdOnly: false)
        #expect(try offline.get() == ["bucket_id": "blog", "collection_id": "articles"])
    }

    @Test func theSearchDescendsThroughSeveralParents() async throws {
        let search = ArgumentSearch(sources: [
            "b": [.list("/b")], "c": [.list("/b/{b}/c")], "r": [.list("/b/{b}/c/{c}/r")],
        ])
        let answers = [
            "/b": #"[{"id": "b1"}, {"id": "b2"}]"#,
            "/b/b1/c": #"[{"id": "c1"}]"#, "/b/b1/c/c1/r": "[]",
            "/b/b2/c": #"[{"id": "c2"}, {"id": "c3"}]"#, "/b/b2/c/c2/r": "[]", "/b/b2/c/c3/r": #"[{"id": "r9"}]"#,
        ]
        let found = await search.values(for: ["b", "c", "r"], fetch: { answers[$0].map { Data($0.utf8) } })
        #expect(try found.get() == ["b": "b2", "c": "c3", "r": "r9"])
    }

    /// A required header takes the docs' value: the parameter's example, the header in an example request
    /// (an HTTP request's header line, curl's `-H`), the first enum value; an optional one is not sent.
    @Test func requiredHeadersFromTheDocs() {
        func header(_ name: String, required: Bool = true, example: String? = nil, enumValues: [String]? = nil) -> Parameter {
            Parameter(name: name, location: .header, type: .string, required: required, enumValues: enumValues, example: example)
        }
        let op = Self.get("/things", parameters: [
            header("X-Tenant"), header("Accept-Version", enumValues: ["2", "1"]), header("X-Trace", required: false),
            header("X-Api-Key", example: "k-123"), header("X-Request-Id"), header("X-Nothing"),
        ], examples: [#"curl -H "X-Tenant: acme" --header 'x-request-id: r-1' https://api.example.com/things"#,
                      "GET /things HTTP/1.1\nX-Tenant: other\nX-Trace: t"])
        let values = ArgumentPlan(api: APIDescription(operations: [op])).headerValues(op)
        #expect(values.map { "\($0.name)=\($0.value)" } == ["X-Tenant=acme", "Accept-Version=2", "X-Api-Key=k-123", "X-Request-Id=r-1"])
    }
}
