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
    public func extract(_ document: Document, deadline: Deadline = .none, diagnostics: DiagnosticCollector) -> PageExtraction? {
        var best: (any Dialect, DialectClaim, String)?
        var declined: [String] = []
        for (k, dialect) in dialects.enumerated() where !deadline.isExpired {
            let r = dialect.recognise(document)
            if let claim = r.claim {
                if best.map({ claim < $0.1 }) ?? true { best = (dialect, claim, r.reason) }
            } else {
                declined.append("\(dialect.name): \(r.reason.isEmpty ? "not its page style" : r.reason)")
            }
            // No dialect left can claim more.
            if let b = best?.1, dialects[(k + 1)...].allSatisfy({ DialectClaim.highest(of: $0.name).map { b < $0 } ?? false }) { break }
        }
        if deadline.isExpired { return nil }
        guard let (dialect, _, reason) = best else {
            diagnostics.note("no API operations recognised on this page; skipped (" + declined.joined(separator: "; ") + "); "
                             + PageEvidence.describe(document), at: document.location(1))
            return nil
        }
        guard var page = dialect.extract(document, diagnostics: diagnostics) else {
            diagnostics.note("the \(dialect.name) dialect chose this page (\(reason)) but found no operation on it; "
                             + PageEvidence.describe(document), at: document.location(1))
            return nil
        }
        page.reason = reason
        return page
    }
}
