import APIModel
import DocTree
import Foundation

/// A file the emitters produce, with its path relative to the output folder.
///
/// For example: `GeneratedFile(path: "Sources/SeedAPI/Models/Users.swift", contents: "…")`.
public struct GeneratedFile: Hashable, Sendable {
    public var path: String
    /// The file's text.
    public var contents: String {
        get {
            switch storage {
            case .text(let text): return text
            case .chunks(let bytes): return String(decoding: bytes.joined, as: UTF8.self)
            }
        }
        set { storage = .text(newValue) }
    }
    private var storage: Storage

    private enum Storage: Sendable {
        case text(String)
        case chunks(ChunkedBytes)
    }

    public init(path: String, contents: String) { self.path = path; self.storage = .text(contents) }

    /// A file whose bytes are UTF-8 text in chunks (a large JSON file, never copied into one buffer).
    public init(path: String, utf8 chunks: ChunkedBytes) { self.path = path; self.storage = .chunks(chunks) }

    /// The size in bytes.
    public var byteCount: Int {
        switch storage {
        case .text(let text): return text.utf8.count
        case .chunks(let bytes): return bytes.count
        }
    }

    /// Calls `body` with the file's bytes, in order, one piece at a time, without copying them.
    public func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        switch storage {
        case .text(var text): try text.withUTF8(body)
        case .chunks(let bytes): for chunk in bytes.chunks { try chunk.withUnsafeBufferPointer(body) }
        }
    }

    public static func == (a: GeneratedFile, b: GeneratedFile) -> Bool {
        a.path == b.path && a.contents == b.contents
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
    }

    /// Collects files handed over from several threads.
    public final class Collector: @unchecked Sendable {
        private var files: [GeneratedFile] = []
        private let lock = NSLock()
        public init() {}
        public func add(_ file: GeneratedFile) {
            lock.lock(); files.append(file); lock.unlock()
        }
        public var sorted: [GeneratedFile] {
            lock.lock(); defer { lock.unlock() }
            return files.sorted { $0.path < $1.path }
        }
    }
}

/// The tests file's inputs besides the model, made on other threads (`SwiftEmitter.testInputs`).
public struct TestInputs: Sendable {
    let samples: BackgroundJob<SampleValues>
    let arguments: BackgroundJob<ArgumentPlan>
}

/// Options for the Swift output.
public struct SwiftEmitOptions: Sendable {
    /// The Swift module (and library product) name.
    public var module: String
    /// The `.package(...)` dependency line for Docs2SwiftRuntime.
    public var runtimeDependency: String
    /// The path or URL of the runtime package, as a Swift string literal.
    public var runtimeLocation: String
    /// The same two for Docs2SwiftServerRuntime.
    public var serverRuntimeDependency = ""
    public var serverRuntimeLocation = "\"\""
    public var emitModels: Bool
    public var emitClient: Bool
    public var emitPackage: Bool
    public var emitServer = false
    public var emitTests = false
    public var generatorVersion: String
    /// `public` or `internal`.
    public var access: String
    /// Input pages for the per-page layout (build plugin): files are named after these pages and every
    /// page gets both files, even when empty. `nil`: one file per resource under `Sources/<Module>/`.
    public var pages: [String]?
    /// Skips files whose render context is as recorded for the file on disk (a regeneration).
    public var reuse: RenderReuse?
    /// The model's element digests, when taken already (for the model JSON's cache); else `reuse` takes them.
    public var digests: ElementDigests?
    /// What the tests file read besides the model, when started already (`SwiftEmitter.testInputs`).
    public var testInputs: TestInputs?
    /// `PathTemplate.shadowedRoutes(api.operations)`, when refinement found them already (it warns about them).
    public var shadowedRoutes: [Int: Int]?

    public init(module: String, runtimeDependency: String, runtimeLocation: String, emitModels: Bool = true, emitClient: Bool = true,
                emitPackage: Bool = true, generatorVersion: String) {
        self.module = module
        self.runtimeDependency = runtimeDependency
        self.runtimeLocation = runtimeLocation
        self.emitModels = emitModels
        self.emitClient = emitClient
        self.emitPackage = emitPackage
        self.generatorVersion = generatorVersion
        self.access = "public"
        self.pages = nil
    }
}

