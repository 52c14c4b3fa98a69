import APIModel

/// Signature detection: `GET /a/(string: x)/` on one line (HTML `<dt>`, the text builder), or `GET`
/// then path parts on the lines after it (a Sphinx signature copied out of a browser), ending at the
/// `¶ description` line. Every httpdomain directive's method is read, `http:any` and `http:copy`
/// included; an absolute URL keeps only its path.
///
/// For example: `DELETE /users/<int:user_id>` → method `DELETE`, raw path `/users/<int:user_id>`.
enum SphinxSignatures {
    struct Signature {
        var method: String
        var rawPath: String
        var line: Int
        /// Index of the signature's first line and of the first line after it.
        var start: Int
        var next: Int
        /// Written with a scheme and host (`GET http://host/v1/x`): httpdomain directives never are, so on a
        /// page that has the templated signature such a line matches, it is an example request.
        var absolute = false
    }

    /// httpdomain's directives: `http:get` … `http:any` (and `http:query` of 2.x).
    static let methods: Set<String> = HTTPMethod.all.union(["ANY", "COPY", "CONNECT", "QUERY"])

    static func find(_ lines: [SourceLine]) -> [Signature] {
        var out: [Signature] = []
        var i = 0
        while i < lines.count {
            if let s = at(lines, i) { out.append(s); i = s.next } else { i += 1 }
        }
        return out
    }

