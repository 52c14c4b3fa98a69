import CLibXML2
import DocTree

/// Lowers HTML elements to blocks and inline spans.
struct HTMLLowering {
    static let skipped: Set<String> = ["nav", "header", "footer", "aside", "script", "style", "form", "noscript", "template", "input",
                                       "button", "svg", "iframe", "head", "title", "meta", "link"]
    static let skippedClasses: Set<Substring> = ["headerlink", "md-sidebar", "sphinxsidebar", "related", "md-search", "md-header",
                                                 "md-footer", "md-nav", "md-source-file", "linenos", "linenodiv", "tabbed-labels",
                                                 "md-content__button", "toctree-wrapper", "md-top"]

    var depth = 0
    var deadline = Deadline.none
    /// The level of the heading that opens the innermost container being lowered (0: none): later
    /// headings inside that container are below it (see `sectionedBlocks`).
    var headingFloor = 0

    mutating func blocks(in node: xmlNodePtr, after start: xmlNodePtr? = nil) -> [Block] {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { return [] }
        var out: [Block] = []
        var loose: [InlineText.Span] = []
        var looseLine = 0
        func flushLoose() {
            let t = InlineText(loose)
            if !t.plain.isEmpty { out.append(.paragraph(Paragraph(text: t, line: looseLine))) }
            loose = []
        }
        var child = start.map { $0.pointee.next } ?? node.pointee.children
        while let c = child, !deadline.isExpired {
            defer { child = c.pointee.next }
            if c.pointee.type == XML_TEXT_NODE {
                if let content = c.pointee.content {
                    let s = String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                    if s.contains(where: { !$0.isWhitespace }) {
                        if loose.isEmpty { looseLine = HTMLNode.line(c) }
                        loose.append(.text(s))
                    }
                }
                continue
            }
            guard c.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = HTMLNode.name(c)
            if Self.skipped.contains(name) || HTMLNode.classes(c).contains(where: Self.skippedClasses.contains) { continue }
            if Self.isInline(name) {
                if loose.isEmpty { looseLine = HTMLNode.line(c) }
                collectInline(c, into: &loose)
                continue
            }
            flushLoose()
            out += block(c, name: name)
        }
        flushLoose()
        return out
    }

    static func isInline(_ name: String) -> Bool {
        ["a", "span", "code", "em", "strong", "b", "i", "br", "kbd", "abbr", "sup", "sub", "small", "tt", "samp", "var", "mark", "label", "cite"].contains(name)
    }

