import APIModel

/// Reads the RFC 6570 URI templates of API Blueprint resources and actions into a `{name}` path
/// and the names of its query variables. Operators: none and `+` (reserved) and `#` are path
/// expressions (`#` is a fragment and dropped), `.` and `/` are path expressions with their prefix,
/// `?` and `&` are query expressions; `;` (path-style parameters) is read as query variables.
/// Modifiers `*` (explode) and `:n` (prefix) are removed from names. A literal query
/// (`/notes?limit={limit}`) gives its variables as query parameters, named by their key
/// (`/shows?title={query}` → query `title`).
///
/// For example: `/notes/{id}{?limit,tags*}{&page}` → path `/notes/{id}`, query `limit`, `tags`, `page`;
/// `/files/{+path}` → `/files/{path}`.
enum URITemplate {
    struct Parsed: Hashable, Sendable {
        var path: String
        var pathVariables: [String]
        var queryVariables: [String]
        /// Variables with the explode modifier (`{tags*}`): they take a list.
        var exploded: Set<String>
        /// Text that is not a well-formed template (an unclosed `{`), for a diagnostic.
        var problems: [String]
        /// Literal query keys whose value is one variable (`?title={query}`): key → variable. The
        /// query parameter is the key; the variable's description documents it too.
        var queryKeyVariables: [String: String] = [:]
    }

    static func parse(_ raw: String) -> Parsed {
        var out = Parsed(path: "", pathVariables: [], queryVariables: [], exploded: [], problems: [])
        let chars = Array(raw.trimming(" "))
        var i = 0
        var inLiteralQuery = false
        var literalKey = ""
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                guard let close = chars[i...].firstIndex(of: "}") else {
                    out.problems.append("'{' without a closing '}' in \(raw)")
                    break
                }
                let body = String(chars[(i + 1)..<close])
                let variable = body.trimming(" ")
                if inLiteralQuery, literalKey.hasSuffix("="), literalKey.count > 1, !variable.isEmpty,
                   variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                    // `?title={query}`: the parameter sent is `title`.
                    let key = String(literalKey.dropLast())
                    if !out.queryVariables.contains(key) { out.queryVariables.append(key) }
                    if key != variable { out.queryKeyVariables[key] = variable }
                } else {
                    expression(body, literalQuery: inLiteralQuery, into: &out)
                }
                literalKey = ""
                i = close + 1
                continue
            }
            if c == "?" || c == "&" || c == "#" { literalKey = "" } else if inLiteralQuery { literalKey.append(c) }
            if c == "?" || c == "#" { inLiteralQuery = true }
            if !inLiteralQuery, c != " " { out.path.append(c) }
            i += 1
        }
        if out.path.isEmpty { out.path = "/" }
        if !out.path.hasPrefix("/") { out.path = "/" + out.path }
        return out
    }

    /// One `{…}` expression: its operator, then comma-separated variables.
    static func expression(_ body: String, literalQuery: Bool, into out: inout Parsed) {
        var text = Substring(body)
        var op: Character = " "
        if let first = text.first, "+#./;?&".contains(first) { op = first; text = text.dropFirst() }
        for spec in text.split(separator: ",") {
            var name = String(spec).trimming(" ")
            if name.hasSuffix("*") { name.removeLast(); out.exploded.insert(name) }
            if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
            guard !name.isEmpty else { continue }
            if literalQuery || op == "?" || op == "&" || op == ";" {
                if !out.queryVariables.contains(name) { out.queryVariables.append(name) }
                continue
            }
            if op == "#" { continue }
            if op == "." || op == "/" { out.path.append(op) }
            out.path += "{" + name + "}"
            if !out.pathVariables.contains(name) { out.pathVariables.append(name) }
        }
    }

    /// The template with literal path-parameter syntaxes other than RFC 6570 turned into variables:
    /// `/permissions/:permission_id` (Express style, which many blueprints write) and the other forms
    /// `PathSyntax` reads. The path's variables are listed in path order.
    ///
    /// For example: `/circles/:circle_id/members{?page}` → path `/circles/{circle_id}/members`,
    /// path variable `circle_id`, query `page`.
    static func parseReadingOtherPathSyntax(_ raw: String) -> Parsed {
        var parsed = parse(raw)
        let normal = PathSyntax.normalise(parsed.path).path
        guard normal != parsed.path, !normal.isEmpty else { return parsed }
        var names: [String] = []
        var rest = Substring(normal)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        parsed.path = normal
        parsed.pathVariables = names
        return parsed
    }
}
