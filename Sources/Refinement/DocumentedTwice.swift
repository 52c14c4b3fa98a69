import APIModel

/// Whether two pages document one operation the same way: the same method and path, parameters
/// (name, location, requiredness, type shape), request body shape and responses (status and shape).
/// Provenance, prose and field descriptions are not compared, so a page and its text rendering
/// (which loses links and emphasis) count as the same documentation.
///
/// For example: `GET /api/users/` read from `users.md` and from `users.txt` with the same tables is
/// documented identically; with an extra `page` query parameter on one of them it is not.
enum DocumentedTwice {
    /// An operation that is only a signature in a list (an overview page's index of endpoints): no
    /// description, no documented parameter beyond the path's own placeholders, no body, no typed or
    /// described response, no example.
    static func isListing(_ op: Operation) -> Bool {
        op.description.isEmpty && op.requestBody == nil && op.examples.isEmpty && op.errorCodes.isEmpty
            && op.parameters.allSatisfy { $0.location == .path && $0.description.isEmpty }
            && op.responses.allSatisfy { $0.type == nil && $0.description.isEmpty }
    }

    /// The path without a format suffix (`/projects/summary.json` → `/projects/summary`): pages show
    /// one resource with and without it, and the page set documents the plain one. Nil without a suffix.
    static func withoutFormatSuffix(_ path: String) -> String? {
        for suffix in [".json", ".xml"] where path.hasSuffix(suffix) && path.count > suffix.count + 1 {
            return String(path.dropLast(suffix.count))
        }
        return nil
    }

    static func identical(_ a: Operation, _ b: Operation) -> Bool {
        guard a.method == b.method, a.path == b.path, a.parameters.count == b.parameters.count,
              a.responses.count == b.responses.count else { return false }
        for (p, q) in zip(a.parameters, b.parameters) {
            guard p.name == q.name, p.location == q.location, p.required == q.required,
                  shape(p.type) == shape(q.type) else { return false }
        }
        guard (a.requestBody == nil) == (b.requestBody == nil) else { return false }
        if let x = a.requestBody, let y = b.requestBody {
            guard x.contentType == y.contentType, x.required == y.required, shape(x.type) == shape(y.type) else { return false }
        }
        for (r, s) in zip(a.responses, b.responses) {
            guard r.status == s.status, r.type.map(shape) == s.type.map(shape) else { return false }
        }
        return true
    }

    /// The type without provenance and descriptions.
    static func shape(_ type: TypeRef) -> TypeRef {
        switch type {
        case .array(let t): return .array(shape(t))
        case .map(let t): return .map(shape(t))
        case .object(let fields):
            return .object(fields.map { f in
                Field(name: f.name, type: shape(f.type), required: f.required, nullable: f.nullable, readOnly: f.readOnly,
                      enumValues: f.enumValues)
            })
        default: return type
        }
    }
}
