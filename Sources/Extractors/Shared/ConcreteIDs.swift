/// Concrete IDs that stand for a parameter in a signature: a segment of digits (or a UUID) right
/// after a plural collection name (`/v1/feeds/42`, `/users/3f2c…-…/keys`) is that collection's ID.
/// A number after a non-plural segment (`/api/1/products`, `/v2/3`) is left as it is: that is a
/// version or a literal.
///
/// For example: `/v1/categories/802/mark-all-as-read` → `/v1/categories/{category_id}/mark-all-as-read`;
/// `/api/1/energy_sites` is unchanged.
public enum ConcreteIDs {
    public static func parameterised(_ path: String) -> String { parameterisedKeepingValues(path).path }

    /// As `parameterised`, with the concrete value each new parameter stands for (`category_id` → `802`):
    /// the docs' example value of that parameter.
    public static func parameterisedKeepingValues(_ path: String) -> (path: String, values: [String: String]) {
        guard path.contains(where: \.isNumber) else { return (path, [:]) }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var used = Set(segments)
        var changed = false
        var values: [String: String] = [:]
        for i in segments.indices where i >= 2 && isConcreteID(segments[i]) {
            let owner = segments[i - 1]
            guard let singular = singular(owner) else { continue }
            var name = singular + "_id"
            var n = 2
            while used.contains("{\(name)}") { name = singular + "_id\(n)"; n += 1 }
            used.insert("{\(name)}")
            values[name] = segments[i]
            segments[i] = "{\(name)}"
            changed = true
        }
        return changed ? (segments.joined(separator: "/"), values) : (path, [:])
    }

    /// All digits, or a UUID (`8-4-4-4-12` hex digits).
    static func isConcreteID(_ s: String) -> Bool {
        if !s.isEmpty, s.utf8.count <= 20, s.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        let parts = s.split(separator: "-")
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `categories` → `category`, `entries` → `entry`, `feeds` → `feed`, `statuses` → `status`;
    /// nil when the word is not a plural collection name.
    static func singular(_ word: String) -> String? {
        guard word.count >= 3, word.allSatisfy({ ($0.isLetter && $0.isASCII) || $0 == "_" || $0 == "-" }), word.hasSuffix("s"), !word.hasSuffix("ss") else { return nil }
        let w = word.lowercased().replacing("-", with: "_")
        if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("uses") || w.hasSuffix("sses") || w.hasSuffix("xes") || w.hasSuffix("ches") || w.hasSuffix("shes") { return String(w.dropLast(2)) }
        return String(w.dropLast())
    }
}
