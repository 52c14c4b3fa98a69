import DocTree

/// A small, linear-time inline Markdown scanner for table cells: code spans, backslash escapes,
/// links, HTML tags (dropped, `<br>` → space), emphasis markers (dropped), common entities.
///
/// It works on the cell's UTF-8 bytes: every markup character is ASCII, so text between markup is
/// copied as it is, and only the flanking checks of emphasis look at a whole (possibly non-ASCII)
/// character.
///
/// For example: ``<br>_Enum: `a`, `b`_`` → `[.text(" Enum: "), .code("a"), .text(", "), .code("b")]`.
enum InlineScanner {
    /// Cells longer than this are kept as plain text: the scan stays linear on hostile input.
    static let maxMarkupLength = 20_000

    static func scan(_ source: Substring) -> InlineText {
        if source.utf8.count > maxMarkupLength { return InlineText([.text(String(source))]) }
        // Fast path: most cells (`string (uuid)`, plain prose) have no markup at all.
        if !source.utf8.contains(where: isMarkup) {
            return InlineText(source.isEmpty ? [] : [.text(String(source))])
        }
        // A cell that is one code span (`` `project_uuid` ``, a field name): what the scan below gives.
        let utf8 = source.utf8
        if utf8.count >= 3, utf8.first == 0x60, utf8.last == 0x60 {
            var start = utf8.index(after: utf8.startIndex)
            var end = utf8.index(before: utf8.endIndex)
            if !utf8[start..<end].contains(0x60) {
                if utf8.distance(from: start, to: end) >= 2, utf8[start] == 0x20, utf8[utf8.index(before: end)] == 0x20,
                   utf8[start..<end].contains(where: { $0 != 0x20 }) {
                    utf8.formIndex(after: &start)
                    utf8.formIndex(before: &end)
                }
                return InlineText([.code(String(decoding: utf8[start..<end], as: UTF8.self))])
            }
        }
        return scan(bytes: source.utf8Bytes)
    }

    private static func isMarkup(_ b: UInt8) -> Bool {
        b == 0x5C || b == 0x60 || b == 0x3C || b == 0x5B || b == 0x2A || b == 0x5F || b == 0x26
    }

