/// Escaping for doc text that lands in generated Swift: string literals, doc comments, identifiers.
///
/// For example: `SwiftText.stringLiteral("a\"b\\(c)")` is `"a\"b\\(c)"` — quotes and backslashes
/// escaped, so doc text can never end the literal or interpolate.
public enum SwiftText {
    /// A complete Swift string literal, quotes included.
    public static func stringLiteral(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if isUnsafe(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Control characters, line and paragraph separators, bidi controls and other invisible
    /// format characters: written as escapes in literals and dropped from comments.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x20 || s.value == 0x7F { return true }
        if (0x80...0x9F).contains(s.value) { return true }
        switch s.value {
        case 0x2028, 0x2029, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Doc lines prefixed for a template's `///{{.}}`: a space before non-empty lines, nothing after `///` on empty ones.
    public static func docComment(_ text: String) -> [String] {
        docLines(text).map { $0.isEmpty ? "" : " " + $0 }
    }

    /// Doc text as lines safe for `///` comments: no line breaks, no control or bidi characters,
    /// trailing blanks trimmed, empty leading/trailing lines dropped.
    public static func docLines(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = ""
            for scalar in raw.unicodeScalars {
                // Tabs and separators become spaces; other control, bidi and invisible characters go.
                if scalar == "\t" || scalar.value == 0x2028 || scalar.value == 0x2029 { line += " " } else if !isUnsafe(scalar) { line.unicodeScalars.append(scalar) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
