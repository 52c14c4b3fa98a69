import CCmark
import DocTree

/// The Markdown front end: parses a page with cmark and lowers it to the flavour-neutral
/// `Document`, adding what MkDocs pages need on top of CommonMark: `=== "Tab"` blocks
/// (pymdownx.tabbed, whose indented content is re-parsed as Markdown) and pipe tables.
///
/// For example: `MarkdownParser().parse(text, file: "users.md", diagnostics: collector)`.
public struct MarkdownParser: Sendable {

    /// A ```` ``` ```` block the writer did not close before opening the next: a line inside it that opens
    /// a fence with an info string (```` ```json title="Response 200 OK" ````) starts a block of its own.
    /// Blocks of Markdown (`md`, `markdown`, `mdx`) keep their lines: they show fences on purpose.
    ///
    /// For example: ```` ```bash ```` / `curl …` / ```` ```json ```` / `{"a": 1}` / ```` ``` ```` → a bash block and a json block.
    static func unclosedFences(_ block: CodeBlock) -> [CodeBlock] {
        guard !["md", "markdown", "mdx"].contains(block.language), block.text.containsText("```") else { return [block] }
        var out: [CodeBlock] = []
        var current = block
        var text: [Substring] = []
        let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (k, line) in lines.enumerated() {
            let t = line.drop { $0 == " " }
            if t.hasPrefix("```"), let c = t.dropFirst(3).first, c.isLetter || c == "{" {
                current.text = text.joined(separator: "\n") + "\n"
                out.append(current)
                let (language, rest) = fenceInfo(String(t.dropFirst(3)))
                current = CodeBlock(language: language, text: "", line: block.line + k + 1, info: rest)
                text = []
                continue
            }
            text.append(line)
        }
        if out.isEmpty { return [block] }
        current.text = text.joined(separator: "\n")
        out.append(current)
        return out
    }

    /// A fence's info string as the language and the rest: ```` ```json 200 OK ```` → (`json`, `200 OK`);
    /// Pandoc / attr_list attributes ```` ```{.json .apiresponse title="Example Response"} ```` → (`json`,
    /// `.apiresponse title="Example Response"`).
    static func fenceInfo(_ info: String) -> (String, String) {
        var t = info.trimming(" ")
        if t.hasPrefix("{"), t.hasSuffix("}") {
            t = String(t.dropFirst().dropLast()).trimming(" ")
            if t.hasPrefix(".") { t.removeFirst() }
        }
        let language = t.split(separator: " ").first.map { String($0).lowercased() } ?? ""
        let rest = t.split(separator: " ", maxSplits: 1).dropFirst().first.map { $0.trimming(" ") } ?? ""
        return (language, rest)
    }
    /// Deepest tab nesting followed; deeper content is kept as a code block.
    public var maxTabDepth = 8
    /// Lowering stops between blocks once this has passed (see `Deadline`).
    public var deadline: Deadline

    public init(deadline: Deadline = .none) { self.deadline = deadline }

    public func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> Document {
        let blocks = parseBlocks(ReadmeBlocks.rewrite(text), lineOffset: 0, depth: 0)
        return Document(file: file, format: "markdown", blocks: blocks)
    }

    /// The lines of `text`, split on the UTF-8 bytes (much faster than splitting Characters).
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        // Offsets of the line breaks, found on the contiguous bytes when the string has them.
        let breaks: [Int] = utf8.withContiguousStorageIfAvailable { bytes in
            var found: [Int] = []
            for (i, b) in bytes.enumerated() where b == 10 { found.append(i) }
            return found
        } ?? utf8.enumerated().filter { $0.element == 10 }.map(\.offset)
        var out: [Substring] = []
        out.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            out.append(text[start..<end])
            start = utf8.index(after: end)
        }
        out.append(text[start..<utf8.endIndex])
        return out
    }

    /// Parses `text` whose first line is line `lineOffset + 1` of the file.
    func parseBlocks(_ text: String, lineOffset: Int, depth: Int) -> [Block] {
        let lines = Self.lines(text)
        let utf8 = Array(text.utf8)
        guard let root = utf8.withUnsafeBufferPointer({ buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT) }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }) else { return [] }
        defer { cmark_node_free(root) }
        let lowering = Lowering(parser: self, lines: lines, lineOffset: lineOffset, depth: depth)
        return lowering.blocks(childrenOf: root)
    }
}

/// Walks one cmark tree; knows the source lines to recognise tables and tab markers.
private struct Lowering {
    let parser: MarkdownParser
    let lines: [Substring]
    let lineOffset: Int
    let depth: Int

