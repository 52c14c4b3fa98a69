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
    public static func merge(documented: [DocumentedName], examples: [JSONExample], file: String,
                             diagnostics: DiagnosticCollector? = nil) -> TypeRef? {
        let schema = examples.lazy.compactMap(\.schema).first
        let shown = examples.filter { $0.schema == nil }
        return merge(documented: documented, examples: shown.map(\.value), schema: schema, file: file,
                     diagnostics: diagnostics, exampleLine: shown.first?.line ?? 0)
    }

    /// With `diagnostics`, a documented type the example contradicts is a warning at the documented
    /// line naming `exampleLine` (see `reconcile(declared:example:description:)`).
    public static func merge(documented: [DocumentedName], examples: [JSONNode], schema: TypeRef? = nil, file: String,
                             diagnostics: DiagnosticCollector? = nil, exampleLine: Int = 0) -> TypeRef? {
        let inferred: TypeRef? = schema ?? (examples.isEmpty ? nil : ExampleTypes.infer(examples))
        guard !documented.isEmpty else { return inferred }
        var fields = build(documented, file: file)
        if let wrapped = enveloped(fields, in: inferred) { return wrapped }
        if let placed = placedInMember(fields, in: inferred) { fields = placed }
        var isArray = false
        var exampleFields: [Field] = []
        switch inferred {
        case .object(let f)?: exampleFields = f
        case .array(.object(let f))?: exampleFields = f; isArray = true
        // An empty list (`[]`, the answer when there is nothing to list) holds the documented fields' objects.
        case .array(.any)?: isArray = true
        default: break
        }
        fields = combine(fields, example: exampleFields) { f, conflict in
            diagnostics?.warning(conflict.message(name: f.name, exampleLine: exampleLine),
                                 at: f.provenance ?? SourceLocation(file: file, line: 1, column: 1))
        }
        return isArray ? .array(.object(fields)) : .object(fields)
    }

    /// Documented fields with an example's members: each documented field's type against the member
    /// of its name by `reconcile` (a conflict goes to `conflict`), then the members no field documents,
    /// in the example's order (at `exampleProvenance` when given).
    ///
    /// For example: documented `id: integer`, `tags: array` with the members `id`, `tags: [string]`, `next`
    /// give `id: integer`, `tags: [string]`, `next`.
    public static func combine(_ documented: [Field], example: [Field], exampleProvenance: SourceLocation? = nil,
                               conflict: (Field, TypeConflict) -> Void = { _, _ in }) -> [Field] {
        var fields = documented
        for (i, f) in fields.enumerated() {
            guard let e = example.first(where: { $0.name == f.name }) else { continue }
            let (type, found) = reconcile(declared: f.type, example: e.type, description: f.description)
            fields[i].type = type
            if let found { conflict(f, found) }
        }
        for e in example where !fields.contains(where: { $0.name == e.name }) {
            var e = e
            if let exampleProvenance { e.provenance = exampleProvenance }
            fields.append(e)
        }
        return fields
    }

    /// How an example's type and a documented type disagree.
    public enum TypeConflict: Equatable, Sendable {
        /// A documented primitive where the example has an object or an array: taken as a doc typo.
        case container(declared: TypeRef.Primitive, exampleIsObject: Bool)
        /// Two different primitives (an integer example of a `number` is no conflict): the declared one is kept.
        case primitive(declared: TypeRef.Primitive, example: TypeRef.Primitive)

        public func message(name: String, exampleLine: Int) -> String {
            switch self {
            case .container(let p, let isObject):
                return "'\(name)' is declared \(p.rawValue) here but the example at line \(exampleLine) has "
                    + "\(isObject ? "an object" : "an array"); using the example's type"
            case .primitive(let p, let q):
                return "'\(name)' is declared \(p.rawValue) here but the example at line \(exampleLine) has a \(q.rawValue); "
                    + "keeping the declared type"
            }
        }
    }

    /// The one rule for a documented field's type against an example's: the example shows what a
    /// documented `object`, `array` or untyped field holds (an untyped one widened by its description,
    /// `ExampleTypes.widened`), and that a field whose members the docs list (nested bullets under
    /// `rooms`) holds an array of such objects; a declared primitive contradicted by an example object
    /// or array is a doc typo (the example's type, with a conflict); two different primitives keep the
    /// declared one (with a conflict).
    ///
    /// For example: declared `array`, example `[{"id": 1}]` → `[{id}]`; declared `string`, example
    /// `{"a": 1}` → `{a}` and a `.container` conflict; declared `string`, example `3` → `string`, a `.primitive` conflict.
    public static func reconcile(declared: TypeRef, example: TypeRef, description: String) -> (TypeRef, TypeConflict?) {
        switch (declared, example) {
        case (.any, _):
            return (ExampleTypes.widened(example, description: description), nil)
        case (.map, .object), (.array(.any), .array), (.object([]), .object), (.object([]), .array(.object)), (.array(.object([])), .array(.object)):
            return (example, nil)
        case (.object, .array(.object)):
            return (.array(declared), nil)
        case (.object(let members), .array(.any)) where !members.isEmpty:
            return (.array(declared), nil)
        case (.primitive(let p, _), .object):
            return (example, .container(declared: p, exampleIsObject: true))
        case (.primitive(let p, _), .array):
            return (example, .container(declared: p, exampleIsObject: false))
        case (.primitive(let p, _), .primitive(let q, _)) where p != q && !(p == .number && q == .integer):
            return (declared, .primitive(declared: p, example: q))
        default:
            return (declared, nil)
        }
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
        var envelope = top[0]
        envelope.type = .object(combine(fields, example: inner))
        return .object([envelope])
    }

    /// Documented fields most of which the example shows only inside one undocumented member's
    /// objects, beside a few of its own (`id`, `room_id`, … listed flat next to `next_token` and
    /// `total`, with the example `{"event_reports": [{"id": 2, "room_id": …}], "next_token": 2, "total": 4}`):
    /// those fields are that member's (its items' when it is an array), the rest stay where they are.
    /// Every documented field the example's top level lacks must be in that member, and they must be
    /// more than half of the documented fields.
    ///
    /// For example: documented `id`, `reason`, `total` and the example `{"reports": [{"id": 1, "reason": "x"}], "total": 1}`
    /// give `reports: [{id, reason}]`, `total`.
    static func placedInMember(_ fields: [Field], in inferred: TypeRef?) -> [Field]? {
        guard case .object(let top)? = inferred, top.count > 1 else { return nil }
        let missing = fields.filter { f in !top.contains { $0.name == f.name } }
        guard missing.count * 2 > fields.count else { return nil }
        for member in top where !fields.contains(where: { $0.name == member.name }) {
            let inner: [Field], isArray: Bool
            switch member.type {
            case .object(let f): inner = f; isArray = false
            case .array(.object(let f)): inner = f; isArray = true
            default: continue
            }
            guard missing.allSatisfy({ f in inner.contains { $0.name == f.name } }) else { continue }
            var placed = member
            let members = TypeRef.object(combine(missing, example: inner))
            placed.type = isArray ? .array(members) : members
            var out: [Field] = []
            for f in fields {
                if missing.contains(where: { $0.name == f.name }) {
                    if !out.contains(where: { $0.name == placed.name }) { out.append(placed) }
                } else {
                    out.append(f)
                }
            }
            return out
        }
        return nil
    }

    /// Documented names as nested fields, in document order (`nest`); a name documented twice keeps
    /// its first row, a name with nothing after its last dot is no field.
    public static func build(_ names: [DocumentedName], file: String) -> [Field] {
        var seen: Set<String> = []
        var fields: [Field] = []
        for n in names {
            guard let leaf = n.name.split(separator: ".").last, !leaf.isEmpty, !n.name.hasSuffix(".") else { continue }
            guard seen.insert(n.name.replacing("[]", with: "")).inserted else { continue }
            fields.append(Field(name: n.name, type: n.type, required: n.required ?? false, description: n.description,
                                provenance: SourceLocation(file: file, line: n.line, column: 1)))
        }
        return nest(fields)
    }
}
