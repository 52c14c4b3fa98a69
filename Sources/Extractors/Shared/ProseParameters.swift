import DocTree

/// Query parameters a sentence names by marking them up as code (a code span, HTML `<var>`) right
/// before the word `parameter`: `accept the <var>count</var> parameter`, `` add the `random` query
/// param ``, `` use the `?page` parameter ``, `Add <var>jokers_enabled=true</var> as a GET or POST
/// parameter`. Only the few words that say what kind of parameter may stand between the name and
/// `parameter`, so `` the `x` endpoint with the y parameter `` names none, nor does `` use `id` as a
/// parameter for related calls `` (a use elsewhere).
///
/// For example: `Add /bottom/ to the URL … both of these also accept the <var>count</var> parameter.`
/// → `count`.
public enum ProseParameters {
    static let parameterWords: Set<String> = ["parameter", "parameters", "param", "params"]
    /// Words that may stand between the name and `parameter` (`as a GET or POST parameter`, `query param`).
    static let kindWords: Set<String> = ["query", "url", "get", "post", "as", "a", "an", "or", "optional", "string", "request", "querystring"]

    public static func names(_ text: InlineText) -> [String] {
        var out: [String] = []
        let spans = text.spans
        for (k, span) in spans.enumerated() {
            guard case .code(let code) = span, k + 1 < spans.count, case .text(let after) = spans[k + 1] else { continue }
            var name = Substring(code.trimming(" "))
            if name.hasPrefix("?") || name.hasPrefix("&") { name = name.dropFirst() }
            name = name.prefix { $0 != "=" }
            guard ParameterTable.isIdentifierLike(String(name)), !name.contains("/") else { continue }
            var named = false
            var previous: Substring = ""
            for word in after.lowercased().split(separator: " ").prefix(6) {
                // `Use `id` as a parameter for related API calls`: a use elsewhere, no parameter of this call.
                if parameterWords.contains(word.trimmingCharacters(in: ".,:;)")) { named = previous != "a" && previous != "an"; break }
                guard kindWords.contains(String(word)) else { break }
                previous = word
            }
            if named, !out.contains(String(name)) { out.append(String(name)) }
        }
        return out
    }

    static let fieldWords: Set<String> = ["field", "fields"]
    /// Words that may join the names of one list (`` `document` and optional `version_label` ``).
    static let joinWords: Set<String> = ["and", "or", "optional", "the", "an", "a", ""]

    /// Request-body fields a sentence names as code right after the word `field` (`the form field
    /// `document` contains the file`, `multipart form field `document` and optional `version_label``):
    /// the code spans that follow it, joined only by `and`, `or`, `optional` or commas. A `form` before
    /// `field` makes them form fields.
    ///
    /// For example: `uploads a new version using multipart form field `document` and optional
    /// `version_label`.` → `document`, `version_label` (form).
    static func fields(_ text: InlineText, line: Int) -> [DocumentedName] {
        var out: [DocumentedName] = []
        let spans = text.spans
        for (k, span) in spans.enumerated() {
            guard case .text(let before) = span, k + 1 < spans.count, case .code = spans[k + 1] else { continue }
            let words = before.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard let last = words.last, fieldWords.contains(String(last)) else { continue }
            let form = words.dropLast().last == "form"
            var j = k + 1
            while j < spans.count {
                guard case .code(let code) = spans[j] else { break }
                let name = code.trimming(" ")
                if ParameterTable.isIdentifierLike(name), !out.contains(where: { $0.name == name }) {
                    out.append(DocumentedName(name: name, type: .string, required: nil, location: form ? "form" : nil, description: "", line: line))
                }
                // The words to the next code span must only join the list.
                guard j + 2 < spans.count, case .text(let between) = spans[j + 1], case .code = spans[j + 2],
                      between.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).allSatisfy({ joinWords.contains(String($0)) }) else { break }
                j += 2
            }
        }
        return out
    }
}
