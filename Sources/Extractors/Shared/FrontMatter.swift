import DocTree

/// YAML front matter (`---` … `---`) as cmark sees it: a thematic break on line 1, then
/// paragraphs, lists and a setext heading of `key: value` lines up to the closing `---`. The page
/// items do not include it, except what it says about an operation: a key whose value is a
/// signature (Mintlify `api: "POST https://host/v1/x"`, `openapi: "openapi.json GET /x"`) gives the
/// signature, under the front matter's `title` as a level-1 heading.
///
/// For example: `---` / `title: Create user` / `api: POST /users` / `---` → a heading `Create user` and
/// the signature `POST /users`.
enum FrontMatter {
    static func split(_ blocks: [Block]) -> (rest: ArraySlice<Block>, items: [PageItem]) {
        guard case .thematicBreak(let line)? = blocks.first, line == 1 else { return (blocks[...], []) }
        var i = 1
        var lines: [(String, Int)] = []
        func take(_ text: InlineText, _ line: Int) {
            var offset = 0
            var current = ""
            for span in text.spans {
                switch span {
                case .text(let t):
                    for (k, part) in t.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        if k > 0 { lines.append((current, line + offset)); current = ""; offset += 1 }
                        current += part
                    }
                case .code(let c): current += c
                case .link(let t, _): current += t
                }
            }
            lines.append((current, line + offset))
        }
        while i < blocks.count {
            switch blocks[i] {
            case .thematicBreak: return (blocks[(i + 1)...], items(lines))
            case .heading(let h):
                if h.text.plain.contains(": ") || h.text.plain.hasSuffix(":") { take(h.text, h.line); return (blocks[(i + 1)...], items(lines)) }
                return (blocks[i...], [])
            case .paragraph(let p): take(p.text, p.line)
            default: break
            }
            i += 1
        }
        return (blocks[...], [])
    }

    /// Keys whose value may be a signature.
    static let signatureKeys: Set<String> = ["api", "openapi", "endpoint", "signature", "request", "route"]

    static func items(_ lines: [(String, Int)]) -> [PageItem] {
        var title: (String, Int)?
        var signature: (String, Int)?
        for (text, line) in lines {
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimming(" ").lowercased()
            var value = text[text.index(after: colon)...].trimming(" ")
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
            if key == "title", !value.isEmpty { title = (value, line) }
            if signatureKeys.contains(key), signature == nil {
                if SignatureReader.read(value) != nil { signature = (value, line) } else if let s = ComponentEvidence.signatureIn(value) { signature = (s, line) }
            }
        }
        guard let signature else { return [] }
        var out: [PageItem] = []
        if let title { out.append(PageItem(kind: .heading(level: 1, text: InlineText(stringLiteral: title.0)), line: title.1)) }
        out.append(PageItem(kind: .text(InlineText([.code(signature.0)]), inList: false), line: signature.1))
        return out
    }
}
