import DocTree

/// A method-less path that a sentence calls an endpoint, on a page whose other operations have
/// signatures: "Full text searching is available on the `/api/documents/` endpoint", "use the
/// endpoint `/api/documents/bulk_edit/` which accepts a json payload", "querying the tasks endpoint
/// with … e.g. `/api/tasks/?task_id={uuid}`". The sentence gives the method: a payload or body to
/// send → POST; querying, searching, filtering, listing, retrieving → GET; neither → no operation.
/// The names of its query string, and of the list items below that show the path with a query string
/// (`` `/api/documents/?text=…`: Search title and content ``), are query parameters.
///
/// For example: "Full text searching is available on the `/api/search/` endpoint." → `GET /api/search/`.
enum ProseEndpoint {
    static let sendWords = ["payload", "request body", "post body", "json body", "form data"]
    static let readWords = ["query", "querying", "search", "searching", "filter", "filtering", "list", "listing",
                            "retrieve", "retrieving", "fetch", "fetching"]

    static func find(_ items: [PageItem], at index: Int) -> [Signature] {
        guard case .text(let text, false) = items[index].kind else { return [] }
        let plain = text.plain
        var out: [Signature] = []
        for sentence in sentences(plain) {
            let lower = sentence.lowercased()
            let words = lower.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
            guard words.contains(where: { $0 == "endpoint" || $0 == "endpoint:" }) else { continue }
            let method: String
            if sendWords.contains(where: { lower.contains($0) }) { method = "POST" }
            else if words.contains(where: { w in readWords.contains(w.trimmingCharacters(".:")) }) { method = "GET" }
            else { continue }
            for code in text.codeSpans where code.hasPrefix("/") && !code.contains(" ") && sentence.contains(code) {
                // The code span next to the word `endpoint`, or an example URL with its query string.
                let beside = lower.contains("endpoint `") || lower.contains("endpoint: ") || lower.contains("\(code.lowercased()) endpoint")
                    || lower.contains("endpoint \(code.lowercased())") || lower.contains("endpoint: \(code.lowercased())")
                guard beside || code.contains("?") else { continue }
                let target = code.split(separator: "?", maxSplits: 1)
                guard var sig = SignatureReader.signature(method: method, target: target[0]),
                      !out.contains(where: { $0.path == sig.path }) else { continue }
                if target.count == 2 { sig.queryNames = queryNames(target[1]) }
                for name in listedQueryNames(items, after: index, path: String(target[0])) where !sig.queryNames.contains(name) {
                    sig.queryNames.append(name)
                }
                out.append(sig)
            }
        }
        return out
    }

    /// Sentences cut at `. `, not after `e.g.` or `i.e.`; line breaks are spaces.
    static func sentences(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var current = ""
        for piece in text.replacing("\n", with: " ").split(separator: ". ", omittingEmptySubsequences: false) {
            current += current.isEmpty ? String(piece) : ". " + piece
            let last = piece.split(separator: " ").last?.lowercased() ?? ""
            if last != "e.g", last != "i.e" { out.append(Substring(current)); current = "" }
        }
        if !current.isEmpty { out.append(Substring(current)) }
        return out
    }

    static func queryNames(_ query: Substring) -> [String] {
        var names: [String] = []
        for pair in query.split(separator: "&") {
            let name = String(pair.prefix { $0 != "=" })
            if ParameterTable.isIdentifierLike(name), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// List items up to the next heading that open with the path and a query string.
    static func listedQueryNames(_ items: [PageItem], after index: Int, path: String) -> [String] {
        var names: [String] = []
        for item in items[(index + 1)...] {
            if case .heading = item.kind { break }
            guard case .text(let t, true) = item.kind, let code = t.codeSpans.first, t.plain.hasPrefix(code),
                  code.hasPrefix(path + "?") else { continue }
            names += queryNames(code.dropFirst(path.count + 1)).filter { !names.contains($0) }
        }
        return names
    }
}

private extension String {
    func trimmingCharacters(_ set: String) -> String {
        var s = Substring(self)
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
