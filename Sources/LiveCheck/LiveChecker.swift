import APIModel
import DocTree
import Foundation

/// Runs a check: follows the plan, builds each request, sends it with limits, judges the answer, and
/// deletes what it created, also when it stops early (401/403, interrupt).
///
/// For example: `try await LiveChecker(api: api, options: .init(baseURL: url)).run()` gives a `CheckReport`.
public struct LiveChecker: Sendable {
    public struct Options: Sendable {
        public var baseURL: URL
        public var headers: [(name: String, value: String)] = []
        public var timeout: Double = 10
        /// Requests per second at most (nil: no limit).
        public var rateLimit: Double?
        public var allowWrites = false
        /// Send optional query parameters too (those the docs' examples give values for).
        public var includeOptional = false
        /// Operation selectors: an id, a Swift name, `METHOD /path` or `/path` (all when empty).
        public var operations: [String] = []
        public var maxBodyBytes = 8 << 20

        public init(baseURL: URL) { self.baseURL = baseURL }
    }

    public let api: APIDescription
    public let options: Options

    public init(api: APIDescription, options: Options) {
        self.api = api
        self.options = options
    }

    /// The indices of the operations `selectors` name; nil when no selector is given. Unknown selectors are returned too.
    public static func select(_ selectors: [String], in api: APIDescription) -> (indices: Set<Int>?, unknown: [String]) {
        guard !selectors.isEmpty else { return (nil, []) }
        var chosen: Set<Int> = []
        var unknown: [String] = []
        for s in selectors {
            let parts = s.split(separator: " ", maxSplits: 1).map(String.init)
            let hits = api.operations.indices.filter { i in
                let op = api.operations[i]
                if op.id == s || op.swiftName == s { return true }
                if parts.count == 2 { return op.method == parts[0].uppercased() && CheckPlan.key(op.path) == CheckPlan.key(parts[1]) }
                return s.hasPrefix("/") && CheckPlan.key(op.path) == CheckPlan.key(s)
            }
            if hits.isEmpty { unknown.append(s) }
            chosen.formUnion(hits)
        }
        return (chosen, unknown)
    }

    public func run() async -> CheckReport {
        let selection = Self.select(options.operations, in: api)
        let plan = CheckPlan(api: api, allowWrites: options.allowWrites, selected: selection.indices)
        var state = RunState(api: api, options: options)
        for step in plan.steps {
            if state.stoppedBecause != nil || Task.isCancelled {
                if state.stoppedBecause == nil { state.stoppedBecause = "interrupted" }
                state.skip(step.index, reason: "not called: \(state.stoppedBecause!)")
                continue
            }
            switch step {
            case .skip(let i, let reason): state.skip(i, reason: reason)
            case .read(let i): await state.call(i, createdOnly: false, creates: nil)
            case .create(let i, let group): await state.call(i, createdOnly: true, creates: group)
            case .onCreated(let i, let group):
                guard state.values.created[group] != nil else {
                    state.skip(i, reason: "the create before it did not succeed")
                    continue
                }
                await state.call(i, createdOnly: true, creates: nil)
            }
        }
        // Clean up in an unstructured task: it runs even when the check was interrupted.
        let leftBehind = await Task { [state] in await state.cleanUp() }.value
        return CheckReport(baseURL: options.baseURL.absoluteString, operations: state.orderedResults(),
                           stoppedBecause: state.stoppedBecause, leftBehind: leftBehind)
    }
}

extension CheckPlan.Step {
    var index: Int {
        switch self {
        case .read(let i), .create(let i, _), .onCreated(let i, _), .skip(let i, _): return i
        }
    }
}

/// The mutable part of a run: values learned, results, objects created and not yet deleted.
struct RunState: Sendable {
    let api: APIDescription
    let options: LiveChecker.Options
    let http: LiveHTTP
    var values: ArgumentValues
    /// The list answers path parameters are taken from (those of the GETs called, and those the search reads).
    let lists: ListReader
    var results: [Int: OperationResult] = [:]
    var order: [Int] = []
    var stoppedBecause: String?
    /// Objects created and not deleted yet: their URLs, newest last.
    var createdURLs: [(group: String, url: URL)] = []
    var lastRequest: DispatchTime?
    let schemas: [String: Schema]

