import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request the check sends: never followed through a redirect, never retried.
public struct LiveRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct LiveResponse: Sendable {
    public var status: Int
    /// The `Content-Type` header, as sent.
    public var contentType: String?
    /// The `Location` header of a redirect.
    public var location: String?
    public var body: Data
    public var milliseconds: Int
}

/// Why no usable answer came.
public enum LiveHTTPError: Error, Equatable, CustomStringConvertible {
    case timeout(seconds: Double)
    case bodyTooLarge(limit: Int)
    case outsideBaseURL(String)
    case transport(String)
    case cancelled

    public var description: String {
        switch self {
        case .timeout(let s): return "no complete answer within \(Self.seconds(s)) s"
        case .bodyTooLarge(let limit): return "body larger than \(limit) bytes; stopped reading"
        case .outsideBaseURL(let url): return "refused: \(url) is outside the base URL"
        case .transport(let message): return "transport error: \(message)"
        case .cancelled: return "interrupted"
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}

/// Sends one request at a time with limits: a total time limit (a server that trickles bytes is cut
/// off too), a cap on the body size, no redirect followed (the 3xx answer is returned as it is, so a
/// redirect to another host is never requested), no cookies, no cache. Cancelling the calling task
/// cancels the request.
///
/// URLSession (FoundationNetworking on Linux) with a delegate per request: the delegate sees each
/// chunk of the body, so it can stop an endless body, and each redirect, so it can refuse it.
public struct LiveHTTP: Sendable {
    public var baseURL: URL
    public var timeout: Double
    public var maxBodyBytes: Int

    public init(baseURL: URL, timeout: Double = 10, maxBodyBytes: Int = 8 << 20) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// True when `url` is under the base URL: same scheme, host and port, and its path starts with the base path.
    public func isInsideBase(_ url: URL) -> Bool {
        guard let a = URLComponents(url: baseURL, resolvingAgainstBaseURL: false),
              let b = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return false }
        guard a.scheme?.lowercased() == b.scheme?.lowercased(), a.host?.lowercased() == b.host?.lowercased(),
              (a.port ?? Self.defaultPort(a.scheme)) == (b.port ?? Self.defaultPort(b.scheme)) else { return false }
        var basePath = a.percentEncodedPath
        if basePath.hasSuffix("/") { basePath.removeLast() }
        let path = b.percentEncodedPath
        guard !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return false }
        return path == basePath || path.hasPrefix(basePath + "/")
    }

    static func defaultPort(_ scheme: String?) -> Int? { scheme == "https" ? 443 : scheme == "http" ? 80 : nil }

    public func send(_ request: LiveRequest) async throws -> LiveResponse {
        guard isInsideBase(request.url) else { throw LiveHTTPError.outsideBaseURL(request.url.absoluteString) }
        try Task.checkCancellation()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = timeout
        for h in request.headers { urlRequest.setValue(h.value, forHTTPHeaderField: h.name) }

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = RequestDelegate(maxBodyBytes: maxBodyBytes, timeout: timeout)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: urlRequest)
        let started = DispatchTime.now()
        let deadline = Task { [timeout] in
            try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
            delegate.fail(.timeout(seconds: timeout), task)
        }
        defer { deadline.cancel() }
        let answer: (HTTPURLResponse, Data) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.start(continuation)
                task.resume()
            }
        } onCancel: {
            delegate.fail(.cancelled, task)
        }
        let ms = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        let response = answer.0
        return LiveResponse(status: response.statusCode, contentType: response.value(forHTTPHeaderField: "Content-Type"),
                            location: response.value(forHTTPHeaderField: "Location"), body: answer.1, milliseconds: ms)
    }
}

/// Collects one answer; the first failure (time-out, size cap, cancel) wins and cancels the task.
final class RequestDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let maxBodyBytes: Int
    private var continuation: CheckedContinuation<(HTTPURLResponse, Data), Error>?
    private var response: HTTPURLResponse?
    private var redirect: HTTPURLResponse?
    private var data = Data()
    private var failure: LiveHTTPError?
    private var finished = false

    private let timeout: Double

    init(maxBodyBytes: Int, timeout: Double) {
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
    }

    func start(_ c: CheckedContinuation<(HTTPURLResponse, Data), Error>) {
        lock.lock()
        if finished {
            lock.unlock()
            c.resume(throwing: failure ?? .cancelled)
            return
        }
        continuation = c
        lock.unlock()
    }

    func fail(_ error: LiveHTTPError, _ task: URLSessionTask) {
        lock.lock()
        if failure == nil, !finished { failure = error }
        lock.unlock()
        task.cancel()
        finish()
    }

    private func finish(error: Error? = nil) {
        lock.lock()
        guard !finished || continuation != nil else { lock.unlock(); return }
        finished = true
        let c = continuation
        continuation = nil
        let outcome: Result<(HTTPURLResponse, Data), Error>
        if let failure {
            outcome = .failure(failure)
        } else if let response = response ?? redirect {
            outcome = .success((response, data))
        } else {
            outcome = .failure(LiveHTTPError.transport(error.map { String(describing: $0) } ?? "no answer"))
        }
        lock.unlock()
        switch outcome {
        case .success(let v): c?.resume(returning: v)
        case .failure(let e): c?.resume(throwing: e)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        self.response = response as? HTTPURLResponse
        lock.unlock()
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        self.data.append(data)
        let over = self.data.count > maxBodyBytes
        lock.unlock()
        if over { fail(.bodyTooLarge(limit: maxBodyBytes), dataTask) }
    }

    /// Never follows: the check reports the redirect itself, and a redirect to another host is never requested.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        redirect = response
        lock.unlock()
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error, (error as NSError).code != NSURLErrorCancelled {
            lock.lock()
            // URLSession's own timer (an idle limit) may fire before the check's total deadline: one reason for both.
            let timedOut = (error as NSError).code == NSURLErrorTimedOut
            if failure == nil, redirect == nil { failure = timedOut ? .timeout(seconds: timeout) : .transport(error.localizedDescription) }
            lock.unlock()
        }
        finish(error: error)
    }
}
