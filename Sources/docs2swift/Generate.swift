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
    @Option(help: "Folder of .mustache files that replace the default templates of the same name.")
    var templates: String?
    @Option(help: "Comma-separated outputs: models, client, openapi, model.")
    var emit: String = "models,client,openapi"
    @Option(help: "Swift module name of the generated package.")
    var module: String = "GeneratedAPI"
    @Option(help: "Path of a docs2swift checkout for Docs2SwiftRuntime (relative to the output folder, or absolute).")
    var runtimePath: String?
    @Option(help: "Git URL of docs2swift for Docs2SwiftRuntime (instead of a path).")
    var runtimeURL: String?
    @Option(help: "Minimum docs2swift version with --runtime-url.")
    var runtimeVersion: String = Emission.generatorVersion
    @Flag(help: "Write nothing; exit 1 if any file would be created, updated or removed.")
    var check = false
    @OptionGroup var options: InputOptions

    func run() throws {
        let started = Date()
        var outputs: Set<EmitOptions.Output> = []
        for item in emit.split(separator: ",") {
            guard let o = EmitOptions.Output(rawValue: item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown output '\(item)'; use models, client, openapi, model")
            }
            outputs.insert(o)
        }
        let (result, collector) = try runPipeline(inputs.isEmpty ? ["input-docs"] : inputs, options)
        let runtime = try RuntimeLocation.resolve(path: runtimePath, url: runtimeURL, version: runtimeVersion, output: output)
        let files: [GeneratedFile]
        do {
            files = try Emission.files(for: result.api, options: EmitOptions(outputs: outputs, module: module, runtime: runtime,
                                                                             templatesFolder: templates))
        } catch {
            FileHandle.standardError.write(Data("docs2swift: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let summary: OutputWriter.Summary
        do {
            summary = try OutputWriter(directory: output).write(files, apply: !check)
        } catch {
            FileHandle.standardError.write(Data("docs2swift: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if check {
            for p in summary.created { print("missing: \(output)/\(p)") }
            for p in summary.updated { print("stale: \(output)/\(p)") }
            for p in summary.removed { print("extra: \(output)/\(p)") }
        }
        FileHandle.standardError.write(Data((summaryLine(result, collector, started: started, extra: "; \(summary)") + "\n").utf8))
        if check, !summary.isClean { throw ExitCode(1) }
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
        let data = try result.api.jsonData()
        try writeOut(data, to: output)
        FileHandle.standardError.write(Data((summaryLine(result, collector, started: started) + "\n").utf8))
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
        try writeOut(try OpenAPIDocument.data(result.api, yaml: yaml), to: output)
        FileHandle.standardError.write(Data((summaryLine(result, collector, started: started) + "\n").utf8))
    }
}

/// Writes atomically, or to standard output when `path` is nil or `-`.
func writeOut(_ data: Data, to path: String?) throws {
    guard let path, path != "-" else { FileHandle.standardOutput.write(data); return }
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    if FileManager.default.contents(atPath: path) == data { return }
    try data.write(to: url, options: .atomic)
}
