/// Swift identifiers from doc text: words, casing, keywords, plural → singular.
///
/// For example: `Naming.typeName("call_assignment-configurations")` is `CallAssignmentConfigurations`;
/// `Naming.memberName("default")` is `` `default` ``; `Naming.memberName("2fa")` is `_2fa`.
public enum Naming {
    /// Words of a string: split on non-alphanumerics and on lower→upper case changes.
    public static func words(_ s: String) -> [String] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(s) }
        var words: [String] = []
        var current = ""
        var prev: Character?
        for ch in s {
            if ch.isLetter || ch.isNumber, ch.isASCII {
                if let p = prev, p.isLowercase || p.isNumber, ch.isUppercase, !current.isEmpty {
                    words.append(current); current = ""
                }
                current.append(ch)
            } else if !current.isEmpty {
                words.append(current); current = ""
            }
            prev = ch
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words` for ASCII text, on bytes (the common case; same result as the `Character` loop).
    static func asciiWords(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { bytes in
            var words: [String] = []
            forEachASCIIWord(bytes) { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)) }
            return words
        }
    }

    /// Calls `body` with the byte range of each word of ASCII text: runs of letters and digits, also
    /// split where a lower-case letter or digit meets an upper-case letter (other bytes separate).
    static func forEachASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var wordStart = -1  // the current word's first byte, or -1 between words
        var prev: UInt8 = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            if isLower(b) || isUpper(b) || isDigit(b) {
                if wordStart < 0 {
                    wordStart = i
                } else if isLower(prev) || isDigit(prev), isUpper(b) {
                    body(wordStart..<i); wordStart = i
                }
            } else if wordStart >= 0 {
                body(wordStart..<i); wordStart = -1
            }
            prev = b
        }
        if wordStart >= 0 { body(wordStart..<bytes.count) }
    }

    /// UpperCamelCase type name, never empty, never starting with a digit, never a keyword.
    public static func typeName(_ s: String) -> String {
        var name = upperCamelCase(s)
        if name.isEmpty { name = "Unnamed" }
        let first = name.utf8.first!
        if first < 0x80 ? (first >= 0x30 && first <= 0x39) : name.first!.isNumber { name = "_" + name }
        if reservedTypeNames.contains(name) { name += "Type" }
        return name
    }

    /// The UpperCamelCase words of a string, as they are: no keyword or digit fix (for the second half
    /// of a name, `Parent` + `Result`, where neither applies).
    ///
    /// For example: `Naming.upperCamelCase("result")` is `Result` (`typeName` gives `ResultType`).
    public static func upperCamelCase(_ s: String) -> String {
        asciiCamelCase(s, upperFirst: true) ?? words(s).map { capitalizeFirst($0) }.joined()
    }

    /// lowerCamelCase member name, with a leading underscore before a digit; keywords stay as they
    /// are (emit with `escaped`).
    public static func memberName(_ s: String) -> String {
        var name: String
        if let ascii = asciiCamelCase(s, upperFirst: false) {
            name = ascii
        } else {
            let w = words(s)
            name = w.first.map { lowerFirstWord($0) + w.dropFirst().map { capitalizeFirst($0) }.joined() } ?? ""
        }
        guard let first = name.utf8.first else { return "value" }
        if first >= 0x30, first <= 0x39 { name = "_" + name }
        return name
    }

    /// `typeName`'s and `memberName`'s joining of `words(s)` for ASCII text, in one pass over the
    /// bytes (names are built for every field of every model, so this is on a hot path): every word
    /// capitalised; with `upperFirst: false` the first word lowered instead, entirely when it has no
    /// lower-case letter (`URL` → `url`). Nil for non-ASCII text.
    ///
    /// For example: `asciiCamelCase("call_uuid", upperFirst: false)` is `callUuid`.
    static func asciiCamelCase(_ s: String, upperFirst: Bool) -> String? {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var s = s
        return s.withUTF8 { bytes -> String in
            func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            forEachASCIIWord(bytes) { word in
                if out.isEmpty, !upperFirst {
                    // The first word lowered: entirely when it has no lower-case letter.
                    let hasLower = bytes[word].contains(where: isLower)
                    for i in word {
                        out.append((!hasLower || i == word.lowerBound) && isUpper(bytes[i]) ? bytes[i] + 0x20 : bytes[i])
                    }
                } else {
                    out.append(isLower(bytes[word.lowerBound]) ? bytes[word.lowerBound] - 0x20 : bytes[word.lowerBound])
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(word.lowerBound + 1)..<word.upperBound]))
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Backtick-quotes Swift keywords.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    static func capitalizeFirst(_ w: String) -> String {
        if let f = w.utf8.first, f >= 0x61, f <= 0x7A {
            var bytes = Array(w.utf8); bytes[0] -= 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        if let f = w.utf8.first, f < 0x80 { return w }
        guard let f = w.first else { return w }
        return f.uppercased() + w.dropFirst()
    }

    /// `URL` → `url`, `UUIDValue` → `uuidValue`, `user` → `user`.
    static func lowerFirstWord(_ w: String) -> String {
        if w.utf8.allSatisfy({ $0 < 0x80 }) {
            // Words are ASCII letters and digits: an all-capitals word lowers entirely, others lower their first letter.
            var bytes = Array(w.utf8)
            let allUpper = !bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
            for i in bytes.indices where (allUpper || i == 0) && bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        if w == w.uppercased() { return w.lowercased() }
        guard let f = w.first else { return w }
        return f.lowercased() + w.dropFirst()
    }

    /// English plural → singular for type names: `Configurations` → `Configuration`, `Policies` → `Policy`.
    public static func singular(_ s: String) -> String {
        asciiSingular(s) ?? characterSingular(s)
    }

    /// `singular` by characters (any text).
    static func characterSingular(_ s: String) -> String {
        let lower = s.lowercased()
        if lower.hasSuffix("ies"), s.count > 4 { return String(s.dropLast(3)) + "y" }
        if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes") { return String(s.dropLast(2)) }
        // `Statuses` → `Status`, `Aliases` → `Alias` (a singular in -us, -as), not `Statuse`; `Causes` → `Cause`.
        if ["tuses", "nuses", "puses", "iruses", "suses", "xuses", "buses", "iases", "nvases"].contains(where: lower.hasSuffix) {
            return String(s.dropLast(2))
        }
        if lower.hasSuffix("ss") || lower.hasSuffix("us") || lower.hasSuffix("is") { return s }
        if lower.hasSuffix("s"), s.count >= 3 { return String(s.dropLast()) }
        return s
    }

    /// `singular` for ASCII text, on its bytes (every operation's path segments are made singular for
    /// its naming hints): the same rules, where a character is a byte. Nil for non-ASCII text.
    ///
    /// For example: `asciiSingular("Statuses")` is `Status`.
    static func asciiSingular(_ s: String) -> String? {
        let cut = s.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .some(nil) }
            let n = bytes.count
            func ends(_ suffix: [UInt8]) -> Bool {
                guard n >= suffix.count else { return false }
                var i = n - suffix.count
                for b in suffix {
                    let a = bytes[i]
                    if (a >= 0x41 && a <= 0x5A ? a + 0x20 : a) != b { return false }
                    i += 1
                }
                return true
            }
            // How many bytes to drop (-3: three, then `y`), or 0.
            if ends(Self.ies), n > 4 { return -3 }
            if Self.dropTwo.contains(where: ends) { return 2 }
            if Self.keepAsIs.contains(where: ends) { return 0 }
            if ends(Self.s), n >= 3 { return 1 }
            return 0
        }
        guard case .some(.some(.some(let k))) = cut else { return nil }
        if k == 0 { return s }
        let n = s.utf8.count
        if k < 0 { return String(Substring(s.utf8.prefix(n + k))) + "y" }
        return String(Substring(s.utf8.prefix(n - k)))
    }

    private static let ies = Array("ies".utf8), s = Array("s".utf8)
    private static let dropTwo = ["sses", "xes", "ches", "shes", "tuses", "nuses", "puses", "iruses", "suses", "xuses", "buses", "iases",
                                  "nvases"].map { Array($0.utf8) }
    private static let keepAsIs = ["ss", "us", "is"].map { Array($0.utf8) }

    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "await", "async",
        "Protocol", "Type", "some", "any", "consume", "copy", "discard", "each", "borrowing", "consuming",
    ]

    /// Type names that would shadow what generated code uses.
    public static let reservedTypeNames: Set<String> = [
        "Any", "Self", "Type", "Protocol", "String", "Int", "Int64", "Double", "Float", "Bool", "Date", "Data", "URL",
        "UUID", "Decimal", "Array", "Dictionary", "Optional", "Error", "Codable", "Client", "JSONValue", "CalendarDate",
        "DecimalString", "Foundation", "Sendable", "Hashable", "Equatable", "Decoder", "Encoder", "CodingKey",
        "CodingKeys", "Result", "Set", "Character", "Never", "Void", "APIError", "HTTPRequest", "HTTPResponse",
        "HTTPTransport", "URLSessionTransport", "Docs2SwiftRuntime", "Task", "Equals", "Response", "Request",
    ]
}
