import DocTree

extension APIDescription {
    /// The same API with every provenance's file path passed through `transform` (computed once per
    /// distinct path): how `Emission` names input pages relative to the output folder.
    ///
    /// For example: `api.mappingSourceFiles(RelativePath.rebasing(onto: "generated"))` turns
    /// `input-docs/a.md` into `../input-docs/a.md` everywhere.
    public func mappingSourceFiles(_ transform: (String) -> String) -> APIDescription {
        var copy = self
        copy.mapSourceFiles(transform)
        return copy
    }

    /// `mappingSourceFiles` in place: a model held once is changed where it lies, without a copy of
    /// every operation and field (a large API's model is tens of thousands of elements).
    ///
    /// For example: `api.mapSourceFiles(RelativePath.rebasing(onto: folder))` in `Emission`.
    public mutating func mapSourceFiles(_ transform: (String) -> String) {
        var cache: [String: String] = [:]
        // Neighbouring elements come from the same page, mostly the same string: compared before hashing.
        var last = ("", "")
        func map(_ p: inout SourceLocation?) {
            guard let file = p?.file else { return }
            if file == last.0, !file.isEmpty { p!.file = last.1; return }
            if let done = cache[file] { p!.file = done; last = (file, done); return }
            let mapped = transform(file)
            cache[file] = mapped
            last = (file, mapped)
            p!.file = mapped
        }
        func map(_ t: inout TypeRef) {
            switch t {
            case .array(var i): map(&i); t = .array(i)
            case .map(var i): map(&i); t = .map(i)
            case .object(var fields):
                guard !fields.isEmpty else { return }
                t = .any  // the fields' storage is then held once and changed in place
                for f in fields.indices { map(&fields[f]) }
                t = .object(fields)
            default: return
            }
        }
        func map(_ f: inout Field) {
            map(&f.provenance)
            map(&f.type)
        }
        for r in resources.indices { map(&resources[r].provenance) }
        for s in schemas.indices {
            map(&schemas[s].provenance)
            for f in schemas[s].fields.indices { map(&schemas[s].fields[f]) }
        }
        for o in operations.indices {
            map(&operations[o].provenance)
            for p in operations[o].parameters.indices {
                map(&operations[o].parameters[p].provenance)
                map(&operations[o].parameters[p].type)
            }
            if operations[o].requestBody != nil {
                map(&operations[o].requestBody!.provenance)
                map(&operations[o].requestBody!.type)
            }
            for r in operations[o].responses.indices {
                map(&operations[o].responses[r].provenance)
                if operations[o].responses[r].type != nil { map(&operations[o].responses[r].type!) }
            }
            for e in operations[o].examples.indices { map(&operations[o].examples[e].provenance) }
        }
    }
}
