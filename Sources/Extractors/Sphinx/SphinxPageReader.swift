import APIModel
import DocTree
import Foundation

/// Reads the operations of one httpdomain page from its lines (see `SphinxHTTPDialect`).
struct SphinxPageReader {
    let file: String
    let lines: [SourceLine]
    let diagnostics: DiagnosticCollector
    /// Lines that look like signatures but are example requests (see `read`).
    var exampleLines: Set<Int> = []

    /// What one operation's lines say, before types are settled.
    struct Draft {
        var method: String
        var path: String
        var rawPath: String
        var line: Int
        /// Declared path-parameter types (`(int: id)` → `id: "int"`).
        var pathTypes: [String: String] = [:]
        var summary = ""
        var description: [String] = []
        var authorization: String?
        var exampleRequest: (method: String?, path: String?, json: [(JSONNode, Int)], line: Int)?
        var exampleResponses: [(status: String?, json: JSONNode?, line: Int)] = []
        /// The examples' JSON text as written (kind `request`/`response`, text, line).
        var exampleJSON: [(kind: String, text: String, line: Int)] = []
        var requestFields: [DocField] = []
        /// `Request JSON Array of Objects`: the body is an array of these.
        var requestArrayFields: [DocField] = []
        /// `Form Parameters`: the body is form-encoded (when no JSON field is documented).
        var formFields: [DocField] = []
        var responseFields: [DocField] = []
        var responseArrayFields: [DocField] = []
        var query: [DocField] = []
        /// The keys of the signature's query string (`?format=GPKG&z=(int:z)`), and the placeholders
        /// inside its values (`resource=(int:id1),(int:id2)`), which `:query id1:` describes but which are no parameters.
        var signatureQuery: [DocField] = []
        var valuePlaceholders: Set<String> = []
        /// `Parameters` (`:param`): URL parameters; those not in the path are query parameters.
        var parameters: [DocField] = []
        var headers: [DocField] = []
        var statuses: [Response] = []
        var errorCodes: [ErrorCode] = []
        var similarToGet = false
        /// `.. http:any:: /`: what every endpoint accepts (formats, common statuses), not an operation.
        var isConventions: Bool { method == "ANY" && path == "/" }
        /// The last status had nothing after its dash: the next prose line is its description.
        var statusAwaitsDescription = false
    }

    /// A field-list entry: `name (type) – (Required) description`.
    struct DocField {
        var name: String
        var type: String
        var required: Bool?
        var description: String
        var line: Int
        /// The text after the name, as written (`(string) – the name`).
        var rest = ""
        /// Whether a `(type)` or a dash followed the name (a field, not a prose bullet).
        var isDescribed = false

