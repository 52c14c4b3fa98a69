import APIModel

/// Deterministic sample values, as Swift expressions, for test skeletons: the same type always gives
/// the same value (a UUID, a fixed date, an enum's first case, …). Objects are built with their
/// initialisers; optional fields are filled to a small depth so samples stay finite.
///
/// For example: `.primitive(.string, "uuid")` → `UUID(uuidString: "00000000-0000-4000-8000-000000000001")!`.
struct SampleValues {
    let schemas: [String: Schema]
    let builder: ContextBuilder
    /// The models module, to qualify named types (`Module.Name`).
    var qualifier = ""

    func expression(_ type: TypeRef, depth: Int = 0) -> String {
        switch type {
        case .primitive(.string, let f):
            switch f?.lowercased() {
            case "uuid": return #"UUID(uuidString: "00000000-0000-4000-8000-000000000001")!"#
            case "uri", "url": return #"URL(string: "https://example.com/resource/1")!"#
            case "date-time", "datetime": return "Date(timeIntervalSince1970: 1_700_000_000)"
            case "date": return "CalendarDate(year: 2024, month: 1, day: 31)"
            case "decimal": return #"DecimalString("12.50")!"#
            case "binary", "byte": return #"Data("example".utf8)"#
            case "email": return #""user@example.com""#
            default: return #""example""#
            }
        case .primitive(.integer, _): return "42"
        case .primitive(.number, _): return "1.5"
        case .primitive(.boolean, _): return "true"
        case .array(let inner): return "[\(expression(inner, depth: depth + 1))]"
        case .map(let inner): return "[\"key\": \(expression(inner, depth: depth + 1))]"
        case .object: return "[\"key\": JSONValue.string(\"value\")]"
        case .any: return #"JSONValue.string("example")"#
        case .ref(let name):
            guard let schema = schemas[name] else { return #"JSONValue.string("example")"# }
            let qualified = qualifier.isEmpty ? name : "\(qualifier).\(name)"
            switch schema.kind {
            case .enumeration:
                let cases = builder.enumContext(schema).cases
                return cases.first.map { "\(qualified).\($0.name)" } ?? "\(qualified)(rawValue: \"example\")"
            case .object:
                let props = builder.structContext(schema).properties
                var keys: Set<String> = []
                let fields = schema.fields.filter { keys.insert($0.name).inserted }
                var args: [String] = []
                for (field, prop) in zip(fields, props) {
                    let optional = !field.required || field.nullable
                    if optional && depth >= 2 { continue }
                    args.append("\(prop.caseName.trimmingBackticks): \(expression(field.type, depth: depth + 1))")
                }
                return "\(qualified)(\(args.joined(separator: ", ")))"
            }
        }
    }
}

extension String {
    var trimmingBackticks: String { hasPrefix("`") && hasSuffix("`") ? String(dropFirst().dropLast()) : self }
}
