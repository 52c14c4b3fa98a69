import APIModel

/// Reads a JSON Schema (a blueprint's `+ Schema` section) into a model type: `type` (also a list
/// with `"null"` → nullable), `properties` with `required`, `items`, string `enum`, `format`,
/// local `$ref` (`#/definitions/X`, `#/components/schemas/X`), and the first non-null option of
/// `anyOf`/`oneOf`; `allOf` merges its objects. A schema that refers to itself is cut to a
/// free-form object at the repetition.
///
/// For example: `{"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}`
/// → `.object([Field(name: "id", type: .integer, required: true)])`.
struct JSONSchemaTypes {
    let root: JSONNode
    static let maxDepth = 24

    init(_ root: JSONNode) { self.root = root }

    static func member(_ node: JSONNode, _ key: String) -> JSONNode? {
        guard case .object(let members) = node else { return nil }
        return members.first { $0.0 == key }?.1
    }

    static func string(_ node: JSONNode?) -> String? {
        if case .string(let s)? = node { return s }
        return nil
    }

    static func strings(_ node: JSONNode?) -> [String] {
        guard case .array(let xs)? = node else { return [] }
        return xs.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }

    func type() -> TypeRef { type(of: root, refs: [], depth: 0).0 }

    /// The type a JSON value describes when it is a JSON Schema document rather than an example of
    /// one: it has a `$schema` key, or it is `{"type": "object", "properties": {…}}` whose every
    /// property is a schema object, or `{"type": "array", "items": {…}}` whose items are one.
    ///
    /// For example: `{"type": "object", "properties": {"id": {"type": "integer"}}}` → an object with
    /// `id`; `{"type": "user", "properties": {"a": 1}}` (an example) → nil.
    static func documentType(_ node: JSONNode) -> TypeRef? {
        guard case .object(let members) = node else { return nil }
        if members.contains(where: { $0.0 == "$schema" }) { return JSONSchemaTypes(node).type() }
        return isSchema(node, depth: 0) ? JSONSchemaTypes(node).type() : nil
    }

    static func isSchema(_ node: JSONNode, depth: Int) -> Bool {
        guard depth < maxDepth, case .object = node else { return false }
        if string(member(node, "$ref")) != nil { return depth > 0 }
        for key in ["allOf", "anyOf", "oneOf"] { if case .array(let xs)? = member(node, key), !xs.isEmpty { return xs.allSatisfy { isSchema($0, depth: depth + 1) || depth > 0 } } }
        switch string(member(node, "type")) {
        case "object"?:
            guard case .object(let props)? = member(node, "properties") else { return depth > 0 }
            return !props.isEmpty && props.allSatisfy { isSchema($0.1, depth: depth + 1) }
        case "array"?:
            guard let items = member(node, "items") else { return depth > 0 }
            return isSchema(items, depth: depth + 1)
        case "string"?, "integer"?, "number"?, "boolean"?, "null"?: return depth > 0
        default:
            // `{"type": ["string", "null"]}`; a property schema without a type (`{"description": "…"}`).
            if !strings(member(node, "type")).isEmpty { return depth > 0 }
            return depth > 0 && member(node, "type") == nil && (member(node, "description") != nil || member(node, "properties") != nil)
        }
    }

    /// The type of one schema and whether it allows `null`.
    func type(of schema: JSONNode, refs: [String], depth: Int) -> (TypeRef, Bool) {
        guard depth < Self.maxDepth, case .object = schema else { return (.any, false) }
        if let ref = Self.string(Self.member(schema, "$ref")) {
            guard !refs.contains(ref), let target = resolve(ref) else { return (.map(.any), false) }
            return type(of: target, refs: refs + [ref], depth: depth + 1)
        }
        for key in ["anyOf", "oneOf"] {
            if case .array(let options)? = Self.member(schema, key) {
                let nullable = options.contains { Self.string(Self.member($0, "type")) == "null" }
                if let first = options.first(where: { Self.string(Self.member($0, "type")) != "null" }) {
                    let (t, n) = type(of: first, refs: refs, depth: depth + 1)
                    return (t, n || nullable)
                }
            }
        }
        if case .array(let parts)? = Self.member(schema, "allOf") {
            var fields: [Field] = []
            for part in parts {
                if case .object(let f) = type(of: part, refs: refs, depth: depth + 1).0 { fields += f.filter { f in !fields.contains { $0.name == f.name } } }
            }
            return (.object(fields), false)
        }
        var typeName = Self.string(Self.member(schema, "type"))
        var nullable = false
        let typeList = Self.strings(Self.member(schema, "type"))
        if !typeList.isEmpty {
            nullable = typeList.contains("null")
            typeName = typeList.first { $0 != "null" }
        }
        if typeName == nil {
            if Self.member(schema, "properties") != nil { typeName = "object" } else if Self.member(schema, "items") != nil { typeName = "array" }
        }
        let format = Self.string(Self.member(schema, "format"))
        switch typeName {
        case "object"?:
            guard case .object(let props)? = Self.member(schema, "properties") else {
                if let extra = Self.member(schema, "additionalProperties"), case .object = extra {
                    return (.map(type(of: extra, refs: refs, depth: depth + 1).0), nullable)
                }
                return (.map(.any), nullable)
            }
            let required = Set(Self.strings(Self.member(schema, "required")))
            let fields = props.map { name, sub -> Field in
                let (t, n) = type(of: sub, refs: refs, depth: depth + 1)
                let values = Self.strings(Self.member(sub, "enum"))
                return Field(name: name, type: t, required: required.contains(name), nullable: n,
                             description: Self.string(Self.member(sub, "description")) ?? "",
                             enumValues: values.isEmpty || t != .string ? nil : values)
            }
            return (.object(fields), nullable)
        case "array"?:
            let items = Self.member(schema, "items").map { type(of: $0, refs: refs, depth: depth + 1).0 } ?? .any
            return (.array(items), nullable)
        case "string"?: return (.primitive(.string, format: format), nullable)
        case "integer"?: return (.primitive(.integer, format: format), nullable)
        case "number"?: return (.primitive(.number, format: format), nullable)
        case "boolean"?: return (.boolean, nullable)
        default: return (.any, nullable)
        }
    }

    /// A local JSON pointer (`#/definitions/Note`).
    func resolve(_ ref: String) -> JSONNode? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for part in ref.dropFirst().split(separator: "/") {
            let key = String(part).split(separator: "~1", omittingEmptySubsequences: false).joined(separator: "/")
                .split(separator: "~0", omittingEmptySubsequences: false).joined(separator: "~")
            guard let next = Self.member(node, key) else { return nil }
            node = next
        }
        return node
    }
}
