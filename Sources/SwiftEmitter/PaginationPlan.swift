import APIModel

/// How a documented list operation pages, read from its query parameters and its response, so the
/// client can offer an `…All` method that fetches page after page.
///
/// Four styles, by what the docs show:
/// - page numbers: a `page` (`page_number`, `pageNo`) integer query parameter, with an optional size
///   (`page_size`, `per_page`, `limit`, `size`);
/// - offsets: an `offset` (`skip`, `start`) integer query parameter with an optional `limit`;
/// - cursors: a `cursor` (`after`, `page_token`, `starting_after`, `marker`, …) query parameter and a
///   response field that returns the next one (`next_cursor`, `next_page_token`, `cursor`, …);
/// - next links: no paging parameter, but a response object with a `next` (`next_url`, `next_link`) link.
/// The response is the items array itself, or an object with one array of items (`results`, `items`,
/// `data`, … or its only array field). Whether there is a next page comes from the response where it
/// says so (`next`, `has_more`, `Link: rel="next"`), else from an empty or short page.
///
/// For example: `GET /api/users/?page=&page_size=` answering `[User]` is `.pageNumber` over the body;
/// `GET /v1/events?starting_after=` answering `{"data": [...], "has_more": true}` is `.cursor`.
struct PaginationPlan: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case pageNumber, offset, cursor, nextLink }

    var kind: Kind
    /// The page/offset/cursor query parameter (wire name and Swift argument); nil for next links.
    var cursorWireName: String?
    var cursorArgument: String?
    /// The page-size argument (`pageSize`, `limit`), if documented.
    var sizeArgument: String?
    var itemType: TypeRef
    /// The envelope property holding the items (nil: the body is the array), and whether it is optional.
    var itemsProperty: String?
    var itemsOptional = false
    /// The envelope's next cursor/link property: its Swift name, whether optional, and whether a `URL`.
    var nextProperty: String?
    var nextOptional = false
    var nextIsURL = false
    /// For cursors that are the last item's id (`starting_after`, `after`): the item's `id` property.
    var lastItemIDProperty: String?
    var lastItemIDOptional = false
    /// The envelope's `has_more`-style Bool property and whether it is optional.
    var hasMoreProperty: String?
    var hasMoreOptional = false

    static let pageNames: Set<String> = ["page", "pagenumber", "pagenum", "pageno", "pageindex"]
    static let sizeNames: Set<String> = ["pagesize", "perpage", "limit", "size", "pagelimit", "pagelen", "maxresults", "count", "max", "top", "first"]
    static let offsetNames: Set<String> = ["offset", "skip", "start", "startindex"]
    static let cursorNames: Set<String> = ["cursor", "after", "pagetoken", "nexttoken", "startingafter", "continuationtoken",
                                           "continuation", "marker", "startcursor", "pagecursor", "nextcursor", "nextpagetoken", "since"]
    static let itemNames = ["results", "items", "data", "records", "entries", "values", "list", "content", "elements",
                            "objects", "rows", "hits", "nodes", "resources"]
    static let nextTokenNames = ["nextcursor", "nextpagetoken", "nexttoken", "cursor", "endcursor", "continuationtoken",
                                 "nextpagecursor", "after", "nextmarker", "next"]
    static let nextLinkNames = ["next", "nexturl", "nextlink", "nextpage", "nextpageurl"]
    static let hasMoreNames = ["hasmore", "hasnext", "hasnextpage", "more", "moreresults"]

    static let afterItemNames: Set<String> = ["startingafter", "after", "since", "afterid", "sinceid"]

    /// The item type's string `id` property (Swift name, optional), if it has one.
    static func idProperty(of item: TypeRef, schemas: [String: Schema]) -> (name: String, optional: Bool)? {
        guard case .ref(let name) = item, let schema = schemas[name] else { return nil }
        guard let id = ContextBuilder.properties(schema).first(where: { key($0.field.name) == "id" }),
              SwiftTypes.name(id.field.type) == "String" else { return nil }
        return (id.name, !id.field.required || id.field.nullable)
    }

    /// `page_size` → `pagesize`: names compared without case, `_` or `-` (letters and digits, lowercased).
    static func key(_ name: String) -> String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ascii.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
            case 0x80...: return String(name.lowercased().filter { $0.isLetter || $0.isNumber })
            default: continue
            }
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// The plan for `op`, or nil when it does not page (not a GET, no list in the response, no paging
    /// parameter or link).
    init?(_ op: APIModel.Operation, signature: OperationSignature, schemas: [String: Schema]) {
        guard op.method == "GET",
              let response = op.responses.first(where: { $0.isSuccess && $0.type != nil }), let body = response.type else { return nil }
        let queryArgs = signature.arguments.filter { $0.location == .query && $0.elementType == nil }
        let argKeys = queryArgs.map { Self.key($0.wireName) }
        func arg(_ names: Set<String>, integer: Bool) -> OperationSignature.Argument? {
            for (argument, key) in zip(queryArgs, argKeys)
            where names.contains(key) && (!integer || argument.baseType == "Int" || argument.baseType == "Int64") {
                return argument
            }
            return nil
        }
        let page = arg(Self.pageNames, integer: true)
        let offset = page == nil ? arg(Self.offsetNames, integer: true) : nil
        let cursor = arg(Self.cursorNames, integer: false).flatMap { $0.baseType == "String" ? $0 : nil }
        let size = arg(Self.sizeNames, integer: true)

        var fields: [(field: Field, name: String)] = []
        var fieldKeys: [String] = []
        switch body {
        case .array(let item):
            itemType = item
        case .ref(let name):
            guard let schema = schemas[name], schema.kind == .object else { return nil }
            fields = ContextBuilder.properties(schema)
            fieldKeys = fields.map { Self.key($0.field.name) }
            let arrays = fields.indices.filter { if case .array = fields[$0].field.type { true } else { false } }
            let named = Self.itemNames.lazy.compactMap { n in arrays.first { fieldKeys[$0] == n }.map { fields[$0] } }.first
            let onlyArray = arrays.count == 1 ? fields[arrays[0]] : nil
            guard let items = named ?? onlyArray,
                  case .array(let item) = items.field.type else { return nil }
            itemType = item
            itemsProperty = items.name
            itemsOptional = !items.field.required || items.field.nullable
        default:
            return nil
        }
        func field(_ names: [String], where ok: (TypeRef) -> Bool) -> (field: Field, name: String)? {
            for n in names {
                for index in fields.indices where fieldKeys[index] == n && ok(fields[index].field.type) { return fields[index] }
            }
            return nil
        }
        let isString: (TypeRef) -> Bool = { SwiftTypes.name($0) == "String" }
        let isLink: (TypeRef) -> Bool = { ["String", "URL"].contains(SwiftTypes.name($0)) }
        if let more = field(Self.hasMoreNames, where: { SwiftTypes.name($0) == "Bool" }) {
            hasMoreProperty = more.name
            hasMoreOptional = !more.field.required || more.field.nullable
        }

        if let cursor, let token = field(Self.nextTokenNames, where: isString) {
            kind = .cursor
            cursorWireName = cursor.wireName
            cursorArgument = cursor.swiftName
            setNext(token, url: false)
        } else if let cursor, Self.afterItemNames.contains(Self.key(cursor.wireName)), let id = Self.idProperty(of: itemType, schemas: schemas) {
            // `starting_after=<id of the last item>` (Stripe-style): the cursor is the last item's id.
            kind = .cursor
            cursorWireName = cursor.wireName
            cursorArgument = cursor.swiftName
            lastItemIDProperty = id.name
            lastItemIDOptional = id.optional
        } else if let numbered = page ?? offset {
            kind = page != nil ? .pageNumber : .offset
            cursorWireName = numbered.wireName
            cursorArgument = numbered.swiftName
            // A `next` link says whether there is a next page; the number is still ours to count.
            if let link = field(Self.nextLinkNames, where: isLink), !link.field.required || link.field.nullable {
                setNext(link, url: SwiftTypes.name(link.field.type) == "URL")
            }
        } else if let link = field(Self.nextLinkNames, where: isLink), !link.field.required || link.field.nullable {
            kind = .nextLink
            setNext(link, url: SwiftTypes.name(link.field.type) == "URL")
        } else {
            return nil
        }
        sizeArgument = size.flatMap { $0.swiftName == cursorArgument ? nil : $0.swiftName }
    }

    private mutating func setNext(_ next: (field: Field, name: String), url: Bool) {
        nextProperty = next.name
        nextOptional = !next.field.required || next.field.nullable
        nextIsURL = url
    }

    /// `.pageNumber(first: 1, size: pageSize)`: the runtime's `PagingStrategy` for this plan.
    var strategyExpression: String {
        let size = sizeArgument.map(Naming.escaped) ?? "nil"
        switch kind {
        case .pageNumber: return ".pageNumber(first: 1, size: \(size))"
        case .offset: return ".offset(size: \(size))"
        case .cursor: return ".cursor"
        case .nextLink: return ".nextLink"
        }
    }

    /// The `query:` argument of `APIClient.paginate`: the page/offset/cursor query item's name, or `nil`
    /// (follow next links).
    var pageQueryLiteral: String { cursorWireName.map(SwiftText.stringLiteral) ?? "nil" }

    /// Whether the body is the items array and only a `Link` header or the page's length says when it
    /// ends: the `paginate(…, of: Item.self)` form, with no page closure.
    var readsItemsArray: Bool {
        itemsProperty == nil && nextProperty == nil && hasMoreProperty == nil && lastItemIDProperty == nil
            && (kind == .pageNumber || kind == .offset)
    }

    /// `Page(items: pageBody.results ?? [], hasMore: pageBody.next != nil)`: the page the runtime reads from the decoded body.
    var pageExpression: String {
        var parts: [String] = []
        if let itemsProperty {
            parts.append("items: pageBody.\(Naming.escaped(itemsProperty))" + (itemsOptional ? " ?? []" : ""))
        } else {
            parts.append("items: pageBody")
        }
        let nextValue = nextProperty.map { "pageBody.\(Naming.escaped($0))" + (nextIsURL ? (nextOptional ? "?.absoluteString" : ".absoluteString") : "") }
        switch kind {
        case .cursor, .nextLink:
            if let nextValue { parts.append("next: \(nextValue)") }
            if let id = lastItemIDProperty {
                let items = itemsProperty.map { "pageBody.\(Naming.escaped($0))" + (itemsOptional ? "?" : "") } ?? "pageBody"
                parts.append("next: \(items).last?.\(Naming.escaped(id))")
            }
        case .pageNumber, .offset:
            break
        }
        if let hasMoreProperty {
            parts.append("hasMore: pageBody.\(Naming.escaped(hasMoreProperty))")
        } else if kind == .pageNumber || kind == .offset, let nextProperty {
            parts.append("hasMore: pageBody.\(Naming.escaped(nextProperty)) != nil")
        } else if kind == .pageNumber || kind == .offset {
            parts.append("hasMore: response.linkHeaderHasNext")
        }
        return "Page(" + parts.joined(separator: ", ") + ")"
    }

    /// What the doc comment says the method follows: "`page` numbers", "`starting_after` cursors", "`next` links".
    var describedStyle: String {
        switch kind {
        case .pageNumber: "`\(cursorWireName ?? "page")` numbers"
        case .offset: "`\(cursorWireName ?? "offset")` offsets"
        case .cursor: "`\(cursorWireName ?? "cursor")` cursors"
        case .nextLink: "`next` links"
        }
    }
}
