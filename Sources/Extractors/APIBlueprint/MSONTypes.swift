import APIModel
import DocTree

/// Turns MSON (`+ Attributes`, `# Data Structures`) into model types: typed members, `required`,
/// `optional`, `nullable`, nested objects and arrays, `enum` with `+ Members`, named types with
/// inheritance (`## Admin (User)`) and mixins (`+ Include User`), `+ One Of` (every option's
/// members, optional), and references to named types (`author (User)`, `array[Note]`). Named
/// types are expanded inline (refinement names and de-duplicates them); a type that contains
/// itself becomes a free-form object at the repetition.
///
/// For example: `+ Attributes (object)` with `+ id: 1 (number, required)` and `+ tags (array[string])`
/// → `.object([Field(id: number, required), Field(tags: array of string)])`.
struct MSONTypes {
    /// A named type: its base type attribute and the list items of its body.
    struct NamedType {
        var name: String
        var base: String?
        var items: [[Block]]
        var line: Int
    }

    var named: [String: NamedType] = [:]
    let file: String
    let diagnostics: DiagnosticCollector
    static let maxDepth = 24

    init(file: String, diagnostics: DiagnosticCollector) {
        self.file = file
        self.diagnostics = diagnostics
    }

    mutating func declare(_ type: NamedType) {
        if let existing = named[type.name] {
            diagnostics.warning("data structure '\(type.name)' is defined again (first at line \(existing.line)); keeping the first",
                                at: SourceLocation(file: file, line: type.line, column: 1))
            return
        }
        named[type.name] = type
    }

    /// The type of a declaration (`+ Attributes (spec)` or a member) with its nested items.
    func resolve(spec: String?, value: String?, items: [[Block]], line: Int, stack: [String] = []) -> (TypeRef, [String]?) {
        guard stack.count < Self.maxDepth else { return (.map(.any), nil) }
        let parsed = spec.map(MSONTypeSpec.init)
        let base = parsed?.base.lowercased()
        switch base {
        case "object"?:
            return (.object(members(items, stack: stack)), nil)
        case "array"?:
            return (.array(itemType(nested: parsed!.nested, value: value, items: items, line: line, stack: stack)), nil)
        case "enum"?:
            let values = enumValues(value: value, items: items)
            let inner = parsed!.nested.first.map { primitive($0) } ?? .string
            return (inner ?? .string, values.isEmpty ? nil : values)
        case nil:
            let fields = members(items, stack: stack)
            if !fields.isEmpty { return (.object(fields), nil) }
            if hasMemberItems(items) { return (.object([]), nil) }
            return (inferred(value), nil)
        default:
            if let p = primitive(parsed!.base) { return (p, nil) }
            return namedType(parsed!.base, value: value, items: items, line: line, stack: stack)
        }
    }

    /// The type of an `+ Attributes` section. Without a type of its own and with one nameless typed
    /// value as its only item (`+ Attributes` / `+ (array)` / `+ (object)` …), that value is the body.
    ///
    /// For example: `+ Attributes` over `+ (array)` over `+ (object)` with `+ id (string)` → array of `{id}`.
    func resolveAttributes(spec: String?, items: [[Block]], line: Int) -> (TypeRef, [String]?) {
        if spec == nil, items.count == 1, let (text, itemLine) = Self.markedFirstLine(items[0]), Self.keyword(text) == nil {
            let m = MSONLine.parse(text, named: true)
            if m.name == nil, let type = m.type {
                return resolve(spec: type, value: m.value, items: Self.children(items[0]), line: itemLine)
            }
        }
        return resolve(spec: spec, value: nil, items: items, line: line)
    }

    /// A reference to a named type, with the members the declaration adds (inheritance).
    func namedType(_ name: String, value: String?, items: [[Block]], line: Int, stack: [String]) -> (TypeRef, [String]?) {
        guard let type = named[name] else {
            diagnostics.warning("unknown type '\(name)'; using any", at: SourceLocation(file: file, line: line, column: 1))
            return (.any, nil)
        }
        if stack.contains(name) { return (.map(.any), nil) }
        var (resolved, enumValues) = resolve(spec: type.base, value: value, items: type.items, line: type.line, stack: stack + [name])
        if case .object(var fields) = resolved {
            merge(members(items, stack: stack), into: &fields)
            resolved = .object(fields)
        } else if case .array(let inner) = resolved, !items.isEmpty {
            let extra = itemType(nested: [], value: nil, items: items, line: line, stack: stack)
            resolved = .array(extra == .any ? inner : extra)
        } else if enumValues != nil {
            enumValues! += self.enumValues(value: nil, items: items).filter { !enumValues!.contains($0) }
        }
        return (resolved, enumValues)
    }

