import DocTree
import Foundation

/// Where a call against a real server takes its arguments from: the one decision `docs2swift check`
/// and the generated tests' live mode share.
///
/// A path parameter is tried, in order: the ids of the list on its own collection (`GET /buckets` for
/// `{bucket_id}` in `/buckets/{bucket_id}`), the value the docs' example requests use on the same path
/// (`GET /v1/buckets/blog` gives `blog`), a parameter's documented example (a concrete id the reader turned
/// into `{process_id}`), then the ids of other lists whose items the docs address with a parameter of the
/// same name (`GET /v2/users` for `{user_id}` in `/v1/users/{user_id}/media`). Which id a list answer gives
/// is `ListAnswer`'s rule (in the runtime, so that generated tests apply it too). Query parameters: required
/// ones only unless asked, valued from the docs' example requests or the first documented enum value.
///
/// For example: with `GET /buckets` and `GET /buckets/{bucket_id}` documented, `pathSources("/buckets/{bucket_id}")`
/// is `[("bucket_id", [.list("/buckets")])]`.
public struct ArgumentPlan: Sendable {
    public enum Source: Hashable, Sendable {
        /// The ids of the list answered at this path template (its parameters are planned too).
        case list(String)
        /// A value the docs give.
        case example(String)
    }

    /// Path parameter values from the docs' example requests, by collection key of the parameter (`/buckets/{}`).
    var fromExamples: [String: String] = [:]
    /// Query values from the docs' example requests, by `METHOD path` of the operation and name.
    var exampleQueries: [String: [String: String]] = [:]
    /// Documented GET paths by collection key, in the order a check reads them.
    var lists: [(key: String, path: String)] = []
    /// Item parameter names (the last parameter of `/things/{name}`) by collection key (`/things`).
    var itemParameters: [String: Set<String>] = [:]
    /// Documented examples of path parameters, by collection key of the parameter.
    var parameterExamples: [String: String] = [:]
    /// Indexes into `lists`: each list's place by its key, and the places of the lists whose items take a
    /// parameter of a given name (in `lists`' order), so planning a path does not scan every list.
    var listPlace: [String: Int] = [:]
    var listsByItemParameter: [String: [Int]] = [:]

    public init(api: APIDescription) {
        self.init(operations: api.operations)
    }

    /// The plan of operations in the model's order.
    public init(operations: [Operation]) {
        self.init(inputs: operations.map(Input.init))
    }

    /// What the plan reads of an operation: its method, path, request examples and path parameters'
    /// examples. Made apart from the model (texts only), so that a plan made on another thread shares
    /// no storage the model may still change (rebasing provenance would copy it).
    public struct Input: Sendable {
        var method: String
        var path: String
        var requestExamples: [String]
        var pathParameters: [(name: String, example: String?)]

        public init(_ op: Operation) {
            method = op.method
            path = op.path
            requestExamples = op.examples.filter { $0.kind != "response" }.map(\.text)
            pathParameters = op.parameters.filter { $0.location == .path }.map { ($0.name, $0.example) }
        }
    }

    public init(inputs operations: [Input]) {
        for op in operations {
            for text in op.requestExamples {
                guard let (match, query) = Self.firstMatch(template: op.path, in: text) else { continue }
                for (key, value) in match where fromExamples[key] == nil { fromExamples[key] = value }
                let opKey = op.method + " " + op.path
                for (name, value) in query where exampleQueries[opKey]?[name] == nil {
                    exampleQueries[opKey, default: [:]][name] = value
                }
            }
            let components = PathTemplate.components(op.path)
            var prefix = ""
            for c in components {
                switch c {
                case .literal(let l): prefix += l
                case .parameter(let name):
                    prefix += "{}"
                    if let example = op.pathParameters.first(where: { $0.name == name })?.example,
                       parameterExamples[Self.key(prefix)] == nil {
                        parameterExamples[Self.key(prefix)] = example
                    }
                }
            }
            if case .parameter(let last)? = components.last {
                itemParameters[Self.key(Self.collection(of: op.path)), default: []].insert(last)
            }
        }
        // Each path's parameter count taken once, not in every comparison.
        var gets: [(path: String, parameters: Int)] = []
        for op in operations where op.method == "GET" { gets.append((op.path, PathTemplate.parameterNames(op.path).count)) }
        gets.sort { a, b in a.parameters != b.parameters ? a.parameters < b.parameters : a.path < b.path }
        var seen: Set<String> = []
        for (path, _) in gets {
            let key = Self.key(path)
            if seen.insert(key).inserted { lists.append((key, path)) }
        }
        for (i, list) in lists.enumerated() {
            listPlace[list.key] = i
            for name in itemParameters[list.key] ?? [] { listsByItemParameter[name, default: []].append(i) }
        }
    }

