import APIModel

/// A file's render context: what a template reads, with the generated-file header it starts with.
protocol FileContext: Encodable, TemplateNode {
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
/// `Operation.split(shape:rest:)`, and the server their summaries), the shapes of the schemas its
/// operations or its models reach (`SchemaReach`; `Schema.split(shape:prose:lines:)`: models by name,
/// indirect fields, paging envelopes and sample values), the prose and source lines of the resource's
/// own schemas (its models file only), whether another operation has the name of one of its
/// operations' `…All` methods, the earlier operation that answers one of its operations' requests
/// (`servedBy`), the live-argument plan (`ArgumentPlan.contents`, tests only), the module and the access
/// level. Each file's key mixes exactly what its builder reads; anything a builder comes to read must be
/// added here.
///
/// For example: editing one operation's description or moving its lines changes `client(_:)` of its
/// resource only; editing a field's description `models(_:)` of the field's resource only; adding a field
/// to a schema the files of the resources that reach it; adding an operation its resource's files, and
/// the tests files if the live-argument plan changes.
struct FileInputs: Sendable {
    /// Every schema's shape, in the model's order (`DocSources.swift` lists every field).
    let shapes: UInt64
    /// Every schema's and field's source line, in the model's order (`DocSources.swift` prints them).
    let sourceLines: UInt64
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
        /// For each of its operations: whether another operation is named like its `…All` method (client,
        /// tests), and the earlier operation that answers its requests, if any (`servedBy`: server, tests).
        var allNamesTaken: UInt64 = 0
        var servedBy: UInt64 = 0
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
         testedResources: [String], aliases: DocumentedAliases) {
        let digests = options.digests?.fit(api) == true ? options.digests! : ElementDigests.of(api)
        sourceLines = Self.digest(digests.schemaSourceLines)
        shapes = Self.digest(digests.schemaShapes)
        let reach = SchemaReach(api.schemas, aliases: aliases)
        // One slot per resource, filled in one pass over the operations and one over the schemas; each
        // list is mixed as it is met, a word per element (a summary as a length-prefixed string).
        var slot: [String: Int] = [:]
        for (i, resource) in api.resources.enumerated() where slot[resource.name] == nil { slot[resource.name] = i }
        struct Accumulator {
            var own = ElementHasher(), operations = ElementHasher(), summaries = ElementHasher(), schemas = ElementHasher()
            var allNamesTaken = ElementHasher(), servedBy = ElementHasher()
            var operationRoots: [Int] = [], schemaIndices: [Int] = []
        }
        var slots = [Accumulator](repeating: Accumulator(), count: api.resources.count)
        for (i, digest) in digests.resources.enumerated() { slots[i].own.mix(digest) }
        let names = Set(api.operations.map(\.swiftName))
        for (i, op) in api.operations.enumerated() {
            guard let r = slot[op.resource] else { continue }
            slots[r].own.mix(digests.operations[i])
            slots[r].operations.mix(digests.operationShapes[i])
            slots[r].summaries.mix(op.summary)
            slots[r].allNamesTaken.mix(names.contains(op.swiftName + "All"))
            if let first = servedBy[op.swiftName] { slots[r].servedBy.mix(ElementDigests.of(first)) } else { slots[r].servedBy.mix(0 as UInt64) }
            reach.addRoots(of: op, to: &slots[r].operationRoots)
        }
        for (i, schema) in api.schemas.enumerated() {
            guard let r = slot[schema.resource] else { continue }
            slots[r].schemas.mix(digests.schemas[i])
            slots[r].schemaIndices.append(i)
        }
        var seen = reach.scratch()
        func mixShapes(reaching roots: [Int], into h: inout ElementHasher) {
            let reached = reach.reached(fromSchemas: roots, scratch: &seen)
            h.mix(UInt64(reached.count))
            for i in reached { h.mix(digests.schemaShapes[i]) }
        }
        var resources: [String: ResourceInputs] = [:]
        for (i, resource) in api.resources.enumerated() where resources[resource.name] == nil {
            var operationShapes = ElementHasher(), models = slots[i].schemas
            mixShapes(reaching: slots[i].operationRoots, into: &operationShapes)
            mixShapes(reaching: slots[i].schemaIndices, into: &models)
            resources[resource.name] = ResourceInputs(own: slots[i].own.value, operations: slots[i].operations.value,
                                                      summaries: slots[i].summaries.value, allNamesTaken: slots[i].allNamesTaken.value,
                                                      servedBy: slots[i].servedBy.value, operationShapes: operationShapes.value,
                                                      models: models.value)
        }
        self.resources = resources
        testSupport = Self.digest(testedResources, api.operations.map(\.path))
        self.arguments = ContextDigest.of(arguments?.contents ?? [])
        module = options.module
        access = options.access
    }

    /// The digest of lists of words or strings, mixed directly (as `ElementDigests` mixes a model's values).
    static func digest(_ words: [UInt64]) -> UInt64 {
        var h = ElementHasher()
        h.mix(UInt64(words.count))
        for word in words { h.mix(word) }
        return h.value
    }

    static func digest(_ lists: [String]...) -> UInt64 {
        var h = ElementHasher()
        for list in lists { h.mix(list) }
        return h.value
    }

    /// What the files of `resource` read of their own.
    func resource(_ name: String) -> ResourceInputs { resources[name] ?? ResourceInputs() }

    /// `builder.models(resource:schemas:)`: the resource's schemas, and the shapes of the schemas they reach.
    func models(_ resource: String, _ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, resource, mine.models])
    }

    func client(_ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, mine.own, mine.operationShapes, mine.allNamesTaken])
    }

    /// The server file reads the resource's name (the file's path), its operations' shapes and summaries.
    func server(_ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, module, mine.operations, mine.summaries, mine.operationShapes, mine.servedBy])
    }

    /// The tests file reads the resource's name (the file's path) and its operations' shapes.
    func tests(_ mine: ResourceInputs) -> UInt64 {
        ContextDigest.of([access, module, mine.operations, mine.operationShapes, mine.servedBy, mine.allNamesTaken, arguments])
    }

    /// `builder.fieldSources(api)` reads every schema's shape and source lines, and nothing else.
    var fieldSources: UInt64 {
        ContextDigest.of([access, shapes, sourceLines])
    }
}
