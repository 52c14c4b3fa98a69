import APIModel
import DocTree

/// One request, response or resource model of a blueprint: `+ Request Name (content-type)`,
/// `+ Response 201 (application/json)`, `+ Model (application/json)`, with `+ Headers`, `+ Body`,
/// `+ Schema` and `+ Attributes (Type)` sections, an abbreviated body (the code block right in the
/// item), or a `[Note][]` reference to a resource's model. The body type comes from the
/// attributes, else the JSON Schema, else the JSON body; when two of them disagree on the fields
/// that is a warning naming both lines.
///
/// For example: `+ Response 200 (application/json)` with `+ Attributes (Note)` → status `200`,
/// type of the `Note` data structure, documented name `Note`.
struct BlueprintPayload {
    var keyword: String
    /// The request's name, or the response's status code.
    var identifier: String
    var contentType: String?
    var description: String
    var type: TypeRef?
    var documentedName: String?
    var line: Int
    /// A `[Name][]` reference to a resource model, resolved by the caller.
    var modelReference: String?
    var hasAttributes = false

    /// `Response 200 (application/json)` → (`response`, `200`, `application/json`).
    static func signature(_ text: String) -> (keyword: String, identifier: String, contentType: String?)? {
        var head = text.trimming(" ")
        var contentType: String?
        if head.hasSuffix(")"), let open = MSONLine.matchingOpen(Substring(head)) {
            contentType = String(head[head.index(after: open)..<head.index(before: head.endIndex)]).trimming(" ")
            head = String(head[..<open]).trimming(" ")
        }
        for keyword in ["Request", "Response", "Model"] where head == keyword || head.hasPrefix(keyword + " ") {
            let rest = String(head.dropFirst(keyword.count)).trimming(" ")
            return (keyword.lowercased(), rest, contentType)
        }
        // Lower-case keywords (`+ response 200 (application/json)`, which drafter accepts) only with
        // a status, a content type or nothing after them, so prose items starting with the word stay prose.
        let lowerHead = head.lowercased()
        for keyword in ["request", "response", "model"] where lowerHead == keyword || lowerHead.hasPrefix(keyword + " ") {
            let rest = String(head.dropFirst(keyword.count)).trimming(" ")
            let status = rest.split(separator: " ").first.map { $0.allSatisfy(\.isNumber) } ?? true
            guard contentType != nil || rest.isEmpty || (keyword == "response" && status) else { return nil }
            return (keyword, rest, contentType)
        }
        return nil
    }

    struct Context {
        let file: String
        let diagnostics: DiagnosticCollector
        let types: MSONTypes
    }

    static func read(_ item: [Block], keyword: String, identifier: String, contentType: String?, line: Int,
                     context: Context) -> BlueprintPayload {
        var payload = BlueprintPayload(keyword: keyword, identifier: identifier, contentType: contentType, description: "",
                                       type: nil, documentedName: nil, line: line)
        var attributes: (TypeRef, Int, String?)?
        var schema: (TypeRef, Int)?
        var body: (TypeRef, Int)?
        var prose: [String] = []
        if case .paragraph(let p)? = item.first {
            let rest = p.text.firstLineAndRest.1
            if let name = reference(rest) { payload.modelReference = name } else if !rest.isEmpty { prose.append(rest) }
        }
        func readBody(_ code: CodeBlock) {
            if let t = jsonType(code, contentType: payload.contentType, context: context) { body = (t, code.line) }
        }
        for block in item.dropFirst() {
            switch block {
            case .code(let code): readBody(code)
            case .paragraph(let p):
                let text = p.text.plain
                if let name = reference(text) {
                    payload.modelReference = name
                } else if body == nil, let code = jsonParagraph(p, contentType: payload.contentType) {
                    readBody(code)
                } else {
                    prose.append(text)
                }
            case .list(let list):
                for sub in list.items {
                    guard let (text, subLine) = MSONTypes.firstLine(sub) else { continue }
                    let lower = text.lowercased()
                    let code = sub.dropFirst().compactMap { b -> CodeBlock? in if case .code(let c) = b { return c }; return nil }.first
                    if lower == "body" {
                        if let code {
                            readBody(code)
                        } else if let code = sub.dropFirst().lazy.compactMap({ b -> CodeBlock? in
                            if case .paragraph(let p) = b { return jsonParagraph(p, contentType: payload.contentType) }
                            return nil
                        }).first {
                            readBody(code)
                        }
                    } else if lower == "schema" {
                        if let code, let t = schemaType(code, context: context) { schema = (t, code.line) }
                    } else if lower == "headers" {
                        if let code, payload.contentType == nil { payload.contentType = headerContentType(code.text) }
                    } else if BlueprintOperations.isAttributes(text) {
                        let m = MSONLine.parse(text, named: true)
                        let (t, _) = context.types.resolveAttributes(spec: m.type, items: MSONTypes.children(sub), line: subLine)
                        let spec = m.type.map(MSONTypeSpec.init)
                        let named = spec.flatMap { context.types.named[$0.base] != nil ? $0.base : nil }
                        attributes = (t, subLine, named)
                    } else if let name = reference(text) {
                        payload.modelReference = name
                    }
                }
            default: continue
            }
        }
        payload.description = prose.joined(separator: "\n\n")
        if let (t, attributesLine, named) = attributes {
            payload.type = t
            payload.documentedName = named
            payload.hasAttributes = true
            if let (b, bodyLine) = body { compare(t, attributesLine, "attributes", b, bodyLine, context: context) }
        } else if let (t, schemaLine) = schema {
            payload.type = t
            if let (b, bodyLine) = body { compare(t, schemaLine, "schema", b, bodyLine, context: context) }
        } else if let (b, _) = body {
            payload.type = b
        }
        return payload
    }

