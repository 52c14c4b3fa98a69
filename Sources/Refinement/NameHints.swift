import APIModel

/// A candidate Swift name for a shape, from one place that uses it: how strong the claim is, and
/// which use makes it (`owner`, a key of the operation's path, method and role that does not depend
/// on any other operation). A shape's name comes from its best hint; between equal scores the
/// owner decides, so adding, removing or reordering *other* operations cannot change it.
///
/// For example: the response of `GET /api/volumes/{uuid}/` hints `Volume` at 50, owned by
/// `03 /api/volumes/{uuid}/ 0 response 200`.
struct Hint: Comparable {
    var score: Int
    var name: String
    var owner: String
    /// The page (resource) of the operation that makes the claim: the owner's file holds the type.
    var resource = ""

    static func < (a: Hint, b: Hint) -> Bool { (-a.score, a.owner, a.name) < (-b.score, b.owner, b.name) }
}

/// What an operation does to its path, for naming its bodies: a collection or item of a resource
/// (CRUD; `owner` is the item a sub-collection hangs off; `singleton` a `GET …_retrieve` of one object
/// at a collection path), or an action on one.
///
/// For example: `POST /api/volumes/{uuid}/attach/` is `.action(owner: "volumes", verb: "attach")`;
/// `POST /api/users/{uuid}/keys/` is `.crud(collection: "keys", owner: "users", singleton: false)`.
enum OperationKind: Equatable {
    case crud(collection: String, owner: String?, singleton: Bool)
    case action(owner: String?, verb: String)
    case other

