import DocTree

/// A document flattened to text lines with their source line numbers: what the Sphinx dialect reads,
/// so it works the same on plain-text renderings and on parsed HTML.
///
/// For example: a heading `Create instance¶` and a paragraph `¶ Create a new instance…` become two lines.
struct SourceLine {
    var text: String
    var line: Int
    var isHeading: Bool
    /// A heading's level (1 the highest), 0 for any other line.
    var level = 0
    /// The term of a definition-list item that has no definition of its own and is followed by
    /// another term of the same list (HTML `<dt>GET /a</dt><dt>GET /b</dt><dd>…</dd>`: one body, two terms).
    var sharesNextDefinition = false
    /// The classes of the definition list this line is the term of (`["http", "get"]`), when the source says.
    var termClasses: [String]? = nil
    /// A line of a code block.
    var isCode = false
    /// The definitions (`<dd>`) of classed definition lists (HTML) this line is inside, outermost
    /// first, each numbered in document order: where an HTML field list's items end.
    var definitions: [Int] = []
    /// The number its definition gets, for the term of a classed definition list's item (see `definitions`).
    var termDefinition: Int?
    /// How many list items this line is inside, and whether it is the first line of the innermost.
    var listDepth = 0
    var startsItem = false
    /// Leading spaces of the line as written (text renderings keep the indentation that nests items).
    var indent = 0

    init(text: String, line: Int, isHeading: Bool, sharesNextDefinition: Bool = false, termClasses: [String]? = nil, isCode: Bool = false) {
        self.text = text
        self.line = line
        self.isHeading = isHeading
        self.sharesNextDefinition = sharesNextDefinition
        self.termClasses = termClasses
        self.isCode = isCode
    }
}

enum LineFlattener {
    static func lines(_ blocks: [Block]) -> [SourceLine] {
        var out: [SourceLine] = []
        var definitions: [Int] = []
        var definitionCount = 0
        var listDepth = 0
        var itemPending = false
        func add(_ text: String, _ line: Int, heading: Bool = false, shares: Bool = false, classes: [String]? = nil, code: Bool = false,
                 indent: Int? = nil) {
            let t = text.trimming(" ")
            if !t.isEmpty {
                var l = SourceLine(text: t, line: line, isHeading: heading, sharesNextDefinition: shares, termClasses: classes, isCode: code)
                l.definitions = definitions
                l.listDepth = listDepth
                l.startsItem = itemPending
                l.indent = indent ?? text.prefix { $0 == " " }.count
                itemPending = false
                out.append(l)
            }
        }
        func walk(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .heading(let h):
                    add(h.text.plain, h.line, heading: true)
                    if let last = out.indices.last, out[last].line == h.line, out[last].isHeading { out[last].level = h.level }
                case .paragraph(let p):
                    // Paragraphs from HTML may hold several lines.
                    // `plain` folds whitespace; the indentation is read from the text as written.
                    var raw = ""
                    for span in p.text.spans { if case .text(let t) = span { raw += t } else { break } }
                    add(p.text.plain, p.line, indent: raw.prefix { $0 == " " }.count)
                case .code(let c):
                    for (i, l) in c.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() { add(String(l), c.line + i, code: true) }
                case .list(let l):
                    listDepth += 1
                    for item in l.items {
                        itemPending = true
                        walk(item)
                    }
                    itemPending = false
                    listDepth -= 1
                case .definitionList(let d):
                    for (k, item) in d.items.enumerated() {
                        add(item.term.plain, item.line, shares: item.blocks.isEmpty && k + 1 < d.items.count, classes: d.classes)
                        if d.classes != nil {
                            definitionCount += 1
                            if let last = out.indices.last, out[last].line == item.line, out[last].termClasses != nil { out[last].termDefinition = definitionCount }
                            definitions.append(definitionCount)
                        }
                        walk(item.blocks)
                        if d.classes != nil { definitions.removeLast() }
                    }
                case .table(let t):
                    // The shape text renderings give tables: one cell per line, `|` for an empty cell.
                    for h in t.header { add(h.plain + " |", t.line) }
                    add(String(repeating: "---|", count: t.header.count), t.line)
                    for (i, r) in t.rows.enumerated() {
                        for cell in r { add(cell.plain.isEmpty ? "|" : cell.plain + " |", t.rowLines[i]) }
                    }
                case .tabs(let set):
                    for tab in set.tabs { add(tab.label, tab.line); walk(tab.blocks) }
                case .html, .thematicBreak:
                    break
                }
            }
        }
        walk(blocks)
        return out
    }
}
