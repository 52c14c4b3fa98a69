import DocTree
import Testing
@testable import MarkdownFrontEnd

@Suite struct TableTests {
    func table(_ text: String) -> Table? {
        let blocks = MarkdownParser().parse(text, file: "t.md", diagnostics: RecordingCollector()).blocks
        if case .table(let t)? = blocks.first { return t }
        return nil
    }

    @Test func escapedPipesAndPipesInCodeDoNotSplitCells() throws {
        let t = try #require(table("""
        | Field | Type | Description |
        |---|---|---|
        | `a\\|b` | string | one \\| two |
        | `x | y` | any | code with a pipe |
        """))
        #expect(t.rows.count == 2)
        #expect(t.rows[0][0].codeSpans == ["a|b"])
        #expect(t.rows[0][2].plain == "one | two")
        #expect(t.rows[1][0].codeSpans == ["x | y"])
        #expect(t.rows[1][1].plain == "any")
    }

    @Test func badgesEnumsAndLinksInCells() throws {
        let t = try #require(table("""
        | Method | Endpoint | Description |
        |:--- |:--- |:--- |
        | <span class="http-badge http-get">GET</span> | `/api/x/{uuid}/` | [Retrieve](#retrieve) |
        | **Core CRUD** | | |
        | x | y | <br>_Enum: `gp2`, `io1`_ |
        """))
        #expect(t.rows[0][0].plain == "GET")
        #expect(t.rows[0][1].codeSpans == ["/api/x/{uuid}/"])
        #expect(t.rows[0][2].links.first?.url == "#retrieve")
        #expect(t.rows[0][2].links.first?.text == "Retrieve")
        #expect(t.rows[1][0].plain == "Core CRUD")
        #expect(t.rows[1][1].plain == "")
        #expect(t.rows[2][2].codeSpans == ["gp2", "io1"])
        #expect(t.rows[2][2].plain == "Enum: gp2, io1")
    }

    @Test func underscoresInsideWordsAreKept() throws {
        let t = try #require(table("| A | B |\n|---|---|\n| measured_unit is _emphasis_ | x |\n"))
        #expect(t.rows[0][0].plain == "measured_unit is emphasis")
    }

    @Test func shortRowsArePaddedAndLongRowsCut() throws {
        let t = try #require(table("| A | B |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n"))
        #expect(t.rows.map { $0.count } == [2, 2])
    }

    @Test func aParagraphWithPipesButNoDelimiterRowIsNotATable() {
        #expect(table("a | b\nc | d\n") == nil)
    }
}
