import APIModel
import DocTree

/// The body types of an httpdomain operation's field lists (`Request/Response JSON Object`, `… JSON
/// Array of Objects`, `Form Parameters`) with its example JSON, merged by the builder's rules
/// (`FieldTree.combine`, `FieldTree.nest`).
///
/// For example: `:>jsonarr string username:` beside the example `{"users": [{"username": "a"}]}`
/// gives `{users: [{username}]}`.
extension Reconciler {
    /// A body from its field lists: `… JSON Object` fields make an object, `… JSON Array of Objects`
    /// fields an array of such objects. Fields documented as an object's whose example is an array
    /// of objects describe the items (reported). Dotted names (`data.id`, `items[].id`) nest.
    func body(object: [SphinxPageReader.DocField], array: [SphinxPageReader.DocField], examples: [JSONNode],
              exampleLine: Int) -> TypeRef {
        let arrays = examples.compactMap { node -> [JSONNode]? in if case .array(let items) = node { return items } else { return nil } }
        let examplesAreArrays = !examples.isEmpty && arrays.count == examples.count
        let items = arrays.flatMap { $0 }
        let itemsAreObjects = !items.isEmpty && items.allSatisfy { if case .object = $0 { return true } else { return false } }
        if object.isEmpty, array.isEmpty { return merge(documented: [], examples: examples, exampleLine: exampleLine) }
        if !array.isEmpty, !examples.isEmpty, !examplesAreArrays,
           let member = Self.envelopeMember(examples, documented: array.map(\.name)),
           !object.contains(where: { o in array.contains { $0.name == o.name } }) {
            // `:>jsonarr string username:` with an example `{"users": [{"username": …}]}`: the array the
            // fields describe is the example's member, inside an object envelope.
            diagnostics.note("'Response/Request JSON Array of Objects' fields describe the items of '\(member)' in the example at line \(exampleLine)",
                             at: location(array[0].line))
            let envelope = merge(documented: object, examples: examples, exampleLine: exampleLine)
            let items = examples.flatMap { node -> [JSONNode] in
                guard case .object(let m) = node, case .array(let xs)? = m.first(where: { $0.0 == member })?.1 else { return [] }
                return xs
            }
            let itemType = TypeRef.array(merge(documented: array, examples: items, exampleLine: exampleLine))
            guard case .object(var fields) = envelope, let k = fields.firstIndex(where: { $0.name == member || $0.name.hasPrefix(member + ".") }) else { return envelope }
            fields[k].type = itemType
            return .object(fields)
        }
        if !array.isEmpty, object.isEmpty {
            return .array(merge(documented: array, examples: examplesAreArrays ? items : examples, exampleLine: exampleLine))
        }
        if examplesAreArrays, itemsAreObjects {
            if array.isEmpty, let first = object.first {
                diagnostics.warning("fields are documented as a JSON object but the example at line \(exampleLine) is an array of objects; "
                                    + "read as an array of these objects", at: location(first.line))
            }
            return .array(merge(documented: object + array, examples: items, exampleLine: exampleLine))
        }
        return merge(documented: object + array, examples: examples, exampleLine: exampleLine)
    }

    /// The member of example objects that is an array of objects holding documented names (the
    /// envelope `{"users": [{"username": …}]}` around the items of `:>jsonarr string username:`);
    /// nil when the documented names are the example's own keys.
    ///
    /// For example: `[{"users": [{"username": "a"}]}]` with `["username"]` → `users`.
    static func envelopeMember(_ examples: [JSONNode], documented: [String]) -> String? {
        let names = Set(documented.map { String($0.prefix { $0 != "." }) })
        for node in examples {
            guard case .object(let members) = node else { return nil }
            if members.contains(where: { names.contains($0.0) }) { return nil }
            for (key, value) in members {
                guard case .array(let items) = value else { continue }
                let keys = items.compactMap { item -> Set<String>? in
                    if case .object(let m) = item { return Set(m.map(\.0)) } else { return nil }
                }
                if !keys.isEmpty, keys.contains(where: { !$0.isDisjoint(with: names) }) { return key }
            }
        }
        return nil
    }

    /// Documented field list + example type, by `FieldTree.combine` (the builder's rule): documented
    /// names, requiredness and descriptions win; the example fills in what a list leaves open and adds
    /// the keys the list does not name (optional, as examples type them); a conflict is a warning naming
    /// both lines. What the Sphinx pages add is evidence on the documented field: a nullable phrase,
    /// an enum list in the description, an attribute table for its items; and numeric example keys are a map.
    func merge(documented: [SphinxPageReader.DocField], examples: [JSONNode], exampleLine: Int) -> TypeRef {
        let inferred = examples.isEmpty ? nil : TypeRefs.keyedByNumber(ExampleTypes.infer(examples))
        var exampleFields: [Field] = []
        if case .object(let fs)? = inferred { exampleFields = fs }
        if documented.isEmpty { return inferred ?? .any }
        let declared = documented.map { doc in
            let lower = doc.description.lowercased()
            let nullable = SphinxSeedVocabulary.nullablePhrases.contains { lower.contains($0) }
                || (exampleFields.first { $0.name == doc.name }?.nullable ?? false)
            return Field(name: doc.name, type: docType(doc.type), required: doc.required ?? false, nullable: nullable,
                         description: doc.description, enumValues: enumValues(doc.description), provenance: location(doc.line))
        }
        var fields = FieldTree.combine(declared, example: exampleFields, exampleProvenance: location(exampleLine)) { f, conflict in
            diagnostics.warning(conflict.message(name: f.name, exampleLine: exampleLine), at: f.provenance ?? location(exampleLine))
        }
        for i in declared.indices { fields[i].type = attributeTableType(fields[i].name, fields[i].type) }
        return .object(FieldTree.nest(fields))
    }
}
