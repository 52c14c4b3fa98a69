import Docs2SwiftCore
import Foundation
import Testing

/// Golden files for the render contexts (what templates see), as SwiftGen keeps them: a template
/// author can read exactly which keys and values each template gets.
@Suite struct RenderContextReferenceTests {
    @Test func contextsMatchTheReference() throws {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let api = GeneratorPipeline().model(from: ["input-docs/000_c829d6fb4bacecba.txt"], diagnostics: RecordingCollector()).api
        let builder = ContextBuilder(access: "public", api: api)
        let resource = try #require(api.resources.first)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let contexts: [(String, Data)] = [
            ("models", try encoder.encode(builder.models(resource: resource.name, schemas: api.schemas, header: "// header"))),
            ("client", try encoder.encode(builder.client(resource: resource, operations: api.operations, header: "// header"))),
        ]
        let folder = repoRoot.appendingPathComponent("Tests/ReferenceTests/References/contexts")
        for (name, data) in contexts {
            let url = folder.appendingPathComponent("\(resource.name).\(name).json")
            if recording {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: url)
                Issue.record("recorded \(url.lastPathComponent)")
                continue
            }
            let expected = try Data(contentsOf: url)
            #expect(String(decoding: expected, as: UTF8.self) == String(decoding: data, as: UTF8.self), "\(url.lastPathComponent) differs")
        }
    }
}
