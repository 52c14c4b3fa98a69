import APIModel
import DocTree

/// A documentation dialect: recognises a page style in a `Document` and extracts operations.
/// Dialects see only the flavour-neutral tree, never Markdown or HTML.
public protocol Dialect: Sendable {
    var name: String { get }
    /// Which `DialectClaim` the page supports (nil: the dialect cannot read it), with the reason.
    /// The claims' order, not the dialect, decides between dialects.
    func recognise(_ document: Document) -> Recognition
    func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction?
}

/// Picks, for each page, the dialect whose claim is highest in `DialectClaim`'s order. Dialects are
/// asked in the order of the highest claim each can make; once the best claim so far is above
/// anything the dialects left can claim, they are not asked.
public struct DialectRegistry: Sendable {
    public var dialects: [any Dialect]

    public init(dialects: [any Dialect] = [MkDocsReferenceDialect(), SphinxHTTPDialect(), APIBlueprintDialect(), GitBookDialect(),
                                                   WiddershinsDialect(), SlateDialect(), GenericDialect()]) {
        self.dialects = dialects
    }

    /// With a deadline: no further dialect is asked once it has passed (the caller reports it).
    /// The dialect with the highest claim reads the page; when it finds no operation, the next ones
    /// that recognised the page are tried in claim order (a page misrecognised by one dialect — a
    /// nav list of `Request`/`Response` tabs looks like blueprint payload sections — is not lost),
    /// and only the diagnostics of the dialect whose reading is kept are passed on. Dialects that
    /// cannot claim more than the best claim so far are asked only when the claimed readings found nothing.
    public func extract(_ document: Document, deadline: Deadline = .none, diagnostics: DiagnosticCollector) -> PageExtraction? {
        var ranked: [(dialect: any Dialect, claim: DialectClaim, reason: String)] = []
        var declined: [String] = []
        var asked = 0
        /// Asks the dialects from `asked` on, until none left can claim more than the best claim so far.
        func ask(all: Bool) {
            while asked < dialects.count, !deadline.isExpired {
                let dialect = dialects[asked]
                asked += 1
                let r = dialect.recognise(document)
                if let claim = r.claim { ranked.append((dialect, claim, r.reason)) }
                else { declined.append("\(dialect.name): \(r.reason.isEmpty ? "not its page style" : r.reason)") }
                if !all, let best = ranked.map(\.claim).min(),
                   dialects[asked...].allSatisfy({ DialectClaim.highest(of: $0.name).map { best < $0 } ?? false }) { return }
            }
        }
        ask(all: false)
        if deadline.isExpired { return nil }
        guard !ranked.isEmpty else {
            diagnostics.note("no API operations recognised on this page; skipped (" + declined.joined(separator: "; ") + "); "
                             + PageEvidence.describe(document), at: document.location(1))
            return nil
        }
        var tried = 0  // ranked[..<tried] have been read, in claim order
        var firstEmpty: (name: String, reason: String, page: PageExtraction?, diagnostics: [Diagnostic])?
        while !deadline.isExpired {
            // Stable: equal claims keep the registry's order.
            ranked = Array(ranked[..<tried]) + ranked[tried...].enumerated()
                .sorted { ($0.element.claim, $0.offset) < ($1.element.claim, $1.offset) }.map(\.element)
            while tried < ranked.count, !deadline.isExpired {
                let (dialect, _, reason) = ranked[tried]
                tried += 1
                let recorded = RecordingCollector()
                let page = dialect.extract(document, diagnostics: recorded)
                if var page, !page.operations.isEmpty {
                    recorded.diagnostics.forEach(diagnostics.emit)
                    if let firstEmpty {
                        diagnostics.note("the \(firstEmpty.name) dialect chose this page (\(firstEmpty.reason)) but found no operation on it; "
                                         + "read by the \(dialect.name) dialect instead", at: document.location(1))
                    }
                    page.reason = reason
                    return page
                }
                if firstEmpty == nil { firstEmpty = (dialect.name, reason, page, recorded.diagnostics) }
            }
            // Every claimed reading found nothing: the dialects not yet asked may still read the page.
            guard asked < dialects.count else { break }
            ask(all: true)
        }
        guard let firstEmpty else { return nil }
        firstEmpty.diagnostics.forEach(diagnostics.emit)
        let others = ranked.count > 1 ? " (nor did \(ranked.dropFirst().map(\.dialect.name).joined(separator: ", ")))" : ""
        guard var page = firstEmpty.page else {
            diagnostics.note("the \(firstEmpty.name) dialect chose this page (\(firstEmpty.reason)) but found no operation on it\(others); "
                             + PageEvidence.describe(document), at: document.location(1))
            return nil
        }
        page.reason = firstEmpty.reason
        return page
    }
}
