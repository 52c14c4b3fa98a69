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
    /// A stable id for an operation with no documented SDK name: `get_api_users_uuid`.
    static func operationID(method: String, path: String) -> String {
        var parts = [method.lowercased()]
        for segment in path.split(separator: "/") {
            let s = String(segment).trimming("{").trimming("}")
            let words = Naming.words(String(s))
            if !words.isEmpty { parts.append(words.joined(separator: "_").lowercased()) }
        }
        return parts.joined(separator: "_")
    }
}

extension String {
    func trimming(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
