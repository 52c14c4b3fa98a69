/// The digest of each resource, operation and schema of a model (`ContextDigest.of(element)`), taken
/// once per regeneration and read by both users: the model JSON's element cache
/// (`ModelJSONElementCache`) and the render keys of the Swift files (`FileInputs`). Each array is in the
/// model's order.
///
/// For example: `digests.schemas[i]` is the digest of `api.schemas[i]`.
public struct ElementDigests: Sendable {
    public var resources: [UInt64]
    public var operations: [UInt64]
    public var schemas: [UInt64]

    public init(resources: [UInt64], operations: [UInt64], schemas: [UInt64]) {
        self.resources = resources
        self.operations = operations
        self.schemas = schemas
    }

    /// Whether these are the digests of `api`'s elements (the same counts; a model changed after
    /// they were taken must not use them).
    public func fit(_ api: APIDescription) -> Bool {
        resources.count == api.resources.count && operations.count == api.operations.count && schemas.count == api.schemas.count
    }
}
