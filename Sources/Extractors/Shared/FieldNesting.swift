import APIModel

/// The one rule for nested field names, whichever reader documented them: a name with a dot is a
/// member of the field before the dot, in every notation pages use for "the items of":
/// `a.b` (member of the object `a`), `a[].b` and `a[0].b` (member of the items of the array `a`),
/// `a.*.b` (the same, jq/JSONPath style). A parent no row documents is made where its first member is
/// (an array for the item notations, else an object); a parent documented before its members gets
/// them; one documented after them keeps its own name, type, requiredness and description and gets
/// the members made so far.
///
/// For example: `items[].id`, `items` (array, "the items") → `items: [{id}]` described "the items";
/// `owner`, `owner.id` → `owner: {id}`; `data.*.name` → `data: [{name}]`.
extension FieldTree {
    public static func nest(_ fields: [Field]) -> [Field] {
        guard fields.contains(where: { $0.name.contains(".") || $0.name.hasSuffix("[]") }) else { return fields }
        var out: [Field] = []
        for f in fields {
            guard let dot = f.name.firstIndex(of: "."), dot != f.name.startIndex, f.name.index(after: dot) != f.name.endIndex else {
                var f = f
                // `tags[]` as a leaf: the field `tags` (its type says what it holds).
                if f.name.hasSuffix("[]"), f.name.count > 2 { f.name.removeLast(2) }
                if let k = out.firstIndex(where: { $0.name == f.name }) {
                    // A parent made for its members, documented afterwards: keep the members.
                    let members = out[k].type
                    out[k] = f
                    out[k].type = attach(members, to: f.type)
                } else {
                    out.append(f)
                }
                continue
            }
            var head = String(f.name[..<dot])
            var rest = String(f.name[f.name.index(after: dot)...])
            var isArray = false
            if let bracket = head.firstIndex(of: "[") { head = String(head[..<bracket]); isArray = true }
            // `a.*.b`: the members of the items of `a`.
            if rest.hasPrefix("*."), rest.count > 2 { rest.removeFirst(2); isArray = true }
            var child = f
            child.name = rest
            let k = out.firstIndex { $0.name == head } ?? {
                out.append(Field(name: head, type: isArray ? .array(.object([])) : .object([]), provenance: f.provenance))
                return out.count - 1
            }()
            out[k].type = adding(child, to: out[k].type, asArray: isArray)
        }
        return out.map { f in
            var f = f
            f.type = nestedTypes(f.type)
            return f
        }
    }

    /// The members of a made parent moved onto the documented parent's type.
    static func attach(_ made: TypeRef, to documented: TypeRef) -> TypeRef {
        switch (made, documented) {
        case (.array(.object(let fs)), .array), (.array(.object(let fs)), .any): return .array(.object(fs))
        case (.object(let fs), _), (.array(.object(let fs)), _): return .object(fs)
        default: return documented
        }
    }

    /// `child` added to a parent's type: a member of its object (or of its items), replacing a member
    /// of the same name (whose type an untyped `child` keeps); a parent of another type becomes an
    /// object (an array of them for the item notations).
    static func adding(_ child: Field, to type: TypeRef, asArray: Bool) -> TypeRef {
        func add(_ fs: [Field]) -> [Field] {
            var fs = fs
            if let k = fs.firstIndex(where: { $0.name == child.name }) {
                var merged = child
                if case .any = child.type { merged.type = fs[k].type }
                fs[k] = merged
            } else { fs.append(child) }
            return fs
        }
        switch type {
        case .object(let fs): return .object(add(fs))
        case .array(.object(let fs)): return .array(.object(add(fs)))
        case .array: return .array(.object([child]))
        default: return asArray ? .array(.object([child])) : .object([child])
        }
    }

    static func nestedTypes(_ t: TypeRef) -> TypeRef {
        switch t {
        case .object(let fs): return .object(nest(fs))
        case .array(let i): return .array(nestedTypes(i))
        default: return t
        }
    }
}
