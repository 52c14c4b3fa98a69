import APIModel

/// Turns the path-parameter syntaxes documentation writes into `{name}` templates, the one form the
/// model, the emitters and the diff use. Read in any dialect, on any signature.
///
/// Recognised parameter forms (a parameter is a whole segment or part of one):
/// `{name}`, `{type:name}`, `(name)`, `(type:name)`, `(type: name)`, `<name>`, `<type:name>`,
/// `:name` (Express/Rails, up to the next `/`, `.` or `(`, and up to a `-` only when another `:name` follows it), `{{name}}` (Postman), `$name` and
/// `${name}` (shell), and as a whole segment `[name]`, `*name*`, `_name_` (emphasis left as text),
/// `<i>name</i>` / `<em>name</em>` / `<var>name</var>` (HTML left in Markdown). A parameter name that is not a plain identifier
/// (`(string/message_id)`) is reduced to its last identifier run and reported in `oddities`.
///
/// For example: `/users/:username/repos/(int: repo_id)/<ID>` →
/// `/users/{username}/repos/{repo_id}/{ID}`.
public enum PathSyntax {
    /// The normalised template and the raw parameter texts that needed repair.
    public struct Result: Hashable, Sendable {
        public var path: String
        public var oddities: [String]
        /// The declared type of a parameter written with one (`(int:id)`, `<int:id>` → `id: "int"`).
        public var types: [String: String] = [:]
    }

    public static func template(_ raw: String) -> String { normalise(raw).path }

