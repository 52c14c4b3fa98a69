import APIModel

/// Which documented operations a check calls, and in what order.
///
/// Reads first (GET, HEAD), fewer path parameters first, so a list runs before its items and gives
/// them ids. With writes allowed, then for each collection that has a create (`POST /things`) and a
/// delete on its items (`DELETE /things/{id}`): create → read → update → delete, parents created
/// before their children and deleted after them. Any other write (an action, a delete of a whole
/// collection, a create with no documented delete to clean up with) is skipped.
public struct CheckPlan: Sendable {
    public enum Step: Hashable, Sendable {
        /// A read (GET/HEAD) on whatever ids lists and examples give.
        case read(Int)
        /// Create an object in a collection; `group` names the collection for the later steps.
        case create(Int, group: String)
        /// A read, update or delete of the object created for `group`.
        case onCreated(Int, group: String)
        case skip(Int, reason: String)
    }

    public var steps: [Step]

    public static let readMethods: Set<String> = ["GET", "HEAD"]

    /// `selected` holds the indices of the operations asked for (all when nil).
    public init(api: APIDescription, allowWrites: Bool, selected: Set<Int>? = nil) {
        let ops = api.operations
        let chosen = ops.indices.filter { selected?.contains($0) ?? true }
        var steps: [Step] = []
        let reads = chosen.filter { Self.readMethods.contains(ops[$0].method) }.sorted { a, b in
            let pa = PathTemplate.parameterNames(ops[a].path).count, pb = PathTemplate.parameterNames(ops[b].path).count
            if pa != pb { return pa < pb }
            if ops[a].path != ops[b].path { return ops[a].path < ops[b].path }
            return ops[a].method > ops[b].method  // GET before HEAD
        }
        steps += reads.map { Step.read($0) }
        let writes = chosen.filter { !Self.readMethods.contains(ops[$0].method) }
        guard allowWrites else {
            steps += writes.map { Step.skip($0, reason: "writes not allowed: \(ops[$0].method) is sent only with --allow-writes") }
            self.steps = steps
            return
        }
        // Collections with a create and an item delete, parents (shorter paths) first.
        var groups: [(collection: String, create: Int, item: String)] = []
        for i in writes where ops[i].method == "POST" {
            let key = Self.key(ops[i].path)
            guard let del = ops.indices.first(where: { ops[$0].method == "DELETE" && Self.isItem(ops[$0].path, of: key) }) else { continue }
            groups.append((key, i, Self.key(ops[del].path)))
        }
        groups.sort { $0.collection.count != $1.collection.count ? $0.collection.count < $1.collection.count : $0.collection < $1.collection }
        var used: Set<Int> = []
        var deletes: [Step] = []
        for g in groups where !used.contains(g.create) {
            used.insert(g.create)
            steps.append(.create(g.create, group: g.collection))
            let onItem = chosen.filter { Self.key(ops[$0].path) == g.item }
            for m in ["GET", "HEAD", "PATCH", "PUT"] {
                for i in onItem where ops[i].method == m && !used.contains(i) {
                    if m == "PATCH" || m == "PUT" { used.insert(i) }
                    steps.append(.onCreated(i, group: g.collection))
                }
            }
            for i in onItem where ops[i].method == "DELETE" && !used.contains(i) {
                used.insert(i)
                deletes.insert(.onCreated(i, group: g.collection), at: 0)
            }
        }
        steps += deletes
        for i in writes where !used.contains(i) {
            let reason: String
            if ops[i].method == "POST" {
                reason = "no documented DELETE to clean up with: not created"
            } else {
                reason = "a write not on an object this check created"
            }
            steps.append(.skip(i, reason: reason))
        }
        self.steps = steps
    }

    /// The path with parameter names dropped and no trailing slash: `/a/{x}/b/` → `/a/{}/b`.
    public static func key(_ path: String) -> String { ArgumentPlan.key(path) }

    /// True when `path` is one item of the collection `collectionKey`: the collection and one parameter segment.
    public static func isItem(_ path: String, of collectionKey: String) -> Bool {
        key(path) == (collectionKey == "/" ? "" : collectionKey) + "/{}"
    }
}
