import APIModel

/// Pairs the summary table's rows with operation sections. Each section is used once. A row's
/// anchor finds candidates (MkDocs numbers repeated headings `x`, `x_1`, …, but generated summaries
/// sometimes link both rows to `x`); the section whose example request has the row's method and
/// path wins; then any unused section whose example matches; then document order.
///
/// For example: two "Customer mappings" sections (a GET and a POST) both linked as
/// `#customer-mappings` are told apart by their HTTPie examples.
struct SectionMatcher {
    let rows: [MkDocsReferenceDialect.SummaryRow]
    let sections: [MkDocsReferenceDialect.Section]

    func match() -> [Int?] {
        var used = Set<Int>()
        var result = [Int?](repeating: nil, count: rows.count)
        let examples = sections.map(\.example)
        func exampleMatches(_ s: Int, _ row: MkDocsReferenceDialect.SummaryRow) -> Bool {
            guard let e = examples[s] else { return false }
            return e.method == row.method && ExampleRequest.matches(template: row.path, path: e.path)
        }
        func baseSlug(_ slug: String) -> String {
            if let u = slug.lastIndex(of: "_"), Int(slug[slug.index(after: u)...]) != nil { return String(slug[..<u]) }
            return slug
        }
        // Pass 1: anchor (or label) candidates, preferring a matching example.
        for (r, row) in rows.enumerated() {
            let key = row.anchor.map(baseSlug) ?? Slug.make(row.label)
            let candidates = sections.indices.filter { !used.contains($0) && (sections[$0].slug == row.anchor || baseSlug(sections[$0].slug) == key) }
            if let pick = candidates.first(where: { exampleMatches($0, row) }) ?? candidates.first(where: { examples[$0] == nil }) {
                result[r] = pick
                used.insert(pick)
            }
        }
        // Pass 2: any unused section whose example matches.
        for (r, row) in rows.enumerated() where result[r] == nil {
            if let pick = sections.indices.first(where: { !used.contains($0) && exampleMatches($0, row) }) {
                result[r] = pick
                used.insert(pick)
            }
        }
        // Pass 3: document order among what is left, when the counts agree.
        let leftRows = rows.indices.filter { result[$0] == nil }
        let leftSections = sections.indices.filter { !used.contains($0) }
        if leftRows.count == leftSections.count {
            for (r, s) in zip(leftRows, leftSections) { result[r] = s }
        }
        return result
    }
}
