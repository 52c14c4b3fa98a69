import APIModel
import DocTree

/// Reads one operation section of a MkDocs reference page: description paragraphs, the tabs
/// (code examples with SDK names, parameters, request body, responses).
///
/// For example: the "Partial Update" section gives the `uuid` path parameter, the
/// `PatchedCallAssignmentConfigurationRequest` body and a `200` response.
struct OperationSectionReader {
    let file: String
    let diagnostics: DiagnosticCollector

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    func read(_ section: MkDocsReferenceDialect.Section, into op: inout Operation) {
        op.summary = section.heading.text.plain
        op.provenance = location(section.heading.line)
        var description: [String] = []
        var modelName: String?
        for block in section.blocks {
            switch block {
            case .paragraph(let p): description.append(p.text.plain)
            case .tabs(let set):
                for tab in set.tabs { readTab(tab, into: &op, modelName: &modelName) }
            case .list(let l):
                description.append(l.items.map { "- " + plainText($0) }.joined(separator: "\n"))
            default: break
            }
        }
        op.description = description.joined(separator: "\n\n")
        if let modelName, op.requestBody != nil { op.requestBody?.documentedName = modelName }
    }

    func plainText(_ blocks: [Block]) -> String {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p.text.plain } else { return nil } }.joined(separator: " ")
    }

    func readTab(_ tab: TabSet.Tab, into op: inout Operation, modelName: inout String?) {
        let label = tab.label.lowercased()
        let v = WaldurMkDocsVocabulary.self
        switch label {
        case _ where v.exampleRequestTabs.contains(label):
            for case .code(let code) in tab.blocks {
                op.examples.append(Example(kind: "request", language: code.language.isEmpty ? "bash" : code.language,
                                           text: code.text, provenance: location(code.line)))
            }
        case v.sdkTab:
            let names = sdkNames(tab.blocks)
            if let f = names.function { op.id = f }
            if let m = bodyModel(names.models, code: tab.blocks) { modelName = m }
        case _ where label.containsText(v.pathParametersTab):
            readParameters(tab.blocks, location: .path, into: &op)
        case _ where label.containsText(v.queryParametersTab):
            readParameters(tab.blocks, location: .query, into: &op)
        case _ where label.containsText(v.headerTab):
            readParameters(tab.blocks, location: .header, into: &op)
        case _ where label.hasPrefix(v.requestBodyTab):
            readRequestBody(tab, required: label.containsText(v.requiredMark), into: &op)
        case _ where label.hasPrefix(v.responsesTab):
            readResponses(tab.blocks, into: &op)
        default:
            break
        }
    }

    /// `1. **Model Source:** [\`XRequest\`](…)` and `2. **API Source:** [\`x_create\`](…)`:
    /// the SDK's function name and the model names, in order.
    func sdkNames(_ blocks: [Block]) -> (function: String?, models: [String]) {
        var function: String?
        var models: [String] = []
        for case .list(let list) in blocks {
            for item in list.items {
                for case .paragraph(let p) in item {
                    let text = p.text.plain
                    guard let value = p.text.links.first?.text ?? p.text.codeSpans.first, !value.isEmpty else { continue }
                    if text.hasPrefix(WaldurMkDocsVocabulary.apiSource) { function = function ?? value }
                    if text.hasPrefix(WaldurMkDocsVocabulary.modelSource) { models.append(value) }
                }
            }
        }
        return (function, models)
    }

    /// The body's model among the example's models: the one the code builds (`body_data = X(`,
    /// `body=X(`), else the first that is not a parameter's enum (`…Enum`), else the first.
    func bodyModel(_ models: [String], code blocks: [Block]) -> String? {
        let code = blocks.compactMap { if case .code(let c) = $0 { return c.text } else { return nil } }.joined(separator: "\n")
        return models.first { m in WaldurMkDocsVocabulary.bodyModelConstructions.contains { code.containsText($0 + m + "(") } }
            ?? models.first { !$0.hasSuffix(WaldurMkDocsVocabulary.enumModelSuffix) } ?? models.first
    }

    func readParameters(_ blocks: [Block], location kind: Parameter.Location, into op: inout Operation) {
        for case .table(let table) in blocks {
            let nameCol = table.column("Name") ?? table.column("Field") ?? 0
            let typeCol = table.column("Type") ?? 1
            let requiredCol = table.column("Required")
            let descCol = table.column("Description")
            for (i, row) in table.rows.enumerated() {
                let loc = location(table.rowLines[i])
                let name = FieldTable.cellName(row[nameCol])
                // `Authorization`, `Accept`, `Content-Type`: the builder's rule (`OperationBuilder.transportHeaders`).
                guard !name.isEmpty, kind != .header || !OperationBuilder.transportHeaders.contains(name.lowercased()) else { continue }
                let typeText = typeCol < row.count ? row[typeCol].plain : ""
                var (type, known) = TypeString.parse(typeText)
                if !known {
                    diagnostics.warning("unknown type '\(typeText)' for parameter '\(name)'; using string", at: loc)
                    type = .string
                }
                let required = kind == .path || (requiredCol.map { FieldTable.isTick(row[$0]) } ?? false)
                let (description, enumValues) = descCol.map { DescriptionText.split(row[$0]) } ?? ("", nil)
                if op.parameters.contains(where: { $0.name == name && $0.location == kind }) {
                    diagnostics.warning("\(kind.rawValue) parameter '\(name)' is documented twice; keeping the first", at: loc)
                    continue
                }
                op.parameters.append(Parameter(name: name, location: kind, type: type, required: required,
                                               description: description, enumValues: enumValues, provenance: loc))
            }
        }
    }

    func readRequestBody(_ tab: TabSet.Tab, required: Bool, into op: inout Operation) {
        var fields: [Field] = []
        var sawTable = false
        for case .table(let table) in tab.blocks {
            fields += FieldTable.fields(from: table, file: file, diagnostics: diagnostics)
            sawTable = true
        }
        let contentType = fields.contains(where: { isBinary($0.type) }) ? "multipart/form-data" : "application/json"
        op.requestBody = RequestBody(contentType: contentType, required: required, type: sawTable ? .object(fields) : .map(.any),
                                     provenance: location(tab.line))
    }

    func isBinary(_ type: TypeRef) -> Bool {
        if case .primitive(.string, "binary") = type { return true }
        if case .array(let inner) = type { return isBinary(inner) }
        return false
    }

    /// `**\`200\`** - description`, then an optional "array of objects" sentence and a field table,
    /// or "No response body"; responses are separated by `---`.
    func readResponses(_ blocks: [Block], into op: inout Operation) {
        var current: Response?
        var isArray = false
        var fields: [Field]?
        func finish() {
            guard var r = current else { return }
            if let fields {
                r.type = isArray ? .array(.object(fields)) : .object(fields)
                r.contentType = "application/json"
            } else if r.isSuccess, r.description.isEmpty, !isArray {
                // `**200** -` with neither a table nor "No response body": a body whose shape the page
                // does not show.
                r.type = .any
                r.contentType = "application/json"
            }
            op.responses.append(r)
            current = nil; isArray = false; fields = nil
        }
        for block in blocks {
            switch block {
            case .paragraph(let p):
                if let (status, text) = statusLine(p.text) {
                    finish()
                    current = Response(status: status, description: text, type: nil, provenance: location(p.line))
                    if text.lowercased().hasPrefix(WaldurMkDocsVocabulary.noResponseBody) { current!.description = "No response body" }
                } else if p.text.plain.lowercased().containsText(WaldurMkDocsVocabulary.responseIsArray) {
                    isArray = true
                } else if current != nil {
                    let extra = p.text.plain
                    current!.description = current!.description.isEmpty ? extra : current!.description + " " + extra
                }
            case .table(let table):
                guard current != nil else {
                    diagnostics.warning("response table before any status code", at: location(table.line))
                    continue
                }
                fields = (fields ?? []) + FieldTable.fields(from: table, file: file, diagnostics: diagnostics)
            default:
                break
            }
        }
        finish()
    }

    /// `200 - OK` (the status code usually in a code span inside strong emphasis).
    func statusLine(_ text: InlineText) -> (String, String)? {
        let plain = text.plain
        var status = ""
        for ch in plain {
            if ch.isNumber || ch == "X" || ch == "x" { status.append(ch) } else { break }
        }
        guard status.count == 3, status.first!.isNumber else { return nil }
        var rest = plain.dropFirst(3).drop(while: { $0 == " " })
        guard rest.isEmpty || rest.first == "-" || rest.first == "–" || rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " })
        return (status.uppercased(), String(rest))
    }
}

