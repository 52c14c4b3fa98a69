import APIModel
import Docs2SwiftServerRuntime
import DocTree
import Foundation
import Hummingbird
import LiveCheck
import NIOCore
import Testing

/// Servers that misbehave, on loopback: each gives a result with a reason, never a hang or a crash,
/// and the check never sends a request outside its base URL.
@Suite struct HostileServerTests {
    static let page = "hostile.md"

    /// One documented `GET /name` answering a JSON object `{"id": integer}`.
    static func api(_ names: [String]) -> APIDescription {
        APIDescription(
            operations: names.enumerated().map { i, name in
                APIModel.Operation(id: name, resource: "Hostile", method: "GET", path: "/" + name,
                          responses: [APIModel.Response(status: "200", contentType: "application/json",
                                               type: .object([Field(name: "id", type: .integer, required: true)]),
                                               provenance: DocTree.SourceLocation(file: page, line: 10 * i + 2))],
                          provenance: DocTree.SourceLocation(file: page, line: 10 * i + 1))
            })
    }

    static func check(_ names: [String], at url: URL, timeout: Double = 2, maxBodyBytes: Int = 1 << 20) async -> CheckReport {
        var options = LiveChecker.Options(baseURL: url)
        options.timeout = timeout
        options.maxBodyBytes = maxBodyBytes
        return await LiveChecker(api: api(names), options: options).run()
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Test func anHTMLAnswerIsAMediaTypeFinding() async throws {
        let router = Router()
        router.get("login") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: "<!DOCTYPE html><html><body>Sign in</body></html>")))
        }
        router.get("sneaky") { _, _ in Self.json("<html><body>not JSON</body></html>") }
        try await LoopbackServer.run(router) { url in
            let report = await Self.check(["login", "sneaky"], at: url)
            #expect(report.operations.map(\.outcome) == [.drifted, .drifted])
            let f = report.operations.flatMap(\.findings)
            #expect(f.map(\.kind) == [.mediaType, .mediaType])
            #expect(f.first?.found == "text/html" && f.first?.expected == "application/json")
            #expect(f.last?.found == "application/json (an HTML page)")
            #expect(f.first?.location?.description == "hostile.md:2:1", "at the documented response's line")
        }
    }

    @Test func anEndlessBodyIsCutAtTheCap() async throws {
        let router = Router()
        router.get("endless") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 16_384)
                for _ in 0..<100_000 {
                    try Task.checkCancellation()
                    try await writer.write(chunk)
                }
                try await writer.finish(nil)
            })
        }
        try await LoopbackServer.run(router) { url in
            let started = Date()
            let report = await Self.check(["endless"], at: url, timeout: 20, maxBodyBytes: 256 << 10)
            #expect(report.operations.first?.outcome == .failed)
            #expect(report.operations.first?.reason == "body larger than 262144 bytes; stopped reading")
            #expect(Date().timeIntervalSince(started) < 15)
        }
    }

    @Test func aRedirectToAnotherHostIsNeverFollowed() async throws {
        let hits = Counter()
        let trap = Router()
        trap.get("stolen") { _, _ in await hits.add(); return Self.json(#"{"id": 1}"#) }
        try await LoopbackServer.run(trap) { trapURL in
            let router = Router()
            router.get("away") { _, _ in
                Response(status: .found, headers: [.location: trapURL.absoluteString + "/stolen"])
            }
            try await LoopbackServer.run(router) { url in
                let report = await Self.check(["away"], at: url)
                let op = report.operations.first
                #expect(op?.outcome == .failed)
                #expect(op?.status == 302)
                #expect(op?.reason == "redirect to \(trapURL.absoluteString)/stolen: outside the base URL, refused")
                #expect(op?.findings.map(\.kind) == [.status])
            }
        }
        #expect(await hits.value == 0)
    }

    @Test func aServerErrorOnEveryCallFailsEachOperation() async throws {
        let router = Router()
        router.get("{any}") { _, _ in Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "boom"))) }
        try await LoopbackServer.run(router) { url in
            let report = await Self.check(["a", "b", "c"], at: url)
            #expect(report.operations.map(\.outcome) == [.failed, .failed, .failed])
            #expect(report.operations.first?.reason == "server error 500 Internal Server Error")
            #expect(report.summary.called == 3 && report.summary.failed == 3)
        }
    }

    @Test func aSlowOrTricklingAnswerTimesOut() async throws {
        let router = Router()
        router.get("slow") { _, _ in
            try await Task.sleep(for: .seconds(30))
            return Self.json(#"{"id": 1}"#)
        }
        router.get("trickle") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                for _ in 0..<300 {
                    try await Task.sleep(for: .milliseconds(100))
                    try await writer.write(ByteBuffer(string: " "))
                }
                try await writer.finish(nil)
            })
        }
        try await LoopbackServer.run(router) { url in
            let started = Date()
            let report = await Self.check(["slow", "trickle"], at: url, timeout: 1)
            #expect(report.operations.map(\.outcome) == [.failed, .failed])
            #expect(report.operations.map(\.reason) == ["no complete answer within 1 s", "no complete answer within 1 s"])
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }

    @Test func aRefusedCredentialStopsTheCheck() async throws {
        let calls = Counter()
        let router = Router()
        router.get("{any}") { _, _ in
            await calls.add()
            return Response(status: .unauthorized)
        }
        try await LoopbackServer.run(router) { url in
            let report = await Self.check(["a", "b", "c"], at: url)
            #expect(report.operations.map(\.outcome) == [.failed, .skipped, .skipped])
            #expect(report.operations.first?.reason.hasPrefix("401 Unauthorized: the server refused the credentials") == true)
            #expect(report.stoppedBecause == "stopped after 401 on GET /a")
        }
        #expect(await calls.value == 1)
    }

    @Test func aClosedPortIsATransportFailure() async {
        // Port 9 (discard) on loopback: nothing listens there in the test environment.
        let report = await Self.check(["a"], at: URL(string: "http://127.0.0.1:9")!)
        #expect(report.operations.first?.outcome == .failed)
        #expect(report.operations.first?.reason.hasPrefix("transport error") == true)
    }

    @Test func nothingIsSentOutsideTheBaseURL() {
        let http = LiveHTTP(baseURL: URL(string: "http://127.0.0.1:8080/api/v1")!)
        #expect(http.isInsideBase(URL(string: "http://127.0.0.1:8080/api/v1/things")!))
        #expect(!http.isInsideBase(URL(string: "http://127.0.0.1:8080/api/v10/things")!))
        #expect(!http.isInsideBase(URL(string: "http://127.0.0.1:8081/api/v1/things")!))
        #expect(!http.isInsideBase(URL(string: "https://127.0.0.1:8080/api/v1/things")!))
        #expect(!http.isInsideBase(URL(string: "http://127.0.0.1:8080/api/v1/../admin")!))
    }
}

actor Counter {
    var value = 0
    func add() { value += 1 }
}
