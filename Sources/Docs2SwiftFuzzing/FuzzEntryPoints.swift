import APIModel
import DocTree
import Extractors
import HTMLFrontEnd
import MarkdownFrontEnd
import Refinement
import TextFrontEnd

/// What the libFuzzer harnesses in `Fuzz/` call: each stage on arbitrary bytes. Nothing here may crash,
/// hang or trip a sanitizer, whatever the bytes are.
public enum FuzzEntryPoints {
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    public static func markdown(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = MarkdownParser().parse(text(bytes), file: "fuzz.md", diagnostics: RecordingCollector())
    }

    public static func html(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = HTMLParser().parse(text(bytes), file: "fuzz.html", diagnostics: RecordingCollector())
    }

    public static func json(_ bytes: UnsafeBufferPointer<UInt8>) {
        var parser = TolerantJSON(Substring(text(bytes)))
        if let (node, _) = try? parser.parseValue() { _ = ExampleTypes.infer([node]) }
    }

    /// A whole page to a model: the first byte picks the front end (Markdown, HTML or text), the rest
    /// is the page, which goes through the dialects and refinement.
    public static func page(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let t = text(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
        let d = RecordingCollector()
        let doc: Document
        switch selector % 3 {
        case 0: doc = MarkdownParser().parse(t, file: "f.md", diagnostics: d)
        case 1: doc = HTMLParser().parse(t, file: "f.html", diagnostics: d)
        default: doc = PlainTextParser().parse(t, file: "f.txt", diagnostics: d)
        }
        let pages = [DialectRegistry().extract(doc, diagnostics: d)].compactMap { $0 }
        _ = Assembler().assemble(pages, diagnostics: d)
    }
}
