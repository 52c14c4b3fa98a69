/// Phrases Waldur's MkDocs API reference generator writes (the Waldur corpus's `docs/API/*.md`, seed
/// `000_*`), read by `MkDocsReferenceDialect`, `OperationSectionReader` and `MkDocsTextLayout`. Only
/// this generator writes them; they are matched lowercased unless a note says otherwise.
///
/// For example: a paragraph `Operations Summary` above a Method|Endpoint table makes the page this
/// generator's (`DialectClaim.mkdocsOperationsSummary`).
enum WaldurMkDocsVocabulary {
    /// The label above the summary table (a heading or a paragraph).
    static let operationsSummary = "operations summary"

    /// Tabs holding an HTTP example request (the generator's HTTPie tab; `curl`/`http`/`shell`/`bash`
    /// in hand-edited copies of its pages).
    static let exampleRequestTabs: Set<String> = ["httpie", "curl", "http", "shell", "bash"]
    /// The tab holding the Python SDK example, whose list names the SDK function and models.
    static let sdkTab = "python"
    /// Tab labels, matched as contained text (`Path Parameters`, `Header Parameters`).
    static let pathParametersTab = "path parameters"
    static let queryParametersTab = "query parameters"
    static let headerTab = "header"
    /// Tab labels, matched as prefixes (`Request Body (required)`, `Responses`).
    static let requestBodyTab = "request body"
    static let responsesTab = "response"
    /// In a request-body tab's label: the body is required.
    static let requiredMark = "required"

    /// The SDK tab's list items, matched case-sensitively at the start of the item: `API Source:` names
    /// the SDK function (the operation id), `Model Source:` a model.
    static let apiSource = "API Source:"
    static let modelSource = "Model Source:"
    /// The SDK example's constructions of the body model (`body_data = X(`, `body=X(`), each followed by the model name and `(`.
    static let bodyModelConstructions = ["body_data = ", "body="]
    /// The suffix of the SDK's enum models, which are parameters' types, not bodies.
    static let enumModelSuffix = "Enum"

    /// A response paragraph: the status has no body (matched as a prefix).
    static let noResponseBody = "no response body"
    /// A response paragraph: the table below describes the items of an array (matched as contained text).
    static let responseIsArray = "response body is an array"
}
