import DocTree

/// One HTTP operation.
///
/// For example: `PATCH /api/call-assignment-configurations/{uuid}/`, id
/// `call_assignment_configurations_partial_update`, Swift name `callAssignmentConfigurationsPartialUpdate`.
public struct Operation: Hashable, Sendable, Codable {
    /// Stable identifier: the SDK function name when documented, else `method_path` in snake case.
    public var id: String
    /// The Swift method name (unique across the API).
    public var swiftName: String
    /// The resource (tag) it belongs to.
    public var resource: String
    /// Upper-case HTTP method.
    public var method: String
    /// Path template with `{name}` parameters.
    public var path: String
    public var summary: String
    public var description: String
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    public var errorCodes: [ErrorCode]
    /// Who may call it, as documented (for example `minimum Group Admin`).
    public var authorization: String?
    public var examples: [Example]
    public var provenance: SourceLocation?

    public init(id: String, swiftName: String = "", resource: String, method: String, path: String, summary: String = "",
                description: String = "", parameters: [Parameter] = [], requestBody: RequestBody? = nil,
                responses: [Response] = [], errorCodes: [ErrorCode] = [], authorization: String? = nil,
                examples: [Example] = [], provenance: SourceLocation? = nil) {
        self.id = id
        self.swiftName = swiftName
        self.resource = resource
        self.method = method
        self.path = path
        self.summary = summary
        self.description = description
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.errorCodes = errorCodes
        self.authorization = authorization
        self.examples = examples
        self.provenance = provenance
    }
}

/// A path, query or header parameter.
///
/// For example: `Parameter(name: "page_size", location: .query, type: .integer, required: false)`.
public struct Parameter: Hashable, Sendable, Codable {
    public enum Location: String, Hashable, Sendable, Codable, Comparable {
        case path, query, header
        public static func < (a: Location, b: Location) -> Bool { a.rank < b.rank }
        var rank: Int { self == .path ? 0 : self == .query ? 1 : 2 }
    }
    public var name: String
    public var location: Location
    public var type: TypeRef
    public var required: Bool
    public var description: String
    public var enumValues: [String]?
    public var provenance: SourceLocation?
    /// A value the docs show for it: for a path parameter read from a concrete URL (`/processes/777` →
    /// `{process_id}`), the concrete value.
    public var example: String?

    public init(name: String, location: Location, type: TypeRef, required: Bool, description: String = "",
                enumValues: [String]? = nil, provenance: SourceLocation? = nil, example: String? = nil) {
        self.example = example
        self.name = name
        self.location = location
        self.type = type
        self.required = required
        self.description = description
        self.enumValues = enumValues
        self.provenance = provenance
    }
}

/// The body an operation accepts.
///
/// For example: `RequestBody(contentType: "application/json", required: false, type: .ref("CallAssignmentConfigurationRequest"))`.
public struct RequestBody: Hashable, Sendable, Codable {
    public var contentType: String
    public var required: Bool
    public var type: TypeRef
    /// The SDK's name for the body model, when documented.
    public var documentedName: String?
    public var provenance: SourceLocation?

    public init(contentType: String = "application/json", required: Bool, type: TypeRef, documentedName: String? = nil,
                provenance: SourceLocation? = nil) {
        self.contentType = contentType
        self.required = required
        self.type = type
        self.documentedName = documentedName
        self.provenance = provenance
    }
}

/// One documented response. `type == nil` means "no response body".
///
/// For example: `Response(status: "204", description: "No response body", type: nil)`.
public struct Response: Hashable, Sendable, Codable {
    /// Status code as written (`200`, `4XX`, `default`).
    public var status: String
    public var description: String
    public var contentType: String?
    public var type: TypeRef?
    /// The docs' name for the body's type (an API Blueprint data structure), when documented.
    public var documentedName: String?
    public var provenance: SourceLocation?

    public init(status: String, description: String = "", contentType: String? = nil, type: TypeRef?, provenance: SourceLocation? = nil) {
        self.status = status
        self.description = description
        self.contentType = contentType
        self.type = type
        self.provenance = provenance
    }

    public var isSuccess: Bool { status.hasPrefix("2") }
}

/// A documented application error sub-code.
///
/// For example: `ErrorCode(status: "400", code: "11", name: "ALREADY_EXISTS", description: "…")`.
public struct ErrorCode: Hashable, Sendable, Codable {
    public var status: String
    public var code: String
    public var name: String
    public var description: String
    public init(status: String, code: String, name: String, description: String = "") {
        self.status = status; self.code = code; self.name = name; self.description = description
    }
}

/// A request or response example from the docs.
///
/// For example: `Example(kind: "request", language: "bash", text: "http GET …")`.
public struct Example: Hashable, Sendable, Codable {
    public var kind: String
    public var language: String
    public var text: String
    public var provenance: SourceLocation?
    public init(kind: String, language: String, text: String, provenance: SourceLocation? = nil) {
        self.kind = kind; self.language = language; self.text = text; self.provenance = provenance
    }
}
