import ArgumentParser
import DocTree
import Docs2SwiftCore
import Foundation

@main
struct Docs2Swift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs2swift",
        abstract: "Turn REST API documentation pages into Swift models, an async client and OpenAPI.",
        version: Emission.generatorVersion,
        subcommands: [Generate.self, Model.self, OpenAPICommand.self, Diff.self, Check.self],
        defaultSubcommand: Generate.self)

    static func main() {
        CheckForwarding.forwardIfAsked(CommandLine.arguments)
        // One command per process: what a command has finished with near its end need not be freed.
        Disposal.processEndsWithoutTeardown = true
        main(nil)
    }
}

/// Options every subcommand reads the docs with.
struct InputOptions: ParsableArguments {
    @Option(help: "Force the input format: md, html or text (default: by extension and content).")
    var format: String?
    @Option(help: "API title for the model and OpenAPI info.")
    var title: String = "API"
    @Option(help: "API version for the model and OpenAPI info.")
    var apiVersion: String = "1.0.0"
    @Flag(name: .shortAndLong, help: "Show notes: per-page format and dialect with the reason.")
    var verbose = false
    @Flag(help: "Exit with status 1 on any warning.")
    var strict = false
    @Option(help: "Seconds of processor time one page may take to read; a page over it is skipped with an error.")
    var pageTimeLimit: Double = 10

    func pipeline() throws -> GeneratorPipeline {
        var forced: InputFile.Format?
        if let format {
            switch format.lowercased() {
            case "md", "markdown": forced = .markdown
            case "html", "htm": forced = .html
            case "text", "txt": forced = .text
            default: throw ValidationError("--format must be md, html or text")
            }
        }
        guard pageTimeLimit >= 0 else { throw ValidationError("--page-time-limit must not be negative") }
        return GeneratorPipeline(forcedFormat: forced, title: title, version: apiVersion, maxPageSeconds: pageTimeLimit)
    }
}

/// Runs the pipeline, prints sorted diagnostics and returns the result, or exits 1 when nothing
/// usable was found.
func runPipeline(_ inputs: [String], _ options: InputOptions, lock: NameLock = NameLock(), honourLock: Bool = true,
                 pageCache: PageCache? = nil, planArguments: Bool = false)
    throws -> (GeneratorPipeline.Result, RecordingCollector) {
    let collector = RecordingCollector()
    var pipeline = try options.pipeline()
    pipeline.lock = lock
    pipeline.honourLock = honourLock
    pipeline.pageCache = pageCache
    pipeline.planArguments = planArguments
    let result = pipeline.model(from: inputs, diagnostics: collector)
    for d in collector.sorted where d.severity != .note || options.verbose {
        FileHandle.standardError.write(Data((d.description + "\n").utf8))
    }
    if options.verbose {
        for p in result.pages {
            let dialect = p.dialect.map { "\($0) (\(p.dialectReason))" } ?? "none"
            FileHandle.standardError.write(Data("\(p.file): note: format \(p.format) (\(p.formatReason)); dialect \(dialect); \(p.operations) operation(s)\n".utf8))
        }
    }
    if result.api.operations.isEmpty {
        FileHandle.standardError.write(Data("docs2swift: error: no API operations found in \(result.pages.count) page(s); nothing written\n".utf8))
        throw ExitCode(1)
    }
    if options.strict, collector.warningCount + collector.errorCount > 0 { throw ExitCode(1) }
    return (result, collector)
}

func summaryLine(_ counts: Counts, _ collector: RecordingCollector, started: Date, extra: String = "") -> String {
    let elapsed = Date().timeIntervalSince(started)
    return "docs2swift: \(counts.text), \(collector.warningCount) warnings\(extra) in \(String(format: "%.2f", elapsed)) s"
}

/// What a run read, for its summary line (taken before the model is handed on).
struct Counts {
    var pages: Int, operations: Int, schemas: Int
    init(_ result: GeneratorPipeline.Result) {
        (pages, operations, schemas) = (result.pages.count, result.api.operations.count, result.api.schemas.count)
    }
    var text: String { "\(pages) pages, \(operations) operations, \(schemas) schemas" }
}

/// Ends the process with status 0 without releasing what is still allocated (the OS reclaims it at
/// once); for a command that has finished all its output.
func exitSkippingTeardown() -> Never {
    fflush(nil)
    exit(0)
}
