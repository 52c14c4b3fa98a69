import Docs2SwiftCore
import Foundation
import Testing

/// A JSON OpenAPI document is read in document order, as a YAML one is: the models' properties come in the
/// order the document lists them (Foundation's JSONDecoder gives an object's keys in hash order, which
/// changes from one process to the next, so the same document gave differently ordered models).
@Suite struct OpenAPIJSONOrderTests {
    @Test func propertiesKeepTheDocumentOrder() throws {
        let names = ["zeta", "alpha", "mu", "beta", "omega", "gamma", "kappa", "delta", "iota", "epsilon"]
        let properties = names.map { "\"\($0)\": {\"type\": \"string\"}" }.joined(separator: ", ")
        let json = """
        {"openapi": "3.0.3", "info": {"title": "Order", "version": "1"},
         "paths": {"/things/": {"get": {"operationId": "things_list", "tags": ["things"],
           "responses": {"200": {"description": "A thing.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
         "components": {"schemas": {"Thing": {"type": "object", "properties": {\(properties)}}}}}
        """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("openapi.json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let api = GeneratorPipeline().model(from: [path], diagnostics: RecordingCollector()).api
        let thing = try #require(api.schemas.first { $0.name == "Thing" })
        #expect(thing.fields.map(\.name) == names)
    }
}
