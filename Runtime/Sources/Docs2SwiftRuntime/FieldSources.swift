import Foundation

/// Where each model field is documented, for decoding errors that point at the doc page.
///
/// A generated module has one table (`DocSources.fields`), an array of string literals, one per field:
/// `Type<TAB>jsonKey<TAB>page.md:LINE<TAB>FieldType`, where `FieldType` is the model the field
/// holds (its array elements' model, or `{Model` for a map of them), or empty. The lines are parsed only when
/// a decode fails, so decoding a good answer never pays for them.
///
/// For example: `FieldSources(["User\towner\tusers.md:13\tOwner", "Owner\tid\tusers.md:40\t"])` locates the
/// path `owner.id` of a `User` at `users.md:40`.
public struct FieldSources: Sendable {
    let lines: [String]

    public init(_ lines: [String]) { self.lines = lines }

    struct Entry { var location: String; var type: String; var isMap: Bool }

    func parse() -> [String: [String: Entry]] {
        var table: [String: [String: Entry]] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { continue }
            var type = parts.count > 3 ? parts[3] : ""
            let isMap = type.hasPrefix("{")
            if isMap { type.removeFirst() }
            table[parts[0], default: [:]][parts[1]] = Entry(location: parts[2], type: type, isMap: isMap)
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
}
