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
        /// A parameter or field a component documents (`<ParamField query="limit" type="integer">`),
        /// with where it goes when the component says (`ResponseField` → response fields).
        case field(DocumentedName, SectionContext?)
    }
    public var kind: Kind
    public var line: Int
    /// For a list entry nested in another's item (`- **user**: object` / `  - **id**: integer`): the
    /// name the enclosing entries read as, dotted (`user`); the builder nests the entry under it when
    /// that entry was read as a field.
    public var parent: String? = nil
}

/// Turns a document into `PageItem`s.
///
/// For example: `---` / `title: API` / `---` / `# Kittens` / `- `id`: the ID` gives
/// `[heading(1, "Kittens"), text("id: the ID", inList: true)]`.
public enum PageItems {
    public static func items(_ document: Document) -> [PageItem] {
        var out: [PageItem] = []
        let (rest, front) = FrontMatter.split(document.blocks)
        out += front
        walk(rest, inList: false, into: &out, components: ComponentReader())
        return document.format == "text" ? literalBlocks(out) : out
    }

    /// The raw text of a plain-text line (leading blanks kept).
    static func rawLine(_ item: PageItem) -> String? {
        guard case .text(let t, false) = item.kind, t.spans.count == 1, case .text(let raw) = t.spans[0] else { return nil }
        return raw
    }

    /// A text rendering's literal blocks (Sphinx's text builder indents a `code-block` three spaces;
    /// blank lines inside it are dropped with the others): a run of lines indented three or more,
    /// whose first line after `#` / `//` comments is code — a JSON value, a shell prompt or `curl`,
    /// an HTTP request or status line, `true` / `false` / `null` — is one code block, as the HTML
    /// rendering of the same page has it.
    ///
    /// For example: lines `   # HTTP-Code 200 Ok`, `   {`, `     "id": 1`, `   }` → one code block
    /// `# HTTP-Code 200 Ok` / blank / `{` … `}`.
    static func literalBlocks(_ items: [PageItem]) -> [PageItem] {
        func indent(_ s: String) -> Int { s.prefix { $0 == " " }.count }
        var out: [PageItem] = []
        var i = 0
        while i < items.count {
            guard let first = rawLine(items[i]), indent(first) >= 3 else { out.append(items[i]); i += 1; continue }
            var j = i
            var lines: [(String, Int)] = []
            while j < items.count, let raw = rawLine(items[j]), indent(raw) >= 3 { lines.append((raw, items[j].line)); j += 1 }
            let margin = lines.map { indent($0.0) }.min() ?? 0
            let dedented = lines.map { (String($0.0.dropFirst(margin)), $0.1) }
            let firstCode = dedented.first { !$0.0.hasPrefix("#") && !$0.0.hasPrefix("//") }?.0.trimming(" ") ?? ""
            let isCode = dedented[0].0.hasPrefix("#") || dedented[0].0.hasPrefix("//") || firstCode.hasPrefix("{") || firstCode.hasPrefix("[")
                || firstCode.hasPrefix("$ ") || firstCode.hasPrefix("curl ") || firstCode.hasPrefix("HTTP/")
                || ["true", "false", "null"].contains(firstCode) || SignatureReader.read(firstCode)?.isRequestLine == true
            guard isCode else { out += items[i..<j]; i = j; continue }
            var text = ""
            var last = dedented[0].1
            for (k, (line, number)) in dedented.enumerated() {
                if k > 0 { text += String(repeating: "\n", count: max(1, number - last)) }
                text += line
                last = number
            }
            out.append(PageItem(kind: .code(CodeBlock(language: "", text: text + "\n", line: lines[0].1)), line: lines[0].1))
            i = j
        }
        return out
    }

