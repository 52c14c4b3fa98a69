import Foundation

/// Where each model field is documented, for decoding errors that point at the doc page.
///
/// A generated module has one table (`DocSources.fields`), an array of string literals, one per field:
/// `Type<TAB>jsonKey<TAB>page.md:LINE<TAB>FieldType`, where `FieldType` is the model the field
/// holds (its array elements' model, or `{Model` for a map of them), `=Int` for integers, or empty. The lines are parsed only when
/// a decode fails, so decoding a good answer never pays for them.
///
/// For example: `FieldSources(["User\towner\tusers.md:13\tOwner", "Owner\tid\tusers.md:40\t"])` locates the
/// path `owner.id` of a `User` at `users.md:40`.
public struct FieldSources: Sendable {
    let lines: [String]

    public init(_ lines: [String]) { self.lines = lines }

    struct Entry { var location: String; var type: String; var isMap: Bool; var isInteger = false }

    func parse() -> [String: [String: Entry]] {
        var table: [String: [String: Entry]] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { continue }
            var type = parts.count > 3 ? parts[3] : ""
            let isMap = type.hasPrefix("{")
            if isMap { type.removeFirst() }
            let isInteger = type == "=Int"
            if isInteger { type = "" }
            table[parts[0], default: [:]][parts[1]] = Entry(location: parts[2], type: type, isMap: isMap, isInteger: isInteger)
        }
        return table
    }

    /// The doc location of the field at `path` in a value of model `root`: the last field on the path the
    /// table knows; where a key is unknown, the line of the type that lacks it (its empty key), if any.
    ///
    /// For example: in `[User]`, the path `[3].owner.id` is `Owner.id`'s location.
    public func location(of path: [any CodingKey], in root: String) -> String? {
        let table = parse()
        var type = root
        var skipMapKey = false
        var found: String? = table[root]?[""]?.location
        for key in path {
            if key.intValue != nil, key.stringValue.hasPrefix("Index ") || Int(key.stringValue) == key.intValue { continue }
            if skipMapKey { skipMapKey = false; continue }
            guard let entry = table[type]?[key.stringValue] else { return table[type]?[""]?.location ?? found }
            found = entry.location
            type = entry.type
            skipMapKey = entry.isMap
        }
        return found
    }

    /// The first integer field of a `root` value whose number has a fraction or does not fit an `Int`:
    /// its JSON path (`[2].time_since_update`), the number, and where the field is documented.
    /// Foundation's `JSONDecoder` on Linux reports such a number as "not valid JSON" with no path.
    ///
    /// For example: `{"load": 4.5}` against `Stats.load` documented as an integer at `stats.md:9` →
    /// `("load", 4.5, "stats.md:9")`.
    public func integerMismatch(in value: JSONValue, root: String) -> (path: String, number: Double, location: String)? {
        let table = parse()
        func walk(_ value: JSONValue, type: String, path: String) -> (String, Double, String)? {
            switch value {
            case .array(let items):
                for (i, item) in items.enumerated() { if let hit = walk(item, type: type, path: path + "[\(i)]") { return hit } }
            case .object(let fields):
                guard let known = table[type] else { return nil }
                for key in fields.keys.sorted() {
                    guard let entry = known[key], let v = fields[key] else { continue }
                    let p = path.isEmpty ? key : path + "." + key
                    if entry.isInteger, let bad = Self.nonInteger(v) { return (p, bad, entry.location) }
                    if entry.isMap, case .object(let m) = v {
                        for k in m.keys.sorted() { if let hit = walk(m[k]!, type: entry.type, path: p + "." + k) { return hit } }
                    } else if !entry.type.isEmpty, let hit = walk(v, type: entry.type, path: p) { return hit }
                }
            default: break
            }
            return nil
        }
        return walk(value, type: root, path: "").map { (path: $0.0, number: $0.1, location: $0.2) }
    }

    /// The first number in `value` (or its array elements) that an `Int` cannot hold.
    static func nonInteger(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let n): return n == n.rounded() && abs(n) < 9.2e18 ? nil : n
        case .array(let items): return items.lazy.compactMap(nonInteger).first
        default: return nil
        }
    }
}
