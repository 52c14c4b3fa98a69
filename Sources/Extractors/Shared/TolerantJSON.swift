/// A JSON value read from a doc example, keys in document order.
///
/// For example: `{"a": [1, null]}` is `.object([("a", .array([.integer, .null]))])` (numbers keep only
/// whether they are integers; examples are read for their shape, not their values).
public indirect enum JSONNode: Equatable, Sendable {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case integer
    case double
    case bool
    case null

    public static func == (a: JSONNode, b: JSONNode) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.integer, .integer), (.double, .double), (.bool, .bool), (.null, .null): return true
        default: return false
        }
    }
}

/// Reads JSON from doc examples, repairing only what is unambiguous: a missing comma between two
/// members or items, curly quotes used as string quotes, trailing commas. Anything else (an
/// unterminated value, a stray token) is an error at an offset; nothing is invented. Nesting is
/// limited so hostile input cannot exhaust the stack.
///
/// For example: `{"a": "Any"\n "b": 5 "c": 1}` reads with two repairs (missing commas at both places).
public struct TolerantJSON {
    public struct Repair: Equatable, Sendable {
        public var offset: Int
        public var message: String
    }

    public struct Failure: Error, Equatable, Sendable {
        public var offset: Int
        public var message: String
    }

    public static let maxDepth = 256

    let chars: [Character]
    var i = 0
    public private(set) var repairs: [Repair] = []

    /// Reads JavaScript object keys written without quotes (`{mentions: [` in a hand-written example);
    /// off by default: a strict reader treats them as an error.
    public var allowsBareKeys = false

    /// Inside the value of a quoted key, with `allowsBareKeys`: the hand-written pseudo-JSON of a
    /// doc example, whose bare words are placeholders (`"method": METHOD`, `[LIST_OF_IDS]`).
    var quotedMember = false

    public init(_ text: Substring, allowsBareKeys: Bool = false) {
        chars = Array(text)
        self.allowsBareKeys = allowsBareKeys
    }

    /// Parses one value at the start (leading blanks allowed); returns it and the offset after it.
    public mutating func parseValue() throws -> (JSONNode, Int) {
        skipBlanks()
        let v = try value(depth: 0)
        return (v, i)
    }

    static func isOpenQuote(_ c: Character) -> Bool { c == "\"" || c == "“" || c == "”" }

