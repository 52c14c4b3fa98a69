import Docs2SwiftCore
import Foundation
import Testing

/// A real API Blueprint (apiaryio/api-blueprint `examples/Polls API.md`, as `Tests/Fixtures/apiblueprint/`)
/// through `generate --emit models,client,server,tests,model`, compared file by file with
/// `Tests/ReferenceTests/References/apiblueprint-polls/`. `DOCS2SWIFT_RECORD=1` rewrites the references
/// (and fails the run, so a recording is never mistaken for a pass).
@Suite struct BlueprintReferenceTests {
    static let options = EmitOptions(outputs: [.models, .client, .server, .tests, .model], module: "PollsAPI", runtime: .path("../../../.."))
    static let references = repoRoot.appendingPathComponent("Tests/ReferenceTests/References/apiblueprint-polls")

    func generate() throws -> [GeneratedFile] {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = GeneratorPipeline().model(from: ["Tests/Fixtures/apiblueprint/polls-api.apib"], diagnostics: RecordingCollector())
        #expect(result.api.operations.count == 5)
        return try Emission.files(for: result.api, options: Self.options)
    }

    @Test func pollsBlueprintMatchesTheReference() throws {
        let files = try generate()
        if recording {
            _ = try OutputWriter(directory: Self.references.path).write(files, apply: true)
            Issue.record("recorded \(files.count) reference files into \(Self.references.path); run again without DOCS2SWIFT_RECORD")
            return
        }
        #expect(files.count >= 5)
        for file in files {
            let expected = try? String(contentsOf: Self.references.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected != nil, "missing reference file \(file.path)")
            if let expected, expected != file.contents {
                Issue.record("apiblueprint-polls/\(file.path) differs from the output")
            }
        }
    }
}
