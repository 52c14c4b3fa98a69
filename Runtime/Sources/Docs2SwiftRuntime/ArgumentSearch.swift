import Foundation

/// Values for the path parameters of a live call, from the sources a plan gives each parameter (the ids
/// of lists, the docs' example values): the one search `docs2swift check` and the generated tests' live
/// mode share. Parameters are filled left to right; a parent with no children is passed over for the
/// next one (`{bucket_id}` = the second bucket of `GET /buckets` when the first has no collections), so
/// the answer does not depend on which item a list shows first. The servers' ids come first: a first
/// pass tries lists only, a second one every source in the plan's order (the docs' examples too).
///
/// For example: with `{bucket_id}` from `/buckets` and `{collection_id}` from `/buckets/{bucket_id}/collections`,
/// where `/buckets` lists `a` and `b` and only `b` has a collection `c`, the values are `bucket_id = b`, `collection_id = c`.
public struct ArgumentSearch: Sendable {
    public enum Source: Hashable, Sendable {
        /// The ids of the list answered at this path template (its parameters filled by the search too).
        case list(String)
        /// A value the docs give.
        case example(String)
    }

    /// The sources of each parameter, in the order to try them.
    public var sources: [String: [Source]]
    /// How many ids of one list are tried, at most.
    public var idsPerList: Int

    public init(sources: [String: [Source]], idsPerList: Int = 5) {
        self.sources = sources
        self.idsPerList = idsPerList
    }

    /// The values of `names`, or the first parameter no source gave a value for. `fetch` answers
    /// `GET path` (the path with values filled in, percent-encoded, relative to the base URL) with the
    /// body of a 2xx answer, else nil; the caller keeps answers so that each list is read once.
    public func values(for names: [String], bound: [String: String] = [:],
                       fetch: @Sendable (String) async -> Data?) async -> Result<[String: String], Missing> {
        var missing: (depth: Int, name: String)?
        for listsOnly in [true, false] {
            if let found = await assign(names[...], bound: bound, listsOnly: listsOnly, visiting: [], depth: 0, missing: &missing, fetch: fetch) {
                return .success(found)
            }
        }
        return .failure(Missing(name: missing?.name ?? names.first { bound[$0] == nil } ?? ""))
    }

    public struct Missing: Error, Equatable, Sendable {
        public var name: String
    }

    private func assign(_ names: ArraySlice<String>, bound: [String: String], listsOnly: Bool, visiting: Set<String>, depth: Int,
                        missing: inout (depth: Int, name: String)?, fetch: @Sendable (String) async -> Data?) async -> [String: String]? {
        guard let name = names.first else { return bound }
        if bound[name] != nil {
            return await assign(names.dropFirst(), bound: bound, listsOnly: listsOnly, visiting: visiting, depth: depth + 1, missing: &missing, fetch: fetch)
        }
        let values = await candidates(name, bound: bound, listsOnly: listsOnly, visiting: visiting, fetch: fetch)
        if values.isEmpty, depth >= (missing?.depth ?? -1) { missing = (depth, name) }
        for value in values {
            var next = bound
            next[name] = value
            if let done = await assign(names.dropFirst(), bound: next, listsOnly: listsOnly, visiting: visiting, depth: depth + 1, missing: &missing, fetch: fetch) {
                return done
            }
        }
        return nil
    }

    /// The values to try for `name`: each source's, in order, without repeats.
    private func candidates(_ name: String, bound: [String: String], listsOnly: Bool, visiting: Set<String>,
                            fetch: @Sendable (String) async -> Data?) async -> [String] {
        guard !visiting.contains(name) else { return [] }
        var out: [String] = []
        for source in sources[name] ?? [] {
            switch source {
            case .example(let value):
                if !listsOnly, !out.contains(value) { out.append(value) }
            case .list(let template):
                // The list's own parameters: those already chosen, else the first values the search finds for them.
                let inner = Self.parameterNames(template)
                var ignored: (depth: Int, name: String)?
                guard let values = await assign(inner[...], bound: bound, listsOnly: listsOnly, visiting: visiting.union([name]), depth: 0,
                                                missing: &ignored, fetch: fetch),
                      let path = Self.expand(template, values), let body = await fetch(path),
                      let json = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { continue }
                for id in ListAnswer.identifiers(in: json, for: name).prefix(idsPerList) where !out.contains(id) { out.append(id) }
            }
        }
        return out
    }

    /// The characters a value keeps in one path segment.
    public static let segment: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return allowed
    }()

    /// The `{name}` parameters of a path template, in order.
    public static func parameterNames(_ template: String) -> [String] { parts(template).filter(\.isParameter).map(\.text) }

    /// The template with each parameter's value percent-encoded as one segment; nil when a value is
    /// missing, empty, `.` or `..`.
    public static func expand(_ template: String, _ values: [String: String]) -> String? {
        var out = ""
        for part in parts(template) {
            guard part.isParameter else { out += part.text; continue }
            guard let v = values[part.text], !v.isEmpty, v != ".", v != "..",
                  let encoded = v.addingPercentEncoding(withAllowedCharacters: segment) else { return nil }
            out += encoded
        }
        return out
    }

    static func parts(_ template: String) -> [(text: String, isParameter: Bool)] {
        var out: [(text: String, isParameter: Bool)] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { out.append((String(rest[..<open]), false)) }
            out.append((String(rest[rest.index(after: open)..<close]), true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append((String(rest), false)) }
        return out
    }
}
