import ArgumentParser
import Docs2SwiftCore
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a Swift package (models, client) and optionally OpenAPI and the model JSON.")

    @Argument(help: "Documentation files or folders (default: input-docs).")
    var inputs: [String] = []
    @Option(name: .shortAndLong, help: "Output folder (default: generated).")
    var output: String = "generated"
    @Option(help: "A docs2swift-config.json or .yaml (module, typePrefix, accessLevel, emit, templates); options given here win.")
    var config: String?
    @Option(help: "Folder of .mustache files that replace the default templates of the same name.")
    var templates: String?
    @Option(help: "Comma-separated outputs: models, client, server, tests, openapi, model (default: models,client,openapi).")
    var emit: String?
    @Option(help: "Swift module name of the generated package (default: GeneratedAPI).")
    var module: String?
    @Option(help: "Prefix for every generated type name.")
    var typePrefix: String?
    @Option(help: "Access level of generated declarations: public (default) or internal.")
    var accessLevel: String?
    @Option(help: "package (default): a Swift package, one file per resource; per-page: two files per input page, no Package.swift (for the build plugin).")
    var layout: String = "package"
    @Option(help: "Path of the runtime package (docs2swift's Runtime/ folder or a copy; a docs2swift checkout means its Runtime/), relative to the output folder or absolute. The server runtime is its Server/ subfolder.")
    var runtimePath: String?
    @Option(help: "Git URL of a mirror of docs2swift's Runtime/ folder (instead of a path).")
    var runtimeURL: String?
    @Option(help: "Git URL of a mirror of Runtime/Server/, with --runtime-url and server output.")
    var serverRuntimeURL: String?
    @Option(help: "Minimum runtime version with --runtime-url.")
    var runtimeVersion: String = Emission.generatorVersion
    @Flag(help: "Write nothing; exit 1 if any file would be created, updated or removed.")
    var check = false
    @Flag(help: "Print the time of each stage and the peak memory.")
    var timings = false
    @Option(help: "The name lock to keep Swift names from and record them in (default: OUTPUT/docs2swift.lock).")
    var lock: String?
    @Flag(help: "Read names from --lock but never write it (the build plugin: the package folder is read-only).")
    var readOnlyLock = false
    @Flag(help: "Choose every Swift name afresh instead of keeping the lock's, and record the new names.")
    var acceptRenames = false
    @OptionGroup var options: InputOptions

    func run() throws {
        let started = Date()
        let fileConfig = try config.map { path -> GeneratorConfig in
            do { return try GeneratorConfig.load(path) } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8)); throw ExitCode(1)
            }
        } ?? GeneratorConfig()
        var outputs: Set<EmitOptions.Output> = []
        let emitList = emit.map { $0.split(separator: ",").map(String.init) } ?? fileConfig.emit ?? ["models", "client", "openapi"]
        for item in emitList {
            guard let o = EmitOptions.Output(rawValue: item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown output '\(item)'; use models, client, server, tests, openapi, model")
            }
            outputs.insert(o)
        }
        guard layout == "package" || layout == "per-page" else { throw ValidationError("--layout must be package or per-page") }
        let access = accessLevel ?? fileConfig.accessLevel ?? "public"
        guard access == "public" || access == "internal" else { throw ValidationError("--access-level must be public or internal") }
        var inputOptions = options
        if inputOptions.title == "API", let t = fileConfig.title { inputOptions.title = t }
        if inputOptions.apiVersion == "1.0.0", let v = fileConfig.apiVersion { inputOptions.apiVersion = v }
        let paths = inputs.isEmpty ? ["input-docs"] : inputs
        let accept = acceptRenames || fileConfig.acceptRenames == true
        let lockPath = lock ?? (output.hasSuffix("/") ? output : output + "/") + NameLock.fileName
        let lockInOutput = lock == nil
        // Read now (its digest is an option when it lives outside the output); parsed on another core while the
        // inputs are checked against the last run's, used only if the run goes on.
        let lockText = NameLockFile.text(at: lockPath)
        let parsedLock = BackgroundJob { try NameLockFile.parse(lockText, path: lockPath) }
        // Nothing changed since the last run (same inputs, options, templates, generator; files untouched)?
        let cache = RegenerationCache(directory: output)
        let optionsText = "\(outputs.map(\.rawValue).sorted()) \(module ?? fileConfig.module ?? "") \(typePrefix ?? fileConfig.typePrefix ?? "") "
            + "\(access) \(layout) \(runtimePath ?? "") \(runtimeURL ?? "") \(serverRuntimeURL ?? "") \(runtimeVersion) \(inputOptions.title) \(inputOptions.apiVersion) "
            + "\(inputOptions.format ?? "") \(inputOptions.strict) \(FileManager.default.currentDirectoryPath) \(accept) \(readOnlyLock) "
            + "\(lockPath) \(lockInOutput ? "" : Digest.fnv1a64(lockText ?? ""))"
        let templatesFolder = templates ?? fileConfig.templates
        let setting = RegenerationCache.setting(inputs: paths, options: optionsText, templatesFolder: templatesFolder)
        let stamps = RegenerationCache.stamps(setting)
        var computed: RegenerationCache.Fingerprint?
        func contentFingerprint() -> RegenerationCache.Fingerprint {
            if let computed { return computed }
            computed = RegenerationCache.fingerprint(setting, stamps: stamps, known: cache.knownInputs())
            return computed!
        }
        if let summary = cache.unchangedSummary(stamps: stamps, fingerprint: { contentFingerprint().text }) {
            FileHandle.standardError.write(Data("\(summary) (inputs unchanged; nothing to do) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s\n".utf8))
            return
        }
        // Pages read by the last run come from the page cache in the output folder; every run but a check
        // fills it (the first too: the first regeneration after it then reads only the pages that changed).
        var pageCacheSetting = PageCache(outputDirectory: output, options: try inputOptions.pipeline().readingOptions, writes: !check)
        // Taken before the pages are read, so it describes what this run reads.
        let fingerprint = contentFingerprint()
        // The pages' checksums the fingerprint took: a cached page is then used without reading it again.
        let relative = RelativePath.fromWorkingDirectory()
        pageCacheSetting.checksums = Dictionary(fingerprint.checksums.map { (relative($0.key), $0.value) },
                                                uniquingKeysWith: { a, _ in a })
        let pageCache = pageCacheSetting
        // What the emitter needs besides the model is loaded on another core while the pages are read and refined.
        let templateSet = BackgroundJob(yielding: true) { try TemplateSet.load(overrides: templatesFolder) }
        let modelJSONCacheJob = BackgroundJob(yielding: true) { [output, check] in
            ModelJSONElementCache(folder: (output as NSString).appendingPathComponent(PageCache.folderName), salt: RegenerationCache.generatorStamp,
                                  writes: !check, digest: { ContextDigest.of($0) })
        }
        let previousLock = try parsedLock.result()
        var (result, collector) = try runPipeline(paths, inputOptions, lock: previousLock, honourLock: !accept,
                                                pageCache: pageCache, planArguments: EmitOptions.emitsTests(outputs, perPage: layout == "per-page"))
        let counts = Counts(result)
        // The new lock's text is made on another core while the files are rendered.
        let newLock = BackgroundJob(yielding: true) { [lock = result.lock] in NameLockFile.text(lock) }
        // The pages read afresh go into the page cache while the output is made.
        let pageCacheStore = BackgroundJob(yielding: true) { [update = result.pageCacheUpdate] in pageCache.store(update) }
        let runtime = layout == "per-page" ? EmitOptions.Runtime.path(".")
            : try RuntimeLocation.resolve(path: runtimePath, url: runtimeURL, serverURL: serverRuntimeURL, version: runtimeVersion,
                                        output: output, needsServer: outputs.contains(.server))
        var emitOptions = EmitOptions(
            outputs: outputs, module: module ?? fileConfig.module ?? "GeneratedAPI", runtime: runtime,
            templatesFolder: templates ?? fileConfig.templates, typePrefix: typePrefix ?? fileConfig.typePrefix ?? "",
            accessLevel: access, pages: layout == "per-page" ? result.pages.map(\.file) : nil, outputDirectory: output)
        // Files whose render context is as recorded for the untouched file on disk are not rendered again.
        let reuse = RenderReuse(previous: cache.untouchedRenderKeys())
        emitOptions.reuse = reuse
        // The model JSON's unchanged elements are copied from the last run's texts, not encoded again.
        let modelJSONCache = try modelJSONCacheJob.result()
        emitOptions.modelJSONCache = modelJSONCache
        emitOptions.templateSet = try? templateSet.result()  // a failure is reported by the emitter, where it loads them again
        emitOptions.argumentPlan = result.argumentPlan
        emitOptions.shadowedRoutes = result.shadowedRoutes
        // Files are compared and staged as they are rendered (never all in memory), then put in place together.
        var clock = StageClock()
        if !check { cache.forget() }
        let staging = OutputWriter(directory: output).begin(apply: !check)
        // Also on a path that throws; the normal end calls it before `exit`, which runs no `defer`.
        defer { staging.awaitRemovals() }
        let lines = LineTally(enabled: timings)
        let summary: OutputWriter.Summary
        let emitTime: StageClock.Lap
        do {
            // The model moves into the emitter (which rebases its paths into a copy): two copies of a large
            // model would be most of the run's memory.
            let api = result.api
            result.api = APIDescription()
            try Emission.emit(consume api, options: emitOptions) { file in
                lines.add(file)
                try staging.add(file)
            }
            for path in reuse.kept { try staging.keep(path) }
            let newLockText = try newLock.result()
            if lockInOutput, !readOnlyLock { try staging.add(NameLockFile.generatedFile(text: newLockText)) }
            emitTime = clock.lap()
            if !lockInOutput, !readOnlyLock, !check, lockText != newLockText { try CommandOutput.write(Data(newLockText.utf8), to: lockPath) }
            summary = try staging.finish()
        } catch {
            staging.discard()
            modelJSONCache.discard()
            FileHandle.standardError.write(Data("docs2swift: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let files = summary.created + summary.updated + summary.unchanged
        for r in result.renames {
            if check { print("\(r)") } else { FileHandle.standardError.write(Data("docs2swift: \(r)\n".utf8)) }
        }
        if check {
            let shown = RelativePath.fromWorkingDirectory(output.hasSuffix("/") ? String(output.dropLast()) : output)
            for p in summary.created { print("missing: \(shown)/\(p)") }
            for p in summary.updated { print("stale: \(shown)/\(p)") }
            for p in summary.removed { print("extra: \(shown)/\(p)") }
        }
        try pageCacheStore.result()
        pageCache.prune(result.pageCacheUpdate)
        modelJSONCache.commit()
        let finishTime = clock.lap()
        if !check {
            let unchanged = "docs2swift: \(counts.text), \(collector.warningCount) warnings; 0 created, 0 updated, 0 removed, \(files.count) unchanged"
            cache.remember(fingerprint: fingerprint.text, stamps: stamps, summary: unchanged, files: files + [OutputWriter.manifestName],
                           written: Set(summary.created + summary.updated + [OutputWriter.manifestName]),
                           renderKeys: reuse.recordedKeys, checksums: fingerprint.checksums)
        }
        let renamed = result.renames.isEmpty ? "" : "; \(result.renames.count) renamed" + (accept ? " (accepted)" : "")
        FileHandle.standardError.write(Data((summaryLine(counts, collector, started: started, extra: "; \(summary)\(renamed)") + "\n").utf8))
        if timings {
            let t = result.timings
            // Wall time, then (in brackets) the CPU time all threads spent. Pages are read, parsed and
            // extracted by one job each, files rendered and staged by one: those show the CPU per step.
            let stagingCPU = staging.cpuSeconds
            let line = String(format: "timings: find inputs %.3f s [%.3f]; pages %.3f s [read %.3f, front end %.3f, extract %.3f]; "
                              + "refine %.3f s [%.3f]; emit and stage %.3f s [emit %.3f, stage %.3f]; finish %.3f s [%.3f]; "
                              + "%d files, %d lines; peak RSS %.0f MB",
                              t.findInputs.wall, t.findInputs.cpu,
                              t.pages.wall, t.read.cpu, t.frontEnd.cpu, t.extract.cpu, t.refine.wall, t.refine.cpu,
                              emitTime.wall, emitTime.cpu - stagingCPU, stagingCPU, finishTime.wall, finishTime.cpu,
                              files.count, lines.total, PeakMemory.megabytes)
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        staging.awaitRemovals()
        if check, !summary.isClean || !result.renames.isEmpty { throw ExitCode(1) }
        // Done: end the process here instead of returning, so the model, the contexts and the 14 MB of
        // rendered text are not taken apart object by object on the way out (a tenth of a second on a
        // large API; the output is written and flushed).
        exitSkippingTeardown()
    }
}

struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the intermediate API model as JSON.")
    @Argument(help: "Documentation files or folders.")
    var inputs: [String]
    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?
    @OptionGroup var options: InputOptions

    func run() throws {
        let started = Date()
        let (result, collector) = try runPipeline(inputs, options)
        // In a file, input paths are relative to its folder (as in a generated package); on standard
        // output, to the working directory.
        var api = result.api
        if let output, output != "-" {
            let folder = (output as NSString).deletingLastPathComponent
            api = api.mappingSourceFiles(RelativePath.rebasing(onto: folder.isEmpty ? "." : folder))
        }
        let data = try api.jsonData()
        try CommandOutput.write(data, to: output)
        FileHandle.standardError.write(Data((summaryLine(Counts(result), collector, started: started) + "\n").utf8))
    }
}

struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "openapi", abstract: "Write an OpenAPI 3.1 document (JSON or YAML by extension).")
    @Argument(help: "Documentation files or folders.")
    var inputs: [String]
    @Option(name: .shortAndLong, help: "Output file: .json, .yaml or .yml.")
    var output: String
    @OptionGroup var options: InputOptions

    func run() throws {
        let started = Date()
        let (result, collector) = try runPipeline(inputs, options)
        let yaml = output.hasSuffix(".yaml") || output.hasSuffix(".yml")
        try CommandOutput.write(try OpenAPIDocument.data(result.api, yaml: yaml), to: output)
        FileHandle.standardError.write(Data((summaryLine(Counts(result), collector, started: started) + "\n").utf8))
    }
}

/// Counts the generated lines (for `--timings`) from the threads that render.
final class LineTally: @unchecked Sendable {
    let enabled: Bool
    private var count = 0
    private let lock = NSLock()
    init(enabled: Bool) { self.enabled = enabled }
    func add(_ file: GeneratedFile) {
        guard enabled else { return }
        var n = 0
        file.forEachChunk { bytes in n += bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        lock.lock(); count += n; lock.unlock()
    }
    var total: Int { lock.withLock { count } }
}
