import APIModel
import DocTree

/// Endpoints a page writes without a method, read as `GET` — only on pages that write no
/// `METHOD /path` signature at all (`OperationSections` asks for them then), and only in two shapes
/// that say "this is an endpoint":
/// - a list item that starts with a code span holding a path, then a dash and what it does
///   (`` `/people/:id/` -- get a specific people resource ``);
/// - a code block whose every line is an absolute URL, the host literal or templated
///   (`https://api.example.com/v1/x`, `{{ request.scheme }}://{{ host }}/api/deck/<<deck_id>>/draw/?count=2`),
///   the query string's names becoming query parameters.
///
/// For example: a code block `https://deckofcardsapi.com/api/deck/<<deck_id>>/draw/?count=2` gives
/// `GET /api/deck/{deck_id}/draw/` with query parameter `count` and base URL `https://deckofcardsapi.com`.
public enum ImpliedSignatures {
    /// `` `/people/` -- get all the people resources ``: the path and the description after the dash.
    public static func listEndpoint(_ text: InlineText) -> (Signature, summary: String)? {
        guard let code = text.codeSpans.first else { return nil }
        let plain = text.plain
        guard plain.hasPrefix(code), code.hasPrefix("/") else { return nil }
        let rest = plain.dropFirst(code.count).drop { $0 == " " }
        var description: Substring?
        for dash in ["--", "—", "–", "-", ":"] where rest.hasPrefix(dash) {
            description = rest.dropFirst(dash.count).drop { $0 == " " }
            break
        }
        guard let description, description.split(separator: " ").count >= 2 else { return nil }
        guard let sig = SignatureReader.signature(method: "GET", target: Substring(code.trimming(" "))) else { return nil }
        return (sig, String(description).trimming(" "))
    }

    /// Every line of a code block read as an absolute URL; nil unless all of them are.
    public static func urlLines(_ code: String) -> [Signature]? {
        let lines = code.split(separator: "\n").map { $0.trimming(" ") }.filter { !$0.isEmpty }
        guard !lines.isEmpty, lines.count <= 8 else { return nil }
        var out: [Signature] = []
        for var line in lines {
            // An HTML snippet using the URL (`<img src="https://host/200/300?random=1">`): its URL.
            if let url = ImpliedSignatures.markupURL(line) { line = url }
            // A rendered page's copy button leaves its label after the URL (`https://h/x\u{A0}copy`).
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" })
            guard let first = words.first, words.count == 1 || (words.count == 2 && words[1].allSatisfy(\.isLetter)) || templated(line) else { return nil }
            guard let s = url(templated(line) ? Substring(line) : first) else { return nil }
            out.append(s)
        }
        return out
    }

    /// A code block that is one curl command (`curl -X POST https://host/x --data …`, a shell prompt
    /// allowed (`ShellPrompt`), `\`-continued lines joined): its method from `-X`/`--request` (else
    /// `HEAD` for `-I`/`--head`, `POST` when it sends `-d`/`--data`/`-F`, else `GET`) and its URL. Soft hyphens pasted into the command are
    /// ignored; the URL is cut at `?` or `&` (a query written without `?`), the names in the query kept
    /// as query parameters.
    ///
    /// For example: `curl -X GET https://api.example.com/projects/summary` → `GET /projects/summary`;
    /// `curl https://host/projects/1/queries/summary&type=instagram` → query parameter `type`.
    /// An example call in a code block: a line passing a quoted method word and then a quoted absolute
    /// URL (`xhr.open("GET", "https://api.x.com/coupons/ref_0101");`, `$http->request('POST', 'https://…')`).
    ///
    /// For example: `var xhr = new XMLHttpRequest();` / `xhr.open("GET", "https://h/x/1");` → `GET /x/1`.
    public static func exampleCall(_ code: String) -> Signature? {
        for line in code.split(separator: "\n") where line.contains("(") {
            let parts = SignatureReader.quotedParts(String(line.replacing("'", with: "\"")))
            guard let m = parts.firstIndex(where: { $0 == $0.uppercased() && SignatureReader.method(Substring($0)) != nil }), m + 1 < parts.count,
                  parts[m + 1].hasPrefix("http"), let s = SignatureReader.signature(method: SignatureReader.method(Substring(parts[m]))!, target: Substring(parts[m + 1]))
            else { continue }
            return s
        }
        return nil
    }

