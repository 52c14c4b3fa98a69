import Docs2SwiftCore
import Foundation
import Testing

/// The plugins and the CLI share one definition of the page extensions and the `generate` options
/// (`Plugins/PluginsShared/DocInputs.swift`, compiled into both plugins and into Docs2SwiftCore). The
/// plugins cannot be run here, so these tests run the CLI with exactly the arguments they build.
@Suite struct PluginArgumentsTests {
    @Test func theCLIFindsEveryExtensionThePluginsPass() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in DocInputs.pageExtensions.sorted() + ["yaml", "swift"] {
            try "x".write(to: dir.appendingPathComponent("page.\(ext.uppercased())"), atomically: true, encoding: .utf8)
        }
        let found = InputFiles.collect([dir.path], forcedFormat: nil, diagnostics: RecordingCollector())
            .map { ($0.path as NSString).pathExtension.lowercased() }
        #expect(Set(found) == DocInputs.pageExtensions)
        #expect(DocInputs.pageExtensions.contains("apib"))
        #expect(DocInputs.lockFileName == NameLock.fileName)
    }

    @Test func theCLIAcceptsThePluginsArgumentsAndWritesTheFilesTheBuildPluginDeclares() throws {
        let dir = try CLITests().workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blueprint = dir.appendingPathComponent("docs/polls.apib")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Tests/Fixtures/apiblueprint/polls-api.apib"), to: blueprint)
        let pages = [dir.appendingPathComponent("docs/page.md").path, blueprint.path]
        // The command plugin writes Generated/ and its lock; `--check` then finds nothing to do.
        let generated = dir.appendingPathComponent("Generated")
        let command = try CLITests().run(DocInputs.generateArguments(output: generated.path, pages: pages), in: dir)
        #expect(command.status == 0, "\(command.err)")
        let check = try CLITests().run(DocInputs.generateArguments(output: generated.path, check: true, pages: pages), in: dir)
        #expect(check.status == 0, "\(check.out)\(check.err)")
        // The build plugin writes its own folder, reading the committed lock without writing it.
        let output = dir.appendingPathComponent("GeneratedSources")
        let lock = generated.appendingPathComponent(DocInputs.lockFileName).path
        let build = try CLITests().run(DocInputs.generateArguments(output: output.path, lock: lock, readOnlyLock: true, pages: pages), in: dir)
        #expect(build.status == 0, "\(build.err)")
        for stem in PageFileNames.stems(for: pages) {
            for suffix in ["+Models.swift", "+Client.swift"] {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(stem + suffix).path), "\(stem)\(suffix)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(DocInputs.lockFileName).path))
        let client = try String(contentsOf: output.appendingPathComponent("polls+Client.swift"), encoding: .utf8)
        #expect(client.contains("/questions"))
    }
}
