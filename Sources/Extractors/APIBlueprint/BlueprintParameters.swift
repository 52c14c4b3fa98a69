import APIModel
import DocTree

/// Reads a `+ Parameters` section: one item per URI template variable,
/// `` name: `example` (required, number) - description `` (API Blueprint parameters are required
/// unless marked `optional`), with nested `+ Default: `value`` and `+ Members` (an enum's values).
/// The older form `` name = `default` (optional, string, `example`) ... description `` is read too.
///
/// For example: `` + limit: `10` (optional, number) - Most notes to return `` →
/// `Parameter(name: "limit", type: .number, required: false, description: "Most notes to return")`.
enum BlueprintParameters {
    struct Documented {
        var name: String
        var type: TypeRef
        var required: Bool
        var description: String
        var enumValues: [String]?
        var line: Int
    }

    static func read(_ items: [[Block]], file: String, diagnostics: DiagnosticCollector) -> [Documented] {
        var out: [Documented] = []
        for item in items {
            guard let (raw, line) = MSONTypes.firstLine(item) else { continue }
            var text = raw
            // The older syntax: `id = `1` (…) ... description`.
            if let dots = text.textRange(of: " ... ") { text.replaceSubrange(dots, with: " - ") }
            if let eq = text.textRange(of: " = "), !text[..<eq.lowerBound].contains(":") {
                text.replaceSubrange(eq, with: ": ")
            }
            let m = MSONLine.parse(text, named: true)
            guard let name = m.name, !name.contains(" ") else {
                diagnostics.warning("parameter line '\(raw)' has no name; expected 'name: `example` (type) - description'",
                                    at: SourceLocation(file: file, line: line, column: 1))
                continue
            }
            var description = m.description
            let prose = MSONTypes.prose(item)
            if !prose.isEmpty { description += (description.isEmpty ? "" : "\n\n") + prose }
            var values: [String] = []
            for child in MSONTypes.children(item) {
                guard let (childText, _) = MSONTypes.firstLine(child) else { continue }
                if childText.lowercased().hasPrefix("members") || childText.lowercased().hasPrefix("values") {
                    for member in MSONTypes.children(child) {
                        if let (v, _) = MSONTypes.firstLine(member) {
                            let value = MSONLine.parse(v, named: false).value ?? v
                            if !values.contains(value) { values.append(value) }
                        }
                    }
                }
            }
            let spec = m.type.map(MSONTypeSpec.init)
            var type: TypeRef = .string
            // `enum[number]`: the members' type.
            let base = spec?.base.lowercased() == "enum" ? spec?.nested.first?.lowercased() : spec?.base.lowercased()
            switch base {
            case "number"?: type = .number
            case "integer"?, "int"?: type = .integer
            case "boolean"?, "bool"?: type = .boolean
            case "array"?: type = .array(.string)
            default: break
            }
            out.append(Documented(name: name, type: type, required: !m.flags.contains("optional"), description: description,
                                  enumValues: values.isEmpty || type != .string ? nil : values, line: line))
        }
        return out
    }
}
