import Foundation

/// A parsed JSON value that keeps what a type check needs: integers apart from other numbers,
/// booleans apart from numbers, object members sorted by key (so findings come in a stable order).
///
/// For example: `JSONValue.parse(Data(#"{"id": 1, "ok": true}"#.utf8))` is
/// `.object([("id", .integer(1)), ("ok", .boolean(true))])`.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
    }

    /// Parses `data`, or nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The JSON kind as the report names it: `string`, `integer`, `number`, `boolean`, `object`, `array`, `null`.
    public var kind: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// A short rendering for a report: strings quoted, long values cut.
    public var preview: String {
        let text: String
        switch self {
        case .null: text = "null"
        case .boolean(let b): text = b ? "true" : "false"
        case .integer(let i): text = String(i)
        case .number(let d): text = String(d)
        case .string(let s): text = "\"" + s + "\""
        case .array(let items): text = "array of \(items.count)"
        case .object(let members): text = "object with \(members.count) key\(members.count == 1 ? "" : "s")"
        }
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// The value as a path segment or query value (strings and numbers only).
    public var scalarText: String? {
        switch self {
        case .string(let s): return s.isEmpty ? nil : s
        case .integer(let i): return String(i)
        default: return nil
        }
    }
}

extension JSONValue: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        if var items = try? decoder.unkeyedContainer() {
            var out: [JSONValue] = []
            while !items.isAtEnd { out.append(try items.decode(JSONValue.self)) }
            self = .array(out)
            return
        }
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [Member] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(Member(key: key.stringValue, value: try object.decode(JSONValue.self, forKey: key)))
            }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let b = try? single.decode(Bool.self) { self = .boolean(b) }
        else if let i = try? single.decode(Int64.self) { self = .integer(i) }
        else if let d = try? single.decode(Double.self) { self = .number(d) }
        else { self = .string(try single.decode(String.self)) }
    }
}

extension JSONValue {
    /// JSON text of the value (sorted keys), for request bodies built from examples or types.
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s):
            let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONValue.string($0.key).jsonText + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}
