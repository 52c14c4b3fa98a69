import APIDiff
import APIModel
import Foundation
import Testing

let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let recording = ProcessInfo.processInfo.environment["DOCS2SWIFT_RECORD"] == "1"

/// A handmade pair of API versions that exercises every diff rule once.
enum Pair {
    static let user: [Field] = [
        Field(name: "uuid", type: .primitive(.string, format: "uuid"), required: true),
        Field(name: "email", type: .string, required: true),
        Field(name: "name", type: .string),
        Field(name: "state", type: .ref("State")),
        Field(name: "age", type: .integer, nullable: true),
        Field(name: "address", type: .object([Field(name: "city", type: .string), Field(name: "zip", type: .string)])),
        Field(name: "note", type: .string),
        Field(name: "bio", type: .string, nullable: true),
    ]
    static let userV2: [Field] = [
        Field(name: "uuid", type: .primitive(.string, format: "uuid"), required: true),
        Field(name: "email", type: .string),                                    // became optional (response: breaking)
        Field(name: "full_name", type: .string),                                // renamed from name
        Field(name: "state", type: .ref("State")),                              // enum values change
        Field(name: "age", type: .number),                                      // type changed, no longer nullable
        Field(name: "address", type: .object([Field(name: "city", type: .string), Field(name: "zip", type: .string)])),
        Field(name: "tags", type: .array(.string), nullable: true),             // added
        Field(name: "note", type: .any),                                        // type no longer documented
        Field(name: "bio", type: .string),                                      // no longer nullable
    ]
    static let request: [Field] = [
        Field(name: "email", type: .string, required: true),
        Field(name: "name", type: .string),
        Field(name: "role", type: .string, enumValues: ["admin", "user", "guest"]),
        Field(name: "nickname", type: .string, nullable: true),
        Field(name: "legacy", type: .boolean),
    ]
    static let requestV2: [Field] = [
        Field(name: "email", type: .string),                                     // became optional
        Field(name: "name", type: .string, required: true),                     // became required
        Field(name: "role", type: .string, enumValues: ["admin", "user", "owner"]), // enum value removed and added
        Field(name: "nickname", type: .string),                                  // no longer nullable
        Field(name: "team", type: .string, required: true),                      // required field added
        Field(name: "bio", type: .string),                                       // optional field added
    ]

    static func op(_ method: String, _ path: String, id: String, params: [Parameter] = [], body: RequestBody? = nil,
                   responses: [Response], summary: String = "") -> APIModel.Operation {
        APIModel.Operation(id: id, swiftName: Naming.memberName(id), resource: "Users", method: method, path: path, summary: summary,
                           parameters: params, requestBody: body, responses: responses)
    }

    static var old: APIDescription {
        APIDescription(resources: [Resource(name: "Users", title: "Users")], operations: [
            op("GET", "/users/", id: "users_list", params: [
                Parameter(name: "page", location: .query, type: .integer, required: false),
                Parameter(name: "search", location: .query, type: .string, required: false),
                Parameter(name: "order", location: .query, type: .string, required: false, enumValues: ["name", "age"]),
                Parameter(name: "limit", location: .query, type: .integer, required: true),
            ], responses: [Response(status: "200", type: .array(.ref("User")))], summary: "List users"),
            op("PATCH", "/users/{id}/", id: "users_update", params: [Parameter(name: "id", location: .path, type: .integer, required: true)],
               body: RequestBody(required: false, type: .ref("UserRequest")),
               responses: [Response(status: "200", type: .ref("User")), Response(status: "404", type: .map(.any))]),
            op("DELETE", "/users/{id}/", id: "users_destroy", responses: [Response(status: "204", type: nil)]),
            op("POST", "/users/{id}/avatar/", id: "users_avatar", body: RequestBody(contentType: "application/json", required: true, type: .map(.any)),
               responses: [Response(status: "200", type: nil)]),
            op("POST", "/users/{id}/ping/", id: "users_ping", body: RequestBody(required: false, type: .map(.any)),
               responses: [Response(status: "200", type: .ref("User"))]),
            op("GET", "/legacy/", id: "legacy_list", responses: [Response(status: "200", type: .array(.ref("User")))]),
            op("GET", "/old-name/{id}/", id: "old_name", params: [Parameter(name: "id", location: .path, type: .string, required: true)],
               body: RequestBody(required: true, type: .object([Field(name: "x", type: .string)])),
               responses: [Response(status: "200", type: .object([Field(name: "y", type: .string)]))]),
        ], schemas: [
            Schema(name: "User", fields: user), Schema(name: "UserRequest", fields: request),
            Schema(name: "State", kind: .enumeration, enumValues: ["ok", "erred"]),
        ])
    }

