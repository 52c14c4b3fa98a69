import Docs2SwiftRuntime
import Foundation
import Testing

/// A response that fails to decode says where (JSON path), what was expected and found, and the doc line.
@Suite struct DecodingFailureTests {
    struct Owner: Codable {
        var id: Int
        init(from decoder: any Decoder) throws { id = try ModelFields(decoder).requiredInt("id") }
    }
    struct Item: Codable {
        var name: String
        var owner: Owner
        var tags: [String: Owner]?
        init(from decoder: any Decoder) throws {
            let fields = try ModelFields(decoder)
            name = try fields.requiredString("name")
            owner = try fields.required("owner")
            tags = try fields.optional("tags")
        }
    }
    struct Listing: Codable {
        var results: [Item]
        init(from decoder: any Decoder) throws { results = try ModelFields(decoder).required("results") }
    }

    static let sources = FieldSources([
        "Listing\tresults\titems.md:10\tItem",
        "Item\tname\titems.md:20\t",
        "Item\towner\titems.md:21\tOwner",
        "Item\ttags\titems.md:22\t{Owner",
        "Owner\tid\towners.md:7\t=Int",
    ])

    func message(_ json: String, _ type: (some Decodable).Type) throws -> String {
        let client = APIClient(baseURL: URL(string: "http://127.0.0.1:1")!)
        do {
            _ = try client.decode(type, from: HTTPResponse(status: 200, body: Data(json.utf8)), sources: Self.sources)
        } catch APIError.decoding(let status, let message, _) {
            #expect(status == 200)
            return message
        }
        Issue.record("decoded \(json)")
        return ""
    }

    static let good = #"{"name": "a", "owner": {"id": 1}}"#

    @Test func wrongTypeDeepInAnArray() throws {
        let json = #"{"results": [\#(Self.good), \#(Self.good), \#(Self.good), {"name": "d", "owner": {"id": "u-17"}}]}"#
        #expect(try message(json, Listing.self)
            == #"results[3].owner.id: expected integer (Int), found string "u-17"; documented at owners.md:7"#)
    }

    /// Foundation's decoder on Linux reports a fraction in an integer field as "not valid JSON" with no
    /// path; the field table (`=Int`) finds it.
    @Test func fractionInAnIntegerField() throws {
        let json = #"{"results": [\#(Self.good), {"name": "d", "owner": {"id": 4.5}}]}"#
        let text = try message(json, Listing.self)
        #expect(text.hasPrefix("results[1].owner.id: expected integer"), "\(text)")
        #expect(text.contains("4.5") && text.hasSuffix("documented at owners.md:7"), "\(text)")
        let failure = DecodingFailure(DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON.")),
                                      root: Listing.self, body: Data(json.utf8), sources: Self.sources)
        #expect(failure.description == "results[1].owner.id: expected integer (Int), found number 4.5; documented at owners.md:7")
        // JSON with no such number: said as JSON the model cannot hold, not as a body that is not JSON.
        let other = DecodingFailure(DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "x")),
                                    root: Listing.self, body: Data(#"{"results": []}"#.utf8), sources: Self.sources)
        #expect(other.found.hasPrefix("JSON with a value"))
    }

    @Test func missingKeyAtTheTopOfAnArrayBody() throws {
        let json = "[\(Self.good), {\"owner\": {\"id\": 2}}]"
        #expect(try message(json, [Item].self) == "[1].name: expected a value, found no such key; documented at items.md:20")
    }

    @Test func nullWhereAValueIsRequired() throws {
        #expect(try message(#"{"name": null, "owner": {"id": 1}}"#, Item.self)
            == "name: expected string, found null; documented at items.md:20")
    }

    @Test func insideAMapOfModels() throws {
        #expect(try message(#"{"name": "a", "owner": {"id": 1}, "tags": {"x": {"id": true}}}"#, Item.self)
            == "tags.x.id: expected integer (Int), found boolean true; documented at owners.md:7")
    }

    @Test func objectWhereAStringIsExpectedWithoutATable() throws {
        let failure = try #require(decodingFailure(#"{"name": {"first": "a"}, "owner": {"id": 1}}"#))
        #expect(failure.description == "name: expected string, found object {first}")
    }

    @Test func notJSON() throws {
        let failure = try #require(decodingFailure("<html>"))
        #expect(failure.jsonPath == "")
        #expect(failure.found == "a body that is not JSON")
    }

    @Test func aFieldTheTableLacksGetsItsTypesLine() throws {
        let json = #"{"owner": {"id": "x"}}"#
        let error = try #require(decodingError(json))
        let sources = FieldSources(["Item\t\titems.md:19\t", "Item\towner\titems.md:21\tOwner", "Owner\t\towners.md:5\t"])
        #expect(DecodingFailure(error, root: Item.self, body: Data(json.utf8), sources: sources).description
            == "name: expected a value, found no such key; documented at items.md:19")
    }

    @Test func aMalformedValueQuotesTheDecoder() throws {
        struct Stamp: Decodable { var id: UUID; init(from decoder: any Decoder) throws { id = try ModelFields(decoder).requiredUUID("id") } }
        let json = #"{"id": "blog"}"#
        var failure: DecodingFailure?
        do { _ = try JSONDecoder().decode(Stamp.self, from: Data(json.utf8)) } catch let error as DecodingError {
            failure = DecodingFailure(error, root: Stamp.self, body: Data(json.utf8), sources: nil)
        }
        #expect(failure?.description == #"id: expected a valid value (Attempted to decode UUID from invalid UUID string), found string "blog""#)
    }

    struct OnePage: HTTPTransport {
        let body: String
        func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse { HTTPResponse(status: 200, body: Data(body.utf8)) }
    }

    @Test func aPagedListLocatesItsItemsFields() async throws {
        let client = APIClient(baseURL: URL(string: "http://127.0.0.1:1")!, transport: OnePage(body: #"[\#(Self.good), {"name": 5, "owner": {"id": 1}}]"#))
        let items = client.paginate(.pageNumber(first: 1, size: 2), query: "page", success: [200], of: Item.self,
                                    request: HTTPRequest(method: "GET", path: "/items"), sources: Self.sources)
        do {
            for try await _ in items {}
            Issue.record("decoded a number as a string")
        } catch APIError.decoding(_, let message, _) {
            #expect(message == "[1].name: expected string, found number 5; documented at items.md:20")
        }
    }

    func decodingError(_ json: String) -> DecodingError? {
        do { _ = try JSONDecoder().decode(Item.self, from: Data(json.utf8)) } catch let error as DecodingError { return error } catch { return nil }
        return nil
    }

    func decodingFailure(_ json: String) -> DecodingFailure? {
        do { _ = try JSONDecoder().decode(Item.self, from: Data(json.utf8)) } catch let error as DecodingError {
            return DecodingFailure(error, root: Item.self, body: Data(json.utf8), sources: nil)
        } catch { return nil }
        return nil
    }
}
