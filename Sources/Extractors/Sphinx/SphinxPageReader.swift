import APIModel
import DocTree
import Foundation

/// Reads the operations of one httpdomain page from its lines (see `SphinxHTTPDialect`).
struct SphinxPageReader {
    let file: String
    let lines: [SourceLine]
    let diagnostics: DiagnosticCollector

    /// What one operation's lines say, before types are settled.
    struct Draft {
        var method: String
        var path: String
        var rawPath: String
        var line: Int
        var summary = ""
        var description: [String] = []
        var authorization: String?
        var exampleRequest: (path: String?, json: [(JSONNode, Int)], line: Int)?
        var exampleResponses: [(status: String?, json: JSONNode?, line: Int)] = []
        /// The examples' JSON text as written (kind `request`/`response`, text, line).
        var exampleJSON: [(kind: String, text: String, line: Int)] = []
        var requestFields: [DocField] = []
        var responseFields: [DocField] = []
        var query: [DocField] = []
        var headers: [DocField] = []
        var statuses: [Response] = []
        var errorCodes: [ErrorCode] = []
        var similarToGet = false
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
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    mutating func read() -> [APIModel.Operation] {
        var drafts: [Draft] = []
        var title = ""
        var i = 0
        var section: SphinxSections.Kind?
        // After a title that starts no operation (an attribute table, a new topic), prose is not the
        // previous operation's description.
        var afterTitle = false
        while i < lines.count {
            let l = lines[i]
            if let sig = SphinxSignatures.at(lines, i) {
                var d = Draft(method: sig.method, path: SphinxSignatures.template(sig.rawPath), rawPath: sig.rawPath, line: sig.line)
                // The title: a `…¶` heading line, or (one-line form) the line just before the signature.
                if !title.isEmpty { d.summary = title } else if i > 0, SphinxSections.header(lines[i - 1].text) == nil { d.summary = lines[i - 1].text }
                title = ""
                drafts.append(d)
                section = nil
                afterTitle = false
                i = sig.next
                continue
            }
            if l.text.hasSuffix("¶") || l.isHeading {
                title = l.text.trimming("¶").trimming(" ")
                section = nil
                afterTitle = true
                i += 1
                continue
            }
            if let h = SphinxSections.header(l.text) {
                section = h
                if h == .exampleRequest || h == .exampleResponse {
                    let (text, lineOf, next) = collectMessage(from: i + 1)
                    if !drafts.isEmpty { readExample(text, lineOf: lineOf, kind: h, into: &drafts[drafts.count - 1]) }
                    i = next
                    section = nil
                    continue
                }
                i += 1
                continue
            }
            guard !drafts.isEmpty else { i += 1; continue }
            let text = l.text
            if text.hasPrefix("¶") {
                drafts[drafts.count - 1].description.append(text.dropFirst().trimming(" "))
            } else if let auth = authorization(text) {
                drafts[drafts.count - 1].authorization = auth
            } else {
                switch section {
                case .requestJSON?: if let f = docField(l) { drafts[drafts.count - 1].requestFields.append(f) }
                case .responseJSON?: if let f = docField(l) { drafts[drafts.count - 1].responseFields.append(f) }
                case .queryParameters?, .parameters?: if let f = docField(l) { drafts[drafts.count - 1].query.append(f) }
                case .requestHeaders?: if let f = headerField(l) { drafts[drafts.count - 1].headers.append(f) }
                case .statusCodes?: readStatus(l, into: &drafts[drafts.count - 1])
                case .response?:
                    if text.lowercased().hasPrefix("similar to get") { drafts[drafts.count - 1].similarToGet = true }
                default:
                    if section == nil, !afterTitle, !looksLikeTitleBeforeSignature(i) {
                        drafts[drafts.count - 1].description.append(text)
                    }
                }
            }
            i += 1
        }
        return Reconciler(file: file, diagnostics: diagnostics, attributeTables: AttributeTables.read(lines, file: file))
            .operations(from: drafts)
    }

    /// In the one-line form the operation title is the line right before the next signature.
    func looksLikeTitleBeforeSignature(_ i: Int) -> Bool {
        i + 1 < lines.count && SphinxSignatures.at(lines, i + 1) != nil
    }

    /// The lines of an example HTTP message, up to the next section header, signature or title.
    func collectMessage(from start: Int) -> (String, (Int) -> Int, Int) {
        var j = start
        var text = ""
        var starts: [(Int, Int)] = []  // (offset, line)
        while j < lines.count {
            let t = lines[j].text
            if SphinxSections.header(t) != nil || SphinxSignatures.at(lines, j) != nil || t.hasSuffix("¶") || lines[j].isHeading { break }
            // A line that is plain prose after a complete message ends it (one-line form: the next op's title).
            if !text.isEmpty, looksLikeTitleBeforeSignature(j) { break }
            starts.append((text.count, lines[j].line))
            text += t + "\n"
            j += 1
        }
        let lineOf: (Int) -> Int = { offset in starts.last { $0.0 <= offset }?.1 ?? (starts.first?.1 ?? 0) }
        return (text, lineOf, j)
    }

    /// `PUT /a/b/ HTTP/1.1 Host: x { json }` or `HTTP/1.1 200 OK … { json }`.
    func readExample(_ text: String, lineOf: (Int) -> Int, kind: SphinxSections.Kind, into d: inout Draft) {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        let startLine = lineOf(0)
        var jsons: [(JSONNode, Int)] = []
        if let brace = text.firstIndex(where: { $0 == "{" || $0 == "[" }) {
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
            } catch let f as TolerantJSON.Failure {
                diagnostics.warning("example JSON could not be read: \(f.message); example ignored", at: location(lineOf(offset + f.offset)))
            } catch {}
        }
        if kind == .exampleRequest {
            let parts = firstLine.split(separator: " ")
            let path = parts.count >= 2 && HTTPMethod.isValid(String(parts[0])) ? String(parts[1]) : nil
            d.exampleRequest = (path, jsons, startLine)
        } else {
            var status: String?
            let parts = firstLine.split(separator: " ")
            if parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, Int(parts[1]) != nil { status = String(parts[1]) }
            if status != nil || !jsons.isEmpty { d.exampleResponses.append((status, jsons.first?.0, startLine)) }
        }
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
        guard let nameEnd = text.firstIndex(where: { $0 == " " || $0 == "(" }) else { return nil }
        let name = String(text[..<nameEnd])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" || $0 == "[" || $0 == "]" }) else { return nil }
        var rest = text[nameEnd...].trimming(" ")[...]
        var type = ""
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            type = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        }
        var desc = rest.trimming(" ")
        for dash in ["–", "—", "-"] where desc.hasPrefix(dash) { desc = String(desc.dropFirst()).trimming(" "); break }
        var required: Bool?
        for (marker, value) in [("(Required)", true), ("(Always)", true), ("(Optional)", false), ("(Conditional)", false)] where desc.hasPrefix(marker) {
            required = value
            desc = String(desc.dropFirst(marker.count)).trimming(" ")
        }
        return DocField(name: name, type: type, required: required, description: desc, line: l.line)
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

