import Foundation

/// Where the next page of a list operation starts, as the generated `…All` method asks for it.
///
/// For example: a `page`/`page_size` list is asked for `.page(1)`, `.page(2)`, …; a cursor list for
/// `.token(nil)` (the first page), then `.token("c2")` with the cursor the previous page returned.
public enum PageCursor: Sendable, Hashable {
    /// A page number (`?page=2`).
    case page(Int)
    /// An item offset (`?offset=40`).
    case offset(Int)
    /// A cursor token from the previous response (`?cursor=abc`); `nil` asks for the first page.
    case token(String?)
    /// A next link from the previous response (absolute or path-relative); `nil` asks for the first page.
    case link(String?)
}

/// How a list operation pages, read from its documented parameters and response.
///
/// For example: `.pageNumber(first: 1, size: 50)` for `?page=&page_size=50`; `.cursor` for a response
/// with `next_cursor`.
public enum PagingStrategy: Sendable, Hashable {
    /// Page numbers counting from `first`; `size` is the page size the caller asked for, if any.
    case pageNumber(first: Int, size: Int?)
    /// Item offsets from 0; `size` is the limit the caller asked for, if any.
    case offset(size: Int?)
    /// A cursor token each response returns for the next request.
    case cursor
    /// A next link each response returns.
    case nextLink

    var firstCursor: PageCursor {
        switch self {
        case .pageNumber(let first, _): .page(first)
        case .offset: .offset(0)
        case .cursor: .token(nil)
        case .nextLink: .link(nil)
        }
    }
}

/// One page as the generated `…All` method read it: the items, and what the response says about the
/// next page.
public struct Page<Item: Sendable>: Sendable {
    /// The page's items.
    public var items: [Item]
    /// The next cursor or link the response returned (cursor and next-link paging).
    public var next: String?
    /// Whether the response says there is a next page (a `next` field, `has_more`, a `Link: rel="next"`
    /// header); `nil` when it does not say, and the sequence stops on an empty or short page.
    public var hasMore: Bool?

    /// A page.
    public init(items: [Item], next: String? = nil, hasMore: Bool? = nil) {
        self.items = items
        self.next = next
        self.hasMore = hasMore
    }
}

/// Every page of a list operation, fetched one after another as the caller iterates.
///
/// It stops after an empty page, a page shorter than the requested size (or, without one, than the
/// first page), a page whose response says there is no next one, or a cursor or link that is missing
/// or repeats. Each fetch first checks `Task` cancellation, so cancelling the iterating task ends the
/// sequence with `CancellationError`.
///
/// For example: `for try await page in client.usersListAll(pageSize: 100).pages { print(page.count) }`.
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    /// Each element is one page's items.
    public typealias Element = [Item]
    /// Fetches the page that starts at a cursor.
    public typealias Fetch = @Sendable (PageCursor) async throws -> Page<Item>

    /// How the operation pages.
    public let strategy: PagingStrategy
    let fetch: Fetch

    /// Pages fetched with `fetch`, from the first, as `strategy` says.
    public init(_ strategy: PagingStrategy, fetch: @escaping Fetch) {
        self.strategy = strategy
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator { Iterator(strategy: strategy, fetch: fetch) }

    public struct Iterator: AsyncIteratorProtocol {
        let strategy: PagingStrategy
        let fetch: Fetch
        var cursor: PageCursor?
        var firstCount: Int?
        var seen: Set<String> = []

        init(strategy: PagingStrategy, fetch: @escaping Fetch) {
            self.strategy = strategy
            self.fetch = fetch
            self.cursor = strategy.firstCursor
        }

        public mutating func next() async throws -> [Item]? {
            guard let current = cursor else { return nil }
            try Task.checkCancellation()
            let page = try await fetch(current)
            cursor = nextCursor(after: current, page: page)
            if firstCount == nil { firstCount = page.items.count }
            if page.items.isEmpty { return nil }  // and `cursor` is nil: an empty page ends the list
            return page.items
        }

        mutating func nextCursor(after current: PageCursor, page: Page<Item>) -> PageCursor? {
            guard !page.items.isEmpty, page.hasMore != false else { return nil }
            switch (strategy, current) {
            case (.pageNumber(_, let size), .page(let number)):
                return isShort(page, size: size) ? nil : .page(number + 1)
            case (.offset(let size), .offset(let offset)):
                return isShort(page, size: size) ? nil : .offset(offset + page.items.count)
            case (.cursor, _), (.nextLink, _):
                guard let next = page.next, !next.isEmpty, seen.insert(next).inserted else { return nil }
                return strategy == .cursor ? .token(next) : .link(next)
            default:
                return nil
            }
        }

        /// Without a `hasMore` from the response, a page shorter than the requested size (or than the
        /// first page, when the server chose the size) is the last.
        func isShort(_ page: Page<Item>, size: Int?) -> Bool {
            if page.hasMore == true { return false }
            guard let expected = size ?? firstCount else { return false }
            return page.items.count < expected
        }
    }
}

