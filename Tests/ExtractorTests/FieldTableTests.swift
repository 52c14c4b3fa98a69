import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

@Suite struct FieldTableTests {
    func fields(_ markdown: String) -> ([Field], RecordingCollector) {
        let d = RecordingCollector()
        let blocks = MarkdownParser().parse(markdown, file: "f.md", diagnostics: d).blocks
        guard case .table(let t)? = blocks.first else { return ([], d) }
        return (FieldTable.fields(from: t, file: "f.md", diagnostics: d), d)
    }

    @Test func dottedNamesBuildNestedObjectsAndArrays() {
        let (f, d) = fields("""
        | Field | Type | Required | Description |
        |---|---|---|---|
        | `name` | string | ✓ |  |
        | `options` | object |  |  |
        | `options.order` | array of strings | ✓ |  |
        | `components` | array of objects |  |  |
        | `components.billing_type` | string | ✓ | <br>_Enum: `fixed`, `usage`_ |
        | `components.limits` | object |  |  |
        | `components.limits.a` | object |  |  |
        | `components.limits.a.b` | integer (int64) |  |  |
        | `free` | object (free-form) |  |  |
        """)
        #expect(d.diagnostics.isEmpty)
        #expect(f.map(\.name) == ["name", "options", "components", "free"])
        #expect(f[0].required)
        guard case .object(let options) = f[1].type else { Issue.record("options"); return }
        #expect(options == [Field(name: "order", type: .array(.string), required: true, provenance: options[0].provenance)])
        guard case .array(.object(let comps)) = f[2].type else { Issue.record("components"); return }
        #expect(comps[0].enumValues == ["fixed", "usage"])
        guard case .object(let limits) = comps[1].type, case .object(let a) = limits[0].type else { Issue.record("limits"); return }
        #expect(a[0].type == .primitive(.integer, format: "int64"))
        #expect(f[3].type == .map(.any))
    }

    @Test func missingParentIsCreatedWithAWarning() {
        let (f, d) = fields("| Field | Type |\n|---|---|\n| `a.b` | string |\n")
        #expect(f.map(\.name) == ["a"])
        #expect(d.diagnostics.count == 1)
        #expect(d.diagnostics.first?.location?.line == 3)
    }

    @Test func unknownTypeWarnsWithLocation() {
        let (f, d) = fields("| Field | Type |\n|---|---|\n| `a` | banana |\n")
        #expect(f.first?.type == .any)
        #expect(d.diagnostics.first?.description == "f.md:3:1: warning: unknown type 'banana' for field 'a'; using any")
    }

    @Test(arguments: [
        ("string (uuid)", TypeRef.primitive(.string, format: "uuid")),
        ("array of string (uri)s", .array(.primitive(.string, format: "uri"))),
        ("array of strings", .array(.string)),
        ("array of anys", .array(.any)),
        ("array of arrays", .array(.array(.any))),
        ("object (free-form)", .map(.any)),
        ("any", .any),
        ("integer (int64)", .primitive(.integer, format: "int64")),
        ("number (double)", .primitive(.number, format: "double")),
        ("string (decimal)", .primitive(.string, format: "decimal")),
        ("boolean", .boolean),
    ])
    func typeStrings(_ text: String, _ expected: TypeRef) {
        #expect(TypeString.parse(text).type == expected)
    }
}
