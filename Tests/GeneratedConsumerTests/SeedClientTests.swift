import Docs2SwiftRuntime
import Foundation
import GeneratedSeedAPI
import Testing

/// Records requests and answers with canned responses, in memory.
final class MockTransport: HTTPTransport, @unchecked Sendable {
    var requests: [HTTPRequest] = []
    var responses: [HTTPResponse]
    let lock = NSLock()
    init(_ responses: [HTTPResponse]) { self.responses = responses }
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        lock.withLock {
            requests.append(request)
            return responses.removeFirst()
        }
    }
}

/// Compiles and *uses* the checked-in generated code for `input-docs/` (module `SeedAPI`).
@Suite struct SeedClientTests {
    let item = """
    {"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","call":"https://api.example.com/api/calls/1/","call_uuid":"b1b2c3d4-e5f6-7890-abcd-ef1234567890",
     "call_name":"Call 1","auto_reassign_on_decline":true,"max_auto_reassign_attempts":3,"assignment_expiration_days":7,
     "send_reminder_before_expiry_days":2,"created":"2024-05-01T12:00:00.123456Z","modified":"2024-05-02T08:30:00Z","extra":"ignored"}
    """

    func client(_ responses: [HTTPResponse]) -> (APIClient, MockTransport) {
        let t = MockTransport(responses)
        return (APIClient(baseURL: URL(string: "https://api.example.com")!, token: "secret", transport: t), t)
    }

    @Test func listSendsQueryAndDecodesAnArray() async throws {
        let (client, transport) = client([HTTPResponse(status: 200, body: Data("[\(item)]".utf8))])
        let list = try await client.callAssignmentConfigurationsList(page: 2, pageSize: 50)
        #expect(list.count == 1)
        #expect(list[0].callName == "Call 1")
        #expect(list[0].maxAutoReassignAttempts == 3)
        #expect(list[0].uuid == UUID(uuidString: "a1b2c3d4-e5f6-7890-abcd-ef1234567890"))
        #expect(list[0].created != nil)
        let r = try #require(transport.requests.first)
        #expect(r.method == "GET")
        #expect(r.path == "/api/call-assignment-configurations/")
        #expect(r.query == [.init("page", "2"), .init("page_size", "50")])
        #expect(r.headers["Authorization"] == "Token secret")
    }

    @Test func partialUpdateEncodesSnakeCaseBodyAndPathParameter() async throws {
        let (client, transport) = client([HTTPResponse(status: 200, body: Data(item.utf8))])
        let id = UUID(uuidString: "a1b2c3d4-e5f6-7890-abcd-ef1234567890")!
        let body = PatchedCallAssignmentConfigurationRequest(maxAutoReassignAttempts: 5)
        let updated = try await client.callAssignmentConfigurationsPartialUpdate(uuid: id, body: body)
        #expect(updated.assignmentExpirationDays == 7)
        let r = try #require(transport.requests.first)
        #expect(r.method == "PATCH")
        #expect(r.path == "/api/call-assignment-configurations/a1b2c3d4-e5f6-7890-abcd-ef1234567890/")
        #expect(String(decoding: r.body ?? Data(), as: UTF8.self) == #"{"max_auto_reassign_attempts":5}"#)
        #expect(r.headers["Content-Type"] == "application/json")
    }

    @Test func deleteExpects204AndErrorsCarryStatusAndBody() async throws {
        let (client, transport) = client([HTTPResponse(status: 204), HTTPResponse(status: 404, body: Data(#"{"detail":"Not found."}"#.utf8))])
        let id = UUID()
        try await client.callAssignmentConfigurationsDestroy(uuid: id)
        #expect(transport.requests[0].method == "DELETE")
        do {
            try await client.callAssignmentConfigurationsDestroy(uuid: id)
            Issue.record("a 404 did not throw")
        } catch let error as APIError {
            #expect(error.status == 404)
            #expect(String(decoding: error.body ?? Data(), as: UTF8.self).contains("Not found."))
        }
    }

    @Test func aBodyOfTheWrongShapeIsADecodingError() async throws {
        let (client, _) = client([HTTPResponse(status: 200, body: Data(#"{"uuid": 12}"#.utf8))])
        await #expect(throws: APIError.self) {
            _ = try await client.callAssignmentConfigurationsRetrieve(uuid: UUID())
        }
    }

    /// The generated client's decoding error names the JSON path, expected and found, and the doc line
    /// from the module's `DocSources` table.
    @Test func aWrongTypeDeepInAnArrayNamesPathTypeValueAndDocLine() async throws {
        let users = #"{"users": [{"userId": "a"}, {"userId": "b"}, {"userId": "c"}, {"userId": 17}]}"#
        let (client, _) = client([HTTPResponse(status: 200, body: Data(users.utf8))])
        do {
            _ = try await client.tenantsGroupsServicesCallCapacitiesAvailableUsersRetrieve(tenantId: "t", groupId: "g")
            Issue.record("decoded a number as a string")
        } catch APIError.decoding(let status, let message, _) {
            #expect(status == 200)
            #expect(message == "users[3].userId: expected string, found number 17; documented at ../input-docs/003_82296e3254801fce.html:264")
        }
    }
}
