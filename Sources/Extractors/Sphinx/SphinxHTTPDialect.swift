import APIModel
import DocTree

/// Reads Sphinx `sphinxcontrib-httpdomain` pages in every rendering: HTML of any theme (the
/// `<dl class="http get">` blocks make it certain), Sphinx's text builder, and text copied out of a
/// browser. It reads every directive (`http:get` … `http:any`, several signatures on one directive),
/// descriptions, `Authorization Right(s)`, example HTTP messages (after an "Example request:" header
/// however emphasised, or on their own) with JSON bodies, every httpdomain field list (see
/// `SphinxSections`), `(Required)`/`(Optional)`/`(Always)`/`(Conditional)` markers, enum values in
/// prose, "use null to remove" → nullable, attribute tables, and "Similar to GET … response".
/// Path parameters in any syntax (`(int:id)`, `<id>`, `{id}`, `:id`) become `{id}` (`PathSyntax`).
///
/// For example: seed `003_*.txt` gives 6 operations with `tenant_id`, `group_id` and
/// `call_capacity_name` path parameters.
public struct SphinxHTTPDialect: Dialect {
    public let name = "sphinx-httpdomain"
    public init() {}

    public func recognise(_ document: Document) -> Recognition {
        let lines = LineFlattener.lines(document.blocks)
        let signatures = SphinxSignatures.find(lines)
        let marked = signatures.filter { lines[$0.start].termClasses?.contains("http") == true }.count
        if marked > 0 {
            return Recognition(.sphinxHTTPMarkup, "has \(marked) httpdomain signature(s) marked up as <dl class=\"http …\">")
        }
        let markers = lines.filter { SphinxSections.header($0.text) != nil || SphinxPageReader.messageStart($0.text) != nil }.count
        // Two or more of the field-list labels only httpdomain writes: a copy of a Sphinx page (`DialectClaim.sphinxFieldLists`).
        if !signatures.isEmpty, Self.fieldLists(lines) >= 2 {
            return Recognition(.sphinxFieldLists, "has \(signatures.count) httpdomain signature(s) and \(Self.fieldLists(lines)) httpdomain field list(s)")
        }
        if !signatures.isEmpty && markers > 0 {
            return Recognition(.sphinxMarkers, "has \(signatures.count) httpdomain signature(s) and \(markers) field-list or example header(s)")
        }
        if signatures.isEmpty, Self.fieldLists(lines) >= 2 {
            return Recognition(.sphinxFieldListsOnly, "has httpdomain field lists but no signature")
        }
        return .no()
    }

    /// Field-list labels only httpdomain writes (`Query Parameters:`, `Status Codes:`, …).
    static func fieldLists(_ lines: [SourceLine]) -> Int {
        lines.filter { l in SphinxSections.header(l.text).map { !$0.isExample && $0 != .response } ?? false }.count
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let lines = LineFlattener.lines(document.blocks)
        var reader = SphinxPageReader(file: document.file, lines: lines, diagnostics: diagnostics)
        let ops = reader.read()
        guard !ops.isEmpty else {
            let first = lines.first { SphinxSections.header($0.text) != nil }?.line ?? 1
            diagnostics.warning("looks like a Sphinx httpdomain page (\(Self.fieldLists(lines)) field lists such as 'Query Parameters:' or "
                                + "'Status Codes:') but no operation was found: looked for signature lines 'METHOD /path' (GET, POST, PUT, "
                                + "PATCH, DELETE, HEAD, OPTIONS, TRACE, COPY, ANY), <dl class=\"http …\"> blocks, and 'METHOD' followed by "
                                + "path lines", at: document.location(first))
            return nil
        }
        let title = lines.first.map { $0.text.trimming("¶").trimming(" ") } ?? document.file
        let resource = Resource(name: document.file, title: title, provenance: document.location(lines.first?.line ?? 1))
        return PageExtraction(resource: resource, operations: ops, dialect: name, reason: "")
    }
}
