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

    public func recognise(_ document: Document) -> Recognition {
        let (sigs, rows) = SectionedPageReader.count(PageItems.items(document))
        guard sigs + rows > 0 else { return .no("no 'METHOD /path' signature and no method|endpoint table") }
        var parts: [String] = []
        if sigs > 0 { parts.append("\(sigs) 'METHOD /path' signature(s)") }
        if rows > 0 { parts.append("\(rows) method|endpoint table row(s)") }
        // Markdown is written by hand; an HTML page whose headings hold the signatures is read by its
        // sections (`DialectClaim.handWrittenMarkdown`, `.headedHTML`).
        let headed = PageItems.items(document).filter { if case .heading(_, let t) = $0.kind { return SignatureReader.find(in: t) != nil } else { return false } }.count
        let claim: DialectClaim = document.format == "markdown" ? .handWrittenMarkdown : headed >= 2 ? .headedHTML : .anySignature
        return Recognition(claim, "hand-written page with " + parts.joined(separator: " and "))
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        SectionedPageReader.read(document, dialect: name, diagnostics: diagnostics)
    }
}
