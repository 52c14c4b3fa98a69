import APIModel
import DocTree

/// A JSON body shown in a code block, with what the page says it is.
public struct JSONExample: Sendable {
    public enum Kind: Sendable { case request, response, unknown }
    public var kind: Kind
    /// The status it is shown for (`HTTP/1.1 201 Created`, `> 201 Response`), when said.
    public var status: String?
    public var value: JSONNode
    public var line: Int
    /// The type the block states when it is a JSON Schema (`{"type": "object", "properties": …}`),
    /// not an example: it is the body's type as written.
    public var schema: TypeRef? = nil
    /// The body's media type when it is not JSON (a curl form body: `application/x-www-form-urlencoded`).
    public var mediaType: String? = nil
}

/// Reads JSON request and response examples: a `json` block (or any block whose text is a JSON
/// object or array), a raw HTTP exchange (`HTTP/1.1 201 Created`, headers, blank line, body), a
/// request (`POST /x HTTP/1.1` … body) or a `curl … -d '{…}'`. The caption before the block
/// (`> The above command returns JSON structured like this:`, `> Body parameter`, `> 201 Response`)
/// says whether it is a request or a response, and for which status.
///
/// For example: a caption `Response 201` and a block `{"id": 1}` → a response example for 201
/// with one integer member `id`.
public enum JSONExampleReader {
    /// Every example a block holds: one, or two for a shell command and its output in one block
    /// (`$ curl -d '{…}' https://host/x` then the JSON it printed): the request the command sends
    /// and the response it shows.
    ///
    /// For example: `$ curl https://h/users/1` / `{"id": 1}` → one response example with `id`.
    public static func readAll(_ block: CodeBlock, caption: String, file: String, diagnostics: DiagnosticCollector) -> [JSONExample] {
        if let (command, output, outputLine) = commandAndOutput(block.text) {
            var out: [JSONExample] = []
            if let data = curlData(command), let e = parse(data, kind: .request, status: nil, line: block.line, language: "json",
                                                          file: file, diagnostics: diagnostics) {
                out.append(e)
            }
            let outputBlock = CodeBlock(language: "", text: String(output), line: block.line + outputLine)
            let responseCaption = JSONExampleReader.captionKind(caption) == .request ? "response" : caption + " response"
            if let e = read(outputBlock, caption: responseCaption, file: file, diagnostics: diagnostics) { out.append(e) }
            return out
        }
        return read(block, caption: caption, file: file, diagnostics: diagnostics).map { [$0] } ?? []
    }

    /// A block whose first line is a shell prompt (`$ curl …`, `# curl …`; `ShellPrompt`), or an HTTP
    /// client command without one (`curl "http://h/x" | jq`, a prompt the page's style draws), the
    /// command (with its `\` continuation lines) and the output after it, with the output's line
    /// offset; nil when there is no output (without a prompt: no output that is JSON or an HTTP
    /// status line, which a shell could not run as the next command).
    static func commandAndOutput(_ text: String) -> (command: String, output: Substring, line: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first(where: { !$0.trimming(" ").isEmpty }) else { return nil }
        let prompted = ShellPrompt.command(first) != nil
        guard prompted || ShellPrompt.isClientCommand(first) else { return nil }
        var k = lines.firstIndex(of: first)!
        var command: [Substring] = []
        var inQuote: Character?
        while k < lines.count {
            let line = lines[k]
            command.append(line)
            for c in line where c == "'" || c == "\"" { if inQuote == nil { inQuote = c } else if inQuote == c { inQuote = nil } }
            k += 1
            if inQuote == nil, !line.trimming(" ").hasSuffix("\\") { break }
        }
        let output = lines[k...].joined(separator: "\n")
        // A here-document (`curl -d @- <<EOF`) sends the lines after the command: they are its input.
        guard output.contains(where: { !$0.isWhitespace }), !command.contains(where: { $0.contains("<<") }) else { return nil }
        if !prompted {
            let start = output.drop { $0.isWhitespace }
            guard start.hasPrefix("{") || start.hasPrefix("[") || start.hasPrefix("HTTP/") else { return nil }
        }
        return (command.joined(separator: "\n"), Substring(output), k)
    }