/// Stage 4: renders Swift models and the client from the model, one file per resource so the
/// generated module compiles in parallel.
///
/// For example: seed 000 gives `Models/CallAssignmentConfigurations.swift` and
/// `Client/CallAssignmentConfigurations+Client.swift`.
public struct SwiftEmitter: Sendable {
    public let templates: TemplateSet
    public init(templates: TemplateSet) { self.templates = templates }

    /// The tests' sample values and live-argument plan, made on other threads from now on (the plan
    /// unless `arguments` has it already): nil when the options ask for no tests.
    public static func testInputs(_ api: APIDescription, options: SwiftEmitOptions, arguments: BackgroundJob<ArgumentPlan>? = nil) -> TestInputs? {
        guard options.emitTests, options.pages == nil else { return nil }
        let module = options.module
        return TestInputs(samples: BackgroundJob { SampleValues(schemas: api.schemas, qualifier: module) },
                          arguments: arguments ?? BackgroundJob { ArgumentPlan(api: api) })
    }

    /// Every file, sorted by path.
    public func emit(_ api: APIDescription, options: SwiftEmitOptions) throws -> [GeneratedFile] {
        let collected = GeneratedFile.Collector()
        try emit(api, options: options, to: collected.add)
        return collected.sorted
    }

    /// Hands each file to `sink` as soon as it is rendered, from several threads at once: a large API's
    /// files are never all in memory together.
    public func emit(_ api: APIDescription, options: SwiftEmitOptions, to sink: @Sendable (GeneratedFile) throws -> Void) throws {
        if let pages = options.pages { return try emitPerPage(api, pages: pages, options: options, to: sink) }
        // The tests' sample values and live-argument plan are made on other threads while the routes are checked.
        let testInputs = options.testInputs ?? Self.testInputs(api, options: options)
        let builder = ContextBuilder(access: options.access, api: api)
        let src = "Sources/\(options.module)"
        let schemasByResource = Dictionary(grouping: api.schemas, by: \.resource)
        let opsByResource = Dictionary(grouping: api.operations, by: \.resource)
        // Routes only matter to the server and its tests.
        let shadowed = options.emitServer || options.emitTests
            ? options.shadowedRoutes.flatMap { routes in
                routes.allSatisfy { api.operations.indices.contains($0.key) && api.operations.indices.contains($0.value) } ? routes : nil }
                ?? PathTemplate.shadowedRoutes(api.operations)
            : [:]
        let samples = try testInputs?.samples.result()
        let arguments = try testInputs?.arguments.result()
        let servedBy = Dictionary(uniqueKeysWithValues: shadowed.map { (api.operations[$0.key].swiftName, api.operations[$0.value]) })
        // A regeneration keys each resource file by what its context is built from, so a file whose inputs
        // are as recorded is neither built nor rendered.
        // The resources with a tests file, which the tests' support file lists.
        let testedResources = api.resources.map(\.name).filter { opsByResource[$0] != nil }
        let inputs = options.reuse == nil ? nil : FileInputs(api: api, options: options, servedBy: servedBy, arguments: arguments,
                                                             testedResources: testedResources, aliases: builder.aliases)
        // Every file renders independently: spread them over the cores, one job per file (a regeneration
        // after a one-page edit renders only that resource's files, on as many cores). The module-wide files
        // go first, the largest (`DocSources.swift`, every schema's fields) at the head, so none is left
        // alone at the end.
        let jobs = [Job.fieldSources, .serverNamespace, .testSupport, .package]
            + api.resources.flatMap { resource in ResourceFile.allCases.map { Job.resource(resource, $0) } }
        _ = try ParallelMap.map(jobs.count) { i in
            let job = jobs[i]
            switch job {
            case .resource(let resource, let file):
                try renderResource(resource, file, schemas: schemasByResource[resource.name] ?? [],
                                   operations: opsByResource[resource.name] ?? [], builder: builder, samples: samples,
                                   arguments: arguments, servedBy: servedBy, inputs: inputs, options: options, to: sink)
            case .fieldSources:
                guard options.emitClient, !api.operations.isEmpty else { return }
                try render(template: "fieldsources", path: "\(src)/DocSources.swift", inputs: inputs?.fieldSources, options: options, to: sink) {
                    builder.fieldSources(api, header: "")
                }
            case .serverNamespace:
                guard options.emitServer else { return }
                try render(template: "servernamespace", path: "Sources/\(options.module)Server/ServerOperations.swift", options: options, to: sink) {
                    ServerNamespaceContext(header: "", access: options.access)
                }
            case .testSupport:
                guard options.emitTests, !api.operations.isEmpty else { return }
                try render(template: "testsupport", path: "Tests/\(options.module)Tests/RoundTripSupport.swift", inputs: inputs?.testSupport,
                           options: options, to: sink) {
                    TestSupportContext(header: "", resources: testedResources,
                                       unknownPathLiteral: SwiftText.stringLiteral(PathTemplate.unroutedPath(api.operations.map(\.path))))
                }
            case .package:
                guard options.emitPackage else { return }
                try render(template: "package", path: "Package.swift", options: options, to: sink) {
                    PackageContext(header: "", packageName: SwiftText.stringLiteral(options.module),
                                   module: SwiftText.stringLiteral(options.module),
                                   runtimeDependency: options.runtimeDependency,
                                   runtimeLocation: options.runtimeLocation,
                                   serverRuntimeDependency: options.serverRuntimeDependency,
                                   serverRuntimeLocation: options.serverRuntimeLocation,
                                   hasServer: options.emitServer, hasTests: options.emitServer && options.emitTests,
                                   serverModule: SwiftText.stringLiteral(options.module + "Server"),
                                   testsModule: SwiftText.stringLiteral(options.module + "Tests"))
                }
            }
        }
    }