    /// `[Note][]` or `[Note]` alone: a reference to the model of the resource named Note.
    static func reference(_ text: String) -> String? {
        var t = text.trimming(" ")
        if t.hasSuffix("[]") { t = String(t.dropLast(2)) }
        guard t.hasPrefix("["), t.hasSuffix("]"), t.count > 2 else { return nil }
        let name = String(t.dropFirst().dropLast())
        return name.contains("[") || name.contains("]") ? nil : name
    }

    /// A JSON body indented too little to be a code block (`+ Body`, blank line, `{` four spaces in):
    /// Markdown reads it as a paragraph. It counts as the body when the payload may be JSON and the
    /// paragraph's text is well-formed JSON.
    ///
    /// For example: `+ Body` over a paragraph `{ "username": "ann" }` → a body with field `username`.
    static func jsonParagraph(_ p: Paragraph, contentType: String?) -> CodeBlock? {
        let text = p.text.plain
        guard let first = text.first, first == "{" || first == "[" else { return nil }
        if let ct = contentType, !ct.lowercased().containsText("json"), !mayBeJSON(ct) { return nil }
        var reader = TolerantJSON(Substring(text))
        guard (try? reader.parseValue()) != nil, reader.repairs.isEmpty else { return nil }
        return CodeBlock(language: "json", text: text, line: p.line)
    }

    static func headerContentType(_ text: String) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimming(" ").lowercased() == "content-type" { return parts[1].trimming(" ") }
        }
        return nil
    }

    static func isJSON(_ contentType: String?, _ text: String) -> Bool {
        if let ct = contentType?.lowercased(), ct.containsText("json") { return true }
        let first = text.first { !$0.isWhitespace }
        return contentType == nil && (first == "{" || first == "[")
    }

    /// The type of a JSON body example; a repair or a failure is a warning at its line.
    static func jsonType(_ code: CodeBlock, contentType: String?, context: Context) -> TypeRef? {
        if isJSON(contentType, code.text) {
            guard let node = parse(code, what: "body", context: context) else { return nil }
            return ExampleTypes.infer([node])
        }
        // A content type that names no other format (`application/jsoh`, `application/vnd.acme`) over a
        // body that is well-formed JSON: typed from it, with a warning.
        guard let ct = contentType, mayBeJSON(ct), let first = code.text.first(where: { !$0.isWhitespace }), first == "{" || first == "[" else {
            return nil
        }
        var reader = TolerantJSON(Substring(code.text))
        guard let (node, _) = try? reader.parseValue(), reader.repairs.isEmpty else { return nil }
        context.diagnostics.warning("content type '\(ct)' is not JSON but the body is; its type is read from the body",
                                    at: SourceLocation(file: context.file, line: code.line, column: 1))
        return ExampleTypes.infer([node])
    }

    /// A content type that names no format other than JSON: not text, XML, HTML, forms, CSV, YAML or binary.
    static func mayBeJSON(_ contentType: String) -> Bool {
        let ct = contentType.lowercased()
        return ct.hasPrefix("application/") && !["xml", "html", "form", "csv", "yaml", "octet", "pdf", "zip", "protobuf", "msgpack"].contains { ct.containsText($0) }
    }

    static func schemaType(_ code: CodeBlock, context: Context) -> TypeRef? {
        guard let node = parse(code, what: "schema", context: context) else { return nil }
        return JSONSchemaTypes(node).type()
    }

    static func parse(_ code: CodeBlock, what: String, context: Context) -> JSONNode? {
        var reader = TolerantJSON(Substring(code.text))
        do {
            let (node, _) = try reader.parseValue()
            for r in reader.repairs {
                context.diagnostics.warning("\(what): \(r.message)", at: location(code, offset: r.offset, file: context.file))
            }
            return node
        } catch let failure as TolerantJSON.Failure {
            context.diagnostics.warning("\(what) is not JSON: \(failure.message); its type is not read",
                                        at: location(code, offset: failure.offset, file: context.file))
        } catch {}
        return nil
    }

    static func location(_ code: CodeBlock, offset: Int, file: String) -> SourceLocation {
        let newlines = code.text.prefix(offset).filter { $0 == "\n" }.count
        return SourceLocation(file: file, line: code.line + newlines, column: 1)
    }

    /// Warns when two descriptions of one payload name different top-level fields.
    static func compare(_ a: TypeRef, _ aLine: Int, _ aName: String, _ b: TypeRef, _ bLine: Int, context: Context) {
        let (x, y) = (Set(topFields(a)), Set(topFields(b)))
        guard !x.isEmpty, !y.isEmpty, x != y else { return }
        let onlyA = topFields(a).filter { !y.contains($0) }
        let onlyB = topFields(b).filter { !x.contains($0) }
        var parts: [String] = []
        if !onlyA.isEmpty { parts.append("only the \(aName) list \(onlyA.joined(separator: ", "))") }
        if !onlyB.isEmpty { parts.append("only the body example has \(onlyB.joined(separator: ", "))") }
        context.diagnostics.warning("the \(aName) (line \(aLine)) and the body example (line \(bLine)) disagree: "
                                    + parts.joined(separator: "; ") + "; using the \(aName)",
                                    at: SourceLocation(file: context.file, line: aLine, column: 1))
    }

    static func topFields(_ t: TypeRef) -> [String] {
        switch t {
        case .object(let f): return f.map(\.name)
        case .array(let i): return topFields(i)
        default: return []
        }
    }
}
