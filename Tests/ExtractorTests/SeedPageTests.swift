import APIModel
import Docs2SwiftCore
import DocTree
import Extractors
import Foundation
import MarkdownFrontEnd
import Testing

/// The repository root, from this file's path (Tests/ExtractorTests/…).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct SeedPageTests {
    let seed = repoRoot.appendingPathComponent("input-docs/000_c829d6fb4bacecba.txt").path

    func extract() throws -> (PageExtraction, RecordingCollector) {
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let diagnostics = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "seed.md", diagnostics: diagnostics)
        let page = try #require(MkDocsReferenceDialect().extract(doc, diagnostics: diagnostics))
        return (page, diagnostics)
    }

    @Test func sixOperationsOnOnePath() throws {
        let (page, diagnostics) = try extract()
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(page.resource.title == "Call Assignment Configurations")
        #expect(page.operations.map(\.method) == ["GET", "GET", "POST", "PUT", "PATCH", "DELETE"])
        #expect(Set(page.operations.map { $0.path.replacingOccurrences(of: "{uuid}/", with: "") }) == ["/api/call-assignment-configurations/"])
        #expect(page.operations.map(\.id) == [
            "call_assignment_configurations_list", "call_assignment_configurations_retrieve",
            "call_assignment_configurations_create", "call_assignment_configurations_update",
            "call_assignment_configurations_partial_update", "call_assignment_configurations_destroy",
        ])
    }

    /// A `Header` tab's rows are header parameters, but for the transport headers the client sets
    /// (`OperationBuilder.transportHeaders`), as for every reader.
    @Test func headerTabKeepsAllButTransportHeaders() throws {
        let text = try String(contentsOfFile: seed, encoding: .utf8).replacingOccurrences(of: "=== \"Query Parameters\"", with: """
        === "Header"

            | Name | Type | Description |
            |---|---|---|
            | `Authorization` | string | Token. |
            | `X-Request-Id` | string | Correlation id. |
            | `Accept` | string | Media type. |

        === "Query Parameters"
        """)
        let page = try #require(MkDocsReferenceDialect().extract(MarkdownParser().parse(text, file: "seed.md", diagnostics: RecordingCollector()),
                                                                 diagnostics: RecordingCollector()))
        #expect(page.operations[0].parameters.filter { $0.location == .header }.map(\.name) == ["X-Request-Id"])
    }

    @Test func pathAndQueryParameters() throws {
        let (page, _) = try extract()
        let withUUID = page.operations.filter { $0.parameters.contains { $0.location == .path && $0.name == "uuid" } }
        #expect(withUUID.count == 4)
        let uuid = try #require(withUUID.first?.parameters.first)
        #expect(uuid.type == .primitive(.string, format: "uuid"))
        #expect(uuid.required)
        let list = page.operations[0]
        #expect(list.parameters.map(\.name) == ["page", "page_size"])
        #expect(list.parameters.allSatisfy { $0.location == .query && !$0.required && $0.type == .integer })
        #expect(list.parameters[0].provenance == SourceLocation(file: "seed.md", line: 79, column: 1))
    }

    @Test func requestBodyOfFourOptionalFieldsWithSDKModelName() throws {
        let (page, _) = try extract()
        let create = page.operations[2]
        let body = try #require(create.requestBody)
        #expect(!body.required)
        #expect(body.documentedName == "CallAssignmentConfigurationRequest")
        guard case .object(let fields) = body.type else { Issue.record("body is not an object"); return }
        #expect(fields.map(\.name) == ["auto_reassign_on_decline", "max_auto_reassign_attempts", "assignment_expiration_days",
                                       "send_reminder_before_expiry_days"])
        #expect(fields.allSatisfy { !$0.required })
        #expect(fields[0].type == .boolean)
        #expect(fields[0].provenance?.line == 237)
        #expect(page.operations[4].requestBody?.documentedName == "PatchedCallAssignmentConfigurationRequest")
    }

    @Test func listReturnsAnArrayAndDeleteHasNoBody() throws {
        let (page, _) = try extract()
        let list = try #require(page.operations[0].responses.first)
        #expect(list.status == "200")
        guard case .array(.object(let fields))? = list.type else { Issue.record("list does not return an array"); return }
        #expect(fields.count == 10)
        #expect(fields.first { $0.name == "created" }?.type == .primitive(.string, format: "date-time"))
        let delete = try #require(page.operations[5].responses.first)
        #expect(delete.status == "204")
        #expect(delete.type == nil)
        #expect(delete.description == "No response body")
        #expect(page.operations[2].responses.first?.status == "201")
    }
}
