import DocTree
import Testing

/// `trimming(_:)` cuts ASCII text on its bytes: the result must be the character-by-character one.
@Suite struct StringTrimmingTests {
    static func byCharacters(_ text: String, _ character: Character) -> String {
        var s = Substring(text)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }

    @Test func theByteCutIsTheCharacterCut() {
        let pieces = [" ", "  ", "a", "Bc", "(", ")", "`", "\u{301}", "é", "e\u{301}", "\r\n", "\n", "\r", "\t", "🚀", "¶"]
        var state: UInt64 = 0x9E37_79B9
        for _ in 0..<5000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(state >> 60) { text += pieces[Int((state >> UInt64(4 * k % 56)) & 0xF) % pieces.count] }
            for character: Character in [" ", "`", "(", "\n", "\r\n", "¶", "a"] {
                #expect(text.trimming(character) == Self.byCharacters(text, character), "\(text.debugDescription) \(character)")
            }
        }
        #expect(" \u{301}x ".trimming(" ") == " \u{301}x")
        #expect("  string (uuid) ".trimming(" ") == "string (uuid)")
    }
}
