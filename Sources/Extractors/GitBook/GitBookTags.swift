/// One `{% name key="value" … %}` tag of GitBook's template syntax, or the text between tags.
public enum GitBookToken: Equatable, Sendable {
    case tag(name: String, attributes: [String: String])
    case text(String)
}

/// Splits text into GitBook tags and the text between them. Attribute values may be quoted with
/// `"` or `'`, or bare (`required=true`, `httpCode=200`); Markdown escapes (`item\_type`) are undone.
///
/// For example: `{% api-method-parameter name="id" type="string" required=true %}The ID` →
/// `[.tag("api-method-parameter", ["name": "id", "type": "string", "required": "true"]), .text("The ID")]`.
public enum GitBookTags {
    public static func tokens(_ text: String) -> [GitBookToken] {
        var out: [GitBookToken] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{%") {
            let before = rest[..<open.lowerBound].trimming(" ")
            if !before.isEmpty { out.append(.text(before)) }
            guard let close = rest[open.upperBound...].firstRange(of: "%}") else { rest = rest[open.upperBound...]; break }
            out.append(tag(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        let tail = rest.trimming(" ")
        if !tail.isEmpty { out.append(.text(tail)) }
        return out
    }

    static func tag(_ body: Substring) -> GitBookToken {
        var s = body.drop { $0 == " " || $0 == "\n" }
        let nameEnd = s.firstIndex { $0 == " " || $0 == "\n" } ?? s.endIndex
        let name = String(s[..<nameEnd])
        s = s[nameEnd...]
        var attributes: [String: String] = [:]
        while true {
            s = s.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            guard let eq = s.firstIndex(of: "=") else { break }
            let key = s[..<eq].trimming(" ")
            var v = s[s.index(after: eq)...].drop { $0 == " " }
            var value: Substring
            if let q = v.first, q == "\"" || q == "'" {
                v = v.dropFirst()
                let end = v.firstIndex(of: q) ?? v.endIndex
                value = v[..<end]
                s = end < v.endIndex ? v[v.index(after: end)...] : v[end...]
            } else {
                let end = v.firstIndex { $0 == " " || $0 == "\n" } ?? v.endIndex
                value = v[..<end]
                s = v[end...]
            }
            if !key.isEmpty, !key.contains(" ") { attributes[key.lowercased()] = unescaped(value) }
        }
        return .tag(name: name, attributes: attributes)
    }

    /// `item\_type` → `item_type`, `\[Address\]` → `[Address]`.
    static func unescaped(_ s: Substring) -> String {
        var out = ""
        var escape = false
        for c in s {
            if escape { out.append(c); escape = false; continue }
            if c == "\\" { escape = true; continue }
            out.append(c)
        }
        return out
    }
}
