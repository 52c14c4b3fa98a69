import APIModel
import DocTree
import Foundation

/// Judges one answer against one documented operation: its status, its media type and its body.
///
/// - 2xx: a status the docs do not list is a `status` finding; the body is compared with the type of
///   the documented response of that status (else of the only documented success).
/// - 401/403: the check stops (the caller does that); 3xx: a redirect, not followed; 5xx: failed.
/// - other 4xx: a `status` finding when the docs do not list it, else failed with the status.
public struct ResponseJudge {
    public var comparison: ResponseComparison

    public init(api: APIDescription) { comparison = ResponseComparison(api: api) }

    public struct Verdict {
        public var outcome: OperationResult.Outcome
        public var reason: String
        public var findings: [Finding]
    }

    public func judge(_ op: APIModel.Operation, method: String, status: Int, contentType: String?, location: String?, body: Data) -> Verdict {
        let at = op.provenance
        var findings: [Finding] = []
        let documented = op.responses.map(\.status) + op.errorCodes.map(\.status)
        let statusDocumented = documented.contains { Self.statusMatches($0, status) }
        if !documented.isEmpty, !statusDocumented {
            let listed = Array(Set(documented)).sorted().joined(separator: ", ")
            findings.append(Finding(kind: .status, jsonPath: "", expected: listed, found: "\(status) \(Self.reasonPhrase(status))",
                                    location: op.responses.first?.provenance ?? at))
        }
        switch status {
        case 300..<400:
            let target = location.map { " to \($0)" } ?? ""
            return Verdict(outcome: .failed, reason: "redirect\(target): not followed", findings: findings)
        case 500...:
            return Verdict(outcome: .failed, reason: "server error \(status) \(Self.reasonPhrase(status))", findings: findings)
        case 400..<500:
            if statusDocumented {
                return Verdict(outcome: .failed, reason: "answered \(status) \(Self.reasonPhrase(status)) (a documented error)", findings: findings)
            }
            return Verdict(outcome: .drifted, reason: "answered \(status) \(Self.reasonPhrase(status))", findings: findings)
        case 200..<300: break
        default:
            return Verdict(outcome: .failed, reason: "answered \(status)", findings: findings)
        }

        let success = op.responses.filter(\.isSuccess)
        let response = success.first { Self.statusMatches($0.status, status) } ?? (success.count == 1 ? success.first : nil)
        guard let response, let type = response.type else {
            let reason = success.isEmpty ? "no documented response: status only" : (response == nil ? "" : "no documented body")
            return Verdict(outcome: findings.isEmpty ? .passed : .drifted, reason: reason, findings: findings)
        }
        let responseAt = response.provenance ?? at
        if method == "HEAD" {
            return Verdict(outcome: findings.isEmpty ? .passed : .drifted, reason: "HEAD: status only", findings: findings)
        }
        let documentedMedia = response.contentType ?? "application/json"
        let media = contentType.map(Self.mediaType) ?? ""
        let looksLikeHTML = Self.looksLikeHTML(body)
        if Self.isJSON(documentedMedia) {
            if !Self.isJSON(media) || looksLikeHTML {
                let found = (media.isEmpty ? "no Content-Type" : media) + (looksLikeHTML && Self.isJSON(media) ? " (an HTML page)" : "")
                findings.append(Finding(kind: .mediaType, jsonPath: "", expected: documentedMedia, found: found, location: responseAt))
                return Verdict(outcome: .drifted, reason: "body not compared: not JSON", findings: findings)
            }
            guard let value = JSONValue.parse(body) else {
                let found = body.isEmpty ? "an empty body" : "\(media) that does not parse as JSON"
                findings.append(Finding(kind: .mediaType, jsonPath: "", expected: documentedMedia, found: found, location: responseAt))
                return Verdict(outcome: .drifted, reason: "body not compared: not JSON", findings: findings)
            }
            findings += comparison.compare(value, with: type, fallback: responseAt)
        } else if Self.mediaType(documentedMedia) != media {
            findings.append(Finding(kind: .mediaType, jsonPath: "", expected: documentedMedia, found: media.isEmpty ? "no Content-Type" : media,
                                    location: responseAt))
        }
        return Verdict(outcome: findings.isEmpty ? .passed : .drifted, reason: "", findings: findings)
    }

    /// `200` matches `200`, `2XX`, `2xx` and `default`.
    static func statusMatches(_ documented: String, _ status: Int) -> Bool {
        let d = documented.trimmingCharacters(in: .whitespaces).lowercased()
        if d == "default" { return true }
        if d.count == 3, d.hasSuffix("xx"), let first = d.first, first.isNumber { return String(status).first == first }
        return Int(d) == status
    }

    /// `application/json; charset=utf-8` → `application/json`.
    static func mediaType(_ header: String) -> String {
        String(header.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func isJSON(_ media: String) -> Bool {
        let m = mediaType(media)
        return m == "application/json" || m.hasSuffix("+json") || m == "text/json"
    }

    static func looksLikeHTML(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(256), as: UTF8.self).drop { $0.isWhitespace }.lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head") || head.hasPrefix("<body")
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 409: return "Conflict"
        case 412: return "Precondition Failed"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
