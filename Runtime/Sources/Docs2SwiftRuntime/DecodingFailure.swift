import Foundation

/// A decoding error in terms a reader of the docs can act on: where in the JSON, what the model
/// expected, what the server sent, and where the field is documented.
///
/// Built only after a decode failed (the decode itself is the plain `JSONDecoder` one), from the
/// `DecodingError`'s coding path and the body.
///
/// For example: `results[3].owner.id: expected integer (Int), found string "u-17"; documented at users.md:40`.
public struct DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// `results[3].owner.id`; empty for the whole body.
    public var jsonPath: String
    /// `integer (Int)`, `object`, `a value`, or the decoder's own words for a malformed value.
    public var expected: String
    /// `string "u-17"`, `null`, `no such key`.
    public var found: String
    /// `users.md:40` when the field is in the module's `FieldSources`.
    public var location: String?

    public init(jsonPath: String, expected: String, found: String, location: String?) {
        self.jsonPath = jsonPath
        self.expected = expected
        self.found = found
        self.location = location
    }

    /// Translates `error` for a value of type `root` decoded from `body`.
    public init(_ error: DecodingError, root: Any.Type, body: Data, sources: FieldSources?) {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            expected = Self.describe(type)
            found = Self.value(at: path, in: body)
        case .valueNotFound(let type, let context):
            path = context.codingPath
            expected = Self.describe(type)
            found = Self.value(at: path, in: body)
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            expected = "a value"
            found = "no such key"
        case .dataCorrupted(let context):
            // Foundation on Linux reports a fraction in an integer field as a body that is not JSON, with no
            // path: when the body is JSON, the field table finds the number.
            let json = context.codingPath.isEmpty ? try? JSONDecoder().decode(JSONValue.self, from: body) : nil
            if let json, let hit = sources?.integerMismatch(in: json, root: Self.modelName(root)) {
                jsonPath = hit.path
                expected = "integer (Int)"
                found = "number \(hit.number)"
                location = hit.location
                return
            }
            path = context.codingPath
            expected = "a valid value (" + context.debugDescription.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) + ")"
            found = !path.isEmpty ? Self.value(at: path, in: body)
                : json != nil ? "JSON with a value the model cannot hold (a number too large or with a fraction?)" : "a body that is not JSON"
        @unknown default:
            path = []
            expected = "a value"
            found = String(describing: error)
        }
        jsonPath = Self.render(path)
        location = sources?.location(of: path, in: Self.modelName(root))
    }

    public var description: String {
        "\(jsonPath.isEmpty ? "(body)" : jsonPath): expected \(expected), found \(found)"
            + (location.map { "; documented at \($0)" } ?? "")
    }

    /// `results[3].owner.id` from a coding path.
    static func render(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue, key.stringValue.hasPrefix("Index ") || Int(key.stringValue) == i { out += "[\(i)]" }
            else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }

    /// The JSON kind of a Swift type, with the type: `integer (Int)`.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt.Type: return "integer (\(type))"
        case is Double.Type, is Float.Type: return "number (\(type))"
        case is String.Type: return "string"
        case is Bool.Type: return "boolean"
        case is [String: Any].Type: return "object"
        case is [Any].Type: return "array"
        default: return String(describing: type)
        }
    }

    /// The model's name without `Array<…>`, `Optional<…>`: the table's key for the root.
    static func modelName(_ type: Any.Type) -> String {
        var name = String(describing: type)
        for wrapper in ["Array<", "Optional<"] {
            while name.hasPrefix(wrapper), name.hasSuffix(">") { name = String(name.dropFirst(wrapper.count).dropLast()) }
        }
        return name
    }

    /// What the body holds at `path`: `string "abc"`, `number 3`, `null`, `object`, `array of 2`.
    static func value(at path: [any CodingKey], in body: Data) -> String {
        guard var value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return "a body that is not JSON" }
        for key in path {
            switch value {
            case .array(let items):
                guard let i = key.intValue, items.indices.contains(i) else { return "nothing" }
                value = items[i]
            case .object(let fields):
                guard let v = fields[key.stringValue] else { return "no such key" }
                value = v
            default: return "nothing"
            }
        }
        switch value {
        case .null: return "null"
        case .bool(let b): return "boolean \(b)"
        case .number(let n): return "number " + (n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n))
        case .string(let s): return "string " + Self.quoted(s)
        case .array(let items): return "array of \(items.count)"
        case .object(let fields): return "object {" + fields.keys.sorted().prefix(5).joined(separator: ", ") + (fields.count > 5 ? ", …}" : "}")
        }
    }

    static func quoted(_ s: String) -> String {
        let short = s.count > 60 ? String(s.prefix(60)) + "…" : s
        return "\"" + short.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