    init(api: APIDescription, options: LiveChecker.Options) {
        self.api = api
        self.options = options
        http = LiveHTTP(baseURL: options.baseURL, timeout: options.timeout, maxBodyBytes: options.maxBodyBytes)
        values = ArgumentValues(api: api)
        lists = ListReader(http: http, headers: options.headers, rateLimit: options.rateLimit)
        var byName: [String: Schema] = [:]
        for s in api.schemas { byName[s.name] = s }
        schemas = byName
    }

    mutating func record(_ i: Int, _ result: OperationResult) {
        guard let old = results[i] else {
            results[i] = result
            order.append(i)
            return
        }
        // A second call (the read of a created object): replaces a skip, else adds its findings.
        if old.outcome == .skipped { results[i] = result; return }
        var merged = old
        for f in result.findings where !merged.findings.contains(where: { $0.kind == f.kind && $0.jsonPath == f.jsonPath }) {
            merged.findings.append(f)
        }
        if merged.outcome == .passed, !merged.findings.isEmpty { merged.outcome = .drifted }
        results[i] = merged
    }

    mutating func skip(_ i: Int, reason: String) {
        let op = api.operations[i]
        record(i, OperationResult(method: op.method, path: op.path, outcome: .skipped, reason: reason, location: op.provenance))
    }

    func orderedResults() -> [OperationResult] { order.compactMap { results[$0] } }

    /// Builds, sends and judges operation `i`. `creates` names the collection when it is a create.
    mutating func call(_ i: Int, createdOnly: Bool, creates group: String?) async {
        let op = api.operations[i]
        let pathValues: [String: String]
        switch await values.pathValues(for: op.path, createdOnly: createdOnly, fetch: { [lists] in await lists.body($0) }) {
        case .success(let v): pathValues = v
        case .failure(let missing): skip(i, reason: missing.reason); return
        }
        guard let path = Self.expand(op.path, pathValues) else {
            skip(i, reason: "a path parameter value cannot be sent as one path segment")
            return
        }
        var query: [URLQueryItem] = []
        switch values.plan.queryValues(op, includeOptional: options.includeOptional) {
        case .success(let items): query = items.map { URLQueryItem(name: $0.name, value: $0.value) }
        case .failure(let missing): skip(i, reason: missing.reason); return
        }
        var headers = options.headers
        let documented = values.plan.headerValues(op)
        for p in op.parameters where p.location == .header && p.required
            && !headers.contains(where: { $0.name.lowercased() == p.name.lowercased() }) {
            guard let value = documented.first(where: { $0.name == p.name })?.value else {
                skip(i, reason: "required header \(p.name): not given (--header) and no doc example gives one")
                return
            }
            headers.append((p.name, value))
        }
        if !headers.contains(where: { $0.name.lowercased() == "accept" }) { headers.append(("Accept", "application/json")) }
        var body: Data?
        var chosenId: String?
        if !CheckPlan.readMethods.contains(op.method) && op.method != "DELETE" {
            let item = api.operations.first { CheckPlan.isItem($0.path, of: group ?? "") }
            let idKeys = Set(["id"] + (item.map { Array(PathTemplate.parameterNames($0.path).suffix(1)) } ?? []))
            if let group {
                chosenId = "d2s-check-" + String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
                values.chosenIds[group] = chosenId
            } else if let last = PathTemplate.parameterNames(op.path).last {
                chosenId = pathValues[last]
            }
            let updateKeys = group == nil ? Set(["id"] + Array(PathTemplate.parameterNames(op.path).suffix(1))) : idKeys
            if let json = RequestBodies.body(for: op, schemas: schemas, id: chosenId, idKeys: updateKeys) {
                body = Data(json.jsonText.utf8)
                if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                    headers.append(("Content-Type", op.requestBody?.contentType ?? "application/json"))
                }
            }
        }
        guard let url = Self.url(options.baseURL, path: path, query: query) else {
            skip(i, reason: "cannot build a URL from \(path)")
            return
        }
        await pace()
        let sentPath = path + (query.isEmpty ? "" : "?" + query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&"))
        do {
            let answer = try await http.send(LiveRequest(method: op.method, url: url, headers: headers, body: body))
            let verdict = ResponseJudge(api: api).judge(op, method: op.method, status: answer.status, contentType: answer.contentType,
                                                         location: answer.location, body: answer.body)
            var result = OperationResult(method: op.method, path: op.path, sentPath: sentPath, status: answer.status,
                                         outcome: verdict.outcome, reason: verdict.reason, findings: verdict.findings,
                                         location: op.provenance, milliseconds: answer.milliseconds)
            if let target = answer.location, (300..<400).contains(answer.status),
               let absolute = URL(string: target, relativeTo: url)?.absoluteURL, !http.isInsideBase(absolute) {
                result.reason = "redirect to \(absolute.absoluteString): outside the base URL, refused"
            }
            if answer.status == 401 || answer.status == 403 {
                result.outcome = .failed
                result.reason = "\(answer.status) \(ResponseJudge.reasonPhrase(answer.status)): the server refused the credentials; "
                    + "stopping (give them with --header 'Authorization: …')"
                stoppedBecause = "stopped after \(answer.status) on \(op.method) \(op.path)"
            }
            record(i, result)
            if (200..<300).contains(answer.status), let json = JSONValue.parse(answer.body) {
                if group != nil {
                    values.learnCreated(json, path: op.path)
                    if let created = createdURL(group: group!, op: op, answer: json) { createdURLs.append((group!, created)) }
                } else if op.method == "GET" {
                    await lists.remember(path, body: answer.body)
                }
            }
            if op.method == "DELETE", (200..<300).contains(answer.status) {
                createdURLs.removeAll { $0.url == url }
            }
        } catch let error as LiveHTTPError {
            if error == .cancelled { stoppedBecause = "interrupted" }
            record(i, OperationResult(method: op.method, path: op.path, sentPath: sentPath, outcome: .failed, reason: error.description,
                                      location: op.provenance))
        } catch {
            record(i, OperationResult(method: op.method, path: op.path, sentPath: sentPath, outcome: .failed, reason: "\(error)",
                                      location: op.provenance))
        }
    }

