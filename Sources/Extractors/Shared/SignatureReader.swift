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
    /// Query parameter names an example URL showed (`/draw/?count=2` → `count`); read only for
    /// endpoints written without a method (`ImpliedSignatures`).
    public var queryNames: [String] = []
    /// The concrete values of parameters read from a concrete URL (`/processes/777` → `process_id` = `777`).
    public var concreteValues: [String: String] = [:]
    /// Whether the page showed an example URL without a method (`ImpliedSignatures.url`): another
    /// example of the same route is no second documentation of it.
    public var methodImplied = false
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
        // `GET/users`: a method badge set against its path with no blank between.
        let glued = rest.prefix { $0.isUppercase && $0.isASCII }
        let space: Substring.Index
        if glued.count >= 3, glued.endIndex < rest.endIndex, rest[glued.endIndex] == "/", method(glued) != nil {
            space = glued.endIndex
        } else {
            guard let blank = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            space = blank
        }
        guard let m = method(rest[..<space]) else { return nil }
        var target = rest[space...].drop { $0 == " " || $0 == "\t" }
        if let line = target.firstIndex(of: "\n") { target = target[..<line] }
        return signature(method: m, target: target)
    }

    /// The path part of a signature: `/x/{id}`, `https://h/x`, or `{{baseUrl}}/x`.
    public static func signature(method: String, target raw: Substring) -> Signature? {
        var target = raw
        while let f = target.first, f == "`" || f == "\"" || f == "'" { target = target.dropFirst() }
        var base = ""
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            let afterScheme = target.index(target.firstIndex(of: "/")!, offsetBy: 2)
            let hostEnd = target[afterScheme...].firstIndex { $0 == "/" || $0 == " " || $0 == "?" } ?? target.endIndex
            guard hostEnd > afterScheme else { return nil }
            base = String(target[..<hostEnd])
            target = hostEnd < target.endIndex && target[hostEnd] == "/" ? target[hostEnd...] : "/"
        } else if let host = placeholderHost(target) {
            // `{{baseUrl}}/users`, `<%= api_url %>/api/x`, `$HOST/x`, `api.example.com/v1/x`.
            base = String(target[..<host])
            target = target[host...]
        }
        if !target.hasPrefix("/"), let slash = target.firstIndex(of: "/"), slash > target.startIndex,
           target[..<slash].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            // `api/1/energy_sites/{site_id}`: a path written without its leading slash.
            target = "/" + target
        }
        guard target.hasPrefix("/") else { return nil }
        target = optionalQueryUnbracketed(target)
        if target.contains("<<") { target = Substring(target.replacing("<<", with: "<").replacing(">>", with: ">")) }
        let isRequestLine = target.hasSuffix("HTTP/1.1") || target.hasSuffix("HTTP/1.0") || target.hasSuffix("HTTP/2")
        let concrete = ConcreteIDs.parameterisedKeepingValues(capitalPlaceholders(PathSyntax.normalise(String(target)).path))
        var path = concrete.path
        // Punctuation after the path (`GET /api/state: returns …`) is the sentence's, not the path's.
        while let last = path.last, last == "`" || last == "\"" || last == "'" || last == "," || last == ";" || last == ":" { path.removeLast() }
        guard isPlausible(path) else { return nil }
        var signature = Signature(method: method, path: path, baseURL: base, isRequestLine: isRequestLine)
        signature.concreteValues = concrete.values
        signature.queryNames = templateQueryNames(target)
        signature.queryNames += literalQueryNames(target).filter { !signature.queryNames.contains($0) }
        return signature
    }

    /// A query string written in brackets to say it is optional (`/sessions[?format=csv&lang=<lang>]`,
    /// `/scores[?tier=][&page=]`): the same query without them.
    ///
    /// For example: `/api/sessions[?format=csv&lang=<lang>]` → `/api/sessions?format=csv&lang=<lang>`.
    static func optionalQueryUnbracketed(_ target: Substring) -> Substring {
        guard let open = target.firstRange(of: "[?") else { return target }
        var out = String(target[..<open.lowerBound])
        var depth = 0
        var k = open.lowerBound
        while k < target.endIndex, target[k] != " ", target[k] != "\t" {
            let c = target[k]
            k = target.index(after: k)
            if c == "[" { depth += 1; continue }
            if c == "]", depth > 0 { depth -= 1; continue }
            out.append(c)
        }
        return Substring(out + target[k...])
    }

    /// The names of a literal query string (`/api/v1/tags?object=Ticket&o_id={ticket id}` → `object`, `o_id`).
    static func literalQueryNames(_ target: Substring) -> [String] {
        guard let q = target.firstIndex(of: "?"), q > target.startIndex, target[target.index(before: q)] != "{" else { return [] }
        var names: [String] = []
        for pair in target[target.index(after: q)...].split(separator: "&") {
            let name = String(pair.prefix { $0 != "=" })
            if ParameterTable.isIdentifierLike(name), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The names of a URI template's query expansion (`/players{?start,limit}` → `start`, `limit`).
    static func templateQueryNames(_ target: Substring) -> [String] {
        guard let r = target.firstRange(of: "{?"), let close = target[r.upperBound...].firstIndex(of: "}") else { return [] }
        return target[r.upperBound..<close].split(separator: ",").map { $0.trimming(" ").trimming("*") }.filter { ParameterTable.isIdentifierLike($0) }
    }

    /// Where the path starts after a templated or scheme-less host, if the target begins with one.
    static func placeholderHost(_ t: Substring) -> Substring.Index? {
        for (open, close) in [("{{", "}}"), ("<%", "%>"), ("${", "}"), ("{", "}"), ("<", ">"), ("[", "]")] where t.hasPrefix(open) {
            guard let r = t.firstRange(of: close), r.upperBound < t.endIndex, t[r.upperBound] == "/" else { return nil }
            return r.upperBound
        }
        if t.hasPrefix("$") || t.first?.isLetter == true {
            // `$HOST/x`, `api.example.com/x`, `localhost:8080/x`: one token with no space before the first `/`.
            guard let slash = t.firstIndex(of: "/"), slash > t.startIndex else { return nil }
            let host = t[..<slash]
            guard !host.contains(" ") else { return nil }
            if host.hasPrefix("$") || host.contains(".") || host.hasPrefix("localhost") || isHostWord(host) { return slash }
        }
        return nil
    }

    /// An UPPER_CASE word standing for the host or base URL (`SITE_ROOT/api/x`, `BASE_URL/v1/x`, `HOST/x`):
    /// capitals, digits and underscores, with an underscore or a word that names a host.
    ///
    /// For example: `SITE_ROOT` → true; `API_HOST` → true; `USERS` → false; `Users` → false.
    static func isHostWord(_ word: Substring) -> Bool {
        guard word.count >= 4, word.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0 == "_" || ($0.isNumber && $0.isASCII) }) else { return false }
        return ["HOST", "URL", "ROOT", "SERVER", "DOMAIN", "BASE", "ORIGIN", "ENDPOINT", "SITE"].contains { word.contains($0) }
    }

    /// `LIST_ID`-style segments (capitals with an underscore, or ending in `ID`) are placeholders.
    ///
    /// For example: `/v1/lists/LIST_ID/download` → `/v1/lists/{LIST_ID}/download`; `/v1/SMS` is unchanged.
    static func capitalPlaceholders(_ path: String) -> String {
        guard path.contains(where: { $0.isUppercase }) else { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { seg -> String in
            let isCaps = seg.count >= 2 && seg.allSatisfy { ($0.isUppercase && $0.isASCII) || $0 == "_" || $0.isNumber } && seg.first!.isLetter
            return isCaps && (seg.contains("_") || seg.hasSuffix("ID")) ? "{" + seg + "}" : String(seg)
        }
        return segments.joined(separator: "/")
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

    /// Every signature a heading names: several code spans that are signatures, or one signature
    /// and further paths after it (`GET /users, /users/{id}`, `GET /a and /b`) with its method.
    ///
    /// For example: `GET /v1/items and /v1/items/{id}` → `GET /v1/items`, `GET /v1/items/{id}`.
    public static func findAll(in text: InlineText) -> [Signature] {
        let spans = text.codeSpans.compactMap { read($0) }
        if spans.count >= 2 { return spans }
        guard let first = find(in: text) else { return [] }
        var out = [first]
        let words = text.plain.split(separator: " ")
        guard let at = words.firstIndex(where: { w in method(w) != nil && w == w.uppercased() }) else { return out }
        for w in words[(at + 2)...] {
            var word = w
            while let l = word.last, l == "," || l == ";" || l == "`" { word = word.dropLast() }
            while let f = word.first, f == "`" { word = word.dropFirst() }
            guard word.hasPrefix("/") else {
                if ["and", "or", "&", "|", "/", ","].contains(word.lowercased()) || word.isEmpty { continue }
                break
            }
            if let s = signature(method: first.method, target: word), !out.contains(where: { $0.path == s.path }) { out.append(s) }
        }
        return out
    }

    /// The parts of a line between pairs of double quotes (`"GET"-Request sent: "/x"` → `GET`, `/x`).
    static func quotedParts(_ line: String) -> [String] {
        let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return [] }
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }

    /// Signatures in a line of prose or a heading: the text itself, else each code span, else
    /// `METHOD path` after a label (`Endpoint: GET /x`, `List users — GET /x`).
    public static func find(in text: InlineText) -> Signature? {
        if let s = read(text.plain) { return s }
        for code in text.codeSpans { if let s = read(code) { return s } }
        let plain = text.plain
        // A method word right before a path in its own element (`Get a job GET <code>/jobs/{id}</code>`:
        // a method badge, then the URI), wherever in the line.
        for code in text.codeSpans where code.hasPrefix("/") || code.hasPrefix("http") {
            guard let r = plain.range(of: " " + code) ?? plain.range(of: code), r.lowerBound > plain.startIndex else { continue }
            let before = plain[..<r.lowerBound].split(separator: " ").last ?? ""
            if before == before.uppercased(), let m = method(before), let s = signature(method: m, target: Substring(code)) { return s }
        }
        // A sentence opening with the method that names the path in a code span (`POST a username and
        // password as a form to \`/api/token/\` and …`).
        if let first = plain.split(separator: " ").first, first == first.uppercased(), let m = method(first) {
            let sentence = plain.prefix { $0 != "." }
            let paths = text.codeSpans.filter { ($0.hasPrefix("/") || $0.hasPrefix("http")) && sentence.contains($0) }
            if paths.count == 1, let s = signature(method: m, target: Substring(paths[0])) { return s }
        }
        // A label before the method: `**Endpoint:** GET /users`, `List users - GET /users`.
        let words = plain.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count <= 16 else { return nil }
        // The method and the path in code spans of one short line, words between them
        // (`` ``GET``-Request sent: ``/api/v1/tags`` ``, `` `POST` to `/users` ``); in plain text, where
        // a renderer (Sphinx's text builder) wrote the code spans in double quotes, the quoted parts.
        let spans = text.codeSpans.isEmpty ? quotedParts(plain) : text.codeSpans
        if words.count <= 12, let m = spans.firstIndex(where: { $0 == $0.uppercased() && method(Substring($0)) != nil }) {
            for code in spans[(m + 1)...] where code.hasPrefix("/") || code.hasPrefix("http") {
                if let s = signature(method: method(Substring(spans[m]))!, target: Substring(code)) { return s }
            }
        }
        for (i, w) in words.enumerated() where i > 0 && i + 1 < words.count {
            guard method(w) != nil, w == w.uppercased() else { continue }
            let prev = words[i - 1]
            // After a label or a dash; or a short title that ends with the signature (`Create user POST /users`).
            let labelled = prev.hasSuffix(":") || prev == "-" || prev == "—" || prev == "–" || prev == "|"
            guard labelled || (i <= 3 && i + 2 == words.count) else { continue }
            if let s = read(words[i...].joined(separator: " ")) { return s }
        }
        return nil
    }
}

