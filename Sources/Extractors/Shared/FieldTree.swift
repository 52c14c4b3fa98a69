import APIModel
import DocTree

/// Builds a body type from documented names (dotted paths nest: `owner.id` is `id` inside `owner`)
/// and JSON examples: the documented fields first, with their types and requiredness, then the
/// example members the documentation does not list, typed from the examples.
///
/// For example: documented `id` (integer, required) and an example `{"id": 1, "tags": ["a"]}` give
/// `{id: integer (required), tags: [string]}`; an example that is an array (an empty one too) gives an array of that object.
public enum FieldTree {
    /// As `merge(documented:examples:file:)` for JSON blocks: a block that is a JSON Schema states
    /// the type (the first one given wins over the examples).
    public static func merge(documented: [DocumentedName], examples: [JSONExample], file: String) -> TypeRef? {
        let schema = examples.lazy.compactMap(\.schema).first
        return merge(documented: documented, examples: examples.filter { $0.schema == nil }.map(\.value), schema: schema, file: file)
    }

    public static func merge(documented: [DocumentedName], examples: [JSONNode], schema: TypeRef? = nil, file: String) -> TypeRef? {
        let inferred: TypeRef? = schema ?? (examples.isEmpty ? nil : ExampleTypes.infer(examples))
        guard !documented.isEmpty else { return inferred }
        var fields = build(documented, file: file)
        if let wrapped = enveloped(fields, in: inferred) { return wrapped }
        var isArray = false
        var exampleFields: [Field] = []
        switch inferred {
        case .object(let f)?: exampleFields = f
        case .array(.object(let f))?: exampleFields = f; isArray = true
        // An empty list (`[]`, the answer when there is nothing to list) holds the documented fields' objects.
        case .array(.any)?: isArray = true
        default: break
        }
        for (i, f) in fields.enumerated() {
            guard let e = exampleFields.first(where: { $0.name == f.name }) else { continue }
            // An example shows what a documented `object` or `array` holds, and that a field whose members
            // the docs list (nested bullets under `rooms`) holds an array of such objects.
            switch (f.type, e.type) {
            case (.any, _): fields[i].type = ExampleTypes.widened(e.type, description: f.description)
            case (.map, .object), (.array(.any), .array), (.object([]), .object), (.array(.object([])), .array(.object)): fields[i].type = e.type
            case (.object(let members), .array(.object)), (.object(let members), .array(.any)) where !members.isEmpty: fields[i].type = .array(f.type)
            default: break
            }
        }
        for e in exampleFields where !fields.contains(where: { $0.name == e.name }) { fields.append(e) }
        return isArray ? .array(.object(fields)) : .object(fields)
    }

    /// Documented fields that are the members of an example's one-key envelope
    /// (`{"environment": {"name": …}}` or `{"data": {"type": …}}` with a table listing `name` or `type`)
    /// placed inside it: the envelope's key is not documented, and the documented names are
    /// more often inside the envelope than not (or every member the envelope shows is documented).
    ///
    /// For example: documented `name`, `code` and the example `{"environment": {"name": "Dev", "code": "d"}}`
    /// give `{environment: {name, code}}`.
    static func enveloped(_ fields: [Field], in inferred: TypeRef?) -> TypeRef? {
        guard case .object(let top)? = inferred, top.count == 1, case .object(let inner) = top[0].type,
              !fields.contains(where: { $0.name == top[0].name }) else { return nil }
        let inside = fields.filter { f in inner.contains { $0.name == f.name } }.count
        guard inside * 2 > fields.count || (inside > 0 && inside == inner.count) else { return nil }
        var members = fields
        for (i, f) in members.enumerated() {
            guard let e = inner.first(where: { $0.name == f.name }) else { continue }
            switch (f.type, e.type) {
            case (.map, .object), (.array(.any), .array), (.any, _), (.object([]), .object), (.array(.object([])), .array(.object)): members[i].type = e.type
            default: break
            }
        }
        for e in inner where !members.contains(where: { $0.name == e.name }) { members.append(e) }
        var envelope = top[0]
        envelope.type = .object(members)
        return .object([envelope])
    }

    /// Documented names as nested fields, in document order.
    static func build(_ names: [DocumentedName], file: String) -> [Field] {
        final class Node {
            var field: Field
            var children: [Node] = []
            init(_ f: Field) { field = f }
            func resolved() -> Field {
                guard !children.isEmpty else { return field }
                var f = field
                let inner = TypeRef.object(children.map { $0.resolved() })
                if case .array = f.type { f.type = .array(inner) } else { f.type = inner }
                return f
            }
        }
        var roots: [Node] = []
        var byPath: [String: Node] = [:]
        for n in names {
            let parts = n.name.split(separator: ".").map { $0.hasSuffix("[]") ? String($0.dropLast(2)) : String($0) }
            guard let leaf = parts.last, !leaf.isEmpty else { continue }
            let path = parts.joined(separator: ".")
            guard byPath[path] == nil else { continue }
            let node = Node(Field(name: leaf, type: n.type, required: n.required ?? false, description: n.description,
                                  provenance: SourceLocation(file: file, line: n.line, column: 1)))
            var parent: Node?
            for k in 0..<(parts.count - 1) {
                let p = parts[0...k].joined(separator: ".")
                if let existing = byPath[p] { parent = existing; continue }
                let made = Node(Field(name: parts[k], type: .object([]), provenance: node.field.provenance))
                if let parent { parent.children.append(made) } else { roots.append(made) }
                byPath[p] = made
                parent = made
            }
            if let parent { parent.children.append(node) } else { roots.append(node) }
            byPath[path] = node
        }
        return roots.map { $0.resolved() }
    }
}
