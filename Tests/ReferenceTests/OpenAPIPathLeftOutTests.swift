import Docs2SwiftCore
import DocTree
import Foundation
import Testing

/// A path item that does not decode (real documents have them: PagerDuty's answers a `PUT` with a
/// `$ref` to a request body; here, a parameter `in` no place there is) is left out with a warning at its line; the document's other paths are
/// still read. Before, one such item rejected the whole document ("no API operations found").
@Suite struct OpenAPIPathLeftOutTests {
    static func document(version: String) -> String {
        """
        openapi: \(version)
        info:
          title: Broken
          version: "1"
        paths:
          /things/:
            get:
              operationId: things_list
              tags: [things]
              responses:
                "200":
                  description: The things.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Thing"
          /things/{id}/data:
            put:
              operationId: things_data_update
              tags: [things]
              parameters:
                - name: id
                  in: nowhere
              responses:
                "200":
                  description: Stored.
        components:
          schemas:
            Thing:
              type: object
              properties:
                name:
                  type: string
        """
    }

    func read(_ text: String) throws -> (APIDescriptionSummary, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-left-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("openapi.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let diagnostics = RecordingCollector()
        let api = GeneratorPipeline().model(from: [path], diagnostics: diagnostics).api
        return (APIDescriptionSummary(operations: api.operations.map { "\($0.method) \($0.path)" }, schemas: api.schemas.map(\.name)),
                diagnostics.diagnostics)
    }

    struct APIDescriptionSummary: Equatable {
        var operations: [String]
        var schemas: [String]
    }

    @Test(arguments: ["3.0.3", "3.1.0"])
    func aBrokenPathItemIsLeftOutWithAWarning(version: String) throws {
        let (api, diagnostics) = try read(Self.document(version: version))
        #expect(api.operations == ["GET /things/"])
        #expect(api.schemas == ["Thing"])
        let warning = try #require(diagnostics.first { $0.message.contains("left out") })
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 17)
        #expect(warning.message.contains("path '/things/{id}/data' left out: "))
    }

    @Test func aSoundDocumentGivesNoWarning() throws {
        let sound = Self.document(version: "3.0.3").replacingOccurrences(of: "in: nowhere", with: "in: path\n          required: true\n          schema: {type: string}")
        let (api, diagnostics) = try read(sound)
        #expect(api.operations == ["GET /things/", "PUT /things/{id}/data"])
        #expect(diagnostics.filter { $0.message.contains("left out") }.isEmpty)
    }
}