    /// One rendering job: one file of a resource, or one of the module-wide files.
    enum Job: Sendable {
        case resource(Resource, ResourceFile)
        case fieldSources, serverNamespace, testSupport, package
    }

    /// The files of one resource.
    enum ResourceFile: CaseIterable, Sendable {
        case models, client, server, tests
    }

    /// One of a resource's models, client, server and tests files, when the options ask for it and the
    /// resource has content for it.
    func renderResource(_ resource: Resource, _ file: ResourceFile, schemas: [Schema], operations ops: [APIModel.Operation],
                        builder: ContextBuilder, samples: SampleValues?, arguments: ArgumentPlan?, servedBy: [String: APIModel.Operation],
                        inputs: FileInputs?, options: SwiftEmitOptions, to sink: (GeneratedFile) throws -> Void) throws {
        let src = "Sources/\(options.module)"
        let mine = inputs?.resource(resource.name)
        switch file {
        case .models:
            guard options.emitModels, !schemas.isEmpty else { return }
            try render(template: "models", path: "\(src)/Models/\(resource.name).swift", inputs: mine.map { inputs!.models(resource.name, $0) },
                       options: options, to: sink) {
                builder.models(resource: resource.name, schemas: schemas.sorted { $0.name < $1.name }, header: "")
            }
        case .client:
            guard options.emitClient, !ops.isEmpty else { return }
            try render(template: "client", path: "\(src)/Client/\(resource.name)+Client.swift", inputs: mine.map { inputs!.client($0) },
                       options: options, to: sink) {
                var context = builder.client(resource: resource, operations: ops, header: "")
                context.sourcesArgument = ", sources: DocSources.fields"
                return context
            }
        case .server:
            guard options.emitServer, !ops.isEmpty else { return }
            try render(template: "server", path: "Sources/\(options.module)Server/\(resource.name)+Server.swift", inputs: mine.map { inputs!.server($0) },
                       options: options, to: sink) {
                builder.server(module: options.module, resource: resource, operations: ops, header: "", servedBy: servedBy)
            }
        case .tests:
            guard options.emitTests, !ops.isEmpty, let samples, let arguments else { return }
            try render(template: "tests", path: "Tests/\(options.module)Tests/\(resource.name)Tests.swift", inputs: mine.map { inputs!.tests($0) },
                       options: options, to: sink) {
                builder.tests(module: options.module, resource: resource, operations: ops, samples: samples, arguments: arguments,
                              header: "", servedBy: servedBy)
            }
        }
    }

