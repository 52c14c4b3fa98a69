import APIModel
import DocTree

/// Reads the items of one `OperationSection` into an `Operation`: parameter tables and lists placed
/// by their captions (or their `In` column), JSON examples as request and response bodies, the
/// documented statuses (the lowest documented 2xx is the success status; `200` only when no 2xx
/// is documented), and path parameters from the template.
///
/// For example: `POST /pets` with a `Body parameter` example `{"name": "x"}` and a `201 Response`
/// caption gives a request body with `name` and the single success response `201`.
public struct OperationBuilder {
    public var file: String
    public var diagnostics: DiagnosticCollector

    public init(file: String, diagnostics: DiagnosticCollector) {
        self.file = file
        self.diagnostics = diagnostics
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    /// What the section's items say, before it becomes an operation (the name readers written
    /// before `OperationEvidence` use).
    public typealias Gathered = OperationEvidence

    public func build(_ section: OperationSection, items: [PageItem], resource: String) -> Operation {
        assemble(gather(section, items: items), signature: section.signature, summary: section.summary, line: section.line, resource: resource)
    }

    /// The operation what a section (or a dialect's own reader) gathered describes.
    public func assemble(_ g: Gathered, signature sig: Signature, summary: String, line: Int, resource: String) -> Operation {
        let loc = location(line)
        var op = Operation(id: "", resource: resource, method: sig.method, path: sig.path, summary: summary,
                           description: g.description, provenance: loc)
        let placed = place(g, signature: sig, line: line)
        let sig = placed.signature
        op.path = sig.path
        op.parameters = placed.parameters
        let requestNames = placed.requestNames, responseNames = placed.responseNames
        // Request body: documented fields, then any example members they do not list.
        let requestExamples = Self.requestExamples(g.examples, method: sig.method, path: sig.path)
        var requestType = FieldTree.merge(documented: requestNames, examples: requestExamples, file: file, diagnostics: diagnostics)
        var g = g
        if requestType == nil, let k = Self.unplacedRequest(g.examples, method: sig.method) {
            requestType = FieldTree.merge(documented: [], examples: [g.examples[k]], file: file)
            g.examples.remove(at: k)
        }
        if let requestType {
            op.requestBody = RequestBody(contentType: requestExamples.first?.mediaType ?? "application/json", required: true, type: requestType,
                                         provenance: requestExamples.first.map { location($0.line) } ?? loc)
        }
        op.responses = responses(g, responseNames: responseNames, hasRequestBody: op.requestBody != nil, loc: loc)
        op.id = Self.operationID(op)
        return op
    }

    /// The examples that show the request body: those shown as the request, but none of a GET or
    /// HEAD (their request has no body: JSON after the request line is a response printed with it,
    /// or another operation's). A JSON-RPC call shown beside the HTTP request (`{"jsonrpc": "2.0",
    /// "method": …}`) is the same call over another transport: the body only when it is the one
    /// request a POST shows. So is one whose RPC method names the operation's path
    /// (`server.webcams.test` beside `POST /server/webcams/test?uid=…`), even when it is the only request shown.
    public static func requestExamples(_ examples: [JSONExample], method: String, path: String) -> [JSONExample] {
        guard !bodilessMethods.contains(method) else { return [] }
        var shown = examples.filter { $0.kind == .request }
        if shown.count > 1 || method != "POST" { shown.removeAll(where: isJSONRPCCall) }
        shown.removeAll { JSONRPCEnvelope.mirrors($0.value, path: path) }
        return shown
    }

    /// `{"jsonrpc": "2.0", "method": "x", …}`: a JSON-RPC 2.0 request.
    static func isJSONRPCCall(_ e: JSONExample) -> Bool {
        guard case .object(let members) = e.value else { return false }
        return members.contains { $0.0 == "jsonrpc" } && members.contains { $0.0 == "method" }
    }

    /// The example no caption places that is the request body: for a method with a body, the first
    /// of two or more, or one shown before an example the page marks as a response (`Response:`,
    /// `# HTTP-Code 201`) — also for DELETE, which some APIs give a body.
    ///
    /// For example: `POST /tags` / `{"name": "x"}` / `Response:` / `{"id": 1}` → the first block.
    static func unplacedRequest(_ examples: [JSONExample], method: String) -> Int? {
        let unplaced = examples.indices.filter { examples[$0].kind == .unknown && examples[$0].status == nil }
        guard let first = unplaced.first else { return nil }
        if ["POST", "PUT", "PATCH"].contains(method), unplaced.count >= 2 { return first }
        guard ["POST", "PUT", "PATCH", "DELETE"].contains(method) else { return nil }
        let response = examples.indices.first { examples[$0].kind == .response || examples[$0].status != nil }
        return response.map { first < $0 } == true ? first : nil
    }

    func parameter(_ n: DocumentedName, _ location: Parameter.Location) -> Parameter {
        Parameter(name: n.name, location: location, type: n.type == .any ? .string : n.type, required: n.required ?? false,
                  description: n.description, enumValues: n.enumValues, provenance: self.location(n.line))
    }

    func responses(_ g: Gathered, responseNames: [DocumentedName], hasRequestBody: Bool, loc: SourceLocation) -> [Response] {
        let documented = g.statuses.map { Response(status: $0, description: "", type: nil, provenance: loc) }
        let (slots, success) = Self.responseSlots(documented: documented, examples: g.examples, hasRequestBody: hasRequestBody, provenance: loc)
        return slots.indices.map { i in
            let status = slots[i].response.status, examples = slots[i].examples
            if ExampleTypes.mixesObjectAndArray(examples.filter { $0.schema == nil }.map(\.value)), let line = examples.first?.line {
                diagnostics.warning("the examples of response \(status) disagree: one shows an object, another an array of them; read as an array of the merged objects",
                                    at: location(line))
            }
            var type: TypeRef?
            if status != "204" {
                type = FieldTree.merge(documented: i == success ? responseNames : [], examples: examples, file: file, diagnostics: diagnostics)
            }
            return Response(status: status, description: "", contentType: type == nil ? nil : "application/json", type: type, provenance: loc)
        }
    }

    /// The place of a JSON-path field row no caption places: the body whose example has the field.
    static let bodyByExamples = "body-by-examples"

    /// Where a JSON-path field belongs: the request when the request example has its first key, else
    /// the response when a response example has it, else the request for a method with a body.
    static func bodyPlace(_ name: String, _ g: Gathered, method: String) -> SectionContext {
        let key = String(name.split(separator: ".").first ?? "").replacing("[]", with: "")
        func has(_ e: JSONExample) -> Bool {
            switch e.value {
            case .object(let m): return m.contains { $0.0 == key }
            case .array(let items): if case .object(let m)? = items.first { return m.contains { $0.0 == key } } else { return false }
            default: return false
            }
        }
        if g.examples.contains(where: { $0.kind == .request && has($0) }) { return .requestFields }
        if g.examples.contains(where: { $0.kind != .request && has($0) }) { return .responseFields }
        return bodyMethods.contains(method) ? .requestFields : .responseFields
    }

    /// Whether a row's type holds objects (`object`, `[object]`, an array of objects).
    static func holdsObjects(_ type: TypeRef) -> Bool {
        switch type {
        case .object, .map: return true
        case .array(let inner): return holdsObjects(inner)
        case .any: return false
        default: return false
        }
    }

    /// `URL Parameters`, `URI parameters`: rows that are in the path or, when the path does not hold
    /// them, the query string (Slate pages list `api_key` and `page` there).
    ///
    /// For example: `URL Parameters` → true; `Path Parameters` → false.
    static func namesURLParameters(_ caption: String) -> Bool {
        let t = caption.lowercased()
        return SlateVocabulary.urlParameterCaptions.contains { t.contains($0) }
    }

    /// `title : Required. String. The title` — a Markdown rendering of a definition list item.
    func isDefinitionShaped(_ text: String) -> Bool {
        guard let r = text.firstRange(of: " : ") else { return false }
        let name = text[..<r.lowerBound]
        return !name.contains(" ") && ParameterTable.isIdentifierLike(String(name))
    }

    func gather(_ section: OperationSection, items: [PageItem]) -> Gathered {
        var g = Gathered()
        var heading = ""
        var caption = ""
        var lastTable: (index: Int, context: SectionContext, names: [DocumentedName])?
        // The last `Request` / `Response 200` caption: the message whose parts (`Headers`, `Body`,
        // `Schema` sub-headings) follow.
        var message = ""
        var pendingName: (DocumentedName, SectionContext)?
        var proseFields: [DocumentedName] = []
        for index in Array(section.scope) + Array(section.preamble) {
            let item = items[index]
            if Self.bodyMethods.contains(section.signature.method), case .text(let text, _) = item.kind {
                proseFields += ProseParameters.fields(text, line: item.line)
            }
            let namesBefore = g.names.count
            defer {
                // Fields under an error response's caption (`HTTP status code 400` / `Body` / its properties) are that answer's, not the success body's.
                if let status = StatusText.status(inCaption: message), !status.hasPrefix("2"), g.names.count > namesBefore {
                    g.names.removeSubrange(namesBefore...)
                }
            }
            switch item.kind {
            case .heading(_, let text):
                heading = text.plain
                caption = ""
                if let status = MessagePart.status(ofHeading: heading) {
                    // `HTTP status code 400`, `#### Status code 200`: the response whose parts follow.
                    message = "Response " + status
                    heading = message
                } else if !MessagePart.isPartHeading(heading) { message = "" } else if !message.isEmpty { heading = message + " " + heading }
                // `##### 201: Created`, `Response 204`.
                if let first = heading.split(separator: " ").first.map({ $0.trimming(":") }), Int(first) != nil || JSONExampleReader.captionKind(heading) == .response {
                    g.statuses += StatusText.statuses(in: heading).filter { !g.statuses.contains($0) }
                }
            case .text(let text, let inList):
                // raml2html's `Type: object` / `Items: ServiceLink` above a body's properties describe the body.
                if RAML2HTMLVocabulary.isSchemaLabel(text.plain) { continue }
                if index == section.item {
                    // A signature sentence that introduces the block below (`use the endpoint `/x/` which accepts a json payload of the format:`).
                    if text.plain.trimming(" ").hasSuffix(":") { caption = text.plain }
                    continue
                }
                if let pending = pendingName {
                    // The paragraph after a name on its own line describes it.
                    pendingName = nil
                    var n = pending.0
                    n.description = text.plain
                    if n.required == nil { n.required = ParameterTable.requiredFromProse(text.plain) }
                    g.names.append((n, pending.1))
                    continue
                }
                if let n = ParameterList.assignment(text, line: item.line) ?? (inList ? nil : ParameterList.typed(text, line: item.line)),
                   let context = SectionContext.of(caption) ?? SectionContext.of(heading), context != .ignored, context != .statuses {
                    g.names.append((n, context))
                    continue
                }
                if !inList, let n = ParameterList.standalone(text, line: item.line),
                   let context = SectionContext.of(caption) ?? SectionContext.of(heading), context != .ignored, context != .statuses,
                   index + 1 < items.count, case .text(_, false) = items[index + 1].kind {
                    pendingName = (n, context)
                    continue
                }
                if inList || isDefinitionShaped(text.plain), !LabelledEndpoint.isTemplateLine(text), var n = ParameterList.read(text, line: item.line, bare: true) {
                    // A list under a caption that names parameters or fields, or items that start with a code span.
                    let startsWithCode = text.codeSpans.first.map { text.plain.hasPrefix($0) } ?? false
                    let context = SectionContext.of(caption) ?? SectionContext.of(heading) ?? (startsWithCode ? .parameters : nil)
                    if let context, context != .ignored, context != .statuses {
                        if n.location == nil, Self.namesURLParameters(caption.isEmpty ? heading : caption) { n.location = "url" }
                        // An entry of a list nested in a field's item is that field's member.
                        if let parent = item.parent, g.names.contains(where: { $0.0.name == parent }) { n.name = parent + "." + n.name }
                        g.names.append((n, context))
                        continue
                    }
                }
                // Items under a caption that sets them aside (values, errors): the caption stays for the next item.
                if inList, !caption.isEmpty, SectionContext.of(caption) == .ignored {
                    g.statuses += StatusText.statuses(in: text.plain).filter { !g.statuses.contains($0) }
                    continue
                }
                var plain = text.plain
                // A line naming a message (`Request body:`, `Response 200:`, `Status code 400:`) starts a new caption.
                if plain.hasSuffix(":"), !inList, let status = MessagePart.status(ofHeading: plain) { plain = "Response " + status; message = plain; caption = "" }
                if MessagePart.isMessageCaption(plain) { message = plain; caption = "" }
                g.statuses += StatusText.statuses(in: plain).filter { !g.statuses.contains($0) }
                if g.description.isEmpty, !inList, SignatureReader.find(in: text) == nil, !plain.hasSuffix(":"),
                   plain.split(separator: " ").count >= 3, JSONExampleReader.captionKind(plain) == .unknown || plain.count > 80 {
                    g.description = plain
                }
                caption = caption.isEmpty ? plain : caption + " " + plain
            case .code(let code):
                let examples = JSONExampleReader.readAll(code, caption: caption.isEmpty ? heading : caption + " " + heading, file: file, diagnostics: diagnostics)
                    .filter { !(JSONRPCEnvelope.isRequest($0.value) && !Self.bodyMethods.contains(section.signature.method)) }
                if !examples.isEmpty {
                    g.examples += examples
                } else if code.text.hasPrefix("HTTP/"), let s = StatusText.statuses(in: String(code.text.prefix(40))).first, !g.statuses.contains(s) {
                    g.statuses.append(s)
                }
                caption = ""
            case .field(let n, let given):
                // A component's parameter or field: where the component says, else the caption's place.
                let context = given ?? SectionContext.of(caption) ?? SectionContext.of(heading) ?? .parameters
                if context != .ignored, context != .statuses { g.names.append((n, context)) }
            case .table(let table):
                defer { caption = "" }
                if let statuses = StatusTable.statuses(table) {
                    g.statuses += statuses.filter { !g.statuses.contains($0) }
                    continue
                }
                guard ParameterTable.isParameterTable(table) else { continue }
                // A table right after a field table, without a caption of its own, continues it; when the
                // first table has one object or array row, the second lists that row's fields (Moonraker's
                // `webcams | [object]` table, then the Webcam Entry table).
                let previous = lastTable.flatMap { $0.index == index - 1 && caption.isEmpty ? $0 : nil }
                let context = previous?.context ?? SectionContext.of(caption) ?? SectionContext.of(heading) ?? ParameterTable.headerContext(table) ?? .parameters
                guard context != .ignored, context != .statuses else { continue }
                var prefix = ""
                if let previous, previous.names.count == 1, Self.holdsObjects(previous.names[0].type) { prefix = previous.names[0].name + "." }
                let rows = ParameterTable.read(table)
                lastTable = (index, context, rows)
                let urlCaption = Self.namesURLParameters(caption.isEmpty ? heading : caption)
                // JSON paths are body fields whatever the heading says (`Query availability`), unless it names the body.
                let jsonPaths = ParameterTable.namesByJSONPath(table) && context != .requestFields && context != .responseFields
                for var n in rows {
                    n.name = prefix + n.name
                    if urlCaption, n.location == nil { n.location = "url" }
                    if jsonPaths, n.location == nil { n.location = Self.bodyByExamples }
                    g.names.append((n, context))
                }
            }
        }
        // Body fields only the prose names (`POST a multipart form … where the form field `document``),
        // after any table or list that documents them.
        for n in proseFields where !g.names.contains(where: { $0.0.name == n.name }) { g.names.append((n, .requestFields)) }
        return g
    }
}

/// A request or response shown in parts under sub-headings (Aglio: `Response 200` then `Headers`,
/// `Body`, `Schema`): the parts belong to the message the caption before them names.
///
/// For example: `Response 201` / `##### Body` / a JSON block → a response example for 201.
enum MessagePart {
    static let partWords: Set<String> = ["headers", "header", "body", "schema", "example", "examples", "attributes", "payload"]

