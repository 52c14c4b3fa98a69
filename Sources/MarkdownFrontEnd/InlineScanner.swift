import DocTree

/// A small, linear-time inline Markdown scanner for table cells: code spans, backslash escapes,
/// links, HTML tags (dropped, `<br>` → space), emphasis markers (dropped), common entities.
///
/// For example: ``<br>_Enum: `a`, `b`_`` → `[.text(" Enum: "), .code("a"), .text(", "), .code("b")]`.
enum InlineScanner {
    /// Cells longer than this are kept as plain text: the scan stays linear on hostile input.
    static let maxMarkupLength = 20_000

    static func scan(_ source: Substring) -> InlineText {
        if source.utf8.count > maxMarkupLength { return InlineText([.text(String(source))]) }
        // Fast path: most cells (`string (uuid)`, plain prose) have no markup at all.
        if !source.utf8.contains(where: { $0 == 0x5C || $0 == 0x60 || $0 == 0x3C || $0 == 0x5B || $0 == 0x2A || $0 == 0x5F || $0 == 0x26 }) {
            return InlineText(source.isEmpty ? [] : [.text(String(source))])
        }
        let chars = Array(source)
        let emphasis = emphasisMarkers(chars)
        var spans: [InlineText.Span] = []
        var text = ""
        func flush() { if !text.isEmpty { spans.append(.text(text)); text = "" } }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                    text.append(chars[i + 1]); i += 2
                } else { text.append(c); i += 1 }
            case "`":
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let end = closingRun(chars, from: i + run, length: run) {
                    var code = String(chars[(i + run)..<end])
                    if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    flush()
                    spans.append(.code(code))
                    i = end + run
                } else {
                    text.append(String(repeating: "`", count: run)); i += run
                }
            case "<":
                if let end = chars[i...].firstIndex(of: ">"), end - i < 200, isTag(chars[(i + 1)..<end]) {
                    let tag = String(chars[(i + 1)..<end]).lowercased()
                    if tag.hasPrefix("br") { text.append(" ") }
                    i = end + 1
                } else { text.append(c); i += 1 }
            case "[":
                if let (label, url, next) = link(chars, at: i) {
                    flush()
                    let inner = scan(Substring(label))
                    if let code = inner.codeSpans.first, inner.plain == code {
                        spans.append(.link(text: code, url: url))
                    } else {
                        spans.append(.link(text: inner.plain, url: url))
                    }
                    i = next
                } else { text.append(c); i += 1 }
            case "*", "_":
                if !emphasis.contains(i) { text.append(c) }  // emphasis markers are dropped, a lone one is text
                i += 1
            case "&":
                if let (decoded, next) = entity(chars, at: i) { text.append(decoded); i = next } else { text.append(c); i += 1 }
            default:
                text.append(c); i += 1
            }
        }
        flush()
        return InlineText(spans)
    }

    /// Indices of `*`/`_` runs that open and close emphasis (CommonMark's flanking rules, simplified):
    /// an opener is followed by non-space and, for `_`, not preceded by a letter or digit; a closer is
    /// preceded by non-space and, for `_`, not followed by a letter or digit. Code spans are skipped.
    static func emphasisMarkers(_ chars: [Character]) -> Set<Int> {
        var result: Set<Int> = []
        var open: [Character: [[Int]]] = ["*": [], "_": []]
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if c == "`" {
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let end = closingRun(chars, from: i + run, length: run) { i = end + run } else { i += run }
                continue
            }
            guard c == "*" || c == "_" else { i += 1; continue }
            var run = 0
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            let indices = Array(i..<(i + run))
            let prev: Character? = i > 0 ? chars[i - 1] : nil
            let next: Character? = i + run < chars.count ? chars[i + run] : nil
            let word: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber } ?? false }
            let canClose = prev.map { !$0.isWhitespace } ?? false && (c == "*" || !word(next))
            let canOpen = next.map { !$0.isWhitespace } ?? false && (c == "*" || !word(prev))
            if canClose, let opener = open[c]!.popLast() {
                result.formUnion(opener.suffix(run))
                result.formUnion(indices.prefix(opener.count))
            } else if canOpen {
                open[c]!.append(indices)
            }
            i += run
        }
        return result
    }

    private static func closingRun(_ chars: [Character], from start: Int, length: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "`" {
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if run == length { return i }
                i += run
            } else { i += 1 }
        }
        return nil
    }

    private static func isTag(_ inner: ArraySlice<Character>) -> Bool {
        guard let first = inner.first else { return false }
        return first.isLetter || first == "/" || first == "!"
    }

    private static func link(_ chars: [Character], at start: Int) -> (String, String, Int)? {
        var depth = 0
        var i = start
        var close: Int?
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "[" { depth += 1 }
            if chars[i] == "]" { depth -= 1; if depth == 0 { close = i; break } }
            i += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        guard let end = chars[(close + 2)...].firstIndex(of: ")") else { return nil }
        let label = String(chars[(start + 1)..<close])
        let url = String(chars[(close + 2)..<end]).trimming(" ")
        return (label, url, end + 1)
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'",
    ]

    private static func entity(_ chars: [Character], at start: Int) -> (String, Int)? {
        var i = start + 1
        while i < chars.count, i - start < 10, chars[i] != ";" { i += 1 }
        guard i < chars.count, chars[i] == ";" else { return nil }
        let name = String(chars[(start + 1)..<i])
        if let v = entities[name] { return (v, i + 1) }
        if name.hasPrefix("#"), let n = UInt32(name.dropFirst()), let u = Unicode.Scalar(n) { return (String(u), i + 1) }
        return nil
    }
}

