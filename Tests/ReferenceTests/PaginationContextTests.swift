import Docs2SwiftCore
import Foundation
import Testing

/// Which list operations get an `…All` method, and how it pages: one synthetic API per paging style.
@Suite struct PaginationContextTests {
    static let item = Schema(name: "Event", fields: [Field(name: "id", type: .string, required: true), Field(name: "name", type: .string, required: false)])

    /// The `…All` context of a one-operation API.
    func paging(_ parameters: [(String, TypeRef)], response: TypeRef, envelope: [Field] = [], method: String = "GET") -> PaginatedContext? {
        var schemas = [Self.item]
        if !envelope.isEmpty { schemas.append(Schema(name: "EventList", fields: envelope)) }
        let op = APIModel.Operation(id: "events_list", swiftName: "eventsList", resource: "Events", method: method, path: "/v1/events",
                           parameters: parameters.map { Parameter(name: $0.0, location: .query, type: $0.1, required: false) },
                           responses: [Response(status: "200", type: response)])
        let api = APIDescription(resources: [Resource(name: "Events", title: "Events")], operations: [op], schemas: schemas)
        let context = ContextBuilder(access: "public", api: api).client(resource: api.resources[0], operations: [op], header: "")
        return context.operations[0].paginated.first
    }

    @Test func pageNumbersOverAnArrayAskTheLinkHeader() throws {
        let p = try #require(paging([("page", .integer), ("page_size", .integer), ("q", .string)], response: .array(.ref("Event"))))
        #expect(p.name == "eventsListAll")
        #expect(p.strategy == ".pageNumber(first: 1, size: pageSize)")
        #expect(p.parameterDeclarations.contains("pageSize: Int? = nil") && p.parameterDeclarations.contains("q: String? = nil"))
        #expect(!p.parameterDeclarations.contains("page:"))
        #expect(p.pageQuery == #""page""#)
        // The items array with a Link header: the runtime reads the page, no page closure.
        #expect(p.bodyArgument == "of: Event.self" && !p.hasPageClosure)
        #expect(p.requestBinding == "var")
        #expect(p.itemType == "Event" && p.returnType == "[Event]")
    }

    @Test func aDjangoEnvelopeStopsOnANullNext() throws {
        let envelope = [Field(name: "count", type: .integer, required: true), Field(name: "next", type: .string, required: true, nullable: true),
                        Field(name: "previous", type: .string, required: true, nullable: true), Field(name: "results", type: .array(.ref("Event")), required: true)]
        let p = try #require(paging([("page", .integer)], response: .ref("EventList"), envelope: envelope))
        #expect(p.strategy == ".pageNumber(first: 1, size: nil)")
        #expect(p.bodyArgument == "body: EventList.self" && p.hasPageClosure)
        #expect(p.requestBinding == "let", "no query item but the page")
        #expect(p.pageExpression == "Page(items: pageBody.results, hasMore: pageBody.next != nil)")
    }

    @Test func offsetsWithALimit() throws {
        let p = try #require(paging([("limit", .integer), ("offset", .integer)], response: .array(.ref("Event"))))
        #expect(p.strategy == ".offset(size: limit)")
        #expect(p.pageQuery == #""offset""#)
    }

    @Test func cursorsFromTheResponse() throws {
        let envelope = [Field(name: "items", type: .array(.ref("Event")), required: false), Field(name: "next_page_token", type: .string, required: false)]
        let p = try #require(paging([("page_token", .string), ("max_results", .integer)], response: .ref("EventList"), envelope: envelope))
        #expect(p.strategy == ".cursor")
        #expect(p.pageExpression == "Page(items: pageBody.items ?? [], next: pageBody.nextPageToken)")
        #expect(p.parameterDeclarations == "maxResults: Int? = nil")
    }

    @Test func startingAfterTheLastItemsID() throws {
        let envelope = [Field(name: "data", type: .array(.ref("Event")), required: true), Field(name: "has_more", type: .boolean, required: true)]
        let p = try #require(paging([("starting_after", .string), ("limit", .integer)], response: .ref("EventList"), envelope: envelope))
        #expect(p.strategy == ".cursor")
        #expect(p.pageExpression == "Page(items: pageBody.data, next: pageBody.data.last?.id, hasMore: pageBody.hasMore)")
    }

    @Test func nextLinksWithoutAPagingParameter() throws {
        let envelope = [Field(name: "values", type: .array(.ref("Event")), required: true), Field(name: "next", type: .primitive(.string, format: "uri"), required: false)]
        let p = try #require(paging([("q", .string)], response: .ref("EventList"), envelope: envelope))
        #expect(p.strategy == ".nextLink")
        #expect(p.pageQuery == "nil", "no page query: the runtime follows the next link")
        #expect(p.hasPageClosure)
        #expect(p.pageExpression == "Page(items: pageBody.values, next: pageBody.next?.absoluteString)")
    }

    @Test func listsThatDoNotPageGetNoAllMethod() {
        #expect(paging([("q", .string)], response: .array(.ref("Event"))) == nil, "no paging parameter")
        #expect(paging([("page", .integer)], response: .ref("Event")) == nil, "no list in the response")
        #expect(paging([("page", .integer)], response: .array(.ref("Event")), method: "POST") == nil, "not a GET")
        #expect(paging([("page", .string)], response: .array(.ref("Event"))) == nil, "a page that is not a number")
    }
}