    public static func normalise(_ raw: String) -> Result {
        var bytes = Array(raw.utf8)
        // `<i>name</i>` and `<em>name</em>`: an emphasised placeholder.
        bytes = replacingEmphasis(bytes)
        var out: [UInt8] = []
        var oddities: [String] = []
        var types: [String: String] = [:]
        var i = 0
        let n = bytes.count
        func emitParameter(_ inner: ArraySlice<UInt8>) {
            var text = String(decoding: inner, as: UTF8.self)
            // A type prefix: `type:name`, `type: name`.
            var type: String?
            if let colon = text.lastIndex(of: ":") {
                type = String(text[..<colon]).trimming(" ")
                text = String(text[text.index(after: colon)...])
            }
            text = text.trimming(" ")
            let name = identifier(text)
            if name != text { oddities.append(String(decoding: inner, as: UTF8.self)) }
            if let type, !type.isEmpty, !name.isEmpty { types[name] = type }
            out.append(UInt8(ascii: "{"))
            out.append(contentsOf: (name.isEmpty ? "param" : name).utf8)
            out.append(UInt8(ascii: "}"))
        }
        /// Whether `k` is the end of a segment: `/`, `.`, the end, or where the path ends.
        func segmentEnds(_ k: Int) -> Bool {
            k >= n || [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: " ")].contains(bytes[k])
        }
        while i < n {
            let c = bytes[i]
            let segmentStart = i == 0 || bytes[i - 1] == UInt8(ascii: "/")
            // `{{name}}` (Postman, Handlebars): one placeholder.
            if c == UInt8(ascii: "{"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "{"),
               let end = closing(bytes, from: i + 2, "}}"), end > i + 2 {
                emitParameter(bytes[(i + 2)..<end])
                i = end + 2
                continue
            }
            // `[name]`, `*name*`, `_name_` as a whole segment (`/users/[id]`, `/users/*id*`).
            if segmentStart, c == UInt8(ascii: "[") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") {
                let close: UInt8 = c == UInt8(ascii: "[") ? UInt8(ascii: "]") : c
                if let end = bytes[(i + 1)...].firstIndex(of: close), end > i + 1, segmentEnds(end + 1),
                   bytes[(i + 1)..<end].allSatisfy({ isIdentifierByte($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: " ") }),
                   c != UInt8(ascii: "_") || bytes[(i + 1)..<end].contains(where: { $0 != UInt8(ascii: "_") }) {
                    emitParameter(bytes[(i + 1)..<end])
                    i = end + 1
                    continue
                }
            }
            // `$name` / `${name}` at the start of a segment (shell variables).
            if segmentStart, c == UInt8(ascii: "$"), i + 1 < n {
                if bytes[i + 1] == UInt8(ascii: "{"), let end = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")), end > i + 2 {
                    emitParameter(bytes[(i + 2)..<end])
                    i = end + 1
                    continue
                }
                var end = i + 1
                while end < n, isIdentifierByte(bytes[end]) { end += 1 }
                if isIdentifierStart(bytes[i + 1]), !odataSegments.contains(String(decoding: bytes[(i + 1)..<end], as: UTF8.self).lowercased()) {
                    emitParameter(bytes[(i + 1)..<end])
                    i = end
                    continue
                }
            }
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "(") || c == UInt8(ascii: "<") {
                let close: UInt8 = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : c == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: ">")
                if let end = bytes[(i + 1)...].firstIndex(of: close), end > i + 1 {
                    // `{?query}` / `{&x}` (URI template query expansions) end the path.
                    if c == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "?") || bytes[i + 1] == UInt8(ascii: "&") { break }
                    emitParameter(bytes[(i + 1)..<end])
                    i = end + 1
                    continue
                }
            }
            if c == UInt8(ascii: ":"), i > 0, bytes[i - 1] == UInt8(ascii: "/") || bytes[i - 1] == UInt8(ascii: ".") || out.suffix(2) == Array("}-".utf8)[...],
               i + 1 < n, isIdentifierStart(bytes[i + 1]) {
                var end = i + 1
                while end < n, isIdentifierByte(bytes[end]), bytes[end] != UInt8(ascii: "-") { end += 1 }
                // `:workspace-slug`: a hyphenated name runs to the segment's end, unless another
                // placeholder follows the hyphen (`:from-:to`).
                var whole = end
                while whole < n, isIdentifierByte(bytes[whole]) { whole += 1 }
                if whole > end, segmentEnds(whole), !bytes[end..<whole].contains(UInt8(ascii: ":")) { end = whole }
                emitParameter(bytes[(i + 1)..<end])
                i = end
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") { break }
            out.append(c)
            i += 1
        }
        return Result(path: String(decoding: out, as: UTF8.self), oddities: oddities, types: types)
    }

    /// OData's system segments (`/$metadata`, `/Products/$count`): literal, not shell variables.
    static let odataSegments: Set<String> = ["metadata", "batch", "count", "value", "ref", "filter", "select", "expand", "top", "skip",
                                             "orderby", "search", "entity", "all", "crossjoin", "each", "apply", "compute", "format"]

    /// The index where `marker` next starts at or after `from`.
    static func closing(_ bytes: [UInt8], from: Int, _ marker: String) -> Int? {
        let m = Array(marker.utf8)
        var k = from
        while k + m.count <= bytes.count {
            if bytes[k] == m[0], Array(bytes[k..<(k + m.count)]) == m { return k }
            k += 1
        }
        return nil
    }

    /// The last run of identifier characters (`string/message_id` → `message_id`), or the text when
    /// it is one already.
    static func identifier(_ text: String) -> String {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.allSatisfy(isIdentifierByte) { return text }
        var best: ArraySlice<UInt8> = []
        var start: Int?
        for (k, b) in bytes.enumerated() {
            if isIdentifierByte(b) { if start == nil { start = k } } else if let s = start { best = bytes[s..<k]; start = nil }
        }
        if let s = start { best = bytes[s...] }
        return String(decoding: best, as: UTF8.self)
    }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_")
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
    }

    static func replacingEmphasis(_ bytes: [UInt8]) -> [UInt8] {
        var s = String(decoding: bytes, as: UTF8.self)
        guard s.contains("<i>") || s.contains("<em>") || s.contains("<var>") else { return bytes }
        for (open, close) in [("<i>", "</i>"), ("<em>", "</em>"), ("<var>", "</var>")] {
            while let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) {
                let name = s[a.upperBound..<b.lowerBound]
                s.replaceSubrange(a.lowerBound..<b.upperBound, with: "{" + name + "}")
            }
        }
        return Array(s.utf8)
    }
}
