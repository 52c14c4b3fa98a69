import APIModel

/// Reads the method and URL path of an example request (`http GET https://host/api/x/ …`,
/// `curl -X POST https://host/api/x/`).
enum ExampleRequest {
    /// Tokens are cut at ASCII separators on the UTF-8 bytes; only the URL token becomes a `String`.
    static func parse(_ text: String) -> (method: String, path: String)? {
        var method: String?
        var path: String?
        let utf8 = text.utf8
        func isSeparator(_ b: UInt8) -> Bool {
            b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "\t")
        }
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if isSeparator(utf8[i]) { i = utf8.index(after: i); continue }
            var end = i
            while end < utf8.endIndex, !isSeparator(utf8[end]) { end = utf8.index(after: end) }
            let t = trimmed(trimmed(text[i..<end], UInt8(ascii: "\"")), UInt8(ascii: "'"))
            i = end
            if method == nil, t.utf8.count <= 7, HTTPMethod.isValid(String(t)) { method = String(t) }
            if path == nil, t.utf8.starts(with: "http://".utf8) || t.utf8.starts(with: "https://".utf8) {
                let afterScheme = t.drop(while: { $0 != "/" }).dropFirst(2)
                var p = String(afterScheme.drop(while: { $0 != "/" }))
                if let q = p.firstIndex(of: "?") { p = String(p[..<q]) }
                path = p.isEmpty ? "/" : p
            }
        }
        guard let path else { return nil }
        return (method ?? "GET", path)
    }

    /// The text without leading and trailing runs of the ASCII byte `b`.
    static func trimmed(_ s: Substring, _ b: UInt8) -> Substring {
        var s = s
        while let first = s.utf8.first, first == b { s = s[s.utf8.index(after: s.startIndex)...] }
        while let last = s.utf8.last, last == b { s = s[..<s.utf8.index(before: s.endIndex)] }
        return s
    }

    /// `/api/x/{uuid}/` matches `/api/x/a1b2…/`: each `{…}` stands for one non-empty segment part.
    static func matches(template: String, path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let t = template.utf8.split(separator: slash, omittingEmptySubsequences: false)
        let p = path.utf8.split(separator: slash, omittingEmptySubsequences: false)
        guard t.count == p.count else { return false }
        for (a, b) in zip(t, p) where !a.contains(UInt8(ascii: "{")) {
            if !a.elementsEqual(b) { return false }
        }
        return true
    }
}
