import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Testing
import TextFrontEnd

/// A synthetic snippet page read as `generate` reads a page (front end, then the ordered dialect
/// list), for the construct tests; and the dotted field names of a body type.
///
/// For example: `SnippetPage.read("## GET /x\n")` → the page's extraction and what it reported.
enum SnippetPage {
    static func read(_ text: String, html: Bool = false, text plain: Bool = false, markdownFile: String = "p.md") throws -> (PageExtraction, RecordingCollector) {
        let d = RecordingCollector()
        let doc = html ? HTMLParser().parse(text, file: "p.html", diagnostics: d)
            : plain ? PlainTextParser().parse(text, file: "p.txt", diagnostics: d)
            : MarkdownParser().parse(text, file: markdownFile, diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d), "\(d.diagnostics)")
        return (page, d)
    }

    /// `{a, b: {c}}` → `a`, `b`, `b.c`; an array's items are named as the array.
    static func fieldNames(_ t: TypeRef?, prefix: String = "") -> [String] {
        switch t {
        case .object(let f)?: return f.flatMap { [prefix + $0.name] + fieldNames($0.type, prefix: prefix + $0.name + ".") }
        case .array(let inner)?: return fieldNames(inner, prefix: prefix)
        default: return []
        }
    }
}
