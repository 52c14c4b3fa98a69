import DocTree

/// What an extractor finds on one page: a resource and its operations, with inline types
/// (objects are named and de-duplicated later, by refinement).
///
/// For example: a MkDocs page for `/api/users/` gives one `Resource` and its 6 operations.
public struct PageExtraction: Hashable, Sendable, Codable {
    public var resource: Resource
    public var operations: [Operation]
    /// The dialect that read the page, and why it was chosen (for verbose output).
    public var dialect: String
    public var reason: String
    /// The API's base URL when the page declares one (API Blueprint `HOST:` metadata).
    public var baseURL: String?

    public init(resource: Resource, operations: [Operation], dialect: String, reason: String) {
        self.resource = resource
        self.operations = operations
        self.dialect = dialect
        self.reason = reason
    }
}

