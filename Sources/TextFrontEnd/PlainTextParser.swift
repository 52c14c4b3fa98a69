import DocTree

/// The plain-text front end: text copied out of a rendered page has no markup left, so every
/// non-blank line becomes one paragraph with its line number; dialects read the lines back.
///
/// For example: `"Example request:\n\nGET /a HTTP/1.1"` → two paragraphs, at lines 1 and 3.
public struct PlainTextParser: Sendable {
    public init() {}

    public func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> Document {
        var blocks: [Block] = []
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            var s = Substring(raw)
            if s.last == "\r" { s = s.dropLast() }
            guard s.contains(where: { !$0.isWhitespace }) else { continue }
            blocks.append(.paragraph(Paragraph(text: InlineText([.text(String(s))]), line: line)))
        }
        return Document(file: file, format: "text", blocks: blocks)
    }
}
