import DocTree
import Testing

/// `containsText` / `textRange(of:)`: exact byte search, on strings and on substrings (whose bytes start
/// inside their base string), with text before and after that is not ASCII.
@Suite struct TextSearchTests {
    @Test func findsTheFirstOccurrence() {
        let text = "héllo wörld, wörld"
        let range = text.textRange(of: "wörld")
        #expect(range.map { String(text[$0]) } == "wörld")
        #expect(range.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 6)
        #expect(text.containsText("d, w"))
        #expect(!text.containsText("world"))
        #expect(text.containsText("wörld"))
        #expect(!"ab".containsText("abc"))
        #expect("ab".textRange(of: "") == "ab".startIndex..<"ab".startIndex)
    }

    @Test func searchesASubstringOnly() {
        let base = "[block:x] and then [block:y]"
        let tail = base[base.index(base.startIndex, offsetBy: 5)...]
        let range = tail.textRange(of: "[block:")
        #expect(range.map { String(tail[$0]) } == "[block:")
        #expect(range.map { base.distance(from: base.startIndex, to: $0.lowerBound) } == 19)
        #expect(!base[..<base.index(base.startIndex, offsetBy: 8)].containsText("x]"))
    }
}