    /// Later declarations of a member replace earlier ones (an override of an inherited member).
    func merge(_ extra: [Field], into fields: inout [Field]) {
        for f in extra {
            if let i = fields.firstIndex(where: { $0.name == f.name }) { fields[i] = f } else { fields.append(f) }
        }
    }

    func primitive(_ name: String) -> TypeRef? {
        switch name.lowercased() {
        case "string": return .string
        case "number": return .number
        case "boolean", "bool": return .boolean
        case "object": return .object([])
        case "array": return .array(.any)
        default:
            let (t, known) = TypeString.parse(name)
            return known && named[name] == nil ? t : nil
        }
    }

    /// The type of a member without a type attribute, from its sample value.
    func inferred(_ value: String?) -> TypeRef {
        guard let v = value?.trimming(" "), !v.isEmpty else { return .string }
        if v == "true" || v == "false" { return .boolean }
        if Double(v) != nil, v.first != "+" { return .number }
        return .string
    }

    /// The first line of a list item, as text.
    static func firstLine(_ item: [Block]) -> (String, Int)? {
        guard let first = item.first else { return nil }
        if case .paragraph(let p) = first { return (p.text.firstLineAndRest.0, p.line) }
        return nil
    }

    /// The first line of a list item with code spans in backticks (for member names and keywords).
    static func markedFirstLine(_ item: [Block]) -> (String, Int)? {
        guard let first = item.first else { return nil }
        if case .paragraph(let p) = first { return (p.text.firstLineKeepingCode, p.line) }
        return nil
    }

    /// The nested list items of an item (after its first line).
    /// An over-indented nested list that Markdown read as a code block counts (`MSONIndentedList`).
    static func children(_ item: [Block]) -> [[Block]] {
        let lists = item.dropFirst().flatMap { block -> [[Block]] in
            if case .list(let l) = block { return l.items }
            return []
        }
        if !lists.isEmpty { return lists }
        for case .code(let code) in item.dropFirst() {
            if let items = MSONIndentedList.items(code) { return items }
        }
        return []
    }

    /// The description paragraphs of an item (after its first line).
    static func prose(_ item: [Block]) -> String {
        var parts: [String] = []
        if case .paragraph(let p)? = item.first {
            let rest = p.text.firstLineAndRest.1
            if !rest.isEmpty { parts.append(rest) }
        }
        for case .paragraph(let p) in item.dropFirst() { parts.append(p.text.plain) }
        return parts.joined(separator: "\n\n")
    }

    static let sectionKeywords: Set<String> = ["properties", "items", "members", "default", "sample", "samples", "one of",
                                               "validations", "enumerations"]

    /// The type-section keyword a line is (`Properties`, `Items`, `Default: 1`, `Include User`), or nil
    /// for a member: a keyword with attributes (`items (object, required)`) or in backticks
    /// (`` `Properties` ``) names a member, as in drafter.
    static func keyword(_ text: String) -> String? {
        let lower = text.lowercased().trimming(" ")
        if lower.hasPrefix("`") { return nil }
        for k in sectionKeywords where lower == k || lower.hasPrefix(k + ":") { return k }
        if lower.hasPrefix("include ") { return "include" }
        return nil
    }

    func hasMemberItems(_ items: [[Block]]) -> Bool {
        items.contains { item in Self.markedFirstLine(item).map { Self.keyword($0.0) == nil } ?? false }
    }

