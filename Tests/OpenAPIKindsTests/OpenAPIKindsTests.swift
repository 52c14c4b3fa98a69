import Docs2SwiftRuntime
import Foundation
import OpenAPIKinds
import Testing

/// Records requests and answers with one canned response.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    var requests: [HTTPRequest] = []
    let response: HTTPResponse
    let lock = NSLock()
    init(_ response: HTTPResponse) { self.response = response }
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        lock.withLock { requests.append(request) }
        return response
    }
}

/// The Swift generated from `Tests/Fixtures/openapi-kinds/kinds.yaml` (every parameter and schema kind an
/// OpenAPI document can give: enum and array-of-enum query, header and path parameters, integer enums,
/// binary and byte fields, nullable, `oneOf`, `anyOf`) compiles (this target builds it) and sends and reads
/// what the document says.
@Suite struct OpenAPIKindsTests {
    let item = #"""
    {"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","color":"green","tags":["red","purple"],"state":"OK","priority":2,
     "note":null,"parent":{"side":2},"previous_color":"","shape":{"radius":1.5},"either":7,"checksum":"AAEC",
     "thumbnail":null,"labels":{"a":"b"},"created":"2024-05-01T12:00:00Z","content_type":"2"}
    """#

    func client() -> (APIClient, RecordingTransport) {
        let t = RecordingTransport(HTTPResponse(status: 200, body: Data(item.utf8)))
        return (APIClient(baseURL: URL(string: "https://api.example.com")!, transport: t), t)
    }

    @Test func enumParametersSendTheirRawValues() async throws {
        let (client, transport) = client()
        let id = UUID(uuidString: "a1b2c3d4-e5f6-7890-abcd-ef1234567890")!
        _ = try await client.itemsRetrieve(kind: "extra-large", id: id, state: "in progress", states: ["OK", "erred"], color: "red",
                                           colors: [.red, .blue, .undocumented("teal")], level: 2, small: 5, ids: [1, 2], flag: true,
                                           xMode: "safe", xRetries: 3)
        let r = try #require(transport.requests.first)
        #expect(r.path == "/items/extra-large/a1b2c3d4-e5f6-7890-abcd-ef1234567890/")
        #expect(r.query == [.init("state", "in progress"), .init("states", "OK"), .init("states", "erred"), .init("color", "red"),
                            .init("colors", "red"), .init("colors", "blue"), .init("colors", "teal"), .init("level", "2"), .init("small", "5"),
                            .init("ids", "1"), .init("ids", "2"), .init("flag", "true")])
        #expect(r.headers["X-Mode"] == "safe" && r.headers["X-Retries"] == "3")
    }

    @Test func anEnumPathParameterIsItsRawValue() async throws {
        let (client, transport) = client()
        let item = try JSONCoding.makeDecoder().decode(Item.self, from: Data(self.item.utf8))
        _ = try await client.itemsUpdate(color: ColorEnum.blue.rawValue, body: item)
        #expect(transport.requests.first?.path == "/items/blue/")
    }

    @Test func everySchemaKindDecodesAndEncodes() throws {
        let item = try JSONCoding.makeDecoder().decode(Item.self, from: Data(self.item.utf8))
        #expect(item.color == .green && item.tags == [.red, .undocumented("purple")])
        #expect(item.priority == 2)
        #expect(item.note == nil && item.thumbnail == nil)
        #expect(item.parent?.side == 2)
        #expect(item.checksum == Data([0, 1, 2]))
        #expect(item.labels == ["a": "b"])
        #expect(item.contentType == "2")
        #expect(item.shape != nil && item.either != nil)
        let again = try JSONCoding.makeDecoder().decode(Item.self, from: JSONCoding.makeEncoder().encode(item))
        #expect(again == item)
    }

    /// `Category.parent: Category?` and `Employee.team → Team.lead → Employee` are stored in `@Indirect`
    /// boxes: the JSON is the same as for any field, and values behave as values.
    @Test func modelsThatContainThemselvesRoundTrip() throws {
        let json = #"""
        {"name":"leaf","parent":{"name":"middle","parent":{"name":"root","children":[{"name":"sibling"}]}},
         "owner":{"name":"ann","team":{"name":"core","lead":{"name":"bob","team":{"name":"ops","lead":{"name":"cy"}}}}}}
        """#
        let leaf = try JSONCoding.makeDecoder().decode(Category.self, from: Data(json.utf8))
        #expect(leaf.parent?.parent?.name == "root" && leaf.parent?.parent?.parent == nil)
        #expect(leaf.parent?.parent?.children?.first?.name == "sibling")
        #expect(leaf.owner?.team?.lead.team?.lead.name == "cy")
        let encoded = try JSONCoding.makeEncoder().encode(leaf)
        let same = { (data: Data) in try JSONCoding.makeDecoder().decode(JSONValue.self, from: data) }
        #expect(try same(encoded) == same(Data(json.utf8)))
        let again = try JSONCoding.makeDecoder().decode(Category.self, from: encoded)
        #expect(again == leaf && again.hashValue == leaf.hashValue)
        var changed = leaf
        changed.parent?.parent?.name = "other"
        #expect(changed != leaf && leaf.parent?.parent?.name == "root")
        let built = Category(name: "leaf", parent: Category(name: "up"), owner: Employee(name: "ann", team: Team(name: "t", lead: Employee(name: "bob"))))
        #expect(built.parent?.name == "up" && built.owner?.team?.lead.name == "bob")
    }

    @Test func binaryBodiesAreData() async throws {
        let t = RecordingTransport(HTTPResponse(status: 204, body: Data()))
        let client = APIClient(baseURL: URL(string: "https://api.example.com")!, transport: t)
        try await client.uploadsRawReplace(id: 7, body: Data([1, 2, 3]))
        #expect(t.requests.first?.path == "/uploads/7/raw/")
        #expect(t.requests.first?.body == Data([1, 2, 3]))
        #expect(t.requests.first?.headers["Content-Type"] == "application/octet-stream")
        let raw = APIClient(baseURL: URL(string: "https://api.example.com")!, transport: RecordingTransport(HTTPResponse(status: 200, body: Data([0xff, 0]))))
        #expect(try await raw.uploadsRaw(id: 7) == Data([0xff, 0]))
        let upload = Upload(file: Data([9]), kind: "image")
        #expect(upload.preview == nil && upload.kind == "image")
    }

    /// Component keys that are not Swift type names (`api.v2010.account`, `account_enum_status`, `Error`)
    /// become UpperCamelCase names, numbered when one is taken (`AccountEnumStatus` is a key of its own).
    @Test func componentKeysThatAreNotSwiftNamesBecomeTypeNames() async throws {
        let body = #"{"sid":"AC1","status":"suspended","plan":"trial","failure":{"code":20404}}"#
        let t = RecordingTransport(HTTPResponse(status: 200, body: Data(body.utf8)))
        let client = APIClient(baseURL: URL(string: "https://api.example.com")!, transport: t)
        let account: ApiV2010Account = try await client.accountsFetch(sid: "AC1")
        #expect(t.requests.first?.path == "/accounts/AC1.json")
        let status: AccountEnumStatus2? = account.status
        let plan: AccountEnumStatus? = account.plan
        let failure: ErrorType? = account.failure
        #expect(status == .suspended && plan == .trial && failure?.code == 20404)
    }
}