        /// `object – If successful, …` (`:>json object:`): the name is a JSON type word and no type follows.
        var namesOnlyAType: Bool { type.isEmpty && ["object", "array", "string", "integer", "int", "number", "boolean", "bool", "list", "dict"].contains(name) }
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    mutating func read() -> [APIModel.Operation] {
        var drafts: [Draft] = []
        /// Index of the first draft of the directive being read (several signatures share one body).
        var groupStart = 0
        var groups: [Range<Int>] = []
        var previous: SphinxSignatures.Signature?
        var title = ""
        var i = 0
        var section = SectionState()
        // After a title that starts no operation (an attribute table, a new topic), prose is not the
        // previous operation's description.
        var afterTitle = false
        // The level of the heading over the operation being read, and whether its scope is still open:
        // a later heading of that level or higher that names another topic (`Collection JSON schema`
        // after `Deleting a collection`) closes it, so the examples under it belong to no operation;
        // a structural one (`Example`, `Response`) continues it.
        var headingLevel = 0
        var operationLevel = 0
        var inScope = true
        func closeGroup() { if groupStart < drafts.count { groups.append(groupStart..<drafts.count) } }
        let signatures = SphinxSignatures.find(lines)
        let literal = SphinxSignatures.literalBlockLines(signatures, lines: lines)
        let examples = SphinxSignatures.examplesOfOthers(signatures).union(literal)
        exampleLines = examples
        while i < lines.count {
            let l = lines[i]
            if let sig = SphinxSignatures.at(lines, i), !examples.contains(sig.start) {
                let shares = previous.map { SphinxSignatures.sharesBody($0, sig, lines: lines) } ?? false
                let template = SphinxSignatures.template(sig.rawPath)
                for odd in template.oddities {
                    diagnostics.warning("path parameter '\(odd)' in \(sig.method) \(sig.rawPath) is not a plain name; read as part of \(template.path)",
                                        at: location(sig.line))
                }
                var d = Draft(method: sig.method, path: template.path, rawPath: sig.rawPath, line: sig.line, pathTypes: template.types)
                let query = SphinxSignatures.queryString(sig.rawPath)
                d.signatureQuery = query.keys.map { DocField(name: $0.name, type: $0.type, required: nil, description: "", line: sig.line) }
                d.valuePlaceholders = query.placeholders
                if shares, let last = drafts.last {
                    d.summary = last.summary
                } else {
                    closeGroup()
                    groupStart = drafts.count
                    // The title: a `…¶` heading line, or (one-line form) the line just before the signature.
                    if !title.isEmpty { d.summary = title } else if i > 0, SphinxSections.header(lines[i - 1].text) == nil, !lines[i - 1].isCode { d.summary = lines[i - 1].text }
                }
                title = ""
                drafts.append(d)
                operationLevel = headingLevel
                inScope = true
                section = SectionState()
                afterTitle = false
                previous = sig
                i = sig.next
                continue
            }
            if l.text.hasSuffix("¶") || l.isHeading {
                title = l.text.trimming("¶").trimming(" ")
                if l.level > 0 {
                    headingLevel = l.level
                    if operationLevel > 0, l.level <= operationLevel, !OperationSections.isStructural(title) { inScope = false }
                }
                section = SectionState()
                afterTitle = true
                i += 1
                continue
            }
            if section.ends(at: l) { section = SectionState() }
            if let h = SphinxSections.header(l.text), !l.isCode {
                section = SectionState(kind: h, header: l)
                if h.isExample {
                    let (text, lineOf, next) = collectMessage(from: i + 1)
                    if !drafts.isEmpty, inScope { readExamples(text, lineOf: lineOf, kind: h, into: &drafts[drafts.count - 1]) }
                    i = next
                    section = SectionState()
                    continue
                }
                i += 1
                continue
            }
            guard !drafts.isEmpty, inScope else { i += 1; continue }
            if let label = SphinxSections.unknownFieldLabel(l, next: i + 1 < lines.count ? lines[i + 1] : nil) {
                diagnostics.warning("field list '\(label)' not understood; its items are skipped (known: \(Self.knownLabels))", at: location(l.line))
                section = SectionState(ignoring: true, header: l)
                i += 1
                continue
            }
            // An HTTP message with no "Example request:" header (`.. sourcecode:: http` on its own).
            if section.kind == nil || section.ignoring || section.kind == .response || l.isCode,
               let kind = Self.messageStart(l.text) ?? (literal.contains(i) || l.isCode && Self.isRequestLine(l.text) ? .exampleRequest : nil)
                   // `**Response**:` over a bare JSON body (no status line).
                   ?? (section.kind == .response && (l.text.hasPrefix("{") || l.text.hasPrefix("[")) ? .exampleResponse : nil) {
                let (text, lineOf, next) = collectMessage(from: i, stopAtProse: true)
                readExamples(text, lineOf: lineOf, kind: kind, into: &drafts[drafts.count - 1])
                i = next
                section = SectionState()
                continue
            }
            let text = l.text
            if text.hasPrefix("¶") {
                drafts[drafts.count - 1].description.append(text.dropFirst().trimming(" "))
            } else if let auth = authorization(text) {
                drafts[drafts.count - 1].authorization = auth
            } else if section.ignoring {
                // Items of a field list already reported.
            } else if let kind = section.kind, kind != .response {
                let cleaned = SphinxText.cleanItem(text)
                var role = section.role(of: l, bulleted: SphinxText.isBulleted(text))
                // A status's own paragraphs: its description (after `400 Bad Request –`) and its
                // sub-error codes (`11: ALREADY_EXISTS, “…”`) are read as the status reader reads them.
                if kind == .statusCodes, role != .item,
                   drafts[drafts.count - 1].statusAwaitsDescription || cleaned.prefix(while: \.isNumber).count > 0 && cleaned.drop(while: \.isNumber).hasPrefix(":") {
                    role = .item
                }
                switch role {
                case .item:
                    section.parent = readItem(kind, SourceLine(text: cleaned, line: l.line, isHeading: false), into: &drafts[drafts.count - 1])
                case .nested:
                    // `* "transfers" (string) - …` under `perms`: the field `perms.transfers`; other nested
                    // bullets (value lists, notes) continue the parent's description.
                    if let parent = section.parent, kind != .statusCodes, kind != .requestHeaders, kind != .responseHeaders,
                       let f = docField(SourceLine(text: cleaned, line: l.line, isHeading: false)), f.isDescribed {
                        _ = readItem(kind, SourceLine(text: parent + "." + f.name + " " + f.rest, line: l.line, isHeading: false), into: &drafts[drafts.count - 1])
                    } else {
                        continueItem(kind, cleaned, in: &drafts[drafts.count - 1])
                    }
                case .continuation:
                    continueItem(kind, cleaned, in: &drafts[drafts.count - 1])
                }
            } else if section.kind == .response {
                if text.lowercased().hasPrefix(SphinxSeedVocabulary.similarToGet) { drafts[drafts.count - 1].similarToGet = true }
            } else if !afterTitle, !looksLikeTitleBeforeSignature(i) {
                drafts[drafts.count - 1].description.append(text)
            }
            i += 1
        }
        closeGroup()
        // Several signatures on one directive: the body read into the last one is every one's.
        for g in groups where g.count > 1 {
            let body = drafts[g.upperBound - 1]
            for k in g.dropLast() {
                var d = body
                d.method = drafts[k].method; d.path = drafts[k].path; d.rawPath = drafts[k].rawPath
                d.line = drafts[k].line; d.pathTypes = drafts[k].pathTypes
                d.signatureQuery = drafts[k].signatureQuery; d.valuePlaceholders = drafts[k].valuePlaceholders
                drafts[k] = d
            }
        }
        for d in drafts where d.isConventions {
            diagnostics.note("ANY / describes what every endpoint accepts; it is not an operation", at: location(d.line))
        }
        return Reconciler(file: file, diagnostics: diagnostics, attributeTables: AttributeTables.read(lines, file: file))
            .operations(from: drafts.filter { !$0.isConventions })
    }

