import APIModel
import Docs2SwiftRuntime
import Foundation

/// The arguments of the check's requests: `ArgumentPlan`'s sources (lists, the docs' examples) searched
/// with the runtime's `ArgumentSearch` (a parent with no children is passed over for the next), and
/// `ListAnswer`'s rule for the ids an answer gives; the generated tests' live mode does the same. Writes
/// use only objects the check created.
///
/// For example: after `GET /buckets` answered `{"data": [{"id": "blog"}]}`, `GET /buckets/{bucket_id}`
/// is sent as `/buckets/blog`.
public struct ArgumentValues: Sendable {
    let plan: ArgumentPlan
    /// The object created in each collection (its create answer), by collection key.
    var created: [String: JSONValue] = [:]
    /// Ids the check chose for objects it created (put in the create body), by collection key.
    var chosenIds: [String: String] = [:]

    public init(api: APIDescription) {
        plan = ArgumentPlan(api: api)
    }

    mutating func learnCreated(_ body: JSONValue, path: String) {
        created[CheckPlan.key(path)] = body
    }

    /// The value for each path parameter of `path`, or the name of the first one nothing gives a value for.
    /// `createdOnly` uses only objects this check created (for writes and their reads); otherwise the plan's
    /// sources are searched, `fetch` answering the GETs of the lists they name (`ListReader.body`).
    func pathValues(for path: String, createdOnly: Bool,
                    fetch: @Sendable (String) async -> Data? = { _ in nil }) async -> Result<[String: String], MissingValue> {
        if createdOnly { return createdValues(for: path) }
        let sources = plan.pathSourcesClosed(path).map { ($0.name, $0.sources.map(\.search)) }
        let search = ArgumentSearch(sources: Dictionary(sources, uniquingKeysWith: { a, _ in a }))
        switch await search.values(for: PathTemplate.parameterNames(path), fetch: fetch) {
        case .success(let values): return .success(values)
        case .failure(let missing): return .failure(MissingValue(name: missing.name, createdOnly: false))
        }
    }

    /// The values of objects this check created, for each path parameter of `path`.
    func createdValues(for path: String) -> Result<[String: String], MissingValue> {
        var values: [String: String] = [:]
        var prefix = ""
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): prefix += l
            case .parameter(let name):
                let collection = CheckPlan.key(prefix)
                guard let made = created[collection],
                      let value = ListAnswer.identifier(in: made.foundationValue as? [String: Any] ?? [:], for: name) ?? chosenIds[collection] else {
                    return .failure(MissingValue(name: name, createdOnly: true))
                }
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
            createdOnly ? "no value for path parameter {\(name)}: no object created by this check" : ArgumentPlan.missingPathValueReason(name)
        }
    }
}

extension ArgumentPlan.Source {
    var search: ArgumentSearch.Source {
        switch self {
        case .list(let path): return .list(path)
        case .example(let value): return .example(value)
        }
    }
}

/// The list answers the check has: those of the GETs it called, and lists it reads for the search
/// (`GET /buckets/b/collections` when the first bucket had none), each once, paced like the calls.
actor ListReader {
    let http: LiveHTTP
    let headers: [(name: String, value: String)]
    let rateLimit: Double?
    private var bodies: [String: Data?] = [:]

    init(http: LiveHTTP, headers: [(name: String, value: String)], rateLimit: Double?) {
        self.http = http
        self.headers = headers
        self.rateLimit = rateLimit
    }

    /// Keeps the answer of a GET the check called (its path without the query).
    func remember(_ path: String, body: Data?) { bodies[path] = body }

    /// The body of a 2xx answer to `GET path`, read once.
    func body(_ path: String) async -> Data? {
        if let known = bodies[path] { return known }
        guard let url = RunState.url(http.baseURL, path: path, query: []) else { return nil }
        if let rate = rateLimit, rate > 0 { try? await Task.sleep(nanoseconds: UInt64(1_000_000_000 / rate)) }
        var sent = headers
        if !sent.contains(where: { $0.name.lowercased() == "accept" }) { sent.append(("Accept", "application/json")) }
        let answer = try? await http.send(LiveRequest(method: "GET", url: url, headers: sent))
        let body = answer.flatMap { (200..<300).contains($0.status) ? $0.body : nil }
        bodies[path] = body
        return body
    }
}

extension JSONValue {
    /// The value as `JSONSerialization` gives it (integers as exact `NSNumber`s), for `ListAnswer`.
    var foundationValue: Any {
        switch self {
        case .null: return NSNull()
        case .boolean(let b): return NSNumber(value: b)
        case .integer(let i): return NSNumber(value: i)
        case .number(let d): return NSNumber(value: d)
        case .string(let s): return s
        case .array(let items): return items.map(\.foundationValue)
        case .object(let members): return Dictionary(members.map { ($0.key, $0.value.foundationValue) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
