import Docs2SwiftRuntime
import Foundation
import Testing

/// Answers each request with the next scripted JSON body (and headers), recording what was asked.
final class PageTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [(String, HTTPHeaders)]
    private var requests: [HTTPRequest] = []

    init(_ bodies: [(String, HTTPHeaders)]) { self.bodies = bodies }
    convenience init(_ bodies: [String]) { self.init(bodies.map { ($0, [:]) }) }

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let next: (String, HTTPHeaders) = lock.withLock {
            requests.append(request)
            return bodies.isEmpty ? ("[]", [:]) : bodies.removeFirst()
        }
        return HTTPResponse(status: 200, headers: next.1, body: Data(next.0.utf8))
    }

    var sent: [HTTPRequest] { lock.withLock { requests } }
    func query(_ name: String) -> [String?] { sent.map { r in r.query.first { $0.name == name }?.value } }
}

struct Envelope: Decodable, Sendable {
    var results: [Int]
    var next: String?
    var has_more: Bool?
}

/// The `…All` methods' runtime: each paging style stops where it should, and cancellation ends it.
@Suite struct PaginationTests {
    let base = URL(string: "https://api.example.com/v1")!

    /// What a generated page-number `…All` method over an items array does, over `transport`.
    func pageNumbers(_ transport: PageTransport, size: Int?) -> Paginated<Int> {
        let client = APIClient(baseURL: base, transport: transport)
        var request = HTTPRequest(method: "GET", path: "/items/")
        request.addQuery("page_size", size)
        return client.paginate(.pageNumber(first: 1, size: size), query: "page", success: [200], of: Int.self, request: request)
    }

    @Test func pageNumbersStopOnAShortPage() async throws {
        let transport = PageTransport(["[1,2]", "[3,4]", "[5]"])
        let all = try await pageNumbers(transport, size: 2).collect()
        #expect(all == [1, 2, 3, 4, 5])
        #expect(transport.query("page") == ["1", "2", "3"])
        #expect(transport.query("page_size") == ["2", "2", "2"])
    }

    @Test func withoutASizeTheFirstPageSetsIt() async throws {
        let transport = PageTransport(["[1,2,3]", "[4,5,6]", "[7]", "[8]"])
        #expect(try await pageNumbers(transport, size: nil).collect() == [1, 2, 3, 4, 5, 6, 7])
        #expect(transport.sent.count == 3)
    }

    @Test func anEmptyPageEndsTheList() async throws {
        let transport = PageTransport(["[1,2]", "[]"])
        #expect(try await pageNumbers(transport, size: 2).collect() == [1, 2])
        #expect(transport.sent.count == 2)
    }

    @Test func aLinkHeaderDecidesOverPageLength() async throws {
        let next: HTTPHeaders = ["Link": "<https://api.example.com/v1/items/?page=2>; rel=\"next\", <https://api.example.com/v1/items/?page=9>; rel=\"last\""]
        let last: HTTPHeaders = ["link": "<https://api.example.com/v1/items/?page=1>; rel=\"first\""]
        let transport = PageTransport([("[1]", next), ("[2,3]", next), ("[4,5]", last)])
        #expect(try await pageNumbers(transport, size: 2).collect() == [1, 2, 3, 4, 5])
        #expect(transport.sent.count == 3)
    }

    @Test func offsetsAdvanceByTheItemsReceived() async throws {
        let transport = PageTransport(["[1,2,3]", "[4,5,6]", "[7]"])
        let client = APIClient(baseURL: base, transport: transport)
        let items = Paginated<Int>(.offset(size: 3)) { cursor in
            var request = HTTPRequest(method: "GET", path: "/items")
            request.addQuery("limit", 3)
            request.setPageQuery("offset", cursor)
            let response = try await client.perform(request, success: [200])
            return Page(items: try client.decode([Int].self, from: response), hasMore: response.linkHeaderHasNext)
        }
        #expect(try await items.collect() == [1, 2, 3, 4, 5, 6, 7])
        #expect(transport.query("offset") == ["0", "3", "6"])
    }

