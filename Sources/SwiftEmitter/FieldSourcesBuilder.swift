import APIModel

/// `fieldsources.mustache`: the module's table of where each model field is documented.
public struct FieldSourcesContext: Codable, Hashable, Sendable {
    public var header: String
    /// One escaped string literal per field: `"User\towner\tusers.md:13\tOwner"`.
    public var lines: [String]
}

extension ContextBuilder {
    /// Every object schema's fields with a doc location, in schema then field order: the lines of
    /// `FieldSources` (`Type`, JSON key, `page:line`, the model the field holds, `{Model` for a map or `=Int`);
    /// a field without a line of its own has its type's, as has the type's empty key.
    ///
    /// For example: field `owner: Owner` of `User`, documented at users.md:13, is `User\towner\tusers.md:13\tOwner`.
    public func fieldSources(_ api: APIDescription, header: String) -> FieldSourcesContext {
        var lines: [String] = []
        for schema in api.schemas.sorted(by: { $0.name < $1.name }) where schema.kind == .object {
            // The type's own line (empty key): the location of a field the docs give no line of, and of
            // a key the model does not have.
            if let p = schema.provenance {
                lines.append(SwiftText.stringLiteral([schema.name, "", "\(p.file):\(p.line)", ""].map(Self.cell).joined(separator: "\t")))
            }
            for (field, _) in Self.properties(schema) {
                guard let p = field.provenance ?? schema.provenance else { continue }
                let cells = [schema.name, field.name, "\(p.file):\(p.line)", Self.heldModel(field.type)]
                lines.append(SwiftText.stringLiteral(cells.map(Self.cell).joined(separator: "\t")))
            }
        }
        return FieldSourcesContext(header: header, lines: lines)
    }

    /// The model a field's value is or holds: `Owner` for `Owner`, `[Owner]`, `[[Owner]]`; `{Owner` for a map;
    /// `=Int` for an integer (or integers): a decoder that reports a fraction in an integer field without its
    /// path (Foundation's on Linux) is located through it.
    static func heldModel(_ type: TypeRef) -> String {
        switch type {
        case .ref(let name): return name
        case .primitive(.integer, _): return "=Int"
        case .array(let element): return heldModel(element)
        case .map(let value):
            let held = heldModel(value)
            return held.isEmpty || held.hasPrefix("{") ? "" : "{" + held
        default: return ""
        }
    }

    /// Tabs and line breaks would split the table's cells.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
