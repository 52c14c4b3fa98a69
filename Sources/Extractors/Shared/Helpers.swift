import APIModel

/// HTTP methods an operation may use.
enum HTTPMethod {
    static let all: Set<String> = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"]
    static func isValid(_ s: String) -> Bool { all.contains(s) }
}

/// Heading anchors as MkDocs' `toc` extension makes them.
///
/// For example: `"Partial Update"` → `partial-update`; a second `"Retrieve"` → `retrieve_1`.
enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        var lastDash = false
        for ch in text.lowercased().unicodeScalars {
            if ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "_" {
                out.unicodeScalars.append(ch); lastDash = false
            } else if ch == " " || ch == "-" {
                if !lastDash, !out.isEmpty { out.append("-"); lastDash = true }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    struct Deduplicator {
        var seen: [String: Int] = [:]
        mutating func slug(for text: String) -> String {
            let base = Slug.make(text)
            if let n = seen[base] {
                seen[base] = n + 1
                return "\(base)_\(n + 1)"
            }
            seen[base] = 0
            return base
        }
    }
}

extension Naming {
    /// A stable id for an operation with no documented SDK name, in the style of drf-spectacular:
    /// the path's literal segments (without a leading `api` and version) and a verb for the method.
    ///
    /// For example: `GET /api/pets/` → `pets_list`, `GET /api/pets/{uuid}/` → `pets_retrieve`,
    /// `POST /api/pets/{uuid}/adopt/` → `pets_adopt_create`, `PATCH` → `…_partial_update`.
    static func operationID(method: String, path: String, returnsArray: Bool = false) -> String {
        let segments = path.split(separator: "/").map(String.init)
        var literal: [String] = []
        for (i, segment) in segments.enumerated() where !segment.hasPrefix("{") {
            let lower = segment.lowercased()
            if i == 0, lower == "api" { continue }
            if i <= 1, lower.first == "v", Int(lower.dropFirst()) != nil { continue }
            let words = Naming.words(segment)
            if !words.isEmpty { literal.append(words.joined(separator: "_").lowercased()) }
        }
        let endsWithParameter = segments.last?.hasPrefix("{") ?? false
        let verb: String
        switch method {
        case "GET": verb = endsWithParameter || !returnsArray ? "retrieve" : "list"
        case "POST": verb = "create"
        case "PUT": verb = "update"
        case "PATCH": verb = "partial_update"
        case "DELETE": verb = "destroy"
        default: verb = method.lowercased()
        }
        return (literal + [verb]).joined(separator: "_")
    }
}

