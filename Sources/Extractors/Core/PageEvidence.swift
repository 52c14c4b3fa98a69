import DocTree

/// What a page holds that could document operations, counted for the note a page with no operation
/// gets (`-v`): method words, paths, parameter tables and lists, JSON examples, components — and
/// from these, why they were not enough.
///
/// For example: a page with two paths and no method word → "evidence: 2 path(s), 0 method word(s), …;
/// not enough: paths but no HTTP method beside any of them".
public enum PageEvidence {
    public struct Counts: Equatable, Sendable {
        public var methods = 0, paths = 0, parameterTables = 0, examples = 0, fields = 0, headings = 0
    }

    public static func count(_ document: Document) -> Counts {
        var c = Counts()
        for item in PageItems.items(document) {
            switch item.kind {
            case .heading(_, let t): c.headings += 1; tally(t.plain, &c)
            case .text(let t, _): tally(t.plain, &c)
            case .code(let code):
                let head = code.text.drop { $0.isWhitespace }
                if head.hasPrefix("{") || head.hasPrefix("[") { c.examples += 1 } else { tally(String(code.text.prefix(400)), &c) }
            case .table(let t): if ParameterTable.isParameterTable(t) { c.parameterTables += 1 }
            case .field: c.fields += 1
            }
        }
        return c
    }

    static func tally(_ text: String, _ c: inout Counts) {
        for w in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "`" }) {
            if w == w.uppercased(), SignatureReader.method(w) != nil { c.methods += 1 }
            if w.hasPrefix("/"), w.count > 1, w.dropFirst().first?.isLetter == true || w.dropFirst().first == "{" || w.dropFirst().first == ":" { c.paths += 1 }
            else if w.hasPrefix("http://") || w.hasPrefix("https://") { c.paths += 1 }
        }
    }

    /// One sentence for the note: the counts, then why they give no operation.
    public static func describe(_ document: Document) -> String {
        let c = count(document)
        var s = "evidence: \(c.methods) method word(s), \(c.paths) path(s) or URL(s), \(c.parameterTables) parameter table(s), "
            + "\(c.fields) component field(s), \(c.examples) JSON-looking example(s), \(c.headings) heading(s); "
        if c.methods == 0 && c.paths == 0 {
            s += "not enough: no HTTP method and no path anywhere on the page"
        } else if c.methods == 0 {
            s += "not enough: paths but no HTTP method beside any of them (a method-less endpoint is read only as a list entry '`/path` -- what it does' or a block of absolute URLs)"
        } else if c.paths == 0 {
            s += "not enough: method words but no path after any of them"
        } else {
            s += "not enough: no method and path in one signature ('METHOD /path' in a heading, line, code span or block, a method|endpoint table, 'URL:'/'Method:' lines, or a component's method and path attributes)"
        }
        return s
    }
}
