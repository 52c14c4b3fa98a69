import APIModel
import DocTree

/// A response the page describes by pointing at another operation's instead of showing it
/// ("The above command returns JSON structured like getting a single environment", "The response
/// is the same as for Get a user"): the operation takes the success response of the operation the
/// words name — the one whose summary shares the most words with them (stems compared, `keyPair`
/// matching `Key Pair`), a single item (`single`, `specific`, `one`) preferring a path that ends in a
/// placeholder. Only an operation whose success response has no type of its own takes one.
///
/// For example: `## Create an Environment` / `> … returns JSON structured like getting a single environment:`
/// takes the response of `## Get a Specific Environment` (`GET /api/environments/{id}`).
enum ResponseReference {
    static let cues = ["structured like ", "the same as for ", "the same as ", "identical to ", "same structure as "]

    /// The words after a cue (`getting a single environment`), when the text has one.
    static func phrase(_ text: String) -> String? {
        let t = text.lowercased()
        for cue in cues {
            guard let r = t.range(of: cue) else { continue }
            let rest = t[r.upperBound...].prefix { $0 != "." && $0 != ":" && $0 != "(" && $0 != "\n" }
            let words = rest.split(separator: " ")
            guard !words.isEmpty, words.count <= 10, !rest.hasPrefix("this"), !rest.hasPrefix("the following") else { continue }
            return String(rest)
        }
        return nil
    }

    static let ignored: Set<String> = ["a", "an", "the", "of", "for", "to", "json", "response", "one", "single", "specific", "given",
                                       "individual", "endpoint", "request", "call", "operation", "returned", "by", "with", "in", "that"]
    static let verbs: Set<String> = ["get", "list", "create", "update", "delete", "retrieve", "fetch", "add", "remove", "show", "view", "all"]

    static func stem(_ w: Substring) -> String {
        var s = String(w.lowercased().filter { $0.isLetter || $0.isNumber })
        if s.hasSuffix("ing"), s.count > 5 { s.removeLast(3) }
        if s.hasSuffix("ies"), s.count > 4 { s.removeLast(3); s += "y" } else if s.hasSuffix("s"), !s.hasSuffix("ss"), s.count > 3 { s.removeLast() }
        return s
    }

    /// A summary's stemmed words, with adjacent pairs joined (`Key Pair` → also `keypair`).
    static func words(_ text: String) -> Set<String> {
        // `keyPair` → `key Pair`.
        var spaced = ""
        for c in text { if c.isUppercase, let l = spaced.last, l.isLowercase { spaced.append(" ") }; spaced.append(c) }
        let parts = spaced.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(stem).filter { !$0.isEmpty && !ignored.contains($0) }
        var out = Set(parts)
        for (a, b) in zip(parts, parts.dropFirst()) { out.insert(stem(Substring(a + b))) }
        return out
    }

    /// The index of the operation the phrase names, among those with a typed success response.
    static func target(_ phrase: String, in ops: [Operation], excluding own: Int) -> Int? {
        let wanted = words(phrase)
        let nouns = wanted.subtracting(verbs)
        guard !nouns.isEmpty else { return nil }
        let single = phrase.split(separator: " ").contains { ["single", "specific", "one", "given", "individual"].contains(String($0)) }
        var best: (Int, Int)?
        for (i, op) in ops.enumerated() where i != own {
            guard op.responses.first(where: \.isSuccess)?.type != nil else { continue }
            let have = words(op.summary)
            guard !nouns.intersection(have).isEmpty else { continue }
            var score = 2 * wanted.intersection(have).count
            if single, op.method == "GET", op.path.hasSuffix("}") { score += 1 }
            if wanted.contains("get"), op.method == "GET" { score += 1 }
            if best == nil || score > best!.1 { best = (i, score) }
        }
        return best?.0
    }

    /// Gives each operation whose section refers to another's response (and shows none) that response.
    static func resolve(_ ops: inout [Operation], sections: [(op: Int, scope: Range<Int>)], items: [PageItem]) {
        for (k, scope) in sections {
            guard let s = ops[k].responses.firstIndex(where: \.isSuccess), ops[k].responses[s].type == nil, ops[k].responses[s].status != "204" else { continue }
            for index in scope {
                guard case .text(let text, _) = items[index].kind, let phrase = phrase(text.plain),
                      let t = target(phrase, in: ops, excluding: k), let r = ops[t].responses.first(where: \.isSuccess) else { continue }
                ops[k].responses[s].type = r.type
                ops[k].responses[s].contentType = r.contentType
                // The type's source is the operation that shows it.
                ops[k].responses[s].provenance = r.provenance
                break
            }
        }
    }
}
