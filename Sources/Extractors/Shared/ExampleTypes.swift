import APIModel

/// Types from JSON examples, as quicktype infers them but for requiredness: several examples merged;
/// every member optional (an example shows that a field can be there, not that it always is: Kinto's
/// example record has `baz`, the server's records have their own fields; what the docs do say is
/// required comes from their field lists and tables, not from here); `null` → nullable; arrays of
/// objects unified; integer vs double; ISO dates and URLs recognised in strings; UUIDs only under a key that says so (`uuid`, `project_uuid`, `guid`): an
/// id that merely looks like one in the example (`"bucket_id": "2f9b1aaa-…"`) may be any name on the
/// server (`"blog"`), and typed `UUID` it would fail to decode. An object whose keys are all values, not
/// names (`"!DuGc…:matrix.org"`, `"m.secret_storage.key.Lm…"`, `"12"`), is a map of its members' types.
///
/// For example: `[{"a": 1}, {"a": 2.5, "b": null}]` → array of object `{a: number, b: any (nullable)}`.
public enum ExampleTypes {
    /// Whether the samples are objects and arrays of objects, both.
    public static func mixesObjectAndArray(_ samples: [JSONNode]) -> Bool {
        var objects = false, arrays = false
        for s in samples {
            switch s {
            case .object: objects = true
            case .array(let xs): guard xs.allSatisfy({ if case .object = $0 { return true } else { return $0 == .null } }) else { return false }; arrays = true
            case .null: continue
            default: return false
            }
        }
        return objects && arrays
    }

    public static func infer(_ samples: [JSONNode]) -> TypeRef { infer(samples, uuidNamed: false) }

    /// `uuidNamed`: the samples are under a key that names a UUID, so UUID-shaped strings are UUIDs.
    static func infer(_ samples: [JSONNode], uuidNamed: Bool) -> TypeRef {
        let nonNull = samples.filter { $0 != .null }
        guard let first = nonNull.first else { return .any }
        // One object shown beside an array of such objects (`{"name": …}` and `[{"name": …}]` for one
        // response): the array, its items merged with the object (the builder warns; `mixesObjectAndArray`).
        if mixesObjectAndArray(nonNull) {
            return .array(infer(nonNull.flatMap { node -> [JSONNode] in if case .array(let xs) = node { return xs } else { return [node] } },
                                uuidNamed: uuidNamed))
        }
        switch first {
        case .object:
            var order: [String] = []
            var values: [String: [JSONNode]] = [:]
            for s in nonNull {
                guard case .object(let members) = s else { return .any }
                for (k, v) in members where !isElision(k) {
                    if values[k] == nil { order.append(k) }
                    values[k, default: []].append(v)
                }
            }
            if !order.isEmpty, order.allSatisfy(isValueKey) {
                return .map(infer(order.flatMap { values[$0]! }))
            }
            return .object(order.map { k in
                let vs = values[k]!
                return Field(name: k, type: infer(vs, uuidNamed: namesUUID(k)), required: false, nullable: vs.contains(.null))
            })
        case .array:
            var items: [JSONNode] = []
            for s in nonNull {
                guard case .array(let xs) = s else { return .any }
                items += xs
            }
            return .array(infer(items, uuidNamed: uuidNamed))
        case .string:
            let strings = nonNull.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            guard strings.count == nonNull.count else { return .any }
            let format = commonFormat(strings)
            return .primitive(.string, format: format == "uuid" && !uuidNamed ? nil : format)
        case .integer, .double:
            guard nonNull.allSatisfy({ $0 == .integer || $0 == .double }) else { return .any }
            return nonNull.contains(.double) ? .primitive(.number, format: "double") : .integer
        case .bool:
            return nonNull.allSatisfy { $0 == .bool } ? .boolean : .any
        case .null:
            return .any
        }
    }

    /// The format every non-empty sample has, if any.
    static func commonFormat(_ strings: [String]) -> String? {
        let values = strings.filter { !$0.isEmpty }
        guard !values.isEmpty else { return nil }
        for (format, test) in [("date-time", isDateTime), ("date", isDate), ("uuid", isUUID), ("uri", isURI)] as [(String, (String) -> Bool)] {
            if values.allSatisfy(test) { return format }
        }
        return nil
    }