    static func scan(bytes: [UInt8]) -> InlineText {
        let emphasis = emphasisMarkers(bytes)
        var spans: [InlineText.Span] = []
        var text: [UInt8] = []
        func flush() { if !text.isEmpty { spans.append(.text(String(decoding: text, as: UTF8.self))); text = [] } }
        var i = 0
        // An emphasised path segment (`/users/*id*`, `/users/<i>id</i>`) is the writer's placeholder: `{id}`.
        var placeholderOpen = false
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case ascii("\\"):
                if i + 1 < bytes.count, isASCIIPunctuation(bytes[i + 1]) {
                    text.append(bytes[i + 1]); i += 2
                } else { text.append(c); i += 1 }
            case ascii("`"):
                let run = runLength(bytes, at: i)
                if let end = closingRun(bytes, from: i + run, length: run) {
                    var code = bytes[(i + run)..<end]
                    if code.count >= 2, code.first == ascii(" "), code.last == ascii(" "), code.contains(where: { $0 != ascii(" ") }) {
                        code = code.dropFirst().dropLast()
                    }
                    flush()
                    spans.append(.code(String(decoding: code, as: UTF8.self)))
                    i = end + run
                } else {
                    text.append(contentsOf: bytes[i..<(i + run)]); i += run
                }
            case ascii("<"):
                if let end = bytes[i...].firstIndex(of: ascii(">")), end - i < 200, isTag(bytes, from: i + 1, to: end) {
                    if end - i >= 3, bytes[i + 1] | 0x20 == ascii("b"), bytes[i + 2] | 0x20 == ascii("r") { text.append(ascii(" ")) }
                    let name = String(decoding: bytes[(i + 1)..<end], as: UTF8.self).lowercased()
                    if ["i", "em", "var"].contains(name), text.last == ascii("/") { text.append(ascii("{")); placeholderOpen = true }
                    if placeholderOpen, ["/i", "/em", "/var"].contains(name) { text.append(ascii("}")); placeholderOpen = false }
                    i = end + 1
                } else { text.append(c); i += 1 }
            case ascii("["):
                if let (label, url, next) = link(bytes, at: i) {
                    flush()
                    let inner = scan(Substring(label))
                    if let code = inner.codeSpans.first, inner.plain == code {
                        spans.append(.link(text: code, url: url))
                    } else {
                        spans.append(.link(text: inner.plain, url: url))
                    }
                    i = next
                } else { text.append(c); i += 1 }
            case ascii("*"), ascii("_"):
                if !emphasis.contains(i) {
                    text.append(c)  // emphasis markers are dropped, a lone one is text
                } else if placeholderOpen {
                    text.append(ascii("}")); placeholderOpen = false
                } else if text.last == ascii("/"), i + 1 < bytes.count, bytes[i + 1] != c {
                    text.append(ascii("{")); placeholderOpen = true
                }
                i += 1
            case ascii("&"):
                if let (decoded, next) = entity(bytes, at: i) { text.append(contentsOf: decoded.utf8); i = next } else { text.append(c); i += 1 }
            default:
                // Plain text up to the next markup byte, in one copy.
                var j = i + 1
                while j < bytes.count, !isMarkup(bytes[j]) { j += 1 }
                text.append(contentsOf: bytes[i..<j])
                i = j
            }
        }
        flush()
        return InlineText(spans)
    }

    /// Byte offsets of `*`/`_` runs that open and close emphasis (CommonMark's flanking rules,
    /// simplified): an opener is followed by non-space and, for `_`, not preceded by a letter or digit;
    /// a closer is preceded by non-space and, for `_`, not followed by a letter or digit. Code spans are
    /// skipped.
    static func emphasisMarkers(_ bytes: [UInt8]) -> Set<Int> {
        guard bytes.contains(where: { $0 == 0x2A || $0 == 0x5F }) else { return [] }
        var result: Set<Int> = []
        var openStar: [[Int]] = []
        var openUnderscore: [[Int]] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == ascii("\\") { i += 2; continue }
            if c == ascii("`") {
                let run = runLength(bytes, at: i)
                if let end = closingRun(bytes, from: i + run, length: run) { i = end + run } else { i += run }
                continue
            }
            guard c == ascii("*") || c == ascii("_") else { i += 1; continue }
            let run = runLength(bytes, at: i)
            let indices = Array(i..<(i + run))
            let prev = i > 0 ? scalar(before: i, in: bytes) : nil
            let next = i + run < bytes.count ? scalar(at: i + run, in: bytes) : nil
            let word: (Unicode.Scalar?) -> Bool = { $0.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false }
            let canClose = prev.map { !$0.properties.isWhitespace } ?? false && (c == ascii("*") || !word(next))
            let canOpen = next.map { !$0.properties.isWhitespace } ?? false && (c == ascii("*") || !word(prev))
            if canClose, let opener = c == ascii("*") ? openStar.popLast() : openUnderscore.popLast() {
                result.formUnion(opener.suffix(run))
                result.formUnion(indices.prefix(opener.count))
            } else if canOpen {
                if c == ascii("*") { openStar.append(indices) } else { openUnderscore.append(indices) }
            }
            i += run
        }
        return result
    }

    private static func ascii(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }

    /// `!"#$%&'()*+,-./:;<=>?@[\]^_\`{|}~`: what a backslash escapes.
    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    /// How many copies of the byte at `start` follow one another from there.
    static func runLength(_ bytes: [UInt8], at start: Int) -> Int {
        var run = 0
        while start + run < bytes.count, bytes[start + run] == bytes[start] { run += 1 }
        return run
    }

    /// The character starting at byte `i` (its first scalar).
    private static func scalar(at i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first
    }

    /// The scalar that ends just before byte `i`.
    private static func scalar(before i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars.first
    }

    /// Where the next run of exactly `length` backticks from `start` begins (a code span's end).
    static func closingRun(_ bytes: [UInt8], from start: Int, length: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == ascii("`") {
                let run = runLength(bytes, at: i)
                if run == length { return i }
                i += run
            } else { i += 1 }
        }
        return nil
    }

    private static func isTag(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        let first = bytes[start]
        if first == ascii("/") || first == ascii("!") { return true }
        if first < 0x80 { return (first | 0x20) >= ascii("a") && (first | 0x20) <= ascii("z") }
        return scalar(at: start, in: bytes)?.properties.isAlphabetic ?? false
    }

    private static func link(_ bytes: [UInt8], at start: Int) -> (String, String, Int)? {
        var depth = 0
        var i = start
        var close: Int?
        while i < bytes.count {
            if bytes[i] == ascii("\\") { i += 2; continue }
            if bytes[i] == ascii("[") { depth += 1 }
            if bytes[i] == ascii("]") { depth -= 1; if depth == 0 { close = i; break } }
            i += 1
        }
        guard let close, close + 1 < bytes.count, bytes[close + 1] == ascii("(") else { return nil }
        guard let end = bytes[(close + 2)...].firstIndex(of: ascii(")")) else { return nil }
        let label = String(decoding: bytes[(start + 1)..<close], as: UTF8.self)
        let url = String(decoding: bytes[(close + 2)..<end], as: UTF8.self).trimming(" ")
        return (label, url, end + 1)
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'",
    ]

    private static func entity(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var i = start + 1
        while i < bytes.count, i - start < 10, bytes[i] != ascii(";") { i += 1 }
        guard i < bytes.count, bytes[i] == ascii(";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        if let v = entities[name] { return (v, i + 1) }
        if name.hasPrefix("#"), let n = UInt32(name.dropFirst()), let u = Unicode.Scalar(n) { return (String(u), i + 1) }
        return nil
    }
}
