import APIModel
import Foundation

/// Where the check gets the arguments of a request: ids from earlier answers (a list's items, a
/// created object), else values the docs' example requests use on the same path.
///
/// For example: after `GET /buckets` answered `{"data": [{"id": "blog"}]}`, `GET /buckets/{bucket_id}`
/// is sent as `/buckets/blog`.
public struct ArgumentValues: Sendable {
    /// Objects from list answers, by collection key (`/buckets/{}/collections`): the first few items.
    var listed: [String: [JSONValue]] = [:]
    /// The object created in each collection (its create answer), by collection key.
    var created: [String: JSONValue] = [:]
    /// Ids the check chose for objects it created (put in the create body), by collection key.
    var chosenIds: [String: String] = [:]
    /// Ids from list answers by the name of the item parameter they fill (`user_id`), for other paths
    /// with a parameter of that name (`/v1/users/{user_id}/media` after a list at `/v2/users`).
    var byName: [String: String] = [:]
    /// Path parameter values from the docs' example requests, by collection key of the parameter.
    var fromExamples: [String: String] = [:]
    /// Query values from the docs' example requests, by operation index and name.
    var exampleQueries: [Int: [String: String]] = [:]

    /// Reads the example requests of every operation for path and query values.
    public init(api: APIDescription) {
        for (i, op) in api.operations.enumerated() {
            for example in op.examples where example.kind != "response" {
                for candidate in Self.pathsIn(example.text) {
                    guard let match = Self.match(template: op.path, path: candidate.path) else { continue }
                    for (key, value) in match where fromExamples[key] == nil { fromExamples[key] = value }
                    for (name, value) in candidate.query where exampleQueries[i]?[name] == nil {
                        exampleQueries[i, default: [:]][name] = value
                    }
                    break
                }
            }
        }
    }

    /// Remembers the items of a list answer (an array, or the first array of objects inside the object answered).
    /// `itemParameters` are the names of the parameters of the documented item paths under `path`.
    mutating func learnList(_ body: JSONValue, path: String, itemParameters: [String] = []) {
        guard let items = Self.items(in: body), !items.isEmpty else { return }
        listed[CheckPlan.key(path)] = Array(items.prefix(3))
        for name in itemParameters where byName[name] == nil {
            byName[name] = items.lazy.compactMap { Self.identifier(in: $0, for: name) }.first
        }
    }

    mutating func learnCreated(_ body: JSONValue, path: String) {
        created[CheckPlan.key(path)] = body
    }

    /// The value for each path parameter of `path`, or the name of the first one nothing gives a value for.
    /// `createdOnly` uses only objects this check created (for writes and their reads).
    func pathValues(for path: String, createdOnly: Bool) -> Result<[String: String], MissingValue> {
        var values: [String: String] = [:]
        var prefix = ""
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): prefix += l
            case .parameter(let name):
                let collection = CheckPlan.key(prefix)
                var value: String?
                if let made = created[collection] { value = Self.identifier(in: made, for: name) ?? chosenIds[collection] }
                if value == nil, !createdOnly {
                    value = listed[collection].flatMap { $0.lazy.compactMap { Self.identifier(in: $0, for: name) }.first }
                        ?? fromExamples[CheckPlan.key(prefix + "{}")] ?? byName[name]
                }
                guard let value else { return .failure(MissingValue(name: name, createdOnly: createdOnly)) }
                values[name] = value
                prefix += "{}"
            }
        }
        return .success(values)
    }

    public struct MissingValue: Error {
        public var name: String
        public var createdOnly: Bool
        public var reason: String {
            createdOnly
                ? "no value for path parameter {\(name)}: no object created by this check"
                : "no value for path parameter {\(name)}: no list answer gave an id and no doc example names one"
        }
    }

    // MARK: - Reading answers

    /// The items of a list answer: the array itself, or the array of objects the answer wraps
    /// (`data`, `results`, `items` first, else the first such member).
    static func items(in body: JSONValue) -> [JSONValue]? {
        switch body {
        case .array(let a): return a.filter { if case .object = $0 { return true } else { return false } }
        case .object(let members):
            let arrays = members.filter {
                if case .array(let a) = $0.value, case .object? = a.first { return true } else { return false }
            }
            let preferred = arrays.first { ["data", "results", "items", "objects", "records", "entries"].contains($0.key) } ?? arrays.first
            if case .array(let a)? = preferred?.value { return a }
            return nil
        default: return nil
        }
    }

    /// The id of an object for the parameter `name`: the key `name`, then its stem (`bucket_id` → `id`),
    /// then `id`, `uuid`, `slug`, `name`, `key`; in the object or one level down (`{"data": {"id": …}}`).
    static func identifier(in object: JSONValue, for name: String) -> String? {
        var keys = [name]
        for suffix in ["_id", "Id", "_uuid", "_name", "_key"] where name.hasSuffix(suffix) && name.count > suffix.count {
            keys.append(String(name.dropLast(suffix.count)))
            keys.append(String(suffix.drop { $0 == "_" }).lowercased())
        }
        keys += ["id", "uuid", "slug", "name", "key"]
        for k in keys { if let v = object[k]?.scalarText { return v } }
        if case .object(let members) = object {
            for m in members { if case .object = m.value { for k in keys { if let v = m.value[k]?.scalarText { return v } } } }
        }
        return nil
    }

    // MARK: - Reading examples

    /// Paths in an example's text: request lines (`GET /v1/buckets/blog HTTP/1.1`), URLs (`http://host/v1/buckets/blog`),
    /// with their query items.
    static func pathsIn(_ text: String) -> [(path: String, query: [(String, String)])] {
        var out: [(path: String, query: [(String, String)])] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "'" || $0 == "\"" }) {
            var t = Substring(token)
            if let scheme = t.range(of: "://") {
                let afterHost = t[scheme.upperBound...]
                guard let slash = afterHost.firstIndex(of: "/") else { continue }
                t = afterHost[slash...]
            }
            guard t.hasPrefix("/"), t.count > 1 else { continue }
            let parts = t.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            var query: [(String, String)] = []
            if parts.count == 2 {
                for item in parts[1].split(separator: "&") {
                    let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                    let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
                    query.append((name, value))
                }
            }
            out.append((path: String(parts[0]), query: query))
        }
        return out
    }

    /// Matches a concrete path against the end of a template (the example may carry a base path
    /// such as `/v1`): returns each parameter's value keyed by the collection key up to and including it.
    static func match(template: String, path: String) -> [String: String]? {
        let t = template.split(separator: "/").map(String.init)
        let p = path.split(separator: "/").map(String.init)
        guard !t.isEmpty, p.count >= t.count else { return nil }
        let tail = p.suffix(t.count)
        var values: [String: String] = [:]
        var prefix = ""
        for (ts, ps) in zip(t, tail) {
            if ts.hasPrefix("{"), ts.hasSuffix("}"), ts.count > 2 {
                let value = ps.removingPercentEncoding ?? ps
                guard !value.isEmpty, !value.contains(where: { "{}()<>:*".contains($0) }) else { return nil }
                prefix += "/{}"
                values[prefix] = value
            } else {
                guard ts == ps else { return nil }
                prefix += "/" + ts
            }
        }
        return values
    }
}