    /// The URL of the object a create made: its item path with the created id.
    func createdURL(group: String, op: APIModel.Operation, answer: JSONValue) -> URL? {
        guard let del = api.operations.first(where: { $0.method == "DELETE" && CheckPlan.isItem($0.path, of: group) }),
              case .success(let v) = values.createdValues(for: del.path),
              let path = Self.expand(del.path, v) else { return nil }
        return Self.url(options.baseURL, path: path, query: [])
    }

    /// Deletes what is still there from this run, newest first; returns the URLs it could not delete.
    func cleanUp() async -> [String] {
        var left: [String] = []
        for created in createdURLs.reversed() {
            var headers = options.headers
            headers.append(("Accept", "application/json"))
            let answer = try? await http.send(LiveRequest(method: "DELETE", url: created.url, headers: headers))
            if let status = answer?.status, (200..<300).contains(status) || status == 404 { continue }
            left.append(created.url.absoluteString)
        }
        return left
    }

    /// Waits so that requests start at most `rateLimit` per second.
    mutating func pace() async {
        if let rate = options.rateLimit, rate > 0, let last = lastRequest {
            let gap = UInt64(1_000_000_000 / rate)
            let elapsed = DispatchTime.now().uptimeNanoseconds - last.uptimeNanoseconds
            if elapsed < gap { try? await Task.sleep(nanoseconds: gap - elapsed) }
        }
        lastRequest = DispatchTime.now()
    }

    /// The template with each parameter percent-encoded as one segment; nil when a value is `.` or `..`.
    static func expand(_ template: String, _ values: [String: String]) -> String? {
        var out = ""
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        for c in PathTemplate.components(template) {
            switch c {
            case .literal(let l): out += l
            case .parameter(let name):
                guard let v = values[name], v != ".", v != "..", let e = v.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
                out += e
            }
        }
        return out
    }

    static func url(_ base: URL, path: String, query: [URLQueryItem]) -> URL? {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard var components = URLComponents(string: text + (path.hasPrefix("/") ? path : "/" + path)) else { return nil }
        if !query.isEmpty { components.queryItems = query }
        return components.url
    }
}