    static func walk(_ blocks: some Sequence<Block>, inList: Bool, into out: inout [PageItem], components: ComponentReader, parent: String? = nil) {
        let start = out.count
        defer { if let parent { for i in start..<out.count where out[i].parent == nil { out[i].parent = parent } } }
        for b in blocks {
            switch b {
            case .heading(let h): out.append(PageItem(kind: .heading(level: h.level, text: h.text), line: h.line))
            case .paragraph(let p):
                if ComponentReader.hasComponents(p.text.spans.map { if case .text(let t) = $0 { return t } else { return " " } }.joined()) {
                    components.read(p.text.plain, line: p.line, into: &out)
                } else if components.absorb(p.text.plain, into: &out) {
                    continue
                } else if !inList, let (level, text) = unspacedHeading(p.text.plain) {
                    out.append(PageItem(kind: .heading(level: level, text: InlineText(stringLiteral: text)), line: p.line))
                } else {
                    out.append(PageItem(kind: .text(p.text, inList: inList), line: p.line))
                }
            case .code(let c):
                if c.language.isEmpty, c.text.trimming(" ").hasPrefix("<"), ComponentReader.hasComponents(c.text) {
                    // Components indented four spaces after a blank line (nested in MDX) read by cmark as code.
                    components.read(c.text, line: c.line, into: &out)
                } else {
                    out.append(PageItem(kind: .code(c), line: c.line))
                }
            case .table(let t): out.append(PageItem(kind: .table(t), line: t.line))
            case .list(let l):
                for item in l.items {
                    // The item's first paragraph is the list entry; nested blocks follow, a nested list's
                    // entries below the entry's name.
                    guard case .paragraph(let first)? = item.first, let name = ParameterList.read(first.text, line: first.line, bare: true)?.name,
                          item.dropFirst().contains(where: { if case .list = $0 { return true } else { return false } }) else {
                        walk(item, inList: true, into: &out, components: components)
                        continue
                    }
                    let nested = parent.map { $0 + "." + name } ?? name
                    walk(item.prefix(1), inList: true, into: &out, components: components)
                    for b in item.dropFirst() {
                        if case .list = b { walk([b], inList: true, into: &out, components: components, parent: nested) }
                        else { walk([b], inList: true, into: &out, components: components) }
                    }
                }
            case .definitionList(let d):
                for item in d.items {
                    // `term` / definition: read as the list entry `` `term`: definition ``.
                    let term = item.term.plain
                    if ParameterTable.isIdentifierLike(term), !term.contains(" "), case .paragraph(let p)? = item.blocks.first {
                        // The definition's further paragraphs and lists (`Available codes:` / `- af - Africa`)
                        // describe the term; they are not entries of their own.
                        let rest = item.blocks.dropFirst()
                        let prose = rest.filter { if case .paragraph = $0 { return true }; if case .list = $0 { return true }; return false }
                        let more = prose.map(plainText).filter { !$0.isEmpty }.joined(separator: " ")
                        let spans: [InlineText.Span] = more.isEmpty ? p.text.spans : p.text.spans + [.text(" " + more)]
                        out.append(PageItem(kind: .text(InlineText([.code(term), .text(": ")] + spans), inList: true), line: item.line))
                        walk(rest.filter { b in !prose.contains(b) }, inList: inList, into: &out, components: components)
                    } else {
                        out.append(PageItem(kind: .text(item.term, inList: true), line: item.line))
                        walk(item.blocks, inList: inList, into: &out, components: components)
                    }
                }
            case .tabs(let set):
                for tab in set.tabs { walk(tab.blocks, inList: inList, into: &out, components: components) }
            case .html(let raw):
                if ComponentReader.hasComponents(raw.html) || !components.stack.isEmpty {
                    components.read(raw.html, line: raw.line, into: &out)
                } else {
                    out.append(contentsOf: htmlItems(raw))
                }
            case .thematicBreak:
                break
            }
        }
    }