    static let knownLabels = "Parameters, Query Parameters, Request/Response JSON Object, Request/Response JSON Array of Objects, "
        + "JSON Parameters, Form Parameters, Request/Response Headers, Status Codes"

    /// One field-list item of a known section; returns the field's name, if it is one.
    @discardableResult
    func readItem(_ kind: SphinxSections.Kind, _ l: SourceLine, into d: inout Draft) -> String? {
        if kind != .statusCodes, kind != .requestHeaders, kind != .responseHeaders, let f = docField(l), f.namesOnlyAType {
            // `:>json object: If successful, …`: a field with only a type names no key.
            return nil
        }
        switch kind {
        case .requestJSON, .jsonParameters: if let f = docField(l) { d.requestFields.append(f) }
        case .requestJSONArray: if let f = docField(l) { d.requestArrayFields.append(f) }
        case .formParameters: if let f = docField(l) { d.formFields.append(f) }
        case .responseJSON: if let f = docField(l) { d.responseFields.append(f) }
        case .responseJSONArray: if let f = docField(l) { d.responseArrayFields.append(f) }
        case .queryParameters: if let f = docField(l) { d.query.append(f) }
        case .parameters: if let f = docField(l) { d.parameters.append(f) }
        case .requestHeaders: if let f = headerField(l) { d.headers.append(f) }
        case .responseHeaders: break
        case .statusCodes: readStatus(l, into: &d)
        case .response, .exampleRequest, .exampleResponse, .example: break
        }
        return docField(l)?.name
    }

    /// A wrapped line of the last item (text builder): appended to its description.
    func continueItem(_ kind: SphinxSections.Kind, _ text: String, in d: inout Draft) {
        func append(_ fields: inout [DocField]) {
            guard !fields.isEmpty else { return }
            fields[fields.count - 1].description += (fields[fields.count - 1].description.isEmpty ? "" : " ") + text
        }
        switch kind {
        case .requestJSON, .jsonParameters: append(&d.requestFields)
        case .requestJSONArray: append(&d.requestArrayFields)
        case .formParameters: append(&d.formFields)
        case .responseJSON: append(&d.responseFields)
        case .responseJSONArray: append(&d.responseArrayFields)
        case .queryParameters: append(&d.query)
        case .parameters: append(&d.parameters)
        case .requestHeaders: append(&d.headers)
        case .statusCodes:
            if let last = d.statuses.indices.last {
                d.statuses[last].description += (d.statuses[last].description.isEmpty ? "" : " ") + text
            }
        default: break
        }
    }

    func authorization(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix(SphinxSeedVocabulary.authorizationRight) else { return nil }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        var rest = text[text.index(after: colon)...].trimming(" ")
        if rest.hasSuffix(".") { rest.removeLast() }
        return rest
    }

