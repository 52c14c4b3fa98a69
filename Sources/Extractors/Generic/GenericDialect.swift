import APIModel
import DocTree

/// The hand-written reader: any page with `METHOD /path` signatures (in headings, text, list items
/// or code blocks, absolute URLs included) or a method|endpoint table, read section by section with
/// the shared readers (`SectionedPageReader`). The dialect that is left when no producer's markers
/// are on the page.
///
/// For example: a README section `### List milestones` / `GET /repos/:owner/:repo/milestones` /
/// a `Name | Type | Description` table under `Parameters` gives the operation with its query parameters.
public struct GenericDialect: Dialect {
    public let name = "generic"
    public init() {}

    public func recognise(_ document: Document) -> (score: Int, reason: String) {
        let (sigs, rows) = SectionedPageReader.count(PageItems.items(document))
        guard sigs + rows > 0 else { return (0, "no 'METHOD /path' signature and no method|endpoint table") }
        var parts: [String] = []
        if sigs > 0 { parts.append("\(sigs) 'METHOD /path' signature(s)") }
        if rows > 0 { parts.append("\(rows) method|endpoint table row(s)") }
        // Markdown is written by hand (Sphinx and MkDocs references reach us as HTML or text), so a
        // Markdown page with signatures is this dialect's even when it also has Sphinx-like captions.
        // An HTML page whose headings hold the signatures (Aglio's `<h4>` with a method badge and a URI)
        // is read by its sections, before readers that find the same signatures in its example lines.
        let headed = PageItems.items(document).filter { if case .heading(_, let t) = $0.kind { return SignatureReader.find(in: t) != nil } else { return false } }.count
        let score = document.format == "markdown" ? 55 : headed >= 2 ? 52 : 10
        return (score, "hand-written page with " + parts.joined(separator: " and "))
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        SectionedPageReader.read(document, dialect: name, diagnostics: diagnostics)
    }
}