    public static func read(_ block: CodeBlock, caption: String, file: String, diagnostics: DiagnosticCollector) -> JSONExample? {
        let text = block.text
        var kind = captionKind(caption)
        var status = StatusText.status(inCaption: caption)
        // The fence's info string says more than the caption before it (```` ```json 200 Success ````, `title="201"`).
        if let (k, s) = infoCaption(block.info) {
            if k != .unknown { kind = k }
            if let s { status = s; if kind == .unknown { kind = .response } }
        }
        var body = Substring(text)
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map { $0.trimming(" ") } ?? ""
        if firstLine.hasPrefix("HTTP/") {
            kind = .response
            let words = firstLine.split(separator: " ")
            if words.count >= 2, let code = Int(words[1]), (100...599).contains(code) { status = String(code) }
            body = bodyAfterHeaders(body)
        } else if let sig = SignatureReader.read(firstLine), sig.isRequestLine || firstLine.split(separator: " ").count == 2 {
            kind = .request
            body = bodyAfterHeaders(body)
        } else if block.language == "shell" || block.language == "bash" || block.language == "sh" || block.language == "curl" || ShellPrompt.strip(Substring(firstLine)).hasPrefix("curl") {
            guard let data = curlData(text), data.drop(while: \.isWhitespace).first.map({ $0 == "{" || $0 == "[" }) == true else { return curlForm(text).map { JSONExample(kind: .request, status: nil, value: $0, line: block.line, mediaType: isMultipart(text) ? "multipart/form-data" : formMediaType) } }
            kind = .request
            body = data
        }
        return parse(body, kind: kind, status: status, line: block.line, language: block.language, file: file, diagnostics: diagnostics)
    }

    /// The example a body holds, when it is JSON. A body that looks like JSON (a JSON language or
    /// media type, or `{"key":` at its start) but cannot be read gets a warning at its line.
    static func parse(_ body: Substring, kind: JSONExample.Kind, status: String?, line: Int, language: String,
                      file: String, diagnostics: DiagnosticCollector) -> JSONExample? {
        var trimmed = body.drop { $0.isWhitespace }
        var kind = kind, status = status
        // Comment lines before the value (`# /api/strain - Returns a list of all strains.`, `// GET /x`);
        // one naming a status (`# HTTP-Code 201 Created`) says the block is that response.
        while trimmed.hasPrefix("#") || trimmed.hasPrefix("//"), let nl = trimmed.firstIndex(of: "\n") {
            if status == nil, kind != .request, let s = StatusText.statuses(in: String(trimmed[..<nl])).first {
                status = s
                kind = .response
            }
            trimmed = trimmed[trimmed.index(after: nl)...].drop { $0.isWhitespace }
        }
        guard let first = trimmed.first, first == "{" || first == "[" else {
            // A response body that is one JSON scalar (`true`, `"ok"`, `42`) in a block the page marks
            // as a JSON response: an example of that type.
            guard kind == .response, JSONMediaType.isJSON(language) || status != nil,
                  case var p = TolerantJSON(trimmed, allowsBareKeys: true), let (value, end) = try? p.parseValue(),
                  trimmed.dropFirst(end).allSatisfy(\.isWhitespace) else { return nil }
            return JSONExample(kind: kind, status: status, value: value, line: line)
        }
        var parser = TolerantJSON(trimmed, allowsBareKeys: true)
        do {
            let (value, _) = try parser.parseValue()
            if case .array(let items) = value, items.isEmpty, kind == .unknown { return nil }
            return JSONExample(kind: kind, status: status, value: value, line: line, schema: JSONSchemaTypes.documentType(value))
        } catch let failure as TolerantJSON.Failure {
            if JSONMediaType.isJSON(language) || looksLikeJSON(trimmed) {
                let offsetLine = trimmed[..<trimmed.index(trimmed.startIndex, offsetBy: min(failure.offset, trimmed.count))].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                let before = body[..<trimmed.startIndex].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                diagnostics.warning("JSON example could not be read (\(failure.message)); its fields are not used",
                                    at: SourceLocation(file: file, line: line + before + offsetLine, column: 1))
            }
            return nil
        } catch {
            return nil
        }
    }

