import APIModel
import DocTree

/// Reads the component markup of a page (MDX/JSX components, HTML written in Markdown) as the page
/// is walked, keeping which components are open across blocks: a field component's text is its
/// description, a field inside another field's component (`<Expandable>` in a `<ResponseField>`,
/// a docusaurus `<SchemaItem>` in another) is dotted below it, a component naming a response or a
/// request (`schemaType="response"`, `ResponseField`) places the fields inside it.
///
/// For example: `<ResponseField name="data" type="object">` … `<ResponseField name="id">` … gives the
/// response fields `data` and `data.id`.
final class ComponentReader {
    struct Open {
        var tag: ComponentTag
        /// The index in the page's items of the field this component documents.
        var field: Int?
        /// A field whose name is in the first `<strong>` inside it (docusaurus collapsible `SchemaItem`).
        var awaitsName = false
        /// A component whose fields are not fields (`property name*`: a map's values).
        var skipped = false
    }
    var stack: [Open] = []
    /// A code component being read (`<ContextCodeBlock language="json" title="Response">{`…`}</…>`):
    /// its language, caption and the text so far.
    var code: (tag: String, language: String, title: String, text: String, line: Int)?
    var headingLevel: Int?
    var headingText = ""
    var inNameStrong = false

    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "area", "base", "col", "wbr", "source", "embed"]

    /// Whether text holds component markup this reader acts on: a capitalised component tag, or a tag
    /// with attributes that carry an operation (`method`, `path`, `name` with `type`).
    static func hasComponents(_ text: some StringProtocol) -> Bool {
        // A PascalCase tag name (`<ParamField`, `</Expandable`); `<ID>` and `<USER_ID>` are placeholders.
        let bytes = Array(text.utf8)
        var i = 0
        while i + 2 < bytes.count {
            var k = i + 1
            if bytes[i] == UInt8(ascii: "<") {
                if bytes[k] == UInt8(ascii: "/") { k += 1 }
                if k < bytes.count, bytes[k] >= 0x41, bytes[k] <= 0x5A {
                    var e = k + 1
                    while e < bytes.count, ComponentMarkup.isNameByte(bytes[e]) { e += 1 }
                    if bytes[(k + 1)..<e].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return true }
                }
            }
            i += 1
        }
        // An element with the attributes (`<api-endpoint method="get" path="/x">`), not template tags
        // that use the same words (GitBook's `{% api-method method="get" path="/x" %}`).
        guard text.contains("method="), text.contains("<") else { return false }
        return ComponentMarkup.tags(in: text).contains { !$0.isEnd && $0.attribute("method") != nil && ComponentEvidence.signatureText($0) != nil }
    }

    /// Text inside an open field component: appended to that field's description.
    func absorb(_ text: String, into out: inout [PageItem]) -> Bool {
        guard let open = stack.last, let i = open.field, case .field(var n, let c) = out[i].kind else { return false }
        let t = InlineText.foldWhitespace(text)
        guard !t.isEmpty else { return true }
        n.description = n.description.isEmpty ? t : n.description + " " + t
        out[i].kind = .field(n, c)
        return true
    }

    /// Reads one run of markup (a raw HTML block, a paragraph of JSX, an indented block of components).
    func read(_ text: String, line: Int, into out: inout [PageItem]) {
        for token in ComponentMarkup.tokens(in: text) {
            let at = line + token.line
            switch token.kind {
            case .text(let t):
                if code != nil { code!.text += t; continue }
                let folded = InlineText.foldWhitespace(t)
                guard !folded.isEmpty else { continue }
                if headingLevel != nil { headingText += t; continue }
                if inNameStrong, let k = stack.lastIndex(where: { $0.awaitsName }) {
                    nameAwaited(k, folded, line: at, into: &out)
                    continue
                }
                if absorb(folded, into: &out) { continue }
                if stack.contains(where: { $0.skipped }) { continue }
                out.append(PageItem(kind: .text(InlineText(stringLiteral: folded), inList: false), line: at))
            case .tag(let tag):
                if tag.isEnd { close(tag, into: &out) } else { open(tag, line: at, into: &out) }
            }
        }
    }

    func nameAwaited(_ k: Int, _ name: String, line: Int, into out: inout [PageItem]) {
        stack[k].awaitsName = false
        inNameStrong = false
        guard !stack[k].skipped, !stack[..<k].contains(where: { $0.skipped }) else { return }
        guard ParameterTable.isIdentifierLike(name) else { stack[k].skipped = true; return }
        let n = DocumentedName(name: dotted(name, below: k), type: .object([]), required: nil, location: nil, description: "", line: line)
        out.append(PageItem(kind: .field(n, context(below: k)), line: line))
        stack[k].field = out.count - 1
        parentNames[out.count - 1] = n.name
    }

    func open(_ tag: ComponentTag, line: Int, into out: inout [PageItem]) {
        let lower = tag.name.lowercased()
        if let level = Int(lower.dropFirst()), lower.count == 2, lower.hasPrefix("h"), (1...6).contains(level) {
            headingLevel = level
            headingText = ""
            return
        }
        var open = Open(tag: tag)
        if lower.contains("code"), let language = tag.attribute("language") ?? tag.attribute("lang") {
            let title = tag.attribute("title") ?? ""
            if let text = tag.attribute("code"), !text.isEmpty {
                // `<CodeBlock language="json" title="Response" code={`…`} />`.
                if !title.isEmpty { out.append(PageItem(kind: .text(InlineText(stringLiteral: title), inList: false), line: line)) }
                out.append(PageItem(kind: .code(CodeBlock(language: language.lowercased(), text: text + "\n", line: line)), line: line))
            } else if !tag.isSelfClosing {
                code = (tag.name, language.lowercased(), title, "", line)
                stack.append(open)
            }
            return
        }
        if let sig = ComponentEvidence.signatureText(tag) {
            out.append(PageItem(kind: .text(InlineText([.code(sig)]), inList: false), line: line))
        } else if let (n, c) = ComponentEvidence.field(tag, line: line) {
            if !stack.contains(where: { $0.skipped }) {
                var n = n
                n.name = dotted(n.name, below: stack.count)
                out.append(PageItem(kind: .field(n, c ?? context(below: stack.count)), line: line))
                open.field = out.count - 1
                parentNames[out.count - 1] = n.name
            }
        } else if !ComponentEvidence.parameterList(tag, line: line).isEmpty {
            for n in ComponentEvidence.parameterList(tag, line: line) { out.append(PageItem(kind: .field(n, nil), line: line)) }
        } else if let body = tag.attribute("body"), body.hasPrefix("{"), let schema = OpenAPIProps.requestSchema(body) {
            // docusaurus-plugin-openapi-docs v3 `RequestSchema body={{…}}` / `StatusCodes responses={{…}}`.
            out.append(PageItem(kind: .text(InlineText(stringLiteral: "Request body:"), inList: false), line: line))
            out.append(PageItem(kind: .code(CodeBlock(language: "json", text: schema + "\n", line: line)), line: line))
        } else if let responses = tag.attribute("responses"), responses.hasPrefix("{"), case let statuses = OpenAPIProps.responses(responses), !statuses.isEmpty {
            // Statuses with a schema first: a caption without its block would run into the next one's.
            let ordered: [(status: String, schema: String?)] = statuses.filter { $0.schema != nil } + statuses.filter { $0.schema == nil }
            for (status, schema) in ordered {
                out.append(PageItem(kind: .text(InlineText(stringLiteral: "Response \(status):"), inList: false), line: line))
                if let schema { out.append(PageItem(kind: .code(CodeBlock(language: "json", text: schema + "\n", line: line)), line: line)) }
            }
        } else if lower == "schemaitem" {
            open.awaitsName = true
        } else if lower == "strong", stack.last?.awaitsName == true || stack.contains(where: { $0.awaitsName }),
                  (tag.attribute("className") ?? tag.attribute("class") ?? "").contains("property") {
            inNameStrong = true
        } else if lower == "tabitem", let label = tag.attribute("label") ?? tag.attribute("value"), label.count == 3, Int(label) != nil {
            out.append(PageItem(kind: .text(InlineText(stringLiteral: "Response \(label):"), inList: false), line: line))
        } else if let example = tag.attribute("responseExample") {
            out.append(PageItem(kind: .text(InlineText(stringLiteral: "Response example:"), inList: false), line: line))
            out.append(PageItem(kind: .code(CodeBlock(language: tag.attribute("language") ?? "json", text: example + "\n", line: line)), line: line))
        } else if lower.hasSuffix("example"), lower.contains("response") || lower.contains("request") {
            // Mintlify `<ResponseExample>` / `<RequestExample>`: a caption for the code blocks inside.
            out.append(PageItem(kind: .text(InlineText(stringLiteral: lower.contains("response") ? "Response example:" : "Request example:"), inList: false), line: line))
        }
        if !tag.isSelfClosing, !Self.voidElements.contains(lower) { stack.append(open) }
    }

    func close(_ tag: ComponentTag, into out: inout [PageItem]) {
        let lower = tag.name.lowercased()
        if let level = headingLevel, lower == "h\(level)" {
            let text = InlineText.foldWhitespace(headingText)
            if !text.isEmpty { out.append(PageItem(kind: .heading(level: level, text: InlineText(stringLiteral: text)), line: out.last?.line ?? 1)) }
            headingLevel = nil
            return
        }
        if let c = code, c.tag == tag.name {
            // The code is a JSX template literal (`{`…`}`) or plain text.
            var text = c.text.trimming(" ").trimming("\n")
            if text.hasPrefix("{`"), text.hasSuffix("`}") { text = String(text.dropFirst(2).dropLast(2)).replacing("\\\\", with: "\\") }
            if !c.title.isEmpty { out.append(PageItem(kind: .text(InlineText(stringLiteral: c.title), inList: false), line: c.line)) }
            out.append(PageItem(kind: .code(CodeBlock(language: c.language, text: text + "\n", line: c.line)), line: c.line))
            code = nil
        }
        if lower == "strong" { inNameStrong = false }
        if let k = stack.lastIndex(where: { $0.tag.name == tag.name }) { stack.removeSubrange(k...) }
    }

    /// A field's name below the nearest enclosing field (`data` → `data.id`).
    func dotted(_ name: String, below depth: Int) -> String {
        guard let parent = stack[..<min(depth, stack.count)].last(where: { $0.field != nil }), let i = parent.field,
              let parentName = parentNames[i] else { return name }
        return parentName + "." + name
    }

    /// The names of the fields by item index (kept for dotting).
    var parentNames: [Int: String] = [:]

    /// Where the fields inside the open components go, when a component says.
    func context(below depth: Int) -> SectionContext? {
        for open in stack[..<min(depth, stack.count)].reversed() {
            let name = open.tag.name.lowercased()
            let schemaType = (open.tag.attribute("schemaType") ?? "").lowercased()
            if schemaType == "response" || ComponentEvidence.namesResponse(open.tag.name) { return .responseFields }
            if schemaType == "request" || name.contains("request") { return .requestFields }
        }
        return nil
    }
}
