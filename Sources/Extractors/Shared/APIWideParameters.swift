import APIModel
import DocTree

/// A parameter the page documents once for the whole API, in a sentence naming the operations it
/// applies to: "All resources support a `search` parameter …", "Every list endpoint accepts `page`
/// and `per_page` query parameters", "All endpoints accept a `user_id` query param", "All list
/// endpoints support `?page=1&limit=50`". Each named
/// operation gets it as an optional query parameter (one it documents itself stays as documented).
///
/// What the sentence names: `resources`, `list endpoints`, `collections`, `lists` → the collections
/// (a GET path with an item path under it, `/people/` beside `/people/{id}/`; on a page without item
/// paths, every GET path not ending in a placeholder); `endpoints`,
/// `requests`, `operations`, `calls`, `methods` → every operation.
///
/// For example: "All resources support a `search` parameter that filters the set returned." with
/// `GET /people/`, `GET /people/{id}/`, `GET /people/schema/` → `search` on `GET /people/` only.
enum APIWideParameters {
    enum Scope: Equatable { case every, collections }

    struct Rule: Equatable {
        var names: [String]
        var scope: Scope
        var description: String
        var line: Int
    }

    static let collectionWords = ["resources", "resource", "list endpoints", "list endpoint", "list operations", "collections", "collection endpoints", "lists"]
    static let everyWords = ["endpoints", "endpoint", "requests", "request", "operations", "operation", "api calls", "calls", "methods"]
    static let verbs = ["support", "supports", "accept", "accepts", "take", "takes", "allow", "allows", "understand", "understands"]

    /// The rule a sentence states, nil for any other text.
    static func rule(_ text: InlineText, line: Int) -> Rule? {
        let plain = text.plain
        let t = plain.lowercased()
        guard t.hasPrefix("all ") || t.hasPrefix("every ") || t.hasPrefix("each "), t.contains("param") || t.contains("?") else { return nil }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        // `All <subject …> <verb>`: the verb within the first six words.
        guard let verb = words.prefix(6).firstIndex(where: { verbs.contains($0) }), verb >= 2 else { return nil }
        let subject = words[1..<verb].joined(separator: " ")
        let scope: Scope
        if collectionWords.contains(where: { subject.hasSuffix($0) }) { scope = .collections }
        else if everyWords.contains(where: { subject.hasSuffix($0) }) { scope = .every }
        else { return nil }
        // `search`, or a query string `?page=1&limit=50`.
        var names: [String] = []
        for code in text.codeSpans.map({ $0.trimming(" ") }) {
            let candidates = code.hasPrefix("?") ? code.dropFirst().split(separator: "&").map { String($0.prefix { $0 != "=" }) } : [code]
            names += candidates.filter { ParameterTable.isIdentifierLike($0) && !names.contains($0) }
        }
        guard !names.isEmpty else { return nil }
        return Rule(names: names, scope: scope, description: plain, line: line)
    }

    static func rules(_ items: [PageItem]) -> [Rule] {
        items.compactMap { item in
            if case .text(let text, _) = item.kind { return rule(text, line: item.line) }
            return nil
        }
    }

    /// Adds each rule's parameters to the operations it names.
    static func apply(_ rules: [Rule], to ops: inout [Operation], document: Document) {
        guard !rules.isEmpty else { return }
        let paths = ops.map(\.path)
        func isCollection(_ op: Operation) -> Bool {
            guard op.method == "GET" else { return false }
            let base = op.path.hasSuffix("/") ? String(op.path.dropLast()) : op.path
            return paths.contains { p in
                guard p.hasPrefix(base + "/{") else { return false }
                let rest = p.dropFirst(base.count + 1)
                return rest.split(separator: "/").count == 1 && rest.hasPrefix("{")
            }
        }
        // A page without item paths: its GET paths that do not end in a placeholder.
        let anyItemPaths = ops.contains(where: isCollection)
        func named(_ op: Operation, _ scope: Scope) -> Bool {
            if scope == .every { return true }
            return anyItemPaths ? isCollection(op) : op.method == "GET" && !op.path.trimming("/").hasSuffix("}")
        }
        for rule in rules {
            for i in ops.indices where named(ops[i], rule.scope) {
                for name in rule.names where !ops[i].parameters.contains(where: { $0.name == name }) {
                    ops[i].parameters.append(Parameter(name: name, location: .query, type: .string, required: false,
                                                       description: rule.description, provenance: document.location(rule.line)))
                }
            }
        }
    }
}
