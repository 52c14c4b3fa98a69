import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Fields the docs say are there only sometimes are optional, wherever the condition is written: a list
/// item's description (`Required if kind is http`), a table's Required cell (`Required when …`), a
/// paragraph under a name on its own line; and an example's elision member (`"etc": true`) is no field.
/// Synthetic snippets written for these tests, in the shapes of Synapse's admin API pages.
@Suite struct ConditionalFieldTests {
    func page(_ markdown: String) throws -> PageExtraction {
        let d = RecordingCollector()
        return try #require(DialectRegistry().extract(MarkdownParser().parse(markdown, file: "p.md", diagnostics: d), diagnostics: d), "\(d.diagnostics)")
    }

    func fields(_ type: TypeRef?) -> [String: Field] {
        switch type {
        case .object(let fs)?, .array(.object(let fs))?: return Dictionary(fs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        default: return [:]
        }
    }

    @Test func proseConditions() {
        #expect(ParameterTable.requiredFromProse("Required if `kind` is `http`. The URL to use.") == false)
        #expect(ParameterTable.requiredFromProse("Required when the room is public") == false)
        #expect(ParameterTable.requiredFromProse("Required. The user's id") == true)
        #expect(ParameterTable.requiredFromProse("Optional, the display name") == false)
        #expect(ParameterTable.requiredFromProse("Token for the next page, only present when there are more results") == false)
        #expect(ParameterTable.requiredFromProse("The URL; may be absent for remote media") == false)
        #expect(ParameterTable.requiredFromProse("The user's display name") == nil)
        // Table cells.
        #expect(ParameterTable.requiredValue("Required if type is card") == false)
        #expect(ParameterTable.requiredValue("yes, unless an id is given") == false)
        #expect(ParameterTable.requiredValue("Conditional") == false)
        #expect(ParameterTable.requiredValue("Required") == true)
        #expect(ParameterTable.requiredValue("yes") == true)
    }

    @Test func aConditionalListItemIsOptional() throws {
        let p = try page("""
        # Pushers

        `GET /users/{user_id}/pushers`

        **Parameters**

        - `user_id` - string - Required. The user.

        **Response**

        - `kind` - string - Required. The kind of pusher.
        - `url` - string - Required if `kind` is `http`. The URL to use to send notifications to.
        - `lang` - string - The preferred language.
        """)
        let f = fields(p.operations.first?.responses.first?.type)
        #expect(f["kind"]?.required == true, "\(f)")
        #expect(f["url"]?.required == false, "\(f)")
        #expect(f["lang"]?.required == false, "\(f)")
    }

    @Test func aConditionalTableCellIsOptional() throws {
        let p = try page("""
        # Payments

        `POST /payments`

        | Name | Type | Required | Description |
        |---|---|---|---|
        | amount | integer | yes | The amount |
        | card | string | required if method is card | The card token |
        """)
        let f = fields(p.operations.first?.requestBody?.type)
        #expect(f["amount"]?.required == true, "\(f)")
        #expect(f["card"]?.required == false, "\(f)")
    }

    @Test func anElisionMemberIsNoField() throws {
        let t = ExampleTypes.infer([.array([.object([("type", .string("m.room.create")), ("etc", .bool)]),
                                            .object([("type", .string("m.room.name")), ("...", .string("..."))])])])
        guard case .array(.object(let fs)) = t else { Issue.record("\(t)"); return }
        #expect(fs.map(\.name) == ["type"])
    }
}
