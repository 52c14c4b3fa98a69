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
    /// A named object's shape: `O{…}` (the hoister puts `extra` between the `O` and the fields).
    public static func object(_ fields: [Field], extra: String = "", ref: (String) -> String) -> String {
        objectKey(fields.count, extra: extra) { i, bytes in append(fields[i], ref: ref, to: &bytes) }
    }

    /// `object(_:extra:ref:)` with each field's type given apart (`types[i]` for `fields[i]`), for a caller
    /// that worked out new types for the fields without copying them (the hoister).
    static func object(_ fields: [Field], types: [TypeRef], extra: String, ref: (String) -> String) -> String {
        objectKey(fields.count, extra: extra) { i, bytes in append(fields[i], type: types[i], ref: ref, to: &bytes) }
    }

    /// `O`, `extra`, then `{` the fields `,`-separated `}`.
    private static func objectKey(_ count: Int, extra: String, field: (Int, inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 + count * 24)
        bytes.append(UInt8(ascii: "O"))
        bytes.append(contentsOf: extra.utf8)
        bytes.append(UInt8(ascii: "{"))
        for i in 0..<count {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            field(i, &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func enumeration(_ values: [String]) -> String {
        var bytes = Array("E[".utf8)
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendQuoted(v, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    // The texts are built as bytes in one buffer: a large API keys tens of thousands of objects, and
    // a string concatenation per part was most of the hoister's time.

    /// A name in a shape key, unambiguous whatever it contains: its UTF-8 length, `'`, the name.
    static func appendQuoted(_ name: String, to bytes: inout [UInt8]) {
        bytes.appendDecimal(name.utf8.count)
        bytes.append(UInt8(ascii: "'"))
        bytes.append(contentsOf: name.utf8)
    }

    static func append(_ f: Field, ref: (String) -> String, to bytes: inout [UInt8]) {
        append(f, type: f.type, ref: ref, to: &bytes)
    }

    /// A field with `type` in place of its own.
    static func append(_ f: Field, type: TypeRef, ref: (String) -> String, to bytes: inout [UInt8]) {
        appendQuoted(f.name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(type, ref: ref, to: &bytes)
        if f.required { bytes.append(UInt8(ascii: "!")) }
        if f.nullable { bytes.append(UInt8(ascii: "?")) }
    }

    static func appendFields(_ fields: [Field], ref: (String) -> String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (i, f) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(f, ref: ref, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    static func append(_ t: TypeRef, ref: (String) -> String, to bytes: inout [UInt8]) {
        switch t {
        case .primitive(let p, let f):
            bytes.append(contentsOf: p.rawValue.utf8)
            if let f {
                bytes.append(UInt8(ascii: "("))
                bytes.append(contentsOf: f.utf8)
                bytes.append(UInt8(ascii: ")"))
            }
        case .array(let i):
            bytes.append(UInt8(ascii: "["))
            append(i, ref: ref, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        case .map(let i):
            bytes.append(contentsOf: "{:".utf8)
            append(i, ref: ref, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        case .any: bytes.append(UInt8(ascii: "*"))
        case .ref(let n): bytes.append(contentsOf: ref(n).utf8)
        case .object(let fs): appendFields(fs, ref: ref, to: &bytes)
        }
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