    /// One `<Stem>+Models.swift` and `<Stem>+Client.swift` per page, in the output folder itself.
    func emitPerPage(_ api: APIDescription, pages: [String], options: SwiftEmitOptions, to sink: (GeneratedFile) throws -> Void) throws {
        let builder = ContextBuilder(access: options.access, api: api)
        let stems = PageFileNames.stems(for: pages)
        let resourceByFile = Dictionary(api.resources.map { ($0.provenance?.file ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let schemasByResource = Dictionary(grouping: api.schemas, by: \.resource)
        let opsByResource = Dictionary(grouping: api.operations, by: \.resource)
        for (page, stem) in zip(pages, stems) {
            let resource = resourceByFile[page] ?? Resource(name: stem, title: stem)
            let schemas = (schemasByResource[resource.name] ?? []).sorted { $0.name < $1.name }
            try render(template: "models", path: "\(stem)+Models.swift", options: options, to: sink) {
                builder.models(resource: resource.name, schemas: schemas, header: "")
            }
            try render(template: "client", path: "\(stem)+Client.swift", options: options, to: sink) {
                builder.client(resource: resource, operations: opsByResource[resource.name] ?? [], header: "")
            }
        }
    }

    /// Renders once with a placeholder header, takes the digest of what the file says, then puts the
    /// real header in the placeholder's place, and hands the file to `sink` — unless `options.reuse`
    /// finds the file on disk was made from the same inputs (then nothing is built or rendered). The key
    /// is `inputs`, the digest of what `build` reads (`FileInputs`), or else the context's own digest.
    func render<C: FileContext>(template: String, path: String, inputs: UInt64? = nil, options: SwiftEmitOptions,
                                to sink: (GeneratedFile) throws -> Void, _ build: () -> C) throws {
        var built: C?
        if let reuse = options.reuse {
            let key: String
            if let inputs {
                key = "inputs " + String(inputs, radix: 16)
            } else {
                let context = build()
                built = context
                key = "context " + String(ContextDigest.of(context), radix: 16)
            }
            if reuse.keep(path: path, template: template, digest: key) { return }
        }
        var context = built ?? build()
        context.header = Self.headerPlaceholder
        let body = try templates.render(context, template: template)
        let header = Self.header(version: options.generatorVersion, digest: Digest.fnv1a64(body))
        try sink(GeneratedFile(path: path, contents: Self.replacingFirst(Self.headerPlaceholder, with: header, in: body)))
    }

    /// The placeholder stands near the top, once: a byte search for it, not a whole-text replace.
    static func replacingFirst(_ target: String, with replacement: String, in text: String) -> String {
        var text = text
        let needle = Array(target.utf8)
        let found: Int? = text.withUTF8 { bytes -> Int? in
            guard bytes.count >= needle.count else { return nil }
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == needle[0] {
                    var j = 1
                    while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
        guard let offset = found else { return text }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        let end = text.utf8.index(start, offsetBy: needle.count)
        return String(text[..<start]) + replacement + String(text[end...])
    }

    /// Cannot occur in rendered text: doc text never carries NUL into generated code.
    static let headerPlaceholder = "\u{0}docs2swift-header\u{0}"

    /// The do-not-edit header every generated Swift file starts with (after `swift-tools-version`).
    public static func header(version: String, digest: String) -> String {
        "// Generated by docs2swift \(version) from API documentation. DO NOT EDIT.\n// Content digest: \(digest). Regenerate with `docs2swift generate`."
    }

    /// The first line of every file docs2swift generates, used to recognise its own files.
    public static let headerMarker = "// Generated by docs2swift "
}
