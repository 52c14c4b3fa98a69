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
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{00A0}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
