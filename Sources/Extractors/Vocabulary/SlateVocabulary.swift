/// Phrases of Slate's page template (slatedocs/slate's `index.html.md` and the pages written from
/// it), read by `SlateDialect` and `OperationBuilder`. Matched lowercased.
///
/// For example: `### HTTP Request` over `` `GET http://example.com/api/kittens` `` is Slate's signature.
enum SlateVocabulary {
    /// The heading over each operation's signature.
    static let requestHeading = "http request"
    /// The caption under an example (`The above command returns JSON structured like this:`), matched as a prefix.
    static let exampleCaption = "the above command"
    /// Table captions whose rows are in the path or, when the path does not hold them, the query
    /// (`URL Parameters` in Slate's template; `URI parameters` in pages written from it), matched as contained text.
    static let urlParameterCaptions = ["url param", "uri param"]
}
