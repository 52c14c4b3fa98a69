import Docs2SwiftCore
import Testing

/// `SwiftText.stringLiteral` escapes on the UTF-8 bytes: the result must be the scalar-by-scalar one.
@Suite struct SwiftTextLiteralTests {
    /// The definition: each scalar escaped or copied.
    static func byScalars(_ s: String) -> String {
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
                let v = scalar.value
                let unsafe = v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || [0x2028, 0x2029, 0xFEFF].contains(v)
                    || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x2069).contains(v)
                out += unsafe ? "\\u{" + String(v, radix: 16) + "}" : String(scalar)
            }
        }
        return out + "\""
    }

    @Test func theByteEscapeIsTheScalarEscape() {
        let pieces = ["a", " ", "\\", "\"", "\n", "\r\n", "\t", "\0", "\u{1}", "\u{7F}", "\u{85}", "é", "e\u{301}", "\u{2028}",
                      "\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "€", "🚀", "\u{10FFFF}", "\\(x)", "ÿ"]
        var state: UInt64 = 12345
        for _ in 0..<5000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var bits = state
            for _ in 0..<Int(state >> 59) {
                text += pieces[Int(bits % UInt64(pieces.count))]
                bits = bits / UInt64(pieces.count) ^ (bits << 7)
            }
            #expect(SwiftText.stringLiteral(text) == Self.byScalars(text), "\(text.debugDescription)")
        }
        #expect(SwiftText.stringLiteral("a\"b\\(c)") == "\"a\\\"b\\\\(c)\"")
    }
}