    mutating func skipBlanks() {
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            // A JavaScript line comment (`"id": "1", // a string`), as doc examples write them.
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                repairs.append(Repair(offset: i, message: "comment in JSON; skipped"))
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            break
        }
    }

    /// `...` where a member or an item is expected: the docs' elision of the rest.
    mutating func skipEllipsis() -> Bool {
        guard i + 2 < chars.count, chars[i] == ".", chars[i + 1] == ".", chars[i + 2] == "." else { return false }
        repairs.append(Repair(offset: i, message: "'...' (elided content) in JSON; skipped"))
        i += 3
        skipBlanks()
        if i < chars.count, chars[i] == "," { i += 1 }
        return true
    }

    mutating func value(depth: Int) throws -> JSONNode {
        guard depth < Self.maxDepth else { throw Failure(offset: i, message: "JSON nested deeper than \(Self.maxDepth) levels") }
        skipBlanks()
        guard i < chars.count else { throw Failure(offset: i, message: "JSON ends where a value was expected") }
        let c = chars[i]
        if depth > 0, let placeholder = placeholderValue() { return .string(placeholder) }
        // `"bcrypt": ...`: the value elided; the member is kept, its type unknown.
        if depth > 0, c == ".", i + 2 < chars.count, chars[i + 1] == ".", chars[i + 2] == "." {
            repairs.append(Repair(offset: i, message: "'...' (elided value) in JSON; read as unknown"))
            i += 3
            return .null
        }
        if c == "{" { return try object(depth: depth + 1) }
        if c == "[" { return try array(depth: depth + 1) }
        if Self.isOpenQuote(c) { return .string(try string()) }
        if c == "-" || c.isNumber { return number() }
        for (word, node) in [("true", JSONNode.bool), ("false", .bool), ("null", .null), ("None", .null), ("True", .bool), ("False", .bool)] {
            if matches(word) {
                if word == "None" || word == "True" || word == "False" {
                    repairs.append(Repair(offset: i, message: "read Python literal '\(word)' as JSON"))
                }
                i += word.count
                return node
            }
        }
        if allowsBareKeys, quotedMember, let word = bareWord() { return .string(word) }
        throw Failure(offset: i, message: "unexpected '\(c)' where a JSON value was expected")
    }

    /// A placeholder word written as a value in pseudo-JSON (`"method": METHOD`, `"parameters": args`,
    /// `[LIST_OF_DOCUMENT_IDS]`): read as a string.
    mutating func bareWord() -> String? {
        var j = i
        while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
        guard j > i, chars[i].isLetter || chars[i] == "_" else { return nil }
        let word = String(chars[i..<j])
        repairs.append(Repair(offset: i, message: "placeholder '\(word)' as a JSON value; read as a string"))
        i = j
        return word
    }

    /// Alternatives written after a value in pseudo-JSON (`"tags", "users" or "groups"`, `true / false`,
    /// `OWNER_ID or null`), on the value's line: skipped, the first value stands.
    mutating func skipAlternatives(depth: Int) {
        guard allowsBareKeys, quotedMember else { return }
        while true {
            let start = i
            var j = i
            while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            func word(_ w: String, at k: Int) -> Bool {
                var m = k
                for ch in w { guard m < chars.count, chars[m] == ch else { return false }; m += 1 }
                return m < chars.count && (chars[m] == " " || chars[m] == "\t")
            }
            if word("or", at: j) || word("/", at: j) || word("|", at: j) {
                i = j + (chars[j] == "o" ? 2 : 1)
            } else if j < chars.count, chars[j] == ",", isAlternativeList(from: j + 1) {
                i = j + 1
            } else {
                return
            }
            guard (try? value(depth: depth)) != nil else { i = start; return }
            repairs.append(Repair(offset: start, message: "alternative values in JSON; the first kept"))
        }
    }

    /// After a comma: a quoted string on the same line followed by another `,` or `or` on that line
    /// (`"tags", "correspondents" or "paths"`), not a key.
    func isAlternativeList(from k: Int) -> Bool {
        var j = k
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        guard j < chars.count, chars[j] == "\"" else { return false }
        j += 1
        while j < chars.count, chars[j] != "\"", chars[j] != "\n" { j += 1 }
        guard j < chars.count, chars[j] == "\"" else { return false }
        j += 1
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        guard j < chars.count else { return false }
        return chars[j] == "," || (chars[j] == "o" && j + 2 < chars.count && chars[j + 1] == "r" && chars[j + 2] == " ")
    }

    func matches(_ word: String) -> Bool {
        var j = i
        for ch in word { guard j < chars.count, chars[j] == ch else { return false }; j += 1 }
        return j >= chars.count || !(chars[j].isLetter || chars[j].isNumber)
    }

    mutating func string() throws -> String {
        let open = chars[i]
        if open != "\"" { repairs.append(Repair(offset: i, message: "curly quotes used as JSON string quotes")) }
        i += 1
        var out = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                let e = chars[i + 1]
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "u":
                    let hex = String(chars[min(i + 2, chars.count)..<min(i + 6, chars.count)])
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { out.unicodeScalars.append(s) }
                    i += 4
                default: out.append(e)
                }
                i += 2
                continue
            }
            // `"text <span class="match">x</span>"`: a quote with a word character right after it is inside the string.
            if c == "\"", allowsBareKeys, i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == ">" || chars[i + 1] == "/" {
                repairs.append(Repair(offset: i, message: "unescaped quote inside a JSON string; kept"))
                out.append(c)
                i += 1
                continue
            }
            if c == "\"" || (open != "\"" && (c == "”" || c == "“")) { i += 1; return out }
            if c == "\n" { throw Failure(offset: i, message: "string not closed before the end of the line") }
            out.append(c)
            i += 1
        }
        throw Failure(offset: i, message: "string not closed")
    }

    mutating func number() -> JSONNode {
        var isDouble = false
        if chars[i] == "-" { i += 1 }
        while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "e" || chars[i] == "E" || chars[i] == "+" || chars[i] == "-" {
            if chars[i] == "." || chars[i] == "e" || chars[i] == "E" { isDouble = true }
            i += 1
        }
        return isDouble ? .double : .integer
    }

    mutating func object(depth: Int) throws -> JSONNode {
        i += 1
        var members: [(String, JSONNode)] = []
        var seen: Set<String> = []
        var elided = false
        while true {
            skipBlanks()
            guard i < chars.count else { throw Failure(offset: i, message: "object not closed") }
            if chars[i] == "}" { i += 1; return .object(members) }
            if !members.isEmpty, !elided, allowsBareKeys, skipEllipsis() { elided = true; continue }
            if !members.isEmpty, !elided {
                if chars[i] == "," {
                    i += 1
                    skipBlanks()
                    if i < chars.count, chars[i] == "}" { repairs.append(Repair(offset: i, message: "trailing comma in object")); i += 1; return .object(members) }
                } else if Self.isOpenQuote(chars[i]) {
                    repairs.append(Repair(offset: i, message: "missing comma between object members; inserted"))
                } else {
                    throw Failure(offset: i, message: "expected ',' or '}' in object, found '\(chars[i])'")
                }
                skipBlanks()
            }
            if skipEllipsis() { elided = true; continue }
            let key: String
            let outer = quotedMember
            defer { quotedMember = outer }
            if i < chars.count, Self.isOpenQuote(chars[i]) {
                key = try string()
                quotedMember = true
            } else if allowsBareKeys, let bare = bareKey() {
                key = bare
                quotedMember = false
            } else {
                throw Failure(offset: i, message: "expected a quoted key in object")
            }
            skipBlanks()
            guard i < chars.count, chars[i] == ":" else { throw Failure(offset: i, message: "expected ':' after key \"\(key)\"") }
            i += 1
            let v = try value(depth: depth)
            skipAlternatives(depth: depth)
            elided = false
            if seen.insert(key).inserted { members.append((key, v)) }
        }
    }

    /// A JavaScript object key written without quotes (`mentions: [`, `$ref:`), when a `:` follows it.
    mutating func bareKey() -> String? {
        var j = i
        while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "$" || chars[j] == "-" { j += 1 }
        guard j > i, chars[i].isLetter || chars[i] == "_" || chars[i] == "$" else { return nil }
        var k = j
        while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
        guard k < chars.count, chars[k] == ":" else { return nil }
        repairs.append(Repair(offset: i, message: "unquoted key in JSON; read as a string"))
        let key = String(chars[i..<j])
        i = j
        return key
    }

    /// A placeholder written where a value goes (`"o_id": {ticket id}`, `"id": <integer>`): brackets
    /// closed on the same line around words, without quotes or a `:` — read as a string.
    mutating func placeholderValue() -> String? {
        let open = chars[i]
        guard open == "{" || open == "<" else { return nil }
        let close: Character = open == "{" ? "}" : ">"
        var j = i + 1
        while j < chars.count, chars[j] != close {
            if chars[j] == "\n" || chars[j] == "\"" || chars[j] == ":" || chars[j] == "{" || chars[j] == "[" || chars[j] == "," { return nil }
            j += 1
        }
        guard j < chars.count, j > i + 1, chars[(i + 1)..<j].contains(where: { $0.isLetter }) else { return nil }
        repairs.append(Repair(offset: i, message: "placeholder '\(String(chars[i...j]))' as a JSON value; read as a string"))
        let text = String(chars[(i + 1)..<j])
        i = j + 1
        return text
    }

    mutating func array(depth: Int) throws -> JSONNode {
        i += 1
        var items: [JSONNode] = []
        var elided = false
        while true {
            skipBlanks()
            guard i < chars.count else { throw Failure(offset: i, message: "array not closed") }
            if chars[i] == "]" { i += 1; return .array(items) }
            if skipEllipsis() { elided = true; continue }
            if !items.isEmpty, !elided {
                if chars[i] == "," {
                    i += 1
                    skipBlanks()
                    if i < chars.count, chars[i] == "]" { repairs.append(Repair(offset: i, message: "trailing comma in array")); i += 1; return .array(items) }
                } else if chars[i] == "{" || chars[i] == "[" || Self.isOpenQuote(chars[i]) {
                    repairs.append(Repair(offset: i, message: "missing comma between array items; inserted"))
                } else {
                    throw Failure(offset: i, message: "expected ',' or ']' in array, found '\(chars[i])'")
                }
            }
            if skipEllipsis() { elided = true; continue }
            items.append(try value(depth: depth))
            elided = false
        }
    }
}
