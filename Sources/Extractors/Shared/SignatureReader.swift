import APIModel
import DocTree

/// One `METHOD path` signature read from documentation text.
public struct Signature: Hashable, Sendable {
    public var method: String
    /// `{name}` template, without host, query or fragment.
    public var path: String
    /// `https://host` (and any port) when the page wrote an absolute URL, else empty.
    public var baseURL: String
    /// Whether the text was a request line ending in `HTTP/1.1` (an example request, not a heading).
    public var isRequestLine: Bool
}

/// Reads `METHOD /path` and `METHOD https://host/path` signatures: the method in any case
/// (`DEL` means DELETE), the path through `PathSyntax` (`:id`, `<id>`, `{id}` → `{id}`), a trailing
/// `HTTP/1.1` accepted, the host cut off into the base URL.
///
/// For example: `GET http://example.com/kittens/<ID>` → `GET /kittens/{ID}` with base URL
/// `http://example.com`; `DEL /repos/:owner/:repo` → `DELETE /repos/{owner}/{repo}`.
public enum SignatureReader {
    /// Methods as pages write them, mapped to the HTTP method.
    static func method(_ word: Substring) -> String? {
        var w = word
        while let last = w.last, last == ":" || last == "*" || last == "]" || last == ")" { w = w.dropLast() }
        while let first = w.first, first == "[" || first == "(" || first == "*" { w = w.dropFirst() }
        guard w.count >= 3, w.count <= 7 else { return nil }
        let upper = w.uppercased()
        // Only all-caps or all-lowercase words: `Get /users` in prose is a sentence.
        guard w == upper || w == w.lowercased() else { return nil }
        if upper == "DEL" { return "DELETE" }
        return HTTPMethod.isValid(upper) ? upper : nil
    }

    /// The signature at the start of `text` (leading blanks, `$ ` and list bullets skipped).
    public static func read(_ text: some StringProtocol) -> Signature? {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if rest.hasPrefix("$ ") { rest = rest.dropFirst(2) }
        guard let space = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        guard let m = method(rest[..<space]) else { return nil }
        var target = rest[space...].drop { $0 == " " || $0 == "\t" }
        if let line = target.firstIndex(of: "\n") { target = target[..<line] }
        return signature(method: m, target: target)
    }

    /// The path part of a signature: `/x/{id}`, `https://h/x`, or `{{baseUrl}}/x`.
    static func signature(method: String, target raw: Substring) -> Signature? {
        var target = raw
        while let f = target.first, f == "`" || f == "\"" || f == "'" { target = target.dropFirst() }
        var base = ""
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            let afterScheme = target.index(target.firstIndex(of: "/")!, offsetBy: 2)
            let hostEnd = target[afterScheme...].firstIndex { $0 == "/" || $0 == " " || $0 == "?" } ?? target.endIndex
            guard hostEnd > afterScheme else { return nil }
            base = String(target[..<hostEnd])
            target = hostEnd < target.endIndex && target[hostEnd] == "/" ? target[hostEnd...] : "/"
        } else if target.hasPrefix("{{"), let close = target.firstRange(of: "}}") {
            // Postman-style `{{baseUrl}}/users`.
            base = String(target[..<close.upperBound])
            target = target[close.upperBound...]
        }
        guard target.hasPrefix("/") else { return nil }
        let isRequestLine = target.hasSuffix("HTTP/1.1") || target.hasSuffix("HTTP/1.0") || target.hasSuffix("HTTP/2")
        var path = PathSyntax.normalise(String(target)).path
        while let last = path.last, last == "`" || last == "\"" || last == "'" || last == "," || last == ";" { path.removeLast() }
        guard isPlausible(path) else { return nil }
        return Signature(method: method, path: path, baseURL: base, isRequestLine: isRequestLine)
    }

    /// A path of URL characters, not prose or a file name.
    static func isPlausible(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count < 300 else { return false }
        for b in path.utf8 {
            let ok = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
                || "/-_.~{}%@!$&'()*+,;=:".utf8.contains(b)
            if !ok { return false }
        }
        return !path.contains("...") && !path.contains("…")
    }

    /// Signatures in a line of prose or a heading: the text itself, else each code span, else
    /// `METHOD path` after a label (`Endpoint: GET /x`, `List users — GET /x`).
    public static func find(in text: InlineText) -> Signature? {
        if let s = read(text.plain) { return s }
        for code in text.codeSpans { if let s = read(code) { return s } }
        // A label before the method: `**Endpoint:** GET /users`, `List users - GET /users`.
        let plain = text.plain
        let words = plain.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count <= 16 else { return nil }
        for (i, w) in words.enumerated() where i > 0 && i + 1 < words.count {
            guard method(w) != nil, w == w.uppercased() else { continue }
            let prev = words[i - 1]
            guard prev.hasSuffix(":") || prev == "-" || prev == "—" || prev == "–" || prev == "|" || i <= 2 else { continue }
            if let s = read(words[i...].joined(separator: " ")) { return s }
        }
        return nil
    }
}

