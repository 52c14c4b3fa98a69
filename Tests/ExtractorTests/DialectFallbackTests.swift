import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import Testing

/// When the dialect that recognises a page best finds no operation on it, the next dialects that
/// recognised it are tried in claim order, and only the kept reading's diagnostics are passed on.
@Suite struct DialectFallbackTests {
    /// Claims every page above the general reader; finds nothing and warns.
    struct Claiming: Dialect {
        let name = "claiming"
        func recognise(_ document: Document) -> Recognition { Recognition(.widdershinsCaptions, "claims every page") }
        func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
            diagnostics.warning("claiming found nothing", at: document.location(1))
            return nil
        }
    }

    let page = """
    <h4 class="panel-title"><a href="#p"><span class="parent">/users/{id}</span>/items</a> <span class="methods"><a href="#m"><span class="badge badge_get">get</span></a></span></h4>
    <h4 class="modal-title"><span class="badge badge_get">get</span> <span class="parent">/users/{id}</span>/items</h4>
    <ul class="nav nav-tabs"><li><a href="#r">Request</a></li><li><a href="#s">Response</a></li></ul>
    <h3>URI Parameters</h3><ul><li><strong>id</strong>: <em>required (integer)</em></li></ul>
    """

    @Test func nextDialectReadsThePageWhenTheFirstFindsNothing() throws {
        let d = RecordingCollector()
        let doc = HTMLParser().parse(page, file: "p.html", diagnostics: d)
        let registry = DialectRegistry(dialects: [Claiming(), GenericDialect()])
        let read = try #require(registry.extract(doc, diagnostics: d))
        #expect(read.dialect == "generic")
        #expect(read.operations.map { $0.method + " " + $0.path } == ["GET /users/{id}/items"])
        #expect(!d.diagnostics.contains { $0.message == "claiming found nothing" })
        #expect(d.diagnostics.contains { $0.severity == .note && $0.message.contains("the claiming dialect chose this page") })
    }

    @Test func firstDialectsDiagnosticsKeptWhenNoDialectFindsAnything() {
        let d = RecordingCollector()
        let doc = HTMLParser().parse("<p>No API here.</p>", file: "p.html", diagnostics: d)
        #expect(DialectRegistry(dialects: [Claiming(), GenericDialect()]).extract(doc, diagnostics: d)?.operations.isEmpty ?? true)
        #expect(d.diagnostics.contains { $0.message == "claiming found nothing" })
    }

    /// raml2html's resource panel heading (`/users/{id}/items get`) and modal heading (method badge, then the path split over a parent span and text)
    /// under a nav list of `Request`/`Response` tabs, which the API Blueprint dialect takes for payload
    /// sections: read by the general reader.
    @Test func ramlModalHeadingUnderRequestResponseTabs() throws {
        let d = RecordingCollector()
        let doc = HTMLParser().parse(page + page.replacingOccurrences(of: "get", with: "put"), file: "p.html", diagnostics: d)
        let read = try #require(DialectRegistry().extract(doc, diagnostics: d))
        #expect(read.operations.map { $0.method + " " + $0.path } == ["GET /users/{id}/items", "PUT /users/{id}/items"])
        #expect(d.diagnostics.contains { $0.message.contains("the api-blueprint dialect chose this page") })
    }
}
