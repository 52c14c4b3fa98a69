import APIModel
import DocTree

/// A documentation dialect: recognises a page style in a `Document` and extracts operations.
/// Dialects see only the flavour-neutral tree, never Markdown or HTML.
public protocol Dialect: Sendable {
    var name: String { get }
    /// How sure the dialect is that it can read the page (0 = not at all), with the reason.
    func recognise(_ document: Document) -> (score: Int, reason: String)
    func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction?
}

/// Picks the dialect with the highest score for each page.
public struct DialectRegistry: Sendable {
    /// A score at which a dialect is sure; later dialects are not asked.
    public static let certain = 100
    public var dialects: [any Dialect]

    public init(dialects: [any Dialect] = [MkDocsReferenceDialect(), SphinxHTTPDialect(), APIBlueprintDialect(), GitBookDialect(),
                                                   WiddershinsDialect(), SlateDialect(), GenericDialect()]) {
        self.dialects = dialects
    }

    /// With a deadline: no further dialect is asked once it has passed (the caller reports it).
    public func extract(_ document: Document, deadline: Deadline = .none, diagnostics: DiagnosticCollector) -> PageExtraction? {
        var best: (any Dialect, Int, String)?
        var declined: [String] = []
        for dialect in dialects where !deadline.isExpired {
            let (score, reason) = dialect.recognise(document)
            if score > 0, score > (best?.1 ?? 0) { best = (dialect, score, reason) }
            if score <= 0 { declined.append("\(dialect.name): \(reason.isEmpty ? "not its page style" : reason)") }
            if score >= Self.certain { break }  // no other dialect can do better
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
