import DocTree

/// Reads an MSON list that Markdown took for a code block: members indented four or more spaces
/// past their section after a blank line (`+ Attributes`, blank line, eight spaces, `+ id (string)`),
/// which drafter still reads as a nested list. Nesting follows the indentation; a line without a
/// list marker is the description of the item above it; `` `code` `` stays a code span.
///
/// For example: a code block `+ (array)` / `    + (object)` / `        + id: 1 (number)` → one item
/// `(array)` holding one item `(object)` holding one item `id: 1 (number)`.
enum MSONIndentedList {
    struct Line {
        var indent: Int
        var text: String
        var isItem: Bool
        var number: Int
    }

    /// The list items, when the block's least indented lines are list items; else nil.
    static func items(_ code: CodeBlock) -> [[Block]]? {
        var lines: [Line] = []
        for (k, raw) in code.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = raw.replacingOccurrences(of: "\t", with: "    ")
            let body = text.drop { $0 == " " }
            if body.isEmpty { continue }
            let indent = text.count - body.count
            let isItem = body.count > 2 && "+-*".contains(body.first!) && body.dropFirst().first == " "
            lines.append(Line(indent: indent, text: String(isItem ? body.dropFirst(2) : body).trimming(" "), isItem: isItem,
                              number: code.line + 1 + k))
        }
        // The least indented lines must all be list items (JSON or prose never are); deeper lines
        // before the first of them continue the section's description and are skipped.
        guard let least = lines.map(\.indent).min(), lines.filter({ $0.indent == least }).allSatisfy(\.isItem),
              var i = lines.firstIndex(where: { $0.indent == least }) else { return nil }
        return list(lines, &i, indent: least)
    }

    /// Items at `indent` from `i` on, each with its description lines and deeper items.
    static func list(_ lines: [Line], _ i: inout Int, indent: Int) -> [[Block]] {
        var items: [[Block]] = []
        while i < lines.count, lines[i].indent >= indent {
            let head = lines[i]
            i += 1
            guard head.isItem else { continue }
            var blocks: [Block] = [.paragraph(Paragraph(text: inline(head.text), line: head.number))]
            var description: [String] = []
            while i < lines.count, lines[i].indent > head.indent, !lines[i].isItem {
                description.append(lines[i].text)
                i += 1
            }
            if !description.isEmpty {
                blocks.append(.paragraph(Paragraph(text: inline(description.joined(separator: " ")), line: head.number + 1)))
            }
            if i < lines.count, lines[i].isItem, lines[i].indent > head.indent {
                let line = lines[i].number
                let nested = list(lines, &i, indent: lines[i].indent)
                blocks.append(.list(ListBlock(ordered: false, items: nested, line: line)))
            }
            items.append(blocks)
        }
        return items
    }

    /// `` `name`: value `` → a code span and text, as the Markdown front end gives them.
    static func inline(_ text: String) -> InlineText {
        var spans: [InlineText.Span] = []
        for (k, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() where !part.isEmpty {
            spans.append(k % 2 == 1 ? .code(String(part)) : .text(String(part)))
        }
        return InlineText(spans)
    }
}