    func blocks(childrenOf parent: OpaquePointer) -> [Block] {
        var out: [Block] = []
        var pendingTabs: [TabSet.Tab] = []
        var tabSetLine = 0
        func closeTabs() {
            if !pendingTabs.isEmpty { out.append(.tabs(TabSet(tabs: pendingTabs, line: tabSetLine))); pendingTabs = [] }
        }
        var node = cmark_node_first_child(parent)
        while let n = node, !parser.deadline.isExpired {
            let next = cmark_node_next(n)
            let type = cmark_node_get_type(n)
            let start = Int(cmark_node_get_start_line(n))
            let end = Int(cmark_node_get_end_line(n))
            if type == CMARK_NODE_PARAGRAPH, let (label, rest) = tabMarker(start: start, end: end) {
                if pendingTabs.isEmpty { tabSetLine = start + lineOffset }
                var content: [Block] = []
                var consumedNext = false
                if !rest.isEmpty {
                    // Content lines were read as paragraph continuation (no blank line after the marker).
                    content = parser.parseBlocks(rest.map { dedent($0) }.joined(separator: "\n"), lineOffset: start + lineOffset, depth: depth + 1)
                } else if let following = next, cmark_node_get_type(following) == CMARK_NODE_CODE_BLOCK,
                          cmark_node_get_fence_info(following).map({ String(cString: $0) }) ?? "" == "",
                          isIndented(Int(cmark_node_get_start_line(following))) {
                    let literal = cmark_node_get_literal(following).map { String(cString: $0) } ?? ""
                    let contentStart = Int(cmark_node_get_start_line(following))
                    if depth < parser.maxTabDepth {
                        content = parser.parseBlocks(literal, lineOffset: contentStart - 1 + lineOffset, depth: depth + 1)
                    } else {
                        content = [.code(CodeBlock(language: "", text: literal, line: contentStart + lineOffset))]
                    }
                    consumedNext = true
                }
                pendingTabs.append(TabSet.Tab(label: label, blocks: content, line: start + lineOffset))
                node = consumedNext ? cmark_node_next(next!) : next
                continue
            }
            closeTabs()
            if let block = lower(n, type: type, start: start, end: end) {
                if case .code(let c) = block, start >= 1, start <= lines.count, lines[start - 1].drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count == 3 {
                    out += MarkdownParser.unclosedFences(c).map(Block.code)
                } else {
                    out.append(block)
                }
            }
            node = next
        }
        closeTabs()
        return out
    }

    func lower(_ n: OpaquePointer, type: cmark_node_type, start: Int, end: Int) -> Block? {
        let line = start + lineOffset
        switch type {
        case CMARK_NODE_HEADING:
            return .heading(Heading(level: Int(cmark_node_get_heading_level(n)), text: inline(n), line: line))
        case CMARK_NODE_PARAGRAPH:
            if start >= 1, end <= lines.count, end >= start,
               let table = PipeTable.parse(Array(lines[(start - 1)..<end]), firstLine: line) {
                return .table(table)
            }
            return .paragraph(Paragraph(text: inline(n), line: line))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(n).map { String(cString: $0) } ?? ""
            let (language, rest) = MarkdownParser.fenceInfo(info)
            let literal = cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
            return .code(CodeBlock(language: language, text: literal, line: line, info: rest))
        case CMARK_NODE_HTML_BLOCK:
            return .html(RawHTML(html: cmark_node_get_literal(n).map { String(cString: $0) } ?? "", line: line))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(line: line)
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            var item = cmark_node_first_child(n)
            while let it = item {
                items.append(blocks(childrenOf: it))
                item = cmark_node_next(it)
            }
            return .list(ListBlock(ordered: cmark_node_get_list_type(n) == CMARK_ORDERED_LIST, items: items, line: line))
        case CMARK_NODE_BLOCK_QUOTE:
            // Block quotes are flattened: their content matters, the quoting does not.
            let inner = blocks(childrenOf: n)
            return inner.count == 1 ? inner[0] : .list(ListBlock(ordered: false, items: [inner], line: line))
        default:
            return nil
        }
    }

    /// `=== "Label"` (or `===! "Label"`, `===+ "Label"`) as the first line of a paragraph.
    func tabMarker(start: Int, end: Int) -> (String, [Substring])? {
        guard start >= 1, start <= lines.count else { return nil }
        let first = lines[start - 1]
        guard first.hasPrefix("===") else { return nil }
        var rest = first.dropFirst(3)
        if rest.first == "!" || rest.first == "+" { rest = rest.dropFirst() }
        rest = rest.trimmingSpaces
        guard rest.count >= 2, let q = rest.first, q == "\"" || q == "'", rest.last == q else { return nil }
        let label = String(rest.dropFirst().dropLast())
        let more = end > start && end <= lines.count ? Array(lines[start..<end]) : []
        return (label, more)
    }

    func isIndented(_ lineNumber: Int) -> Bool {
        guard lineNumber >= 1, lineNumber <= lines.count else { return false }
        let l = lines[lineNumber - 1]
        return l.hasPrefix("    ") || l.hasPrefix("\t")
    }

    func dedent(_ line: Substring) -> Substring {
        if line.hasPrefix("    ") { return line.dropFirst(4) }
        if line.hasPrefix("\t") { return line.dropFirst(1) }
        return line.trimmingSpaces
    }

    /// Inline children of a paragraph or heading as spans.
    func inline(_ n: OpaquePointer) -> InlineText {
        var spans: [InlineText.Span] = []
        collect(n, into: &spans)
        return InlineText(spans)
    }