    /// `{"name":` or `[{"name":` at the start: an object written as JSON, whatever the block's language.
    static func looksLikeJSON(_ text: Substring) -> Bool {
        let head = text.prefix(200).filter { !$0.isWhitespace }
        return head.hasPrefix("{\"") || head.hasPrefix("[{\"")
    }

    /// The text after the first blank line (headers end there), or nothing when there is none.
    static func bodyAfterHeaders(_ text: Substring) -> Substring {
        if let r = text.firstRange(of: "\n\n") { return text[r.upperBound...] }
        if let r = text.firstRange(of: "\n{") { return text[text.index(after: r.lowerBound)...] }
        return ""
    }

    /// The JSON given to `curl` with `-d`, `--data`, `--data-raw` or `--data-binary` (`=` or a blank
    /// before the value); a double-quoted value has its `\"` escapes undone.
    ///
    /// For example: `curl -X POST -d "{\"a\": 1}" https://h/x` → `{"a": 1}`.
    static func curlData(_ text: String) -> Substring? {
        for flag in ["--data-raw", "--data-binary", "--data-ascii", "--data", "-d"] {
            var search = text[...]
            while let r = search.firstRange(of: flag) {
                search = text[r.upperBound...]
                guard r.lowerBound == text.startIndex || text[text.index(before: r.lowerBound)].isWhitespace,
                      let sep = search.first, sep == " " || sep == "=" || sep == "'" || sep == "\"" else { continue }
                var rest = (sep == "'" || sep == "\"" ? search : search.dropFirst()).drop { $0 == " " }
                // `$'…'` (ANSI-C quoting) is single-quoted text with backslash escapes (`\'`, `\\`).
                let ansiC = rest.hasPrefix("$'")
                if ansiC { rest = rest.dropFirst() }
                guard let q = rest.first, q == "'" || q == "\"" else { continue }
                var inner = rest.dropFirst()
                var k = inner.startIndex
                var escaped = false
                while k < inner.endIndex {
                    if inner[k] == "\\", q == "\"" || ansiC { escaped = true; k = inner.index(after: k); if k < inner.endIndex { k = inner.index(after: k) }; continue }
                    if inner[k] == q { break }
                    k = inner.index(after: k)
                }
                guard k < inner.endIndex else { continue }
                inner = inner[..<k]
                if ansiC, escaped { return Substring(inner.replacing("\\'", with: "'").replacing("\\\\", with: "\\")) }
                return escaped ? Substring(inner.replacing("\\\"", with: "\"")) : inner
            }
        }
        return nil
    }

    static let formMediaType = "application/x-www-form-urlencoded"

