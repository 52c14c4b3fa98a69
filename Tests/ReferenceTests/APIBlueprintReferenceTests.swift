import Docs2SwiftCore
import Foundation
import Testing

/// A real API Blueprint (the Polls API of apiaryio/api-blueprint) through every output: the files are
/// checked in under `Tests/Fixtures/PollsAPI/` (`DOCS2SWIFT_RECORD=1` rewrites them and fails the run).
/// The module is `PollsKit`: a module named `PollsAPI` collides with the server protocol `PollsAPI`.
/// The generated package builds and its round-trip tests pass over loopback (see docs/apiblueprint.md).
///
/// For example: `HOST: http://polls.apiblueprint.org/` is the OpenAPI document's server.
@Suite struct APIBlueprintReferenceTests {
    static let input = "Tests/Fixtures/apiblueprint/polls-api.apib"
    static let folder = "Tests/Fixtures/PollsAPI"

    func generate() throws -> [GeneratedFile] {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = GeneratorPipeline().model(from: [Self.input], diagnostics: RecordingCollector())
        let options = EmitOptions(outputs: [.models, .client, .server, .tests, .openapi, .model], module: "PollsKit",
                                  runtime: .path("../../../Runtime"), outputDirectory: Self.folder)
        return try Emission.files(for: result.api, options: options)
    }

    @Test func pollsBlueprintOutputMatchesTheReference() throws {
        let files = try generate()
        let folder = repoRoot.appendingPathComponent(Self.folder)
        if recording {
            _ = try OutputWriter(directory: folder.path).write(files, apply: true)
            Issue.record("recorded \(files.count) reference files into \(Self.folder); run again without DOCS2SWIFT_RECORD")
            return
        }
        #expect(files.contains { $0.path.hasSuffix("Polls+Client.swift") })
        #expect(files.contains { $0.path.hasSuffix("Polls+Server.swift") })
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected != nil, "missing reference file \(Self.folder)/\(file.path)")
            if let expected, expected != file.contents {
                Issue.record("\(Self.folder)/\(file.path) differs from the output (first difference at line \(Self.firstDifferingLine(expected, file.contents)))")
            }
        }
        let manifest = try String(contentsOf: folder.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
        #expect(manifest.split(separator: "\n").map(String.init) == files.map(\.path).sorted())
    }

    @Test func blueprintHostIsTheOpenAPIServer() throws {
        let openapi = try #require(try generate().first { $0.path.hasPrefix("openapi") })
        #expect(openapi.contents.contains("polls.apiblueprint.org"))
    }

    static func firstDifferingLine(_ a: String, _ b: String) -> Int {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false), lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<min(la.count, lb.count) where la[i] != lb[i] { return i + 1 }
        return min(la.count, lb.count) + 1
    }
}
