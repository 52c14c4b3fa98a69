import Foundation

/// A step between a generated client call and the transport: it can change the request, answer it,
/// retry it, or look at the response. `APIClient(…, middlewares: [a, b])` runs `a`, which calls `next`
/// to run `b`, which calls `next` to send: the first middleware sees the request first and the response last.
///
/// For example:
/// ```swift
/// struct RequestID: ClientMiddleware {
///     func intercept(_ request: HTTPRequest, baseURL: URL,
///                    next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) async throws -> HTTPResponse {
///         var request = request
///         request.headers["X-Request-ID"] = UUID().uuidString
///         return try await next(request, baseURL)
///     }
/// }
/// ```
public protocol ClientMiddleware: Sendable {
    /// Handles `request`: change it, call `next` (the following middleware, or the transport) zero or more
    /// times, and return a response.
    func intercept(_ request: HTTPRequest, baseURL: URL,
                   next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) async throws -> HTTPResponse
}

extension Array where Element == any ClientMiddleware {
    /// Sends `request` through the middlewares in order, then `transport`.
    func send(_ request: HTTPRequest, baseURL: URL, transport: any HTTPTransport) async throws -> HTTPResponse {
        try await send(request, baseURL: baseURL, from: startIndex, transport: transport)
    }

    private func send(_ request: HTTPRequest, baseURL: URL, from index: Int, transport: any HTTPTransport) async throws -> HTTPResponse {
        guard index < endIndex else { return try await transport.send(request, baseURL: baseURL) }
        return try await self[index].intercept(request, baseURL: baseURL) { request, baseURL in
            try await self.send(request, baseURL: baseURL, from: index + 1, transport: transport)
        }
    }
}

/// Sets `Authorization: <scheme> <credentials>` on every request; the credentials come from a closure,
/// so a token can be refreshed between requests.
///
/// For example: `.bearer("eyJhbGciOi…")`, `.token("abc")` (Django REST framework),
/// `.basic(username: "ann", password: "secret")`, or `AuthMiddleware(scheme: "Bearer") { try await store.accessToken() }`.
public struct AuthMiddleware: ClientMiddleware {
    /// The scheme written before the credentials: `Bearer`, `Token`, `Basic`.
    public let scheme: String
    /// Called before each request for the current credentials.
    public let credentials: @Sendable () async throws -> String

    /// Sets `Authorization: <scheme> <credentials()>` on every request.
    public init(scheme: String, credentials: @escaping @Sendable () async throws -> String) {
        self.scheme = scheme
        self.credentials = credentials
    }

    /// Sets the `Authorization` header, then calls `next`.
    public func intercept(_ request: HTTPRequest, baseURL: URL,
                          next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) async throws -> HTTPResponse {
        var request = request
        request.headers["Authorization"] = "\(scheme) \(try await credentials())"
        return try await next(request, baseURL)
    }
}

extension ClientMiddleware where Self == AuthMiddleware {
    /// `Authorization: Bearer <token>` (OAuth 2, JWT).
    public static func bearer(_ token: String) -> AuthMiddleware { AuthMiddleware(scheme: "Bearer") { token } }
    /// `Authorization: Token <token>` (Django REST framework's TokenAuthentication).
    public static func token(_ token: String) -> AuthMiddleware { AuthMiddleware(scheme: "Token") { token } }
    /// `Authorization: Basic <base64 of user:password>`.
    public static func basic(username: String, password: String) -> AuthMiddleware {
        let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
        return AuthMiddleware(scheme: "Basic") { encoded }
    }
}

/// Retries a request that failed with a retryable status (`429`, `503` by default) or a transport
/// error, waiting `baseDelay × 2ⁿ` (at most `maxDelay`) or what the response's `Retry-After` asks
/// (seconds or an HTTP date; also capped by `maxDelay`). Only idempotent methods (GET, HEAD, OPTIONS,
/// PUT, DELETE, TRACE) are retried unless `retryNonIdempotent`; cancelling the task stops the waiting.
///
/// For example: `RetryMiddleware(maxAttempts: 4, baseDelay: 0.25)`; after the last attempt the last
/// response is returned (the client then throws `APIError.unexpectedStatus`).
public struct RetryMiddleware: ClientMiddleware {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// Seconds before the first retry; doubled for each later one.
    public var baseDelay: Double
    /// The longest wait in seconds, also for a `Retry-After` the response asks for.
    public var maxDelay: Double
    /// Response statuses that are retried (`429`, `503` by default).
    public var statuses: Set<Int>
    /// Whether `POST` and `PATCH` are retried too (off by default: they may have taken effect).
    public var retryNonIdempotent: Bool
    /// Whether a transport error (no response) is retried.
    public var retryTransportErrors: Bool
    /// Waits the given seconds; tests replace it to record the delays instead of sleeping.
    public var sleep: @Sendable (Double) async throws -> Void

    /// The methods retried when ``retryNonIdempotent`` is off.
    public static let idempotentMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]

    /// A retry policy; the defaults retry `429` and `503` twice, after 0.5 s and 1 s.
    public init(maxAttempts: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 30, statuses: Set<Int> = [429, 503],
                retryNonIdempotent: Bool = false, retryTransportErrors: Bool = true,
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.statuses = statuses
        self.retryNonIdempotent = retryNonIdempotent
        self.retryTransportErrors = retryTransportErrors
        self.sleep = sleep
    }

    /// Calls `next`, and again after a wait while the response or error is retryable.
    public func intercept(_ request: HTTPRequest, baseURL: URL,
                          next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) async throws -> HTTPResponse {
        let retryable = retryNonIdempotent || Self.idempotentMethods.contains(request.method.uppercased())
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let response: HTTPResponse
            do {
                response = try await next(request, baseURL)
            } catch where retryable && retryTransportErrors && attempt < maxAttempts && !(error is CancellationError) {
                try await sleep(backoff(attempt))
                attempt += 1
                continue
            }
            guard retryable, attempt < maxAttempts, statuses.contains(response.status) else { return response }
            try await sleep(Self.retryAfter(response.headers["Retry-After"]).map { min($0, maxDelay) } ?? backoff(attempt))
            attempt += 1
        }
    }

    /// The wait before attempt `attempt + 1`: `baseDelay × 2^(attempt-1)`, at most `maxDelay`.
    public func backoff(_ attempt: Int) -> Double { min(maxDelay, baseDelay * pow(2, Double(attempt - 1))) }

    /// `Retry-After` as seconds from now: a number of seconds, or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`).
    public static func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// Calls `log` with a line per request (`→ GET /api/users/?page=2`) and per response or error
/// (`← 200 GET /api/users/?page=2 (12 ms)`); plug in `print`, `os.Logger` or swift-log.
///
/// For example: `LoggingMiddleware { print($0) }`.
public struct LoggingMiddleware: ClientMiddleware {
    /// Receives one line per request and per response or error.
    public let log: @Sendable (String) -> Void
    /// Logs every request and response through `log`.
    public init(_ log: @escaping @Sendable (String) -> Void) { self.log = log }

    /// Logs the request, calls `next`, and logs the response or error with the time taken.
    public func intercept(_ request: HTTPRequest, baseURL: URL,
                          next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) async throws -> HTTPResponse {
        let target = request.method + " " + request.path + (request.query.isEmpty ? "" : "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
        log("→ \(target)")
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> String { "\((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) ms" }
        do {
            let response = try await next(request, baseURL)
            log("← \(response.status) \(target) (\(elapsed()))")
            return response
        } catch {
            log("← error \(target) (\(elapsed())): \(error)")
            throw error
        }
    }
}
