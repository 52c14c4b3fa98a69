import Foundation

extension APIClient {
    /// Every item of a list operation whose response body is the items array, page after page: what a
    /// generated `…All` method returns. `request` is the first page's request (its path and the caller's
    /// query); each fetch sets the page query `query` on a copy from the cursor, or follows the next link
    /// when `query` is nil. Whether there is a next page comes from a `Link: rel="next"` header, else
    /// from an empty or short page (`PageSequence`).
    ///
    /// For example:
    /// ```swift
    /// var request = HTTPRequest(method: "GET", path: "/api/users/")
    /// request.addQuery("page_size", pageSize)
    /// return paginate(.pageNumber(first: 1, size: pageSize), query: "page", success: [200], of: User.self, request: request)
    /// ```
    public func paginate<Item: Decodable & Sendable>(
        _ strategy: PagingStrategy, query: String?, success: Set<Int>, of item: Item.Type, request: HTTPRequest,
        sources: FieldSources? = nil
    ) -> Paginated<Item> {
        paginate(strategy, query: query, success: success, body: [Item].self, request: request, sources: sources) { items, response in
            Page(items: items, hasMore: response.linkHeaderHasNext)
        }
    }

    /// Every item of a list operation whose response body is `Body` (an envelope such as
    /// `{"results": [...], "next": …}`), page after page; `page` reads a page's items and what it says
    /// about the next one from the decoded body and the response. `sources` locates decoding errors (`decode`).
    ///
    /// For example: `paginate(.cursor, query: "cursor", success: [200], body: EventList.self, request: request) { body, _ in Page(items: body.data, next: body.nextCursor) }`.
    public func paginate<Body: Decodable & Sendable, Item: Sendable>(
        _ strategy: PagingStrategy, query: String?, success: Set<Int>, body: Body.Type, request: HTTPRequest,
        sources: FieldSources? = nil, page: @escaping @Sendable (Body, HTTPResponse) -> Page<Item>
    ) -> Paginated<Item> {
        Paginated(strategy) { cursor in
            var built = request
            if let query {
                built.setPageQuery(query, cursor)
            } else if case .link(let link?) = cursor {
                try built.follow(link: link, baseURL: baseURL)
            }
            let response = try await perform(built, success: success)
            return page(try decode(Body.self, from: response, sources: sources), response)
        }
    }
}
