import APIModel
import DocTree

/// Hoists inline objects and string enums into named schemas, de-duplicating identical shapes.
///
/// Works bottom-up: nested objects first, so two parents with equal children get equal keys.
/// Every distinct shape becomes a group with naming hints; names are chosen after all groups are
/// known (highest-scoring hint first, then parent name + field name, then a number suffix).
///
/// For example: the list, retrieve, create and update responses of seed 000 are one group, named
/// `CallAssignmentConfiguration` from the SDK body name `CallAssignmentConfigurationRequest`.
struct SchemaHoister {
    struct Hint: Comparable {
        var score: Int
        var name: String
        static func < (a: Hint, b: Hint) -> Bool { (-a.score, a.name) < (-b.score, b.name) }
    }

    final class Group {
        let id: Int
        let key: String
        var kind: Schema.Kind
        var fields: [Field] = []
        var enumValues: [String] = []
        var hints: [Hint] = []
        var documentedNames: Set<String> = []
        /// (parent group, field name) pairs for nested shapes.
        var parents: [(Int, String)] = []
        var resource = ""
        var provenance: SourceLocation?
        var name = ""
        init(id: Int, key: String, kind: Schema.Kind) { self.id = id; self.key = key; self.kind = kind }
    }

    var groups: [Group] = []
    var byKey: [String: Int] = [:]

    mutating func hoist(_ operations: inout [Operation]) -> [Schema] {
        for i in operations.indices {
            var op = operations[i]
            if var body = op.requestBody {
                let documented = body.documentedName
                var hints: [Hint] = []
                if let d = documented {
                    // `PatchedXRequest` is the SDK's partial-update twin of `XRequest`: prefer the plain name.
                    hints.append(Hint(score: d.hasPrefix("Patched") ? 95 : 100, name: Naming.typeName(d)))
                }
                hints.append(Hint(score: 30, name: Naming.typeName(op.id) + "Request"))
                if ["POST", "PUT", "PATCH"].contains(op.method), isCRUD(op),
                   let segment = op.path.split(separator: "/").last(where: { !$0.hasPrefix("{") }) {
                    let base = Naming.singular(Naming.typeName(String(segment)))
                    hints.append(Hint(score: 40, name: (op.method == "PATCH" ? "Patched" : "") + base + "Request"))
                }
                body.type = hoistTop(body.type, hints: hints, documented: documented, resource: op.resource, at: body.provenance)
                op.requestBody = body
            }
            for r in op.responses.indices {
                guard let type = op.responses[r].type else { continue }
                var hints = responseHints(op, type: type)
                let documented = op.responses[r].documentedName
                if let d = documented { hints.append(Hint(score: 100, name: Naming.typeName(d))) }
                op.responses[r].type = hoistTop(type, hints: hints, documented: documented, resource: op.resource, at: op.responses[r].provenance)
            }
            operations[i] = op
        }
        nameGroups()
        let names = Dictionary(uniqueKeysWithValues: groups.map { ("#\($0.id)", $0.name) })
        for i in operations.indices {
            if var body = operations[i].requestBody { body.type = rename(body.type, names); operations[i].requestBody = body }
            for r in operations[i].responses.indices {
                operations[i].responses[r].type = operations[i].responses[r].type.map { rename($0, names) }
            }
        }
        return groups.map { g in
            Schema(name: g.name, kind: g.kind, fields: g.fields.map { renameField($0, names) }, enumValues: g.enumValues,
                   resource: g.resource, documentedNames: g.documentedNames.filter { $0 != g.name }.sorted(), provenance: g.provenance)
        }.sorted { $0.name < $1.name }
    }

