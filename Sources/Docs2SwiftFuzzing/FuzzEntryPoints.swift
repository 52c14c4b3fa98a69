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

    /// A whole page to a model, through every front end and dialect.
    public static func page(_ bytes: UnsafeBufferPointer<UInt8>) {
        let t = text(bytes)
        let d = RecordingCollector()
        let docs = [MarkdownParser().parse(t, file: "f.md", diagnostics: d), HTMLParser().parse(t, file: "f.html", diagnostics: d),
                    PlainTextParser().parse(t, file: "f.txt", diagnostics: d)]
        let pages = docs.compactMap { DialectRegistry().extract($0, diagnostics: d) }
        _ = Assembler().assemble(pages, diagnostics: d)
    }
}
