import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// The decisions every dialect's operations share (`OperationBuilder`'s `OperationDecisions`), each made once.
@Suite struct OperationDecisionsTests {
    @Test func theSuccessStatusIsTheLowest2xxElse200() {
        #expect(OperationBuilder.successStatus(["404", "201", "200"]) == "200")
        #expect(OperationBuilder.successStatus(["404", "202"]) == "202")
        #expect(OperationBuilder.successStatus(["404"]) == "200")
        var responses = [Response(status: "404", type: nil)]
        let i = OperationBuilder.successResponse(&responses, provenance: nil)
        #expect(responses.map(\.status) == ["404", "200"] && i == 1)
        #expect(OperationBuilder.primarySuccess([Response(status: "201", type: nil), Response(status: "200", type: nil)]) == 1)
        #expect(OperationBuilder.primarySuccess([Response(status: "500", type: nil)]) == nil)
    }

    @Test func aGetListsWhenItsSuccessResponseIsAnArray() {
        var op = Operation(id: "", resource: "r", method: "GET", path: "/api/pets/")
        op.responses = [Response(status: "200", type: .array(.object([]))), Response(status: "404", type: nil)]
        #expect(OperationBuilder.operationID(op) == "pets_list")
        // Only the success response counts: an array under another 2xx does not make a list.
        op.responses = [Response(status: "201", type: .array(.any)), Response(status: "200", type: .object([]))]
        #expect(OperationBuilder.operationID(op) == "pets_retrieve")
        op.path = "/api/pets/{id}/"
        op.responses = [Response(status: "200", type: .array(.any))]
        #expect(OperationBuilder.operationID(op) == "pets_retrieve")
    }

    @Test func pathParametersAreRequiredAndTypedByTheirWord() {
        #expect(OperationBuilder.pathParameterType("INT") == .integer)
        #expect(OperationBuilder.pathParameterType("long") == .integer)
        #expect(OperationBuilder.pathParameterType("double") == .number)
        #expect(OperationBuilder.pathParameterType("uuid") == .string)
        var op = Operation(id: "", resource: "r", method: "GET", path: "/a/{x}/b/{y}")
        op.parameters = [OperationBuilder.pathParameter("x", type: .any, provenance: nil)]
        OperationBuilder.addMissingPathParameters(&op)
        #expect(op.parameters.map(\.name) == ["x", "y"])
        #expect(op.parameters.allSatisfy { $0.required && $0.type == .string && $0.location == .path })
    }

    @Test func aBlueprintActionWithOnlyAnErrorResponseAlsoAnswers200LikeEveryDialect() throws {
        let text = "FORMAT: 1A\n\n# API\n\n## Notes [/notes]\n\n### Remove [DELETE]\n\n+ Response 404\n"
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "api.apib", diagnostics: d)
        let op = try #require(APIBlueprintDialect().extract(doc, diagnostics: d)?.operations.first)
        #expect(op.responses.map(\.status) == ["404", "200"])
    }
}
