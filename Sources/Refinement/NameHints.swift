import APIModel

/// A candidate Swift name for a shape, from one place that uses it: how strong the claim is, and
/// which use makes it (`owner`, a key of the operation's path, method and role that does not depend
/// on any other operation). A shape's name comes from its best hint; between equal scores the
/// owner decides, so adding, removing or reordering *other* operations cannot change it.
///
/// For example: the response of `GET /api/volumes/{uuid}/` hints `Volume` at 50, owned by
/// `03 /api/volumes/{uuid}/ 0 response 200`.
struct Hint: Comparable, Sendable {
    var score: Int
    var name: String
    var owner: String
    /// The page (resource) of the operation that makes the claim: the owner's file holds the type.
    var resource = ""
    /// A claim made through a parent (the items of a page envelope): when every soft hint of a shape is
    /// taken, the shape is named as a nested one instead of taking a numbered name.
    var soft = false

    static func < (a: Hint, b: Hint) -> Bool { (-a.score, a.owner, a.name) < (-b.score, b.owner, b.name) }
}

/// What an operation does to its path, for naming its bodies: a collection or item of a resource
/// (CRUD; `owner` is the item a sub-collection hangs off), or an action on one.
///
/// For example: `POST /api/volumes/{uuid}/attach/` is `.action(owner: "volumes", verb: "attach")`;
/// `POST /api/users/{uuid}/keys/` is `.crud(collection: "keys", owner: "users")`.
enum OperationKind: Equatable {
    case crud(collection: String, owner: String?)
    case action(owner: String?, verb: String)
    case other

    static func of(_ op: Operation) -> OperationKind {
        let segments = PathTemplate.segments(op.path).map(String.init)
        guard let last = segments.last else { return .other }
        func isParameter(_ i: Int) -> Bool { i >= 0 && segments[i].hasPrefix("{") }
        /// The literal segment before the parameter before segment `i` (`a` in `/a/{id}/b/`).
        func owner(of i: Int) -> String? { isParameter(i - 1) && i >= 2 && !isParameter(i - 2) ? segments[i - 2] : nil }
        let n = segments.count
        if last.hasPrefix("{") {
            // An item: `…/x/{id}/`; other methods on it act on the item (`POST …/upload/{image_id}/`).
            guard n >= 2, !isParameter(n - 2) else { return .other }
            if ["GET", "PUT", "PATCH"].contains(op.method) { return .crud(collection: segments[n - 2], owner: owner(of: n - 2)) }
            return .action(owner: segments[..<(n - 2)].last(where: { !$0.hasPrefix("{") }), verb: segments[n - 2])
        }
        // A literal last segment is a collection when it is a plural noun or the SDK id says so
        // (`…_list`, `…_create`, `…_retrieve`); otherwise it names an action.
        let crudId = ["_list", "_create", "_retrieve", "_update", "_partial_update"].contains { op.id.hasSuffix($0) }
        let plural = Naming.singular(Naming.typeName(last)) != Naming.typeName(last)
        if ["GET", "POST"].contains(op.method), plural || crudId {
            return .crud(collection: last, owner: owner(of: n - 1))
        }
        return .action(owner: segments.dropLast().last(where: { !$0.hasPrefix("{") }), verb: last)
    }

    /// A CRUD shape's name from every literal segment of its collection's path, each singular (the last
    /// kept as it is for a singleton), after a leading `api` or version segment; nil when that is no
    /// more than one segment (then it is `crudName`).
    ///
    /// For example: `/api/admin/arrow/customer-mappings/` and `/api/admin/arrow/customer-mappings/{uuid}/`
    /// give `AdminArrowCustomerMapping`.
    static func pathQualifiedName(_ path: String, singleton: Bool) -> String? {
        var literal = PathTemplate.segments(path).filter { !$0.utf8.contains(UInt8(ascii: "{")) }.map(String.init)
        while let first = literal.first, literal.count > 1, isPrefixSegment(first) { literal.removeFirst() }
        guard literal.count > 1 else { return nil }
        return literal.enumerated().map { i, s in
            singleton && i == literal.count - 1 ? Naming.typeName(s) : Naming.singular(Naming.typeName(s))
        }.joined()
    }

