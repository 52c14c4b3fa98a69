import APIModel

/// The schemas a file's context can read: those its roots name, and every schema those name in turn
/// (through fields, arrays, maps and inline objects). A name no schema has stands for the schema it is an
/// emitted `typealias` of (`DocumentedAliases`). The builders look schemas up only by
/// the names types hold (sample values, paging envelopes, `@Indirect` cycles, which stay inside what a
/// schema reaches), so a file keyed by the shapes it reaches (`FileInputs`) is not rendered again when
/// a schema it cannot reach changes.
///
/// For example: a resource whose operations answer `Page` (`results: [User]`) reaches `Page` and `User`,
/// not `Invoice`.
struct SchemaReach: Sendable {
    private let index: [String: Int]
    /// A documented name's `typealias` → the schema it names.
    private let aliases: [String: Int]
    /// Per schema, in the model's order: the schemas its fields name.
    private let named: [[Int]]

    init(_ schemas: [Schema], aliases: DocumentedAliases) {
        var index: [String: Int] = [:]
        for (i, schema) in schemas.enumerated() where index[schema.name] == nil { index[schema.name] = i }
        self.index = index
        let aliases = aliases.targets.compactMapValues { index[$0] }
        self.aliases = aliases
        var named: [[Int]] = []
        named.reserveCapacity(schemas.count)
        for schema in schemas {
            var out: [Int] = []
            for field in schema.fields { Self.collect(field.type, index, aliases, into: &out) }
            named.append(out)
        }
        self.named = named
    }

    /// A `[Bool]` per schema, all false, that `reached` marks and clears again: one for many calls, so
    /// that a call costs what it reaches, not the model's size.
    func scratch() -> [Bool] { [Bool](repeating: false, count: named.count) }

    /// Adds the schemas `operation`'s types name (its parameters', its body's and its answers') to `roots`.
    func addRoots(of operation: APIModel.Operation, to roots: inout [Int]) {
        for p in operation.parameters { Self.collect(p.type, index, aliases, into: &roots) }
        if let body = operation.requestBody { Self.collect(body.type, index, aliases, into: &roots) }
        for r in operation.responses { if let type = r.type { Self.collect(type, index, aliases, into: &roots) } }
    }

    /// `schemas` (indices in the model) and every schema they name, directly or not, in the model's order.
    func reached(fromSchemas schemas: [Int], scratch seen: inout [Bool]) -> [Int] {
        var pending = schemas
        var out: [Int] = []
        while let i = pending.popLast() {
            guard !seen[i] else { continue }
            seen[i] = true
            out.append(i)
            pending.append(contentsOf: named[i])
        }
        for i in out { seen[i] = false }
        return out.sorted()
    }

    private static func collect(_ type: TypeRef, _ index: [String: Int], _ aliases: [String: Int], into out: inout [Int]) {
        switch type {
        case .ref(let name):
            if let i = index[name] { out.append(i) } else if let target = aliases[name] { out.append(target) }
        case .array(let inner), .map(let inner):
            collect(inner, index, aliases, into: &out)
        case .object(let fields):
            for field in fields { collect(field.type, index, aliases, into: &out) }
        case .primitive, .any:
            break
        }
    }
}
