import Foundation

/// The client core that every generated `<Resource>` extension calls: base URL, auth header,
/// middlewares, transport, coders, request building and response checking.
///
/// For example: `let client = APIClient(baseURL: URL(string: "https://api.example.com")!, token: "abc")`,
/// then `try await client.usersList(page: 1)` (generated methods are extensions of this type); with
/// `middlewares: [AuthMiddleware.bearer(token), RetryMiddleware(), LoggingMiddleware { print($0) }]` every request
/// passes through them in that order before the transport.
public struct APIClient: Sendable {
    /// The URL every request path is resolved against (`https://api.example.com`).
    public var baseURL: URL
    /// Sent as `Authorization: <scheme> <token>` when set, unless the request has its own `Authorization` (a documented header parameter).
    public var token: String?
    /// `Token` (Django REST framework) by default; `Bearer` for OAuth-style APIs.
    public var authScheme: String
    /// Headers added to every request that does not set them itself.
    public var extraHeaders: HTTPHeaders
    /// What sends the requests: ``URLSessionTransport`` by default, or an in-memory transport in tests.
    public var transport: any HTTPTransport
    /// Run in order around every request: the first sees the request first and the response last.
    public var middlewares: [any ClientMiddleware]

    /// A client for the API at `baseURL`.
    ///
    /// - Parameters:
    ///   - baseURL: The URL request paths are resolved against.
    ///   - token: Sent as `Authorization: <authScheme> <token>` when set.
    ///   - authScheme: `Token` by default; `Bearer` for OAuth-style APIs.
    ///   - extraHeaders: Headers added to every request.
    ///   - transport: What sends the requests.
    ///   - middlewares: Run in order around every request.
    public init(baseURL: URL, token: String? = nil, authScheme: String = "Token", extraHeaders: HTTPHeaders = [:],
                transport: any HTTPTransport = URLSessionTransport(), middlewares: [any ClientMiddleware] = []) {
        self.baseURL = baseURL
        self.token = token
        self.authScheme = authScheme
        self.extraHeaders = extraHeaders
        self.transport = transport
        self.middlewares = middlewares
    }

    /// Sends a request and returns the response if its status is one of `success`.
    public func perform(_ request: HTTPRequest, success: Set<Int>) async throws -> HTTPResponse {
        var request = request
        for (k, v) in extraHeaders where request.headers[k] == nil { request.headers[k] = v }
        // A documented `Authorization` header the caller passed wins over the client's token.
        if let token, request.headers["Authorization"] == nil { request.headers["Authorization"] = "\(authScheme) \(token)" }
        if request.headers["Accept"] == nil { request.headers["Accept"] = "application/json" }
        let response = try await middlewares.send(request, baseURL: baseURL, transport: transport)
        let ok = success.contains(response.status) || (success.isEmpty && (200..<300).contains(response.status))
        guard ok else { throw APIError.unexpectedStatus(status: response.status, body: response.body) }
        return response
    }

    /// Decodes a JSON body as `T`. A failure is an `APIError.decoding` whose message names the JSON path,
    /// the type expected, the value found and, with `sources`, the doc page and line of the field
    /// (`DecodingFailure`); it is worked out only after the decode failed.
    public func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, sources: FieldSources? = nil) throws -> T {
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: response.body)
        } catch let error as DecodingError {
            let failure = DecodingFailure(error, root: T.self, body: response.body, sources: sources)
            throw APIError.decoding(status: response.status, message: failure.description, body: response.body)
        } catch {
            throw APIError.decoding(status: response.status, message: String(describing: error), body: response.body)
        }
    }

    /// A binary body (`format: binary`, `application/octet-stream`) is the response's bytes, not JSON
    /// (`sources` is accepted, as generated calls pass it, and unused: bytes have no fields).
    public func decode(_ type: Data.Type, from response: HTTPResponse, sources: FieldSources? = nil) throws -> Data { response.body }

    /// Encodes a JSON body.
    public func encode<T: Encodable>(_ value: T) throws -> Data {
        do { return try JSONCoding.makeEncoder().encode(value) } catch { throw APIError.encoding(String(describing: error)) }
    }
}

/// Builds paths and query strings for generated methods.
///
/// A path parameter is one segment: kept as written are RFC 3986 path characters (letters, digits,
/// `-._~!$&'()+,;=:@`); everything else is UTF-8 `%XX` (`/`, `\`, `%`, `*`, space, non-ASCII), and `.` and
/// `..` are `%2E`, `%2E%2E` (URL normalisation would remove them). The generated server decodes the
/// segment, so it sees the value the client was given. The generator writes literal parts the same way
/// (`PathEncoding`). An empty value cannot be a segment (routers drop empty segments): `pathSegment` throws.
///
/// For example: `try RequestBuilder.pathSegment("a b\\c", "name")` is `a%20b%5Cc`.
public enum RequestBuilder {
    private static let segmentAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()+,;=:@")

    /// One encoded segment; never fails (an empty value gives an empty segment).
    public static func pathComponent<T: CustomStringConvertible>(_ value: T) -> String { encodeSegment(String(describing: value)) }

