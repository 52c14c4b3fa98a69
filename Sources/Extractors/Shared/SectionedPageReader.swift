import APIModel
import DocTree

/// Reads a page whose operations are sections headed by signatures, the shape Slate, Widdershins
/// and hand-written Markdown and HTML share: `OperationSections` finds the sections,
/// `OperationBuilder` reads each, method|endpoint tables add the operations they list that no
/// section documents. The resource is named after the page's own title.
///
/// For example: a README with `# Milestones`, `## List milestones` and `GET /repos/:owner/:repo/milestones`
/// gives resource `Milestones` with `GET /repos/{owner}/{repo}/milestones` summarised `List milestones`.
public enum SectionedPageReader {
    /// Operations the page's sections and endpoint tables document; nil when there are none.
    public static func read(_ document: Document, dialect: String, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let items = PageItems.items(document)
        var sections = OperationSections.find(items)
        let title = PageItems.title(items) ?? document.file
        let resource = Resource(name: document.file, title: title, provenance: document.location(items.first?.line ?? 1))
        let builder = OperationBuilder(file: document.file, diagnostics: diagnostics)
        // Placeholders the built operations have (some only from their URL-parameter tables) name the
        // same capitalised literal in other signatures.
        let trial = OperationBuilder(file: document.file, diagnostics: RecordingCollector())
        sections = placeholdersNamedElsewhere(sections, paths: sections.map { trial.build($0, items: items, resource: document.file).path })
        sections = wholePage(sections, items: items)
        var ops: [Operation] = []
        var built: [(op: Int, scope: Range<Int>)] = []
        var seen: [String: Int] = [:]
        // One route is one operation: `/lookup/<gene>` and `/lookup/<query>` differ only in a placeholder's name.
        func route(_ method: String, _ path: String) -> String { method + " " + PathTemplate.positional(path).path }
        for section in sections {
            let key = section.signature.method + " " + section.signature.path
            if let first = seen[route(section.signature.method, section.signature.path)] {
                if !section.signature.queryNames.isEmpty, let i = ops.firstIndex(where: { $0.method + " " + $0.path == key }) {
                    // A method-less URL shown again with other query names: one operation with all of them.
                    for q in section.signature.queryNames where !ops[i].parameters.contains(where: { $0.name == q }) {
                        ops[i].parameters.append(Parameter(name: q, location: .query, type: .string, required: false, description: "",
                                                           provenance: document.location(section.line)))
                    }
                    continue
                }
                // The same request shown again for another outcome (a `Sample errors` section repeating
                // a request with its `404`): its new statuses join the first; otherwise a warning.
                if let i = ops.firstIndex(where: { route($0.method, $0.path) == route(section.signature.method, section.signature.path) }) {
                    let again = trial.build(section, items: items, resource: document.file)
                    let known = Set(ops[i].responses.map(\.status))
                    let added = again.responses.filter { !known.contains($0.status) && !$0.status.hasPrefix("2") }
                    if !added.isEmpty {
                        ops[i].responses += added
                        continue
                    }
                }
                // Another example request (`PUT /x/CP3 HTTP/1.1`) of a documented operation is no second documentation.
                if !section.signature.isRequestLine, !section.signature.methodImplied {
                    diagnostics.warning("\(key) is documented twice on this page; keeping the first (line \(first))", at: document.location(section.line))
                }
                continue
            }
            seen[route(section.signature.method, section.signature.path)] = section.line
            built.append((ops.count, section.scope))
            ops.append(builder.build(section, items: items, resource: document.file))
        }
        ResponseReference.resolve(&ops, sections: built, items: items)
        for (index, item) in items.enumerated() {
            guard case .table(let table) = item.kind else { continue }
            for row in EndpointTable.read(table) {
                let key = row.signature.method + " " + row.signature.path
                if let i = ops.firstIndex(where: { $0.method + " " + $0.path == key }) {
                    if ops[i].summary.isEmpty { ops[i].summary = row.summary }
                    continue
                }
                guard seen[route(row.signature.method, row.signature.path)] == nil else { continue }
                seen[route(row.signature.method, row.signature.path)] = row.line
                let section = OperationSection(signature: row.signature, item: index, line: row.line, scope: index..<index, summary: row.summary)
                ops.append(builder.build(section, items: items, resource: document.file))
            }
        }
        guard !ops.isEmpty else { return nil }
        APIWideParameters.apply(APIWideParameters.rules(items), to: &ops, document: document)
        var page = PageExtraction(resource: resource, operations: ops, dialect: dialect, reason: "")
        // The host the signatures were written with (`GET https://api.example.com/v1/x`) is the base URL;
        // templated hosts (`{{baseUrl}}`, `<%= api_url %>`) are not.
        page.baseURL = sections.lazy.map(\.signature.baseURL).first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        return page
    }

