import APIModel
import DocTree

/// Turns a field table (`Field | Type | Required | Description`) with dotted nested names
/// (`endpoints.uuid`) into fields with nested object types.
///
/// For example: rows `options` (object), `options.order` (array of strings) give one field
/// `options: .object([Field(name: "order", type: .array(.string))])`.
public enum FieldTable {
    /// A field being built; children fill an object, or the items of an array of objects.
    final class Node {
        var field: Field
        var children: [Node] = []
        init(_ field: Field) { self.field = field }

        func resolved() -> Field {
            guard !children.isEmpty else {
                var f = field
                f.type = FieldTable.emptyObjectsToMaps(f.type)
                return f
            }
            let fields = children.map { $0.resolved() }
            var f = field
            f.type = FieldTable.attach(fields, to: field.type)
            return f
        }
    }

    static func attach(_ fields: [Field], to type: TypeRef) -> TypeRef {
        switch type {
        case .array(let inner): return .array(attach(fields, to: inner))
        default: return .object(fields)
        }
    }

    /// `object` with no documented fields is a free-form object.
    static func emptyObjectsToMaps(_ type: TypeRef) -> TypeRef {
        switch type {
        case .object(let f) where f.isEmpty: return .map(.any)
        case .array(let inner): return .array(emptyObjectsToMaps(inner))
        default: return type
        }
    }

    public static func fields(from table: Table, file: String, diagnostics: DiagnosticCollector,
                              requiredByDefault: Bool = false) -> [Field] {
        let nameCol = table.column("Field") ?? table.column("Name") ?? 0
        let typeCol = table.column("Type") ?? 1
        let requiredCol = table.column("Required")
        let descCol = table.column("Description")
        var roots: [Node] = []
        var byPath: [String: Node] = [:]
        for (i, row) in table.rows.enumerated() {
            let line = table.rowLines[i]
            let location = SourceLocation(file: file, line: line, column: 1)
            let name = cellName(row[nameCol])
            guard !name.isEmpty else {
                diagnostics.warning("field row without a name", at: location)
                continue
            }
            let typeText = typeCol < row.count ? row[typeCol].plain : ""
            var (type, known) = TypeString.parse(typeText)
            if !known {
                diagnostics.warning("unknown type '\(typeText)' for field '\(name)'; using any", at: location)
                type = .any
            }
            var required = requiredCol.map { isTick(row[$0]) } ?? requiredByDefault
            var (description, enumValues) = descCol.map { DescriptionText.split(row[$0]) } ?? ("", nil)
            // A text rendering drops an empty Required cell, shifting the description into it.
            if let r = requiredCol, !row[r].plain.isEmpty, !isTick(row[r]), description.isEmpty {
                (description, enumValues) = DescriptionText.split(row[r])
                required = false
            }
            if byPath[name] != nil {
                diagnostics.warning("field '\(name)' is documented twice; keeping the first", at: location)
                continue
            }
            // Most names have no dot: no split (a character-by-character walk) for them.
            let components = name.utf8.contains(UInt8(ascii: ".")) ? name.split(separator: ".", omittingEmptySubsequences: false).map(String.init) : [name]
            let leaf = components.last!
            let field = Field(name: leaf, type: type, required: required, description: description,
                              enumValues: enumValues, provenance: location)
            let node = Node(field)
            if components.count == 1 {
                roots.append(node)
            } else {
                let parentPath = components.dropLast().joined(separator: ".")
                let parent = byPath[parentPath] ?? makeParents(parentPath, roots: &roots, byPath: &byPath, at: location, diagnostics: diagnostics)
                if case .primitive = parent.field.type {
                    diagnostics.warning("'\(parentPath)' is documented as \(parent.field.type.summary) but has nested fields; reading it as an object", at: location)
                    parent.field.type = .object([])
                }
                parent.children.append(node)
            }
            byPath[name] = node
        }
        return roots.map { $0.resolved() }
    }

    /// A nested row whose parent row is missing: create the parents as objects, and say so.
    private static func makeParents(_ path: String, roots: inout [Node], byPath: inout [String: Node], at location: SourceLocation,
                                    diagnostics: DiagnosticCollector) -> Node {
        diagnostics.warning("nested field under '\(path)', which is not documented; assuming an object", at: location)
        let components = path.split(separator: ".").map(String.init)
        var parent: Node?
        for i in components.indices {
            let p = components[0...i].joined(separator: ".")
            if let existing = byPath[p] { parent = existing; continue }
            let node = Node(Field(name: components[i], type: .object([]), provenance: location))
            if let parent { parent.children.append(node) } else { roots.append(node) }
            byPath[p] = node
            parent = node
        }
        return parent!
    }

    /// The name cell: the code span if any (`` `call_uuid` ``), else the plain text.
    static func cellName(_ cell: InlineText) -> String {
        if let code = cell.codeSpans.first { return code.trimming(" ") }
        return cell.plain
    }

    static func isTick(_ cell: InlineText) -> Bool {
        let t = cell.plain.lowercased()
        return t.containsText("✓") || t.containsText("✔") || t == "yes" || t == "true" || t == "required" || t == "x"
    }
}

/// Splits a description cell into prose and the `Enum: \`a\`, \`b\`` values it lists.
public enum DescriptionText {
    public static func split(_ cell: InlineText) -> (String, [String]?) {
        var prose: [InlineText.Span] = []
        var values: [String] = []
        var inEnum = false
        for span in cell.spans {
            switch span {
            case .text(let t):
                if !inEnum, let r = t.textRange(of: "Enum:") {
                    prose.append(.text(String(t[..<r.lowerBound])))
                    inEnum = true
                } else if !inEnum {
                    prose.append(span)
                }
            case .code(let c):
                if inEnum { values.append(c) } else { prose.append(span) }
            case .link:
                if !inEnum { prose.append(span) }
            }
        }
        return (InlineText(prose).plain, inEnum && !values.isEmpty ? values : nil)
    }
}