    /// The status a heading names when it is only that status (`HTTP status code 200`, `Status code 400:`,
    /// `Status Code 200 (OK)`, `HTTP 404`): cue words, the code, at most a reason phrase.
    ///
    /// For example: `HTTP status code 400` → `400`; `Status codes` → nil; `Returns 200 items` → nil.
    static func status(ofHeading heading: String) -> String? {
        let words = heading.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "\u{a0}" })
        guard let at = words.firstIndex(where: { $0.count == 3 && Int($0).map { (100...599).contains($0) } == true }), at > 0,
              words[..<at].allSatisfy({ ["http", "status", "code", "response"].contains(String($0)) }),
              words.count - at <= 4 else { return nil }
        return String(words[at])
    }

    /// `Body`, `Headers`, `Schema`: a heading naming one part of a message.
    static func isPartHeading(_ heading: String) -> Bool {
        let words = heading.lowercased().split(whereSeparator: { !$0.isLetter })
        return !words.isEmpty && words.count <= 2 && words.allSatisfy { partWords.contains(String($0)) }
    }

    /// `Request`, `Response 200`, `Response 201 (application/json)`: a short caption naming a message.
    static func isMessageCaption(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "(" || $0 == ")" || $0 == "\u{a0}" })
        guard let first = words.first, first == "request" || first == "response", words.count <= 4 else { return false }
        return words.dropFirst().allSatisfy { Int($0) != nil || $0.contains("/") || $0 == "body" || $0 == "example" }
    }
}

/// Tables of statuses: a first column headed Status / Code / HTTP Code whose cells are 3-digit codes.
///
/// For example: `|Status|Meaning|Description|` with rows `201`, `400` → `["201", "400"]`.
public enum StatusTable {
    public static func statuses(_ table: Table) -> [String]? {
        guard let header = table.header.first.map(ParameterTable.normalisedHeader),
              ["status", "code", "status code", "http code", "http status", "response code", "http status code", "statuscode"].contains(header)
        else { return nil }
        var out: [String] = []
        for row in table.rows {
            guard let cell = row.first?.plain, let code = Int(cell.prefix(3)), (100...599).contains(code) else { continue }
            if !out.contains(String(code)) { out.append(String(code)) }
        }
        return out.isEmpty ? nil : out
    }
}