    /// The text of a paragraph or of a list's items, one line.
    static func plainText(_ block: Block) -> String {
        switch block {
        case .paragraph(let p): return p.text.plain
        case .list(let l): return l.items.flatMap { $0 }.map(plainText).filter { !$0.isEmpty }.joined(separator: " ")
        default: return ""
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

    /// `<h3 id="x">Parameters</h3>` → a heading; other HTML → its text, when it has any. A line that
    /// is only a method badge (`<span class="method post">POST</span>`) and the text line after it (the
    /// path element) are one line, the signature a badge block shows.
    ///
    /// For example: `<div class="badge">` / `<span class="method">POST</span>` / `<span class="path">/x</span>` / `</div>`
    /// → `text("POST /x")`.
    static func htmlItems(_ raw: RawHTML) -> [PageItem] {
        var out: [PageItem] = []
        var badge: PageItem?
        for item in htmlLines(raw) {
            if let b = badge, case .text(let first, _) = b.kind, case .text(let next, _) = item.kind {
                out.append(PageItem(kind: .text(InlineText(stringLiteral: first.plain + " " + next.plain), inList: false), line: b.line))
                badge = nil
                continue
            }
            if let b = badge { out.append(b); badge = nil }
            if case .text(let t, _) = item.kind, !t.plain.contains(" "), SignatureReader.method(Substring(t.plain)) != nil, t.plain == t.plain.uppercased() {
                badge = item
                continue
            }
            out.append(item)
        }
        if let b = badge { out.append(b) }
        return out
    }

    static func htmlLines(_ raw: RawHTML) -> [PageItem] {
        var out: [PageItem] = []
        let lines = raw.html.split(separator: "\n", omittingEmptySubsequences: false)
        var skipUntil = -1
        for (offset, line) in lines.enumerated() where offset > skipUntil {
            let t = line.trimming(" ")
            let lower = t.lowercased()
            if lower.hasPrefix("<pre"), let (block, last) = preformatted(lines, from: offset, line: raw.line + offset) {
                out.append(PageItem(kind: .code(block), line: block.line))
                skipUntil = last
                continue
            }
            if lower.count >= 9, lower.hasPrefix("<h"), let d = lower.dropFirst(2).first, let level = d.wholeNumberValue, (1...6).contains(level),
               lower.hasSuffix("</h\(level)>") {
                let text = stripTags(Substring(t))
                if !text.isEmpty { out.append(PageItem(kind: .heading(level: level, text: InlineText(stringLiteral: text)), line: raw.line + offset)) }
                continue
            }
            var text = stripTags(Substring(t))
            if let method = methodClass(Substring(t)), text.hasPrefix("/") || text.hasPrefix("{{") {
                // `<div class="endpoint get">/licenses/\{id\}</div>`: the method in the class, the path
                // as the text (Markdown escapes kept by the raw HTML dropped).
                text = method + " " + text.replacing("\\{", with: "{").replacing("\\}", with: "}").replacing("\\_", with: "_")
            }
            if !text.isEmpty { out.append(PageItem(kind: .text(InlineText(stringLiteral: text), inList: false), line: raw.line + offset)) }
        }
        return out
    }

    /// The HTTP method the class of a line's first element names (`<div class="endpoint get">`).
    static func methodClass(_ line: Substring) -> String? {
        guard line.hasPrefix("<"), let close = line.firstIndex(of: ">"), let c = line[..<close].firstRange(of: "class=\"") else { return nil }
        let value = line[c.upperBound..<close].prefix { $0 != "\"" }
        let methods = value.split(separator: " ").map { $0.uppercased() }.filter { ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains($0) }
        return methods.count == 1 ? methods[0] : nil
    }

    /// The text outside `<…>` tags, with the common entities decoded.
    /// A `<pre>` (with or without `<code class="json">`) in a Markdown page's raw HTML (Jekyll and Hugo
    /// pages, READMEs): a code block of its text up to `</pre>`, entities decoded, the language from a
    /// `language-x` / `lang-x` / bare class; with the index of its last line.
    ///
    /// For example: `<pre><code class="bash">` / `curl …` / `</code></pre>` → a `bash` block `curl …`.
    static func preformatted(_ lines: [Substring], from start: Int, line: Int) -> (CodeBlock, Int)? {
        guard let end = lines[start...].firstIndex(where: { $0.lowercased().contains("</pre>") }) else { return nil }
        var text = lines[start...end].joined(separator: "\n")
        let head = text.prefix { $0 != "\n" }
        var language = ""
        if let r = head.firstRange(of: "class=\"") {
            let classes = head[r.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
            for c in classes {
                if c.hasPrefix("language-") { language = String(c.dropFirst("language-".count)) } else if c.hasPrefix("lang-") { language = String(c.dropFirst(5)) }
            }
            if language.isEmpty, classes.count == 1, classes[0].allSatisfy({ $0.isLetter }) { language = String(classes[0]) }
        }
        text = stripPhrasingTags(text)
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacing(entity, with: ch)
        }
        let lead = text.prefix { $0 == "\n" }.count
        text = String(text.dropFirst(lead))
        guard text.contains(where: { !$0.isWhitespace }) else { return nil }
        if !text.hasSuffix("\n") { text += "\n" }
        return (CodeBlock(language: language.lowercased(), text: text, line: line + lead), end)
    }

    /// Elements a `<pre>` holds as markup around its text: the block's own `pre`/`code`, and the
    /// phrasing elements syntax highlighters and prompt styling wrap words in
    /// (`<span class="bash">curl …</span>`, `<b>`, `<a href>`).
    static let phrasingTags: Set<String> = ["pre", "code", "span", "b", "i", "em", "strong", "a", "kbd", "samp", "var", "u", "s",
                                            "small", "mark", "font", "sup", "sub"]

    /// The text of a `<pre>` without the tags of `phrasingTags` (opening and closing); any other
    /// `<…>` is text the page shows (`/users/<id>`).
    ///
    /// For example: `<pre><code><span class="bash">curl h/x</span>` → `curl h/x`.
    static func stripPhrasingTags(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if let close = after.firstIndex(of: ">"), phrasingTags.contains(name),
               after[..<close].dropFirst(after.hasPrefix("/") ? name.count + 1 : name.count).first.map({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "/" }) ?? true {
                rest = after[after.index(after: close)...]
            } else {
                out.append("<")
                rest = after
            }
        }
        return out + rest
    }

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