    /// `api`, `rest`, `v1`, `v2.1`, `1.0`: a segment that says where an API lives, not what it holds.
    static func isPrefixSegment(_ s: String) -> Bool {
        let l = s.lowercased()
        if ["api", "apis", "rest", "public"].contains(l) { return true }
        let digits = l.hasPrefix("v") ? l.dropFirst() : Substring(l)
        return !digits.isEmpty && digits.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// A CRUD shape's name: the collection's singular (a singleton keeps the segment as it is),
    /// after its owner's singular for a sub-collection (`UserKey`).
    static func crudName(_ collection: String, owner: String?, singleton: Bool) -> String {
        let base = singleton ? Naming.typeName(collection) : Naming.singular(Naming.typeName(collection))
        return (owner.map { Naming.singular(Naming.typeName($0)) } ?? "") + base
    }
}

/// What the naming hints of one operation's uses share, worked out once for the operation (its body
/// and each answer ask for them): its kind, its id as a type name, the start of its owner keys, and for a
/// CRUD operation its entity's name and its path-qualified name.
///
/// For example: for `GET /api/admin/arrow/customer-mappings/{uuid}/`, `entity` is `CustomerMapping` and
/// `qualified` `AdminArrowCustomerMapping`.
struct OperationNames {
    let op: Operation
    let kind: OperationKind
    /// `Naming.typeName(op.id)`.
    let idName: String
    /// The owner key up to its role (see `owner(role:)`).
    private let ownerPrefix: String
    /// A CRUD operation's entity name (`OperationKind.crudName`, not a singleton), and its path-qualified one.
    let entity: String?
    let qualified: String?

    init(_ op: Operation) {
        self.op = op
        kind = OperationKind.of(op)
        idName = Naming.typeName(op.id)
        ownerPrefix = Self.ownerPrefix(op, kind)
        if case .crud(let collection, let resource) = kind {
            entity = OperationKind.crudName(collection, owner: resource, singleton: false)
            qualified = OperationKind.pathQualifiedName(op.path, singleton: false)
        } else {
            (entity, qualified) = (nil, nil)
        }
    }

    /// The owner key of one use of a shape: its collection's depth, the item's `GET` first, path,
    /// method rank, role. CRUD uses sort by the depth of the collection (a root collection's entity is
    /// named before a sub-collection's); within one collection the item's answer (`GET /x/{id}/`) owns
    /// the entity, before the list and the create: it is the full representation, and docs add a list
    /// or a create to a documented item more often than the reverse (Mastodon documented
    /// `GET /api/v1/accounts` years after `GET /api/v1/accounts/:id`). Actions sort by path.
    func owner(role: String) -> String { ownerPrefix + role }

    private static func ownerPrefix(_ op: Operation, _ kind: OperationKind) -> String {
        if case .action = kind { return "~ \(op.path) \(SchemaHoister.methodRank(op.method)) " }
        let segments = PathTemplate.segments(op.path)
        let item = segments.last?.hasPrefix("{") == true && op.method == "GET"
        let depth = segments.count - (segments.last?.hasPrefix("{") == true ? 1 : 0)
        return (depth < 10 ? "0" : "") + "\(depth) \(item ? 0 : 1) \(op.path) \(SchemaHoister.methodRank(op.method)) "
    }

    /// The entity's name and path-qualified name for a singleton answer or not (`isSingletonAnswer`).
    func entityNames(singleton: Bool) -> (entity: String, qualified: String?)? {
        guard case .crud(let collection, let resource) = kind, let entity else { return nil }
        guard singleton else { return (entity, qualified) }
        return (OperationKind.crudName(collection, owner: resource, singleton: true), OperationKind.pathQualifiedName(op.path, singleton: true))
    }
}

extension SchemaHoister {

    /// Where a method sorts among an operation's methods on one path (and in owner keys): `GET` first.
    static func methodRank(_ m: String) -> Int {
        switch m {
        case "GET": return 0
        case "POST": return 1
        case "PUT": return 2
        case "PATCH": return 3
        case "DELETE": return 4
        case "HEAD": return 5
        case "OPTIONS": return 6
        case "TRACE": return 7
        default: return 8
        }
    }