    mutating func block(_ c: xmlNodePtr, name: String) -> [Block] {
        let line = HTMLNode.line(c)
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return [.heading(Heading(level: level(ofHeading: name), text: inline(c), line: line))]
        case "p":
            let t = inline(c)
            return t.plain.isEmpty ? [] : [.paragraph(Paragraph(text: t, line: line))]
        case "ul", "ol":
            let items = HTMLNode.elementChildren(c).filter { HTMLNode.name($0) == "li" }.map { blocks(in: $0) }
            return [.list(ListBlock(ordered: name == "ol", items: items, line: line))]
        case "dl":
            var items: [DefinitionList.Item] = []
            for child in HTMLNode.elementChildren(c) {
                switch HTMLNode.name(child) {
                case "dt": items.append(DefinitionList.Item(term: inline(child), blocks: [], line: HTMLNode.line(child)))
                case "dd":
                    if items.isEmpty { items.append(DefinitionList.Item(term: InlineText([]), blocks: [], line: HTMLNode.line(child))) }
                    items[items.count - 1].blocks += blocks(in: child)
                default: break
                }
            }
            let classes = HTMLNode.classes(c).map(String.init)
            return [.definitionList(DefinitionList(items: items, line: line, classes: classes.isEmpty ? nil : classes))]
        case "table":
            if HTMLNode.classes(c).contains("highlighttable") { return code(c, line: line) }
            return table(c, line: line)
        case "pre":
            return code(c, line: line)
        case "hr":
            return [.thematicBreak(line: line)]
        case "div":
            let cls = HTMLNode.classes(c)
            if cls.contains("tabbed-set") { return tabs(c, line: line) }
            if cls.contains("highlight") || cls.contains(where: { $0.hasPrefix("highlight-") }) { return code(c, line: line) }
            let inner = sectionedBlocks(c)
            if let method = Self.methodClass(c), inner.count == 1, case .paragraph(var p) = inner[0], Self.startsWithPath(p.text.plain) {
                p.text = InlineText([.text(method + " ")] + p.text.spans)
                return [.paragraph(p)]
            }
            return inner
        case "section", "article":
            return sectionedBlocks(c)
        default:
            return blocks(in: c)
        }
    }

    /// A heading's level, below the heading that opens an enclosing container.
    func level(ofHeading name: String) -> Int {
        let own = Int(String(name.last!))!
        return headingFloor > 0 ? min(6, max(own, headingFloor + 1)) : own
    }

    /// A container element that opens with a heading is that heading's section (the HTML outline of
    /// `<section><h2>…`, and the `<div>`s generators wrap an operation in): a later heading inside it
    /// at the same or a higher level is read one level below the opening heading. A container that
    /// holds another heading like the first (same element and class: `<h2 class="section-header">`
    /// for every section) is a wrapper of peers, not a section.
    ///
    /// For example: Aglio's `<div class="action"><h4>Get a server GET /servers/{id}</h4>…<h4>Example URI</h4>…</div>`
    /// → headings 4 and 5, so the action's section holds its example URI, request and responses.
    ///
    /// The opening heading may sit in a header element of its own, the container's first child
    /// holding that one heading and nothing before it (Bootstrap's `<div class="modal-header"><button
    /// class="close">×</button><h4 class="modal-title">get /x</h4></div><div class="modal-body">…`,
    /// `<div class="panel-heading"><h3 class="panel-title">…</h3></div><div class="panel-body">…`,
    /// `<div class="card-header"><div><h2>POST /x</h2><p>…</p></div></div>`): the rest of the header
    /// and the container's later children are the section.
    mutating func sectionedBlocks(_ c: xmlNodePtr) -> [Block] {
        guard let path = Self.openingHeadingPath(c), let first = path.last, case let name = HTMLNode.name(first),
              !HTMLNode.hasPeer(of: first, in: c) else { return blocks(in: c) }
        let saved = headingFloor
        defer { headingFloor = saved }
        let opening = level(ofHeading: name)
        var out = [Block.heading(Heading(level: opening, text: inline(first), line: HTMLNode.line(first)))]
        headingFloor = opening
        // The rest of each element on the way down to the heading, innermost first.
        for (parent, child) in zip([c] + path.dropLast(), path).reversed() { out += blocks(in: parent, after: child) }
        return out
    }

    static func headingLevel(_ n: xmlNodePtr) -> Int? {
        let name = HTMLNode.name(n)
        guard name.count == 2, name.hasPrefix("h"), let own = Int(String(name.last!)), (1...6).contains(own) else { return nil }
        return own
    }

    /// The elements from a container's first child down to the heading that opens it: the first child
    /// itself, or a header element (`div`, at most 3 deep) whose only heading comes before any text or
    /// other content of it. Nil when the container opens with anything else.
    static func openingHeadingPath(_ c: xmlNodePtr, depth: Int = 0) -> [xmlNodePtr]? {
        guard depth < 4, let first = HTMLNode.elementChildren(c).first(where: { !isSkipped($0) }),
              !HTMLNode.hasText(before: first, in: c) else { return nil }
        if headingLevel(first) != nil { return [first] }
        guard depth < 3, HTMLNode.name(first) == "div", HTMLNode.elementChildren(c).count > 1 || depth > 0,
              headingCount(first) == 1, let rest = openingHeadingPath(first, depth: depth + 1) else { return nil }
        return [first] + rest
    }

    static func isSkipped(_ n: xmlNodePtr) -> Bool {
        skipped.contains(HTMLNode.name(n)) || HTMLNode.classes(n).contains(where: skippedClasses.contains)
    }

    static func headingCount(_ n: xmlNodePtr, depth: Int = 0) -> Int {
        guard depth < 64 else { return 0 }
        return HTMLNode.elementChildren(n).reduce(0) { $0 + (headingLevel($1) != nil ? 1 : headingCount($1, depth: depth + 1)) }
    }

    /// The code text of a `<pre>`, a `div.highlight` or a `table.highlighttable`, without line numbers.
    func code(_ c: xmlNodePtr, line: Int) -> [Block] {
        var language = ""
        var node: xmlNodePtr? = c
        while let n = node, language.isEmpty {
            for cls in HTMLNode.classes(n) {
                if cls.hasPrefix("language-") { language = String(cls.dropFirst("language-".count)) }
                if cls.hasPrefix("highlight-"), cls != "highlight-default" { language = String(cls.dropFirst("highlight-".count)) }
            }
            node = n.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : nil }
            if node.map({ HTMLNode.name($0) == "article" || HTMLNode.name($0) == "body" }) ?? true { break }
        }
        var text = HTMLNode.text(c)
        if text.first == "\n" { text.removeFirst() }
        if !text.hasSuffix("\n") { text += "\n" }
        return [.code(CodeBlock(language: language, text: text, line: line))]
    }

    mutating func table(_ c: xmlNodePtr, line: Int) -> [Block] {
        var rows: [(xmlNodePtr, [xmlNodePtr], Bool)] = []
        func collect(_ n: xmlNodePtr, header: Bool) {
            for child in HTMLNode.elementChildren(n) {
                switch HTMLNode.name(child) {
                case "thead": collect(child, header: true)
                case "tbody", "tfoot": collect(child, header: false)
                case "tr":
                    let cells = HTMLNode.elementChildren(child).filter { ["td", "th"].contains(HTMLNode.name($0)) }
                    let isHeader = header || (!cells.isEmpty && cells.allSatisfy { HTMLNode.name($0) == "th" })
                    rows.append((child, cells, isHeader))
                default: break
                }
            }
        }
        collect(c, header: false)
        // `<caption>Table 1. /carparks/{name}</caption>`: a line before the table (it may name the endpoint).
        let caption = HTMLNode.elementChildren(c).first { HTMLNode.name($0) == "caption" }.map { inline($0) }
        let before: [Block] = caption.map { $0.plain.isEmpty ? [] : [.paragraph(Paragraph(text: $0, line: line))] } ?? []
        guard let headerIndex = rows.firstIndex(where: { $0.2 }) ?? (rows.isEmpty ? nil : 0) else { return [] }
        let header = rows[headerIndex].1.map { inline($0) }
        var body: [[InlineText]] = []
        var lines: [Int] = []
        for (i, row) in rows.enumerated() where i != headerIndex {
            var cells = row.1.map { inline($0) }
            if cells.count < header.count { cells += Array(repeating: InlineText([]), count: header.count - cells.count) }
            body.append(Array(cells.prefix(max(header.count, 1))))
            lines.append(HTMLNode.line(row.0))
        }
        return before + [.table(Table(header: header, rows: body, rowLines: lines, line: line))]
    }

    /// MkDocs Material: `div.tabbed-set` with `div.tabbed-labels > label` and `div.tabbed-content > div.tabbed-block`;
    /// older versions alternate `input`, `label`, `div.tabbed-content`.
    mutating func tabs(_ c: xmlNodePtr, line: Int) -> [Block] {
        var labels: [(String, Int)] = []
        var contents: [[Block]] = []
        for child in HTMLNode.elementChildren(c) {
            let name = HTMLNode.name(child)
            let cls = HTMLNode.classes(child)
            if cls.contains("tabbed-labels") {
                for l in HTMLNode.elementChildren(child) where HTMLNode.name(l) == "label" { labels.append((inline(l).plain, HTMLNode.line(l))) }
            } else if name == "label" {
                labels.append((inline(child).plain, HTMLNode.line(child)))
            } else if cls.contains("tabbed-content") {
                let blocksInside = HTMLNode.elementChildren(child).filter { HTMLNode.classes($0).contains("tabbed-block") }
                if blocksInside.isEmpty { contents.append(blocks(in: child)) } else { for b in blocksInside { contents.append(blocks(in: b)) } }
            }
        }
        let tabs = labels.enumerated().map { i, l in TabSet.Tab(label: l.0, blocks: i < contents.count ? contents[i] : [], line: l.1) }
        return [.tabs(TabSet(tabs: tabs, line: line))]
    }

    /// The HTTP method an element's class names (`<div class="endpoint get">/licenses/</div>`, Kong's
    /// Admin API pages): the one method word among its classes, upper-cased.
    static func methodClass(_ n: xmlNodePtr) -> String? {
        let methods = HTMLNode.classes(n).map { $0.uppercased() }.filter { ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains($0) }
        return methods.count == 1 ? methods[0] : nil
    }

    /// Whether text is a path alone (`/x`, `{{ prefix }}/x`), the text of a method-classed element.
    static func startsWithPath(_ text: String) -> Bool {
        let t = text.drop { $0 == " " }
        return (t.hasPrefix("/") || t.hasPrefix("{{")) && !t.contains(" /")
    }

    /// Whether the spans end with an upper-case HTTP method word (`GET`), as a method badge does.
    static func endsWithMethodWord(_ spans: [InlineText.Span]) -> Bool {
        guard let last = spans.last else { return false }
        let text: String
        switch last { case .text(let t), .code(let t): text = t; case .link(let t, _): text = t }
        let word = text.reversed().prefix { $0.isLetter }
        guard word.count >= 3, word.count <= 7, word.allSatisfy({ $0.isUppercase && $0.isASCII }) else { return false }
        return ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "DEL"].contains(String(word.reversed()))
    }

    /// Whether two spans meet without blank between them.
    static func needsSpace(_ a: InlineText.Span?, _ b: InlineText.Span) -> Bool {
        func text(_ s: InlineText.Span) -> String { switch s { case .text(let t), .code(let t): return t; case .link(let t, _): return t } }
        guard let a, let last = text(a).last, let first = text(b).first else { return false }
        return !last.isWhitespace && !first.isWhitespace
    }

    func inline(_ n: xmlNodePtr) -> InlineText {
        var spans: [InlineText.Span] = []
        collectInline(n, into: &spans)
        return InlineText(spans)
    }

    func collectInline(_ n: xmlNodePtr, into spans: inout [InlineText.Span]) {
        let name = HTMLNode.name(n)
        if name == "code" || name == "tt" || name == "kbd" || name == "samp" {
            spans.append(.code(HTMLNode.text(n)))
            return
        }
        if name == "br" { spans.append(.text(" ")); return }
        if name == "var" || name == "em" || name == "i", case .text(let t)? = spans.last, t.hasSuffix("/"), !t.hasSuffix(" /") {
            // `/users/<var>id</var>`: an emphasised path segment is the writer's placeholder.
            spans.append(.text("{" + InlineText.foldWhitespace(HTMLNode.text(n)) + "}"))
            return
        }
        if name == "var" {
            // `accept the <var>count</var> parameter`: a variable's name, marked up as code is.
            spans.append(.code(InlineText.foldWhitespace(HTMLNode.text(n))))
            return
        }
        if name == "a" {
            if HTMLNode.classes(n).contains("headerlink") { return }
            var inner: [InlineText.Span] = []
            collectChildren(n, into: &inner)
            let text = InlineText(inner)
            if let href = HTMLNode.attribute(n, "href") {
                spans.append(.link(text: text.codeSpans.first.map { text.plain == $0 ? $0 : text.plain } ?? text.plain, url: href))
            } else {
                spans += text.spans
            }
            return
        }
        let before = spans.count
        collectChildren(n, into: &spans)
        if let method = Self.methodClass(n), spans.count > before, Self.startsWithPath(InlineText(Array(spans[before...])).plain) {
            spans.insert(.text(method + " "), at: before)
        }
    }

    func collectChildren(_ n: xmlNodePtr, into spans: inout [InlineText.Span]) {
        var child = n.pointee.children
        var afterBlock = false
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                spans.append(.text(String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
                afterBlock = false
            } else if c.pointee.type == XML_ELEMENT_NODE {
                let cls = HTMLNode.classes(c)
                let name = HTMLNode.name(c)
                if !cls.contains("headerlink"), !Self.skipped.contains(name) {
                    let before = spans.count
                    let separate = !Self.isInline(name) || afterBlock || Self.endsWithMethodWord(spans)
                    afterBlock = !Self.isInline(name)
                    collectInline(c, into: &spans)
                    // Adjacent elements that the page lays out apart (a method badge, then the URI; a
                    // `<div>` name inside a heading): a space keeps their words apart.
                    if separate, spans.count > before, Self.needsSpace(spans[..<before].last, spans[before]) {
                        spans.insert(.text(" "), at: before)
                    }
                }
            }
            child = c.pointee.next
        }
    }
}
