import APIModel
import DocTree

/// One documented parameter or field, from a table row or a list item, before it is placed.
public struct DocumentedName: Sendable {
    /// Dotted for nested fields (`owner.id`).
    public var name: String
    public var type: TypeRef
    public var required: Bool?
    /// `path`, `query`, `header`, `body`, `form`, `cookie` as the row said, lowercased; nil when not said.
    public var location: String?
    public var description: String
    public var line: Int
    /// The values the documentation lists as the only ones allowed, when it lists them.
    public var enumValues: [String]? = nil

    public init(name: String, type: TypeRef, required: Bool?, location: String?, description: String, line: Int, enumValues: [String]? = nil) {
        self.enumValues = enumValues
        self.name = name
        self.type = type
        self.required = required
        self.location = location
        self.description = description
        self.line = line
    }
}

/// Reads parameter and field tables by their column headers, in any order: a name column
/// (Name, Parameter, Field, Attribute, Property, Key, Argument), Type, Required / Optional,
/// In / Location, Default, Description. Tables whose rows say where each parameter goes (`In`)
/// may mix path, query, header and body rows. Nested names are dotted, or marked with `»`
/// (Widdershins) or `└─`.
///
/// For example: `|Name|In|Type|Required|Description|` with row `|petId|path|integer(int64)|true|ID|`
/// gives `petId`, location `path`, integer (int64), required.
public enum ParameterTable {
    struct Columns {
        var name: Int
        var type: Int?
        var required: Int?
        var optional: Int?
        var location: Int?
        var description: Int?
    }

    static let nameHeaders: Set<String> = ["name", "parameter", "parameters", "param", "params", "field", "fields", "attribute",
                                           "attributes", "property", "properties", "key", "argument", "arguments", "option",
                                           "parameter name", "field name", "query parameter", "path parameter", "url parameter",
                                           "body parameter", "variable", "element", "header", "attribute name", "property name", "arg"]

    /// A name column headed by where its rows go and a name word: `Query param`, `Body Param`,
    /// `Path parameter`, `Form field`, `Request header`.
    ///
    /// For example: `query param` → true; `query` → false; `param type` → false.
    static func isPlacedNameHeader(_ header: String) -> Bool {
        let words = header.split(separator: " ")
        guard words.count == 2 else { return false }
        return ["query", "path", "url", "uri", "route", "body", "form", "header", "request", "response"].contains(words[0])
            && ["param", "params", "parameter", "parameters", "field", "fields", "attribute", "property", "key", "argument", "header", "name"].contains(words[1])
    }

    /// What a table's name column header says its rows are (`Query param` → `.query`), nil for a plain `Name`.
    public static func headerContext(_ table: Table) -> SectionContext? {
        guard let c = columns(table), c.name < table.header.count else { return nil }
        let header = normalisedHeader(table.header[c.name])
        return isPlacedNameHeader(header) || header.contains(" ") ? SectionContext.of(header) : nil
    }

    static func normalisedHeader(_ cell: InlineText) -> String {
        var t = cell.plain.lowercased().trimming(" ")
        while let last = t.last, last == "?" || last == ":" || last == "*" { t.removeLast() }
        return t
    }

    static func columns(_ table: Table) -> Columns? {
        let headers = table.header.map(normalisedHeader)
        // Spring REST Docs' field tables name the field by its JSON path: `Path | Type | Description`.
        let pathNamed = headers.contains("type") ? headers.firstIndex(of: "path") : nil
        guard let name = headers.firstIndex(where: { nameHeaders.contains($0) }) ?? headers.firstIndex(where: isPlacedNameHeader) ?? pathNamed else { return nil }
        func find(_ words: Set<String>) -> Int? { headers.firstIndex { words.contains($0) } }
        let columns = Columns(name: name,
                              type: find(["type", "data type", "datatype", "value type", "format", "schema", "kind"]),
                              required: find(["required", "mandatory", "req", "required/optional", "is required"]),
                              optional: find(["optional"]),
                              location: find(["in", "location", "param type", "parameter type", "where", "located in"]),
                              description: find(["description", "desc", "details", "notes", "meaning", "comment", "comments", "explanation", "value", "values"]))
        // A name column alone is a list of anything; a parameter table says something more.
        guard columns.type != nil || columns.required != nil || columns.location != nil || columns.description != nil else { return nil }
        return columns
    }

