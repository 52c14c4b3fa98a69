extension APIDescription {
    /// The same API with every named schema renamed `prefix + name` (and every reference to it).
    ///
    /// For example: with prefix `Pet`, `User` becomes `PetUser`.
    public func prefixingTypes(_ prefix: String) -> APIDescription {
        guard !prefix.isEmpty else { return self }
        var copy = self
        func rename(_ t: TypeRef) -> TypeRef {
            switch t {
            case .ref(let n): return .ref(prefix + n)
            case .array(let i): return .array(rename(i))
            case .map(let i): return .map(rename(i))
            case .object(let fs): return .object(fs.map { var f = $0; f.type = rename(f.type); return f })
            default: return t
            }
        }
        copy.schemas = schemas.map { s in
            var s = s
            s.name = prefix + s.name
            s.documentedNames = s.documentedNames.map { prefix + $0 }
            s.fields = s.fields.map { var f = $0; f.type = rename(f.type); return f }
            return s
        }
        copy.operations = operations.map { op in
            var op = op
            if var b = op.requestBody { b.type = rename(b.type); op.requestBody = b }
            op.responses = op.responses.map { var r = $0; r.type = r.type.map(rename); return r }
            return op
        }
        return copy
    }
}