    /// A page that documents one operation (one file per endpoint: a `URL | HTTP Method` table, a curl
    /// example and `Example Result` headings that each would cut the section short) is that
    /// operation's section from its first signature to the end; the queries its examples show are kept.
    ///
    /// For example: `# User Information`, a `| /api/v1/users.info | GET |` table, `## Example Call` with
    /// `curl …/users.info?userId=…`, `## Example Result` with JSON → one section holding the JSON.
    static func wholePage(_ sections: [OperationSection], items: [PageItem]) -> [OperationSection] {
        guard let first = sections.first else { return sections }
        var keys = Set(sections.map { $0.signature.method + " " + $0.signature.path })
        for item in items { if case .table(let t) = item.kind { for row in EndpointTable.read(t) { keys.insert(row.signature.method + " " + row.signature.path) } } }
        guard keys.count == 1, sections.count > 1 || first.scope.upperBound < items.count else { return sections }
        // Two headings with the signature are the operation documented twice (a warning), not one file per endpoint.
        let headed = sections.filter { s in
            guard items.indices.contains(s.item), case .heading = items[s.item].kind else { return false }
            return true
        }
        guard headed.count <= 1 else { return sections }
        var section = first
        for s in sections.dropFirst() { for q in s.signature.queryNames where !section.signature.queryNames.contains(q) { section.signature.queryNames.append(q) } }
        section.scope = min(first.scope.lowerBound, first.item)..<items.count
        section.preamble = 0..<0
        return [section]
    }

    /// A capitalised literal segment that another signature on the page has as a placeholder
    /// (`/api/v1/APITOKEN/services` beside `/api/v1/{APITOKEN}/incidents`) is that placeholder.
    ///
    /// For example: sections `/a/TOKEN/x` and `/a/{TOKEN}/y` → `/a/{TOKEN}/x` and `/a/{TOKEN}/y`.
    /// `paths` are the sections' operations' paths as built (a URL-parameter row can make a placeholder).
    static func placeholdersNamedElsewhere(_ sections: [OperationSection], paths: [String]) -> [OperationSection] {
        let names = Set(paths.flatMap { PathTemplate.parameterNames($0) }.filter { n in
            n.contains(where: \.isLetter) && !n.contains(where: \.isLowercase)
        })
        guard !names.isEmpty else { return sections }
        return sections.map { section in
            var s = section
            let segments = s.signature.path.split(separator: "/", omittingEmptySubsequences: false)
            guard segments.contains(where: { names.contains(String($0)) }) else { return s }
            // A name this path has as a placeholder already stays a literal word where it is one.
            let own = Set(PathTemplate.parameterNames(s.signature.path))
            s.signature.path = segments.map { names.contains(String($0)) && !own.contains(String($0)) ? "{\($0)}" : String($0) }.joined(separator: "/")
            return s
        }
    }

    /// How many signatures and endpoint-table rows the page has, for `recognise`.
    public static func count(_ items: [PageItem]) -> (signatures: Int, tableRows: Int) {
        let sigs = OperationSections.find(items).count
        var rows = 0
        for item in items { if case .table(let t) = item.kind { rows += EndpointTable.read(t).count } }
        return (sigs, rows)
    }
}
