import APIModel

/// What an API Blueprint heading declares, read from its text alone (levels only nest them).
///
/// Forms: `Group Notes`; `Data Structures`; a resource `Notes [/notes{?limit}]` or a bare
/// `/notes/{id}`; an action `Retrieve a Note [GET]` or `Retrieve [GET /notes/{id}]`, or a bare
/// `GET` or `GET /notes` (the last two forms also start a resource when they carry a URI).
/// Anything else is a heading of prose (or, under `Data Structures`, a named type).
///
/// For example: `Create a Note [POST /notes]` → `.action(name: "Create a Note", method: "POST", uri: "/notes")`.
enum BlueprintHeading: Equatable {
    case group(String)
    case dataStructures
    case resource(name: String, uri: String)
    case action(name: String, method: String, uri: String?)
    case other(String)

    static func classify(_ raw: String) -> BlueprintHeading {
        let text = raw.trimming(" ")
        if text == "Data Structures" || text == "Data Structure" { return .dataStructures }
        if text.hasPrefix("Group ") { return .group(String(text.dropFirst("Group ".count)).trimming(" ")) }
        if text == "Group" { return .group("") }
        if text.hasSuffix("]"), let open = bracketStart(text) {
            let name = String(text[..<open]).trimming(" ")
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimming(" ")
            if let parsed = methodAndURI(inner) { return .action(name: name, method: parsed.0, uri: parsed.1) }
            if inner.hasPrefix("/") || inner.hasPrefix("{") { return .resource(name: name, uri: inner) }
            return .other(text)
        }
        if text.hasPrefix("/") { return .resource(name: "", uri: text) }
        if let parsed = methodAndURI(text) { return .action(name: "", method: parsed.0, uri: parsed.1) }
        return .other(text)
    }

    /// `GET` → (`GET`, nil); `POST /notes` → (`POST`, `/notes`); nil when not a method.
    static func methodAndURI(_ text: String) -> (String, String?)? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, HTTPMethod.isValid(String(first)) else { return nil }
        guard parts.count == 2 else { return (String(first), nil) }
        let uri = String(parts[1]).trimming(" ")
        guard uri.hasPrefix("/") || uri.hasPrefix("{") || uri.hasPrefix("http") else { return nil }
        return (String(first), uri)
    }

    /// The `[` that opens the final bracket group (brackets inside it, as in `{?a}`, are balanced).
    static func bracketStart(_ text: String) -> String.Index? {
        var depth = 0
        var i = text.endIndex
        while i > text.startIndex {
            i = text.index(before: i)
            if text[i] == "]" { depth += 1 }
            if text[i] == "[" { depth -= 1; if depth == 0 { return i } }
        }
        return nil
    }
}
