/// What the heading or caption above a table or list says its rows are.
///
/// For example: `Query Parameters` → `.query`; `Response Fields` → `.responseFields`;
/// `Parameters` → `.parameters` (each row placed by the path and the method).
public enum SectionContext: Equatable, Sendable {
    case path, query, header, requestFields, responseFields, parameters, statuses, ignored

    public static func of(_ text: String) -> SectionContext? {
        let t = text.lowercased()
        func has(_ words: String...) -> Bool { words.contains { t.contains($0) } }
        if t.isEmpty { return nil }
        if has("enumerated value", "error code", "errors", "scope", "permission", "rate limit") { return .ignored }
        if namesValues(t) { return .ignored }
        // `The following methods are supported:` — values of a body key, unless the words name rows above.
        if t.hasPrefix("the following "), ["are supported:", "are available:", "are allowed:", "are accepted:"].contains(where: { t.hasSuffix($0) }) {
            return of(String(t.dropFirst("the following ".count))) ?? .ignored
        }
        if has("status code", "response code", "http status", "status codes") { return .statuses }
        if has("query", "filter") { return .query }
        if has("path param", "url param", "uri param", "route param", "path variable", "url segment", "path segment") { return .path }
        if has("header") { return .header }
        if has("response", "returns", "return value", "returned", "output", "result", "attributes", "object") { return .responseFields }
        // `Body parameters`, `Post body JSON parameters`: the body, whatever the method.
        if has("body param", "body json param", "body field", "request body") { return .requestFields }
        if has("request param", "parameter", "param", "argument", "option") { return .parameters }
        if has("body", "request", "payload", "form", "fields", "input", "post data") { return .requestFields }
        return nil
    }

    /// A caption introducing the values one field or parameter takes, not names: `Possible values:`,
    /// `` `status` can be one of: ``, `` … by the `type` field: `` (one field, singular).
    ///
    /// For example: `You can tell them apart by the type field:` → true; `Request fields:` → false.
    /// (`The following methods are supported:` is values too, when its noun names no kind of rows.)
    static func namesValues(_ t: String) -> Bool {
        let valueWords = ["possible value", "allowed value", "valid value", "accepted value", "supported value",
                          "can be one of", "takes one of", "must be one of"]
        if valueWords.contains(where: { t.contains($0) }) { return true }
        let caption = t.trimming(" ")
        return caption.hasSuffix(" field:")
    }
}