/// Every item of a list operation, page after page (see `PageSequence` for when it stops).
///
/// For example: `for try await user in client.usersListAll() { print(user.name) }`, or
/// `try await client.usersListAll().collect()` for all of them in an array.
public struct Paginated<Item: Sendable>: AsyncSequence, Sendable {
    /// Each element is one item.
    public typealias Element = Item
    /// The same list a page at a time.
    public let pages: PageSequence<Item>

    /// Every item of the pages fetched with `fetch`.
    public init(_ strategy: PagingStrategy, fetch: @escaping PageSequence<Item>.Fetch) {
        pages = PageSequence(strategy, fetch: fetch)
    }

    /// A list whose first request could not be built (an empty path parameter): the first `next()` throws
    /// `error`, as the first fetch would have.
    ///
    /// For example: `do { path = try RequestBuilder.path(…) } catch { return Paginated(failing: error) }`.
    public init(failing error: any Error) {
        pages = PageSequence(.cursor) { _ in throw error }
    }

    public func makeAsyncIterator() -> Iterator { Iterator(pages: pages.makeAsyncIterator()) }

    /// All items in one array.
    public func collect() async throws -> [Item] {
        var all: [Item] = []
        for try await page in pages { all += page }
        return all
    }

    public struct Iterator: AsyncIteratorProtocol {
        var pages: PageSequence<Item>.Iterator
        var buffer: [Item] = []
        var index = 0

        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

extension HTTPRequest {
    /// Sets the query item `name` to the page cursor's value (page number, offset or token), replacing
    /// any earlier one; a first-page `.token(nil)` sets nothing.
    public mutating func setPageQuery(_ name: String, _ cursor: PageCursor) {
        let value: String?
        switch cursor {
        case .page(let n), .offset(let n): value = String(n)
        case .token(let t): value = t
        case .link: value = nil
        }
        query.removeAll { $0.name == name }
        if let value { query.append(QueryItem(name, value)) }
    }

    /// Points the request at a next link: an absolute URL or a host-relative path (`/v1/users?page=2`),
    /// less the base URL's own path. Its query replaces the request's.
    ///
    /// For example: with base `https://api.example.com/v1`, `https://api.example.com/v1/users?page=2`
    /// becomes path `/users` with query `page=2`.
    public mutating func follow(link: String, baseURL: URL) throws {
        guard let components = URLComponents(string: link) else { throw APIError.invalidURL(link) }
        var path = components.percentEncodedPath
        // Absolute and host-relative links both carry the base URL's own path (`/v1/…`): the request's is below it.
        let basePath = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        let prefix = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        if !prefix.isEmpty, path.hasPrefix(prefix + "/") || path == prefix { path.removeFirst(prefix.count) }
        self.path = path.isEmpty ? "/" : path
        query = (components.percentEncodedQueryItems ?? []).map {
            QueryItem($0.name.removingPercentEncoding ?? $0.name, $0.value?.removingPercentEncoding ?? "")
        }
    }
}

extension HTTPResponse {
    /// Whether a `Link` header (RFC 8288) has a `rel="next"` link; `nil` without a `Link` header.
    ///
    /// For example: `Link: <https://api.example.com/users?page=3>; rel="next", <…>; rel="last"` is `true`.
    public var linkHeaderHasNext: Bool? {
        let fields = headers.values(for: "Link")
        guard !fields.isEmpty else { return nil }
        return fields.joined(separator: ",").split(separator: ",").contains { part in
            part.split(separator: ";").dropFirst().contains { param in
                let p = param.trimmingCharacters(in: .whitespaces).lowercased()
                guard p.hasPrefix("rel=") else { return false }
                let rels = p.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return rels.split(separator: " ").contains("next")
            }
        }
    }
}
