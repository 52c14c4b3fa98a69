import APIModel
import DocTree

/// Reads parameter lists, one parameter per list item, in the shapes READMEs use:
/// `` `name` (type, required): description ``, `name (type) - description`, `` `name` — description ``,
/// `**name** *string* required: description`.
///
/// For example: `` `per_page` (integer, optional): results per page `` → `per_page`, integer,
/// not required, description `results per page`.
public enum ParameterList {
    public static func read(_ item: InlineText, line: Int, bare: Bool = false) -> DocumentedName? {
        let plain = item.plain
        var rest: Substring
        var name: String
        if let code = item.codeSpans.first, plain.hasPrefix(code) {
            name = code.trimming(" ")
            rest = plain.dropFirst(code.count)
            // `` `offset` `` alone: a bare name, when the caller knows the list holds parameters.
            if bare, rest.trimming(" ").isEmpty, ParameterTable.isIdentifierLike(name) {
                return DocumentedName(name: name, type: .any, required: nil, location: nil, description: "", line: line)
            }
        } else {
            guard let end = plain.firstIndex(where: { $0 == " " || $0 == ":" || $0 == "(" }) else { return nil }
            name = String(plain[..<end])
            rest = plain[end...]
        }
        if name.hasSuffix("*") { name.removeLast() }
        guard ParameterTable.isIdentifierLike(name), name.count <= 64 else { return nil }
        rest = rest.drop { $0 == " " }
        var typeText = ""
        var required: Bool?
        var sawShape = false
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            sawShape = true
            for part in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
                let p = part.trimming(" ")
                if let r = ParameterTable.requiredValue(String(p)), !p.isEmpty, p.lowercased() != "no" { required = r } else if typeText.isEmpty { typeText = String(p) }
            }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        // `string required:` / `integer, optional -` between the name and the separator.
        if let sep = separatorIndex(rest) {
            for word in rest[..<sep].split(whereSeparator: { $0 == " " || $0 == "," }) {
                if let r = ParameterTable.requiredValue(String(word)) { required = r } else if typeText.isEmpty, LenientType.parse(String(word)) != .any { typeText = String(word) }
            }
            if rest[..<sep].split(separator: " ").count > 3 { return nil }  // a sentence, not a parameter
            sawShape = true
            rest = rest[rest.index(after: sep)...]
        }
        // `` `page` Optional. Pagination. `` / `` `id` Required, the ID ``: a requiredness word after a code-span name.
        if !sawShape, item.codeSpans.first.map({ plain.hasPrefix($0) }) == true, let word = rest.split(separator: " ").first,
           word.hasSuffix(".") || word.hasSuffix(","), ["required", "optional", "mandatory"].contains(word.dropLast().lowercased()),
           let r = ParameterTable.requiredValue(String(word.dropLast())) {
            required = r
            sawShape = true
            rest = rest.dropFirst(word.count)
        }
        guard sawShape else { return nil }
        var description = rest.drop { $0 == " " || $0 == "-" || $0 == "—" || $0 == "–" || $0 == ":" }.trimming(" ")
        // `state: string - open or closed`: a type word between the separators.
        if typeText.isEmpty, let sep = separatorIndex(Substring(description)) {
            let words = description[..<sep].split(separator: " ")
            if !words.isEmpty, words.count <= 2, words.allSatisfy({ LenientType.parse(String($0)) != .any || ParameterTable.requiredValue(String($0)) != nil }) {
                for w in words { if let r = ParameterTable.requiredValue(String(w)) { required = r } else { typeText = String(w) } }
                description = description[description.index(after: sep)...].drop { $0 == " " }.trimming(" ")
            }
        }
        if required == nil { required = ParameterTable.requiredFromProse(String(description)) }
        return DocumentedName(name: name, type: LenientType.parse(typeText), required: required, location: nil,
                              description: String(description), line: line)
    }

    /// The first `:`, ` - `, ` — ` or ` – ` separator.
    static func separatorIndex(_ s: Substring) -> Substring.Index? {
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == ":" { return i }
            if c == "-" || c == "—" || c == "–" {
                let before = i == s.startIndex || s[s.index(before: i)] == " "
                let next = s.index(after: i)
                if before && (next == s.endIndex || s[next] == " ") { return i }
            }
            i = s.index(after: i)
        }
        return nil
    }

    /// A parameter name on a paragraph of its own, its description in the next paragraph
    /// (`**site_id** <Required />`, `**limit** REQUIRED`, `` `after` optional ``, `**page** (integer)`):
    /// one identifier and at most three marker words (required/optional or a type).
    ///
    /// For example: `site_id REQUIRED` → `site_id`, required; `Pagination cursor.` → nil.
    public static func standalone(_ text: InlineText, line: Int) -> DocumentedName? {
        let words = text.plain.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
        guard let first = words.first, words.count <= 4 else { return nil }
        var name = String(first)
        if let code = text.codeSpans.first, text.plain.hasPrefix(code) { name = code }
        if name.hasSuffix("*") { name.removeLast() }
        guard ParameterTable.isIdentifierLike(name), !name.contains(" "), name.count <= 64,
              name.contains("_") || name.first?.isLowercase == true || text.codeSpans.first == name else { return nil }
        var required: Bool?
        var typeText = ""
        for w in words.dropFirst() {
            if let r = ParameterTable.requiredValue(String(w)) { required = r }
            else if typeText.isEmpty, LenientType.parse(String(w)) != .any { typeText = String(w) }
            else { return nil }
        }
        return DocumentedName(name: name, type: LenientType.parse(typeText), required: required, location: nil, description: "", line: line)
    }

    /// A `name=[type]` code span on a line of its own, the README template's way of listing URL
    /// and query parameters (`` `id=[integer]` ``, `` `pickup_date=[date YYYY-MM-DD]` ``).
    ///
    /// For example: `` `taxi_type_id=[integer]` `` → `taxi_type_id`, integer.
    public static func assignment(_ text: InlineText, line: Int) -> DocumentedName? {
        guard let code = text.codeSpans.first, text.plain.trimming(" ").hasPrefix(code),
              let eq = code.firstIndex(of: "="), code[code.index(after: eq)...].hasPrefix("[") else { return nil }
        let name = String(code[..<eq])
        guard ParameterTable.isIdentifierLike(name), !name.contains(" ") else { return nil }
        let inside = code[code.index(eq, offsetBy: 2)...].prefix { $0 != "]" }
        let typeWord = inside.split(separator: " ").first.map(String.init) ?? ""
        let rest = text.plain.trimming(" ").dropFirst(code.count).drop { $0 == " " }
        return DocumentedName(name: name, type: LenientType.parse(typeWord), required: nil, location: nil, description: String(rest), line: line)
    }

    /// `colour: String` / `name: String (optional)` on a paragraph of its own: an identifier, a colon
    /// and a type word (with at most a requiredness note), read under a caption that names parameters.
    ///
    /// For example: `userId: Integer (optional)` → `userId`, integer, not required; `Note: see below` → nil.
    public static func typed(_ text: InlineText, line: Int) -> DocumentedName? {
        let plain = text.plain.trimming(" ")
        guard let colon = plain.firstIndex(of: ":") else { return nil }
        let name = String(plain[..<colon])
        guard ParameterTable.isIdentifierLike(name), !name.contains(" ") else { return nil }
        let words = plain[plain.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
        guard let typeWord = words.first, words.count <= 3, LenientType.parse(String(typeWord)) != .any else { return nil }
        var required: Bool?
        for w in words.dropFirst() {
            guard let r = ParameterTable.requiredValue(String(w)) else { return nil }
            required = r
        }
        return DocumentedName(name: name, type: LenientType.parse(String(typeWord)), required: required, location: nil, description: "", line: line)
    }
}
