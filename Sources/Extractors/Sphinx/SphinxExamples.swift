import APIModel
import DocTree

/// Example HTTP messages of an httpdomain operation: where a message starts and ends in each
/// rendering, which operation it belongs to, and its JSON body (see `SphinxHTTPDialect`).
///
/// For example: `**Example request**:` over `POST /a/ HTTP/1.1`, headers and `{"name": "x"}` gives the
/// draft an example request `POST /a/` with one JSON body.
extension SphinxPageReader {
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
        guard OperationBuilder.bodyMethods.contains(d.method) else { return .exampleResponse }
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
}
