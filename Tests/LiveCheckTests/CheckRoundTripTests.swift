import APIModel
import DocTree
import Docs2SwiftCore
import Docs2SwiftServerRuntime
import Foundation
import HTTPTypes
import Hummingbird
import LiveCheck
import NIOCore
import Testing

/// The whole path on a small doc page: docs → model → requests → a loopback server whose answers
/// drift from the page → findings at the page's lines, and the item's id taken from the list's answer.
@Suite struct CheckRoundTripTests {
    static let page = """
        # Things API

        ## List things

        The API is:

        ```
        GET /api/things
        ```

        It returns a JSON body like the following:

        ```json
        {
          "things": [
            {"id": "t1", "name": "First", "size": 3, "state": "new"}
          ],
          "total": 1
        }
        ```

        ## Get a thing

        The API is:

        ```
        GET /api/things/<thing_id>
        ```

        It returns a JSON body like the following:

        ```json
        {
          "id": "t1",
          "name": "First",
          "size": 3,
          "owner": {"email": "a@example.com"}
        }
        ```

        ## Delete a thing

        ```
        DELETE /api/things/<thing_id>
        ```

        """

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Test func findingsAtTheDocLinesAndIdsFromTheList() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("livecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("things.md")
        try Data(Self.page.utf8).write(to: file)
        let api = GeneratorPipeline().model(from: [file.path], diagnostics: RecordingCollector()).api
        #expect(api.operations.count == 3)

        let seen = Paths()
        let router = Router()
        router.get("api/things") { request, _ in
            await seen.add(request.uri.path)
            return Self.json(#"{"things": [{"id": "t7", "name": "Seven", "size": "big", "state": "new", "extra": true}], "total": 1}"#)
        }
        router.get("api/things/{id}") { request, _ in
            await seen.add(request.uri.path)
            return Self.json(#"{"id": "t7", "name": null, "size": 3, "owner": {}}"#)
        }
        router.delete("api/things/{id}") { request, _ in
            await seen.add("DELETE " + request.uri.path)
            return Response(status: .noContent)
        }
        try await LoopbackServer.run(router) { url in
            let report = await LiveChecker(api: api, options: .init(baseURL: url)).run()
            let byPath = Dictionary(uniqueKeysWithValues: report.operations.map { ($0.method + " " + $0.path, $0) })
            let list = byPath["GET /api/things"]
            let item = byPath["GET /api/things/{thing_id}"]
            #expect(list?.outcome == .drifted && item?.outcome == .drifted)
            #expect(item?.sentPath == "/api/things/t7", "the id comes from the list's answer, not the doc example's t1")
            #expect(list?.findings.map { "\($0.kind.rawValue) \($0.jsonPath)" }.sorted() == ["type things[0].size", "undocumented things[0].extra"])
            #expect(item?.findings.map { "\($0.kind.rawValue) \($0.jsonPath)" }.sorted() == ["missing owner.email", "null name"])
            #expect(list?.findings.first?.location?.description == RelativePath.fromWorkingDirectory(file.path) + ":7:1")
            #expect(item?.findings.first?.location?.description == RelativePath.fromWorkingDirectory(file.path) + ":26:1")
            #expect(byPath["DELETE /api/things/{thing_id}"]?.outcome == .skipped, "no write without --allow-writes")
            #expect(report.summary.called == 2 && report.summary.drifted == 2 && report.summary.skipped == 1)

            let text = ReportFormatter.text(report)
            #expect(text.contains(RelativePath.fromWorkingDirectory(file.path) + ":26:1: warning: GET /api/things/{thing_id}: name: documented as string (not nullable), the server sent null [null]"))
            let decoded = try JSONSerialization.jsonObject(with: Data(try ReportFormatter.json(report).utf8)) as? [String: Any]
            let ops = decoded?["operations"] as? [[String: Any]]
            #expect(ops?.first?["result"] as? String != nil && (decoded?["summary"] as? [String: Any])?["called"] as? Int == 2)
        }
        #expect(await seen.value == ["/api/things", "/api/things/t7"], "nothing deleted, nothing else called")
    }
}

extension CheckRoundTripTests {
    /// A required header the docs give a value for is sent; one they give none for skips the operation.
    @Test func requiredHeadersTakeTheDocsValues() async throws {
        let tenant = Parameter(name: "X-Tenant", location: .header, type: .string, required: true)
        let secret = Parameter(name: "X-Secret", location: .header, type: .string, required: true)
        let api = APIDescription(operations: [
            APIModel.Operation(id: "a", resource: "R", method: "GET", path: "/api/a", parameters: [tenant],
                               examples: [Example(kind: "request", language: "shell", text: #"curl -H "X-Tenant: acme" http://x/api/a"#)]),
            APIModel.Operation(id: "b", resource: "R", method: "GET", path: "/api/b", parameters: [secret]),
        ])
        let seen = Paths()
        let router = Router()
        router.get("api/a") { request, _ in
            await seen.add(request.headers[HTTPField.Name("X-Tenant")!] ?? "none")
            return Response(status: .ok)
        }
        try await LoopbackServer.run(router) { url in
            let report = await LiveChecker(api: api, options: .init(baseURL: url)).run()
            #expect(report.operations.first { $0.path == "/api/a" }?.outcome == .passed)
            #expect(report.operations.first { $0.path == "/api/b" }?.reason.contains("required header X-Secret") == true)
        }
        #expect(await seen.value == ["acme"])
    }
}

actor Paths {
    var value: [String] = []
    func add(_ p: String) { value.append(p) }
}
