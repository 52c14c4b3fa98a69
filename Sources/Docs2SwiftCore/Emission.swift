import APIModel
import DocTree
import Foundation
import OpenAPIExport
import SwiftEmitter

/// Which outputs to produce and how the generated package finds the runtime library.
///
/// For example: `EmitOptions(outputs: [.models, .client, .openapi], module: "SeedAPI", runtime: .path("..")) `.
public struct EmitOptions: Sendable {
    public enum Output: String, Sendable, CaseIterable {
        case models, client, server, tests, openapi, model
    }

    /// Where the generated `Package.swift` gets `Docs2SwiftRuntime` (and `Docs2SwiftServerRuntime`) from.
    public enum Runtime: Sendable, Equatable {
        /// The runtime package folder (docs2swift's `Runtime/`, or a copy); relative paths are relative
        /// to the output folder. The server runtime is its `Server/` subfolder.
        case path(String)
        /// A git URL of a mirror of `Runtime/` and a minimum version; `server` is the URL of a mirror of
        /// `Runtime/Server/` (a git dependency cannot name a subfolder), needed only for server output.
        case url(String, from: String, server: String?)
    }

    public var outputs: Set<Output>
    public var module: String
    public var runtime: Runtime
    public var templatesFolder: String?
    /// Prefix for every generated type name.
    public var typePrefix: String
    /// `public` or `internal`.
    public var accessLevel: String
    /// Per-page layout for the build plugin: files named after these input pages, no `Package.swift`.
    public var pages: [String]?
    /// The folder the files go to (relative to the working directory, or absolute). Input paths in
    /// the files (provenance, the model JSON) are written relative to it, so the output does not
    /// depend on where the docs or the checkout live; nil leaves them as the model has them.
    public var outputDirectory: String?
    /// Skips rendering files whose render context is as recorded for the file on disk (`RenderReuse`).
    public var reuse: RenderReuse?
    /// The model JSON's element texts kept from the last run (`ModelJSONElementCache`).
    public var modelJSONCache: ModelJSONElementCache?
    /// The templates, when the caller loaded them already (for example while the pages were read);
    /// nil loads them from `templatesFolder` and the defaults.
    public var templateSet: TemplateSet?
    /// The model's live-argument plan, when the pipeline made it already (`GeneratorPipeline.planArguments`).
    public var argumentPlan: BackgroundJob<ArgumentPlan>?
    /// The model's shadowed routes, when refinement found them already (`GeneratorPipeline.Result.shadowedRoutes`).
    public var shadowedRoutes: [Int: Int]?

    /// Whether the Swift tests are emitted: asked for, in the package layout (the one decision, for the
    /// emitter and for a caller that prepares their inputs early).
    public static func emitsTests(_ outputs: Set<Output>, perPage: Bool) -> Bool {
        outputs.contains(.tests) && !perPage
    }

    public init(outputs: Set<Output> = [.models, .client], module: String = "GeneratedAPI", runtime: Runtime = .path("../Runtime"),
                templatesFolder: String? = nil, typePrefix: String = "", accessLevel: String = "public", pages: [String]? = nil,
                outputDirectory: String? = nil) {
        self.outputs = outputs
        self.module = module
        self.runtime = runtime
        self.templatesFolder = templatesFolder
        self.typePrefix = typePrefix
        self.accessLevel = accessLevel
        self.pages = pages
        self.outputDirectory = outputDirectory
    }
}

/// Stage 4 driver: turns the model into the list of files to write.
public enum Emission {
    public static let generatorVersion = "0.1.0"

    /// Every file, sorted by path.
    public static func files(for api: APIDescription, options: EmitOptions) throws -> [GeneratedFile] {
        let collected = GeneratedFile.Collector()
        try emit(api, options: options, to: collected.add)
        return collected.sorted
    }