    /// Object members of a list: member lines, `+ Properties`, `+ Include X`, `+ One Of`.
    func members(_ items: [[Block]], stack: [String], optional: Bool = false) -> [Field] {
        var fields: [Field] = []
        for item in items {
            guard let (text, line) = Self.markedFirstLine(item) else { continue }
            switch Self.keyword(text) {
            case "properties"?, "items"?, "members"?:
                merge(members(Self.children(item), stack: stack, optional: optional), into: &fields)
            case "include"?:
                let name = MSONLine.unquoted(String(text.trimming(" ").dropFirst("include ".count)))
                    .trimming(" ").trimming("(").trimming(")")
                let (t, _) = namedType(name, value: nil, items: [], line: line, stack: stack)
                if case .object(let included) = t { merge(included, into: &fields) }
            case "one of"?:
                // Each option is a member or a `+ Properties` group; none of them is always present.
                merge(members(Self.children(item), stack: stack, optional: true), into: &fields)
            case .some:
                continue
            case nil:
                let m = MSONLine.parse(text, named: true)
                guard let name = m.name else { continue }
                let (type, values) = resolve(spec: m.type, value: m.value, items: Self.children(item), line: line, stack: stack)
                var description = m.description
                let more = Self.prose(item)
                if !more.isEmpty { description += (description.isEmpty ? "" : "\n\n") + more }
                let field = Field(name: name, type: type, required: !optional && m.flags.contains("required"),
                                  nullable: m.flags.contains("nullable"), description: description,
                                  enumValues: values, provenance: SourceLocation(file: file, line: line, column: 1))
                merge([field], into: &fields)
            }
        }
        return fields
    }

    /// The item type of an array: `array[T]`, its value-only items (`+ (User)`, `+ 1 (number)`), or strings.
    func itemType(nested: [String], value: String?, items: [[Block]], line: Int, stack: [String]) -> TypeRef {
        var types: [TypeRef] = nested.map { resolve(spec: $0, value: nil, items: [], line: line, stack: stack).0 }
        for item in items {
            guard let (text, itemLine) = Self.markedFirstLine(item) else { continue }
            let k = Self.keyword(text)
            if k == "items" || k == "members" {
                types.append(itemType(nested: [], value: nil, items: Self.children(item), line: itemLine, stack: stack))
                continue
            }
            if k != nil { continue }
            let m = MSONLine.parse(text, named: false)
            types.append(resolve(spec: m.type, value: m.value, items: Self.children(item), line: itemLine, stack: stack).0)
        }
        guard let first = types.first else { return value == nil ? .any : .string }
        if types.allSatisfy({ $0 == first }) { return first }
        // Items that are all objects (`array[User, Org]`, two `+ (object)` samples): one object with
        // every member, required only where every item requires it.
        let objects = types.compactMap { t -> [Field]? in if case .object(let f) = t { return f }; return nil }
        return objects.count == types.count ? .object(Self.union(objects)) : .any
    }

    /// The members of several object types in first-seen order; a member missing from one is
    /// optional; a member that is an object (or array of objects) in several has the members of all.
    ///
    /// For example: `{a (required), b}` and `{a (required), c}` → `{a (required), b, c}`.
    static func union(_ objects: [[Field]]) -> [Field] {
        var out: [Field] = []
        for fields in objects {
            for f in fields {
                if let i = out.firstIndex(where: { $0.name == f.name }) {
                    out[i].type = unionType(out[i].type, f.type)
                    continue
                }
                var merged = f
                merged.required = objects.allSatisfy { o in o.contains { $0.name == f.name && $0.required } }
                out.append(merged)
            }
        }
        return out
    }

    /// Two object types (or arrays of them) as one with the members of both; otherwise the first.
    static func unionType(_ a: TypeRef, _ b: TypeRef) -> TypeRef {
        switch (a, b) {
        case (.object(let x), .object(let y)): return .object(union([x, y]))
        case (.array(let x), .array(let y)): return .array(unionType(x, y))
        default: return a
        }
    }

    /// Enum values: the value-only items (under `+ Members` or directly), else the comma-separated sample.
    func enumValues(value: String?, items: [[Block]]) -> [String] {
        var values: [String] = []
        for item in items {
            guard let (text, _) = Self.firstLine(item) else { continue }
            let k = Self.keyword(text)
            if k == "members" || k == "enumerations" {
                values += enumValues(value: nil, items: Self.children(item))
                continue
            }
            if k != nil { continue }
            if let v = MSONLine.parse(text, named: false).value, !values.contains(v) { values.append(v) }
        }
        return values
    }
}