    /// Whether the table names its rows by JSON path (`Path | Type | Description`, Spring REST Docs):
    /// body fields, never query parameters.
    public static func namesByJSONPath(_ table: Table) -> Bool {
        let headers = table.header.map(normalisedHeader)
        return headers.contains("type") && !headers.contains(where: { nameHeaders.contains($0) }) && headers.contains("path")
    }

    /// Whether the table has a name column and at least one of the columns a parameter table has.
    public static func isParameterTable(_ table: Table) -> Bool { columns(table) != nil }

    /// The rows, names nested by `»` turned into dotted paths.
    public static func read(_ table: Table) -> [DocumentedName] {
        guard let c = columns(table) else { return [] }
        var out: [DocumentedName] = []
        var stack: [String] = []  // enclosing names by level, for `»` rows
        // Widdershins marks top-level rows `» name` too: levels count from the shallowest row.
        let minDepth = table.rows.compactMap { c.name < $0.count ? nestedName($0[c.name]).1 : nil }.min() ?? 0
        for (i, row) in table.rows.enumerated() where c.name < row.count {
            var (name, rawDepth) = nestedName(row[c.name])
            let depth = rawDepth - minDepth
            guard !name.isEmpty, !name.hasPrefix("*"), name.lowercased() != "none" else { continue }
            var explicitRequired: Bool?
            if name.hasSuffix("*") { name.removeLast(); explicitRequired = true }
            if let space = name.firstIndex(of: " ") {
                // `limit (optional)`, `id required`: the first word is the name.
                let rest = name[space...].lowercased()
                if rest.contains("required") { explicitRequired = true } else if rest.contains("optional") { explicitRequired = false }
                name = String(name[..<space])
            }
            guard isIdentifierLike(name) else { continue }
            stack = Array(stack.prefix(depth))
            if depth > 0, stack.count == depth { name = (stack + [name]).joined(separator: ".") }
            let leaf = name.split(separator: ".").last.map(String.init) ?? name
            stack.append(leaf)
            let typeText = c.type.flatMap { $0 < row.count ? row[$0].plain : nil } ?? ""
            var required = explicitRequired
            if let r = c.required, r < row.count { required = requiredValue(row[r].plain) ?? required }
            if let o = c.optional, o < row.count, let v = requiredValue(row[o].plain) { required = !v }
            if required == nil, typeText.lowercased().contains("required") { required = true }
            let description = c.description.flatMap { $0 < row.count ? row[$0].plain : nil } ?? ""
            if required == nil, description.lowercased().hasPrefix("required") { required = true }
            let location = c.location.flatMap { $0 < row.count ? normalisedLocation(row[$0].plain) : nil }
            let others = alternatives(row[c.name]).dropFirst()
            for alternative in [name] + others where isIdentifierLike(alternative) {
                // `` `userId` or `username` ``: one parameter per name, none required alone (either may be sent).
                out.append(DocumentedName(name: alternative, type: LenientType.parse(typeText), required: others.isEmpty ? required : false,
                                          location: location, description: description, line: table.rowLines[i]))
            }
        }
        return out
    }

