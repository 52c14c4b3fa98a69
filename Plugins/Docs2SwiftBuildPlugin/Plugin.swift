import Foundation
import PackagePlugin

/// Generates Swift from the doc pages of the target it is applied to (the extensions the CLI reads,
/// `DocInputs.pageExtensions` in `PluginsShared/`: `.md`, `.markdown`, `.apib`, `.html`, `.htm`, `.txt`,
/// `.text`), at build time. Inputs: the pages, `docs2swift-config.json`/`.yaml`, the templates folder
/// it names, a `docs2swift.lock` (Swift names to keep), and the docs2swift binary itself — any of them
/// changing regenerates; nothing changed, no run.
/// Outputs are declared up front: `<Stem>+Models.swift` and `<Stem>+Client.swift` per page.
@main
struct Docs2SwiftBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let docs = files.filter { DocInputs.isPage($0.lastPathComponent) }.sorted { $0.path < $1.path }
        guard !docs.isEmpty else { return [] }
        let config = DocInputs.configFileNames.lazy.compactMap { name in files.first { $0.lastPathComponent == name } }.first
        let tool = try context.tool(named: "docs2swift")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources")
        var inputs = docs + [tool.url]
        if let config {
            inputs.append(config)
            inputs += templateFiles(config: config)
        }
        // A committed `docs2swift.lock` in the target keeps its Swift names (read only: the build may not
        // write the package folder; `docs2swift generate --lock` or the command plugin update it).
        let lock = files.first { $0.lastPathComponent == DocInputs.lockFileName }
        if let lock { inputs.append(lock) }
        let arguments = DocInputs.generateArguments(output: output.path, config: config?.path, lock: lock?.path, readOnlyLock: lock != nil,
                                                    pages: docs.map(\.path))
        let outputs = PageFileNames.stems(for: docs.map(\.path)).flatMap {
            [output.appendingPathComponent("\($0)+Models.swift"), output.appendingPathComponent("\($0)+Client.swift")]
        }
        return [.buildCommand(displayName: "docs2swift: generating Swift from \(docs.count) doc page(s) of \(target.name)",
                              executable: tool.url, arguments: arguments, inputFiles: inputs, outputFiles: outputs)]
    }

    /// The `.mustache` files of the config's `templates` folder.
    func templateFiles(config: URL) -> [URL] {
        guard let text = try? String(contentsOf: config, encoding: .utf8) else { return [] }
        var folder: String?
        if config.pathExtension == "json" {
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            folder = object?["templates"] as? String
        } else {
            for line in text.split(separator: "\n") where line.hasPrefix("templates:") {
                folder = line.dropFirst("templates:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
        }
        guard let folder else { return [] }
        let dir = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : config.deletingLastPathComponent().appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { dir.appendingPathComponent($0) }
    }
}