    func collect(_ parent: OpaquePointer, into spans: inout [InlineText.Span]) {
        var node = cmark_node_first_child(parent)
        while let n = node {
            let type = cmark_node_get_type(n)
            switch type {
            case CMARK_NODE_TEXT:
                spans.append(.text(cmark_node_get_literal(n).map { String(cString: $0) } ?? ""))
            case CMARK_NODE_CODE:
                spans.append(.code(cmark_node_get_literal(n).map { String(cString: $0) } ?? ""))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                // Kept as a line break (`plain` folds it to a space): line-oriented syntaxes such as
                // API Blueprint's MSON (`+ id (number)` then a description line) need the first line.
                spans.append(.text("\n"))
            case CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
                if literal.lowercased().hasPrefix("<br") {
                    spans.append(.text(" "))
                } else if MarkdownParser.isPlaceholder(literal), !MarkdownParser.endsWithShortcodeOpening(spans.last) {
                    spans.append(.text(literal))
                } else if MarkdownParser.isComponentTag(literal) {
                    // An MDX/JSX component inside a paragraph (`<ParamField query="x">`): its attributes carry meaning.
                    spans.append(.text(literal))
                }
            case CMARK_NODE_EMPH where MarkdownParser.endsWithSlash(spans.last):
                // `/users/*id*/posts`: emphasis as a path segment is the writer's placeholder.
                var inner: [InlineText.Span] = []
                collect(n, into: &inner)
                spans.append(.text("{" + InlineText(inner).plain + "}"))
            case CMARK_NODE_LINK:
                var inner: [InlineText.Span] = []
                collect(n, into: &inner)
                let text = InlineText(inner)
                let url = cmark_node_get_url(n).map { String(cString: $0) } ?? ""
                spans.append(.link(text: text.plain, url: url))
            default:
                collect(n, into: &spans)
            }
            node = cmark_node_next(n)
        }
    }
}

extension MarkdownParser {
    /// Whether raw inline HTML is a placeholder the writer meant as text, not a tag: `<fieldName>`,
    /// `<user_id>`, `</id>` with a name that is no HTML element and no attributes. Docs write path
    /// parameters so (`/api/v1/sm/fields/<fieldName>`); a browser would hide them, but every docs
    /// generator that shows them escapes them, and dropping them loses the parameter.
    ///
    /// For example: `<fieldName>` is a placeholder; `<span class="x">`, `</em>` and `<!-- … -->` are not.
    static func isPlaceholder(_ html: String) -> Bool {
        var body = Substring(html)
        guard body.hasPrefix("<"), body.hasSuffix(">") else { return false }
        body = body.dropFirst().dropLast()
        if body.hasPrefix("/") { body = body.dropFirst() }
        if body.hasSuffix("/") { body = body.dropLast() }
        guard let first = body.first, first.isLetter,
              body.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":" }) else { return false }
        return !htmlElements.contains(body.lowercased())
    }

    /// Whether raw inline HTML is a component tag (a capitalised name, as JSX writes components, or an
    /// element with `method` and `path` attributes): kept as text so that the readers see its attributes.
    ///
    /// For example: `<ParamField path="id">` and `</ParamField>` are; `<span class="x">` is not.
    static func isComponentTag(_ html: String) -> Bool {
        var body = Substring(html)
        guard body.hasPrefix("<") else { return false }
        // An element whose attributes name an operation (`<api-endpoint method="get" path="/x">`).
        if html.contains(" method="), html.contains(" path=") || html.contains(" url=") { return true }
        body = body.dropFirst()
        if body.hasPrefix("/") { body = body.dropFirst() }
        guard let first = body.first, first.isUppercase, first.isASCII else { return false }
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "." }
        return !htmlElements.contains(name.lowercased())
    }

    /// Whether a span is text ending in `/` (a path before an emphasised placeholder).
    static func endsWithSlash(_ span: InlineText.Span?) -> Bool {
        if case .text(let t)? = span { return t.hasSuffix("/") && !t.hasSuffix(" /") }
        return false
    }

    /// Whether the text before raw HTML opens a Hugo shortcode (`{{<required>}}`): template markup, not
    /// a placeholder.
    static func endsWithShortcodeOpening(_ span: InlineText.Span?) -> Bool {
        if case .text(let t)? = span { return t.hasSuffix("{{") }
        return false
    }

    /// HTML elements (and a few SVG/MathML ones) that docs write inline.
    static let htmlElements: Set<String> = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "br", "button", "center", "cite", "code", "data",
        "del", "details", "dfn", "div", "em", "font", "i", "img", "input", "ins", "kbd", "label", "li", "mark",
        "meter", "nobr", "ol", "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
        "select", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "svg", "table", "tbody",
        "td", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "iframe", "math", "object", "embed", "audio", "canvas", "figure",
        "figcaption", "dl", "dt", "dd", "blockquote", "section", "article", "aside", "header", "footer", "nav",
        "main", "form", "option", "optgroup", "fieldset", "legend", "caption", "col", "colgroup", "area", "map",
        "template", "slot", "dialog", "menu", "noscript", "script", "style", "link", "meta", "base",
    ]
}
