import APIModel
import DocTree

/// Hoists inline objects and string enums into named schemas, de-duplicating identical shapes.
///
/// Works bottom-up: nested objects first, so two parents with equal children get equal keys.
/// Every distinct shape becomes a group with naming hints; names are chosen after all groups are
/// known (see `nameGroups`).
///
/// For example: the list, retrieve, create and update responses of seed 000 are one group, named
/// `CallAssignmentConfiguration` from the SDK body name `CallAssignmentConfigurationRequest`.
struct SchemaHoister {
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
        var parentKeys: Set<String> = []
        /// Whether an action's answer or an error answer is this shape (or an array of it): see `addFieldNameHints`.
        var answersActionOrError = false
        var resource = ""
        var provenance: SourceLocation?
        var name = ""
        /// The shape's digest: its kind and fields, with referenced shapes by their digests (see `shapeDigests`).
        var digest = ""
        /// Where the group sorts when names are handed out (see `orderKeys`).
        var order: [String] = []
        /// Where the shape was first met (for `HoistingRecord`).
        var origin = HoistingRecord.Origin(operation: 0, slot: 0, path: [], top: false)
        init(id: Int, key: String, kind: Schema.Kind) { self.id = id; self.key = key; self.kind = kind }
    }

    var groups: [Group] = []
    var byKey: [String: Int] = [:]
    /// Names of an earlier generation to keep (see `NameLock`), and whether to keep them.
    var lock = NameLock()
    var honourLock = true
    /// After `hoist`: names that changed against the lock.
    var renames: [Rename] = []
    /// After `hoist`: the decisions, for the next run (`HoistingRecord`; its digests are the caller's to set).
    var record = HoistingRecord(types: [], schemas: [], renames: [], lockEntries: [:])
    /// Where the walk is: the operation, its body (−1) or answer, and the steps into its type (`HoistingRecord.Origin`).
    private var walk = HoistingRecord.Origin(operation: 0, slot: 0, path: [], top: false)

    init(lock: NameLock = NameLock(), honourLock: Bool = true) {
        self.lock = lock
        self.honourLock = honourLock
    }

    mutating func hoist(_ operations: inout [Operation]) -> [Schema] {
        // Each operation's naming hints depend on it alone: made on another core, in order, while the
        // loop below hoists the operations before them.
        let snapshot = operations
        let uses = InOrderJob(snapshot.count) { UseHints(snapshot[$0]) }
        for i in operations.indices {
            var op = operations[i]
            let use = uses[i]
            walk.operation = i
            walk.slot = -1
            if var body = op.requestBody {
                body.type = hoistTop(body.type, hints: use.body, documented: body.documentedName, resource: op.resource,
                                     at: body.provenance)
                op.requestBody = body
            }
            for r in op.responses.indices {
                guard let type = op.responses[r].type, let answer = use.responses[r] else { continue }
                walk.slot = r
                let hoisted = hoistTop(type, hints: answer.hints, documented: op.responses[r].documentedName, resource: op.resource,
                                       at: op.responses[r].provenance)
                if let (field, itemHints) = answer.items,
                   case .ref(let top) = hoisted, let id = Int(top.dropFirst()),
                   let f = groups[id].fields.first(where: { $0.name == field }), let itemId = Self.topGroup(f.type) {
                    groups[itemId].hints.append(contentsOf: itemHints.map { var h = $0; h.resource = op.resource; return h })
                }
                if use.isAction || Self.isError(op.responses[r].status), let id = Self.topGroup(hoisted) {
                    groups[id].answersActionOrError = true
                }
                op.responses[r].type = hoisted
            }
            operations[i] = op
        }
        // The inline types just replaced by references are freed off this thread.
        Disposal.inBackground(consume snapshot)
        computeDigests()
        addFieldNameHints()
        nameGroups()
        let names = Dictionary(uniqueKeysWithValues: groups.map { ("#\($0.id)", $0.name) })
        for i in operations.indices {
            if var body = operations[i].requestBody { body.type = rename(body.type, names); operations[i].requestBody = body }
            for r in operations[i].responses.indices {
                operations[i].responses[r].type = operations[i].responses[r].type.map { rename($0, names) }
            }
        }
        let order = groups.indices.sorted { groups[$0].name < groups[$1].name }
        var schemas: [Schema] = []
        var recorded: [HoistingRecord.RecordedSchema] = []
        schemas.reserveCapacity(order.count)
        recorded.reserveCapacity(order.count)
        for id in order {
            let g = groups[id]
            let fields = g.fields.map { renameField($0, names) }
            let documented = g.documentedNames.filter { $0 != g.name }.sorted()
            schemas.append(Schema(name: g.name, kind: g.kind, fields: fields, enumValues: g.enumValues, resource: g.resource,
                                  documentedNames: documented, provenance: g.provenance))
            recorded.append(HoistingRecord.RecordedSchema(name: g.name, kind: g.kind, enumValues: g.enumValues, resource: g.resource,
                                                          documentedNames: documented, origin: g.origin, fieldTypes: fields.map(\.type)))
        }
        record = HoistingRecord(types: operations.map { op in [op.requestBody?.type] + op.responses.map(\.type) },
                                schemas: recorded, renames: renames, lockEntries: lockEntries)
        return schemas
    }

    mutating func hoistTop(_ type: TypeRef, hints: [Hint], documented: String?, resource: String, at location: SourceLocation?) -> TypeRef {
        switch type {
        case .object(let fields):
            let id = hoistObject(fields, extraKey: "", resource: resource, at: location, top: true)
            groups[id].hints.append(contentsOf: hints.map { var h = $0; h.resource = resource; return h })
            if let documented { groups[id].documentedNames.insert(Naming.typeName(documented)) }
            return .ref("#\(id)")
        case .array(let inner):
            let itemHints = hints.map { Hint(score: $0.score, name: $0.name.hasSuffix("Response") ? String($0.name.dropLast(8)) + "Item" : $0.name, owner: $0.owner) }
            walk.path.append(-1)
            defer { walk.path.removeLast() }
            return .array(hoistTop(inner, hints: itemHints, documented: documented, resource: resource, at: location))
        default:
            return hoistNested(type, parent: nil, fieldName: "", resource: resource)
        }
    }

    /// Returns the group id of an object shape; nested objects are hoisted first. The fields are keyed
    /// with their hoisted types and copied only for a shape met the first time (most are met again).
    /// `top`: met at the top of a body or answer (through arrays only), whose source line `location` is.
    mutating func hoistObject(_ fields: [Field], extraKey: String, resource: String, at location: SourceLocation?, top: Bool = false) -> Int {
        var types: [TypeRef] = []
        types.reserveCapacity(fields.count)
        var pendingParents: [(Int, String)] = []
        for (i, f) in fields.enumerated() {
            walk.path.append(i)
            var type = hoistNested(f.type, parent: -1, fieldName: f.name, resource: resource)
            if let values = f.enumValues, case .primitive(.string, _) = type {
                let id = hoistEnum(values, resource: resource, at: f.provenance)
                pendingParents.append((id, f.name))
                type = .ref("#\(id)")
            }
            walk.path.removeLast()
            for id in referencedGroups(type) { pendingParents.append((id, f.name)) }
            types.append(type)
        }
        let key = ShapeKey.object(fields, types: types, extra: extraKey) { $0 }
        walk.top = top
        let id = group(for: key, kind: .object, resource: resource, at: location)
        if groups[id].fields.isEmpty {
            groups[id].fields = zip(fields, types).map { field, type in
                var hoisted = field
                hoisted.type = type
                return hoisted
            }
        }
        for (child, name) in pendingParents where groups[child].parentKeys.insert("\(id) \(name)").inserted {
            groups[child].parents.append((id, name))
        }
        return id
    }

    mutating func hoistEnum(_ values: [String], resource: String, at location: SourceLocation?) -> Int {
        let key = ShapeKey.enumeration(values)
        walk.top = false
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
            walk.path.append(-1)
            defer { walk.path.removeLast() }
            return .array(hoistNested(inner, parent: parent, fieldName: fieldName, resource: resource))
        case .map(let inner):
            walk.path.append(-2)
            defer { walk.path.removeLast() }
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
        g.origin = walk
        groups.append(g)
        byKey[key] = g.id
        return g.id
    }

    /// The group a top-level body or answer is, through arrays: `[#3]` → 3.
    static func topGroup(_ type: TypeRef) -> Int? {
        switch type {
        case .ref(let n) where n.hasPrefix("#"): return Int(n.dropFirst())
        case .array(let t): return topGroup(t)
        default: return nil
        }
    }

    func referencedGroups(_ type: TypeRef) -> [Int] {
        switch type {
        case .ref(let n) where n.hasPrefix("#"): return [Int(n.dropFirst())!]
        case .array(let t), .map(let t): return referencedGroups(t)
        default: return []
        }
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

/// The naming hints of one operation's body and answers (`bodyHints`, `responseHints`, `itemHints`),
/// and whether it is an action.
struct UseHints: Sendable {
    struct Answer: Sendable {
        var hints: [Hint]
        var items: (field: String, hints: [Hint])?
    }
    var body: [Hint]
    /// One per response, nil for a response without a body.
    var responses: [Answer?]
    var isAction: Bool

    init(_ op: Operation) {
        let names = OperationNames(op)
        body = op.requestBody == nil ? [] : SchemaHoister.bodyHints(names)
        responses = op.responses.map { response in
            guard let type = response.type else { return nil }
            let root = SchemaHoister.rootKey(op, names.kind, type)
            var hints = SchemaHoister.responseHints(names, status: response.status, type: type, root: root)
            if let d = response.documentedName {
                hints.append(Hint(score: 100, name: Naming.typeName(d), owner: names.owner(role: "response " + response.status)))
            }
            return Answer(hints: hints, items: SchemaHoister.itemHints(names, status: response.status, type: type, root: root))
        }
        if case .action = names.kind { isAction = true } else { isAction = false }
    }
}
