import APIModel
import DocTree

/// What httpdomain pages say about a documented field besides its name: the type words they write
/// (`int`, `list[str]`, `string|null`), enum lists in a description (`Supported …: [a, b]`), attribute
/// tables describing a field's items, numeric example keys (a map), all read into the builder's
/// evidence (`DocumentedName`) or onto the field.
///
/// For example: `:param list[str] tags:` → an array of strings.
extension Reconciler {
    /// A field-list entry as the builder's evidence: its type word read, an enum list in its description.
    func documented(_ f: SphinxPageReader.DocField, location: String? = nil) -> DocumentedName {
        DocumentedName(name: f.name, type: docType(f.type), required: f.required, location: location, description: f.description,
                       line: f.line, enumValues: enumValues(f.description))
    }

    /// A field whose items an attribute table describes (`users` ↔ "Users for Call Capacity attributes").
    func attributeTableType(_ name: String, _ type: TypeRef) -> TypeRef {
        guard let table = attributeTables.first(where: { $0.subject.lowercased() == name.lowercased() }) else { return type }
        let documented = table.fields.map { f in
            Field(name: f.name, type: docType(f.type), required: f.required ?? false, description: f.description, provenance: location(f.line))
        }
        func fill(_ t: TypeRef) -> TypeRef {
            switch t {
            case .array(let i): return .array(fill(i))
            case .object(let exFields): return .object(FieldTree.combine(documented, example: exFields))
            default: return .array(.object(documented))
            }
        }
        return fill(type)
    }

    func docType(_ raw: String) -> TypeRef {
        switch raw.lowercased().trimming(" ") {
        case "string", "str": return .string
        case "integer", "int": return .integer
        case "number", "float", "double": return .number
        case "boolean", "bool": return .boolean
        case "array", "list": return .array(.any)
        case "object", "dict": return .map(.any)
        case "": return .any
        default:
            let t = raw.lowercased().trimming(" ")
            // `string|null`, `int or null`: the non-null alternative.
            for sep in ["|", " or "] where t.contains(sep) {
                let alternatives = t.replacingAll(sep, with: "|").split(separator: "|").map { String($0).trimming(" ") }.filter { $0 != "null" && $0 != "none" }
                if alternatives.count == 1 { return docType(alternatives[0]) }
            }
            // `list[str]`, `array[int]`, `list of strings`.
            for prefix in ["list[", "array[", "list(", "array("] where t.hasPrefix(prefix) && (t.hasSuffix("]") || t.hasSuffix(")")) {
                return .array(docType(String(t.dropFirst(prefix.count).dropLast())))
            }
            return TypeString.parse(raw).type
        }
    }

    /// `Supported ring patterns: [‘Normal’, ‘Long-Long’]` → `["Normal", "Long-Long"]`.
    func enumValues(_ text: String) -> [String]? {
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
        let before = text[..<open].lowercased()
        guard SphinxSeedVocabulary.enumIntroductions.contains(where: { before.contains($0) }) else { return nil }
        let items = text[text.index(after: open)..<close].split(separator: ",").map {
            $0.trimming(" ").trimming("‘").trimming("’").trimming("'").trimming("\"").trimming("“").trimming("”")
        }.filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }
}

enum TypeRefs {
    /// Example members keyed by a number (`{"featureCount": 2, "12": {…}, "15": {…}}`: results per layer
    /// id) are map entries, not fields: they go, and an object of nothing else is a map of their type.
    ///
    /// For example: `{"2": {"id": 1}, "5": {"id": 2}}` → a map of `{id}`.
    static func keyedByNumber(_ t: TypeRef) -> TypeRef {
        switch t {
        case .object(let fs):
            let numbered = fs.filter { !$0.name.isEmpty && $0.name.allSatisfy(\.isNumber) }
            if numbered.isEmpty { return .object(fs.map { var f = $0; f.type = keyedByNumber(f.type); return f }) }
            if numbered.count == fs.count { return .map(keyedByNumber(numbered[0].type)) }
            return .object(fs.filter { f in !numbered.contains { $0.name == f.name } }.map { var f = $0; f.type = keyedByNumber(f.type); return f })
        case .array(let i): return .array(keyedByNumber(i))
        default: return t
        }
    }
}

/// Attribute tables (`Users for Call Capacity attributes`: Name | Type | Methods | Description),
/// flattened to one cell per line in text renderings.
enum AttributeTables {
    struct Table {
        /// The first word of the title, singular (`Users` → `users` field's items).
        var subject: String
        var fields: [SphinxPageReader.DocField]
    }

    static func read(_ lines: [SourceLine], file: String) -> [Table] {
        var tables: [Table] = []
        var i = 0
        while i < lines.count {
            let t = lines[i].text
            guard t.lowercased().hasSuffix(SphinxSeedVocabulary.attributeTableSuffixes[0])
                    || t.lowercased().hasSuffix(SphinxSeedVocabulary.attributeTableSuffixes[1]) && lines[i].isHeading else { i += 1; continue }
            let subject = String(t.split(separator: " ").first ?? "")
            // Header cells end with `|`; then a `---|---|` line; then rows of the same number of cells.
            var j = i + 1
            var header: [String] = []
            while j < lines.count, lines[j].text.hasSuffix("|"), !lines[j].text.hasPrefix("---") {
                header.append(String(lines[j].text.dropLast()).trimming(" ")); j += 1
            }
            guard j < lines.count, lines[j].text.hasPrefix("---"), !header.isEmpty else { i += 1; continue }
            j += 1
            var cells: [(String, Int)] = []
            while j < lines.count, lines[j].text.hasSuffix("|") || lines[j].text == "|||" {
                let text = lines[j].text
                if text.allSatisfy({ $0 == "|" }) {
                    for _ in 0..<text.count { cells.append(("", lines[j].line)) }
                } else {
                    cells.append((String(text.dropLast()).trimming(" "), lines[j].line))
                }
                j += 1
            }
            let n = header.count
            // A name and a type column at least; a one-column "table" is not an attribute table.
            guard n >= 2 else { i = j; continue }
            let nameCol = header.firstIndex { $0.lowercased() == "name" } ?? 0
            let typeCol = header.firstIndex { $0.lowercased() == "type" } ?? 1
            let descCol = header.firstIndex { $0.lowercased() == "description" } ?? (n - 1)
            var fields: [SphinxPageReader.DocField] = []
            var k = 0
            while k + n <= cells.count {
                let row = Array(cells[k..<(k + n)])
                k += n
                let name = row[nameCol].0
                guard !name.isEmpty, !HTTPMethod.isValid(name), !row[typeCol].0.isEmpty else { continue }
                fields.append(SphinxPageReader.DocField(name: name, type: row[typeCol].0, required: nil, description: row[descCol].0, line: row[nameCol].1))
            }
            if !fields.isEmpty { tables.append(Table(subject: subject, fields: fields)) }
            i = j
        }
        return tables
    }
}
