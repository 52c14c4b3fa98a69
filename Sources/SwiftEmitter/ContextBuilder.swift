import APIModel

/// Builds the render contexts from the model: Swift names, types and escaped literals.
/// Everything that lands in code passes through `SwiftText` or `Naming`.
///
/// For example: the field `call_uuid: string (uuid)` becomes the property
/// `PropertyContext(name: "callUuid", type: "UUID?", jsonKeyLiteral: "\"call_uuid\"")`.
public struct ContextBuilder: Sendable {
    /// `public` or `internal` for every generated declaration.
    public var access: String

    /// Every schema of the API by name: paging envelopes are read through them.
    public let schemas: [String: Schema]
    /// Every operation's Swift method name: an `…All` method is added only where it takes none of them.
    public let operationNames: Set<String>
    /// The properties through which a model would contain itself: stored in an `Indirect` box.
    let indirect: IndirectFields
    /// The `typealias`es of documented names, for the whole module.
    let aliases: DocumentedAliases

    /// A builder that knows the whole API (its schemas and method names).
    ///
    /// For example: `ContextBuilder(access: "public", api: api).client(resource: r, operations: ops, header: "")`.
    public init(access: String = "public", api: APIDescription) {
        self.access = access
        schemas = Dictionary(api.schemas.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        operationNames = Set(api.operations.map(\.swiftName))
        aliases = DocumentedAliases(api.schemas)
        indirect = IndirectFields(schemas: schemas, aliases: aliases)
    }

    public func models(resource: String, schemas: [Schema], header: String) -> ModelsFileContext {
        var structs: [StructContext] = []
        var enums: [EnumContext] = []
        var aliases: [AliasContext] = []
        for schema in schemas {
            switch schema.kind {
            case .object: structs.append(structContext(schema))
            case .enumeration: enums.append(enumContext(schema))
            }
            for alias in self.aliases.aliases(of: schema) { aliases.append(AliasContext(name: alias, target: schema.name)) }
        }
        return ModelsFileContext(header: header, access: access, resource: resource, structs: structs, enums: enums, aliases: aliases)
    }

    /// Property names that would clash with what a struct declares itself.
    static let reservedMembers: Set<String> = ["init", "self", "Self", "Type", "Protocol", "deinit", "subscript"]

    /// The struct's fields, one per JSON key, with their Swift property names (unescaped).
    ///
    /// For example: fields `type`, `Type` → `("type", "type")`, `("Type", "type2")`.
    static func properties(_ schema: Schema) -> [(field: Field, name: String)] {
        var used: Set<String> = []
        // One property per JSON key (the model should not repeat a key; never emit duplicate raw values).
        var keys: Set<String> = []
        var out: [(field: Field, name: String)] = []
        for field in schema.fields where keys.insert(field.name).inserted {
            var base = Naming.memberName(field.name)
            if reservedMembers.contains(base) { base += "Value" }
            var name = base
            var n = 2
            while used.contains(name) { name = "\(base)\(n)"; n += 1 }
            used.insert(name)
            out.append((field, name))
        }
        return out
    }

    /// The enum's case names (escaped), one per documented value, in order.
    static func caseNames(_ schema: Schema) -> [String] {
        var used: Set<String> = ["undocumented", "allCases", "rawValue", "init", "self", "Type"]
        return schema.enumValues.map { value in
            var base = Naming.memberName(value)
            if value.trimmingCharacters(in: .init()) .isEmpty || Naming.words(value).isEmpty { base = "empty" }
            var name = base
            var n = 2
            while used.contains(name) { name = "\(base)\(n)"; n += 1 }
            used.insert(name)
            return Naming.escaped(name)
        }
    }

    func structContext(_ schema: Schema) -> StructContext {
        var props: [PropertyContext] = []
        let fields = Self.properties(schema)
        for (i, (field, name)) in fields.enumerated() {
            let optional = !field.required || field.nullable
            var doc = field.description
            if field.enumValues != nil, case .ref = field.type {} else if let values = field.enumValues {
                doc += (doc.isEmpty ? "" : "\n\n") + "Allowed values: " + values.joined(separator: ", ")
            }
            let swiftName = Naming.escaped(name)
            let type = SwiftTypes.name(field.type) + (optional ? "?" : "")
            let defaultValue = optional ? " = nil" : ""
            let jsonKey = SwiftText.stringLiteral(field.name)
            let coding = Self.codingMethod(SwiftTypes.name(field.type), optional: optional)
            let separator = i == fields.count - 1 ? "" : ","
            let attributes = indirect.contains(schema: schema.name, field: field.name) ? "@Indirect " : ""
            props.append(PropertyContext(
                name: swiftName, type: type, defaultValue: defaultValue, jsonKeyLiteral: jsonKey, coding: coding,
                attributes: attributes, docLines: SwiftText.docComment(doc), separator: separator,
                statements: PropertyStatements(access: access, attributes: attributes, name: swiftName, type: type,
                                               defaultValue: defaultValue, jsonKeyLiteral: jsonKey, coding: coding, separator: separator)))
        }
        var doc = schema.description
        if !schema.documentedNames.isEmpty { doc += (doc.isEmpty ? "" : "\n\n") + "Also documented as: " + schema.documentedNames.joined(separator: ", ") + "." }
        if let p = schema.provenance { doc += (doc.isEmpty ? "" : "\n\n") + SwiftText.sourceLine(p) }
        return StructContext(name: schema.name, docLines: SwiftText.docComment(doc), properties: props, hasProperties: !props.isEmpty,
                             blocks: StructBlocks(props))
    }

    /// Types with a `ModelFields` method of their own. The scalars the JSON coders decode and encode without
    /// the generic path (a `String` through the generic `decode<T>` costs a nested decoder), as synthesized
    /// code calls the container's concrete overloads; and the common value types, whose concrete method
    /// spares the type checker inferring `T` from the assignment (about 1 % of the Waldur module's compile).
    static let scalarCodings: Set<String> = ["String", "Int", "Int32", "Int64", "Double", "Bool",
                                             "UUID", "URL", "Date", "DecimalString", "CalendarDate", "JSONValue"]

    /// The `ModelFields`/`ModelFieldWriter` method of a property: `optionalString`, `requiredInt`, or
    /// generic `optional`/`required` for every other type.
    ///
    /// For example: `codingMethod("String", optional: true)` is `optionalString`; `codingMethod("[UUID]", optional: true)` is `optional`.
    static func codingMethod(_ type: String, optional: Bool) -> String {
        (optional ? "optional" : "required") + (scalarCodings.contains(type) ? type : "")
    }

    func enumContext(_ schema: Schema) -> EnumContext {
        let cases = zip(Self.caseNames(schema), schema.enumValues).map { EnumCaseContext(name: $0, rawLiteral: SwiftText.stringLiteral($1)) }
        var doc = "Values: " + schema.enumValues.map { "`\($0)`" }.joined(separator: ", ")
        if let p = schema.provenance { doc += "\n\n" + SwiftText.sourceLine(p) }
        return EnumContext(name: schema.name, docLines: SwiftText.docComment(doc), cases: cases)
    }
}

extension String {
    func trimmingCharacters(in _: Set<Character>) -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
