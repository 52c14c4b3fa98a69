import APIModel
import DocTree

/// Reads MkDocs-Material API reference pages (the Waldur style): an "Operations Summary" table of
/// method, endpoint and a link to one section per operation; each section holds tabs for code
/// examples, "Path Parameters", "Query Parameters", "Request Body" and "Responses".
///
/// For example: the seed page `000_*.txt` gives six operations on `/api/call-assignment-configurations/`.
public struct MkDocsReferenceDialect: Dialect {
    public let name = "mkdocs-reference"
    public init() {}

    public func recognise(_ document: Document) -> Recognition {
        guard let (index, _) = summaryTable(in: document.blocks) else { return .no() }
        // The generator labels the table "Operations Summary"; a Method|Endpoint table without that label
        // is only a hint (hand-written pages have such tables too; see `DialectClaim.mkdocsUnlabelledTable`).
        guard document.blocks[..<index].contains(where: Self.isSummaryLabel) else {
            return Recognition(.mkdocsUnlabelledTable, "has a table with Method and Endpoint columns (no 'Operations Summary' label)")
        }
        let text = document.format == "text" ? " (text rendering: structure restored from the summary's labels)" : ""
        return Recognition(.mkdocsOperationsSummary, "has an 'Operations Summary' table with Method and Endpoint columns" + text)
    }

    static func isSummaryLabel(_ block: Block) -> Bool {
        switch block {
        case .heading(let h): return h.text.plain.trimming(" ").lowercased() == WaldurMkDocsVocabulary.operationsSummary
        case .paragraph(let p): return p.text.plain.trimming(" ").lowercased() == WaldurMkDocsVocabulary.operationsSummary
        default: return false
        }
    }

    /// One row of the summary table.
    struct SummaryRow {
        var method: String
        var path: String
        var label: String
        var anchor: String?
        var line: Int
    }

    func summaryTable(in blocks: [Block]) -> (Int, Table)? {
        for (i, block) in blocks.enumerated() {
            guard case .table(let t) = block, t.column("Method") != nil,
                  t.column("Endpoint") != nil || t.column("Path") != nil else { continue }
            return (i, t)
        }
        return nil
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let blocks = (MkDocsTextLayout.restructure(document) ?? document).blocks
        guard let (summaryIndex, table) = summaryTable(in: blocks) else { return nil }
        let title = blocks.lazy.compactMap { block -> Heading? in
            if case .heading(let h) = block, h.level == 1 { return h }
            return nil
        }.first
        let pageTitle = title?.text.plain ?? fileStem(document.file)
        var pageDescription: [String] = []
        if let title, let titleIndex = blocks.firstIndex(of: .heading(title)) {
            for block in blocks[(titleIndex + 1)...] {
                if case .paragraph(let p) = block { pageDescription.append(p.text.plain) } else if case .heading = block { break }
            }
        }
        let resource = Resource(name: document.file, title: pageTitle, description: pageDescription.joined(separator: "\n\n"),
                                provenance: document.location(title?.line ?? 1))

        let rows = summaryRows(table, file: document.file, diagnostics: diagnostics)
        let sections = operationSections(blocks, after: summaryIndex)
        let matched = SectionMatcher(rows: rows, sections: sections).match()

        var operations: [Operation] = []
        for (index, row) in rows.enumerated() {
            let section = matched[index].map { sections[$0] }
            let location = SourceLocation(file: document.file, line: row.line, column: 1)
            var op = Operation(id: "", resource: document.file, method: row.method, path: row.path, summary: row.label,
                               provenance: location)
            if let section {
                OperationSectionReader(file: document.file, diagnostics: diagnostics).read(section, into: &op)
            } else {
                diagnostics.warning("no section found for \(row.method) \(row.path) ('\(row.label)'); only the summary row is used", at: location)
            }
            OperationBuilder.addMissingPathParameters(&op)
            _ = OperationBuilder.successResponse(&op.responses, provenance: location)
            if op.id.isEmpty { op.id = OperationBuilder.operationID(op) }
            operations.append(op)
        }
        if operations.isEmpty {
            diagnostics.warning("the Operations Summary table lists no operations", at: document.location(table.line))
        }
        return PageExtraction(resource: resource, operations: operations, dialect: name, reason: "")
    }

    func summaryRows(_ table: Table, file: String, diagnostics: DiagnosticCollector) -> [SummaryRow] {
        let methodCol = table.column("Method")!
        let pathCol = table.column("Endpoint") ?? table.column("Path")!
        let descCol = table.column("Description")
        var rows: [SummaryRow] = []
        for (i, row) in table.rows.enumerated() {
            let method = row[methodCol].plain.uppercased()
            let pathCell = row[pathCol]
            let path = (pathCell.codeSpans.first ?? pathCell.plain).trimming(" ")
            if path.isEmpty, !HTTPMethod.isValid(method) { continue }  // a group label row such as **Core CRUD**
            guard HTTPMethod.isValid(method), path.hasPrefix("/") else {
                diagnostics.warning("summary row is not 'METHOD | /path': '\(method)' '\(path)'",
                                    at: SourceLocation(file: file, line: table.rowLines[i], column: 1))
                continue
            }
            var label = ""
            var anchor: String?
            if let descCol {
                let cell = row[descCol]
                label = cell.plain
                if let link = cell.links.first, link.url.hasPrefix("#") {
                    anchor = String(link.url.dropFirst())
                    label = link.text
                }
            }
            rows.append(SummaryRow(method: method, path: path, label: label, anchor: anchor, line: table.rowLines[i]))
        }
        return rows
    }

    /// A heading below the summary and the blocks up to the next heading of the same or a higher level.
    struct Section {
        var heading: Heading
        var slug: String
        var blocks: [Block]
        /// Method and URL path of the section's HTTPie/curl example, when it has one.
        var example: (method: String, path: String)? {
            for case .tabs(let set) in blocks {
                for tab in set.tabs where WaldurMkDocsVocabulary.exampleRequestTabs.contains(tab.label.lowercased()) {
                    for case .code(let code) in tab.blocks {
                        if let e = ExampleRequest.parse(code.text) { return e }
                    }
                }
            }
            return nil
        }
    }

    func operationSections(_ blocks: [Block], after index: Int) -> [Section] {
        // Operation headings are the deepest heading level used after the summary table.
        var levels: Set<Int> = []
        for block in blocks[(index + 1)...] { if case .heading(let h) = block { levels.insert(h.level) } }
        guard let level = levels.max() else { return [] }
        var sections: [Section] = []
        var slugs = Slug.Deduplicator()
        var current: Section?
        for block in blocks[(index + 1)...] {
            if case .heading(let h) = block, h.level <= level {
                if let c = current { sections.append(c) }
                current = h.level == level ? Section(heading: h, slug: slugs.slug(for: h.text.plain), blocks: []) : nil
                continue
            }
            current?.blocks.append(block)
        }
        if let c = current { sections.append(c) }
        return sections
    }

    func fileStem(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.split(separator: ".").first.map(String.init) ?? last
    }
}
