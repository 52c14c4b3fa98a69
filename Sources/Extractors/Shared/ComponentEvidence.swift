import APIModel
import DocTree

/// What component markup says about an operation, read from one tag: a signature
/// (`<MethodEndpoint method={"get"} path={"/x"}>`, `<Api method="post" url="/x">`, an `api` /
/// `openapi` attribute holding `METHOD /path`) or a parameter or field
/// (`<ParamField path="id" type="string" required>`, `<ResponseField name="x" type="y">`,
/// `<ParamsItem param={{"name": "id", "in": "path", …}}>`, `<SchemaItem name={"x"} schemaName={"string"}>`).
///
/// For example: `<ParamField query="limit" type="integer">` → `limit`, query, integer.
public enum ComponentEvidence {
    /// Attributes that hold the path of a signature beside a `method` attribute.
    static let pathAttributes = ["path", "url", "endpoint", "route", "uri", "href"]
    /// Attributes that name a parameter by its place (Mintlify `ParamField`).
    static let locationAttributes = ["path", "query", "body", "header", "cookie", "form"]

    /// `METHOD path` text for a tag that names an operation.
    public static func signatureText(_ tag: ComponentTag) -> String? {
        guard !tag.isEnd else { return nil }
        if let m = tag.attribute("method") ?? tag.attribute("verb"), let method = SignatureReader.method(Substring(m.uppercased())) {
            for a in pathAttributes {
                if let p = tag.attribute(a), !p.isEmpty, SignatureReader.signature(method: method, target: Substring(p)) != nil { return method + " " + p }
            }
        }
        for a in ["api", "openapi", "endpoint", "signature"] {
            if let v = tag.attribute(a), let s = signatureIn(v) { return s }
        }
        return nil
    }

    /// A `METHOD /path` in a value, possibly after a spec file name (`openapi.json GET /users`).
    public static func signatureIn(_ value: String) -> String? {
        let words = value.split(separator: " ")
        for (i, w) in words.enumerated() where i + 1 < words.count && w == w.uppercased() {
            guard let m = SignatureReader.method(w) else { continue }
            let text = m + " " + words[i + 1]
            if SignatureReader.read(text) != nil { return text }
        }
        return nil
    }

    /// Whether a tag's name says it documents a response (`ResponseField`, `ResponseSchema`).
    static func namesResponse(_ name: String) -> Bool { name.lowercased().contains("response") && !name.lowercased().contains("example") }

    /// The parameter or field a start tag documents, with where it goes when the tag says so.
    public static func field(_ tag: ComponentTag, line: Int) -> (DocumentedName, SectionContext?)? {
        guard !tag.isEnd else { return nil }
        if let json = tag.attribute("param"), let n = openAPIParameter(json, line: line) { return (n, nil) }
        let lowerName = tag.name.lowercased()
        var name: String?
        var location: String?
        for a in locationAttributes {
            if let v = tag.attribute(a), ParameterTable.isIdentifierLike(v) { name = v; location = a == "form" ? "form" : a; break }
        }
        let fieldLike = ["field", "param", "property", "attribute", "arg", "schemaitem", "prop"].contains { lowerName.contains($0) }
        if name == nil, let n = tag.attribute("name"), ParameterTable.isIdentifierLike(n),
           fieldLike || tag.attribute("type") != nil || tag.attribute("schemaName") != nil {
            name = n
            if let i = tag.attribute("in") { location = ParameterTable.normalisedLocation(i) }
        }
        guard let name, fieldLike || location != nil else { return nil }
        var typeText = tag.attribute("type") ?? tag.attribute("schemaName") ?? ""
        if typeText.isEmpty, let schema = tag.attribute("schema"), let t = schemaType(schema) { typeText = t }
        let required = tag.flag("required") ?? (tag.flag("optional").map { !$0 })
        let description = tag.attribute("description") ?? ""
        let context: SectionContext? = namesResponse(tag.name) ? .responseFields : nil
        return (DocumentedName(name: name, type: LenientType.parse(typeText), required: required, location: location,
                               description: description, line: line), context)
    }

    /// The OpenAPI parameter objects of a `parameters={[…]}` prop (docusaurus-plugin-openapi-docs v3 `ParamsDetails`).
    public static func parameterList(_ tag: ComponentTag, line: Int) -> [DocumentedName] {
        guard let text = tag.attribute("parameters"), text.hasPrefix("[") else { return [] }
        let bytes = Array(text.utf8)
        var out: [DocumentedName] = []
        var i = 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let end = ComponentMarkup.braceEnd(bytes, from: i) {
                if let n = openAPIParameter(String(decoding: bytes[i...end], as: UTF8.self), line: line) { out.append(n) }
                i = end + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// An OpenAPI parameter object written as a JSX prop (`{"name":"id","in":"path","required":true,"schema":{"type":"string"}}`).
    static func openAPIParameter(_ json: String, line: Int) -> DocumentedName? {
        guard case .object(let members)? = parse(json) else { return nil }
        var name = "", location: String?, required: Bool?, description = "", type = ""
        for (k, v) in members {
            switch (k, v) {
            case ("name", .string(let s)): name = s
            case ("in", .string(let s)): location = ParameterTable.normalisedLocation(s)
            case ("required", .bool): required = json.contains("\"required\":true") || json.contains("\"required\": true")
            case ("description", .string(let s)): description = s
            case ("schema", .object(let schema)):
                if case .string(let t)? = schema.first(where: { $0.0 == "type" })?.1 { type = t }
            default: break
            }
        }
        guard ParameterTable.isIdentifierLike(name) else { return nil }
        return DocumentedName(name: name, type: LenientType.parse(type), required: required, location: location, description: description, line: line)
    }

    /// `{"type":"integer","format":"int64"}` → `integer`.
    static func schemaType(_ json: String) -> String? {
        guard case .object(let members)? = parse(json), case .string(let t)? = members.first(where: { $0.0 == "type" })?.1 else { return nil }
        return t
    }

    static func parse(_ json: String) -> JSONNode? {
        var p = TolerantJSON(Substring(json))
        return try? p.parseValue().0
    }
}
