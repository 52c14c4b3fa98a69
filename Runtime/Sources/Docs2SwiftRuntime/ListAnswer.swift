import Foundation

/// Which id a list answer gives for a path parameter: the one rule `docs2swift check` and the generated
/// tests' live mode share to fill `{bucket_id}` in `GET /buckets/{bucket_id}` after `GET /buckets`.
/// Values are what `JSONSerialization` returns (dictionaries, arrays, strings, numbers).
///
/// For example: `ListAnswer.identifier(in: ListAnswer.items(in: ["data": [["id": "blog"]]])![0], for: "bucket_id")`
/// is `"blog"`.
public enum ListAnswer {
    /// Members that usually hold a list's items, tried before any other array of objects.
    static let preferredMembers = ["data", "results", "items", "objects", "records", "entries"]

    /// The items of a list answer: the array's objects, or the array of objects the answer wraps
    /// (`data`, `results`, `items`, … first, else the first such member by name).
    public static func items(in body: Any) -> [[String: Any]]? {
        if let array = body as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        guard let object = body as? [String: Any] else { return nil }
        let arrays = object.keys.sorted().filter { ((object[$0] as? [Any])?.first as? [String: Any]) != nil }
        guard let key = arrays.first(where: preferredMembers.contains) ?? arrays.first else { return nil }
        return (object[key] as? [Any])?.compactMap { $0 as? [String: Any] }
    }

    /// The id of an object for the parameter `name`: the key `name`, then its stem (`bucket_id` → `bucket`,
    /// `id`), then `id`, `uuid`, `slug`, `name`, `key`; in the object or one level down (`{"data": {"id": …}}`).
    /// Only a non-empty string or an integer is an id.
    /// A parameter that names alternatives (`room_id_or_alias`) tries each (`room_id`, then `alias`) first.
    public static func identifier(in object: [String: Any], for name: String) -> String? {
        var keys: [String] = []
        for candidate in [name] + name.components(separatedBy: "_or_").filter({ !$0.isEmpty && $0 != name }) {
            keys.append(candidate)
            for suffix in ["_id", "Id", "_uuid", "_name", "_key"] where candidate.hasSuffix(suffix) && candidate.count > suffix.count {
                keys.append(String(candidate.dropLast(suffix.count)))
            }
        }
        for candidate in [name] + name.components(separatedBy: "_or_") {
            for suffix in ["_id", "Id", "_uuid", "_name", "_key"] where candidate.hasSuffix(suffix) && candidate.count > suffix.count {
                keys.append(String(suffix.drop { $0 == "_" }).lowercased())
            }
        }
        keys += ["id", "uuid", "slug", "name", "key"]
        for k in keys { if let v = object[k].flatMap(scalarText) { return v } }
        for member in object.keys.sorted() {
            guard let inner = object[member] as? [String: Any] else { continue }
            for k in keys { if let v = inner[k].flatMap(scalarText) { return v } }
        }
        return nil
    }

    /// The first id in a list answer for `name` (`items(in:)`, then `identifier(in:for:)` on each).
    public static func firstIdentifier(in body: Any, for name: String) -> String? {
        items(in: body)?.lazy.compactMap { identifier(in: $0, for: name) }.first
    }

    /// Every id in a list answer for `name`, in the list's order, without repeats.
    public static func identifiers(in body: Any, for name: String) -> [String] {
        var out: [String] = []
        for item in items(in: body) ?? [] {
            if let id = identifier(in: item, for: name), !out.contains(id) { out.append(id) }
        }
        return out
    }

    /// A non-empty string, or an integer (not a boolean, not a fraction), as text.
    static func scalarText(_ value: Any) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        // A JSON boolean is an NSNumber of type `c` on every platform.
        guard let n = value as? NSNumber, String(cString: n.objCType) != "c" else { return nil }
        let d = n.doubleValue
        guard d == d.rounded(), abs(d) < 9.2e18 else { return nil }
        return String(n.int64Value)
    }
}