    @Test func aListWhosePathCannotBeBuiltThrowsOnTheFirstNext() async throws {
        let transport = PageTransport(["[1]"])
        let client = APIClient(baseURL: base, transport: transport)
        func all(uuid: String) -> Paginated<Int> {
            let path: String
            do { path = try RequestBuilder.path(["/users/", RequestBuilder.pathSegment(uuid, "uuid"), "/keys/"]) } catch { return Paginated(failing: error) }
            return client.paginate(.nextLink, query: nil, success: [200], of: Int.self, request: HTTPRequest(method: "GET", path: path))
        }
        await #expect(throws: APIError.self) { try await all(uuid: "").collect() }
        #expect(transport.sent.isEmpty, "nothing is sent")
        #expect(try await all(uuid: "a b").collect() == [1])
        #expect(transport.sent.map(\.path) == ["/users/a%20b/keys/"])
    }

    @Test func cursorsFollowTheResponseAndStopWhenItHasNone() async throws {
        let transport = PageTransport([
            #"{"results": [1, 2], "next": "c2"}"#, #"{"results": [3], "next": "c3"}"#, #"{"results": [4], "next": null}"#,
        ])
        let client = APIClient(baseURL: base, transport: transport)
        let items = client.paginate(.cursor, query: "starting_after", success: [200], body: Envelope.self,
                                    request: HTTPRequest(method: "GET", path: "/events")) { (body: Envelope, _: HTTPResponse) -> Page<Int> in
            Page(items: body.results, next: body.next, hasMore: body.has_more)
        }
        var pages: [[Int]] = []
        for try await page in items.pages { pages.append(page) }
        #expect(pages == [[1, 2], [3], [4]])
        #expect(transport.query("starting_after") == [nil, "c2", "c3"])
    }

    @Test func aRepeatedCursorEndsTheList() async throws {
        let transport = PageTransport([#"{"results": [1], "next": "same"}"#, #"{"results": [2], "next": "same"}"#])
        let client = APIClient(baseURL: base, transport: transport)
        let items = Paginated<Int>(.cursor) { cursor in
            var request = HTTPRequest(method: "GET", path: "/events")
            request.setPageQuery("cursor", cursor)
            let body = try client.decode(Envelope.self, from: try await client.perform(request, success: [200]))
            return Page(items: body.results, next: body.next)
        }
        #expect(try await items.collect() == [1, 2])
        #expect(transport.sent.count == 2)
    }

    @Test func hasMoreFalseEndsAFullPage() async throws {
        let transport = PageTransport([#"{"results": [1, 2], "has_more": true}"#, #"{"results": [3, 4], "has_more": false}"#])
        let client = APIClient(baseURL: base, transport: transport)
        let items = Paginated<Int>(.pageNumber(first: 1, size: 2)) { cursor in
            var request = HTTPRequest(method: "GET", path: "/items")
            request.setPageQuery("page", cursor)
            let body = try client.decode(Envelope.self, from: try await client.perform(request, success: [200]))
            return Page(items: body.results, hasMore: body.has_more)
        }
        #expect(try await items.collect() == [1, 2, 3, 4])
        #expect(transport.sent.count == 2)
    }

    @Test func nextLinksAreFollowedUnderTheBaseURL() async throws {
        let transport = PageTransport([
            #"{"results": [1], "next": "https://api.example.com/v1/items?page=2&q=a%20b"}"#,
            #"{"results": [2], "next": "/v1/items?page=3"}"#, #"{"results": [3]}"#,
        ])
        let client = APIClient(baseURL: base, transport: transport)
        var request = HTTPRequest(method: "GET", path: "/items")
        request.addQuery("q", "a b")
        let items = client.paginate(.nextLink, query: nil, success: [200], body: Envelope.self, request: request) { (body: Envelope, _: HTTPResponse) -> Page<Int> in
            Page(items: body.results, next: body.next)
        }
        #expect(try await items.collect() == [1, 2, 3])
        let sent = transport.sent
        #expect(sent.map(\.path) == ["/items", "/items", "/items"])
        #expect(sent[1].query == [.init("page", "2"), .init("q", "a b")])
        #expect(sent[1].url(relativeTo: base)?.absoluteString == "https://api.example.com/v1/items?page=2&q=a%20b")
    }

    @Test func cancellingTheTaskStopsFetching() async throws {
        let transport = PageTransport((1...100).map { "[\($0)]" })
        let items = pageNumbers(transport, size: 1)
        let task = Task { () -> Int in
            var n = 0
            for try await _ in items {
                n += 1
                if n == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return n
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(transport.sent.count == 3)
    }
}
