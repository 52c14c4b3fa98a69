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

    /// Splits a template into literal text and `{name}` parameters.
    public static func components(_ path: String) -> [Component] {
        var out: [Component] = []
        var literal = ""
        var i = path.startIndex
        while i < path.endIndex {
            if path[i] == "{", let close = path[i...].firstIndex(of: "}") {
                if !literal.isEmpty { out.append(.literal(literal)); literal = "" }
                out.append(.parameter(String(path[path.index(after: i)..<close])))
                i = path.index(after: close)
            } else {
                literal.append(path[i])
                i = path.index(after: i)
            }
        }
        if !literal.isEmpty { out.append(.literal(literal)) }
        return out
    }
}