    static func of(_ op: Operation) -> OperationKind {
        let segments = op.path.split(separator: "/").map(String.init)
        guard let last = segments.last else { return .other }
        func isParameter(_ i: Int) -> Bool { i >= 0 && segments[i].hasPrefix("{") }
        /// The literal segment before the parameter before segment `i` (`a` in `/a/{id}/b/`).
        func owner(of i: Int) -> String? { isParameter(i - 1) && i >= 2 && !isParameter(i - 2) ? segments[i - 2] : nil }
        let n = segments.count
        if last.hasPrefix("{") {
            // An item: `…/x/{id}/`; other methods on it act on the item (`POST …/upload/{image_id}/`).
            guard n >= 2, !isParameter(n - 2) else { return .other }
            if ["GET", "PUT", "PATCH"].contains(op.method) { return .crud(collection: segments[n - 2], owner: owner(of: n - 2), singleton: false) }
            return .action(owner: segments[..<(n - 2)].last(where: { !$0.hasPrefix("{") }), verb: segments[n - 2])
        }
        // A literal last segment is a collection when it is a plural noun or the SDK id says so
        // (`…_list`, `…_create`, `…_retrieve`); otherwise it names an action.
        let crudId = ["_list", "_create", "_retrieve", "_update", "_partial_update"].contains { op.id.hasSuffix($0) }
        let plural = Naming.singular(Naming.typeName(last)) != Naming.typeName(last)
        if ["GET", "POST"].contains(op.method), plural || crudId {
            return .crud(collection: last, owner: owner(of: n - 1), singleton: false)
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
        var literal = path.split(separator: "/").map(String.init).filter { !$0.contains("{") }
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

extension SchemaHoister {
    /// The owner key of one use of a shape: path depth, path, method rank, role.
    /// CRUD uses sort by path depth first (the root collection owns its entity); actions by path.
    static func owner(_ op: Operation, role: String) -> String {
        if case .action = OperationKind.of(op) { return "~ \(op.path) \(methodRank(op.method)) \(role)" }
        let depth = op.path.split(separator: "/").count
        return (depth < 10 ? "0" : "") + "\(depth) \(op.path) \(methodRank(op.method)) \(role)"
    }

    static func methodRank(_ m: String) -> Int {
        ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"].firstIndex(of: m) ?? 8
    }

    /// Names for a request body: its documented SDK name; for CRUD, the collection's singular
    /// (`Patched…` for `PATCH`) + `Request`; for an action, resource + verb + `Request`
    /// (`VolumeAttachRequest`); else the operation id + `Request`.
    static func bodyHints(_ op: Operation) -> [Hint] {
        let owner = owner(op, role: "body")
        var hints: [Hint] = []
        if let d = op.requestBody?.documentedName {
            // `PatchedXRequest` is the SDK's partial-update twin of `XRequest`: prefer the plain name.
            hints.append(Hint(score: d.hasPrefix("Patched") ? 95 : 100, name: Naming.typeName(d), owner: owner))
        }
        hints.append(Hint(score: 30, name: Naming.typeName(op.id) + "Request", owner: owner))
        switch OperationKind.of(op) {
        case .crud(let collection, let resource, _) where ["POST", "PUT", "PATCH"].contains(op.method):
            let base = OperationKind.crudName(collection, owner: resource, singleton: false)
            hints.append(Hint(score: 40, name: (op.method == "PATCH" ? "Patched" : "") + base + "Request", owner: owner))
        case .action(let resource, let verb):
            hints.append(Hint(score: 40, name: actionName(resource, verb) + "Request", owner: owner))
        default:
            break
        }
        return hints
    }

    /// Names for a response body: the SDK body name without `Request`/`Patched` when the response
    /// repeats the body's fields; for CRUD the collection's singular, then its path's (`AdminArrowSetting`); for an
    /// action, resource + verb + `Response`; else the operation id + `Response`.
    /// An error answer (`4xx`, `5xx`, `default`) is not the collection's entity: it takes no CRUD or
    /// SDK-body name, only the operation's (then with its status).
    static func responseHints(_ op: Operation, status: String, type: TypeRef) -> [Hint] {
        let owner = owner(op, role: "response " + status)
        var hints = [Hint(score: 10, name: Naming.typeName(op.id) + "Response", owner: owner)]
        if isError(status) {
            // Two error shapes of one operation: the second takes its status (`LookupsPartialUpdate422Response`).
            hints.append(Hint(score: 5, name: Naming.typeName(op.id + " " + status) + "Response", owner: owner))
            if case .action(let resource, let verb) = OperationKind.of(op) {
                hints.append(Hint(score: 20, name: actionName(resource, verb) + "Response", owner: owner))
            }
            return hints
        }
        let responseFields = Set(objectFields(type).map(\.name))
        if let d = op.requestBody?.documentedName, case .object(let bodyFields) = op.requestBody!.type {
            var base = d
            if base.hasPrefix("Patched") { base = String(base.dropFirst("Patched".count)) }
            if base.hasSuffix("Request") { base = String(base.dropLast("Request".count)) }
            if !base.isEmpty, !bodyFields.isEmpty, Set(bodyFields.map(\.name)).isSubset(of: responseFields) {
                hints.append(Hint(score: 80, name: Naming.typeName(base), owner: owner))
            }
        }
        switch OperationKind.of(op) {
        case .crud(let collection, let resource, let singleton):
            // The collection's name (`call_capacities` → `CallCapacity`), then its whole path's. Not the
            // page's title: docs move operations between pages (Waldur split its "Admin" page in six).
            hints.append(Hint(score: 50, name: OperationKind.crudName(collection, owner: resource, singleton: singleton), owner: owner))
            if let qualified = OperationKind.pathQualifiedName(op.path, singleton: singleton) {
                hints.append(Hint(score: 45, name: qualified, owner: owner))
            }
        case .action(let resource, let verb):
            hints.append(Hint(score: 20, name: actionName(resource, verb) + "Response", owner: owner))
        case .other:
            break
        }
        return hints
    }

    /// Whether a response status is an error's: `400`, `5XX`, `default`.
    static func isError(_ status: String) -> Bool {
        status.hasPrefix("4") || status.hasPrefix("5") || status.lowercased() == "default"
    }

    /// `volumes`, `attach` → `VolumeAttach`.
    static func actionName(_ resource: String?, _ verb: String) -> String {
        (resource.map { Naming.singular(Naming.typeName($0)) } ?? "") + Naming.typeName(verb)
    }

    static func objectFields(_ type: TypeRef) -> [Field] {
        switch type {
        case .object(let f): return f
        case .array(let t): return objectFields(t)
        default: return []
        }
    }
}