    static var new: APIDescription {
        APIDescription(resources: [Resource(name: "Users", title: "Users")], operations: [
            op("GET", "/users/", id: "users_list", params: [
                Parameter(name: "page", location: .query, type: .string, required: true),   // type changed, became required
                Parameter(name: "query", location: .query, type: .string, required: false), // renamed from search
                Parameter(name: "order", location: .query, type: .string, required: false, enumValues: ["name"]),
                Parameter(name: "limit", location: .query, type: .integer, required: false), // became optional
                Parameter(name: "tenant", location: .query, type: .string, required: true), // required added
                Parameter(name: "fields", location: .query, type: .array(.any), required: false), // optional added
            ], responses: [Response(status: "200", type: .array(.ref("User"))), Response(status: "206", type: .array(.ref("User")))],
               summary: "List all users"),
            op("PATCH", "/users/{uuid}/", id: "users_partial_update", params: [Parameter(name: "uuid", location: .path, type: .integer, required: true)],
               body: RequestBody(required: true, type: .ref("UserRequest")),
               responses: [Response(status: "200", type: .ref("User")), Response(status: "404", type: nil)]),
            op("DELETE", "/users/{id}/", id: "users_destroy", body: RequestBody(required: false, type: .object([Field(name: "reason", type: .string)])),
               responses: [Response(status: "200", type: .object([Field(name: "ok", type: .boolean)]))]),
            op("POST", "/users/{id}/avatar/", id: "users_avatar", body: RequestBody(contentType: "multipart/form-data", required: true, type: .map(.any)),
               responses: [Response(status: "200", type: .map(.any))]),
            op("POST", "/users/{id}/ping/", id: "users_ping", responses: [Response(status: "201", type: .ref("User"))]),
            op("GET", "/new-name/{id}/", id: "old_name", params: [Parameter(name: "id", location: .path, type: .string, required: true)],
               body: RequestBody(required: true, type: .object([Field(name: "x", type: .string)])),
               responses: [Response(status: "200", type: .object([Field(name: "y", type: .string)]))]),
            op("GET", "/teams/", id: "teams_list", responses: [Response(status: "200", type: .array(.map(.any)))], summary: "List teams"),
        ], schemas: [
            Schema(name: "User", fields: userV2), Schema(name: "UserRequest", fields: requestV2),
            Schema(name: "State", kind: .enumeration, enumValues: ["ok", "erred", "deleting"]),
        ])
    }
}

@Suite struct DiffRuleTests {
    let report = APIDiffer().diff(old: Pair.old, new: Pair.new, oldName: "v1", newName: "v2")

    @Test func everyRuleFires() {
        let rules = Set(report.changes.map(\.rule))
        let expected: Set<String> = [
            "operation-added", "operation-removed", "operation-path-changed", "operation-id-changed", "summary-changed",
            "parameter-added-required", "parameter-added-optional", "parameter-renamed", "parameter-type-changed",
            "parameter-became-required", "parameter-became-optional", "request-enum-value-removed",
            "request-body-added", "request-body-removed", "request-body-became-required", "request-content-type-changed",
            "request-field-added-required", "request-field-added", "request-field-removed", "request-field-became-required",
            "request-field-became-optional", "request-field-became-non-nullable", "request-enum-value-added",
            "response-status-added", "response-status-removed", "response-body-added", "response-body-removed",
            "response-field-added", "response-field-renamed", "response-field-type-changed", "response-field-became-optional",
            "response-field-became-non-nullable", "response-enum-value-added", "response-field-type-unspecified",
        ]
        #expect(expected.subtracting(rules).isEmpty, "rules that did not fire: \(expected.subtracting(rules).sorted())")
    }

    @Test func classification() {
        func severity(_ rule: String, _ location: String = "") -> Change.Severity? {
            report.changes.first { $0.rule == rule && (location.isEmpty || $0.location.contains(location)) }?.severity
        }
        #expect(severity("operation-removed") == .breaking)
        #expect(severity("operation-added") == .nonBreaking)
        #expect(severity("request-enum-value-removed") == .breaking)
        #expect(severity("response-enum-value-added") == .nonBreaking)
        #expect(severity("request-field-added-required") == .breaking)
        #expect(severity("request-field-added") == .nonBreaking)
        #expect(severity("request-field-became-optional") == .nonBreaking)
        #expect(severity("response-field-became-optional") == .breaking)
        #expect(severity("response-field-removed") == nil, "a rename is reported as a rename")
        #expect(severity("response-field-type-unspecified") == .info)
        #expect(severity("response-body-removed", "404") == .info)
        #expect(report.changes.first { $0.rule == "response-field-renamed" }?.swiftImpact == ["User.name → User.fullName"])
        #expect(report.changes.first { $0.rule == "operation-removed" }?.swiftImpact == ["APIClient.legacyList removed"])
    }

    @Test func outputFormatsMatchTheReferences() throws {
        let outputs = [
            ("diff.txt", DiffFormatter.text(report, color: false)),
            ("diff.md", DiffFormatter.markdown(report)),
            ("diff.json", try DiffFormatter.json(report)),
        ]
        let folder = testsRoot.appendingPathComponent("References")
        for (name, text) in outputs {
            let url = folder.appendingPathComponent(name)
            if recording {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded \(name)")
                continue
            }
            #expect(try String(contentsOf: url, encoding: .utf8) == text, "\(name) differs from the reference")
        }
        #expect(DiffFormatter.text(report, color: true).contains("\u{1B}[31;1mbreaking"))
    }

    @Test func deterministicAndEmptyForIdenticalInputs() {
        #expect(APIDiffer().diff(old: Pair.old, new: Pair.new, oldName: "v1", newName: "v2") == report)
        #expect(APIDiffer().diff(old: Pair.new, new: Pair.new, oldName: "a", newName: "b").changes.isEmpty)
    }
}
