/// Phrases Widdershins (OpenAPI → Slate Markdown, Mermade/widdershins' templates) writes, read by
/// `WiddershinsDialect`. Matched lowercased.
///
/// For example: `> Example responses` above a JSON block, and a `Status|Meaning|Description|Schema` table.
enum WiddershinsVocabulary {
    /// Blockquote captions of its code samples and examples (`> Code samples`, `> Body parameter`).
    static let captions: Set<String> = ["code samples", "body parameter", "example responses", "example response"]
    /// The first header cells of its responses table.
    static let statusTableHeader = ["status", "meaning"]
}
