/// Phrases of the Sphinx httpdomain pages of the seeds (`input-docs/002_*`–`004_*`: a call-centre
/// API's reference), which other httpdomain pages write too only by chance; read by `SphinxPageReader`
/// and `Reconciler`. Matched lowercased.
///
/// For example: seed 003's `Similar to GET instance method response.` gives a PUT the GET's response body.
enum SphinxSeedVocabulary {
    /// A response described as another operation's (seed 003), matched as a prefix.
    static let similarToGet = "similar to get"
    /// `Authorization Right:minimum Group Admin.` (seeds 002–004), matched as a prefix.
    static let authorizationRight = "authorization right"
    /// A field description saying the value may be null (`… use null to remove`), matched as contained text.
    static let nullablePhrases = ["use null", "to null"]
    /// Words before a bracketed list of enum values (`Supported ring patterns: [‘Normal’, …]`, seed 004),
    /// matched as contained text.
    static let enumIntroductions = ["supported", "one of", "values", "possible"]
    /// The last word of an attribute table's title (`Users for Call Capacity attributes`, seed 004),
    /// with or without the HTML rendering's `¶`.
    static let attributeTableSuffixes = ["attributes¶", "attributes"]
}
