import DocTree

/// A named type: an object with fields, or a string enumeration.
///
/// For example: `Schema(name: "CallAssignmentConfiguration", kind: .object, fields: [...])`.
public struct Schema: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case object, enumeration }

    /// The Swift type name (unique, already escaped for Swift).
    public var name: String
    public var kind: Kind
    public var fields: [Field]
    /// For enumerations: the raw string values.
    public var enumValues: [String]
    public var description: String
    /// The resource (tag) whose file holds the type.
    public var resource: String
    /// Names the docs or SDK used for this shape (for example `CallAssignmentConfigurationRequest`).
    public var documentedNames: [String]
    public var provenance: SourceLocation?

    public init(name: String, kind: Kind = .object, fields: [Field] = [], enumValues: [String] = [], description: String = "",
                resource: String = "", documentedNames: [String] = [], provenance: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.fields = fields
        self.enumValues = enumValues
        self.description = description
        self.resource = resource
        self.documentedNames = documentedNames
        self.provenance = provenance
    }
}
