import APIModel

/// Reads the type words hand-written and generated docs put in a Type column or a parameter
/// list, where `TypeString` (the MkDocs vocabulary) does not know them. Unknown words are `any`.
///
/// For example: `integer(int64)` → integer (int64), `[string]` / `array[string]` / `string[]` →
/// array of string, `Boolean` → boolean, `[Pet](#schemapet)` (plain `Pet`) → any.
public enum LenientType {
    public static func parse(_ raw: String) -> TypeRef {
        var s = raw.trimming(" ").lowercased()
        for noise in [", required", ", optional", " (required)", " (optional)", " required", " optional", "required", "optional"] where s.hasSuffix(noise) {
            s = String(s.dropLast(noise.count)).trimming(" ")
        }
        if s.hasSuffix(",") { s.removeLast() }
        let (known, ok) = TypeString.parse(s)
        if ok { return known }
        if s.hasPrefix("[") && s.hasSuffix("]") { return .array(parse(String(s.dropFirst().dropLast()))) }
        if s.hasSuffix("[]") { return .array(parse(String(s.dropLast(2)))) }
        if s.hasPrefix("[]") { return .array(parse(String(s.dropFirst(2)))) }
        for prefix in ["array[", "list[", "array<", "list<", "array(", "list("] where s.hasPrefix(prefix) {
            return .array(parse(String(s.dropFirst(prefix.count).dropLast())))
        }
        for prefix in ["array of ", "list of ", "arrayof "] where s.hasPrefix(prefix) {
            var inner = String(s.dropFirst(prefix.count))
            if inner.hasSuffix("s"), !inner.hasSuffix("ss") { inner.removeLast() }
            return .array(parse(inner))
        }
        var base = s
        var format: String?
        if let open = s.firstIndex(of: "("), s.hasSuffix(")") {
            base = String(s[..<open]).trimming(" ")
            let f = String(s[s.index(after: open)..<s.index(before: s.endIndex)]).trimming(" ")
            format = f.isEmpty ? nil : f
        }
        if let slash = base.firstIndex(where: { $0 == "|" || $0 == "/" || $0 == " " }) { base = String(base[..<slash]) }
        switch base {
        case "int", "integer", "int32", "int64", "long", "uint", "short", "number(int)": return .primitive(.integer, format: format ?? (base.hasPrefix("int") && base.count > 3 ? base : nil))
        case "number", "float", "double", "decimal", "numeric", "float32", "float64": return .primitive(.number, format: format)
        case "bool", "boolean": return .boolean
        case "string", "str", "text", "char", "varchar": return .primitive(.string, format: format)
        case "uuid", "guid": return .primitive(.string, format: "uuid")
        case "date": return .primitive(.string, format: "date")
        case "datetime", "date-time", "timestamp": return .primitive(.string, format: "date-time")
        case "email", "url", "uri", "binary", "byte", "password": return .primitive(.string, format: base)
        case "object", "hash", "dict", "dictionary", "map", "json", "jsonobject": return .map(.any)
        case "array", "list": return .array(.any)
        default: return .any
        }
    }
}
