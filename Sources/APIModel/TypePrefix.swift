extension APIDescription {
    /// The same API with every named schema renamed by `rename`, and every reference to it (in fields,
    /// parameters, bodies and answers) and every documented name of it.
    ///
    /// For example: `api.renamingTypes { $0 == "api.v2010.account" ? "ApiV2010Account" : $0 }`.
    public func renamingTypes(_ rename: (String) -> String) -> APIDescription {
        var copy = self
        func renamed(_ t: TypeRef) -> TypeRef {
            switch t {
            case .ref(let n): return .ref(rename(n))
            case .array(let i): return .array(renamed(i))
            case .map(let i): return .map(renamed(i))
            case .object(let fs): return .object(fs.map { var f = $0; f.type = renamed(f.type); return f })
            default: return t
            }
        }
        copy.schemas = schemas.map { s in
            var s = s
            s.name = rename(s.name)
            s.documentedNames = s.documentedNames.map(rename)
            s.fields = s.fields.map { var f = $0; f.type = renamed(f.type); return f }
            return s
        }
        copy.operations = operations.map { op in
            var op = op
            op.parameters = op.parameters.map { var p = $0; p.type = renamed(p.type); return p }
            if var b = op.requestBody { b.type = renamed(b.type); op.requestBody = b }
            op.responses = op.responses.map { var r = $0; r.type = r.type.map(renamed); return r }
            return op
        }
        return copy
    }

    /// The same API with every named schema renamed `prefix + name` (and every reference to it).
    ///
    /// For example: with prefix `Pet`, `User` becomes `PetUser`.
    public func prefixingTypes(_ prefix: String) -> APIDescription {
        guard !prefix.isEmpty else { return self }
        return renamingTypes { prefix + $0 }
    }
}
