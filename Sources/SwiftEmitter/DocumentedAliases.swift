import APIModel

/// The `typealias`es the models files declare for the schemas' documented names (`Schema.documentedNames`,
/// the SDK names the docs give a shape beside the one it is generated as): one decision for the whole
/// module, read by the models files, the `@Indirect` cycles and the render keys (`SchemaReach`).
///
/// A documented name becomes an alias of the first schema, in the model's order, that documents it; not
/// when it is a schema's own name or a reserved type name. Two pages that document different shapes under
/// one name (each defining its own `NoteRequest`) give one type that name and no alias that would declare
/// it again in another file.
///
/// For example: `NoteRequest { title }` and `BNotesCreateRequest { body }` documented as `NoteRequest`
/// give no alias; `VolumeRequest` documented as `Volume` (no schema of that name) gives `typealias Volume = VolumeRequest`.
struct DocumentedAliases: Sendable {
    /// Alias → the schema it names.
    let targets: [String: String]

    /// `schemas` in the model's order (by name).
    init(_ schemas: [Schema]) {
        var names = Set<String>()
        names.reserveCapacity(schemas.count)
        for schema in schemas { names.insert(schema.name) }
        var targets: [String: String] = [:]
        for schema in schemas {
            for alias in schema.documentedNames
            where !names.contains(alias) && !Naming.reservedTypeNames.contains(alias) && targets[alias] == nil {
                targets[alias] = schema.name
            }
        }
        self.targets = targets
    }

    /// The aliases `schema` declares, in the order it documents them.
    func aliases(of schema: Schema) -> [String] {
        schema.documentedNames.filter { targets[$0] == schema.name }
    }
}
