import Foundation
import PackagePlugin

/// Generates Swift from the doc pages (`.md`, `.markdown`, `.html`, `.htm`, `.txt`) of the target it is
/// applied to, at build time. Inputs: the pages, `docs2swift-config.json`/`.yaml`, the templates folder
/// it names, a `docs2swift.lock` (Swift names to keep), and the docs2swift binary itself — any of them
/// changing regenerates; nothing changed, no run.
/// Outputs are declared up front: `<Stem>+Models.swift` and `<Stem>+Client.swift` per page.
@main
struct Docs2SwiftBuildPlugin: BuildToolPlugin {
    static let docExtensions: Set<String> = ["md", "markdown", "html", "htm", "txt"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let docs = files.filter { Self.docExtensions.contains($0.pathExtension.lowercased()) }.sorted { $0.path < $1.path }
        guard !docs.isEmpty else { return [] }
        let config = files.first { ["docs2swift-config.json", "docs2swift-config.yaml", "docs2swift-config.yml"].contains($0.lastPathComponent) }
        let tool = try context.tool(named: "docs2swift")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources")
        var inputs = docs + [tool.url]
        var arguments = ["generate", "--layout", "per-page", "--output", output.path, "--emit", "models,client"]
        if let config {
            inputs.append(config)
            inputs += templateFiles(config: config)
            arguments += ["--config", config.path]
        }
        // A committed `docs2swift.lock` in the target keeps its Swift names (read only: the build may not
        // write the package folder; `docs2swift generate --lock` or the command plugin update it).
        if let lock = files.first(where: { $0.lastPathComponent == "docs2swift.lock" }) {
            inputs.append(lock)
            arguments += ["--lock", lock.path, "--read-only-lock"]
        }
        arguments += docs.map(\.path)
        let outputs = Self.stems(for: docs.map(\.path)).flatMap {
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

    /// Same rule as `PageFileNames.stems` in SwiftEmitter (keep them in step): file name without its
    /// extension, characters outside A–Z a–z 0–9 _ replaced by _, `Page` if empty, `_2`, `_3`… on a taken name.
    static func stems(for paths: [String]) -> [String] {
        var used: Set<String> = []
        return paths.map { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            let base = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
            var stem = String(base.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" ? $0 : "_" })
            if stem.isEmpty { stem = "Page" }
            var candidate = stem
            var n = 2
            while used.contains(candidate.lowercased()) { candidate = "\(stem)_\(n)"; n += 1 }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
