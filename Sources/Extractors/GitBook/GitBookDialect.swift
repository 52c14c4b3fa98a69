import APIModel
import DocTree

/// GitBook API blocks: `{% api-method method="get" host="https://api.cakes.com" path="/v1/cakes/:id" %}`
/// with `{% api-method-summary %}`, parameter groups (`api-method-path-parameters`, `-query-parameters`,
/// `-headers`, `-body-parameters`, `-form-data-parameters`) of `{% api-method-parameter name=… type=…
/// required=… %}` and `{% api-method-response-example httpCode=200 %}` examples; and the newer
/// `{% swagger method="get" path="…" baseUrl="…" summary="…" %}` blocks with `{% swagger-parameter in="path" … %}`
/// and `{% swagger-response status="200" %}`.
///
/// For example: `{% api-method method="get" host="https://api.cakes.com" path="/v1/cakes/:id" %}` with a
/// path parameter `id` gives `GET /v1/cakes/{id}` and base URL `https://api.cakes.com`.
public struct GitBookDialect: Dialect {
    public let name = "gitbook"
    public init() {}

    public func recognise(_ document: Document) -> Recognition {
        let blocks = GitBookReader.count(PageItems.items(document))
        guard blocks > 0 else { return .no("no '{% api-method %}' or '{% swagger %}' blocks") }
        return Recognition(.gitbookBlocks, "GitBook page: \(blocks) '{% api-method %}' / '{% swagger %}' block(s)")
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        GitBookReader.read(document, dialect: name, diagnostics: diagnostics)
    }
}
