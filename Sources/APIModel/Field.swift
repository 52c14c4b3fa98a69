import DocTree

/// One property of an object schema.
///
/// For example: the row `| \`call_uuid\` | string (uuid) | ✓ | |` is
/// `Field(name: "call_uuid", type: .primitive(.string, format: "uuid"), required: true)`.
public struct Field: Hashable, Sendable, Codable {
    /// The JSON key, exactly as documented.
    public var name: String
    public var type: TypeRef
    public var required: Bool
    public var nullable: Bool
    public var readOnly: Bool
    public var description: String
    /// Allowed values when the docs list them (`Enum: \`a\`, \`b\``); a string enum.
    public var enumValues: [String]?
    /// Where the field is documented.
    public var provenance: SourceLocation?

    public init(name: String, type: TypeRef, required: Bool = false, nullable: Bool = false, readOnly: Bool = false,
                description: String = "", enumValues: [String]? = nil, provenance: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.nullable = nullable
        self.readOnly = readOnly
        self.description = description
        self.enumValues = enumValues
        self.provenance = provenance
    }
}
