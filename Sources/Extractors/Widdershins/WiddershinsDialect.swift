import APIModel
import DocTree

/// Widdershins output (Slate Markdown generated from OpenAPI): `` `GET /pets/{petId}` `` under an
/// operation heading, `> Code samples`, `> Body parameter` and `> Example responses` / `> 200 Response`
/// captions, `<h3 id="…-parameters">Parameters</h3>` tables `Name|In|Type|Required|Description`,
/// `Status|Meaning|Description|Schema` tables and `<h3 id="…-responseschema">` tables whose nested
/// rows start with `»`.
///
/// For example: `## getPetById`, `` `GET /pet/{petId}` ``, a Parameters row `|petId|path|integer(int64)|true|…|`
/// and a `200 Response` example give `GET /pet/{petId}` with an integer path parameter and a typed 200 body.
public struct WiddershinsDialect: Dialect {
    public let name = "widdershins"
    public init() {}

    static var captions: Set<String> { WiddershinsVocabulary.captions }

    public func recognise(_ document: Document) -> Recognition {
        let items = PageItems.items(document)
        var captions = 0
        var statusTables = 0
        for item in items {
            switch item.kind {
            case .text(let text, _) where Self.captions.contains(text.plain.lowercased()):
                captions += 1
            case .table(let t) where t.header.map({ $0.plain.lowercased() }).starts(with: WiddershinsVocabulary.statusTableHeader):
                statusTables += 1
            default: break
            }
        }
        guard captions + statusTables > 0 else { return .no("no '> Example responses' / '> Code samples' captions or Status|Meaning tables") }
        guard SectionedPageReader.count(items).signatures > 0 else { return .no("Widdershins captions but no signature") }
        return Recognition(.widdershinsCaptions, "Widdershins page: \(captions) example caption(s), \(statusTables) Status|Meaning table(s)")
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        SectionedPageReader.read(document, dialect: name, diagnostics: diagnostics)
    }
}
