import Docs2SwiftCore
import Testing

/// A model that contains itself by value (directly, or through other models) gets `@Indirect` on the
/// fields that close the cycle, and only there: arrays, maps and fields leading out of the cycle stay plain.
@Suite struct IndirectFieldTests {
    /// `schema.field` → its attributes, for every struct property of `schemas`.
    func attributes(_ schemas: [Schema]) -> [String: String] {
        let api = APIDescription(schemas: schemas)
        let models = ContextBuilder(access: "public", api: api).models(resource: "R", schemas: schemas, header: "")
        var out: [String: String] = [:]
        for s in models.structs { for p in s.properties { out["\(s.name).\(p.name)"] = p.attributes } }
        return out
    }

    @Test func selfAndMutualCyclesAreBoxedAndNothingElse() {
        let schemas = [
            Schema(name: "Node", fields: [Field(name: "next", type: .ref("Node")), Field(name: "all", type: .array(.ref("Node"))),
                                          Field(name: "byName", type: .map(.ref("Node"))), Field(name: "leaf", type: .ref("Leaf"))]),
            Schema(name: "Leaf", fields: [Field(name: "name", type: .string, required: true)]),
            // A → B → C → A, all required: no finite value, but it must still compile.
            Schema(name: "A", fields: [Field(name: "b", type: .ref("B"), required: true), Field(name: "leaf", type: .ref("Leaf"))]),
            Schema(name: "B", fields: [Field(name: "c", type: .ref("C"), required: true)]),
            Schema(name: "C", fields: [Field(name: "a", type: .ref("A"), nullable: true), Field(name: "node", type: .ref("Node"))]),
            Schema(name: "Kind", kind: .enumeration, enumValues: ["x"]),
            Schema(name: "UsesKind", fields: [Field(name: "kind", type: .ref("Kind")), Field(name: "missing", type: .ref("Nowhere"))]),
        ]
        #expect(attributes(schemas) == [
            "Node.next": "@Indirect ", "Node.all": "", "Node.byName": "", "Node.leaf": "",
            "Leaf.name": "",
            "A.b": "@Indirect ", "A.leaf": "", "B.c": "@Indirect ", "C.a": "@Indirect ", "C.node": "",
            "UsesKind.kind": "", "UsesKind.missing": "",
        ])
    }

    @Test func theDeclarationCarriesTheAttribute() throws {
        let schemas = [Schema(name: "Node", fields: [Field(name: "next", type: .ref("Node"))])]
        let models = ContextBuilder(access: "public", api: APIDescription(schemas: schemas)).models(resource: "R", schemas: schemas, header: "")
        let property = try #require(models.structs.first?.properties.first)
        #expect(property.statements.declaration == "@Indirect public var next: Node?")
        #expect(property.statements.decode == "self.next = try fields.optional(\"next\")")
    }

    /// A chain of 100,000 models, each holding the next, and one edge back to the start: one cycle
    /// through all of them (the search must not recurse per model).
    @Test func aLongCycleIsFoundWithoutDeepRecursion() {
        let n = 100_000
        let schemas = (0..<n).map { i in Schema(name: "M\(i)", fields: [Field(name: "next", type: .ref("M\((i + 1) % n)"))]) }
        let found = attributes(schemas)
        #expect(found.count == n && found.values.allSatisfy { $0 == "@Indirect " })
    }
}
