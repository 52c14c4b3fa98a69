/// OpenAPI objects a component carries as JSX props (docusaurus-plugin-openapi-docs v3 and later:
/// `<RequestSchema body={{"content": {"application/json": {"schema": {…}}}}}>`,
/// `<StatusCodes responses={{"200": {"description": …, "content": {…}}, "404": {…}}}>`), read as
/// the captions and JSON Schema blocks a page would show: `Request body:` and the schema, then
/// `Response 200:` and its schema for each status.
///
/// For example: `responses={{"201": {"content": {"application/json": {"schema": {"type": "object", …}}}}, "404": {"description": "x"}}}`
/// → `("201", schema text)`, `("404", nil)`.
public enum OpenAPIProps {
    /// The schema of a request body object (`{"required": true, "content": {…}}`), as JSON text.
    public static func requestSchema(_ json: String) -> String? {
        guard let body = ComponentEvidence.parse(json) else { return nil }
        return mediaSchema(body).map(text)
    }

    /// Each status of a responses object, with its JSON schema when it has one.
    public static func responses(_ json: String) -> [(status: String, schema: String?)] {
        guard case .object(let members)? = ComponentEvidence.parse(json) else { return [] }
        return members.compactMap { key, value in
            let status = key.uppercased() == "DEFAULT" ? nil : key
            guard let status, status.count == 3, status.allSatisfy({ $0.isNumber || $0 == "X" }) else { return nil }
            return (status, mediaSchema(value).map(text))
        }
    }

    /// `content` → the JSON media type (else the first) → `schema`.
    static func mediaSchema(_ node: JSONNode) -> JSONNode? {
        guard case .object(let content)? = JSONSchemaTypes.member(node, "content"), !content.isEmpty else { return nil }
        let media = content.first { JSONMediaType.isJSON($0.0) } ?? content[0]
        return JSONSchemaTypes.member(media.1, "schema")
    }

    /// A JSON value written back as text; numbers and booleans keep their kind, not their value
    /// (`0`, `0.5`, `true`), which is all a schema's structure needs.
    static func text(_ node: JSONNode) -> String {
        switch node {
        case .object(let members): return "{" + members.map { quoted($0.0) + ": " + text($0.1) }.joined(separator: ", ") + "}"
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .string(let s): return quoted(s)
        case .integer: return "0"
        case .double: return "0.5"
        case .bool: return "true"
        case .null: return "null"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}
