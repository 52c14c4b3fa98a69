import DocTree
import Testing
@testable import MarkdownFrontEnd

@Suite struct TabsTests {
    func parse(_ text: String) -> [Block] {
        MarkdownParser().parse(text, file: "t.md", diagnostics: RecordingCollector()).blocks
    }

    @Test func tabContentIsReparsedAsMarkdownWithFileLineNumbers() throws {
        let text = """
        # Title

        === "Path Parameters"

            | Name | Type | Required |
            |---|---|---|
            | `uuid` | string (uuid) | ✓ |

        === "Responses"

            **`204`** - No response body
        """
        let blocks = parse(text)
        #expect(blocks.count == 2)
        guard case .tabs(let set) = blocks[1] else { Issue.record("no tab set: \(blocks)"); return }
        #expect(set.tabs.map(\.label) == ["Path Parameters", "Responses"])
        #expect(set.tabs[0].line == 3)
        guard case .table(let table) = set.tabs[0].blocks.first else { Issue.record("tab content is not a table"); return }
        #expect(table.line == 5)
        #expect(table.rowLines == [7])
        #expect(table.rows[0][0].codeSpans == ["uuid"])
        #expect(table.rows[0][1].plain == "string (uuid)")
        guard case .paragraph(let p) = set.tabs[1].blocks.first else { Issue.record("no paragraph"); return }
        #expect(p.text.plain == "204 - No response body")
        #expect(p.line == 11)
    }

    @Test func nestedTabsAndCodeInsideTabs() {
        let text = """
        === "Outer"

            === "Inner"

                ```python
                print("x")
                ```
        """
        let blocks = parse(text)
        guard case .tabs(let outer) = blocks.first, case .tabs(let inner)? = outer.tabs.first?.blocks.first,
              case .code(let code)? = inner.tabs.first?.blocks.first else {
            Issue.record("unexpected tree: \(blocks)"); return
        }
        #expect(inner.tabs[0].label == "Inner")
        #expect(code.language == "python")
        #expect(code.text == "print(\"x\")\n")
        #expect(code.line == 5)
    }

    @Test func separateTabSetsAreSplitByOtherContent() {
        let blocks = parse("=== \"A\"\n\n    a\n\nText between.\n\n=== \"B\"\n\n    b\n")
        #expect(blocks.count == 3)
        if case .paragraph(let p) = blocks[1] { #expect(p.text.plain == "Text between.") } else { Issue.record("no paragraph") }
    }

    @Test func leadingHTMLCommentIsKeptAsRawHTML() {
        let blocks = parse("<!-- EXTERNAL DOCUMENT\nSource: x\n-->\n\n# Users\n")
        guard case .html(let html) = blocks.first else { Issue.record("no html block"); return }
        #expect(html.html.hasPrefix("<!-- EXTERNAL DOCUMENT"))
        if case .heading(let h) = blocks[1] { #expect(h.text.plain == "Users"); #expect(h.line == 5) } else { Issue.record("no heading") }
    }
}
