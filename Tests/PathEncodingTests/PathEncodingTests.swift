import Docs2SwiftRuntime
import Docs2SwiftServerRuntime
import Foundation
import Hummingbird
import EncodedPaths
import EncodedPathsServer
import Testing

/// Answers each operation with the path parameter it received as the `id` field, so a test can see
/// what the server decoded from what the client encoded.
struct Echo: OddPathsAPI {
    func namesRetrieve(_ input: ServerOperations.NamesRetrieveOperation.Input) -> ServerOperations.NamesRetrieveOperation.Output {
        .status200(Name(id: input.name, label: "name"))
    }

    func thingsBackSlashRetrieve(_ input: ServerOperations.ThingsBackSlashRetrieveOperation.Input) -> ServerOperations.ThingsBackSlashRetrieveOperation.Output {
        .status200(Name(id: input.id, label: "back\\slash"))
    }

    func thingsCafRetrieve(_ input: ServerOperations.ThingsCafRetrieveOperation.Input) -> ServerOperations.ThingsCafRetrieveOperation.Output {
        .status200(Name(id: input.id, label: "café"))
    }
}

/// The generated client and the generated server agree on every path segment the docs can spell: odd
/// parameter values reach the server as sent, under odd literal segments too, over real loopback HTTP.
@Suite struct PathEncodingTests {
    /// Characters a value can hold that URLs treat specially: separators, escapes, spaces, dots, non-ASCII.
    static let values = [
        "plain", "a b", "a\\b", "100%", "%41", "a+b", "café", "ü/ß", "日本", "🚀", "a/b", "?x=1#y", "&=;", "~!$'()*,:@",
        ".", "..", "...", " leading", "trailing ", "tab\there", "quote\"d", "<>", "[]{}|^`",
    ]

    func withServer(_ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        let router = Router()
        Echo().registerRoutes(on: router)
        try await LoopbackServer.run(router) { baseURL in try await body(APIClient(baseURL: baseURL)) }
    }

    @Test func oddValuesRoundTripAsOneSegment() async throws {
        try await withServer { api in
            for value in Self.values {
                let id = try await api.namesRetrieve(name: value).id
                #expect(id == value, "name \(value.debugDescription)")
            }
        }
    }

    @Test func oddValuesUnderOddLiteralSegments() async throws {
        try await withServer { api in
            for value in Self.values {
                let backslash = try await api.thingsBackSlashRetrieve(id: value)
                #expect(backslash.id == value && backslash.label == "back\\slash", "back\\slash \(value.debugDescription)")
                let cafe = try await api.thingsCafRetrieve(id: value)
                #expect(cafe.id == value, "café \(value.debugDescription)")
            }
        }
    }

    @Test func anEmptyValueIsAnErrorBeforeAnyRequest() async throws {
        try await withServer { api in
            await #expect(throws: APIError.self) { _ = try await api.namesRetrieve(name: "") }
        }
    }

    @Test func literalSegmentsAreEncodedAsTheServerRoutesThem() throws {
        let request = try Docs2SwiftRuntime.HTTPRequest(method: "GET", path: "/api/things/" + RequestBuilder.pathSegment("a b", "id") + "/back%5Cslash/")
        #expect(request.url(relativeTo: URL(string: "http://127.0.0.1:8080")!)?.absoluteString == "http://127.0.0.1:8080/api/things/a%20b/back%5Cslash/")
    }
}