    /// The names of a cell that offers alternatives, `` `userId` or `username` `` / `` `a`, `b` ``;
    /// empty for any other cell.
    static func alternatives(_ cell: InlineText) -> [String] {
        let codes = cell.codeSpans
        guard codes.count >= 2 else { return [] }
        var rest = cell.plain
        for c in codes { if let r = rest.range(of: c) { rest.removeSubrange(r) } }
        let joiners = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == "|" })
        return joiners.allSatisfy({ ["or", "and"].contains($0.lowercased()) }) ? codes.map { $0.trimming(" ") } : []
    }

    /// `»» id` → (`id`, 2); `` `owner.id` `` → (`owner.id`, 0).
    static func nestedName(_ cell: InlineText) -> (String, Int) {
        var text = cell.codeSpans.first ?? cell.plain
        if cell.codeSpans.isEmpty || cell.plain.hasPrefix("»") || cell.plain.hasPrefix("└") { text = cell.plain }
        var depth = 0
        var t = Substring(text)
        while let f = t.first, f == "»" || f == "└" || f == "─" || f == " " || f == "-" || f == "|" || f == "\u{00A0}" {
            if f == "»" || f == "└" { depth += 1 }
            t = t.dropFirst()
        }
        var name = String(t).trimming(" ")
        if name.hasPrefix("`"), name.hasSuffix("`"), name.count > 2 { name = String(name.dropFirst().dropLast()) }
        // `[].id`: a field of the items of a top-level array.
        if name.hasPrefix("[]."), name.count > 3 { name = String(name.dropFirst(3)) }
        return (name, depth)
    }

    static func isIdentifierLike(_ name: String) -> Bool {
        guard let f = name.unicodeScalars.first, f.properties.isAlphabetic || f == "_" || f == "$" || f == "@" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.$@[]".unicodeScalars.contains($0) }
    }

    /// `✓`, `yes`, `true`, `required` → true; `no`, `false`, `optional` → false; a condition
    /// (`required if kind is http`, `yes, when …`, `conditional`) → false: not always there; else nil.
    public static func requiredValue(_ text: String) -> Bool? {
        let t = text.lowercased().trimming(" ")
        if t.isEmpty || t == "-" || t == "—" { return nil }
        if t.contains("✓") || t.contains("✔") || t.contains("☑") || ["yes", "y", "true", "required", "x", "mandatory", "always", "req"].contains(t) { return true }
        if t.hasPrefix("conditional") { return false }
        if t.hasPrefix("required") || t.hasPrefix("yes") { return !isConditional(t) }
        if ["no", "n", "false", "optional", "not required", "✗", "✘"].contains(t) || t.hasPrefix("optional") || t.hasPrefix("no") { return false }
        return nil
    }

    /// Words after `required`/`yes` that make it a condition: `required if …`, `required when …`,
    /// `required unless …`, `required only for …`, `yes, depending on …`.
    static func isConditional(_ t: String) -> Bool {
        let words = t.split(whereSeparator: { !$0.isLetter }).dropFirst().prefix(2)
        return words.contains { ["if", "when", "unless", "only", "depending", "conditionally", "except"].contains(String($0)) }
    }

    /// Requiredness a description states in prose: `Required.` → true; `Required if kind is http`,
    /// `Optional …`, and a field said to be there only sometimes (`if present`, `only when …`, `may be
    /// absent`, `not always present`, `omitted when …`) → false; else nil (the description says nothing).
    ///
    /// For example: `Required if kind is http. The URL to use` → false; `Required. The id` → true.
    public static func requiredFromProse(_ description: String) -> Bool? {
        let t = description.lowercased().trimming(" ")
        if t.hasPrefix("required") { return !isConditional(t) }
        if t.hasPrefix("optional") || t.hasPrefix("(optional") { return false }
        let sometimes = ["if present", "when present", "only present", "only returned", "only included", "only set",
                         "may be absent", "may be omitted", "may be missing", "may not be present", "not always present",
                         "omitted if", "omitted when", "absent if", "absent when", "only if ", "only when ", "if available"]
        return sometimes.contains { t.contains($0) } ? false : nil
    }

    /// `Path`, `query string`, `URL`, `formData`, `Request Body` → path, query, path, form, body.
    public static func normalisedLocation(_ text: String) -> String? {
        let t = text.lowercased().trimming(" ")
        if t.hasPrefix("path") || t == "url" || t == "uri" || t == "segment" || t == "route" { return "path" }
        if t.hasPrefix("query") || t == "querystring" || t == "url query" { return "query" }
        if t.hasPrefix("header") { return "header" }
        if t.hasPrefix("body") || t.contains("request body") || t == "json" || t == "payload" { return "body" }
        if t.hasPrefix("form") { return "form" }
        if t.hasPrefix("cookie") { return "cookie" }
        return t.isEmpty ? nil : t
    }
}