    public static func curlCommand(_ code: String) -> Signature? {
        var command = ""
        for line in code.replacing("\u{AD}", with: "").split(separator: "\n") {
            var l = Substring(line.trimming(" "))
            if command.isEmpty {
                if l.isEmpty { continue }
                l = ShellPrompt.strip(l)
                guard l.hasPrefix("curl ") else { return nil }
            }
            let continued = l.hasSuffix("\\")
            command += " " + (continued ? l.dropLast() : l)
            if !continued { break }
        }
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.trimmingQuotes() }
        var method: String?
        var url: Substring?
        var sendsData = false
        var head = false
        for (k, w) in words.enumerated() {
            if (w == "-X" || w == "--request"), k + 1 < words.count { method = words[k + 1].uppercased() }
            else if w.hasPrefix("-X"), w.count > 2 { method = String(w.dropFirst(2)).uppercased() }
            else if ["-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-F", "--form", "--json"].contains(w) { sendsData = true }
            else if w == "-I" || w == "--head" { head = true }
            else if url == nil, w.hasPrefix("http://") || w.hasPrefix("https://") { url = w }
            else if w == "--url", k + 1 < words.count { url = words[k + 1] }
        }
        guard var target = url else { return nil }
        var queryNames: [String] = []
        if let cut = target.firstIndex(where: { $0 == "?" || $0 == "&" }) {
            for pair in target[target.index(after: cut)...].split(separator: "&") {
                let name = String(pair.prefix { $0 != "=" })
                if ParameterTable.isIdentifierLike(name), !queryNames.contains(name) { queryNames.append(name) }
            }
            target = target[..<cut]
        }
        let m = method ?? (head ? "HEAD" : sendsData ? "POST" : "GET")
        guard HTTPMethod.isValid(m), var sig = SignatureReader.signature(method: m, target: target) else { return nil }
        sig.queryNames += queryNames.filter { !sig.queryNames.contains($0) }
        return sig
    }

    /// The absolute URL of a line that is one HTML element using it in a `src` or `href` attribute
    /// (`<img src="https://picsum.photos/200/300?random=1">`, `<a href="https://h/x">`); nil otherwise.
    static func markupURL(_ line: String) -> String? {
        guard line.hasPrefix("<"), line.hasSuffix(">"), line.filter({ $0 == "<" }).count <= 2 else { return nil }
        for attribute in ["src=\"", "href=\"", "src='", "href='"] {
            guard let r = line.firstRange(of: attribute) else { continue }
            let quote = attribute.last!
            let value = line[r.upperBound...].prefix { $0 != quote }
            if value.hasPrefix("http://") || value.hasPrefix("https://") { return String(value) }
        }
        return nil
    }

    /// Whether the line's scheme is a `{{ … }}` template (its spaces are inside the template).
    static func templated(_ line: String) -> Bool { line.hasPrefix("{{") }

    /// `scheme://host/path?query`: the scheme `http`, `https` or a template (`{{ request.scheme }}`),
    /// the host literal or templated; no spaces outside templates.
    public static func url(_ line: Substring) -> Signature? {
        guard let sep = line.firstRange(of: "://") else { return nil }
        let scheme = line[..<sep.lowerBound]
        let schemeOK = scheme == "http" || scheme == "https" || (scheme.hasPrefix("{{") && scheme.hasSuffix("}}"))
        guard schemeOK else { return nil }
        var i = sep.upperBound
        // The host: literal characters or `{{ … }}` templates, up to the first `/` outside a template.
        while i < line.endIndex, line[i] != "/" {
            if line[i...].hasPrefix("{{"), let close = line[i...].firstRange(of: "}}") { i = close.upperBound; continue }
            guard line[i] != " ", line[i] != "?" else { return nil }
            i = line.index(after: i)
        }
        guard i > sep.upperBound else { return nil }
        var rest = line[i...]
        if let blank = rest.firstIndex(where: { $0 == " " || $0 == "\u{A0}" }) {
            // Only a one-word label may follow (a copy button's); anything else is prose.
            guard rest[blank...].split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).count <= 1,
                  rest[blank...].allSatisfy({ $0.isLetter || $0 == " " || $0 == "\u{A0}" }) else { return nil }
            rest = rest[..<blank]
        }
        let host = line[..<i]
        var target = rest
        var queryNames: [String] = []
        if let q = rest.firstIndex(of: "?") {
            target = rest[..<q]
            for pair in rest[rest.index(after: q)...].split(separator: "&") {
                let name = String(pair.prefix { $0 != "=" })
                if ParameterTable.isIdentifierLike(name), !queryNames.contains(name) { queryNames.append(name) }
            }
        }
        if target.isEmpty { target = "/" }
        guard var sig = SignatureReader.signature(method: "GET", target: target) else { return nil }
        sig.baseURL = host.contains("{{") ? "" : String(host)
        sig.queryNames = queryNames
        sig.methodImplied = true
        return sig
    }

    /// The concrete URL an example line shows (`http https://swapi.dev/api/people/1/`,
    /// `curl https://host/x`), its path only; nil when the line holds none.
    public static func examplePath(_ code: String) -> String? {
        guard let first = code.split(separator: "\n").first else { return nil }
        for word in first.split(separator: " ") {
            let w = word.filter { $0 != "\"" && $0 != "'" }
            if w.hasPrefix("http://") || w.hasPrefix("https://"), let s = url(Substring(w)) { return s.path }
        }
        return nil
    }

    /// Whether a concrete path (`/api/people/1/`) is an instance of a template (`/people/{id}/`),
    /// the concrete one allowed a longer prefix (the base URL's path).
    public static func matches(concrete: String, template: String) -> Bool {
        let c = concrete.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let t = template.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard c.count >= t.count, !t.isEmpty else { return false }
        for (a, b) in zip(c.suffix(t.count), t) {
            if b.hasPrefix("{") && b.hasSuffix("}") { if a.isEmpty { return false } } else if a != b { return false }
        }
        return true
    }
}


extension Substring {
    /// Without one pair of surrounding quotes (`"x"`, `'x'`).
    func trimmingQuotes() -> Substring {
        if count >= 2, let f = first, f == "\"" || f == "'", last == f { return dropFirst().dropLast() }
        return self
    }
}
