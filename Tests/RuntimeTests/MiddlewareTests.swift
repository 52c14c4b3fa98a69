import Docs2SwiftRuntime
import Foundation
import Testing

/// A transport that answers from a script (statuses, headers, thrown errors) and records every
/// request it was sent: the faults the middlewares must handle, without a network.
final class FaultTransport: HTTPTransport, @unchecked Sendable {
    enum Step { case respond(Int, HTTPHeaders), fail(String) }
    private let lock = NSLock()
    private var steps: [Step]
    private(set) var requests: [HTTPRequest] = []

    init(_ steps: [Step]) { self.steps = steps }

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let step: Step = lock.withLock {
            requests.append(request)
            return steps.isEmpty ? .respond(200, [:]) : steps.removeFirst()
        }
        switch step {
        case .respond(let status, let headers): return HTTPResponse(status: status, headers: headers, body: Data("{}".utf8))
        case .fail(let message): throw APIError.transport(message)
        }
    }

    var sent: [HTTPRequest] { lock.withLock { requests } }
}

/// Records the delays a `RetryMiddleware` asks for instead of sleeping.
final class Delays: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []
    func record(_ d: Double) { lock.withLock { values.append(d) } }
    var all: [Double] { lock.withLock { values } }
}

/// Appends its name to a shared list on the way in and on the way out.
struct Tracer: ClientMiddleware {
    let name: String
    let trace: Delays
    func intercept(_ request: HTTPRequest, baseURL: URL,
                   next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) async throws -> HTTPResponse {
        var request = request
        request.headers.append("X-Trace", name)
        let response = try await next(request, baseURL)
        trace.record(Double(name.count))
        return response
    }
}

@Suite struct MiddlewareTests {
    let base = URL(string: "https://api.example.com")!

    func client(_ transport: FaultTransport, _ middlewares: [any ClientMiddleware]) -> APIClient {
        APIClient(baseURL: base, transport: transport, middlewares: middlewares)
    }

    @Test func headersAreCaseInsensitive() {
        var h: HTTPHeaders = ["Content-Type": "application/json"]
        #expect(h["content-type"] == "application/json")
        h["CONTENT-TYPE"] = "text/plain"
        #expect(h.count == 1 && h["Content-Type"] == "text/plain")
        h.append("Link", "<a>"); h.append("link", "<b>")
        #expect(h.values(for: "LINK") == ["<a>", "<b>"])
        h["Link"] = nil
        #expect(h.count == 1)
        #expect(HTTPHeaders(["a": "1"]) == HTTPHeaders(["A": "1"]))
    }

    @Test func middlewaresRunInOrder() async throws {
        let transport = FaultTransport([]), trace = Delays()
        _ = try await client(transport, [Tracer(name: "a", trace: trace), Tracer(name: "bb", trace: trace)])
            .perform(HTTPRequest(method: "GET", path: "/x/"), success: [200])
        #expect(transport.sent.first?.headers.values(for: "x-trace") == ["a", "bb"])
        #expect(trace.all == [2, 1], "the last middleware sees the response first")
    }

    @Test func authMiddlewares() async throws {
        let transport = FaultTransport([])
        for auth in [AuthMiddleware.bearer("t1"), .token("t2"), .basic(username: "ann", password: "pw")] {
            _ = try await client(transport, [auth]).perform(HTTPRequest(method: "GET", path: "/x/"), success: [200])
        }
        #expect(transport.sent.map { $0.headers["authorization"] } == ["Bearer t1", "Token t2", "Basic " + Data("ann:pw".utf8).base64EncodedString()])
    }

    @Test func retriesIdempotentRequestsHonouringRetryAfter() async throws {
        let transport = FaultTransport([.respond(503, ["Retry-After": "7"]), .respond(429, [:]), .fail("reset"), .respond(200, [:])])
        let delays = Delays()
        let retry = RetryMiddleware(maxAttempts: 5, baseDelay: 0.5, maxDelay: 30) { delays.record($0) }
        let response = try await client(transport, [retry]).perform(HTTPRequest(method: "GET", path: "/x/"), success: [200])
        #expect(response.status == 200)
        #expect(transport.sent.count == 4)
        #expect(delays.all == [7, 1, 2], "Retry-After, then 0.5 × 2ⁿ backoff")
    }

    @Test func retryGivesUpAfterMaxAttempts() async throws {
        let transport = FaultTransport([.respond(503, [:]), .respond(503, [:]), .respond(503, [:]), .respond(200, [:])])
        let retry = RetryMiddleware(maxAttempts: 3) { _ in }
        await #expect(throws: APIError.self) {
            _ = try await client(transport, [retry]).perform(HTTPRequest(method: "GET", path: "/x/"), success: [200])
        }
        #expect(transport.sent.count == 3)
    }

    @Test func postIsNotRetriedUnlessAsked() async throws {
        let once = FaultTransport([.respond(503, [:]), .respond(201, [:])])
        let status = try? await client(once, [RetryMiddleware { _ in }]).perform(HTTPRequest(method: "POST", path: "/x/"), success: [201]).status
        #expect(status == nil && once.sent.count == 1)
        let asked = FaultTransport([.respond(503, [:]), .respond(201, [:])])
        let retried = try await client(asked, [RetryMiddleware(retryNonIdempotent: true) { _ in }])
            .perform(HTTPRequest(method: "POST", path: "/x/"), success: [201])
        #expect(retried.status == 201 && asked.sent.count == 2)
    }

    @Test func retryAfterAsHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryMiddleware.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
        #expect(RetryMiddleware.retryAfter("soon", now: now) == nil)
    }

    @Test func loggingHookSeesRequestAndResponse() async throws {
        let lines = LockedLines()
        let transport = FaultTransport([.respond(404, [:])])
        var request = HTTPRequest(method: "GET", path: "/x/")
        request.addQuery("page", 2)
        _ = try? await client(transport, [LoggingMiddleware { lines.add($0) }]).perform(request, success: [200])
        #expect(lines.all.count == 2)
        #expect(lines.all.first == "→ GET /x/?page=2")
        #expect(lines.all.last?.hasPrefix("← 404 GET /x/?page=2") == true)
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ s: String) { lock.withLock { lines.append(s) } }
    var all: [String] { lock.withLock { lines } }
}

/// Path parameters are one segment each and decode back to the value (as the generated server does).
@Suite struct PathSegmentTests {
    @Test(arguments: ["back\\slash", "50%", "a b", "a+b", "ünïcødé", ".", "..", "x/y", "?#", ":colon", "*star", "(x)"])
    func segmentsRoundTrip(_ value: String) throws {
        let segment = try RequestBuilder.pathSegment(value, "name")
        #expect(!segment.contains("/") && !segment.contains("?") && !segment.contains("#") && !segment.contains("\\"))
        #expect(segment != "." && segment != "..")
        #expect(segment.removingPercentEncoding == value)
    }

    @Test func emptySegmentThrows() {
        #expect(throws: APIError.self) { _ = try RequestBuilder.pathSegment("", "name") }
    }
}
