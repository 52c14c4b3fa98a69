import Docs2SwiftCore
import DocTree
import Foundation
import OpenAPIImport
import Testing

/// A YAML OpenAPI document is read as one wherever its top-level `openapi:` line is: generated documents
/// often sort their keys (Twilio's put it after 6,000 lines of `components`). Before, only the first
/// 4 KB were looked at, and such a document was read as a page of prose (no operations).
@Suite struct OpenAPIRecognitionTests {
    static func sortedDocument(padding: Int) -> String {
        let schemas = (0..<padding).map { "    Thing\($0):\n      type: object\n      properties:\n        name: {type: string}\n" }.joined()
        return """
            components:
              schemas:
            \(schemas)info:
              title: Sorted
              version: "1"
            openapi: 3.0.1
            paths:
              /things/:
                get:
                  operationId: things_list
                  tags: [things]
                  responses:
                    "200":
                      description: The things.

            """
    }

    @Test func anOpenAPILineAfterTheFirstKilobytesIsFound() throws {
        let text = Self.sortedDocument(padding: 200)
        #expect(text.utf8.count > 10_000)
        #expect(OpenAPIImporter.looksLikeOpenAPI(Data(text.utf8)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-sorted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("openapi.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let api = GeneratorPipeline().model(from: [path], diagnostics: RecordingCollector()).api
        #expect(api.operations.map(\.id) == ["things_list"])
        #expect(api.schemas.count == 200)
    }

    @Test(arguments: ["title: A page\nbody: openapi: is mentioned here\n", "# Notes\n\nThe openapi: key comes first.\n", "{\"title\": \"no\"}"])
    func aFileWithoutATopLevelOpenAPIKeyIsNotOne(_ text: String) {
        #expect(!OpenAPIImporter.looksLikeOpenAPI(Data(text.utf8)))
    }
}
