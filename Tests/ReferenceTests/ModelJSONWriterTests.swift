import APIModel
import Docs2SwiftCore
import DocTree
import Foundation
import Testing

/// `api-model.json`'s elements are written without an `Encoder` (`ModelJSONWritable`): the bytes must be
/// the ones `ModelJSONEncoder` writes through `Encodable` (themselves `JSONEncoder`'s), for real models
/// and for one where every optional is present, every type kind and odd text appear.
@Suite struct ModelJSONWriterTests {
    static func bothWays(_ api: APIDescription) throws -> (direct: [UInt8], encoded: [UInt8]) {
        let direct = Array(try api.jsonData())
        var encoded = try ModelJSONEncoder.encode(api)
        encoded.append(0x0A)
        return (direct, encoded)
    }

    @Test func realModelsAreWrittenAsTheEncoderWritesThem() throws {
        for (name, api) in try seedAndKindsModels() {
            #expect(!api.operations.isEmpty && !api.schemas.isEmpty)
            let (direct, encoded) = try Self.bothWays(api)
            #expect(String(decoding: direct, as: UTF8.self) == String(decoding: encoded, as: UTF8.self), "\(name)")
        }
    }

    @Test func everyOptionalAndKindIsWrittenAsTheEncoderWritesIt() throws {
        let at = SourceLocation(file: "dir/page \"q\".md", line: 12, column: 3, section: "GET /a\\b")
        let bare = SourceLocation(file: "p.md", line: 1)
        let field = Field(name: "n\u{1}é", type: .object([Field(name: "inner", type: .map(.any), required: false)]), required: true,
                          nullable: true, readOnly: true, description: "d\n\"x\"", enumValues: ["a", ""], provenance: at)
        let types: [TypeRef] = [.primitive(.string, format: "uuid"), .integer, .array(.ref("User")), .object([field]), .map(.number), .any,
                                .object([])]
        var operation = Operation(id: "op", resource: "Users", method: "GET", path: "/users/{id}")
        operation.swiftName = "getUser"
        operation.summary = "S"
        operation.description = "🚀 tab\t"
        operation.authorization = "Bearer"
        operation.provenance = bare
        operation.parameters = types.enumerated().map { i, type in
            Parameter(name: "p\(i)", location: i % 2 == 0 ? .query : .path, type: type, required: i % 2 == 0, description: "x",
                      enumValues: i == 0 ? ["on", "off"] : nil, provenance: i == 1 ? at : nil, example: i == 2 ? "7" : nil)
        }
        operation.requestBody = RequestBody(contentType: "application/json", required: false, type: .ref("Body"), documentedName: "B", provenance: at)
        var response = Response(status: "200", description: "ok", contentType: "application/json", type: .array(.string), provenance: bare)
        response.documentedName = "UserList"
        operation.responses = [response, Response(status: "404", type: nil)]
        operation.errorCodes = [ErrorCode(status: "400", code: "E1", name: "bad", description: "Bad")]
        operation.examples = [Example(kind: "request", language: "json", text: "{\"a\": 1}", provenance: at),
                              Example(kind: "response", language: "", text: "")]
        var bareOperation = Operation(id: "b", resource: "R", method: "POST", path: "/")
        bareOperation.parameters = []
        let schemas = [Schema(name: "User", kind: .object, fields: [field, Field(name: "plain", type: .boolean, required: false)],
                              description: "U", resource: "Users", documentedNames: ["UserView"], provenance: at),
                       Schema(name: "Color", kind: .enumeration, enumValues: ["red", "green"])]
        var api = APIDescription(title: "T", version: "1", basePath: "/api", resources: [
            Resource(name: "Users", title: "Users", description: "All", provenance: at), Resource(name: "R", title: ""),
        ], operations: [operation, bareOperation], schemas: schemas)
        api.baseURL = "https://example.com"
        let (direct, encoded) = try Self.bothWays(api)
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        #expect(direct.count > 3000)
    }
}
