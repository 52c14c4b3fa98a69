import Docs2SwiftCore
import Testing

/// The generated `404` check asks for a path no documented route answers, even on APIs whose routes
/// are parameters only at the root (CouchDB's `GET /{db}`).
@Suite struct UnroutedPathTests {
    @Test func aPathNoRouteMatches() {
        #expect(PathTemplate.unroutedPath(["/api/users/", "/api/users/{id}/"]) == "/docs2swift-no-such-route/")
        #expect(PathTemplate.unroutedPath(["/{db}"]) == "/docs2swift-no-such-route/x/")
        #expect(PathTemplate.unroutedPath(["/{db}", "/{db}/{doc}", "/{db}/x"]) == "/docs2swift-no-such-route/x/x/")
        #expect(PathTemplate.unroutedPath(["/{db}/_all_docs", "/{a}.json"]) == "/docs2swift-no-such-route/x/")
    }
}
