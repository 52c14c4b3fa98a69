import DocTree

/// A document flattened to text lines with their source line numbers: what the Sphinx dialect reads,
/// so it works the same on plain-text renderings and on parsed HTML.
///
/// For example: a heading `Create instance¶` and a paragraph `¶ Create a new instance…` become two lines.
struct SourceLine {
    var text: String
    var line: Int
    var isHeading: Bool
    /// The term of a definition-list item that has no definition of its own and is followed by
    /// another term of the same list (HTML `<dt>GET /a</dt><dt>GET /b</dt><dd>…</dd>`: one body, two terms).
    var sharesNextDefinition = false
    /// The classes of the definition list this line is the term of (`["http", "get"]`), when the source says.
    var termClasses: [String]? = nil
    /// A line of a code block.
    var isCode = false

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
        func add(_ text: String, _ line: Int, heading: Bool = false, shares: Bool = false, classes: [String]? = nil, code: Bool = false) {
            let t = text.trimming(" ")
            if !t.isEmpty {
                out.append(SourceLine(text: t, line: line, isHeading: heading, sharesNextDefinition: shares, termClasses: classes, isCode: code))
            }
        }
        func walk(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .heading(let h): add(h.text.plain, h.line, heading: true)
                case .paragraph(let p):
                    // Paragraphs from HTML may hold several lines.
                    add(p.text.plain, p.line)
                case .code(let c):
                    for (i, l) in c.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() { add(String(l), c.line + i, code: true) }
                case .list(let l):
                    for item in l.items { walk(item) }
                case .definitionList(let d):
                    for (k, item) in d.items.enumerated() {
                        add(item.term.plain, item.line, shares: item.blocks.isEmpty && k + 1 < d.items.count, classes: d.classes)
                        walk(item.blocks)
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
