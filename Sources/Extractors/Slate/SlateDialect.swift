import APIModel
import DocTree

/// Slate pages (slatedocs/slate) and their rendered HTML: one `##` section per operation with
/// language examples, a `> The above command returns JSON structured like this:` caption before
/// the response example, `### HTTP Request` over `` `GET http://example.com/kittens/<ID>` `` and
/// `### Query Parameters` / `### URL Parameters` tables (`Parameter | Default | Description`).
///
/// For example: `## Get a Specific Kitten` … `### HTTP Request` / `` `GET http://example.com/kittens/<ID>` ``
/// gives `GET /kittens/{ID}` summarised `Get a Specific Kitten`, with base URL `http://example.com`.
public struct SlateDialect: Dialect {
    public let name = "slate"
    public init() {}

    public func recognise(_ document: Document) -> Recognition {
        let items = PageItems.items(document)
        var requestHeadings = 0
        var captions = 0
        for (i, item) in items.enumerated() {
            switch item.kind {
            case .heading(_, let text) where text.plain.lowercased() == SlateVocabulary.requestHeading:
                if i + 1 < items.count, case .text(let t, _) = items[i + 1].kind, SignatureReader.find(in: t) != nil { requestHeadings += 1 }
                else if i + 1 < items.count, case .code(let c) = items[i + 1].kind, SignatureReader.read(c.text) != nil { requestHeadings += 1 }
                // A signature set as a sub-heading (`#### \`GET http://…/strain/<strain>\``).
                else if i + 1 < items.count, case .heading(_, let t) = items[i + 1].kind, SignatureReader.find(in: t) != nil { requestHeadings += 1 }
            case .text(let text, _) where text.plain.lowercased().hasPrefix(SlateVocabulary.exampleCaption):
                captions += 1
            default: break
            }
        }
        guard requestHeadings > 0 else { return .no("no 'HTTP Request' heading followed by a signature") }
        return Recognition(.slateRequestHeadings, "Slate page: \(requestHeadings) 'HTTP Request' heading(s) over a signature"
                    + (captions > 0 ? ", \(captions) 'The above command returns' caption(s)" : ""))
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        SectionedPageReader.read(document, dialect: name, diagnostics: diagnostics)
    }
}
