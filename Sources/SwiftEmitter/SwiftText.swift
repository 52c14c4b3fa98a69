import DocTree

/// Escaping for doc text that lands in generated Swift: string literals, doc comments, identifiers.
///
/// For example: `SwiftText.stringLiteral("a\"b\\(c)")` is `"a\"b\\(c)"` — quotes and backslashes
/// escaped, so doc text can never end the literal or interpolate.
public enum SwiftText {
    /// A complete Swift string literal, quotes included.
    public static func stringLiteral(_ s: String) -> String {
        // Most doc text is printable ASCII without quotes or backslashes: nothing to escape.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 8)
        var text = s
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // Printable ASCII but `"` and `\` is copied as it is; so is a non-ASCII scalar that is safe.
                switch byte {
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0x00: out.append(0x5C); out.append(UInt8(ascii: "0"))
                case 0x20..<0x7F: out.append(byte)
                case ..<0x80: appendEscape(UInt32(byte), to: &out)
                default:
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    if isUnsafe(Unicode.Scalar(value)!) {
                        appendEscape(value, to: &out)
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                    }
                    i += length
                    continue
                }
                i += 1
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// `\u{7f}`: the scalar's hex value.
    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u{".utf8)
        out.append(contentsOf: String(value, radix: 16).utf8)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends the scalar's UTF-8 bytes.
    static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
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
        // Printable ASCII is one line as it is, trailing blanks trimmed.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var end = text.utf8.endIndex
            while end > text.utf8.startIndex, text.utf8[text.utf8.index(before: end)] == 0x20 { end = text.utf8.index(before: end) }
            return end == text.utf8.startIndex ? [] : [String(text[..<end])]
        }
        var lines: [String] = []
        var line: [UInt8] = []
        func endLine() {
            while line.last == 0x20 { line.removeLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        var afterCR = false
        for scalar in text.unicodeScalars {
            // "\r\n", "\n" and "\r" end a line.
            if scalar == "\n" { if afterCR { afterCR = false } else { endLine() }; continue }
            afterCR = scalar == "\r"
            if afterCR { endLine(); continue }
            // Tabs and separators become spaces; other control, bidi and invisible characters go.
            if scalar == "\t" || scalar.value == 0x2028 || scalar.value == 0x2029 { line.append(0x20) } else if !isUnsafe(scalar) { append(scalar, to: &line) }
        }
        endLine()
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

extension SwiftText {
    /// The provenance line of a generated declaration's doc comment: the page (relative to the output
    /// folder) and, for a named type, its section; no line number, so an edit that only moves lines
    /// changes no generated file (the model JSON and diagnostics keep the lines).
    ///
    /// For example: `Source: ../input-docs/users.md, section "GET /users/{id}"`.
    public static func sourceLine(_ p: SourceLocation) -> String {
        "Source: \(p.file)" + (p.section.map { ", section \"\($0)\"" } ?? "")
    }
}
