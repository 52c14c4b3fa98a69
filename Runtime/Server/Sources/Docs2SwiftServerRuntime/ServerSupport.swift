import Docs2SwiftRuntime
import Foundation
import HTTPTypes
import Hummingbird

/// An error a generated route turns into a JSON error response: `{"error": "…", "status": 400}`.
///
/// For example: `ServerError.notImplemented("usersList")` answers `501 Not Implemented`.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// The status to answer with.
    public var status: Int
    /// The message of the JSON error body.
    public var message: String
    /// An error answered with `status` and `{"error": message}`.
    public init(status: Int, message: String) { self.status = status; self.message = message }
    /// `501 Not Implemented`: the default of every generated operation.
    public static func notImplemented(_ operation: String) -> ServerError {
        ServerError(status: 501, message: "\(operation) is not implemented")
    }
    /// `400 Bad Request` with `message`.
    public static func badRequest(_ message: String) -> ServerError { ServerError(status: 400, message: message) }
    /// `status: message`.
    public var description: String { "\(status): \(message)" }
}

/// Values a path, query or header parameter can hold, parsed from their text.
public protocol ParameterValue: Sendable {
    /// The value a parameter's text holds; `nil` when the text is not one.
    init?(parameter: String)
}
extension String: ParameterValue { public init?(parameter: String) { self = parameter } }
extension Int: ParameterValue { public init?(parameter: String) { self.init(parameter) } }
extension Int32: ParameterValue { public init?(parameter: String) { self.init(parameter) } }
extension Int64: ParameterValue { public init?(parameter: String) { self.init(parameter) } }
extension Double: ParameterValue { public init?(parameter: String) { self.init(parameter) } }
extension Bool: ParameterValue {
    /// `true`/`false` (any case) or `1`/`0`; `nil` for other text.
    public init?(parameter: String) {
        switch parameter.lowercased() {
        case "true", "1": self = true
        case "false", "0": self = false
        default: return nil
        }
    }
}
extension UUID: ParameterValue { public init?(parameter: String) { self.init(uuidString: parameter) } }
extension URL: ParameterValue { public init?(parameter: String) { self.init(string: parameter) } }
extension Date: ParameterValue {
    /// An ISO-8601 date-time, with or without fractional seconds.
    public init?(parameter: String) {
        guard let d = JSONCoding.parseDate(parameter) else { return nil }
        self = d
    }
}
extension CalendarDate: ParameterValue { public init?(parameter: String) { self.init(parameter) } }
extension DecimalString: ParameterValue { public init?(parameter: String) { self.init(parameter) } }

/// What generated routes call: parameter parsing, JSON bodies, responses, errors.
public enum ServerSupport {
    /// The path parameter `name`, which the route template calls `routeParameter` (generated routes
    /// name parameters by position, `{p2}`, so routes sharing a prefix agree on the names).
    public static func path<T: ParameterValue>(_ context: some RequestContext, _ name: String, as: T.Type, routeParameter: String? = nil) throws -> T {
        guard let text = context.parameters.get(routeParameter ?? name) else { throw ServerError.badRequest("missing path parameter \(name)") }
        let decoded = text.removingPercentEncoding ?? text
        guard let value = T(parameter: decoded) else { throw ServerError.badRequest("path parameter \(name): '\(decoded)' is not a valid \(T.self)") }
        return value
    }

    /// The query parameter `name` as `T`; `nil` when absent and not `required`. Throws a `400`
    /// ``ServerError`` when it is missing but required, or does not parse.
    public static func query<T: ParameterValue>(_ request: Request, _ name: String, as: T.Type, required: Bool) throws -> T? {
        guard let text = queryValues(request, name).first else {
            if required { throw ServerError.badRequest("missing query parameter \(name)") }
            return nil
        }
        guard let value = T(parameter: text) else { throw ServerError.badRequest("query parameter \(name): '\(text)' is not a valid \(T.self)") }
        return value
    }

