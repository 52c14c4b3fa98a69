import DocTree

extension APIDescription {
    /// The same API with every provenance's file path passed through `transform` (computed once per
    /// distinct path): how `Emission` names input pages relative to the output folder.
    ///
    /// For example: `api.mappingSourceFiles { RelativePath.rebase($0, onto: "generated") }` turns
    /// `input-docs/a.md` into `../input-docs/a.md` everywhere.
    public func mappingSourceFiles(_ transform: (String) -> String) -> APIDescription {
        var cache: [String: String] = [:]
        func map(_ p: SourceLocation?) -> SourceLocation? {
            guard var p else { return nil }
            if let done = cache[p.file] { p.file = done; return p }
            let mapped = transform(p.file)
            cache[p.file] = mapped
            p.file = mapped
            return p
        }
        func map(_ t: TypeRef) -> TypeRef {
            switch t {
            case .array(let i): return .array(map(i))
            case .map(let i): return .map(map(i))
            case .object(let fields): return .object(fields.map(map))
            default: return t
            }
        }
        func map(_ f: Field) -> Field {
            var f = f
            f.provenance = map(f.provenance)
            f.type = map(f.type)
            return f
        }
        var copy = self
        copy.resources = resources.map { var r = $0; r.provenance = map(r.provenance); return r }
        copy.schemas = schemas.map { var s = $0; s.provenance = map(s.provenance); s.fields = s.fields.map(map); return s }
        copy.operations = operations.map { op in
            var op = op
            op.provenance = map(op.provenance)
            op.parameters = op.parameters.map { var p = $0; p.provenance = map(p.provenance); p.type = map(p.type); return p }
            if var b = op.requestBody { b.provenance = map(b.provenance); b.type = map(b.type); op.requestBody = b }
            op.responses = op.responses.map { var r = $0; r.provenance = map(r.provenance); r.type = r.type.map(map); return r }
            op.examples = op.examples.map { var e = $0; e.provenance = map(e.provenance); return e }
            return op
        }
        return copy
    }
}
