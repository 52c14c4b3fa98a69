import DocTree
import Testing
@testable import MarkdownFrontEnd

/// A cell that is one code span, and a cell without `*` or `_`, take short cuts: the spans must be those
/// of the full scan.
@Suite struct InlineScannerFastPathTests {
    @Test func shortCutsGiveTheFullScansSpans() {
        let pieces = ["`", "``", "a", " ", "_", "*", "\\", "|", "<br>", "[x](y)", "&amp;", "é", "\u{301}", "/", "id"]
        var cells = ["`a`", "` a `", "`  `", "` `", "`\u{301}x`", "``a``", "`a``", "`a` b", "x `a`", "`project_uuid`", "` `a` `"]
        var state: UInt64 = 7
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var bits = state
            var cell = "`"
            for _ in 0..<Int(state >> 61) { cell += pieces[Int(bits % UInt64(pieces.count))]; bits /= UInt64(pieces.count) }
            cells.append(cell + (state & 1 == 0 ? "`" : "_"))
        }
        var shortCut = 0
        for cell in cells {
            let full = InlineScanner.scan(bytes: Array(cell.utf8))
            #expect(InlineScanner.scan(Substring(cell)) == full, "\(cell.debugDescription)")
            if full.spans.count == 1, case .code = full.spans[0] { shortCut += 1 }
        }
        #expect(shortCut > 300)
        #expect(InlineScanner.scan("` a `") == InlineText([.code("a")]))
    }
}
