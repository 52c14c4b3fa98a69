import APIModel

/// A file's render context: what a template reads, with the generated-file header it starts with.
protocol FileContext: Encodable, Sendable {
    var header: String { get set }
}

extension ModelsFileContext: FileContext {}
extension ClientFileContext: FileContext {}
extension ServerFileContext: FileContext {}
extension TestsFileContext: FileContext {}
extension FieldSourcesContext: FileContext {}
extension ServerNamespaceContext: FileContext {}
extension TestSupportContext: FileContext {}
extension PackageContext: FileContext {}

/// The digest of everything a resource file's render context is built from, so that a regeneration
/// knows which files' contexts would come out as before without building them (`RenderReuse`): after a
/// one-page edit only that page's resource files are built and rendered.
///
/// What a context builder reads: the resource and its operations (`own`: their element digests,
/// per file), every schema's shape (models by name, indirect fields, paging envelopes and sample values
/// read them; `Schema.shapeDigest(into:)`), the prose and source lines of the resource's own schemas
/// (its models file only), every operation's Swift name (`…All` methods), the routes an earlier
/// operation answers for a later one (`servedBy`), the live-argument plan (`ArgumentPlan.contents`), the
/// module and the access level. Each file's key mixes exactly what its builder reads; anything a builder
/// comes to read must be added here.
///
/// For example: editing one operation's description changes `client(own)` of its resource only, and
/// editing a field's description `models(_:)` of the field's resource only.
struct FileInputs: Sendable {
    /// Every schema's shape, in the model's order.
    let shapes: UInt64
    /// Every schema's and field's source line, in the model's order (`DocSources.swift` prints them).
    let sourceLines: UInt64
    let operationNames: UInt64
    let servedBy: UInt64
    let arguments: UInt64
    let module: String
    let access: String

    /// Each resource's own digest (`own(_:)`): the resource's and its operations' element digests.
    private let owns: [String: UInt64]
    /// Each resource's schemas, whole (its models file prints their descriptions and source lines).
    private let ownSchemas: [String: UInt64]
    /// `TestSupportContext`: the resources with a tests file, and every operation's path (its path no route
    /// answers).
    let testSupport: UInt64

    init(api: APIDescription, options: SwiftEmitOptions, servedBy: [String: APIModel.Operation], arguments: ArgumentPlan?,
         testedResources: [String]) {
        let digests = options.digests?.fit(api) == true ? options.digests! : ElementDigests.of(api)
        sourceLines = ContextDigest.of(digests.schemaSourceLines)
        shapes = ContextDigest.of(digests.schemaShapes)
        var schemaDigests: [String: [UInt64]] = [:]
        for (schema, digest) in zip(api.schemas, digests.schemas) { schemaDigests[schema.resource, default: []].append(digest) }
        ownSchemas = schemaDigests.mapValues { ContextDigest.of($0) }
        var opDigests: [String: [UInt64]] = [:]
        for (op, digest) in zip(api.operations, digests.operations) { opDigests[op.resource, default: []].append(digest) }
        var owns: [String: UInt64] = [:]
        for (resource, digest) in zip(api.resources, digests.resources) {
            owns[resource.name] = ContextDigest.of([digest, opDigests[resource.name] ?? []])
        }
        self.owns = owns
        testSupport = ContextDigest.of([testedResources, api.operations.map(\.path)])
        operationNames = ContextDigest.of(api.operations.map(\.swiftName))
        self.servedBy = ContextDigest.of(servedBy.sorted { $0.key < $1.key }.map { [$0.key: $0.value] })
        self.arguments = ContextDigest.of(arguments?.contents ?? [])
        module = options.module
        access = options.access
    }

    /// The resource and its operations, in the model's order (what `client`, `server` and `tests` read of their own).
    func own(_ resource: String) -> UInt64 { owns[resource] ?? 0 }

    /// `builder.models(resource:schemas:)`: the resource's schemas, read with every other schema's shape.
    func models(_ resource: String) -> UInt64 {
        ContextDigest.of([access, resource, ownSchemas[resource] ?? 0, shapes])
    }

    func client(_ own: UInt64) -> UInt64 {
        ContextDigest.of([access, own, shapes, operationNames])
    }

    func server(_ own: UInt64) -> UInt64 {
        ContextDigest.of([access, module, own, shapes, servedBy, operationNames])
    }

    func tests(_ own: UInt64) -> UInt64 {
        ContextDigest.of([access, module, own, shapes, servedBy, arguments, operationNames])
    }

    /// `builder.fieldSources(api)` reads every schema's shape and source lines, and nothing else.
    var fieldSources: UInt64 {
        ContextDigest.of([access, shapes, sourceLines])
    }
}
