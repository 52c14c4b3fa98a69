import APIModel
import Foundation

/// The body of a write: the docs' example request body, else one built from the documented type
/// (required fields, or all when none is marked required). Ids in it (`id`, and the key named like
/// the item's path parameter) are replaced with `id`, so a create never names an existing object.
///
/// For example: the example `{"data": {"id": "blog"}}` with id `d2s-check-1a2b` becomes
/// `{"data": {"id": "d2s-check-1a2b"}}`.
enum RequestBodies {
    static func body(for op: APIModel.Operation, schemas: [String: Schema], id: String?, idKeys: Set<String>) -> JSONValue? {
        var value: JSONValue?
        for example in op.examples where example.kind != "response" {
            if let v = jsonIn(example.text) { value = v; break }
        }
        if value == nil, let body = op.requestBody { value = synthesize(body.type, schemas: schemas, depth: 0) }
        guard var v = value else { return nil }
        if let id { v = replacingIds(v, with: id, keys: idKeys) }
        return v
    }

    /// The first JSON object or array in an example's text (after a request line and headers, or inside `curl -d '…'`).
    static func jsonIn(_ text: String) -> JSONValue? {
        let opens = text.indices.filter { text[$0] == "{" || text[$0] == "[" }
        for start in opens.prefix(8) {
            let closer: Character = text[start] == "{" ? "}" : "]"
            var end = text.endIndex
            while let close = text[start..<end].lastIndex(of: closer) {
                if let v = JSONValue.parse(Data(text[start...close].utf8)), case .object = v { return v }
                if let v = JSONValue.parse(Data(text[start...close].utf8)), case .array = v { return v }
                end = close
            }
        }
        return nil
    }

    static func replacingIds(_ value: JSONValue, with id: String, keys: Set<String>) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { m in
                if keys.contains(m.key), case .string = m.value { return .init(key: m.key, value: .string(id)) }
                return .init(key: m.key, value: replacingIds(m.value, with: id, keys: keys))
            })
        case .array(let items): return .array(items.map { replacingIds($0, with: id, keys: keys) })
        default: return value
        }
    }

    static func synthesize(_ type: TypeRef, schemas: [String: Schema], depth: Int, enumValues: [String]? = nil) -> JSONValue {
        if let first = enumValues?.first { return .string(first) }
        guard depth < 6 else { return .null }
        switch type {
        case .primitive(.string, let format):
            switch format {
            case "date-time"?: return .string("2024-01-31T12:00:00Z")
            case "date"?: return .string("2024-01-31")
            case "uuid"?: return .string("00000000-0000-4000-8000-000000000001")
            case "email"?: return .string("docs2swift-check@example.com")
            case "uri"?, "url"?: return .string("https://example.com/")
            default: return .string("docs2swift-check")
            }
        case .primitive(.integer, _): return .integer(1)
        case .primitive(.number, _): return .number(1.5)
        case .primitive(.boolean, _): return .boolean(true)
        case .array: return .array([])
        case .map, .any: return .object([])
        case .object(let fields): return object(fields, schemas: schemas, depth: depth)
        case .ref(let name):
            guard let s = schemas[name] else { return .object([]) }
            if s.kind == .enumeration { return .string(s.enumValues.first ?? "") }
            return object(s.fields, schemas: schemas, depth: depth)
        }
    }

    static func object(_ fields: [Field], schemas: [String: Schema], depth: Int) -> JSONValue {
        let writable = fields.filter { !$0.readOnly }
        let required = writable.filter(\.required)
        let chosen = required.isEmpty ? writable : required
        return .object(chosen.sorted { $0.name < $1.name }.map {
            .init(key: $0.name, value: synthesize($0.type, schemas: schemas, depth: depth + 1, enumValues: $0.enumValues))
        })
    }
}
