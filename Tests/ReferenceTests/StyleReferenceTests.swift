import Docs2SwiftCore
import Foundation
import Testing

/// One real page per documentation style (Slate, Widdershins, GitBook, hand-written Markdown and
/// HTML; sources in `Tests/Fixtures/styles/<style>/`, listed in its README) generated with every
/// output and compared with `Tests/ReferenceTests/References/styles/<style>/`. `scripts/devcorpus-roundtrip`
/// compiles the same pages' packages and runs their round trips over loopback.
/// `DOCS2SWIFT_RECORD=1` rewrites the references and fails the run.
@Suite struct StyleReferenceTests {
    static let styles = ["slate", "widdershins", "gitbook", "markdown", "html"]

    func generate(_ style: String) throws -> [GeneratedFile] {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let result = GeneratorPipeline().model(from: ["Tests/Fixtures/styles/\(style)"], diagnostics: RecordingCollector())
        let module = style.prefix(1).uppercased() + style.dropFirst() + "RoundTrip"
        let options = EmitOptions(outputs: [.models, .client, .server, .tests, .openapi, .model], module: module, runtime: .path("../../Runtime"),
                                  outputDirectory: "Tests/ReferenceTests/References/styles/\(style)")
        return try Emission.files(for: result.api, options: options)
    }

    @Test(arguments: styles) func pageMatchesItsReference(_ style: String) throws {
        let files = try generate(style)
        let folder = repoRoot.appendingPathComponent("Tests/ReferenceTests/References/styles/\(style)")
        if recording {
            try? FileManager.default.removeItem(at: folder)
            _ = try OutputWriter(directory: folder.path).write(files, apply: true)
            Issue.record("recorded \(files.count) reference files for \(style); run again without DOCS2SWIFT_RECORD")
            return
        }
        // Every style's page gives operations: a model, a client, a server and tests at least.
        #expect(files.contains { $0.path.hasSuffix("Client.swift") || $0.path.contains("Client") })
        #expect(files.count >= 5)
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(expected != nil, "missing reference file References/styles/\(style)/\(file.path)")
            if let expected, expected != file.contents {
                Issue.record("References/styles/\(style)/\(file.path) differs from the output")
            }
        }
        let manifest = try String(contentsOf: folder.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
        #expect(manifest.split(separator: "\n").map(String.init) == files.map(\.path).sorted())
    }
}
