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
    /// The dialect with the highest score reads the page; when it finds no operation, the next ones
    /// that recognised the page are tried in score order (a page misrecognised by one dialect — a
    /// nav list of `Request`/`Response` tabs looks like blueprint payload sections — is not lost),
    /// and only the diagnostics of the dialect whose reading is kept are passed on.
    public func extract(_ document: Document, deadline: Deadline = .none, diagnostics: DiagnosticCollector) -> PageExtraction? {
        var ranked: [(dialect: any Dialect, score: Int, reason: String)] = []
        var declined: [String] = []
        for dialect in dialects where !deadline.isExpired {
            let (score, reason) = dialect.recognise(document)
            if score > 0 { ranked.append((dialect, score, reason)) }
            if score <= 0 { declined.append("\(dialect.name): \(reason.isEmpty ? "not its page style" : reason)") }
            if score >= Self.certain { break }  // no other dialect can do better
        }
        if deadline.isExpired { return nil }
        guard !ranked.isEmpty else {
            diagnostics.note("no API operations recognised on this page; skipped (" + declined.joined(separator: "; ") + "); "
                             + PageEvidence.describe(document), at: document.location(1))
            return nil
        }
        // Stable: equal scores keep the registry's order.
        ranked = ranked.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        var firstEmpty: (name: String, reason: String, page: PageExtraction?, diagnostics: [Diagnostic])?
        for (dialect, _, reason) in ranked where !deadline.isExpired {
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