    /// Every value of the query parameter `name` (one per repetition) as `T`; `nil` when absent
    /// and not `required`. Throws a `400` ``ServerError`` like ``query(_:_:as:required:)``.
    public static func queryArray<T: ParameterValue>(_ request: Request, _ name: String, as: T.Type, required: Bool) throws -> [T]? {
        let texts = queryValues(request, name)
        if texts.isEmpty {
            if required { throw ServerError.badRequest("missing query parameter \(name)") }
            return nil
        }
        return try texts.map { text in
            guard let v = T(parameter: String(text)) else { throw ServerError.badRequest("query parameter \(name): '\(text)' is not a valid \(T.self)") }
            return v
        }
    }

    /// The values of query item `name`. Hummingbird percent-decodes values but not names, and clients
    /// encode the characters a query name may not hold as written (`ids[]` is sent as `ids%5B%5D`), so
    /// names are compared decoded.
    ///
    /// For example: `?ids%5B%5D=1&ids%5B%5D=2` has `["1", "2"]` for `ids[]`.
    static func queryValues(_ request: Request, _ name: String) -> [String] {
        let parameters = request.uri.queryParameters
        let direct = parameters.getAll(name).map { String($0) }
        if !direct.isEmpty { return direct }
        return parameters.filter { $0.key.contains("%") && String($0.key).removingPercentEncoding == name }.map { String($0.value) }
    }

    /// The header `name` as `T`; `nil` when absent and not `required`. Throws a `400` ``ServerError``
    /// when it is missing but required, or does not parse.
    public static func header<T: ParameterValue>(_ request: Request, _ name: String, as: T.Type, required: Bool) throws -> T? {
        guard let field = HTTPField.Name(name), let text = request.headers[field] else {
            if required { throw ServerError.badRequest("missing header \(name)") }
            return nil
        }
        guard let v = T(parameter: text) else { throw ServerError.badRequest("header \(name): '\(text)' is not a valid \(T.self)") }
        return v
    }

    /// The JSON body as `T`; a malformed or wrongly typed body is a `400`.
    public static func body<T: Decodable>(_ request: Request, _ context: some RequestContext, as: T.Type, required: Bool) async throws -> T? {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if buffer.readableBytes == 0 {
            if required { throw ServerError.badRequest("a JSON body is required") }
            return nil
        }
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ServerError.badRequest("invalid JSON body: \(describe(error))")
        }
    }

    /// A response with `value` as its JSON body.
    public static func json<T: Encodable>(_ value: T, status: Int) throws -> Response {
        let data = try JSONCoding.makeEncoder().encode(value)
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A response with no body.
    public static func empty(status: Int) -> Response {
        Response(status: .init(code: status))
    }

    /// `ServerError` → its status; anything else → `500`; always a JSON body.
    public static func errorResponse(_ error: Error) -> Response {
        let e = (error as? ServerError) ?? ServerError(status: 500, message: "internal error: \(error)")
        let body = (try? JSONSerialization.data(withJSONObject: ["error": e.message, "status": e.status], options: [.sortedKeys])) ?? Data()
        return Response(status: .init(code: e.status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        case DecodingError.keyNotFound(let k, _): return "missing key '\(k.stringValue)'"
        case DecodingError.typeMismatch(let t, let c): return "expected \(t) at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(let t, let c): return "missing \(t) at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return String(describing: error)
        }
    }
}

/// Answers `404` (no such path) and `405` (path known, method not) with JSON error bodies.
public struct RouteErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Route templates (`/api/users/{uuid}/`) with their methods.
    let routes: [(segments: [Substring], methods: [String])]

    /// A middleware that knows the methods of each route path.
    public init(routes: [String: [String]]) {
        self.routes = routes.map { (Self.segments($0.key), $0.value) }
    }

    static func segments(_ path: String) -> [Substring] { path.split(separator: "/") }

    /// Passes the request on; when no route answers, gives `405` with `Allow` if the path matches a
    /// route template (another method), else `404`.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = Self.segments(request.uri.path)
            let allowed = routes.filter { r in
                r.segments.count == path.count && zip(r.segments, path).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }.flatMap(\.methods)
            if !allowed.isEmpty {
                var response = ServerSupport.errorResponse(ServerError(status: 405, message: "method \(request.method.rawValue) not allowed; allowed: \(allowed.sorted().joined(separator: ", "))"))
                response.headers[.allow] = allowed.sorted().joined(separator: ", ")
                return response
            }
            return ServerSupport.errorResponse(ServerError(status: 404, message: "no route for \(request.uri.path)"))
        }
    }
}
