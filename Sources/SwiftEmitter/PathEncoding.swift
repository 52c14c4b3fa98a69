import APIModel

/// How the literal parts of a documented path are written in generated code, the same way on both
/// sides: the client sends them and the server registers its routes with them. Hummingbird matches
/// routes against the raw (still percent-encoded) request path, so the two agree only if the client
/// sends exactly the route's text: a `\` in the docs is `%5C` in both. Kept as written: RFC 3986 path
/// characters (letters, digits, `-._~!$&'()+,;=:@`) and `/`. Encoded as UTF-8 `%XX`: everything else,
/// and `*` and a `:` that starts a segment (Hummingbird reads those as wildcards and captures).
/// Parameter values are encoded at run time by `RequestBuilder.pathSegment` with the same rule.
///
/// For example: `literal("/things/(x)/\\(y)/")` is `/things/(x)/%5C(y)/`; `template("/a b/{id}/")` is `/a%20b/{id}/`.
public enum PathEncoding {
    static let kept: Set<UInt8> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()+,;=:@/".utf8)

    /// A literal part of a path; `atSegmentStart` when it begins a segment (the path's start or after a
    /// parameter that ended one — a literal after a parameter in the same segment does not).
    public static func literal(_ text: String, atSegmentStart: Bool = true) -> String {
        var out = ""
        var segmentStart = atSegmentStart
        for byte in text.utf8 {
            if kept.contains(byte), !(byte == UInt8(ascii: ":") && segmentStart) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte)
            }
            segmentStart = byte == UInt8(ascii: "/")
        }
        return out
    }

    /// A path template with `{parameters}` kept and every literal part encoded as `literal` does.
    public static func template(_ path: String) -> String {
        var out = ""
        var segmentStart = true
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l):
                out += literal(l, atSegmentStart: segmentStart)
                segmentStart = l.hasSuffix("/")
            case .parameter(let p):
                out += "{" + p + "}"
                segmentStart = false
            }
        }
        return out
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
