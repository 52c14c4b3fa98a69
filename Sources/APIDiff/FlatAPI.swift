import APIModel

/// An API flattened for comparison: operations keyed by method and path shape, fields by dotted path,
/// named types resolved, so docs and OpenAPI (whose type names differ) compare field by field.
///
/// For example: `GET /api/users/{uuid}/` (key `GET /api/users/{}/`) with response field
/// `address.city: string`, owned by Swift type `UserAddress`, property `city`.
struct FlatAPI {
    struct Field: Equatable {
        var type: String
        var required: Bool
        var nullable: Bool
        var enumValues: [String]?
        /// The Swift type that declares the property, and the property name.
        var owner: String
        var property: String
        /// Names of the direct sub-fields, for rename detection.
        var shape: [String]
    }

    struct Body: Equatable {
        var contentType: String
        var required: Bool
        var rootType: String
        var fields: [String: Field]
    }

    struct Parameter: Equatable {
        var location: String
        var type: String
        var required: Bool
        var enumValues: [String]?
    }

    struct Operation {
        var key: String
        var method: String
        var path: String
        var summary: String
        var swiftName: String
        var parameters: [String: Parameter]
        var request: Body?
        /// Status → body (nil: documented without a body).
        var responses: [String: Body?]
    }

    var operations: [String: Operation] = [:]
    /// Whether this side documents response fields' required flags and fields' nullability at all
    /// (MkDocs pages have no Required column for responses and never say nullable): when a side does
    /// not, those rules are skipped rather than reporting every field as changed.
    var documentsResponseRequired = false
    var documentsNullable = false

    /// `METHOD /shape/{}/` keys of operations that share a shape with another operation of the same
    /// version (`/users/{id}/x/` and `/users/{uuid}/x/` both documented): those are keyed by exact path.
    static func ambiguousShapes(_ api: APIDescription) -> Set<String> {
        var counts: [String: Int] = [:]
        for op in api.operations { counts[op.method + " " + shape(op.path), default: 0] += 1 }
        return Set(counts.filter { $0.value > 1 }.keys)
    }

    init(_ api: APIDescription, ambiguous: Set<String> = []) {
        let schemas = Dictionary(api.schemas.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let flattener = Flattener(schemas: schemas)
        for op in api.operations {
            let shapeKey = op.method + " " + Self.shape(op.path)
            let key = ambiguous.contains(shapeKey) ? op.method + " " + op.path : shapeKey
            guard operations[key] == nil else { continue }
            var params: [String: Parameter] = [:]
            for p in op.parameters {
                params[p.location.rawValue + ":" + p.name] = Parameter(location: p.location.rawValue, type: flattener.describe(p.type),
                                                                        required: p.required, enumValues: p.enumValues)
            }
            let request = op.requestBody.map { b in
                Body(contentType: b.contentType, required: b.required, rootType: flattener.describe(b.type),
                     fields: flattener.fields(b.type, owner: Self.ownerName(b.type, fallback: "Body")))
            }
            var responses: [String: Body?] = [:]
            for r in op.responses {
                // `updateValue`: a documented status without a body is kept as `nil`, not dropped.
                responses.updateValue(r.type.map { t in
                    Body(contentType: r.contentType ?? "application/json", required: true, rootType: flattener.describe(t),
                         fields: flattener.fields(t, owner: Self.ownerName(t, fallback: "Response")))
                }, forKey: r.status)
            }
            for body in responses.values.compactMap({ $0 }) where body.fields.values.contains(where: \.required) {
                documentsResponseRequired = true
            }
            if !documentsNullable, (request?.fields.values.contains(where: \.nullable) ?? false)
                || responses.values.contains(where: { $0?.fields.values.contains(where: \.nullable) ?? false }) {
                documentsNullable = true
            }
            operations[key] = Operation(key: key, method: op.method, path: op.path, summary: op.summary,
                                        swiftName: op.swiftName.isEmpty ? Naming.memberName(op.id) : op.swiftName,
                                        parameters: params, request: request, responses: responses)
        }
    }

    /// `/api/users/{uuid}/` → `/api/users/{}/`.
    static func shape(_ path: String) -> String {
        var out = ""
        var depth = 0
        for ch in path {
            if ch == "{" { depth += 1; if depth == 1 { out += "{}" }; continue }
            if ch == "}" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    static func ownerName(_ t: TypeRef, fallback: String) -> String {
        switch t {
        case .ref(let n): return n
        case .array(let i): return ownerName(i, fallback: fallback)
        default: return fallback
        }
    }
}

/// Flattens types through named schemas into dotted field paths (arrays looked through).
struct Flattener {
    let schemas: [String: Schema]

    func describe(_ t: TypeRef) -> String {
        switch t {
        case .primitive(let p, let f): return f.map { "\(p.rawValue) (\($0))" } ?? p.rawValue
        case .array(let i): return "array of " + describe(i)
        case .map: return "object (free-form)"
        case .any: return "any"
        case .object: return "object"
        case .ref(let n):
            guard let s = schemas[n] else { return "object" }
            return s.kind == .enumeration ? "string" : "object"
        }
    }

    func fields(_ t: TypeRef, owner: String, prefix: String = "", depth: Int = 0, seen: Set<String> = []) -> [String: FlatAPI.Field] {
        guard depth < 8 else { return [:] }
        var out: [String: FlatAPI.Field] = [:]
        let (objectFields, ownerName, seen2) = resolveObject(t, owner: owner, seen: seen)
        for f in objectFields {
            let path = prefix + f.name
            let enumValues = f.enumValues ?? enumOf(f.type)
            let sub = resolveObject(f.type, owner: ownerName + Naming.typeName(f.name), seen: seen2)
            out[path] = FlatAPI.Field(type: describe(f.type), required: f.required, nullable: f.nullable, enumValues: enumValues,
                                      owner: ownerName, property: Naming.memberName(f.name), shape: sub.0.map(\.name).sorted())
            if !sub.0.isEmpty {
                out.merge(fields(f.type, owner: sub.1, prefix: path + ".", depth: depth + 1, seen: seen2)) { a, _ in a }
            }
        }
        return out
    }

    func enumOf(_ t: TypeRef) -> [String]? {
        if case .ref(let n) = t, let s = schemas[n], s.kind == .enumeration { return s.enumValues }
        return nil
    }

    /// The fields of an object type (through refs and arrays), the Swift type owning them.
    func resolveObject(_ t: TypeRef, owner: String, seen: Set<String>) -> ([Field], String, Set<String>) {
        switch t {
        case .object(let fs): return (fs, owner, seen)
        case .array(let i): return resolveObject(i, owner: owner, seen: seen)
        case .ref(let n):
            guard !seen.contains(n), let s = schemas[n], s.kind == .object else { return ([], owner, seen) }
            return (s.fields, n, seen.union([n]))
        default: return ([], owner, seen)
        }
    }
}
