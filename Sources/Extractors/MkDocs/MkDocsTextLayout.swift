import APIModel
import DocTree

/// The plain-text rendering of a MkDocs reference page (seed `001_*`) has no headings and no tab
/// labels left. This puts the structure back so `MkDocsReferenceDialect` reads it like the Markdown:
/// the first line is the title, lines equal to the summary's labels start operation sections, and
/// each section's tables and status lines are sorted into the tabs they came from by their shape
/// (`Name|Type|Required` → Path Parameters, `Name|Type…` → Query Parameters, `Field…` before any
/// status → Request Body, status lines and what follows → Responses, `- API Source:` → SDK names).
///
/// For example: the lines `Retrieve`, `| Name | Type | Required |`… become `### Retrieve` with a
/// "Path Parameters" tab.
enum MkDocsTextLayout {
    static func restructure(_ document: Document) -> Document? {
        guard document.format == "text", !document.blocks.contains(where: { if case .heading = $0 { return true } else { return false } }) else { return nil }
        let blocks = document.blocks
        guard let summaryIndex = blocks.firstIndex(where: { if case .table(let t) = $0 { return t.column("Method") != nil } else { return false } }),
              case .table(let summary) = blocks[summaryIndex] else { return nil }
        let labels = summary.rows.compactMap { $0.count >= 3 ? $0[2].plain : nil }
        var out: [Block] = []
        if case .paragraph(let title)? = blocks.first { out.append(.heading(Heading(level: 1, text: title.text, line: title.line))) }
        out.append(.table(summary))
        var i = summaryIndex + 1
        var labelIndex = 0
        while i < blocks.count {
            guard labelIndex < labels.count, case .paragraph(let p) = blocks[i], p.text.plain == labels[labelIndex] else { i += 1; continue }
            out.append(.heading(Heading(level: 3, text: p.text, line: p.line)))
            labelIndex += 1
            var j = i + 1
            var section: [Block] = []
            while j < blocks.count {
                if labelIndex < labels.count, case .paragraph(let q) = blocks[j], q.text.plain == labels[labelIndex] { break }
                section.append(blocks[j])
                j += 1
            }
            out.append(.tabs(TabSet(tabs: tabs(section), line: p.line)))
            i = j
        }
        return Document(file: document.file, format: document.format, blocks: out)
    }

    static func tabs(_ blocks: [Block]) -> [TabSet.Tab] {
        var tabs: [TabSet.Tab] = []
        var responses: [Block] = []
        var responsesLine = 0
        var k = 0
        func paragraph(_ b: Block) -> Paragraph? { if case .paragraph(let p) = b { return p } else { return nil } }
        while k < blocks.count {
            let b = blocks[k]
            if let p = paragraph(b) {
                let text = p.text.plain
                let (modelSource, apiSource) = (WaldurMkDocsVocabulary.modelSource, WaldurMkDocsVocabulary.apiSource)
                if text.hasPrefix("- " + modelSource) || text.hasPrefix("- " + apiSource) {
                    // `- Model Source:` / `X - API Source:` / `function` (the names are on the following lines).
                    var items: [[Block]] = []
                    var expecting = text.hasPrefix("- " + modelSource) ? modelSource + " " : apiSource + " "
                    var m = k + 1
                    while m < blocks.count, let q = paragraph(blocks[m]) {
                        var value = q.text.plain
                        var next: String?
                        if let r = value.range(of: " - " + apiSource) { next = apiSource + " "; value = String(value[..<r.lowerBound]) }
                        items.append([.paragraph(Paragraph(text: InlineText([.text(expecting), .code(value)]), line: q.line))])
                        m += 1
                        guard let n = next else { break }
                        expecting = n
                    }
                    tabs.append(TabSet.Tab(label: "Python", blocks: [.list(ListBlock(ordered: true, items: items, line: p.line))], line: p.line))
                    k = m
                    continue
                }
                if isStatus(text) || !responses.isEmpty {
                    if responses.isEmpty { responsesLine = p.line }
                    if !isLineNumbers(text) { responses.append(b) }
                }
                k += 1
                continue
            }
            if case .table(let t) = b {
                if !responses.isEmpty {
                    responses.append(b)
                } else if t.column("Name") != nil {
                    tabs.append(TabSet.Tab(label: t.column("Required") != nil ? "Path Parameters" : "Query Parameters", blocks: [b], line: t.line))
                } else if t.column("Field") != nil {
                    tabs.append(TabSet.Tab(label: "Request Body", blocks: [b], line: t.line))
                }
            }
            k += 1
        }
        if !responses.isEmpty { tabs.append(TabSet.Tab(label: "Responses", blocks: responses, line: responsesLine)) }
        return tabs
    }

    static func isStatus(_ text: String) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let code = parts.first, code.count == 3, Int(code) != nil else { return false }
        return parts.count == 1 || parts[1].hasPrefix("-")
    }

    /// `1 2 3 4 | |`: the line-number column of a code example.
    static func isLineNumbers(_ text: String) -> Bool {
        text.allSatisfy { $0.isNumber || $0 == " " || $0 == "|" }
    }
}