    /// Names for a response body: the SDK body name without `Request`/`Patched` when the response
    /// repeats the body's fields; the resource's singular for its CRUD operations; else the operation.
    func responseHints(_ op: Operation, type: TypeRef) -> [Hint] {
        var hints = [Hint(score: 10, name: Naming.typeName(op.id) + "Response")]
        let responseFields = Set(objectFields(type).map(\.name))
        if let d = op.requestBody?.documentedName, case .object(let bodyFields) = op.requestBody!.type {
            var base = d
            if base.hasPrefix("Patched") { base = String(base.dropFirst("Patched".count)) }
            if base.hasSuffix("Request") { base = String(base.dropLast("Request".count)) }
            if !base.isEmpty, !bodyFields.isEmpty, Set(bodyFields.map(\.name)).isSubset(of: responseFields) {
                hints.append(Hint(score: 80, name: Naming.typeName(base)))
            }
        }
        if isCRUD(op) {
            // The collection's name: the last literal path segment (`call_capacities` → `CallCapacity`),
            // then the page's title.
            if let segment = op.path.split(separator: "/").last(where: { !$0.hasPrefix("{") }) {
                hints.append(Hint(score: 50, name: Naming.singular(Naming.typeName(String(segment)))))
            }
            hints.append(Hint(score: 45, name: Naming.singular(op.resource)))
        }
        return hints
    }

    func objectFields(_ type: TypeRef) -> [Field] {
        switch type {
        case .object(let f): return f
        case .array(let t): return objectFields(t)
        default: return []
        }
    }

    /// Collection `GET`/`POST` on `…/x/`, item `GET`/`PUT`/`PATCH` on `…/x/{id}/` (parents may have parameters).
    func isCRUD(_ op: Operation) -> Bool {
        let segments = op.path.split(separator: "/")
        guard let last = segments.last else { return false }
        if last.hasPrefix("{") {
            return segments.count >= 2 && !segments[segments.count - 2].hasPrefix("{") && ["GET", "PUT", "PATCH"].contains(op.method)
        }
        return ["GET", "POST"].contains(op.method)
    }

    mutating func hoistTop(_ type: TypeRef, hints: [Hint], documented: String?, resource: String, at location: SourceLocation?) -> TypeRef {
        switch type {
        case .object(let fields):
            let id = hoistObject(fields, extraKey: "", resource: resource, at: location)
            groups[id].hints.append(contentsOf: hints)
            if let documented { groups[id].documentedNames.insert(Naming.typeName(documented)) }
            return .ref("#\(id)")
        case .array(let inner):
            let itemHints = hints.map { Hint(score: $0.score, name: $0.name.hasSuffix("Response") ? String($0.name.dropLast(8)) + "Item" : $0.name) }
            return .array(hoistTop(inner, hints: itemHints, documented: documented, resource: resource, at: location))
        default:
            return hoistNested(type, parent: nil, fieldName: "", resource: resource)
        }
    }

    /// Returns the group id of an object shape; nested objects are hoisted first.
    mutating func hoistObject(_ fields: [Field], extraKey: String, resource: String, at location: SourceLocation?) -> Int {
        var hoisted: [Field] = []
        var pendingParents: [(Int, String)] = []
        for f in fields {
            var f = f
            let before = groups.count
            f.type = hoistNested(f.type, parent: -1, fieldName: f.name, resource: resource)
            if let values = f.enumValues, case .primitive(.string, _) = f.type {
                let id = hoistEnum(values, resource: resource, at: f.provenance)
                pendingParents.append((id, f.name))
                f.type = .ref("#\(id)")
            }
            for id in referencedGroups(f.type) where id >= before || groups[id].parents.isEmpty {
                pendingParents.append((id, f.name))
            }
            hoisted.append(f)
        }
        let key = "O" + extraKey + "{" + hoisted.map(fieldKey).joined(separator: ",") + "}"
        let id = group(for: key, kind: .object, resource: resource, at: location)
        if groups[id].fields.isEmpty { groups[id].fields = hoisted }
        for (child, name) in pendingParents where !groups[child].parents.contains(where: { $0.0 == id && $0.1 == name }) {
            groups[child].parents.append((id, name))
        }
        return id
    }

    mutating func hoistEnum(_ values: [String], resource: String, at location: SourceLocation?) -> Int {
        let key = "E[" + values.map(Self.quoted).joined(separator: ",") + "]"
        let id = group(for: key, kind: .enumeration, resource: resource, at: location)
        groups[id].enumValues = values
        return id
    }

