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
    public static func read(_ block: CodeBlock, caption: String, file: String, diagnostics: DiagnosticCollector) -> JSONExample? {
        let text = block.text
        var kind = captionKind(caption)
        var status = StatusText.status(inCaption: caption)
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
        } else if block.language == "shell" || block.language == "bash" || block.language == "sh" || block.language == "curl" || firstLine.hasPrefix("curl") {
            guard let data = curlData(text) else { return nil }
            kind = .request
            body = data
        }
        var trimmed = body.drop { $0.isWhitespace }
        // Comment lines before the value (`# /api/strain - Returns a list of all strains.`, `// GET /x`).
        while trimmed.hasPrefix("#") || trimmed.hasPrefix("//"), let nl = trimmed.firstIndex(of: "\n") {
            trimmed = trimmed[trimmed.index(after: nl)...].drop { $0.isWhitespace }
        }
        guard let first = trimmed.first, first == "{" || first == "[" else { return nil }
        var parser = TolerantJSON(trimmed)
        do {
            let (value, _) = try parser.parseValue()
            if case .array(let items) = value, items.isEmpty, kind == .unknown { return nil }
            return JSONExample(kind: kind, status: status, value: value, line: block.line)
        } catch let failure as TolerantJSON.Failure {
            if block.language == "json" {
                diagnostics.warning("JSON example could not be read (\(failure.message)); its fields are not used",
                                    at: SourceLocation(file: file, line: block.line, column: 1))
            }
            return nil
        } catch {
            return nil
        }
    }

    /// The text after the first blank line (headers end there), or nothing when there is none.
    static func bodyAfterHeaders(_ text: Substring) -> Substring {
        if let r = text.firstRange(of: "\n\n") { return text[r.upperBound...] }
        if let r = text.firstRange(of: "\n{") { return text[text.index(after: r.lowerBound)...] }
        return ""
    }

    /// The JSON given to `curl` with `-d`, `--data`, `--data-raw` or `--data-binary`.
    static func curlData(_ text: String) -> Substring? {
        for flag in ["--data-raw ", "--data-binary ", "--data ", "-d "] {
            guard let r = text.firstRange(of: flag) else { continue }
            let rest = text[r.upperBound...].drop { $0 == " " }
            guard let q = rest.first, q == "'" || q == "\"" else { continue }
            let inner = rest.dropFirst()
            guard let close = inner.firstIndex(of: q) else { continue }
            return inner[..<close]
        }
        return nil
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
