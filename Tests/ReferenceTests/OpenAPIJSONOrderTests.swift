import Docs2SwiftCore
import Foundation
import Testing

/// A JSON OpenAPI document is read in document order, as a YAML one is: the models' properties come in the
/// order the document lists them (Foundation's JSONDecoder gives an object's keys in hash order, which
/// changes from one process to the next, so the same document gave differently ordered models).
@Suite struct OpenAPIJSONOrderTests {
    /// The model of `json` written as `openapi.json` in a folder of its own and given as the only input.
    static func model(ofJSON json: String) throws -> APIDescription {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("openapi.json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return GeneratorPipeline().model(from: [path], diagnostics: RecordingCollector()).api
    }

    @Test func propertiesKeepTheDocumentOrder() throws {
        let names = ["zeta", "alpha", "mu", "beta", "omega", "gamma", "kappa", "delta", "iota", "epsilon"]
        let properties = names.map { "\"\($0)\": {\"type\": \"string\"}" }.joined(separator: ", ")
        let json = """
        {"openapi": "3.0.3", "info": {"title": "Order", "version": "1"},
         "paths": {"/things/": {"get": {"operationId": "things_list", "tags": ["things"],
           "responses": {"200": {"description": "A thing.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
         "components": {"schemas": {"Thing": {"type": "object", "properties": {\(properties)}}}}}
        """
        let api = try Self.model(ofJSON: json)
        let thing = try #require(api.schemas.first { $0.name == "Thing" })
        #expect(thing.fields.map(\.name) == names)
    }

    /// A JSON document whose keys are sorted (as docs2swift's own `openapi.json`, or any JSON
    /// serializer's sorted output) has `openapi` after `components`, beyond the first 4 kB, and its
    /// version written `"openapi" : "3.1.0"`: it is still an OpenAPI 3.1 document.
    @Test func anOpenAPIKeyAfterTheComponentsIsFound() throws {
        let many = (0..<200).map { "\"Filler\($0)\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}" }
        let json = """
        {"components" : {"schemas" : {\(many.joined(separator: ", ")), "Thing": {"type": "object", "properties": {"id": {"type": ["integer", "null"]}}}}},
         "info" : {"title": "Sorted", "version": "1"},
         "openapi" : "3.1.0",
         "paths" : {"/things/": {"get": {"operationId": "things_list", "tags": ["things"],
           "responses": {"200": {"description": "A thing.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}}}
        """
        #expect(json.utf8.count > 4096)
        let api = try Self.model(ofJSON: json)
        #expect(api.operations.map(\.path) == ["/things/"])
        let thing = try #require(api.schemas.first { $0.name == "Thing" })
        #expect(thing.fields.first?.nullable == true)
    }
}