    /// One encoded segment from a string enumeration's raw value.
    public static func pathComponent<T: RawRepresentable>(_ value: T) -> String where T.RawValue == String {
        encodeSegment(value.rawValue)
    }

    /// One encoded segment of parameter `name`; an empty value throws `APIError.invalidURL`.
    public static func pathSegment<T: CustomStringConvertible>(_ value: T, _ name: String) throws -> String {
        try nonEmpty(String(describing: value), name)
    }

    /// One encoded segment of parameter `name` from a string enumeration's raw value; an empty value throws.
    public static func pathSegment<T: RawRepresentable>(_ value: T, _ name: String) throws -> String where T.RawValue == String {
        try nonEmpty(value.rawValue, name)
    }

    /// A path from its parts, each already encoded (the generated literals, and `pathSegment` values).
    ///
    /// For example: `try RequestBuilder.path(["/api/users/", RequestBuilder.pathSegment(id, "id"), "/"])`.
    @inlinable public static func path(_ parts: [String]) -> String { parts.joined() }

    /// UUIDs in paths are lower-case, as servers print them.
    public static func pathSegment(_ value: UUID, _ name: String) throws -> String { value.uuidString.lowercased() }

    static func nonEmpty(_ text: String, _ name: String) throws -> String {
        guard !text.isEmpty else { throw APIError.invalidURL("path parameter '\(name)' is empty; an empty segment cannot be routed") }
        return encodeSegment(text)
    }

    static func encodeSegment(_ text: String) -> String {
        if text == "." { return "%2E" }
        if text == ".." { return "%2E%2E" }
        return text.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? ""
    }

    /// The text of a query parameter value (`true`, `42`, `2024-05-01`).
    public static func queryValue(_ value: some QueryValueConvertible) -> String { value.queryValue }
}

/// Values that can appear in a query string.
public protocol QueryValueConvertible {
    /// The value as it is written in a query string, before percent-encoding.
    var queryValue: String { get }
}
extension String: QueryValueConvertible { public var queryValue: String { self } }
extension Int: QueryValueConvertible { public var queryValue: String { String(self) } }
extension Int32: QueryValueConvertible { public var queryValue: String { String(self) } }
extension Int64: QueryValueConvertible { public var queryValue: String { String(self) } }
extension Double: QueryValueConvertible { public var queryValue: String { String(self) } }
extension Bool: QueryValueConvertible { public var queryValue: String { self ? "true" : "false" } }
extension UUID: QueryValueConvertible { public var queryValue: String { uuidString.lowercased() } }
extension URL: QueryValueConvertible { public var queryValue: String { absoluteString } }
extension Date: QueryValueConvertible { public var queryValue: String { JSONCoding.formatDate(self) } }
extension CalendarDate: QueryValueConvertible { public var queryValue: String { description } }
extension DecimalString: QueryValueConvertible { public var queryValue: String { text } }

extension HTTPRequest {
    /// Appends `name=value` when `value` is set.
    public mutating func addQuery(_ name: String, _ value: (some QueryValueConvertible)?) {
        if let value { query.append(QueryItem(name, value.queryValue)) }
    }

    /// Appends one `name=value` per element (`?tag=a&tag=b`).
    public mutating func addQuery(_ name: String, _ values: [some QueryValueConvertible]?) {
        for v in values ?? [] { query.append(QueryItem(name, v.queryValue)) }
    }

    /// A generated string enum (its raw value), as `pathSegment` takes one: `?state=OK`.
    public mutating func addQuery<T: RawRepresentable>(_ name: String, _ value: T?) where T.RawValue == String {
        if let value { query.append(QueryItem(name, value.rawValue)) }
    }

    /// One `name=rawValue` per enum element (`?state=OK&state=erred`).
    public mutating func addQuery<T: RawRepresentable>(_ name: String, _ values: [T]?) where T.RawValue == String {
        for v in values ?? [] { query.append(QueryItem(name, v.rawValue)) }
    }
}

extension HTTPRequest {
    /// Sets a header when `value` is set.
    public mutating func addHeader(_ name: String, _ value: (some QueryValueConvertible)?) {
        if let value { headers[name] = value.queryValue }
    }

    /// A header whose value is a generated string enum (its raw value).
    public mutating func addHeader<T: RawRepresentable>(_ name: String, _ value: T?) where T.RawValue == String {
        if let value { headers[name] = value.rawValue }
    }
}

extension APIClient {
    /// Encodes an optional JSON body.
    public func encodeBody<T: Encodable>(_ value: T?) throws -> Data? {
        guard let value else { return nil }
        return try encode(value)
    }

    /// A binary body is sent as its bytes, not as a JSON string.
    public func encodeBody(_ value: Data?) throws -> Data? { value }
}

extension RequestBuilder {
    /// UUIDs in paths are lower-case, as servers print them.
    public static func pathComponent(_ value: UUID) -> String { value.uuidString.lowercased() }
}
