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
/// one-page edit only the files that read what it changed are built and rendered.
///
/// What a context builder reads: the resource and its operations (`ResourceInputs.own`: their element
/// digests, for the client; the server and tests files read the operations' shapes,
/// `Operation.shapeDigest(into:)`, and the server their summaries), the shapes of the schemas its operations or its models reach (`SchemaReach`;
/// `Schema.shapeDigest(into:)`: models by name, indirect fields, paging envelopes and sample values), the
/// prose and source lines of the resource's own schemas (its models file only), every operation's Swift
/// name (`…All` methods), the routes an earlier operation answers for a later one (`servedBy`), the
/// live-argument plan (`ArgumentPlan.contents`), the module and the access level. Each file's key mixes
/// exactly what its builder reads; anything a builder comes to read must be added here.
///
/// For example: editing one operation's description or moving its lines changes `client(_:)` of its
/// resource only; editing
/// a field's description `models(_:)` of the field's resource only; adding a field to a schema the files
/// of the resources that reach it.
struct FileInputs: Sendable {
    /// Every schema's shape, in the model's order (`DocSources.swift` lists every field).
    let shapes: UInt64
    /// Every schema's and field's source line, in the model's order (`DocSources.swift` prints them).
    let sourceLines: UInt64
    let operationNames: UInt64
    let servedBy: UInt64
    let arguments: UInt64
    let module: String
    let access: String

    /// What the files of one resource read of their own.
    struct ResourceInputs: Sendable {
        /// The resource and its operations, in the model's order (client).
        var own: UInt64 = 0
        /// Its operations' shapes (server, tests) and summaries (server).
        var operations: UInt64 = 0
        var summaries: UInt64 = 0
        /// The shapes of the schemas its operations reach (client, server, tests).
        var operationShapes: UInt64 = 0
        /// Its schemas, whole (their descriptions and source lines), and the shapes of the schemas they reach.
        var models: UInt64 = 0
    }
    private let resources: [String: ResourceInputs]
    /// `TestSupportContext`: the resources with a tests file, and every operation's path (its path no route
    /// answers).
    let testSupport: UInt64

    init(api: APIDescription, options: SwiftEmitOptions, servedBy: [String: APIModel.Operation], arguments: ArgumentPlan?,
         testedResources: [String]) {
        let digests = options.digests?.fit(api) == true ? options.digests! : ElementDigests.of(api)
        sourceLines = ContextDigest.of(digests.schemaSourceLines)
        shapes = ContextDigest.of(digests.schemaShapes)
        let reach = SchemaReach(api.schemas)
        var schemaIndices: [String: [Int]] = [:]
        for (i, schema) in api.schemas.enumerated() { schemaIndices[schema.resource, default: []].append(i) }
        var opDigests: [String: [UInt64]] = [:]
        var opShapes: [String: [UInt64]] = [:]
        var summaries: [String: [String]] = [:]
        var opTypes: [String: [TypeRef]] = [:]
        for (i, op) in api.operations.enumerated() {
            opDigests[op.resource, default: []].append(digests.operations[i])
            opShapes[op.resource, default: []].append(digests.operationShapes[i])
            summaries[op.resource, default: []].append(op.summary)
            opTypes[op.resource, default: []].append(contentsOf: op.types)
        }
        func shapesOf(_ indices: [Int]) -> [UInt64] { indices.map { digests.schemaShapes[$0] } }
        var resources: [String: ResourceInputs] = [:]
        var seen = reach.scratch()
        for (resource, digest) in zip(api.resources, digests.resources) {
            let schemas = schemaIndices[resource.name] ?? []
            resources[resource.name] = ResourceInputs(
                own: ContextDigest.of([digest, opDigests[resource.name] ?? []]),
                operations: ContextDigest.of(opShapes[resource.name] ?? []), summaries: ContextDigest.of(summaries[resource.name] ?? []),
                operationShapes: ContextDigest.of(shapesOf(reach.reached(from: opTypes[resource.name] ?? [], scratch: &seen))),
                models: ContextDigest.of([schemas.map { digests.schemas[$0] }, shapesOf(reach.reached(fromSchemas: schemas, scratch: &seen))]))
        }
        self.resources = resources
        testSupport = ContextDigest.of([testedResources, api.operations.map(\.path)])
        operationNames = ContextDigest.of(api.operations.map(\.swiftName))
        self.servedBy = ContextDigest.of(servedBy.sorted { $0.key < $1.key }.map { [$0.key: $0.value] })
        self.arguments = ContextDigest.of(arguments?.contents ?? [])
        module = options.module
        access = options.access
    }

    /// What the files of `resource` read of their own.
    func resource(_ name: String) -> ResourceInputs { resources[name] ?? ResourceInputs() }

    /// `builder.models(resource:schemas:)`: the resource's schemas, and the shapes of the schemas they reach.
    func models(_ resource: String, _ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, resource, mine.models])
    }

    func client(_ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, mine.own, mine.operationShapes, operationNames])
    }

    /// The server file reads the resource's name (the file's path), its operations' shapes and summaries.
    func server(_ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, module, mine.operations, mine.summaries, mine.operationShapes, servedBy, operationNames])
    }

    /// The tests file reads the resource's name (the file's path) and its operations' shapes.
    func tests(_ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, module, mine.operations, mine.operationShapes, servedBy, arguments, operationNames])
    }

    /// `builder.fieldSources(api)` reads every schema's shape and source lines, and nothing else.
    var fieldSources: UInt64 {
        ContextDigest.of([access, shapes, sourceLines])
    }
}
