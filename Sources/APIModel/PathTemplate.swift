import DocTree

/// Path templates such as `/api/users/{uuid}/`.
///
/// For example: `PathTemplate.parameterNames("/a/{x}/b/{y}/")` is `["x", "y"]`.
public enum PathTemplate {
    public static func parameterNames(_ path: String) -> [String] {
        components(path).compactMap { if case .parameter(let n) = $0 { return n } else { return nil } }
    }

    public enum Component: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    /// Splits a template into literal text and `{name}` parameters (an unclosed `{` is literal text).
    public static func components(_ path: String) -> [Component] {
        var out: [Component] = []
        let utf8 = path.utf8
        var literalStart = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            // `{` and `}` are ASCII: they never occur inside a multi-byte character.
            if utf8[i] == UInt8(ascii: "{"), let close = utf8[i...].firstIndex(of: UInt8(ascii: "}")) {
                if literalStart < i { out.append(.literal(String(path[literalStart..<i]))) }
                out.append(.parameter(String(path[utf8.index(after: i)..<close])))
                i = utf8.index(after: close)
                literalStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        if literalStart < utf8.endIndex { out.append(.literal(String(path[literalStart...]))) }
        return out
    }

    /// `path.split(separator: "/")`, cut on the bytes when the path is ASCII: naming splits every
    /// operation's path several times, and a split by characters was a tenth of a regeneration's work.
    ///
    /// For example: `PathTemplate.segments("/api/users/{uuid}/")` is `["api", "users", "{uuid}"]`.
    public static func segments(_ path: String) -> [Substring] {
        RelativePath.segments(path)
    }

    /// The template with each parameter renamed after its position (`/users/{uuid}/keys/{key_id}/` →
    /// `/users/{p2}/keys/{p4}/`; a second parameter in one segment gets `{p4_2}`), and the new name of
    /// each parameter. Routers that share a path prefix between routes (Hummingbird's trie) then never
    /// see two names for one position, as in `/customers/{uuid}/` beside `/customers/{customer_uuid}/users/`.
    public static func positional(_ path: String) -> (path: String, slots: [String: String]) {
        var out = ""
        var slots: [String: String] = [:]
        var segment = 0
        var inSegment = 0
        for c in components(path) {
            switch c {
            case .literal(let l):
                for byte in l.utf8 where byte == UInt8(ascii: "/") { segment += 1; inSegment = 0 }
                out += l
            case .parameter(let name):
                inSegment += 1
                let slot = inSegment == 1 ? "p\(segment)" : "p\(segment)_\(inSegment)"
                if slots[name] == nil { slots[name] = slot }
                out += "{" + slot + "}"
            }
        }
        return (out, slots)
    }

    /// Operations a router cannot tell apart: the same method on the same path up to parameter names
    /// (`GET /profiles/{uuid}/items/` and `GET /profiles/{profile_uuid}/items/`). Maps the index of each
    /// later one to the index of the first, which is the one a server can route.
    public static func shadowedRoutes(_ operations: [Operation]) -> [Int: Int] {
        var first: [String: Int] = [:]
        var shadowed: [Int: Int] = [:]
        for (i, op) in operations.enumerated() {
            // A router splits paths on `/` and drops empty segments: `/fields` and `/fields/` are one route.
            let key = op.method + " /" + route(op.path)
            if let f = first[key] { shadowed[i] = f } else { first[key] = i }
        }
        return shadowed
    }

    /// The route a router sees: the `positional` template split on `/` without empty segments, joined
    /// by `/` (no leading or trailing `/`). An ASCII path is done in one pass over its bytes.
    ///
    /// For example: `route("/profiles/{uuid}//items/")` is `profiles/{p2}/items` (the parameter is after the second `/`).
    public static func route(_ path: String) -> String {
        let fast = path.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var segment = 0, inSegment = 0, i = 0
            // Segments are joined by one `/`: a `/` is written only before the next segment's first byte.
            var pendingSlash = false
            func emit(_ b: UInt8) {
                if pendingSlash, !out.isEmpty { out.append(UInt8(ascii: "/")) }
                pendingSlash = false
                out.append(b)
            }
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x80 { return nil }
                if b == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) {
                    inSegment += 1
                    // The slot `p<segment>`, `_<n>` added for the n-th parameter of a segment.
                    emit(UInt8(ascii: "{"))
                    out.append(UInt8(ascii: "p"))
                    out.appendDecimal(segment)
                    if inSegment > 1 { out.append(UInt8(ascii: "_")); out.appendDecimal(inSegment) }
                    out.append(UInt8(ascii: "}"))
                    i = close + 1
                    continue
                }
                if b == UInt8(ascii: "/") {
                    segment += 1
                    inSegment = 0
                    pendingSlash = true
                } else {
                    emit(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        if case .some(.some(let route)) = fast { return route }
        return segments(positional(path).path).joined(separator: "/")
    }
}

extension PathTemplate {
    /// A path none of `paths` matches as a router would (a segment with a `{parameter}` matches any
    /// segment): `/docs2swift-no-such-route/`, with `x` segments added while a route of parameters at
    /// every other position (`/{db}`, `/{db}/x`) would answer it.
    ///
    /// For example: `unroutedPath(["/{db}"])` is `/docs2swift-no-such-route/x/`.
    public static func unroutedPath(_ paths: [String]) -> String {
        let templates = paths.map { $0.split(separator: "/", omittingEmptySubsequences: true) }
        var segments = ["docs2swift-no-such-route"]
        func matches(_ template: [Substring]) -> Bool {
            template.count == segments.count && zip(template, segments).allSatisfy { $0.contains("{") || $0 == $1 }
        }
        while segments.count < 64, templates.contains(where: matches) { segments.append("x") }
        return "/" + segments.joined(separator: "/") + "/"
    }
}
