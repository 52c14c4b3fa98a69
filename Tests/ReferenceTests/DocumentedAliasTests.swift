import Docs2SwiftCore
import Testing

/// A documented name (`Schema.documentedNames`) becomes one `typealias` in the whole module, of the first
/// schema in the model's order that documents it, and none when a schema has that name: two files must
/// never declare one name twice (`invalid redeclaration`).
@Suite struct DocumentedAliasTests {
    /// Resource → the aliases its models file declares (`name = target`).
    func aliases(_ schemas: [Schema]) -> [String: [String]] {
        let api = APIDescription(schemas: schemas)
        let builder = ContextBuilder(access: "public", api: api)
        var out: [String: [String]] = [:]
        for (resource, own) in Dictionary(grouping: schemas, by: \.resource) {
            out[resource] = builder.models(resource: resource, schemas: own, header: "").aliases.map { "\($0.name) = \($0.target)" }
        }
        return out
    }

    /// Two pages define their own `NoteRequest` (API Blueprint data structures of one name, different
    /// fields): the second shape is named apart and documents `NoteRequest`, which the first one is.
    @Test func aDocumentedNameThatAnotherFilesSchemaHasIsNoAlias() {
        let schemas = [
            Schema(name: "BNotesCreateRequest", fields: [Field(name: "body", type: .string)], resource: "b", documentedNames: ["NoteRequest"]),
            Schema(name: "NoteRequest", fields: [Field(name: "title", type: .string)], resource: "a"),
        ]
        #expect(aliases(schemas) == ["a": [], "b": []])
    }

    @Test func aNameTwoSchemasDocumentIsTheAliasOfTheFirstOnly() {
        let schemas = [
            Schema(name: "AVolume", fields: [Field(name: "size", type: .integer)], resource: "z", documentedNames: ["Volume", "Disk"]),
            Schema(name: "BVolume", fields: [Field(name: "name", type: .string)], resource: "a", documentedNames: ["Volume"]),
            Schema(name: "CVolume", fields: [Field(name: "id", type: .integer)], resource: "a", documentedNames: ["Disk", "Type"]),
        ]
        #expect(aliases(schemas) == ["z": ["Volume = AVolume", "Disk = AVolume"], "a": []])
    }

    /// A field that names a schema by its alias means that schema: a cycle through it is boxed; a name
    /// documented by a second schema only does not lead to that one.
    @Test func aCycleThroughAnAliasIsBoxedAndOnlyThroughItsTarget() {
        let schemas = [
            Schema(name: "A", fields: [Field(name: "next", type: .ref("Shared"))], documentedNames: ["Shared"]),
            Schema(name: "B", fields: [Field(name: "a", type: .ref("A"))], documentedNames: ["Shared"]),
        ]
        let models = ContextBuilder(access: "public", api: APIDescription(schemas: schemas)).models(resource: "R", schemas: schemas, header: "")
        let attributes = Dictionary(uniqueKeysWithValues: models.structs.flatMap { s in s.properties.map { ("\(s.name).\($0.name)", $0.attributes) } })
        #expect(attributes == ["A.next": "@Indirect ", "B.a": ""])
    }
}
