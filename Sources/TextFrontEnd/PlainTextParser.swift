import DocTree

/// The plain-text front end: text copied out of a rendered page has no markup left, so every
/// non-blank line becomes one paragraph with its line number; dialects read the lines back.
/// A line underlined by the next one (`Users` / `=====`, as Sphinx's text builder and
/// reStructuredText write section titles) becomes a heading, its level by the order the underline
/// characters first appear.
///
/// For example: `"Example request:\n\nGET /a HTTP/1.1"` → two paragraphs, at lines 1 and 3.
public struct PlainTextParser: Sendable {
    /// Parsing stops between lines once this has passed (see `Deadline`).
    public var deadline: Deadline

    public init(deadline: Deadline = .none) { self.deadline = deadline }

    public func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> Document {
        var lines: [(Substring, Int)] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var s = Substring(raw)
            if s.last == "\r" { s = s.dropLast() }
            if s.contains(where: { !$0.isWhitespace }) { lines.append((s, number)) }
        }
        var blocks: [Block] = []
        var i = 0
        var underlines: [Character] = []
        while i < lines.count, !deadline.isExpired {
            if i + 1 < lines.count, lines[i + 1].1 == lines[i].1 + 1, let c = Self.underline(lines[i + 1].0, under: lines[i].0) {
                if !underlines.contains(c) { underlines.append(c) }
                let level = min(6, underlines.firstIndex(of: c)! + 1)
                blocks.append(.heading(Heading(level: level, text: InlineText([.text(String(lines[i].0).trimmingSpaces)]), line: lines[i].1)))
                i += 2
                continue
            }
            if let (table, next) = Self.table(lines, at: i) {
                blocks.append(.table(table))
                i = next
                continue
            }
            blocks.append(.paragraph(Paragraph(text: InlineText([.text(String(lines[i].0))]), line: lines[i].1)))
            i += 1
        }
        return Document(file: file, format: "text", blocks: blocks)
    }

    /// A pipe table whose rows the text rendering broke over several lines (`uuid |` then
    /// `string (uuid) | ✓ |`): cells accumulate until a row has as many as the header.
    static func table(_ lines: [(Substring, Int)], at i: Int) -> (Table, Int)? {
        guard i + 1 < lines.count, lines[i].0.hasPrefix("|"), isDelimiter(lines[i + 1].0) else { return nil }
        let header = cells(lines[i].0)
        guard !header.isEmpty else { return nil }
        var rows: [[InlineText]] = []
        var rowLines: [Int] = []
        var current: [String] = []
        var currentLine = 0
        var j = i + 2
        while j < lines.count, lines[j].0.contains("|"), !(lines[j].0.hasPrefix("|") && j + 1 < lines.count && isDelimiter(lines[j + 1].0)) {
            if current.isEmpty { currentLine = lines[j].1 }
            current += cells(lines[j].0)
            if current.count >= header.count {
                rows.append(current.prefix(header.count).map { InlineText([.text($0)]) })
                rowLines.append(currentLine)
                current = []
            }
            j += 1
        }
        if !current.isEmpty {
            rows.append((current + Array(repeating: "", count: header.count - current.count)).map { InlineText([.text($0)]) })
            rowLines.append(currentLine)
        }
        return (Table(header: header.map { InlineText([.text($0)]) }, rows: rows, rowLines: rowLines, line: lines[i].1), j)
    }

    /// The character of a section-title underline under `title` (`=====` under `Users`): one repeated
    /// punctuation character, at least three and at least as long as the title, which starts at column 0.
    static func underline(_ s: Substring, under title: Substring) -> Character? {
        guard let c = s.first, "=-~^*\"+#'`_:.".contains(c), s.count >= 3, s.allSatisfy({ $0 == c }) else { return nil }
        guard let t = title.first, !t.isWhitespace, s.count >= title.count, !title.allSatisfy({ $0 == c }) else { return nil }
        return c
    }

    static func isDelimiter(_ s: Substring) -> Bool {
        s.contains("-") && s.contains("|") && s.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }

    /// `| a | b |`, `a |`, `b | |` → the cells, trimmed; one trailing pipe closes the last cell.
    static func cells(_ s: Substring) -> [String] {
        var t = s.drop(while: { $0 == " " })
        if t.hasPrefix("|") { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        if t.hasSuffix("|") { t = t.dropLast() }
        return t.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
