import DocTree
import MarkdownFrontEnd
import Testing

/// Code fences: the info string after the language, Pandoc attributes, and a fence the writer forgot
/// to close before opening the next.
@Suite struct FenceTests {
    func codeBlocks(_ text: String) -> [CodeBlock] {
        MarkdownParser().parse(text, file: "p.md", diagnostics: RecordingCollector()).blocks.compactMap { if case .code(let c) = $0 { return c } else { return nil } }
    }

    @Test func infoStringAfterTheLanguageAndPandocAttributes() {
        let blocks = codeBlocks("""
        ```json 200 Success
        {}
        ```

        ```{.json .apiresponse title="Example Response"}
        {}
        ```
        """)
        #expect(blocks.map(\.language) == ["json", "json"])
        #expect(blocks.map(\.info) == ["200 Success", ".apiresponse title=\"Example Response\""])
    }

    @Test func unclosedFenceBeforeTheNextIsTwoBlocks() {
        let blocks = codeBlocks("""
        ```bash title="Try it"
        curl -X PUT https://h/x \\
          -d '{"a": 1}'

        ```json title="Response 200 OK"
        {"id": 1}
        ```

        ````markdown
        ```json
        {}
        ```
        ````
        """)
        #expect(blocks.map(\.language) == ["bash", "json", "markdown"])
        #expect(blocks[1].text == "{\"id\": 1}\n")
        #expect(blocks[1].info == "title=\"Response 200 OK\"")
        #expect(blocks[1].line == 5)
    }
}
