import DocTree

/// The Swift names a generation chose, kept in the output as `docs2swift.lock` so the next
/// generation keeps them: every named type by its shape's digest, every operation method by its
/// method and path. A recorded name is kept for the same shape (or operation) unless the docs
/// themselves renamed it (a documented SDK name changed, an SDK function id changed).
///
/// The file is text, one entry per line, sorted; a line starting with `//` or `#` is a comment:
/// ```
/// type 3f2a9c0d1e4b5a67 CallAssignmentConfiguration
/// type 0b1c2d3e4f5a6b7c CallAssignmentConfigurationRequest documented
/// method PATCH /api/call-assignment-configurations/{uuid}/ call_assignment_configurations_partial_update callAssignmentConfigurationsPartialUpdate
/// ```
///
/// For example: `NameLock.parse(text).types["3f2a9c0d1e4b5a67"]?.name` is `CallAssignmentConfiguration`.
public struct NameLock: Hashable, Sendable {
    public static let fileName = "docs2swift.lock"

    /// A type's recorded name, and whether it was a documented (SDK) name of its shape.
    public struct TypeEntry: Hashable, Sendable {
        public var name: String
        public var documented: Bool
        public init(name: String, documented: Bool) { self.name = name; self.documented = documented }
    }

    /// An operation method's recorded name and the operation id it came from.
    public struct MethodEntry: Hashable, Sendable {
        public var id: String
        public var name: String
        public init(id: String, name: String) { self.id = id; self.name = name }
    }

    /// Shape digest → type entry.
    public var types: [String: TypeEntry] = [:]
    /// `METHOD path` → method entry.
    public var methods: [String: MethodEntry] = [:]

    public init(types: [String: TypeEntry] = [:], methods: [String: MethodEntry] = [:]) {
        self.types = types
        self.methods = methods
    }

    public var isEmpty: Bool { types.isEmpty && methods.isEmpty }

    /// Reads a lock file's text; lines it does not understand are returned as `(line number, text)`.
    public static func parse(_ text: String) -> (lock: NameLock, invalid: [(Int, String)]) {
        var lock = NameLock()
        var invalid: [(Int, String)] = []
        for (i, line) in lines(text).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let parts = words(line)
            if parts.first == "type", parts.count == 3 || (parts.count == 4 && parts[3] == "documented") {
                lock.types[parts[1]] = TypeEntry(name: parts[2], documented: parts.count == 4)
            } else if parts.first == "method", parts.count == 5 {
                lock.methods[parts[1] + " " + parts[2]] = MethodEntry(id: parts[3], name: parts[4])
            } else {
                invalid.append((i + 1, line))
            }
        }
        return (lock, invalid)
    }

    /// The text's lines (split at "\n"), each without the spaces at its ends. Text of ASCII bytes with
    /// no carriage return (every lock docs2swift writes) is cut on its bytes, where the bytes are the
    /// characters: splitting by characters was most of reading a large lock.
    static func lines(_ text: String) -> [String] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimming(" ") }
        }
        var out: [String] = []
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var a = start, b = end
            while a < b, utf8[a] == 0x20 { a = utf8.index(after: a) }
            while a < b, utf8[utf8.index(before: b)] == 0x20 { b = utf8.index(before: b) }
            out.append(String(text[a..<b]))
            guard end < utf8.endIndex else { return out }
            start = utf8.index(after: end)
        }
    }

    /// A line's words, split at spaces (`split(separator: " ")`; on the bytes when the line is ASCII).
    static func words(_ line: String) -> [String] {
        let utf8 = line.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return line.split(separator: " ").map(String.init) }
        return utf8.split(separator: 0x20).map { String(line[$0.startIndex..<$0.endIndex]) }
    }

    /// The file's text: `header` (a comment line), then types and methods, each sorted.
    public func text(header: String) -> String {
        var lines = [
            header,
            "// The Swift names docs2swift chose. Commit it with the generated code: the next generation keeps these",
            "// names for the same shapes and operations (docs2swift generate --accept-renames chooses them afresh).",
        ]
        lines += types.sorted { $0.key < $1.key }.map { "type \($0.key) \($0.value.name)" + ($0.value.documented ? " documented" : "") }
        lines += methods.sorted { $0.key < $1.key }.map { "method \($0.key) \($0.value.id) \($0.value.name)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A Swift name that changed against the lock, and why.
///
/// For example: `Rename(kind: .type, old: "Attach", new: "VolumeAttachRequest", reason: "accepted (--accept-renames)")`.
public struct Rename: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable { case type, method }
    public var kind: Kind
    public var old: String
    public var new: String
    public var reason: String

    public init(kind: Kind, old: String, new: String, reason: String) {
        self.kind = kind
        self.old = old
        self.new = new
        self.reason = reason
    }

    public var description: String { "renamed \(kind.rawValue) \(old) → \(new): \(reason)" }
}