    /// Hands each file to `sink` as soon as it is made, from several threads at once (in no set order).
    ///
    /// For example: `try Emission.emit(api, options: options, to: staging.add)` writes while rendering.
    public static func emit(_ model: consuming APIDescription, options: EmitOptions, to sink: @escaping @Sendable (GeneratedFile) throws -> Void) throws {
        var api = (consume model).prefixingTypes(options.typePrefix)
        var pages = options.pages
        if let folder = options.outputDirectory {
            let rebase = RelativePath.rebasing(onto: folder)
            api.mapSourceFiles(rebase)
            pages = pages?.map(rebase)
        }
        let swift = options.outputs.contains(.models) || options.outputs.contains(.client) || options.outputs.contains(.server)
        var emitOptions = swift ? swiftOptions(options, pages: pages) : nil
        // What the tests read besides the model is made on other threads from here on.
        if let swiftOptions = emitOptions {
            emitOptions?.testInputs = SwiftEmitter.testInputs(api, options: swiftOptions, arguments: options.argumentPlan)
        }
        // The model JSON does not depend on the Swift output: encode it alongside the Swift rendering.
        // A regeneration digests each element once, for the model JSON's element cache and the Swift files' keys.
        let jsonCache = options.outputs.contains(.model) && options.modelJSONCache?.isUseful == true
        let digests = jsonCache || (swift && options.reuse != nil && pages == nil) ? ElementDigests.of(api) : nil
        // The model JSON and the OpenAPI document are encoded and handed over on threads of their own,
        // which end before this returns, whatever happens here.
        let modelJSON = options.outputs.contains(.model) ? BackgroundJob { [api, digests] in
            try sink(GeneratedFile(path: "api-model.json", utf8: try api.jsonChunks(cache: options.modelJSONCache, digests: digests)))
        } : nil
        let openAPI = options.outputs.contains(.openapi) ? BackgroundJob { [api] in
            let data = try OpenAPIExporter().data(api, yaml: false)
            try sink(GeneratedFile(path: "openapi.json", contents: String(decoding: data, as: UTF8.self)))
        } : nil
        defer { _ = try? openAPI?.result(); _ = try? modelJSON?.result() }
        if var emitOptions {
            let templates = try options.templateSet ?? TemplateSet.load(overrides: options.templatesFolder)
            emitOptions.digests = digests
            if let reuse = options.reuse {
                reuse.salt = RegenerationCache.generatorStamp + " " + templates.digest
                emitOptions.reuse = reuse
            }
            try SwiftEmitter(templates: templates).emit(api, options: emitOptions, to: sink)
        }
        try openAPI?.result()
        try modelJSON?.result()
        // What only this emission held (its copy of the model, the tests' sample values) is not freed on
        // the caller's thread.
        let leftovers = (api, emitOptions)
        (api, emitOptions) = (APIDescription(), nil)
        Disposal.atEnd(leftovers)
    }

    /// The Swift emitter's options from the run's.
    static func swiftOptions(_ options: EmitOptions, pages: [String]?) -> SwiftEmitOptions {
        let (dependency, package) = runtimeDependency(options.runtime, server: false)
        var emitOptions = SwiftEmitOptions(
            module: options.module, runtimeDependency: dependency, runtimeLocation: package,
            emitModels: options.outputs.contains(.models), emitClient: options.outputs.contains(.client),
            emitPackage: pages == nil, generatorVersion: generatorVersion)
        (emitOptions.serverRuntimeDependency, emitOptions.serverRuntimeLocation) = runtimeDependency(options.runtime, server: true)
        emitOptions.access = options.accessLevel
        emitOptions.emitServer = options.outputs.contains(.server) && pages == nil
        emitOptions.emitTests = EmitOptions.emitsTests(options.outputs, perPage: pages != nil)
        emitOptions.pages = pages
        emitOptions.shadowedRoutes = options.shadowedRoutes
        return emitOptions
    }

    /// The `.package(...)` line, and the expression naming that package in `.product(package:)`.
    /// A path dependency's package identity is its folder name, which the manifest computes.
    ///
    /// For example: `.path("../Runtime")` gives `.package(path: "../Runtime")`, and with `server` `.package(path: "../Runtime/Server")`.
    static func runtimeDependency(_ runtime: EmitOptions.Runtime, server: Bool) -> (String, String) {
        switch runtime {
        case .path(let p):
            let path = server ? (p.hasSuffix("/") ? p + "Server" : p + "/Server") : p
            return (".package(path: \(SwiftText.stringLiteral(path)))", SwiftText.stringLiteral(path))
        case .url(let u, let from, let serverURL):
            let url = server ? serverURL ?? u : u
            return (".package(url: \(SwiftText.stringLiteral(url)), from: \(SwiftText.stringLiteral(from)))", SwiftText.stringLiteral(url))
        }
    }
}

/// OpenAPI output for the CLI's `openapi` command.
public enum OpenAPIDocument {
    public static func data(_ api: APIDescription, yaml: Bool) throws -> Data {
        try OpenAPIExporter().data(api, yaml: yaml)
    }
}
