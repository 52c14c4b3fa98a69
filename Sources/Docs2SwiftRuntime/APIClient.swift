import Foundation

/// The client core that every generated `<Resource>` extension calls: base URL, auth header,
/// transport, coders, request building and response checking.
///
/// For example: `let client = APIClient(baseURL: URL(string: "https://api.example.com")!, token: "abc")`,
/// then `try await client.usersList(page: 1)` (generated methods are extensions of this type).
public struct APIClient: Sendable {
    public var baseURL: URL
    /// Sent as `Authorization: <scheme> <token>` when set.
    public var token: String?
    /// `Token` (Django REST framework) by default; `Bearer` for OAuth-style APIs.
    public var authScheme: String
    public var extraHeaders: [String: String]
    public var transport: any HTTPTransport

    public init(baseURL: URL, token: String? = nil, authScheme: String = "Token", extraHeaders: [String: String] = [:],
                transport: any HTTPTransport = URLSessionTransport()) {
        self.baseURL = baseURL
        self.token = token
        self.authScheme = authScheme
        self.extraHeaders = extraHeaders
        self.transport = transport
    }

    /// Sends a request and returns the response if its status is one of `success`.
    public func perform(_ request: HTTPRequest, success: Set<Int>) async throws -> HTTPResponse {
        var request = request
        for (k, v) in extraHeaders where request.headers[k] == nil { request.headers[k] = v }
        if let token { request.headers["Authorization"] = "\(authScheme) \(token)" }
        if request.headers["Accept"] == nil { request.headers["Accept"] = "application/json" }
        let response = try await transport.send(request, baseURL: baseURL)
        let ok = success.contains(response.status) || (success.isEmpty && (200..<300).contains(response.status))
        guard ok else { throw APIError.unexpectedStatus(status: response.status, body: response.body) }
        return response
    }

    /// Decodes a JSON body as `T`.
    public func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws -> T {
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw APIError.decoding(status: response.status, message: String(describing: error), body: response.body)
        }
    }

    /// Encodes a JSON body.
    public func encode<T: Encodable>(_ value: T) throws -> Data {
        do { return try JSONCoding.makeEncoder().encode(value) } catch { throw APIError.encoding(String(describing: error)) }
    }
}

/// Builds paths and query strings for generated methods.
///
/// For example: `RequestBuilder.pathComponent(uuid)` percent-encodes one path segment.
public enum RequestBuilder {
    private static let segmentAllowed: CharacterSet = {
        var s = CharacterSet.urlPathAllowed
        s.remove(charactersIn: "/?#")
        return s
    }()

    public static func pathComponent<T: CustomStringConvertible>(_ value: T) -> String {
        String(describing: value).addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? ""
    }

    public static func pathComponent<T: RawRepresentable>(_ value: T) -> String where T.RawValue == String {
        pathComponent(value.rawValue)
    }

    public static func queryValue(_ value: some QueryValueConvertible) -> String { value.queryValue }
}

/// Values that can appear in a query string.
public protocol QueryValueConvertible { var queryValue: String { get } }
extension String: QueryValueConvertible { public var queryValue: String { self } }
extension Int: QueryValueConvertible { public var queryValue: String { String(self) } }
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
}

extension HTTPRequest {
    /// Sets a header when `value` is set.
    public mutating func addHeader(_ name: String, _ value: (some QueryValueConvertible)?) {
        if let value { headers[name] = value.queryValue }
    }
}

extension APIClient {
    /// Encodes an optional JSON body.
    public func encodeBody<T: Encodable>(_ value: T?) throws -> Data? {
        guard let value else { return nil }
        return try encode(value)
    }
}

extension RequestBuilder {
    /// UUIDs in paths are lower-case, as servers print them.
    public static func pathComponent(_ value: UUID) -> String { value.uuidString.lowercased() }
}