    /// Names for a request body: its documented SDK name; for CRUD, the collection's singular
    /// (`Patched…` for `PATCH`) + `Request`; for an action, resource + verb + `Request`
    /// (`VolumeAttachRequest`); else the operation id + `Request`.
    static func bodyHints(_ names: OperationNames) -> [Hint] {
        let op = names.op
        let owner = names.owner(role: "body")
        var hints: [Hint] = []
        if let d = op.requestBody?.documentedName {
            // `PatchedXRequest` is the SDK's partial-update twin of `XRequest`: prefer the plain name.
            hints.append(Hint(score: d.hasPrefix("Patched") ? 95 : 100, name: Naming.typeName(d), owner: owner))
        }
        hints.append(Hint(score: 30, name: names.idName + "Request", owner: owner))
        switch names.kind {
        case .crud where ["POST", "PUT", "PATCH"].contains(op.method):
            hints.append(Hint(score: 40, name: (op.method == "PATCH" ? "Patched" : "") + (names.entity ?? "") + "Request", owner: owner))
        case .action(let resource, let verb):
            hints.append(Hint(score: 40, name: actionName(resource, verb) + "Request", owner: owner))
        default:
            break
        }
        return hints
    }

    /// Names for a response body: for CRUD the collection's singular, then its path's (`AdminArrowSetting`); for an
    /// action, resource + verb + `Response`; else the operation id + `Response`. (A body and an answer of one
    /// shape are one group, which has the body's SDK name among its hints.)
    /// An error answer (`4xx`, `5xx`, `default`) is not the collection's entity: it takes no CRUD or
    /// SDK-body name, only the operation's (then with its status).
    /// `root`: the answer's `rootKey`.
    static func responseHints(_ names: OperationNames, status: String, type: TypeRef, root: String?) -> [Hint] {
        let op = names.op
        let owner = names.owner(role: "response " + status)
        var hints = [Hint(score: 10, name: names.idName + "Response", owner: owner)]
        if isError(status) {
            // Two error shapes of one operation: the second takes its status (`LookupsPartialUpdate422Response`).
            hints.append(Hint(score: 5, name: Naming.typeName(op.id + " " + status) + "Response", owner: owner))
            if case .action(let resource, let verb) = names.kind {
                hints.append(Hint(score: 20, name: actionName(resource, verb) + "Response", owner: owner))
            }
            return hints
        }
        switch names.kind {
        case .crud:
            // The collection's name (`call_capacities` → `CallCapacity`), then its whole path's. Not the
            // page's title: docs move operations between pages (Waldur split its "Admin" page in six).
            // A wrapper around the entity (`{keyPair: {…}}`) leaves the entity's name to it (`rootKey`).
            let suffix = root == nil ? "" : "Response"
            if let (entity, qualified) = names.entityNames(singleton: isSingletonAnswer(op, type)) {
                hints.append(Hint(score: 50, name: entity + suffix, owner: owner))
                if let qualified { hints.append(Hint(score: 45, name: qualified + suffix, owner: owner)) }
            }
        case .action(let resource, let verb):
            hints.append(Hint(score: 20, name: actionName(resource, verb) + "Response", owner: owner))
        case .other:
            break
        }
        return hints
    }

    /// Whether an answer is a collection's *singleton*: a `GET` of a collection path (no item parameter
    /// last) that answers one object, not a list of items. It is the collection as a whole (a summary,
    /// or a page envelope), so it is named with the segment as it is, and the singular stays with the
    /// collection's items (`itemHints`).
    ///
    /// For example: `GET /api/database-stats/` answering `{table_stats: […], connections: …}` is
    /// `DatabaseStats`; answering `[{table_name, …}]`, its items are `DatabaseStat`.
    static func isSingletonAnswer(_ op: Operation, _ type: TypeRef) -> Bool {
        guard op.method == "GET", let last = PathTemplate.segments(op.path).last, !last.hasPrefix("{"),
              case .object(let fields) = type, !fields.isEmpty else { return false }
        return true
    }

