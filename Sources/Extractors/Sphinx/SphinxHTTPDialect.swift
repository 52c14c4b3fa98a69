import APIModel
import DocTree

/// Reads Sphinx `sphinxcontrib-httpdomain` pages (as HTML or as their plain-text rendering):
/// signatures `METHOD /path/(string: name)/…` (one line, or one line per part), descriptions,
/// `Authorization Right(s)`, "Example request:"/"Example response:" HTTP messages with JSON bodies,
/// field lists (Request/Response JSON Object, Query Parameters, Request/Response Headers, Status Codes
/// with sub-error codes), `(Required)`/`(Optional)`/`(Always)`/`(Conditional)` markers, enum values in
/// prose, "use null to remove" → nullable, attribute tables, and "Similar to GET … response".
///
/// For example: seed `003_*.txt` gives 6 operations with `tenant_id`, `group_id` and
/// `call_capacity_name` path parameters.
public struct SphinxHTTPDialect: Dialect {
    public let name = "sphinx-httpdomain"
    public init() {}

    public func recognise(_ document: Document) -> (score: Int, reason: String) {
        let lines = LineFlattener.lines(document.blocks)
        let signatures = SphinxSignatures.find(lines).count
        let markers = lines.filter { l in
            let t = SphinxSections.header(l.text)
            return t != nil
        }.count
        if signatures > 0 && markers > 0 {
            return (50, "has \(signatures) httpdomain signature(s) and \(markers) field-list or example header(s)")
        }
        return (0, "")
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let lines = LineFlattener.lines(document.blocks)
        var reader = SphinxPageReader(file: document.file, lines: lines, diagnostics: diagnostics)
        let ops = reader.read()
        guard !ops.isEmpty else { return nil }
        let title = lines.first.map { $0.text.trimming("¶").trimming(" ") } ?? document.file
        let resource = Resource(name: document.file, title: title, provenance: document.location(lines.first?.line ?? 1))
        return PageExtraction(resource: resource, operations: ops, dialect: name, reason: "")
    }
}

/// Signature detection: `GET /a/(string: x)/` on one line, or `GET` then path parts on the lines
/// after it (a Sphinx signature rendered as text), ending at the `¶ description` line.
enum SphinxSignatures {
    struct Signature {
        var method: String
        var rawPath: String
        var line: Int
        /// Index of the first line after the signature.
        var next: Int
    }

    static func find(_ lines: [SourceLine]) -> [Signature] {
        var out: [Signature] = []
        var i = 0
        while i < lines.count {
            if let s = at(lines, i) { out.append(s); i = s.next } else { i += 1 }
        }
        return out
    }

    static func at(_ lines: [SourceLine], _ i: Int) -> Signature? {
        let text = lines[i].text.hasPrefix("- ") ? String(lines[i].text.dropFirst(2)) : lines[i].text
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, HTTPMethod.isValid(String(first)) else { return nil }
        if parts.count == 2 {
            let rest = parts[1].trimming(" ")
            guard rest.hasPrefix("/"), !rest.contains("HTTP/1"), !rest.contains(" HTTP/") else { return nil }
            return Signature(method: String(first), rawPath: rest, line: lines[i].line, next: i + 1)
        }
        // Multi-line form: path parts start with "/" or "(", until a line that does not.
        var j = i + 1
        var path = ""
        while j < lines.count, lines[j].text.hasPrefix("/") || lines[j].text.hasPrefix("(") {
            path += lines[j].text
            j += 1
        }
        guard !path.isEmpty else { return nil }
        return Signature(method: String(first), rawPath: path, line: lines[i].line, next: j)
    }

    /// `/a/(string: tenant_id)/b/{x}/<int:y>/` → `/a/{tenant_id}/b/{x}/{y}/`.
    static func template(_ raw: String) -> String {
        var out = ""
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            if c == "(" || c == "<" || c == "{", let close = raw[i...].firstIndex(of: c == "(" ? ")" : c == "<" ? ">" : "}") {
                var inner = raw[raw.index(after: i)..<close]
                if let colon = inner.lastIndex(of: ":") { inner = inner[inner.index(after: colon)...] }
                out += "{" + String(inner).trimming(" ") + "}"
                i = raw.index(after: close)
                continue
            }
            if c == " " { i = raw.index(after: i); continue }
            out.append(c)
            i = raw.index(after: i)
        }
        return out
    }
}

/// The section headers of an httpdomain operation body, normalised.
enum SphinxSections {
    enum Kind: String {
        case exampleRequest, exampleResponse, requestJSON, responseJSON, queryParameters, requestHeaders, responseHeaders,
             statusCodes, response, parameters
    }

    static func header(_ text: String) -> Kind? {
        var t = text
        if t.hasPrefix("- ") { t.removeFirst(2) }
        guard t.hasSuffix(":") else { return nil }
        t.removeLast()
        switch t.lowercased() {
        case "example request": return .exampleRequest
        case "example response": return .exampleResponse
        case "request json object", "request json array of objects": return .requestJSON
        case "response json object", "response json array of objects": return .responseJSON
        case "query parameters": return .queryParameters
        case "request headers": return .requestHeaders
        case "response headers": return .responseHeaders
        case "status codes": return .statusCodes
        case "response": return .response
        case "parameters": return .parameters
        default: return nil
        }
    }
}
