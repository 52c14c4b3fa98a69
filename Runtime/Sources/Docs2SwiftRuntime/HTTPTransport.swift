import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request as the generated client builds it: method, path (already expanded), query items,
/// headers and body.
///
/// For example: `HTTPRequest(method: "GET", path: "/api/users/", query: [("page", "2")])`.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method, upper case (`GET`).
    public var method: String
    /// The path under the base URL, parameters already encoded (`/api/users/42/`).
    public var path: String
    /// Query parameters in order, not yet encoded.
    public var query: [QueryItem]
    /// Case-insensitive: `headers["content-type"]` is `headers["Content-Type"]`.
    public var headers: HTTPHeaders
    /// The body, or `nil` for none.
    public var body: Data?

    /// One query parameter: `name=value`, encoded when the URL is built.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String
        /// A query parameter.
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    /// A request; `path` is already encoded, `query` is not.
    public init(method: String, path: String, query: [QueryItem] = [], headers: HTTPHeaders = [:], body: Data? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The full URL under `baseURL`, query items percent-encoded.
    public func url(relativeTo baseURL: URL) -> URL? {
        var base = baseURL.absoluteString
        if base.hasSuffix("/") { base.removeLast() }
        guard var components = URLComponents(string: base + path) else { return nil }
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) } }
        return components.url
    }
}

/// A response: status code, headers and body bytes.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code (`200`).
    public var status: Int
    /// Case-insensitive: `headers["retry-after"]` is `headers["Retry-After"]`.
    public var headers: HTTPHeaders
    /// The body; empty when there is none.
    public var body: Data
    /// A response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests. Generated clients talk only to this protocol, so tests can use an in-memory
/// transport and apps can bring their own HTTP stack.
public protocol HTTPTransport: Sendable {
    /// Sends `request` to `baseURL` and returns the response, whatever its status; throws only when there is no response.
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse
}

/// The default transport on `URLSession` (FoundationNetworking on Linux).
public struct URLSessionTransport: HTTPTransport {
    /// The session requests go through.
    public let session: URLSession
    /// A transport on `session`.
    public init(session: URLSession = .shared) { self.session = session }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        guard let url = request.url(relativeTo: baseURL) else { throw APIError.invalidURL(request.path) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch {
            throw APIError.transport(String(describing: error))
        }
        guard let http = response as? HTTPURLResponse else { throw APIError.transport("not an HTTP response") }
        var headers = HTTPHeaders()
        for (k, v) in http.allHeaderFields { headers[String(describing: k)] = String(describing: v) }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }
}
