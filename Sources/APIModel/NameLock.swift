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
        for (i, (line, parts)) in lines(text).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
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

    /// The text's lines (split at "\n"), each without the spaces at its ends, with its words (split at
    /// spaces). Text of ASCII bytes with no carriage return (every lock docs2swift writes) is cut on its
    /// bytes, where the bytes are the characters: splitting by characters was most of reading a large lock.
    static func lines(_ text: String) -> [(line: String, words: [String])] {
        var text = text
        let cut = text.withUTF8 { bytes -> [(line: String, words: [String])]? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var out: [(line: String, words: [String])] = []
            var start = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var a = start, b = end
                while a < b, bytes[a] == 0x20 { a += 1 }
                while a < b, bytes[b - 1] == 0x20 { b -= 1 }
                var words: [String] = []
                var w = a
                while w < b {
                    var e = w
                    while e < b, bytes[e] != 0x20 { e += 1 }
                    if e > w { words.append(string(w..<e)) }
                    w = e + 1
                }
                out.append((string(a..<b), words))
                guard end < bytes.count else { return out }
                start = end + 1
            }
        }
        if let cut { return cut }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            let line = raw.trimming(" ")
            return (line, line.split(separator: " ").map(String.init))
        }
    }

    /// The file's text: `header` (a comment line), then types and methods, each sorted.
    public func text(header: String) -> String {
        // Written into one byte buffer: a large API's lock has thousands of lines.
        var out: [UInt8] = []
        out.reserveCapacity(256 + (types.count + methods.count) * 64)
        func add(_ part: String) { out.append(contentsOf: part.utf8) }
        add(header)
        add("\n// The Swift names docs2swift chose. Commit it with the generated code: the next generation keeps these\n")
        add("// names for the same shapes and operations (docs2swift generate --accept-renames chooses them afresh).\n")
        for (key, entry) in types.sorted(by: { $0.key < $1.key }) {
            add("type "); add(key); add(" "); add(entry.name); add(entry.documented ? " documented\n" : "\n")
        }
        for (key, entry) in methods.sorted(by: { $0.key < $1.key }) {
            add("method "); add(key); add(" "); add(entry.id); add(" "); add(entry.name); add("\n")
        }
        return String(decoding: out, as: UTF8.self)
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