    /// Whether a curl command sends multipart fields (`-F`, `--form`).
    static func isMultipart(_ text: String) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).contains { ["-F", "--form", "--form-string"].contains($0) }
    }

    /// A form body given to `curl` as `name=value` pairs (`--data "a=1&b=2"`, `-d a=1 -d b=2`,
    /// `--data-urlencode q=x`): an object of its names (string values), when no JSON is sent.
    ///
    /// For example: `curl -X POST https://h/token --data "username=me&grant_type=password"` → `{username, grant_type}`.
    static func curlForm(_ text: String) -> JSONNode? {
        let words = text.replacing("\\\n", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var names: [(String, JSONNode)] = []
        for (k, w) in words.enumerated() {
            var value: Substring
            // `-F 'name=value'` / `--form name=@file`: one multipart field each.
            let multipart = ["-F", "--form", "--form-string"].contains(w)
            if (multipart || ["-d", "--data", "--data-raw", "--data-urlencode", "--data-ascii"].contains(w)), k + 1 < words.count {
                value = words[k + 1]
            } else if let eq = w.firstIndex(of: "="), ["--data", "--data-raw", "--data-urlencode"].contains(String(w[..<eq])) {
                value = w[w.index(after: eq)...]
            } else { continue }
            while let c = value.first, c == "'" || c == "\"" { value = value.dropFirst() }
            while let c = value.last, c == "'" || c == "\"" { value = value.dropLast() }
            guard !value.hasPrefix("{"), !value.hasPrefix("["), !value.hasPrefix("@") else { return nil }
            for pair in multipart ? [value] : value.split(separator: "&") {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<eq])
                guard ParameterTable.isIdentifierLike(name), !names.contains(where: { $0.0 == name }) else { continue }
                names.append((name, .string(String(pair[pair.index(after: eq)...]))))
            }
        }
        return names.isEmpty ? nil : .object(names)
    }

    /// What a fence's info string after the language says: a status as its first word (`200 Success`,
    /// `title="201"`) or named in it (`title="Response 200 OK"`), and request or response.
    ///
    /// For example: `404 Not found` → (response, 404); `title="Request body"` → (request, nil); `{3-5}` → nil.
    static func infoCaption(_ info: String) -> (JSONExample.Kind, String?)? {
        guard !info.isEmpty else { return nil }
        var t = info
        for key in ["title=", "caption="] { t = t.replacing(key, with: " ") }
        t = String(t.map { $0 == "\"" || $0 == "'" ? " " : $0 })
        let words = t.split(separator: " ")
        var status = StatusText.status(inCaption: t)
        if status == nil, let first = words.first, first.count == 3, let code = Int(first), (100...599).contains(code) { status = String(code) }
        let kind = captionKind(t)
        return status == nil && kind == .unknown ? nil : (kind, status)
    }

    /// What a caption says the example is.
    public static func captionKind(_ caption: String) -> JSONExample.Kind {
        let t = caption.lowercased()
        for word in ["response", "returns", "return ", "returned", "result", "output", "reply", "you get", "will get", "receive"] where t.contains(word) { return .response }
        for word in ["request", "body parameter", "payload", "body", "send", "input", "post data", "submit"] where t.contains(word) { return .request }
        return .unknown
    }
}

/// Status codes in prose and captions.
///
/// For example: `> 201 Response`, `Status: 204 No Content`, `returns HTTP 202` each give the status;
/// `limit 100 items` gives none.
public enum StatusText {
    static let phrases = ["ok", "created", "accepted", "no content", "non-authoritative", "reset content", "partial content",
                          "moved", "found", "not modified", "bad request", "unauthorized", "forbidden", "not found",
                          "method not allowed", "conflict", "gone", "unprocessable", "too many", "internal server error",
                          "service unavailable", "response", "status", "success", "error", "not acceptable", "precondition"]
    static let cues = ["status", "http", "code", "response", "returns", "return", "responds", "reply"]

    /// Every status named in the text with a cue word before it or a reason phrase after it.
    public static func statuses(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "`" || $0 == "*" || $0 == "(" || $0 == ")" || $0 == "," || $0 == "." })
        var out: [String] = []
        for (i, w) in words.enumerated() {
            var word = w
            if word.hasSuffix(":") { word = word.dropLast() }
            guard word.count == 3, let code = Int(word), (100...599).contains(code) else { continue }
            let before = i > 0 ? words[i - 1].lowercased().trimming(":") : ""
            let after = words[(i + 1)...].prefix(3).joined(separator: " ").lowercased()
            let cued = cues.contains { before.hasPrefix($0) } || before.hasPrefix("http/")
            let phrased = phrases.contains { after.hasPrefix($0) }
            if cued || phrased, !out.contains(String(code)) { out.append(String(code)) }
        }
        return out
    }

    /// The status a caption names (`> 201 Response`, `Response 201`), if any.
    public static func status(inCaption caption: String) -> String? { statuses(in: caption).first }
}

/// Media types and code-block languages that name JSON: `json`, `json5`, `jsonc`, `application/json`
/// and every `+json` suffix (`application/vnd.api+json`, `application/problem+json`,
/// `application/hal+json`), with or without parameters.
///
/// For example: `application/vnd.github.v3+json; charset=utf-8` → true; `application/xml` → false.
public enum JSONMediaType {
    public static func isJSON(_ text: String) -> Bool {
        let t = text.lowercased().split(separator: ";").first.map { $0.trimming(" ") } ?? ""
        if ["json", "json5", "jsonc", "jsonl", "application/json", "text/json", "javascript-json"].contains(t) { return true }
        return t.hasSuffix("+json") || (t.hasPrefix("application/") && t.hasSuffix("/json"))
    }
}
