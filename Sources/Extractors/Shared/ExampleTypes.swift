import APIModel

/// Types from JSON examples, as quicktype infers them: several examples merged; a key missing from
/// some → not required; `null` → nullable; arrays of objects unified; integer vs double; ISO dates,
/// UUIDs, emails and URLs recognised in strings.
///
/// For example: `[{"a": 1}, {"a": 2.5, "b": null}]` → array of object `{a: number (required), b: any (nullable)}`.
public enum ExampleTypes {
    public static func infer(_ samples: [JSONNode]) -> TypeRef {
        let nonNull = samples.filter { $0 != .null }
        guard let first = nonNull.first else { return .any }
        switch first {
        case .object:
            var order: [String] = []
            var values: [String: [JSONNode]] = [:]
            var presence: [String: Int] = [:]
            var objects = 0
            for s in nonNull {
                guard case .object(let members) = s else { return .any }
                objects += 1
                for (k, v) in members {
                    if values[k] == nil { order.append(k) }
                    values[k, default: []].append(v)
                    presence[k, default: 0] += 1
                }
            }
            return .object(order.map { k in
                let vs = values[k]!
                return Field(name: k, type: infer(vs), required: presence[k] == objects, nullable: vs.contains(.null))
            })
        case .array:
            var items: [JSONNode] = []
            for s in nonNull {
                guard case .array(let xs) = s else { return .any }
                items += xs
            }
            return .array(infer(items))
        case .string:
            let strings = nonNull.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            guard strings.count == nonNull.count else { return .any }
            return .primitive(.string, format: commonFormat(strings))
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

    static func isDate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
        return u.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (48...57).contains(c) }
    }

    static func isDateTime(_ s: String) -> Bool {
        guard s.count >= 19, isDate(String(s.prefix(10))) else { return false }
        let t = Array(s.utf8)
        return (t[10] == 84 || t[10] == 32) && t[13] == 58 && t[16] == 58
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
