/// One start or end tag of component markup: an MDX/JSX component or an HTML element written in a
/// Markdown page, with its attributes. JSX expression values are unwrapped: `{"get"}` → `get`,
/// `{true}` → `true`; object and array expressions (`{{"name": "id"}}`) keep their JSON text.
///
/// For example: `<ParamField path="id" type="string" required>` → name `ParamField`, attributes
/// `path=id`, `type=string`, `required` (no value).
public struct ComponentTag: Sendable, Equatable {
    public var name: String
    /// In source order; `value` is nil for a bare attribute (`required`).
    public var attributes: [Attribute]
    public var isEnd: Bool
    public var isSelfClosing: Bool

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String?
    }

    /// The value of the attribute `name` (case-insensitive), `""` for a bare one; nil when absent.
    public func attribute(_ name: String) -> String? {
        guard let a = attributes.first(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
        return a.value ?? ""
    }

    /// A bare attribute, or one whose value is `true`.
    public func flag(_ name: String) -> Bool? {
        guard let v = attribute(name) else { return nil }
        if v.isEmpty || v.lowercased() == "true" { return true }
        if v.lowercased() == "false" { return false }
        return nil
    }
}

/// Scans text for component tags (`<Name attr="v" attr={expr} flag>` and `</Name>`); text between
/// tags is not returned. A `<` not followed by a letter or `/` is text (`a < b`).
///
/// For example: `<MethodEndpoint method={"get"} path={"/pets"}></MethodEndpoint>` → a start tag with
/// `method=get`, `path=/pets`, then an end tag.
public enum ComponentMarkup {
    /// Longest attribute expression read (`{…}`); a longer one ends the scan.
    static let maxExpression = 1 << 20

    public static func tags(in text: some StringProtocol) -> [ComponentTag] {
        tokens(in: text).compactMap { if case .tag(let t) = $0.kind { return t } else { return nil } }
    }

    /// A tag or the text between tags, with its line within the scanned text (0 for the first).
    public struct Token: Sendable {
        public enum Kind: Sendable { case tag(ComponentTag), text(String) }
        public var kind: Kind
        public var line: Int
    }

    /// The tags and the text runs between them, in order.
    public static func tokens(in text: some StringProtocol) -> [Token] {
        let s = Array(String(text).utf8)
        var out: [Token] = []
        var i = 0
        var textStart = 0
        var line = 0
        var counted = 0
        func lineAt(_ k: Int) -> Int {
            while counted < k { if s[counted] == 0x0A { line += 1 }; counted += 1 }
            return line
        }
        func flushText(_ end: Int) {
            guard end > textStart else { return }
            let t = String(decoding: s[textStart..<end], as: UTF8.self)
            if t.contains(where: { !$0.isWhitespace }) {
                let leading = s[textStart..<end].prefix { isBlank($0) }
                out.append(Token(kind: .text(decodeEntities(t)), line: lineAt(textStart + leading.count)))
            }
        }
        while i < s.count {
            guard s[i] == UInt8(ascii: "<"), i + 1 < s.count else { i += 1; continue }
            var j = i + 1
            let isEnd = s[j] == UInt8(ascii: "/")
            if isEnd { j += 1 }
            guard j < s.count, isNameStart(s[j]) else { i += 1; continue }
            let nameStart = j
            while j < s.count, isNameByte(s[j]) { j += 1 }
            var tag = ComponentTag(name: String(decoding: s[nameStart..<j], as: UTF8.self), attributes: [], isEnd: isEnd, isSelfClosing: false)
            var closed = false
            while j < s.count {
                while j < s.count, isBlank(s[j]) { j += 1 }
                guard j < s.count else { break }
                if s[j] == UInt8(ascii: ">") { j += 1; closed = true; break }
                if s[j] == UInt8(ascii: "/"), j + 1 < s.count, s[j + 1] == UInt8(ascii: ">") { j += 2; tag.isSelfClosing = true; closed = true; break }
                guard isAttributeNameByte(s[j]) else { break }
                let a = j
                while j < s.count, isAttributeNameByte(s[j]) { j += 1 }
                var attribute = ComponentTag.Attribute(name: String(decoding: s[a..<j], as: UTF8.self), value: nil)
                var k = j
                while k < s.count, isBlank(s[k]) { k += 1 }
                if k < s.count, s[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < s.count, isBlank(s[k]) { k += 1 }
                    guard k < s.count, let (value, end) = value(s, at: k) else { break }
                    attribute.value = value
                    j = end
                }
                tag.attributes.append(attribute)
            }
            // A multi-line JSX tag whose lone `>` line Markdown read as a block quote: the text ends
            // after its attributes.
            guard closed || (j >= s.count && !tag.attributes.isEmpty) else { i += 1; continue }
            flushText(i)
            out.append(Token(kind: .tag(tag), line: lineAt(i)))
            i = j
            textStart = j
        }
        flushText(s.count)
        return out
    }

    /// A quoted, braced or bare attribute value at `k` and the offset after it.
    static func value(_ s: [UInt8], at k: Int) -> (String, Int)? {
        let q = s[k]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
            guard let close = s[(k + 1)...].firstIndex(of: q) else { return nil }
            return (decodeEntities(String(decoding: s[(k + 1)..<close], as: UTF8.self)), close + 1)
        }
        if q == UInt8(ascii: "{") {
            guard let end = braceEnd(s, from: k) else { return nil }
            return (expression(String(decoding: s[(k + 1)..<end], as: UTF8.self)), end + 1)
        }
        var e = k
        while e < s.count, !isBlank(s[e]), s[e] != UInt8(ascii: ">") { e += 1 }
        if e > k, s[e - 1] == UInt8(ascii: "/"), e < s.count, s[e] == UInt8(ascii: ">") { e -= 1 }
        return (String(decoding: s[k..<e], as: UTF8.self), e)
    }

    /// The index of the `}` that closes the `{` at `start`, skipping string literals.
    static func braceEnd(_ s: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var i = start
        var quote: UInt8?
        while i < s.count, i - start < maxExpression {
            let c = s[i]
            if let q = quote {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                quote = c
            } else if c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// A JSX expression's value: a string literal decoded, anything else as written.
    static func expression(_ inner: String) -> String {
        let t = inner.trimming(" ")
        guard let f = t.first, f == "\"" || f == "'" || f == "`", t.count >= 2, t.last == f else { return t }
        if f == "\"", case .string(let v)? = try? { var p = TolerantJSON(Substring(t)); return try p.parseValue().0 }() { return v }
        return String(t.dropFirst().dropLast())
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] { out = out.replacing(entity, with: ch) }
        return out
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    static func isNameStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }
    static func isAttributeNameByte(_ b: UInt8) -> Bool {
        isNameByte(b) || b == UInt8(ascii: "@")
    }
}