    /// Names for the items of a collection's singleton answer (`isSingletonAnswer`): a list the API
    /// wrapped in an object (a page envelope, or a list with totals beside it) still lists the
    /// collection's items, and they keep its entity names (`GET /api/database-stats/` went from
    /// `[{table_name, …}]` to `{table_stats: [{table_name, …}], connections: …}`: the table entries stay
    /// `DatabaseStat`). The list is the answer's only field that is an array of objects, and its name
    /// says it holds the collection: an envelope word (`results`, `items`, `data`, …) or a name with the
    /// collection's last word in it (`table_stats`). Other arrays (`instances` of `…/stats/`) are the
    /// parent's parts, named from it. The hints are `soft`: below a direct claim, and when every one is
    /// taken the items are named as nested shapes, not numbered.
    ///
    /// A CRUD answer that wraps one entity under its root key (`rootKey`) names that object too, at the
    /// entity's full score.
    ///
    /// For example: `GET /v1/customers` answering `{object, data: [{…}], has_more}` names the data `Customer`.
    /// `root`: the answer's `rootKey`.
    static func itemHints(_ names: OperationNames, status: String, type: TypeRef, root: String?) -> (field: String, hints: [Hint])? {
        let op = names.op
        guard !isError(status), case .crud(let collection, let resource) = names.kind, let entity = names.entity else { return nil }
        let qualified = names.qualified
        if let key = root {
            let owner = names.owner(role: "response " + status + " root")
            return (key, [Hint(score: 50, name: entity, owner: owner)] + (qualified.map { [Hint(score: 45, name: $0, owner: owner)] } ?? []))
        }
        guard isSingletonAnswer(op, type), case .object(let fields) = type else { return nil }
        let arrays = fields.filter { if case .array(.object(let f)) = $0.type { return !f.isEmpty } else { return false } }
        guard arrays.count == 1, let collectionWord = Naming.words(collection).last?.lowercased() else { return nil }
        let fieldWords = Naming.words(arrays[0].name).map { $0.lowercased() }
        guard fieldWords.count == 1 && envelopeWords.contains(fieldWords[0]) || fieldWords.contains(collectionWord) else { return nil }
        guard entity != OperationKind.crudName(collection, owner: resource, singleton: true) else { return nil }
        let owner = names.owner(role: "response " + status + " items")
        return (arrays[0].name, [Hint(score: 48, name: entity, owner: owner, soft: true)]
                + (qualified.map { [Hint(score: 43, name: $0, owner: owner, soft: true)] } ?? []))
    }

    /// The field of a CRUD answer that wraps the entity under the collection's singular (a Rails-style
    /// root key: `GET /api/key-pairs/{id}` answering `{keyPair: {…}, success}`): the one object field
    /// whose words are the singular's. The object is the entity and takes its name; the wrapper is
    /// `…Response` (`KeyPairResponse`). Nil for a singleton answer (its list is `itemHints`'s).
    static func rootKey(_ op: Operation, _ kind: OperationKind, _ type: TypeRef) -> String? {
        guard case .crud(let collection, _) = kind, !isSingletonAnswer(op, type),
              case .object(let fields) = type else { return nil }
        let singular = Naming.words(Naming.singular(Naming.typeName(collection))).map { $0.lowercased() }
        let keys = fields.filter { f in
            guard case .object(let inner) = f.type, !inner.isEmpty else { return false }
            return Naming.words(f.name).map { $0.lowercased() } == singular
        }
        return keys.count == 1 ? keys[0].name : nil
    }

    /// Field names that page envelopes give their list of items (DRF `results`, Stripe `data`, GitHub
    /// search `items`, Spring `content`, Elasticsearch `hits`, GraphQL-style `nodes`/`edges`).
    static let envelopeWords: Set<String> = ["results", "items", "data", "records", "entries", "objects", "rows",
                                            "list", "elements", "hits", "nodes", "edges", "content"]

    /// Whether a response status is an error's: `400`, `5XX`, `default`.
    static func isError(_ status: String) -> Bool {
        status.hasPrefix("4") || status.hasPrefix("5") || status.lowercased() == "default"
    }

    /// `volumes`, `attach` → `VolumeAttach`.
    static func actionName(_ resource: String?, _ verb: String) -> String {
        (resource.map { Naming.singular(Naming.typeName($0)) } ?? "") + Naming.typeName(verb)
    }
}