    static func at(_ lines: [SourceLine], _ i: Int) -> Signature? {
        guard !lines[i].isCode else { return nil }
        let text = lines[i].text.hasPrefix("- ") ? String(lines[i].text.dropFirst(2)) : lines[i].text
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, methods.contains(String(first)) else { return nil }
        if parts.count == 2 {
            var rest = parts[1].trimming(" ")
            // A browser copy keeps the permalink sign after the signature.
            if rest.hasSuffix("¶") { rest = String(rest.dropLast()).trimming(" ") }
            let absolute = rest.hasPrefix("http://") || rest.hasPrefix("https://")
            if absolute {
                let afterHost = rest.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }
                rest = afterHost.isEmpty ? "/" : String(afterHost)
            }
            guard rest.hasPrefix("/"), !rest.contains("HTTP/1"), !rest.contains(" HTTP/") else { return nil }
            return Signature(method: String(first), rawPath: rest, line: lines[i].line, start: i, next: i + 1, absolute: absolute)
        }
        // Multi-line form: path parts start with "/" or "(", until a line that does not.
        var j = i + 1
        var path = ""
        while j < lines.count, !lines[j].isCode, lines[j].text.hasPrefix("/") || lines[j].text.hasPrefix("(") {
            path += lines[j].text
            j += 1
        }
        guard !path.isEmpty else { return nil }
        return Signature(method: String(first), rawPath: path, line: lines[i].line, start: i, next: j)
    }

    /// The line indices (`start`) of absolute-URL signatures that are example requests of another,
    /// templated signature of the page with the same method.
    static func examplesOfOthers(_ signatures: [Signature]) -> Set<Int> {
        guard signatures.contains(where: \.absolute) else { return [] }
        let templated = signatures.filter { !$0.absolute }.map { ($0.method, template($0.rawPath).path) }
        var out: Set<Int> = []
        for s in signatures where s.absolute {
            let path = template(s.rawPath).path
            if templated.contains(where: { $0.0 == s.method && $0.1 != path && ExampleRequest.matches(template: $0.1, path: path) }) {
                out.insert(s.start)
            }
        }
        return out
    }

    /// The line indices of signature-like lines that are a literal block's first line in the text
    /// builder's output (`   PUT /a/20` then `   {`): directive signatures start at the page's least
    /// signature indentation, or have their body indented under them; an indented line followed by
    /// a line no deeper is an example request.
    ///
    /// For example: `GET /a/(id)` at column 0 and `   DELETE /a/20` followed by prose at column 0 →
    /// the DELETE line's index.
    static func literalBlockLines(_ signatures: [Signature], lines: [SourceLine]) -> Set<Int> {
        let text = signatures.filter { lines[$0.start].termClasses == nil && !lines[$0.start].isCode }
        guard let least = text.map({ lines[$0.start].indent }).min() else { return [] }
        var out: Set<Int> = []
        for s in text where lines[s.start].indent > least && s.next == s.start + 1 {
            let indent = lines[s.start].indent
            if s.next >= lines.count || lines[s.next].indent <= indent { out.insert(s.start) }
        }
        return out
    }

    /// The query string of a signature (`/tile?z=(int:z)&x=(int:x)&resource=(int:id1),(int:id2)...`,
    /// `/export?format=GPKG&srs=4326`): each key is a query parameter (typed when its value is one
    /// typed placeholder); the placeholders inside values (`id1`, `id2`) name parts of a value, not
    /// parameters.
    ///
    /// For example: `/a?z=(int: z)&r=(id1),(id2)` → keys `z` (int) and `r`, placeholders `z`, `id1`, `id2`.
    static func queryString(_ raw: String) -> (keys: [(name: String, type: String)], placeholders: Set<String>) {
        var depth = 0
        var query: Substring?
        for k in raw.indices {
            let c = raw[k]
            if "({<".contains(c) { depth += 1 } else if ")}>".contains(c) { depth = max(0, depth - 1) }
            if c == "?", depth == 0 { query = raw[raw.index(after: k)...]; break }
        }
        guard let query else { return ([], []) }
        var keys: [(String, String)] = []
        var placeholders: Set<String> = []
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = kv[0].trimming(" ")
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "[" || $0 == "]" }) else { continue }
            var type = ""
            if kv.count == 2 {
                let value = kv[1].trimming(" ")
                var names: [(String, String)] = []
                var rest = value[...]
                while let open = rest.firstIndex(where: { "({<".contains($0) }),
                      let close = rest[open...].firstIndex(where: { ")}>".contains($0) }) {
                    let inner = rest[rest.index(after: open)..<close]
                    let parts = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimming(" ") }
                    names.append(parts.count == 2 ? (parts[1], parts[0]) : (parts[0], ""))
                    rest = rest[rest.index(after: close)...]
                }
                for (n, _) in names where !n.isEmpty { placeholders.insert(n) }
                if names.count == 1, value.first.map({ "({<".contains($0) }) == true, value.last.map({ ")}>".contains($0) }) == true { type = names[0].1 }
            }
            if !keys.contains(where: { $0.0 == key }) { keys.append((key, type)) }
        }
        return (keys, placeholders)
    }

    /// Whether the signature after `previous` belongs to the same directive (`.. http:post:: /a` with a
    /// second line `/b`): in HTML, a `<dt>` with no `<dd>` of its own before the next `<dt>`; in text,
    /// the next line, with no blank line between.
    static func sharesBody(_ previous: Signature, _ next: Signature, lines: [SourceLine]) -> Bool {
        guard previous.next == next.start else { return false }
        let last = lines[previous.next - 1]
        if last.termClasses != nil { return last.sharesNextDefinition }
        return previous.start == previous.next - 1 && next.line == last.line + 1
    }

    /// `/a/(string: tenant_id)/b/{x}/<int:y>/` → `/a/{tenant_id}/b/{x}/{y}/` (see `PathSyntax`); spaces
    /// outside a parameter (`/a/ (id)`, from wrapped renderings) are dropped first.
    static func template(_ raw: String) -> PathSyntax.Result {
        var depth = 0
        var compact = ""
        for c in raw {
            if c == "(" || c == "<" || c == "{" { depth += 1 } else if c == ")" || c == ">" || c == "}" { depth = max(0, depth - 1) }
            if c == " ", depth == 0 { continue }
            compact.append(c)
        }
        return PathSyntax.normalise(compact)
    }
}
