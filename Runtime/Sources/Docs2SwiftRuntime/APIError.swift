import Foundation

/// Errors a generated client throws.
///
/// For example: `APIError.unexpectedStatus(status: 404, body: Data("{\"detail\":\"Not found.\"}".utf8))`.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with a status the operation does not document as success.
    case unexpectedStatus(status: Int, body: Data)
    /// The body could not be decoded as the documented type.
    case decoding(status: Int, message: String, body: Data)
    /// A request value could not be encoded.
    case encoding(String)
    case invalidURL(String)
    case transport(String)

    /// The HTTP status, when the server answered.
    public var status: Int? {
        switch self {
        case .unexpectedStatus(let s, _), .decoding(let s, _, _): return s
        default: return nil
        }
    }

    /// The response body, when the server answered.
    public var body: Data? {
        switch self {
        case .unexpectedStatus(_, let b), .decoding(_, _, let b): return b
        default: return nil
        }
    }

    /// A one-line description with the status and the start of the body.
    public var description: String {
        switch self {
        case .unexpectedStatus(let s, let b): return "unexpected HTTP status \(s): \(String(decoding: b.prefix(500), as: UTF8.self))"
        case .decoding(let s, let m, _): return "cannot decode the HTTP \(s) response: \(m)"
        case .encoding(let m): return "cannot encode the request: \(m)"
        case .invalidURL(let p): return "invalid URL for path \(p)"
        case .transport(let m): return "transport error: \(m)"
        }
    }
}
