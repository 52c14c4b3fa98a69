import APIModel
import DocTree

/// Compares a JSON body with the type the docs give it, through nested objects, arrays and named
/// types, and lists each difference once: a difference found in many array items is reported at its
/// first item (`results[0].id`), and an optional field counts as missing only when no item has it.
///
/// For example: the docs say `{"id": integer, "name": string}`, the server sends `{"id": "7", "extra": 1}`:
/// findings `type` at `id`, `missing` at `name`, `undocumented` at `extra`.
public struct ResponseComparison {
    /// Named types by name (the model's schemas).
    public var schemas: [String: Schema]
    /// Array items checked per array (a long list costs time and adds nothing after the first few hundred).
    public var maxItemsPerArray = 200
    /// Nesting depth checked (a self-referencing type over a deep answer stops here).
    public var maxDepth = 64

    public init(schemas: [Schema]) {
        var byName: [String: Schema] = [:]
        for s in schemas { byName[s.name] = s }
        self.schemas = byName
    }

    public init(api: APIDescription) { self.init(schemas: api.schemas) }

    /// The findings for `value` against `type`; `fallback` locates a finding whose field has no provenance.
    public func compare(_ value: JSONValue, with type: TypeRef, fallback: SourceLocation?) -> [Finding] {
        var run = Run()
        visit(value, type, path: "", nullable: false, enumValues: nil, location: fallback, depth: 0, into: &run)
        return run.result()
    }

    /// Collects findings while walking; keeps the first of each (kind, path without indices).
    struct Run {
        var findings: [Finding] = []
        var seen: Set<String> = []
        /// Optional fields absent somewhere, by normalized path: the first finding and whether any item had it.
        var optionalMissing: [String: (finding: Finding, order: Int)] = [:]
        var optionalPresent: Set<String> = []

        mutating func add(_ f: Finding) {
            let key = f.kind.rawValue + " " + ResponseComparison.normalized(f.jsonPath)
            if seen.insert(key).inserted { findings.append(f) }
        }

        mutating func optionalAbsent(_ f: Finding) {
            let key = ResponseComparison.normalized(f.jsonPath)
            if optionalMissing[key] == nil { optionalMissing[key] = (f, findings.count) }
        }

        /// Findings in the order they were met, optional fields that no item had placed where first missed.
        func result() -> [Finding] {
            var out = findings
            let late = optionalMissing.filter { !optionalPresent.contains($0.key) }.values.sorted { a, b in
                a.order != b.order ? a.order > b.order : a.finding.jsonPath > b.finding.jsonPath
            }
            for m in late where !seen.contains("missing " + ResponseComparison.normalized(m.finding.jsonPath)) {
                out.insert(m.finding, at: min(m.order, out.count))
            }
            return out
        }
    }

    func visit(_ value: JSONValue, _ type: TypeRef, path: String, nullable: Bool, enumValues: [String]?,
               location: SourceLocation?, depth: Int, into run: inout Run) {
        guard depth < maxDepth else { return }
        if case .any = type { return }
        if case .null = value {
            if !nullable { run.add(Finding(kind: .null, jsonPath: path, expected: type.summary, found: "null", location: location)) }
            return
        }
        switch type {
        case .any:
            return
        case .primitive(let p, _):
            guard Self.matches(value, p) else {
                run.add(Finding(kind: .type, jsonPath: path, expected: type.summary, found: Self.describe(value), location: location))
                return
            }
            if let enumValues, !enumValues.isEmpty, let text = value.scalarText ?? value.booleanText, !enumValues.contains(text) {
                run.add(Finding(kind: .enum, jsonPath: path, expected: Self.list(enumValues), found: value.preview, location: location))
            }
        case .array(let items):
            guard case .array(let elements) = value else {
                run.add(Finding(kind: .type, jsonPath: path, expected: type.summary, found: Self.describe(value), location: location))
                return
            }
            for (i, element) in elements.prefix(maxItemsPerArray).enumerated() {
                visit(element, items, path: path + "[\(i)]", nullable: false, enumValues: enumValues, location: location,
                      depth: depth + 1, into: &run)
            }
        case .map(let values):
            guard case .object(let members) = value else {
                run.add(Finding(kind: .type, jsonPath: path, expected: type.summary, found: Self.describe(value), location: location))
                return
            }
            for m in members.prefix(maxItemsPerArray) {
                visit(m.value, values, path: Self.join(path, m.key), nullable: false, enumValues: nil, location: location,
                      depth: depth + 1, into: &run)
            }
        case .object(let fields):
            visitObject(value, fields, typeName: "object", path: path, location: location, depth: depth, into: &run)
        case .ref(let name):
            guard let schema = schemas[name] else { return }
            switch schema.kind {
            case .enumeration:
                visit(value, .string, path: path, nullable: nullable, enumValues: schema.enumValues, location: location,
                      depth: depth, into: &run)
            case .object:
                visitObject(value, schema.fields, typeName: name, path: path, location: location ?? schema.provenance,
                            depth: depth, into: &run)
            }
        }
    }

