import APIModel

/// Reads the type strings of MkDocs API references.
///
/// For example: `string (uuid)` → `.primitive(.string, "uuid")`, `array of string (uri)s` →
/// `.array(.primitive(.string, "uri"))`, `object (free-form)` → `.map(.any)`.
public enum TypeString {
    /// The parsed type, and whether it is an object that nested (dotted) rows may fill.
    public static func parse(_ raw: String) -> (type: TypeRef, known: Bool) {
        let s = raw.trimming(" ").lowercased()
        switch s {
        case "": return (.any, false)
        case "any": return (.any, true)
        case "object": return (.object([]), true)
        case "object (free-form)", "dict", "map": return (.map(.any), true)
        case "array", "list": return (.array(.any), true)
        case "array of objects": return (.array(.object([])), true)
        case "array of anys": return (.array(.any), true)
        case "array of arrays": return (.array(.array(.any)), true)
        default: break
        }
        if s.hasPrefix("array of ") {
            var inner = String(s.dropFirst("array of ".count))
            if inner.hasSuffix(")s") { inner.removeLast() }
            else if inner.hasSuffix("s"), !inner.hasSuffix("ss") { inner.removeLast() }
            let (t, known) = parse(inner)
            return (.array(t), known)
        }
        var base = s
        var format: String?
        // In ASCII text a byte is a character: the byte search finds the character search's index.
        let open = s.utf8.allSatisfy({ $0 < 0x80 }) ? s.utf8.firstIndex(of: UInt8(ascii: "(")) : s.firstIndex(of: "(")
        if let open, s.hasSuffix(")") {
            base = String(s[..<open]).trimming(" ")
            format = String(s[s.index(after: open)..<s.index(before: s.endIndex)]).trimming(" ")
            if format?.isEmpty == true { format = nil }
        }
        switch base {
        case "string", "str": return (.primitive(.string, format: format), true)
        case "integer", "int": return (.primitive(.integer, format: format), true)
        case "number", "float", "double": return (.primitive(.number, format: format ?? (base == "number" ? nil : base)), true)
        case "boolean", "bool": return (.primitive(.boolean, format: format), true)
        case "object": return (.map(.any), true)
        default: return (.any, false)
        }
    }
}