    /// `name (type) – text`; en dash, em dash or hyphen; type optional.
    func docField(_ l: SourceLine) -> DocField? {
        var text = l.text
        if text.hasPrefix("- ") { text.removeFirst(2) }
        // The text builder quotes inline literals: `"transfers" (string)` (HTML: `transfers (string)`).
        if text.hasPrefix("\""), let close = text.dropFirst().firstIndex(of: "\"") {
            text = String(text[text.index(after: text.startIndex)..<close]) + String(text[text.index(after: close)...])
        }
        guard let nameEnd = text.firstIndex(where: { $0 == " " || $0 == "(" }) else { return nil }
        var name = String(text[..<nameEnd])
        func isName(_ s: String) -> Bool {
            !s.isEmpty && s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" || $0 == "[" || $0 == "]" })
        }
        guard isName(name) else { return nil }
        var rest = text[nameEnd...].trimming(" ")[...]
        var type = ""
        // `:form string group_id:` (a field kind httpdomain does not type) renders `string group_id – …`.
        if ["string", "str", "int", "integer", "number", "float", "boolean", "bool"].contains(name),
           let next = rest.split(separator: " ", maxSplits: 1).first, isName(String(next)),
           rest.dropFirst(next.count).trimming(" ").first.map({ "–—-".contains($0) }) == true {
            type = name
            name = String(next)
            rest = rest.dropFirst(next.count).trimming(" ")[...]
        }
        let written = String(rest)
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            type = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        }
        var desc = rest.trimming(" ")
        var dashed = false
        for dash in ["–", "—", "-"] where desc.hasPrefix(dash) { desc = String(desc.dropFirst()).trimming(" "); dashed = true; break }
        var required: Bool?
        for (marker, value) in [("(Required)", true), ("(Always)", true), ("(Optional)", false), ("(Conditional)", false)] where desc.hasPrefix(marker) {
            required = value
            desc = String(desc.dropFirst(marker.count)).trimming(" ")
        }
        return DocField(name: name, type: type, required: required, description: desc, line: l.line, rest: written,
                        isDescribed: !type.isEmpty || dashed)
    }

    func headerField(_ l: SourceLine) -> DocField? {
        var text = l.text
        if text.hasPrefix("- ") { text.removeFirst(2) }
        let name = text.split(whereSeparator: { $0 == " " || $0 == "–" }).first.map(String.init) ?? ""
        guard !name.isEmpty, name.contains("-") || name.first!.isUppercase else { return nil }
        return DocField(name: name, type: "string", required: nil, description: text, line: l.line)
    }

    /// `201 Created – instance created`; `11: ALREADY_EXISTS, “…”` sub-error codes of the last status.
    func readStatus(_ l: SourceLine, into d: inout Draft) {
        var text = l.text
        if text.hasPrefix("- ") { text.removeFirst(2) }
        let parts = text.split(separator: " ", maxSplits: 1)
        if let code = parts.first, code.count == 3, Int(code) != nil {
            var desc = parts.count > 1 ? String(parts[1]) : ""
            d.statusAwaitsDescription = false
            if let dash = desc.firstIndex(where: { $0 == "–" || $0 == "—" }) {
                let after = desc[desc.index(after: dash)...].trimming(" ")
                if after.isEmpty { d.statusAwaitsDescription = true }
                desc = after.isEmpty ? desc[..<dash].trimming(" ") : after
            }
            // Sub-error codes written in the same paragraph: `… sub-error codes: 11: ALREADY_EXISTS, “…”`.
            var codes: [ErrorCode] = []
            while let m = desc.range(of: #"\s(\d+): ([A-Z_]+), “([^”]*)”\.?"#, options: .regularExpression) {
                let piece = String(desc[m]).trimming(" ")
                let colon = piece.firstIndex(of: ":")!
                let number = String(piece[..<colon])
                let rest = piece[piece.index(after: colon)...].trimming(" ")
                let name = String(rest.prefix { $0 != "," })
                let message = rest.drop { $0 != "“" }.dropFirst().prefix { $0 != "”" }
                codes.append(ErrorCode(status: String(code), code: number, name: name, description: String(message)))
                desc.removeSubrange(m)
            }
            d.statuses.append(Response(status: String(code), description: desc.trimming(" "), type: nil, provenance: location(l.line)))
            d.errorCodes += codes
            return
        }
        if d.statusAwaitsDescription, !d.statuses.isEmpty, !(text.firstIndex(of: ":").map { Int(text[..<$0]) != nil } ?? false) {
            d.statuses[d.statuses.count - 1].description = text
            d.statusAwaitsDescription = false
            return
        }
        if let colon = text.firstIndex(of: ":"), Int(text[..<colon]) != nil, let status = d.statuses.last?.status {
            let rest = text[text.index(after: colon)...].trimming(" ")
            let name = rest.split(separator: ",").first.map { String($0).trimming(" ") } ?? rest
            var message = rest.dropFirst(name.count).trimming(" ")
            if message.hasPrefix(",") { message = String(message.dropFirst()).trimming(" ") }
            d.errorCodes.append(ErrorCode(status: status, code: String(text[..<colon]), name: name,
                                          description: message.trimming("“").trimming("”").trimming("\"")))
        }
    }
}

