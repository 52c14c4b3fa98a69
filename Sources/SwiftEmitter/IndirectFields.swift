import APIModel

/// The struct properties that must be stored out of line: the fields through which a model contains
/// itself by value, directly (`NotificationEvent.templateEvent: NotificationEvent?`) or through other
/// models (`A.b: B?`, `B.a: A?`). Swift rejects such a struct ("value type has infinite size"); the
/// emitter gives these properties `@Indirect` (the runtime's one-reference box), which keeps their
/// type, coding, `==` and `hash(into:)`.
///
/// The graph has a node per object schema and an edge per field whose type names another object schema
/// (`.ref`, optional or not). Arrays, maps and inline objects are stored out of line already and make no
/// edge. Every edge inside a strongly connected component (Tarjan's algorithm, linear in schemas and
/// fields) is boxed; the edges left then form no cycle.
///
/// For example: schemas `Node { next: Node? }` and `A { b: B? }`, `B { a: A?, tags: [A] }` give
/// `["Node": ["next"], "A": ["b"], "B": ["a"]]`.
struct IndirectFields: Sendable {
    /// Per struct name: the JSON keys of its boxed fields.
    private(set) var keys: [String: Set<String>] = [:]

    /// `schemas`: every schema of the API by name. A field may name a schema by a documented name that
    /// is an emitted `typealias` (`aliases`), which means the same struct.
    init(schemas: [String: Schema], aliases: DocumentedAliases) {
        var target = aliases.targets.filter { schemas[$0.value]?.kind == .object }   // a name a field may use → the object schema it means
        for (name, schema) in schemas where schema.kind == .object { target[name] = name }
        // Nodes in name order, so the result does not depend on dictionary order.
        let names = schemas.keys.filter { target[$0] == $0 }.sorted()
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() { index[name] = i }
        let edges: [[(key: String, to: Int)]] = names.map { name in
            schemas[name]!.fields.compactMap { field in
                guard case .ref(let ref) = field.type, let t = target[ref], let to = index[t] else { return nil }
                return (field.name, to)
            }
        }
        let component = Self.components(count: names.count) { edges[$0].map(\.to) }
        for (from, out) in edges.enumerated() {
            for edge in out where component[edge.to] == component[from] {
                keys[names[from], default: []].insert(edge.key)
            }
        }
    }

    /// Whether `field` of the struct `schema` is boxed.
    func contains(schema: String, field: String) -> Bool { keys[schema]?.contains(field) ?? false }

    /// Strongly connected components (Tarjan, iterative: no recursion however long a chain of models
    /// is): the component number of each node. A node on no cycle has a component of its own, and an
    /// edge to itself stays inside it.
    static func components(count: Int, successors: (Int) -> [Int]) -> [Int] {
        var order = Array(repeating: -1, count: count)   // discovery index
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var component = Array(repeating: -1, count: count)
        var stack: [Int] = []
        var next = 0, components = 0
        for root in 0..<count where order[root] < 0 {
            // Each frame: a node, its successors, and how many of them have been looked at.
            var frames: [(node: Int, successors: [Int], position: Int)] = [(root, successors(root), 0)]
            order[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while !frames.isEmpty {
                let top = frames.count - 1
                let node = frames[top].node
                if frames[top].position < frames[top].successors.count {
                    let w = frames[top].successors[frames[top].position]
                    frames[top].position += 1
                    if order[w] < 0 {
                        order[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        frames.append((w, successors(w), 0))
                    } else if onStack[w] {
                        low[node] = min(low[node], order[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { low[parent] = min(low[parent], low[node]) }
                if low[node] == order[node] {
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component[w] = components
                        if w == node { break }
                    }
                    components += 1
                }
            }
        }
        return component
    }
}