    mutating func hoistNested(_ type: TypeRef, parent: Int?, fieldName: String, resource: String) -> TypeRef {
        switch type {
        case .object(let fields) where !fields.isEmpty:
            let first = fields.first?.provenance
            return .ref("#\(hoistObject(fields, extraKey: "", resource: resource, at: first))")
        case .object:
            return .map(.any)
        case .array(let inner):
            return .array(hoistNested(inner, parent: parent, fieldName: fieldName, resource: resource))
        case .map(let inner):
            return .map(hoistNested(inner, parent: parent, fieldName: fieldName, resource: resource))
        default:
            return type
        }
    }

    mutating func group(for key: String, kind: Schema.Kind, resource: String, at location: SourceLocation?) -> Int {
        if let id = byKey[key] { return id }
        let g = Group(id: groups.count, key: key, kind: kind)
        g.resource = resource
        g.provenance = location
        groups.append(g)
        byKey[key] = g.id
        return g.id
    }

    func referencedGroups(_ type: TypeRef) -> [Int] {
        switch type {
        case .ref(let n) where n.hasPrefix("#"): return [Int(n.dropFirst())!]
        case .array(let t), .map(let t): return referencedGroups(t)
        default: return []
        }
    }

    func fieldKey(_ f: Field) -> String {
        Self.quoted(f.name) + ":" + typeKey(f.type) + (f.required ? "!" : "") + (f.nullable ? "?" : "")
    }

    /// A name in a shape key, unambiguous whatever it contains: its UTF-8 length, `'`, the name.
    static func quoted(_ name: String) -> String {
        String(name.utf8.count) + "'" + name
    }

    func typeKey(_ t: TypeRef) -> String {
        switch t {
        case .primitive(let p, let f): return p.rawValue + (f.map { "(\($0))" } ?? "")
        case .array(let i): return "[\(typeKey(i))]"
        case .map(let i): return "{:\(typeKey(i))}"
        case .any: return "*"
        case .ref(let n): return n
        case .object(let fs): return "{" + fs.map(fieldKey).joined(separator: ",") + "}"
        }
    }

    /// Top-level hints first (best score wins), then nested shapes named parent + field.
    mutating func nameGroups() {
        var used: Set<String> = Set(Naming.reservedTypeNames.map { $0.lowercased() })
        func claim(_ name: String) -> String {
            var candidate = name
            var n = 2
            while used.contains(candidate.lowercased()) { candidate = "\(name)\(n)"; n += 1 }
            used.insert(candidate.lowercased())
            return candidate
        }
        let hinted = groups.filter { !$0.hints.isEmpty }.sorted { a, b in
            let ha = a.hints.min()!, hb = b.hints.min()!
            return ha != hb ? ha < hb : a.id < b.id
        }
        for g in hinted {
            let ordered = g.hints.sorted()
            if let free = ordered.first(where: { !used.contains($0.name.lowercased()) }) {
                g.name = claim(free.name)
            } else {
                g.name = claim(ordered[0].name)
            }
        }
        // Nested shapes, breadth-first from named parents; ids order keeps it deterministic.
        var progress = true
        while progress {
            progress = false
            for g in groups where g.name.isEmpty {
                guard let (parent, field) = g.parents.first(where: { !groups[$0.0].name.isEmpty }) else { continue }
                let fieldPart = Naming.typeName(g.kind == .enumeration ? field : Naming.singular(field))
                let short = fieldPart
                let long = groups[parent].name + fieldPart
                if g.kind == .enumeration, !used.contains(short.lowercased()) {
                    g.name = claim(short)
                } else {
                    g.name = claim(long)
                }
                progress = true
            }
        }
        for g in groups where g.name.isEmpty { g.name = claim(g.kind == .enumeration ? "Enum" : "Object") }
    }

    func rename(_ t: TypeRef, _ names: [String: String]) -> TypeRef {
        switch t {
        case .ref(let n): return .ref(names[n] ?? n)
        case .array(let i): return .array(rename(i, names))
        case .map(let i): return .map(rename(i, names))
        case .object(let fs): return .object(fs.map { renameField($0, names) })
        default: return t
        }
    }

    func renameField(_ f: Field, _ names: [String: String]) -> Field {
        var f = f
        f.type = rename(f.type, names)
        return f
    }
}
