import DocTree
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Text of ASCII bytes with no carriage return (every lock docs2swift writes) is cut on its bytes,
        // where the bytes are the characters, and only the parts an entry keeps become strings: splitting
        // by characters, then a string per line and word, was most of reading a large lock.
        var contiguous = text
        let cut = contiguous.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return false }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func isWord(_ range: Range<Int>, _ word: StaticString) -> Bool {
                range.count == word.utf8CodeUnitCount && memcmp(bytes.baseAddress! + range.lowerBound, word.utf8Start, range.count) == 0
            }
            var words: [Range<Int>] = []
            var start = 0
            var number = 0
            while true {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var a = start, b = end
                while a < b, bytes[a] == 0x20 { a += 1 }
                while a < b, bytes[b - 1] == 0x20 { b -= 1 }
                words.removeAll(keepingCapacity: true)
                var w = a
                while w < b {
                    var e = w
                    while e < b, bytes[e] != 0x20 { e += 1 }
                    if e > w { words.append(w..<e) }
                    w = e + 1
                }
                if a == b || bytes[a] == UInt8(ascii: "#") || (b - a >= 2 && bytes[a] == UInt8(ascii: "/") && bytes[a + 1] == UInt8(ascii: "/")) {
                    // A blank line or a comment.
                } else if isWord(words[0], "type"), words.count == 3 || (words.count == 4 && isWord(words[3], "documented")) {
                    lock.types[string(words[1])] = TypeEntry(name: string(words[2]), documented: words.count == 4)
                } else if isWord(words[0], "method"), words.count == 5 {
                    // `METHOD path`: the words as the line has them when one space parts them (always, in a written lock).
                    let key = words[2].lowerBound - words[1].upperBound == 1 ? string(words[1].lowerBound..<words[2].upperBound)
                        : string(words[1]) + " " + string(words[2])
                    lock.methods[key] = MethodEntry(id: string(words[3]), name: string(words[4]))
                } else {
                    invalid.append((number, string(a..<b)))
                }
                guard end < bytes.count else { return true }
                start = end + 1
            }
        }
        if !cut {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimming(" ")
                add(line: trimmed, words: trimmed.split(separator: " ").map(String.init), number: i + 1, to: &lock, invalid: &invalid)
            }
        }
        return (lock, invalid)
    }

    /// One line (without the spaces at its ends) and its words, for text that is not plain ASCII.
    private static func add(line: String, words parts: [String], number: Int, to lock: inout NameLock, invalid: inout [(Int, String)]) {
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { return }
        if parts.first == "type", parts.count == 3 || (parts.count == 4 && parts[3] == "documented") {
            lock.types[parts[1]] = TypeEntry(name: parts[2], documented: parts.count == 4)
        } else if parts.first == "method", parts.count == 5 {
            lock.methods[parts[1] + " " + parts[2]] = MethodEntry(id: parts[3], name: parts[4])
        } else {
            invalid.append((number, line))
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