    func visitObject(_ value: JSONValue, _ fields: [Field], typeName: String, path: String, location: SourceLocation?,
                     depth: Int, into run: inout Run) {
        guard case .object(let members) = value else {
            run.add(Finding(kind: .type, jsonPath: path, expected: typeName == "object" ? "object" : "object (\(typeName))",
                            found: Self.describe(value), location: location))
            return
        }
        // An object documented with no fields at all says nothing about its keys.
        guard !fields.isEmpty else { return }
        var documented: Set<String> = []
        for field in fields {
            documented.insert(field.name)
            let fieldPath = Self.join(path, field.name)
            let at = field.provenance ?? location
            guard let member = members.first(where: { $0.key == field.name }) else {
                let f = Finding(kind: .missing, jsonPath: fieldPath, expected: field.type.summary + (field.required ? ", required" : ""),
                                found: "absent", location: at)
                if field.required { run.add(f) } else { run.optionalAbsent(f) }
                continue
            }
            if !field.required { run.optionalPresent.insert(Self.normalized(fieldPath)) }
            visit(member.value, field.type, path: fieldPath, nullable: field.nullable, enumValues: field.enumValues, location: at,
                  depth: depth + 1, into: &run)
        }
        for m in members where !documented.contains(m.key) {
            run.add(Finding(kind: .undocumented, jsonPath: Self.join(path, m.key), expected: "not documented",
                            found: Self.describe(m.value), location: location))
        }
    }

    static func matches(_ value: JSONValue, _ p: TypeRef.Primitive) -> Bool {
        switch (p, value) {
        case (.string, .string), (.integer, .integer), (.number, .integer), (.number, .number), (.boolean, .boolean): return true
        default: return false
        }
    }

    /// `integer 7`, `string "7"`, `object with 2 keys`.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .array, .object, .null: return value.preview
        default: return value.kind + " " + value.preview
        }
    }

    static func list(_ values: [String]) -> String {
        let shown = values.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        return "one of " + shown + (values.count > 12 ? ", … (\(values.count))" : "")
    }

    /// `a.b`, `a["odd key"]`, or the key alone at the root.
    static func join(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0 == "$" || $0 == "@"
            || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        if plain { return path.isEmpty ? key : path + "." + key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return path + "[\"" + escaped + "\"]"
    }

    /// The path with array indices dropped (`a[3].b` → `a[].b`): one finding per place in the type.
    static func normalized(_ path: String) -> String {
        var out = ""
        let chars = Array(path)
        var i = 0
        while i < chars.count {
            if chars[i] == "[", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
                var j = i + 1
                while j < chars.count, chars[j] != "]" { j += 1 }
                out += "[]"
                i = j + 1
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }
}

extension JSONValue {
    var booleanText: String? { if case .boolean(let b) = self { return b ? "true" : "false" }; return nil }
}
