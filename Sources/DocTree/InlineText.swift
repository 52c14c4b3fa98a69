/// Inline content of a paragraph, heading or table cell, reduced to what extractors need:
/// runs of plain text, code spans and links. Emphasis and HTML tags are dropped, their text kept.
///
/// For example: the Markdown cell ``<br>_Enum: `gp2`, `io1`_`` becomes
/// `[.text("Enum: "), .code("gp2"), .text(", "), .code("io1")]`.
public struct InlineText: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public enum Span: Hashable, Sendable, Codable {
        case text(String)
        case code(String)
        case link(text: String, url: String)
    }

    public var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = InlineText.merged(spans)
    }

    public init(stringLiteral value: String) {
        self.spans = value.isEmpty ? [] : [.text(value)]
    }

    /// All the text, code spans and link texts included, whitespace runs folded to one space.
    public var plain: String {
        var out = ""
        for span in spans {
            switch span {
            case .text(let t), .code(let t): out += t
            case .link(let t, _): out += t
            }
        }
        return InlineText.foldWhitespace(out)
    }

    public var description: String { plain }

    /// Contents of every code span, in order.
    public var codeSpans: [String] {
        spans.compactMap { if case .code(let c) = $0 { return c } else { return nil } }
    }

    /// The link targets, in order.
    public var links: [(text: String, url: String)] {
        spans.compactMap { if case .link(let t, let u) = $0 { return (t, u) } else { return nil } }
    }

    public var isEmpty: Bool { plain.isEmpty }

    static func merged(_ spans: [Span]) -> [Span] {
        var out: [Span] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            if case .text(let t) = span {
                if t.isEmpty { continue }
                if case .text(let prev)? = out.last {
                    out[out.count - 1] = .text(prev + t)
                    continue
                }
            }
            out.append(span)
        }
        return out
    }

    public static func foldWhitespace(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String? in
            // Spaces, tabs, line breaks and no-break spaces (UTF-8 C2 A0) count as whitespace.
            func whitespace(at i: Int) -> Int {
                switch bytes[i] {
                case 0x20, 0x0A, 0x09, 0x0D: return 1
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return 2
                default: return 0
                }
            }
            // Most text is folded already: a single space between words, none at the ends.
            var i = 0
            var clean = true
            while i < bytes.count, clean {
                let n = whitespace(at: i)
                if n == 0 { i += 1; continue }
                clean = bytes[i] == 0x20 && i > 0 && i + 1 < bytes.count && whitespace(at: i + 1) == 0
                i += n
            }
            if clean { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            i = 0
            while i < bytes.count {
                let n = whitespace(at: i)
                if n > 0 {
                    pendingSpace = !out.isEmpty
                    i += n
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }
}
