import Docs2SwiftCore
import Foundation
import Testing

/// What a generated round trip does in live mode: its `LivePlan` (from `ArgumentPlan`, the check's plan)
/// and the statements that put the plan's values into the sample input, typed per argument.
@Suite struct LiveArgumentsContextTests {
    static func context(_ ops: [APIModel.Operation]) -> [TestOperationContext] {
        let api = APIDescription(resources: [Resource(name: "Things", title: "Things")], operations: ops)
        return ContextBuilder(access: "public", api: api)
            .tests(module: "ThingsAPI", resource: api.resources[0], operations: ops, schemas: [], header: "").operations
    }

    static func get(_ path: String, _ name: String, parameters: [Parameter] = [], examples: [String] = []) -> APIModel.Operation {
        APIModel.Operation(id: name, swiftName: name, resource: "Things", method: "GET", path: path, parameters: parameters,
                           responses: [Response(status: "200", type: nil)],
                           examples: examples.map { Example(kind: "request", language: "http", text: $0) })
    }

    @Test func pathValuesFromTheListAndTypedQueryValuesFromTheExample() {
        let ops = [
            Self.get("/things", "thingsList"),
            Self.get("/things/{thing_id}/parts", "partsList", parameters: [
                Parameter(name: "thing_id", location: .path, type: .primitive(.integer, format: nil), required: true),
                Parameter(name: "limit", location: .query, type: .primitive(.integer, format: nil), required: true),
                Parameter(name: "verbose", location: .query, type: .primitive(.boolean, format: nil), required: false),
            ], examples: ["GET /v1/things/7/parts?limit=5"]),
        ]
        let parts = Self.context(ops)[1]
        #expect(parts.livePlan == #"LivePlan("/things/{thing_id}/parts", ["thing_id": [.list("/things"), .example("7")]], query: ["limit": "5"])"#)
        #expect(parts.liveLines == [
            "let values = try await LiveArguments.shared.values(ThingsSamples.partsListLive)",
            #"input.thingId = try values.parse("thing_id", as: Int.self) { Int($0) }"#,
            #"input.limit = try values.parse("limit", as: Int.self) { Int($0) }"#,
            "input.verbose = nil",
        ])
        #expect(parts.inputKeyword == "var")
        // A list with no parameters and only optional query parameters: no plan, the optional ones left out.
        #expect(Self.context(ops)[0].livePlan.isEmpty && Self.context(ops)[0].inputKeyword == "let")
    }

    @Test func aRequiredQueryParameterWithNoValueIsNotCalled() {
        let op = Self.get("/search", "search", parameters: [Parameter(name: "q", location: .query, type: .string, required: true)])
        let context = Self.context([op])[0]
        #expect(context.livePlan.isEmpty)
        #expect(context.liveLines == [#"try LiveServer.skip("/search: no value for required query parameter q: no doc example gives one")"#])
        #expect(context.inputKeyword == "let")
    }

    @Test func writesKeepTheirSamples() {
        var op = Self.get("/things/{thing_id}", "thingsDestroy")
        op.method = "DELETE"
        #expect(Self.context([op])[0].liveLines.isEmpty)
    }

    /// A required header takes the docs' value (an example request's header line); a required one the docs
    /// give no value for keeps its sample; an optional one is left out.
    @Test func requiredHeadersFromTheExampleRequests() {
        let op = Self.get("/things", "thingsList", parameters: [
            Parameter(name: "X-Tenant", location: .header, type: .string, required: true),
            Parameter(name: "X-Secret", location: .header, type: .string, required: true),
            Parameter(name: "X-Trace", location: .header, type: .string, required: false),
        ], examples: ["GET /v1/things HTTP/1.1\nX-Tenant: acme"])
        let context = Self.context([op])[0]
        #expect(context.livePlan == #"LivePlan("/things", [:], query: ["X-Tenant": "acme"])"#)
        #expect(context.liveLines == [
            "let values = try await LiveArguments.shared.values(ThingsSamples.thingsListLive)",
            #"input.xTenant = try values.string("X-Tenant")"#,
            "input.xTrace = nil",
        ])
    }
}