    /// Each path parameter of `path` with the sources to try for it, in order.
    public func pathSources(_ path: String) -> [(name: String, sources: [Source])] {
        var out: [(name: String, sources: [Source])] = []
        var prefix = ""  // the template so far, with this path's parameter names
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): prefix += l
            case .parameter(let name):
                let collection = Self.key(prefix)
                var sources: [Source] = []
                if let own = listPlace[collection].map({ lists[$0] }) {
                    sources.append(.list(Self.renamed(own.path, like: prefix)))
                }
                if let value = fromExamples[Self.key(prefix + "{}")] { sources.append(.example(value)) }
                if let value = parameterExamples[Self.key(prefix + "{}")], !sources.contains(.example(value)) {
                    sources.append(.example(value))
                }
                for i in listsByItemParameter[name] ?? [] where lists[i].key != collection {
                    sources.append(.list(lists[i].path))
                }
                out.append((name, sources))
                prefix += "{\(name)}"
            }
        }
        return out
    }

    /// The sources of every parameter a live call of `path` may need: its own, and those of the lists
    /// its sources name (by parameter name; the first plan of a name wins).
    public func pathSourcesClosed(_ path: String) -> [(name: String, sources: [Source])] {
        var out: [(name: String, sources: [Source])] = []
        var pending = [path]
        var visited: Set<String> = []
        while let next = pending.first, out.count < 32 {
            pending.removeFirst()
            guard visited.insert(next).inserted else { continue }
            for (name, sources) in pathSources(next) where !out.contains(where: { $0.name == name }) {
                out.append((name, sources))
                for case .list(let list) in sources { pending.append(list) }
            }
        }
        return out
    }

    /// The query values to send with `op`: required parameters (all with `includeOptional`) with a value
    /// from the docs' example requests or the first documented enum value; optional ones with no value are
    /// left out. Fails with the reason when a required one has no value.
    public func queryValues(_ op: Operation, includeOptional: Bool) -> Result<[(name: String, value: String)], MissingQueryValue> {
        var out: [(name: String, value: String)] = []
        for p in op.parameters where p.location == .query && (p.required || includeOptional) {
            guard let value = exampleQueries[op.method + " " + op.path]?[p.name] ?? p.enumValues?.first else {
                if p.required { return .failure(MissingQueryValue(name: p.name)) }
                continue
            }
            out.append((p.name, value))
        }
        return .success(out)
    }

    /// The values of `op`'s required header parameters the docs give: the parameter's example, else the
    /// header in one of the operation's example requests (`X-Api-Version: 2` on a request line's header,
    /// `-H 'X-Api-Version: 2'` in curl), else the first documented enum value. A required header with
    /// none is left out (the caller says so, or sends what it was given).
    ///
    /// For example: `X-Tenant` (required) with the example request `curl -H "X-Tenant: acme" …/users` → `[("X-Tenant", "acme")]`.
    public func headerValues(_ op: Operation) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for p in op.parameters where p.location == .header && p.required {
            let fromExamples = op.examples.lazy.filter { $0.kind != "response" }.compactMap { Self.header(p.name, in: $0.text) }.first
            guard let value = p.example.flatMap({ $0.isEmpty ? nil : $0 }) ?? fromExamples ?? p.enumValues?.first else { continue }
            out.append((p.name, value))
        }
        return out
    }

    /// The value of header `name` in an example request's text: a `Name: value` line, or curl's
    /// `-H 'Name: value'` / `--header "Name: value"`.
    static func header(_ name: String, in text: String) -> String? {
        let lowered = name.lowercased() + ":"
        for line in text.split(whereSeparator: \.isNewline) {
            var rest = Substring(line)
            while let range = rest.range(of: lowered, options: .caseInsensitive) {
                let before = rest[..<range.lowerBound].last
                guard before == nil || before == " " || before == "'" || before == "\"" || before == "\t" else {
                    rest = rest[range.upperBound...]
                    continue
                }
                let value = rest[range.upperBound...].drop { $0 == " " }.prefix { $0 != "'" && $0 != "\"" && $0 != "\\" }
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        return nil
    }

    public struct MissingQueryValue: Error, Equatable {
        public var name: String
        public init(name: String) { self.name = name }
        public var reason: String { "no value for required query parameter \(name): no doc example gives one" }
    }

    /// Why a path parameter has no value: the reason a check or a live test gives for not calling.
    public static func missingPathValueReason(_ name: String) -> String {
        "no value for path parameter {\(name)}: no list answer gave an id and no doc example names one"
    }

    /// Everything the plan knows, in a set order: two plans with the same contents answer every question
    /// alike (a regeneration keeps a generated test file whose plan and operations are as before).
    public var contents: [[String]] {
        var out: [[String]] = []
        // Each row starts with the part it comes from.
        out.append(["examples"] + fromExamples.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        for (op, values) in exampleQueries.sorted(by: { $0.key < $1.key }) {
            out.append(["query", op] + values.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        }
        out.append(["lists"] + lists.flatMap { [$0.key, $0.path] })
        for (key, names) in itemParameters.sorted(by: { $0.key < $1.key }) { out.append(["items", key] + names.sorted()) }
        out.append(["parameterExamples"] + parameterExamples.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        return out
    }

    // MARK: - Paths

    /// The path with parameter names dropped and no trailing slash: `/a/{x}/b/` → `/a/{}/b`.
    public static func key(_ path: String) -> String {
        var out = ""
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): out += l
            case .parameter: out += "{}"
            }
        }
        while out.count > 1, out.hasSuffix("/") { out.removeLast() }
        return out
    }

    /// The path up to its last parameter segment: `/a/{x}/b/{y}` → `/a/{x}/b`.
    static func collection(of path: String) -> String {
        var parts = PathTemplate.components(path)
        if case .parameter? = parts.last { parts.removeLast() }
        return parts.map { if case .literal(let l) = $0 { return l } else if case .parameter(let n) = $0 { return "{\(n)}" } else { return "" } }.joined()
    }

    /// `path` with its parameters named as in `like`, in order (`/b/{id}/c` like `/b/{bucket_id}/c/` → `/b/{bucket_id}/c`).
    static func renamed(_ path: String, like: String) -> String {
        var names = PathTemplate.parameterNames(like)[...]
        var out = ""
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): out += l
            case .parameter(let n): out += "{\(names.popFirst() ?? n)}"
            }
        }
        return out
    }

    // MARK: - Reading examples

    /// Paths in an example's text: request lines (`GET /v1/buckets/blog HTTP/1.1`), URLs (`http://host/v1/buckets/blog`),
    /// with their query items.
    public static func pathsIn(_ text: String) -> [(path: String, query: [(String, String)])] {
        candidateTokens(text).compactMap { token in
            splitToken(token).map { (path: String($0.path), query: queryItems($0.query)) }
        }
    }

    /// The first path in `text` (in `pathsIn`'s order) that `match(template:path:)` matches, with its
    /// values and query items: the query of the other candidates is never read.
    static func firstMatch(template: String, in text: String) -> (values: [String: String], query: [(String, String)])? {
        let split = RelativePath.splitSegments(template)  // once for all the text's words
        for token in candidateTokens(text) {
            guard let (path, query) = splitToken(token), let values = match(split, path: String(path)) else { continue }
            return (values, queryItems(query))
        }
        return nil
    }

    /// A word of an example as a path and its query (after `?`, nil without one): a URL's host is
    /// dropped; a word that is not a path of at least two characters gives nil.
    static func splitToken(_ token: Substring) -> (path: Substring, query: Substring?)? {
        var t = token
        if t.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every word): bytes are characters, so the byte searches below cut where the
            // character ones would.
            let utf8 = t.utf8
            if let scheme = firstIndex(of: "://", in: utf8) {
                let afterHost = utf8[utf8.index(scheme, offsetBy: 3)...]
                guard let slash = afterHost.firstIndex(of: UInt8(ascii: "/")) else { return nil }
                t = t[slash...]
            }
            guard t.utf8.first == UInt8(ascii: "/"), t.utf8.count > 1 else { return nil }
            guard let mark = t.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (t, nil) }
            return (t[..<mark], t[t.utf8.index(after: mark)...])
        }
        if let scheme = t.range(of: "://") {
            let afterHost = t[scheme.upperBound...]
            guard let slash = afterHost.firstIndex(of: "/") else { return nil }
            t = afterHost[slash...]
        }
        guard t.hasPrefix("/"), t.count > 1 else { return nil }
        let parts = t.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    /// Where `needle` (ASCII) first starts in `bytes`.
    private static func firstIndex(of needle: StaticString, in bytes: Substring.UTF8View) -> String.Index? {
        let first = needle.utf8Start.pointee
        var i = bytes.startIndex
        while let found = bytes[i...].firstIndex(of: first) {
            var a = found, n = 0
            while n < needle.utf8CodeUnitCount, a < bytes.endIndex, bytes[a] == needle.utf8Start[n] {
                a = bytes.index(after: a)
                n += 1
            }
            if n == needle.utf8CodeUnitCount { return found }
            i = bytes.index(after: found)
        }
        return nil
    }

    /// The `name=value` items of a query, percent-decoded (a name alone has the value "").
    static func queryItems(_ query: Substring?) -> [(String, String)] {
        guard let query else { return [] }
        return query.split(separator: "&").map { item in
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecoded(kv[0]), kv.count > 1 ? percentDecoded(kv[1]) : "")
        }
    }

    /// The words of `text` (split at spaces, line breaks, tabs and quotes) that can hold a path: every
    /// word that starts with `/` or holds `://` (the others `pathsIn` passes over). ASCII text, most
    /// examples, is split on its bytes (a CR LF pair is one character, not a line break to split at);
    /// other text by characters.
    static func candidateTokens(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        let found: [Range<Int>]? = utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            var ranges: [Range<Int>] = []
            var start = 0
            var candidate = false
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 0x20
                if b >= 0x80 { return nil }
                let separator = b == 0x20 || b == 0x09 || b == 0x27 || b == 0x22 || (b == 0x0A && !(i > 0 && bytes[i - 1] == 0x0D))
                if separator {
                    if i > start, candidate || bytes[start] == 0x2F { ranges.append(start..<i) }
                    start = i + 1
                    candidate = false
                } else if b == 0x2F, i >= start + 2, bytes[i - 1] == 0x2F, bytes[i - 2] == 0x3A {
                    candidate = true
                }
            }
            return ranges
        } ?? nil
        guard let found else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "'" || $0 == "\"" })
        }
        return found.map { r in
            text[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)]
        }
    }

    /// Matches a concrete path against the end of a template (the example may carry a base path
    /// such as `/v1`): returns each parameter's value keyed by the collection key up to and including it.
    public static func match(template: String, path: String) -> [String: String]? {
        match(RelativePath.splitSegments(template), path: path)
    }

    /// `match(template:path:)` with the template already split (`RelativePath.splitSegments`).
    static func match(_ template: (segments: [Substring], ascii: Bool), path: String) -> [String: String]? {
        let (t, asciiTemplate) = template, (p, asciiPath) = RelativePath.splitSegments(path)
        let ascii = asciiTemplate && asciiPath
        guard !t.isEmpty, p.count >= t.count else { return nil }
        let tail = p.suffix(t.count)
        func isParameter(_ segment: Substring) -> Bool { segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 }
        // The literal segments first: most candidates fail on one, before any value is decoded.
        for (ts, ps) in zip(t, tail) where !isParameter(ts) {
            guard ascii ? ts.utf8.elementsEqual(ps.utf8) : ts == ps else { return nil }
        }
        var values: [String: String] = [:]
        var prefix = ""
        for (ts, ps) in zip(t, tail) {
            if isParameter(ts) {
                let value = percentDecoded(ps)
                guard !value.isEmpty, !holdsPlaceholderMark(value) else { return nil }
                prefix += "/{}"
                values[prefix] = value
            } else {
                prefix += "/" + ts
            }
        }
        return values
    }

    /// Whether a value holds a character of a placeholder (`{id}`, `<id>`, `:id`, `*`) rather than a
    /// concrete id; an ASCII value is looked at byte by byte.
    static func holdsPlaceholderMark(_ value: String) -> Bool {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return value.contains(where: { "{}()<>:*".contains($0) }) }
        return value.utf8.contains { b in
            b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: ":") || b == UInt8(ascii: "*")
        }
    }

    /// `text` with its percent escapes decoded (as it is when they do not decode); Foundation is asked only
    /// when there is a `%`.
    static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
    }
}
