import DocTree
import Testing
@testable import MarkdownFrontEnd

/// Raw inline HTML: real tags are markup and dropped; `<name>` placeholders that are no HTML element
/// are the writer's text (path parameters such as `/fields/<fieldName>`) and kept.
@Suite struct InlineHTMLTests {
    func paragraph(_ text: String) -> String? {
        let blocks = MarkdownParser().parse(text, file: "t.md", diagnostics: RecordingCollector()).blocks
        if case .paragraph(let p)? = blocks.first { return p.text.plain }
        return nil
    }

    @Test func placeholdersAreKeptAndTagsDropped() {
        #expect(paragraph("GET /api/v1/sm/fields/<fieldName>") == "GET /api/v1/sm/fields/<fieldName>")
        #expect(paragraph("DELETE /users/<user_id>/keys/<key-id>") == "DELETE /users/<user_id>/keys/<key-id>")
        #expect(paragraph("a <span class=\"x\">b</span> <em>c</em> d<!-- note -->") == "a b c d")
        #expect(paragraph("one<br>two") == "one two")
        #expect(paragraph("<Span>x</Span>") == "x")
        // A Hugo shortcode is template markup, not a placeholder.
        #expect(paragraph("{{<required>}} String.") == "{{}} String.")
    }

    @Test func placeholderRecognition() {
        #expect(MarkdownParser.isPlaceholder("<fieldName>"))
        #expect(MarkdownParser.isPlaceholder("<int:id>"))
        #expect(!MarkdownParser.isPlaceholder("<kbd>"))
        #expect(!MarkdownParser.isPlaceholder("</kbd>"))
        #expect(!MarkdownParser.isPlaceholder("<a href=\"x\">"))
        #expect(!MarkdownParser.isPlaceholder("<!-- x -->"))
        #expect(!MarkdownParser.isPlaceholder("<br/>"))
    }
}
