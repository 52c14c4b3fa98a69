import Foundation
import PackagePlugin

/// `swift package generate-from-docs [--target NAME]… [--check] [--accept-renames]`: for teams that commit
/// generated code. Swift names are kept in `Generated/docs2swift.lock` across runs (`--accept-renames`
/// chooses them afresh).
/// For each target with doc pages, writes `<Stem>+Models.swift` and `<Stem>+Client.swift` per page into
/// the target's `Generated/` folder (only files whose bytes changed; files it did not generate are never
/// overwritten). Asks for permission to write to the package directory, as SwiftPM requires.
@main
struct GenerateFromDocs: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let wanted = Set(extractor.extractOption(named: "target"))
        let check = extractor.extractFlag(named: "check") > 0
        let acceptRenames = extractor.extractFlag(named: "accept-renames") > 0
        let tool = try context.tool(named: "docs2swift")
        var ran = 0
        for case let target as SourceModuleTarget in context.package.targets where wanted.isEmpty || wanted.contains(target.name) {
            let dir = target.directoryURL
            let docs = (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? [])
                .filter { !$0.hasPrefix("Generated/") && DocInputs.isPage($0) }
                .sorted()
                .map { dir.appendingPathComponent($0).path }
            guard !docs.isEmpty else { continue }
            let config = DocInputs.configFileNames.map { dir.appendingPathComponent($0).path }
                .first { FileManager.default.fileExists(atPath: $0) }
            // The names are kept in `Generated/docs2swift.lock`; renames happen only when asked for.
            let process = Process()
            process.executableURL = tool.url
            process.arguments = DocInputs.generateArguments(output: dir.appendingPathComponent("Generated").path, config: config,
                                                            check: check, acceptRenames: acceptRenames, pages: docs)
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                Diagnostics.error("docs2swift failed for target \(target.name) (exit \(process.terminationStatus))")
                throw CommandError.failed(target.name)
            }
            ran += 1
        }
        if ran == 0 { Diagnostics.warning("no target with doc pages (\(DocInputs.pageExtensions.sorted().map { "." + $0 }.joined(separator: ", "))) found") }
    }

    enum CommandError: Error { case failed(String) }
}
