import Docs2SwiftCore
import Foundation
import Testing

/// The repository root, from this file's path (Tests/ReferenceTests/…).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The models of the seed docs (`input-docs/`) and of the OpenAPI kinds fixture, read from the repository root.
func seedAndKindsModels() throws -> [(name: String, api: APIDescription)] {
    let previous = FileManager.default.currentDirectoryPath
    FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
    defer { FileManager.default.changeCurrentDirectoryPath(previous) }
    let inputs = [try FileManager.default.contentsOfDirectory(atPath: "input-docs").sorted().map { "input-docs/\($0)" },
                  ["Tests/Fixtures/openapi-kinds/kinds.yaml"]]
    return inputs.map { ($0[0], GeneratorPipeline().model(from: $0, diagnostics: RecordingCollector()).api) }
}

/// Set `DOCS2SWIFT_RECORD=1` to rewrite the reference files from the current output; the run then
/// fails on purpose, so a recording is never mistaken for a pass.
let recording = ProcessInfo.processInfo.environment["DOCS2SWIFT_RECORD"] == "1"

/// Generates from `input-docs/` exactly as the README's generate command does, and compares every
/// file with the checked-in `generated/` folder.
@Suite struct FileBasedReferenceTests {
    static let options = EmitOptions(outputs: [.models, .client, .server, .tests, .openapi, .model], module: "SeedAPI", runtime: .path("../Runtime"),
                                     outputDirectory: "generated")

    func generate() throws -> [GeneratedFile] {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        // As `generate` does: names kept from the lock in generated/, which is written back.
        var pipeline = GeneratorPipeline()
        pipeline.lock = try NameLockFile.read("generated/" + NameLock.fileName).lock
        let result = pipeline.model(from: ["input-docs"], diagnostics: RecordingCollector())
        return try Emission.files(for: result.api, options: Self.options) + [NameLockFile.generatedFile(result.lock)]
    }

    @Test func generatedFolderMatchesTheReference() throws {
        let files = try generate()
        let folder = repoRoot.appendingPathComponent("generated")
        if recording {
            _ = try OutputWriter(directory: folder.path).write(files, apply: true)
            Issue.record("recorded \(files.count) reference files into generated/; run again without DOCS2SWIFT_RECORD")
            return
        }
        #expect(files.count >= 5)
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(expected != nil, "missing reference file generated/\(file.path)")
            if let expected, expected != file.contents {
                Issue.record("generated/\(file.path) differs from the output (first difference at line \(firstDifference(expected, file.contents)))")
            }
        }
        // No stale generated files: the manifest lists exactly what is produced.
        let manifest = try String(contentsOf: folder.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
        #expect(manifest.split(separator: "\n").map(String.init) == files.map(\.path).sorted())
    }

    /// The adversarial fixture's output is checked in too (it is compiled and used by AdversarialTests).
    @Test func adversarialFixtureMatchesTheReference() throws {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = GeneratorPipeline().model(from: ["Tests/Fixtures/adversarial"], diagnostics: RecordingCollector())
        let files = try Emission.files(for: result.api, options: EmitOptions(outputs: [.models, .client], module: "AdversarialAPI",
                                                                             runtime: .path("../../../Runtime"), outputDirectory: "Tests/Fixtures/AdversarialAPI"))
        let folder = repoRoot.appendingPathComponent("Tests/Fixtures/AdversarialAPI")
        if recording {
            _ = try OutputWriter(directory: folder.path).write(files, apply: true)
            Issue.record("recorded the adversarial fixture output")
            return
        }
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected == file.contents, "Tests/Fixtures/AdversarialAPI/\(file.path) differs from the output")
        }
    }

    /// The odd-paths fixture's output (models, client, server, tests) is checked in too: the root package
    /// builds it and runs its round trips over loopback (EncodedPathsTests) and odd values through it (PathEncodingTests).
    @Test func oddPathsFixtureMatchesTheReference() throws {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = GeneratorPipeline().model(from: ["Tests/Fixtures/oddpaths"], diagnostics: RecordingCollector())
        let files = try Emission.files(for: result.api, options: EmitOptions(outputs: [.models, .client, .server, .tests], module: "EncodedPaths",
                                                                             runtime: .path("../../../Runtime"), outputDirectory: "Tests/Fixtures/EncodedPaths"))
        let folder = repoRoot.appendingPathComponent("Tests/Fixtures/EncodedPaths")
        if recording {
            _ = try OutputWriter(directory: folder.path).write(files, apply: true)
            Issue.record("recorded the odd-paths fixture output")
            return
        }
        #expect(files.contains { $0.path.hasPrefix("Sources/EncodedPathsServer/") } && files.contains { $0.path.hasPrefix("Tests/EncodedPathsTests/") })
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected == file.contents, "Tests/Fixtures/EncodedPaths/\(file.path) differs from the output")
        }
    }

    /// The OpenAPI-kinds fixture's output (models, client) is checked in too: the root package builds it
    /// (every parameter and schema kind must compile) and OpenAPIKindsTests uses it.
    @Test func openAPIKindsFixtureMatchesTheReference() throws {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = GeneratorPipeline().model(from: ["Tests/Fixtures/openapi-kinds/kinds.yaml"], diagnostics: RecordingCollector())
        let files = try Emission.files(for: result.api, options: EmitOptions(outputs: [.models, .client], module: "OpenAPIKinds",
                                                                             runtime: .path("../../../Runtime")))
        let folder = repoRoot.appendingPathComponent("Tests/Fixtures/OpenAPIKinds")
        if recording {
            _ = try OutputWriter(directory: folder.path).write(files, apply: true)
            Issue.record("recorded the OpenAPI-kinds fixture output")
            return
        }
        #expect(files.count >= 3)
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected == file.contents, "Tests/Fixtures/OpenAPIKinds/\(file.path) differs from the output")
        }
    }

    @Test func outputIsDeterministic() throws {
        let a = try generate(), b = try generate()
        #expect(a == b)
    }

    @Test func everySwiftFileCarriesTheDoNotEditHeaderAndNoTemplateLeftovers() throws {
        for file in try generate() where file.path.hasSuffix(".swift") {
            #expect(file.contents.contains(SwiftEmitter.headerMarker), "\(file.path) has no header")
            #expect(!file.contents.contains("{{"), "\(file.path) has template text left")
            #expect(!file.contents.contains(": ?") && !file.contents.contains("func ("), "\(file.path) has an empty name or type")
        }
    }

    func firstDifference(_ a: String, _ b: String) -> Int {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false), lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<min(la.count, lb.count) where la[i] != lb[i] { return i + 1 }
        return min(la.count, lb.count) + 1
    }
}
