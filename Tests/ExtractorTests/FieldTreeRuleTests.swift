import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// `FieldTree`'s one rule for a documented field's type against an example's (issue 28: one builder
/// decides it for every reader). Synthetic snippets written for these tests.
@Suite struct FieldTreeRuleTests {
    @Test func reconcileRules() {
        // The example fills what the documentation leaves open.
        #expect(FieldTree.reconcile(declared: .array(.any), example: .array(.string), description: "").0 == .array(.string))
        #expect(FieldTree.reconcile(declared: .map(.any), example: .object([Field(name: "a", type: .integer)]), description: "").1 == nil)
        // A declared primitive contradicted by an example object is a doc typo: the example wins, reported.
        let object = TypeRef.object([Field(name: "id", type: .integer, required: false)])
        let (typo, conflict) = FieldTree.reconcile(declared: .string, example: object, description: "")
        #expect(typo == object)
        #expect(conflict == .container(declared: .string, exampleIsObject: true))
        // Two different primitives keep the declared one, reported; an integer shown for a number is no conflict.
        let (kept, mismatch) = FieldTree.reconcile(declared: .string, example: .integer, description: "")
        #expect(kept == .string)
        #expect(mismatch == .primitive(declared: .string, example: .integer))
        #expect(FieldTree.reconcile(declared: .number, example: .integer, description: "").1 == nil)
        // An `object` documented without members, shown as an array of objects: the example's items, members and all;
        // one documented with members keeps them as the items.
        let items = TypeRef.array(object)
        #expect(FieldTree.reconcile(declared: .object([]), example: items, description: "") == (items, nil))
        let documented = TypeRef.object([Field(name: "name", type: .string, required: true)])
        #expect(FieldTree.reconcile(declared: documented, example: items, description: "").0 == .array(documented))
    }

    /// The generic reader's tables meet the same rule as Sphinx's field lists, with the same warning.
    @Test func genericTableContradictedByExampleWarnsOnce() throws {
        let d = RecordingCollector()
        let doc = MarkdownParser().parse("""
        # Pets

        ## Get a pet

        `GET /pets/{id}`

        ### Response

        | Field | Type | Description |
        |---|---|---|
        | name | string | The name |
        | owner | string | The owner |

        ```json
        {"name": "Rex", "owner": {"id": 1}}
        ```
        """, file: "p.md", diagnostics: d)
        let page = try #require(DialectRegistry().extract(doc, diagnostics: d), "\(d.diagnostics)")
        let op = try #require(page.operations.first)
        let ok = try #require(op.responses.first { $0.isSuccess })
        guard case .object(let fields)? = ok.type, let owner = fields.first(where: { $0.name == "owner" }) else {
            Issue.record("\(String(describing: ok.type))"); return
        }
        guard case .object(let members) = owner.type else { Issue.record("owner: \(owner.type)"); return }
        #expect(members.map(\.name) == ["id"])
        let warnings = d.diagnostics.map(\.message).filter { $0.contains("'owner' is declared string here") }
        #expect(warnings.count == 1, "\(d.diagnostics)")
    }

    // MARK: Nesting (`FieldTree.nest`, the one rule every reader's dotted names go through)

    static func shape(_ fields: [Field]) -> String {
        fields.map { f in
            switch f.type {
            case .object(let m): return f.name + "{" + shape(m) + "}"
            case .array(.object(let m)): return f.name + "[{" + shape(m) + "}]"
            default: return f.name
            }
        }.joined(separator: " ")
    }

    static func field(_ name: String, _ type: TypeRef = .string, _ description: String = "") -> Field {
        Field(name: name, type: type, required: false, description: description)
    }

    @Test(arguments: [("a.b", "a{b}"), ("a[].b", "a[{b}]"), ("a[0].b", "a[{b}]"), ("a.*.b", "a[{b}]")])
    func eachNestingFormWithAParentNobodyDocuments(_ name: String, _ expected: String) {
        #expect(Self.shape(FieldTree.nest([Self.field("x"), Self.field(name), Self.field(name.replacing(".b", with: ".c"))]))
                == "x " + expected.replacing("b}", with: "b c}"))
    }

    @Test(arguments: ["a.b", "a[].b", "a[0].b", "a.*.b"])
    func aParentDocumentedBeforeOrAfterItsMembersKeepsItsDocumentationAndTheMembers(_ name: String) {
        let isItems = name != "a.b"
        let parent = Self.field("a", isItems ? .array(.any) : .map(.any), "the parent")
        for fields in [[parent, Self.field(name)], [Self.field(name), parent]] {
            let nested = FieldTree.nest(fields)
            #expect(Self.shape(nested) == (isItems ? "a[{b}]" : "a{b}"), "\(fields.map(\.name))")
            #expect(nested.first?.description == "the parent", "\(fields.map(\.name))")
        }
    }

    @Test func deeperNamesAndLeafBrackets() {
        let nested = FieldTree.nest([Self.field("data.items[].owner.id"), Self.field("data.items[].name"), Self.field("tags[]", .array(.string))])
        #expect(Self.shape(nested) == "data{items[{owner{id} name}]} tags")
    }

    /// The table readers' documented names nest by the same rule (`FieldTree.build`).
    @Test func documentedNamesNestByTheSameRule() {
        func n(_ name: String, _ type: TypeRef = .string, _ d: String = "") -> DocumentedName {
            DocumentedName(name: name, type: type, required: nil, location: nil, description: d, line: 1)
        }
        let built = FieldTree.build([n("items[].id"), n("items", .array(.any), "the items"), n("meta.*.k"), n("items[].id")], file: "p.md")
        #expect(Self.shape(built) == "items[{id}] meta[{k}]")
        #expect(built.first?.description == "the items")
    }
}
