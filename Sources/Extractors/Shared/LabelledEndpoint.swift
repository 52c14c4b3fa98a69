import DocTree

/// Endpoints written as labelled lines, the README template many projects copy
/// (`**URL** : `/api/articles/``, then `**Method** : `GET``): a URL label (URL, Endpoint, Path,
/// Route, Resource URL) before a path or an absolute URL, and a method label (Method, HTTP Method,
/// Verb) within the previous three or the next eight items, not across a heading.
///
/// For example: `URL : /api/user/<user_id>/available` and `Method : GET` give `GET /api/user/{user_id}/available`.
public enum LabelledEndpoint {
    static let urlLabels: Set<String> = ["url", "endpoint", "path", "route", "resource url", "resource", "uri", "request url", "end point"]
    static let methodLabels: Set<String> = ["method", "http method", "verb", "http verb", "request method", "type"]

    /// Labels of the template's other lines (`**Code** : \`200 OK\``, `**Condition** : …`,
    /// `**Auth required** : NO`): captions, never parameters.
    static let otherLabels: Set<String> = ["code", "condition", "content", "content example", "content examples", "content type",
        "authentication", "authorization", "auth required", "auth", "permissions required", "permissions", "data constraints",
        "header constraints", "data example", "data examples", "success response", "error response", "notes", "header accept"]

    /// Whether a line is one of the template's `Label : value` lines (URL, Method, Code, Condition, …).
    ///
    /// For example: `Code : 200 OK` → true; `title : the title` → false.
    public static func isTemplateLine(_ text: InlineText) -> Bool {
        guard let (label, _) = labelled(text) ?? labelledEmpty(text) else { return false }
        guard text.plain.first?.isUppercase == true else { return false }
        return urlLabels.contains(label) || methodLabels.contains(label) || otherLabels.contains(label)
    }

    /// `Content :` with nothing after the colon.
    static func labelledEmpty(_ text: InlineText) -> (label: String, value: String)? {
        let plain = text.plain.trimming(" ")
        guard plain.hasSuffix(":") else { return nil }
        return (String(plain.dropLast()).trimming(" ").lowercased(), "")
    }

    /// The label and the value of a `Label : value` line (emphasis already gone from `plain`).
    static func labelled(_ text: InlineText) -> (label: String, value: String)? {
        let plain = text.plain
        guard let colon = plain.firstIndex(of: ":") else { return nil }
        let label = plain[..<colon].trimming(" ").lowercased()
        guard label.count <= 16 else { return nil }
        let value = plain[plain.index(after: colon)...].trimming(" ")
        guard !value.isEmpty else { return nil }
        return (label, value)
    }

    /// The path a URL line names, if the line is one.
    public static func url(_ text: InlineText) -> String? {
        guard let (label, value) = labelled(text), urlLabels.contains(label) else { return nil }
        let target = value.split(separator: " ").first.map { $0.filter { $0 != "`" && $0 != "'" } } ?? ""
        guard target.hasPrefix("/") || target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("{") else { return nil }
        return target
    }

    /// The method a method line names (`Method : GET`, `**Method** : `POST``), if the line is one.
    public static func method(_ text: InlineText) -> String? {
        guard let (label, value) = labelled(text), methodLabels.contains(label) else { return nil }
        let word = value.split(whereSeparator: { $0 == " " || $0 == "`" || $0 == "," }).first ?? ""
        guard word == word.uppercased() else { return nil }
        return SignatureReader.method(word)
    }

    /// A key/value table that names an endpoint in one row and its method in another
    /// (`| Endpoint | /users |` and `| Method | GET |`, the header row counted as a row).
    ///
    /// For example: rows `URL | /api/x/:id`, `HTTP Method | DELETE` → `DELETE /api/x/{id}`.
    public static func signature(_ table: Table) -> Signature? {
        var target: String?
        var method: String?
        for row in [table.header] + table.rows where row.count >= 2 {
            var label = row[0].plain.lowercased().trimming(" ")
            while let l = label.last, l == ":" || l == "*" { label.removeLast() }
            let value = row[1]
            if urlLabels.contains(label), target == nil {
                let t = (value.codeSpans.first ?? value.plain).split(separator: " ").first.map(String.init) ?? ""
                if t.hasPrefix("/") || t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("{") { target = t }
            } else if methodLabels.contains(label), method == nil {
                let word = value.plain.split(whereSeparator: { $0 == " " || $0 == "`" || $0 == "," }).first ?? ""
                if word == word.uppercased() { method = SignatureReader.method(word) }
            }
        }
        guard let target, let method else { return nil }
        return SignatureReader.signature(method: method, target: Substring(target))
    }

    /// The signature a URL line at `index` and a method line near it give.
    public static func signature(_ items: [PageItem], at index: Int) -> Signature? {
        guard case .text(let text, _) = items[index].kind, let target = url(text) else { return nil }
        // Nearest first, never across a heading; the method line may follow the parameters (up to 8 items on).
        var forward = true, backward = true
        for d in 1...8 {
            for k in [index + d, index - d] {
                guard k >= 0, k < items.count, k > index ? forward : (backward && d <= 3) else { continue }
                if case .heading = items[k].kind { if k > index { forward = false } else { backward = false }; continue }
                if case .text(let t, _) = items[k].kind, let m = method(t) {
                    return SignatureReader.signature(method: m, target: Substring(target))
                }
            }
        }
        return nil
    }
}
