import Foundation
import DocTree

/// The intermediate API model: everything the emitters need, nothing about Markdown or HTML.
/// Encoded as JSON with sorted keys (`APIDescription.jsonData()`), so the same input gives the same bytes.
///
/// For example: `APIDescription(title: "Waldur API", resources: [...], operations: [...], schemas: [...])`.
public struct APIDescription: Hashable, Sendable, Codable {
    /// Version of this JSON format.
    public var formatVersion: Int
    public var title: String
    public var version: String
    public var basePath: String
    /// The server's URL when the docs declare one (API Blueprint `HOST:`); nil otherwise.
    public var baseURL: String?
    public var resources: [Resource]
    /// Sorted by resource, then path, then method.
    public var operations: [Operation]
    /// Named types, sorted by name.
    public var schemas: [Schema]

    public init(title: String = "API", version: String = "1.0.0", basePath: String = "", resources: [Resource] = [],
                operations: [Operation] = [], schemas: [Schema] = []) {
        self.formatVersion = 1
        self.title = title
        self.version = version
        self.basePath = basePath
        self.resources = resources
        self.operations = operations
        self.schemas = schemas
    }

    /// Deterministic JSON: sorted keys, pretty-printed, no escaped slashes, trailing newline.
    /// The model as JSON: sorted keys, pretty-printed, slashes unescaped, a final newline (the bytes
    /// `JSONEncoder` with those options writes; `ModelJSONEncoder` writes them faster).
    public func jsonData() throws -> Data {
        Data(try jsonChunks().joined)
    }

    /// The same JSON as `jsonData()`, in chunks: the large arrays are written one element at a time
    /// (`ModelJSONEncoder.encode(_:arrays:)`).
    /// `cache`: element texts kept from an earlier run (`ModelJSONElementCache`); the bytes are the same.
    /// `digests`: each element's digest (`ElementDigests`), taken once for the cache and the Swift files' keys.
    public func jsonChunks(cache: ModelJSONElementCache? = nil, digests: ElementDigests? = nil) throws -> ChunkedBytes {
        let digests = digests?.fit(self) == true ? digests : nil
        var shell = self
        shell.resources = []
        shell.operations = []
        shell.schemas = []
        var bytes = try ModelJSONEncoder.encode(shell, arrays: [
            CodingKeys.resources.stringValue: .init(writing: resources, name: CodingKeys.resources.stringValue, cache: cache, digests: digests?.resources),
            CodingKeys.operations.stringValue: .init(writing: operations, name: CodingKeys.operations.stringValue, cache: cache, digests: digests?.operations),
            CodingKeys.schemas.stringValue: .init(writing: schemas, name: CodingKeys.schemas.stringValue, cache: cache, digests: digests?.schemas),
        ])
        [UInt8(0x0A)].withUnsafeBufferPointer { bytes.append($0) }
        return bytes
    }

    public static func decode(_ data: Data) throws -> APIDescription {
        try JSONDecoder().decode(APIDescription.self, from: data)
    }

    public func schema(named name: String) -> Schema? { schemas.first { $0.name == name } }
}

/// A resource (tag): one documentation page, usually one REST collection.
///
/// For example: `Resource(name: "CallAssignmentConfigurations", title: "Call Assignment Configurations")`.
public struct Resource: Hashable, Sendable, Codable {
    /// Swift-safe identifier used for file names and grouping (unique).
    public var name: String
    public var title: String
    public var description: String
    public var provenance: SourceLocation?
    public init(name: String, title: String, description: String = "", provenance: SourceLocation? = nil) {
        self.name = name; self.title = title; self.description = description; self.provenance = provenance
    }
}
