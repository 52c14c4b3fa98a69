import APIModel
import DocTree

/// The text of a type's shape, the one definition the generator uses to de-duplicate hoisted shapes and
/// to key the name lock (`SchemaHoister.computeDigests`), and that tools use to match the types of two
/// models (`docs2swift-dev rename-count`).
///
/// A shape is its kind and its fields (JSON name, type, required, nullable) or enum values; what a
/// reference to another named type contributes is up to the caller (`ref`): the hoister's raw `#id` while
/// it de-duplicates, the referenced shape's digest for the lock.
///
/// For example: `ShapeKey.object([Field(name: "id", type: .integer, required: true)], ref: { $0 })` is
/// `O{2'id:integer!}`, and `ShapeKey.enumeration(["a", "b"])` is `E[1'a,1'b]`.
public enum ShapeKey {
    /// A name in a shape key, unambiguous whatever it contains: its UTF-8 length, `'`, the name.
    public static func quoted(_ name: String) -> String {
        String(name.utf8.count) + "'" + name
    }

    public static func field(_ f: Field, ref: (String) -> String) -> String {
        quoted(f.name) + ":" + type(f.type, ref: ref) + (f.required ? "!" : "") + (f.nullable ? "?" : "")
    }

    public static func type(_ t: TypeRef, ref: (String) -> String) -> String {
        switch t {
        case .primitive(let p, let f): return p.rawValue + (f.map { "(\($0))" } ?? "")
        case .array(let i): return "[" + type(i, ref: ref) + "]"
        case .map(let i): return "{:" + type(i, ref: ref) + "}"
        case .any: return "*"
        case .ref(let n): return ref(n)
        case .object(let fs): return "{" + fs.map { field($0, ref: ref) }.joined(separator: ",") + "}"
        }
    }

    /// A named object's shape: `O{…}` (the hoister puts `extra` between the `O` and the fields).
    public static func object(_ fields: [Field], extra: String = "", ref: (String) -> String) -> String {
        "O" + extra + "{" + fields.map { field($0, ref: ref) }.joined(separator: ",") + "}"
    }

    public static func enumeration(_ values: [String]) -> String {
        "E[" + values.map(quoted).joined(separator: ",") + "]"
    }

    /// Each named schema's shape digest, by name, in a finished model: the digest the name lock records
    /// for it (a reference to a schema of the model counts as that schema's digest; any other reference,
    /// or one back into a schema being keyed, by its name).
    ///
    /// For example: two models whose `Volume` has the same fields, with every nested type renamed,
    /// give `Volume` the same digest.
    public static func digests(of schemas: [Schema]) -> [String: String] {
        let keyer = ModelDigests(schemas)
        return Dictionary(uniqueKeysWithValues: keyer.byName.keys.map { ($0, keyer.digest($0)!) })
    }
}

/// Digests of a finished model's schemas, memoised; a reference back into a schema being keyed stays
/// a name (finished models from docs have no cycles; imported OpenAPI documents may).
private final class ModelDigests {
    let byName: [String: Schema]
    var memo: [String: String] = [:]
    var visiting: Set<String> = []

    init(_ schemas: [Schema]) {
        byName = Dictionary(schemas.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func digest(_ name: String) -> String? {
        if let known = memo[name] { return known }
        guard let s = byName[name], !visiting.contains(name) else { return nil }
        visiting.insert(name)
        defer { visiting.remove(name) }
        let text = s.kind == .enumeration ? ShapeKey.enumeration(s.enumValues) : ShapeKey.object(s.fields, ref: refText)
        let d = Digest.fnv1a64(text)
        memo[name] = d
        return d
    }

    func refText(_ name: String) -> String {
        digest(name).map { "#" + $0 } ?? name
    }
}
