import DocTree

/// One item of a page read as a flat run: headings, lines of text, code blocks and tables, with
/// list items, tabs and block quotes opened up, front matter dropped and the HTML headings that
/// generators leave in Markdown (`<h3 id="addpet-parameters">Parameters</h3>`) read as headings.
public struct PageItem: Sendable {
    public enum Kind: Sendable {
        case heading(level: Int, text: InlineText)
        case text(InlineText, inList: Bool)
        case code(CodeBlock)
        case table(Table)
    }
    public var kind: Kind
    public var line: Int
}

/// Turns a document into `PageItem`s.
///
/// For example: `---` / `title: API` / `---` / `# Kittens` / `- `id`: the ID` gives
/// `[heading(1, "Kittens"), text("id: the ID", inList: true)]`.
public enum PageItems {
    public static func items(_ document: Document) -> [PageItem] {
        var out: [PageItem] = []
        walk(withoutFrontMatter(document.blocks), inList: false, into: &out)
        return out
    }

    /// YAML front matter (`---` … `---`) as cmark sees it: a thematic break on line 1, then
    /// paragraphs, lists and a setext heading of `key: value` lines up to the closing `---`.
    static func withoutFrontMatter(_ blocks: [Block]) -> ArraySlice<Block> {
        guard case .thematicBreak(let line)? = blocks.first, line == 1 else { return blocks[...] }
        var i = 1
        while i < blocks.count {
            switch blocks[i] {
            case .thematicBreak: return blocks[(i + 1)...]
            case .heading(let h):
                if h.text.plain.contains(": ") || h.text.plain.hasSuffix(":") { return blocks[(i + 1)...] }
                return blocks[i...]
            default: i += 1
            }
        }
        return blocks[...]
    }

    static func walk(_ blocks: some Sequence<Block>, inList: Bool, into out: inout [PageItem]) {
        for b in blocks {
            switch b {
            case .heading(let h): out.append(PageItem(kind: .heading(level: h.level, text: h.text), line: h.line))
            case .paragraph(let p):
                if !inList, let (level, text) = unspacedHeading(p.text.plain) {
                    out.append(PageItem(kind: .heading(level: level, text: InlineText(stringLiteral: text)), line: p.line))
                } else {
                    out.append(PageItem(kind: .text(p.text, inList: inList), line: p.line))
                }
            case .code(let c): out.append(PageItem(kind: .code(c), line: c.line))
            case .table(let t): out.append(PageItem(kind: .table(t), line: t.line))
            case .list(let l):
                for item in l.items {
                    // The item's first paragraph is the list entry; nested blocks follow.
                    walk(item, inList: true, into: &out)
                }
            case .definitionList(let d):
                for item in d.items {
                    // `term` / definition: read as the list entry `` `term`: definition ``.
                    let term = item.term.plain
                    if ParameterTable.isIdentifierLike(term), !term.contains(" "), case .paragraph(let p)? = item.blocks.first {
                        out.append(PageItem(kind: .text(InlineText([.code(term), .text(": ")] + p.text.spans), inList: true), line: item.line))
                        walk(item.blocks.dropFirst(), inList: inList, into: &out)
                    } else {
                        out.append(PageItem(kind: .text(item.term, inList: true), line: item.line))
                        walk(item.blocks, inList: inList, into: &out)
                    }
                }
            case .tabs(let set):
                for tab in set.tabs { walk(tab.blocks, inList: inList, into: &out) }
            case .html(let raw):
                out.append(contentsOf: htmlItems(raw))
            case .thematicBreak:
                break
            }
        }
    }

    /// `###People`: an ATX heading without the space CommonMark requires, which older Markdown
    /// renderers (Python-Markdown, Redcarpet) accept — a one-line paragraph of one to six `#`, a
    /// letter and at most eight words.
    ///
    /// For example: `###People` → `(3, "People")`; `#hashtag and more words in a sentence here today` → nil.
    static func unspacedHeading(_ plain: String) -> (Int, String)? {
        guard plain.hasPrefix("#"), !plain.contains("\n") else { return nil }
        let hashes = plain.prefix { $0 == "#" }.count
        let rest = plain.dropFirst(hashes)
        guard (1...6).contains(hashes), let first = rest.first, first.isLetter, rest.split(separator: " ").count <= 8 else { return nil }
        return (hashes, String(rest).trimming(" "))
    }

    /// `<h3 id="x">Parameters</h3>` → a heading; other HTML → its text, when it has any.
    static func htmlItems(_ raw: RawHTML) -> [PageItem] {
        var out: [PageItem] = []
        for (offset, line) in raw.html.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimming(" ")
            let lower = t.lowercased()
            if lower.count >= 9, lower.hasPrefix("<h"), let d = lower.dropFirst(2).first, let level = d.wholeNumberValue, (1...6).contains(level),
               lower.hasSuffix("</h\(level)>") {
                let text = stripTags(Substring(t))
                if !text.isEmpty { out.append(PageItem(kind: .heading(level: level, text: InlineText(stringLiteral: text)), line: raw.line + offset)) }
                continue
            }
            let text = stripTags(Substring(t))
            if !text.isEmpty { out.append(PageItem(kind: .text(InlineText(stringLiteral: text), inList: false), line: raw.line + offset)) }
        }
        return out
    }

    /// The text outside `<…>` tags, with the common entities decoded.
    static func stripTags(_ s: Substring) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; continue }
            if c == ">" { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacing(entity, with: ch)
        }
        out = InlineText.foldWhitespace(out)
        // Permalink marks after heading text (`Get Entry IDs ¶`).
        while let last = out.last, last == "¶" || last == "#" || last == "🔗" || last == " " { out.removeLast() }
        return out
    }

    /// The page's own title: its first level-1 heading, else its first heading.
    public static func title(_ items: [PageItem]) -> String? {
        var first: String?
        for item in items {
            guard case .heading(let level, let text) = item.kind else { continue }
            if level == 1 { return text.plain }
            if first == nil { first = text.plain }
        }
        return first
    }
}
