import APIModel
import Foundation

/// Deterministic sample values, as Swift expressions, for test skeletons: the same type always gives
/// the same value (a UUID, a fixed date, an enum's first case, …). Objects are built with their
/// initialisers; optional fields are filled to a small depth so samples stay finite.
///
/// For example: `.primitive(.string, "uuid")` → `RoundTripSample.uuid`, a UUID the tests build once;
/// a documented example UUID gives `RoundTripSample.uuid("…")`.
struct SampleValues: Sendable {
    let schemas: [String: Schema]
    /// The models module, to qualify named types (`Module.Name`).
    var qualifier = ""
    private let names = Names()

    /// Each schema's Swift names (property labels, case names), worked out the first time a sample
    /// needs them and kept: a regeneration renders the tests of one resource, which reach few schemas.
    private final class Names: @unchecked Sendable {
        let lock = NSLock()
        var properties: [String: [(field: Field, name: String)]] = [:]
        var cases: [String: [String]] = [:]
    }

    init(schemas: [Schema], qualifier: String) {
        var byName: [String: Schema] = [:]
        for schema in schemas where byName[schema.name] == nil { byName[schema.name] = schema }
        self.schemas = byName
        self.qualifier = qualifier
    }

    /// An object schema's fields (one per JSON key) with their property labels.
    func properties(_ schema: Schema) -> [(field: Field, name: String)] {
        if let known = names.lock.withLock({ names.properties[schema.name] }) { return known }
        let made = ContextBuilder.properties(schema)
        names.lock.withLock { names.properties[schema.name] = made }
        return made
    }

    /// An enumeration schema's case names.
    func cases(_ schema: Schema) -> [String] {
        if let known = names.lock.withLock({ names.cases[schema.name] }) { return known }
        let made = ContextBuilder.caseNames(schema)
        names.lock.withLock { names.cases[schema.name] = made }
        return made
    }

    /// A sample taken from a documented JSON example where the example has a usable value for the
    /// type, else the synthesized one. Numbers, booleans, strings (UUIDs, URLs and decimals when they
    /// parse), enum cases and object fields come from the example; dates and free-form values are
    /// always synthesized.
    func expression(_ type: TypeRef, json: Any?, depth: Int = 0) -> String {
        guard let json, !(json is NSNull) else { return expression(type, depth: depth) }
        switch type {
        case .primitive(.string, let f):
            guard let s = json as? String else { break }
            switch f?.lowercased() {
            case "uuid": if UUID(uuidString: s) != nil { return "RoundTripSample.uuid(\(SwiftText.stringLiteral(s)))" }
            case "uri", "url": if !s.isEmpty, URL(string: s) != nil { return "RoundTripSample.url(\(SwiftText.stringLiteral(s)))" }
            case "decimal": if Decimal(string: s) != nil { return "RoundTripSample.decimal(\(SwiftText.stringLiteral(s)))" }
            case "date-time", "datetime", "date", "binary", "byte": break
            default: return SwiftText.stringLiteral(s)
            }
        case .primitive(.integer, _):
            if let n = json as? NSNumber, !(json is Bool), n.doubleValue == n.doubleValue.rounded(), abs(n.doubleValue) < 1e15 { return String(n.int64Value) }
        case .primitive(.number, _):
            if let n = json as? NSNumber, !(json is Bool), n.doubleValue.isFinite { return "\(n.doubleValue)" }
        case .primitive(.boolean, _):
            if let b = json as? Bool { return b ? "true" : "false" }
        case .array(let inner):
            if let items = json as? [Any] { return "[" + items.prefix(3).map { expression(inner, json: $0, depth: depth + 1) }.joined(separator: ", ") + "]" }
        case .ref(let name):
            guard let schema = schemas[name] else { break }
            let qualified = qualifier.isEmpty ? name : "\(qualifier).\(name)"
            if schema.kind == .enumeration, let s = json as? String, let i = schema.enumValues.firstIndex(of: s) {
                return "\(qualified).\(cases(schema)[i])"
            }
            if schema.kind == .object, let object = json as? [String: Any] {
                return initializer(schema, qualified) { field, optional in
                    let value = object[field.name]
                    if value == nil || value is NSNull {
                        return optional ? nil : expression(field.type, depth: depth + 1)
                    }
                    return expression(field.type, json: value, depth: depth + 1)
                }
            }
        default:
            break
        }
        return expression(type, depth: depth)
    }

    func expression(_ type: TypeRef, depth: Int = 0) -> String {
        switch type {
        case .primitive(.string, let f):
            switch f?.lowercased() {
            case "uuid": return "RoundTripSample.uuid"
            case "uri", "url": return "RoundTripSample.url"
            case "date-time", "datetime": return "RoundTripSample.date"
            case "date": return "RoundTripSample.day"
            case "decimal": return "RoundTripSample.decimal"
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
                return cases(schema).first.map { "\(qualified).\($0)" } ?? "\(qualified)(rawValue: \"example\")"
            case .object:
                return initializer(schema, qualified) { field, optional in
                    optional && depth >= 2 ? nil : expression(field.type, depth: depth + 1)
                }
            }
        }
    }

    /// `Type(label: value, …)` with the struct's property labels; `value` nil leaves an optional out.
    func initializer(_ schema: Schema, _ qualified: String, value: (Field, _ optional: Bool) -> String?) -> String {
        var args: [String] = []
        for (field, label) in properties(schema) {
            if let v = value(field, !field.required || field.nullable) { args.append("\(label): \(v)") }
        }
        return "\(qualified)(\(args.joined(separator: ", ")))"
    }
}