    /// The type of a documented field an example types: a whole number shown for a quantity the description
    /// measures in a continuous unit (`(unit is *percent*)`, `Number of seconds since …`, `float`, `°C`) is
    /// a number, not an integer: the next answer has a fraction (Glances' `cpu_percent` 14.5).
    ///
    /// For example: `.integer` for `CPU usage (unit is *percent*)` → number; for `Number of processes` → integer.
    public static func widened(_ type: TypeRef, description: String) -> TypeRef {
        guard case .primitive(.integer, _) = type else { return type }
        let continuous: Set<String> = ["percent", "percentage", "%", "second", "seconds", "float", "celsius", "fahrenheit", "°c",
                                       "hertz", "ratio", "watt", "watts", "volt", "volts"]
        let words = description.lowercased().split { !($0.isLetter || $0 == "%" || $0 == "°") }
        return words.contains { continuous.contains(String($0)) } ? .primitive(.number, format: "double") : type
    }

    /// A member that stands for the ones left out (`{"type": "m.room.create", "etc": true}`, `"...": "..."`),
    /// not a field.
    static func isElision(_ key: String) -> Bool {
        ["etc", "etc.", "...", "…", "etc...", "etc…"].contains(key.lowercased())
    }

    /// A key that names a UUID: `uuid`, `project_uuid`, `memberUUIDs`, `guid`.
    static func namesUUID(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.contains("uuid") || k.contains("guid")
    }

    /// A key that is a value, not a field name: a number (`"12"`), a UUID, an id with a sigil or a server
    /// (`"!DuGc…:matrix.org"`, `"@alice:example.org"`, `"$ev…:server"`), a path or URL, a name with spaces,
    /// or a dotted namespaced name (`"m.secret_storage.key.Lm…"`, `"im.vector.hide_profile"`). Keys such as
    /// `@type`, `$ref` or `@odata.count` (JSON-LD, JSON Schema, OData) and compact names (`adstage:link`,
    /// HAL's CURIEs; `xml:lang`) are names.
    static func isValueKey(_ key: String) -> Bool {
        guard let first = key.first else { return false }
        if key.allSatisfy(\.isNumber) || isUUID(key) { return true }
        if first == "@" || first == "$" { return key.contains(":") }
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        let compactName = parts.count == 2 && first.isLetter
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }
        if compactName { return false }
        if key.contains(where: { "!:/# |,;=".contains($0) }) { return true }
        return first.isLetter && key.contains(".") && !key.hasSuffix(".")
    }

    static func isDate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
        return u.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (48...57).contains(c) }
    }

    /// RFC 3339, as the generated code's runtime decodes a `Date`: `YYYY-MM-DD(T| )HH:MM:SS[.fraction]`
    /// and a zone (`Z`, `±HH:MM`, `±HHMM`). A value without a zone (`2024-05-01T12:00:00`) or with a
    /// zone name (`2026-06-13 15:33:52 CEST`, Glances' `now`) stays a string: typed as a date it would
    /// fail to decode.
    static func isDateTime(_ s: String) -> Bool {
        guard s.utf8.count >= 20, isDate(String(s.prefix(10))) else { return false }
        let t = Array(s.utf8)
        func digits(_ at: Int, _ n: Int) -> Bool { at + n <= t.count && t[at..<at + n].allSatisfy { (48...57).contains($0) } }
        guard t[10] == 84 || t[10] == 116 || t[10] == 32, digits(11, 2), t[13] == 58, digits(14, 2), t[16] == 58, digits(17, 2) else { return false }
        var i = 19
        if t[i] == 46 {
            i += 1
            let start = i
            while i < t.count, (48...57).contains(t[i]) { i += 1 }
            guard i > start else { return false }
        }
        guard i < t.count else { return false }
        if t[i] == 90 || t[i] == 122 { return i + 1 == t.count }
        guard t[i] == 43 || t[i] == 45, digits(i + 1, 2) else { return false }
        i += 3
        if i < t.count, t[i] == 58 { i += 1 }
        return digits(i, 2) && i + 2 == t.count
    }

    static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (i, c) in u.enumerated() {
            if [8, 13, 18, 23].contains(i) { if c != 45 { return false } } else if !((48...57).contains(c) || (97...102).contains(c) || (65...70).contains(c)) { return false }
        }
        return true
    }

    static func isURI(_ s: String) -> Bool { s.hasPrefix("http://") || s.hasPrefix("https://") }
}
