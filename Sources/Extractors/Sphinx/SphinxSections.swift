/// The labels an httpdomain operation body uses, read from the rendered label (never from the RST
/// field name, which the rendering no longer shows), in every rendering: HTML (`<dt>Query
/// Parameters:</dt>`), the text builder (`   Query Parameters:`), a browser copy (`- Query Parameters:`),
/// and example headers however they are emphasised (`**Example Request**:`, `Example response:`).
///
/// The field labels are sphinxcontrib-httpdomain's `doc_field_types` (1.8 and 2.x):
/// `:param`/`:parameter`/`:arg`/`:argument` → Parameters; `:jsonparameter`/`:jsonparam`/`:json` →
/// JSON Parameters; `:<json`/`:reqjson`/`:reqjsonobj`/`:<jsonobj` → Request JSON Object;
/// `:<jsonarr`/`:reqjsonarr` → Request JSON Array of Objects; `:>json`/`:resjson`/… → Response JSON
/// Object; `:>jsonarr`/`:resjsonarr` → Response JSON Array of Objects; `:query`/`:queryparameter`/
/// `:queryparam`/`:qparam` → Query Parameters; `:form`/`:formparameter`/`:formparam`/`:fparam` → Form
/// Parameters; `:<header`/`:reqheader`/`:requestheader` → Request Headers; `:>header`/`:resheader`/
/// `:responseheader` → Response Headers; `:statuscode`/`:status`/`:code` → Status Codes.
///
/// For example: `- **Response JSON Array of Objects**:` → `.responseJSONArray`.
enum SphinxSections {
    enum Kind: String {
        case exampleRequest, exampleResponse, example, requestJSON, requestJSONArray, responseJSON, responseJSONArray,
             jsonParameters, formParameters, queryParameters, parameters, requestHeaders, responseHeaders, statusCodes, response

        /// Sections whose items are request-body fields.
        var isRequestBody: Bool { self == .requestJSON || self == .requestJSONArray || self == .jsonParameters || self == .formParameters }
        var isExample: Bool { self == .exampleRequest || self == .exampleResponse || self == .example }
    }

    static var labels: [String: Kind] { HttpdomainVocabulary.labels }

    /// The section a header line starts, or nil.
    static func header(_ text: String) -> Kind? {
        guard let label = label(text) else { return nil }
        let lower = label.lowercased()
        if let kind = labels[lower] { return kind }
        return exampleLabel(lower)
    }

    /// Example captions beyond the fixed labels: `Example JSON data`, `Sample response body`, `Example
    /// request JSON`; by the word they use (request, response, or only json/data/body/payload).
    ///
    /// For example: `example json data` → `.example`; `example json response` → `.exampleResponse`.
    static func exampleLabel(_ lower: String) -> Kind? {
        guard lower.hasPrefix("example ") || lower.hasPrefix("sample "), lower.split(separator: " ").count <= 5 else { return nil }
        let words = Set(lower.split(separator: " ").map(String.init))
        if words.contains("request") || words.contains("requests") { return .exampleRequest }
        if words.contains("response") || words.contains("responses") { return .exampleResponse }
        if !words.isDisjoint(with: ["json", "data", "body", "payload"]) { return .example }
        return nil
    }

    /// `- **Query Parameters**:` → `Query Parameters`; nil unless the line ends with a colon.
    static func label(_ text: String) -> String? {
        var t = Substring(text)
        for bullet in ["- ", "* ", "• "] where t.hasPrefix(bullet) { t = t.dropFirst(bullet.count) }
        // `**Example JSON data:**` (the colon inside the emphasis, as the text builder keeps it) too.
        var s = String(t).replacingAll("**", with: "").trimming(" ")
        guard s.hasSuffix(":") else { return nil }
        s.removeLast()
        if s.hasSuffix(":") { s.removeLast() }
        s = s.trimming(" ")
        return s.isEmpty ? nil : s
    }

    /// A field-list label no section is known for (`Foo Parameters`): a short title-like label that is
    /// the term of an HTML field list, or that bulleted items follow (the text builder).
    static func unknownFieldLabel(_ line: SourceLine, next: SourceLine?) -> String? {
        guard header(line.text) == nil, !line.isCode, let label = label(line.text) else { return nil }
        let words = label.split(separator: " ")
        guard (1...5).contains(words.count), words.allSatisfy({ $0.first?.isLetter == true }), label.first?.isUppercase == true else { return nil }
        if line.termClasses?.contains("field-list") == true { return label }
        if line.termClasses == nil, let next, SphinxText.isBulleted(next.text) { return label }
        return nil
    }
}

/// Text clean-up for field-list items in every rendering.
enum SphinxText {
    /// Bullets, `**bold**` and `*emphasis*` markers of the text builder go; ` -- ` becomes ` – `.
    ///
    /// For example: `* **offset** (*int*) -- offset number` → `offset (int) – offset number`.
    static func cleanItem(_ text: String) -> String {
        var t = Substring(text)
        for bullet in ["* ", "• "] where t.hasPrefix(bullet) { t = t.dropFirst(bullet.count) }
        var s = String(t)
        guard s.contains("*") || s.contains(" -- ") else { return s }
        s = s.replacingAll("**", with: "")
        // `*int*` → `int`: asterisks that open or close a word.
        var out = ""
        let chars = Array(s)
        for (k, c) in chars.enumerated() {
            if c == "*" {
                let before = k > 0 ? chars[k - 1] : " "
                let after = k + 1 < chars.count ? chars[k + 1] : " "
                let opens = !before.isLetter && !before.isNumber && after != " "
                let closes = before != " " && !after.isLetter && !after.isNumber
                if opens || closes { continue }
            }
            out.append(c)
        }
        return out.replacingAll(" -- ", with: " – ")
    }

    /// Whether the line is a bulleted item (`* x`), as the text builder writes field-list items.
    static func isBulleted(_ text: String) -> Bool { text.hasPrefix("* ") || text.hasPrefix("• ") }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
