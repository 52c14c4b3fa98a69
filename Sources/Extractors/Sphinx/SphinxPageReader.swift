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

    /// The state of the field list being read.
    struct SectionState {
        var kind: SphinxSections.Kind?
        /// An unknown field list: its items are skipped (after one warning).
        var ignoring = false
        /// Whether this list's items are bulleted (text builder); then unbulleted lines continue the last item.
        var bulleted: Bool?
        /// HTML: the field list's definition (`<dd>`) the items are in; a line outside it ends the list.
        var definition: Int?
        /// Text: the header's indentation; once items are seen deeper, a line no deeper ends the list.
        var headerIndent = 0
        /// The first item's list depth (HTML) or indentation (text): deeper items are nested fields.
        var itemLevel: Int?
        /// The name of the last item at the list's own level (the parent of nested items).
        var parent: String?

        init(kind: SphinxSections.Kind? = nil, ignoring: Bool = false, header: SourceLine? = nil) {
            self.kind = kind
            self.ignoring = ignoring
            if let header {
                definition = header.termClasses != nil ? header.termDefinition : nil
                headerIndent = header.indent
            }
        }

        /// Whether `line` is past the end of this field list: outside its HTML definition, or (text
        /// builder) back at or left of the header once the items were indented under it.
        func ends(at line: SourceLine) -> Bool {
            guard kind != nil || ignoring else { return false }
            if let definition { return !line.definitions.contains(definition) }
            if let level = itemLevel, level > headerIndent { return line.indent <= headerIndent }
            return false
        }

        /// What a line of this list is: a new item, a nested item (a field of the last item), or a
        /// continuation of the last item's description.
        enum Role { case item, nested, continuation }
        mutating func role(of line: SourceLine, bulleted: Bool) -> Role {
            if definition != nil {
                // HTML: `<ul>` items; a list of one field is a bare paragraph.
                guard let level = itemLevel else { itemLevel = line.listDepth; return .item }
                if line.startsItem, line.listDepth == level { return .item }
                if line.startsItem, line.listDepth > level { return .nested }
                return .continuation
            }
            guard let level = itemLevel else {
                itemLevel = line.indent
                self.bulleted = bulleted
                return .item
            }
            if level > headerIndent {
                // Text builder: items indented under the header; a single field has no bullet.
                if bulleted, line.indent == level { return .item }
                if bulleted, line.indent > level { return .nested }
                return .continuation
            }
            // A browser copy (no indentation): bulleted lists continue on unbulleted lines.
            if self.bulleted == true, !bulleted { return .continuation }
            return .item
        }
    }

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
                section = SectionState()
                afterTitle = false
                previous = sig
                i = sig.next
                continue
            }
            if l.text.hasSuffix("¶") || l.isHeading {
                title = l.text.trimming("¶").trimming(" ")
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
                    if !drafts.isEmpty { readExamples(text, lineOf: lineOf, kind: h, into: &drafts[drafts.count - 1]) }
                    i = next
                    section = SectionState()
                    continue
                }
                i += 1
                continue
            }
            guard !drafts.isEmpty else { i += 1; continue }
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
                if text.lowercased().hasPrefix("similar to get") { drafts[drafts.count - 1].similarToGet = true }
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

    /// `GET /a/1 HTTP/1.1` starts an example request, `HTTP/1.1 200 OK` an example response.
    static func messageStart(_ text: String) -> SphinxSections.Kind? {
        if text.hasPrefix("HTTP/1.") || text.hasPrefix("HTTP/2"), text.split(separator: " ").dropFirst().first.map({ $0.count == 3 && Int($0) != nil }) == true {
            return .exampleResponse
        }
        let parts = text.split(separator: " ")
        if parts.count >= 3, SphinxSignatures.methods.contains(String(parts[0])), parts[2].hasPrefix("HTTP/") { return .exampleRequest }
        return nil
    }

    /// Whether line `i` is an operation's signature (not an example request that looks like one).
    func isSignature(_ i: Int) -> Bool {
        guard let s = SphinxSignatures.at(lines, i) else { return false }
        return !exampleLines.contains(s.start)
    }

    /// `GET /a/1` (a request line without an HTTP version, as example blocks often write it).
    static func isRequestLine(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        return (2...3).contains(parts.count) && SphinxSignatures.methods.contains(String(parts[0])) && parts[1].hasPrefix("/")
    }

    /// In the one-line form the operation title is the line right before the next signature.
    func looksLikeTitleBeforeSignature(_ i: Int) -> Bool {
        i + 1 < lines.count && isSignature(i + 1)
    }

    /// The lines of an example HTTP message, up to the next section header, signature or title; a
    /// message that starts in a code block ends with it when `stopAtProse` is set.
    func collectMessage(from start: Int, stopAtProse: Bool = false) -> (String, (Int) -> Int, Int) {
        var j = start
        var text = ""
        var starts: [(Int, Int)] = []  // (offset, line)
        let inCode = start < lines.count && lines[start].isCode
        // Text builder: a literal block is indented; the first line back to the left ends it.
        let literalIndent = start < lines.count ? lines[start].indent : 0
        while j < lines.count {
            let t = lines[j].text
            if stopAtProse, inCode, !lines[j].isCode { break }
            if stopAtProse, !inCode, literalIndent > 0, lines[j].indent < literalIndent { break }
            if !lines[j].isCode, SphinxSections.header(t) != nil || isSignature(j) || t.hasSuffix("¶") || lines[j].isHeading { break }
            // A line that is plain prose after a complete message ends it (one-line form: the next op's title).
            // (A code line or a line of the literal block, such as the closing `}` of a body, is no title.)
            let inBlock = lines[j].isCode || literalIndent > 0 && lines[j].indent >= literalIndent
            if !text.isEmpty, !inBlock, looksLikeTitleBeforeSignature(j) { break }
            starts.append((text.count, lines[j].line))
            text += t + "\n"
            j += 1
        }
        let lineOf: (Int) -> Int = { offset in starts.last { $0.0 <= offset }?.1 ?? (starts.first?.1 ?? 0) }
        return (text, lineOf, j)
    }

    /// The messages of one example block: a request and its response may share a block, and a
    /// block may hold several responses; each starts at a request or status line.
    func readExamples(_ text: String, lineOf: (Int) -> Int, kind: SphinxSections.Kind, into d: inout Draft) {
        var pieces: [(kind: SphinxSections.Kind, start: Int)] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let k = Self.messageStart(String(line)) ?? (Self.isRequestLine(line.trimming(" ")) ? .exampleRequest : nil) {
                if pieces.isEmpty, offset > 0 { pieces.append((kind, 0)) }
                pieces.append((k, offset))
            }
            offset += line.count + 1
        }
        if pieces.isEmpty { pieces = [(kind, 0)] }
        for (n, piece) in pieces.enumerated() {
            let end = n + 1 < pieces.count ? pieces[n + 1].start : text.count
            let from = text.index(text.startIndex, offsetBy: piece.start)
            let part = String(text[from..<text.index(text.startIndex, offsetBy: end)])
            var k = piece.kind
            if k == .example { k = Self.exampleRole(part, of: d) }
            readExample(part, lineOf: { lineOf($0 + piece.start) }, kind: k, into: &d)
        }
    }

    /// What an example under a caption that does not say (`Example:`, `Example JSON data:`) shows: a
    /// request when it has a request line or a `curl` command; else a bare body, which is the request of
    /// POST/PUT/PATCH unless only response fields are documented, and the response of other methods.
    ///
    /// For example: `{"email": …}` under `GET /users/(name)/` → `.exampleResponse`.
    static func exampleRole(_ text: String, of d: Draft) -> SphinxSections.Kind {
        let hasRequestLine = text.split(separator: "\n").contains { line in
            let parts = line.split(separator: " ")
            return parts.count >= 2 && SphinxSignatures.methods.contains(String(parts[0]))
                && (parts[1].hasPrefix("/") || parts[1].hasPrefix("http://") || parts[1].hasPrefix("https://"))
        }
        if hasRequestLine || text.contains("curl ") { return .exampleRequest }
        guard ["POST", "PUT", "PATCH"].contains(d.method) else { return .exampleResponse }
        let requestDocumented = !(d.requestFields.isEmpty && d.requestArrayFields.isEmpty && d.formFields.isEmpty)
        let responseDocumented = !(d.responseFields.isEmpty && d.responseArrayFields.isEmpty)
        return responseDocumented && !requestDocumented ? .exampleResponse : .exampleRequest
    }

    /// `PUT /a/b/ HTTP/1.1 Host: x { json }` or `HTTP/1.1 200 OK … { json }`; a request may also be a
    /// `curl` command or any text with the URL.
    func readExample(_ text: String, lineOf: (Int) -> Int, kind: SphinxSections.Kind, into d: inout Draft) {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        let startLine = lineOf(0)
        var jsons: [(JSONNode, Int)] = []
        // The body follows the request line (whose path may hold `{`/`[`).
        var searchFrom = text.startIndex
        if Self.messageStart(firstLine) == .exampleRequest, let http = text.range(of: " HTTP/") { searchFrom = http.upperBound }
        // Candidates: a `{`/`[` that starts a line (a body after headers, a JSON block after a curl or
        // Python snippet), then the first one anywhere (`curl -d '{…}'`); the first that parses is the body.
        var candidates: [String.Index] = []
        var atLineStart = true
        for k in text[searchFrom...].indices {
            let c = text[k]
            if atLineStart, c == "{" || c == "[" { candidates.append(k) }
            if c == "\n" { atLineStart = true } else if c != " " { atLineStart = false }
        }
        if let brace = text[searchFrom...].firstIndex(where: { $0 == "{" || $0 == "[" }), !candidates.contains(brace) { candidates.append(brace) }
        var failure: (TolerantJSON.Failure, Int)?
        for brace in candidates {
            let offset = text.distance(from: text.startIndex, to: brace)
            var parser = TolerantJSON(text[brace...])
            do {
                let (node, end) = try parser.parseValue()
                jsons.append((node, lineOf(offset)))
                let raw = String(text[brace...].prefix(end))
                d.exampleJSON.append((kind == .exampleRequest ? "request" : "response", raw, lineOf(offset)))
                for r in parser.repairs {
                    diagnostics.warning("example JSON: \(r.message)", at: location(lineOf(offset + r.offset)))
                }
                failure = nil
                break
            } catch let f as TolerantJSON.Failure {
                if failure == nil { failure = (f, offset) }
            } catch {}
        }
        if let (f, offset) = failure {
            diagnostics.warning("example JSON could not be read: \(f.message); example ignored", at: location(lineOf(offset + f.offset)))
        }
        if kind == .exampleRequest {
            let parts = firstLine.split(separator: " ")
            var method: String?
            var path: String?
            if parts.count >= 2, SphinxSignatures.methods.contains(String(parts[0])) {
                method = String(parts[0])
                path = Self.requestPath(String(parts[1]))
            } else if let parsed = ExampleRequest.parse(text) {
                method = parsed.method
                path = parsed.path
            }
            // `PATCH /a/1` shown under `DELETE /a/(id)` (a copied example), or examples of other
            // operations after the last directive: not this operation's request.
            // A second request whose path the signature cannot give (`GET /users/` after `GET /users/10`
            // under `GET /users/(int:id)`): an example of an operation without a directive of its own.
            if let path, let existing = d.exampleRequest, existing.path != nil, !ExampleRequest.matches(template: d.path, path: path) {
                diagnostics.note("example request \(method ?? d.method) \(path) does not match \(d.method) \(d.path), which has an example request already; not used",
                                 at: location(startLine))
                d.exampleJSON.removeAll { $0.line >= startLine && $0.kind == "request" }
                return
            }
            if let method, method != d.method, d.method != "ANY" {
                diagnostics.note("example request \(method) \(path ?? "") is not a \(d.method) request; not used for \(d.method) \(d.path)",
                                 at: location(startLine))
                d.exampleJSON.removeAll { $0.line >= startLine && $0.kind == "request" }
                return
            }
            if var existing = d.exampleRequest {
                existing.json += jsons
                d.exampleRequest = existing
            } else {
                d.exampleRequest = (method, path, jsons, startLine)
            }
        } else {
            var status: String?
            let parts = firstLine.split(separator: " ")
            if parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, Int(parts[1]) != nil { status = String(parts[1]) }
            if status != nil || !jsons.isEmpty { d.exampleResponses.append((status, jsons.first?.0, startLine)) }
        }
    }

    /// The path of a request line's target: `/a/1?x=2` → `/a/1`; `https://host/a` → `/a`.
    static func requestPath(_ target: String) -> String {
        var t = Substring(target)
        if t.hasPrefix("http://") || t.hasPrefix("https://") {
            t = t.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }
            if t.isEmpty { t = "/" }
        }
        if let q = t.firstIndex(where: { $0 == "?" || $0 == "#" }) { t = t[..<q] }
        return String(t)
    }

    func authorization(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("authorization right") else { return nil }
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

