/// One MSON declaration line: a member `name: value (attributes) - description`, a value-only
/// line (array items, enum members: `value (attributes)`), or a type section keyword.
///
/// Attributes are comma-separated: a type (`string`, `array[User]`, `enum[string]`, `Note`) and
/// flags (`required`, `optional`, `nullable`, `fixed`, `fixed-type`, `sample`, `default`).
///
/// For example: `` id: `42` (number, required) - The note's id `` → name `id`, value `42`,
/// type `number`, flags `required`, description `The note's id`.
struct MSONLine: Equatable {
    var name: String?
    var value: String?
    var type: String?
    var flags: Set<String>
    var description: String

    static let flagWords: Set<String> = ["required", "optional", "nullable", "fixed", "fixed-type", "sample", "default",
                                         "pattern", "format", "min-length", "max-length", "minimum", "maximum"]

    /// `named`: the line declares a member (text before `:` is the name); else it is a value.
    static func parse(_ raw: String, named: Bool) -> MSONLine {
        var line = MSONLine(name: nil, value: nil, type: nil, flags: [], description: "")
        var head = Substring(raw.trimming(" "))
        if let dash = topLevelDescriptionDash(head) {
            line.description = String(head[head.index(dash, offsetBy: 2)...]).trimming(" ")
            head = head[..<dash]
        }
        head = Substring(String(head).trimming(" "))
        if head.hasSuffix(")"), let open = matchingOpen(head) {
            let attributes = head[head.index(after: open)..<head.index(before: head.endIndex)]
            for part in splitTopLevel(attributes) {
                let word = part.trimming(" ")
                let lower = word.lowercased()
                if flagWords.contains(lower) || lower.hasPrefix("pattern") || lower.hasPrefix("format") {
                    line.flags.insert(lower)
                } else if line.type == nil, !word.isEmpty {
                    line.type = word
                }
            }
            head = head[..<open]
        }
        let text = String(head).trimming(" ")
        if named {
            // An escaped name may hold a colon: `` `some:location`: local ``.
            var colon = text.firstIndex(of: ":")
            if text.hasPrefix("`"), let close = text.dropFirst().firstIndex(of: "`") {
                colon = text[close...].firstIndex(of: ":")
            }
            if let colon {
                line.name = unquoted(String(text[..<colon]))
                let value = String(text[text.index(after: colon)...]).trimming(" ")
                line.value = value.isEmpty ? nil : unquoted(value)
            } else {
                line.name = unquoted(text)
            }
            // A variable property name (`*str (string)*: v`, emphasis already dropped) carries its own
            // type: the name is the text before it; one that is only a type (`*(Key)*: v`) names no member.
            if !text.hasPrefix("`"), let name = line.name, name.hasSuffix(")"), let open = matchingOpen(Substring(name)) {
                line.name = String(name[..<open]).trimming(" ")
            }
            if line.name?.isEmpty == true { line.name = nil }
        } else if !text.isEmpty {
            line.value = unquoted(text)
        }
        return line
    }

    /// The ` - ` that starts the description, outside parentheses and brackets.
    static func topLevelDescriptionDash(_ s: Substring) -> String.Index? {
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth = max(0, depth - 1) }
            if depth == 0, c == " ", s[i...].hasPrefix(" - ") { return i }
            i = s.index(after: i)
        }
        return nil
    }

    /// The `(` matching the final `)`.
    static func matchingOpen(_ s: Substring) -> String.Index? {
        var depth = 0
        var i = s.endIndex
        while i > s.startIndex {
            i = s.index(before: i)
            if s[i] == ")" { depth += 1 }
            if s[i] == "(" { depth -= 1; if depth == 0 { return i } }
        }
        return nil
    }

    /// `a, array[b, c], d` → `a`, `array[b, c]`, `d`.
    static func splitTopLevel(_ s: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in s {
            if c == "[" || c == "(" { depth += 1 }
            if c == "]" || c == ")" { depth = max(0, depth - 1) }
            if c == ",", depth == 0 { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        return parts.map { $0.trimming(" ") }.filter { !$0.isEmpty }
    }

    /// Strips the quotes and stars MSON allows around names and values (`` `id` ``, `*name*`).
    static func unquoted(_ s: String) -> String {
        var t = s.trimming(" ")
        for q in ["`", "\"", "*", "_"] where t.count >= 2 && t.hasPrefix(q) && t.hasSuffix(q) {
            t = String(t.dropFirst().dropLast())
        }
        return t.trimming(" ")
    }
}

/// A type specification from an MSON attribute: `array[User]` → base `array`, nested `User`.
struct MSONTypeSpec: Equatable {
    var base: String
    var nested: [String]

    init(_ raw: String) {
        let t = raw.trimming(" ")
        if let open = t.firstIndex(of: "["), t.hasSuffix("]") {
            base = String(t[..<open]).trimming(" ")
            nested = MSONLine.splitTopLevel(t[t.index(after: open)..<t.index(before: t.endIndex)])
        } else {
            base = t
            nested = []
        }
    }
}
