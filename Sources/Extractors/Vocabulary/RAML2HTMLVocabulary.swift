/// Phrases raml2html's default theme (raml2html 7.x, `raml2html-default-theme`) writes around a
/// request or response body, read by `OperationBuilder`.
///
/// For example: `<h3>Body</h3><p><strong>Media type</strong>: application/json</p><p><strong>Type</strong>: object</p>
/// <strong>Properties</strong><ul>…` — the lines before the property list describe the body itself.
enum RAML2HTMLVocabulary {
    /// Labels of the lines that describe a body's schema (`Type: array of Property`, `Items: ServiceLink`),
    /// matched case-sensitively before the colon: they are no fields.
    static let schemaLabels: Set<String> = ["Media type", "Type", "Items", "Properties", "Example", "Examples", "Schema"]

    /// Whether a line is one of those labels and its value (`Type: object`, `Items: ServiceLink`).
    static func isSchemaLabel(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        return schemaLabels.contains(String(line[..<colon]))
    }
}
