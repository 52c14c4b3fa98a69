import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Synthetic API Blueprint snippets, one construct each, read through the Markdown front end.
@Suite struct APIBlueprintTests {
    func read(_ text: String) throws -> (PageExtraction, RecordingCollector) {
        let diagnostics = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "api.apib", diagnostics: diagnostics)
        let page = try #require(APIBlueprintDialect().extract(doc, diagnostics: diagnostics))
        return (page, diagnostics)
    }

    func fields(_ t: TypeRef?) -> [String] {
        switch t {
        case .object(let f)?: return f.map(\.name)
        case .array(let i)?: return fields(i)
        default: return []
        }
    }

    func field(_ t: TypeRef?, _ name: String) -> Field? {
        switch t {
        case .object(let f)?: return f.first { $0.name == name }
        case .array(let i)?: return field(i, name)
        default: return nil
        }
    }

    @Test func recognisedByFormatOrBracketedHeadingsOnly() {
        let parse = { (t: String) in MarkdownParser().parse(t, file: "x.md", diagnostics: RecordingCollector()) }
        #expect(APIBlueprintDialect().recognise(parse("FORMAT: 1A\n\n# API\n")).claim == .blueprintFormat)
        #expect(APIBlueprintDialect().recognise(parse("# Notes [/notes]\n\n## List [GET]\n")).claim == .blueprintHeadings)
        #expect(APIBlueprintDialect().recognise(parse("# Users\n\n## List users\n\nGET /users\n")).claim == nil)
    }

    @Test func metadataResourcesActionsAndURITemplates() throws {
        let (page, _) = try read("""
        FORMAT: 1A
        HOST: https://api.example.com/v1

        # Notes API

        # Group Notes

        ## Note [/notes/{id}{?fields,tags*}{&page}]

        ### Retrieve a Note [GET]

        + Response 200 (application/json)

                {"id": 1, "title": "Buy milk"}

        ### Remove [DELETE /notes/{id}/trash]

        + Response 204

        ## Upload [PUT /files/{+path}]

        + Response 204

        # GET /message

        + Response 200 (text/plain)

                Hello
        """)
        #expect(page.baseURL == "https://api.example.com/v1")
        #expect(page.resource.title == "Notes API")
        #expect(page.operations.map { "\($0.method) \($0.path)" } == [
            "GET /notes/{id}", "DELETE /notes/{id}/trash", "PUT /files/{path}", "GET /message",
        ])
        let get = page.operations[0]
        #expect(get.parameters.map { "\($0.location.rawValue):\($0.name)" } == ["path:id", "query:fields", "query:tags", "query:page"])
        #expect(get.parameters[2].type == .array(.string))
        #expect(fields(get.responses.first?.type) == ["id", "title"])
        #expect(page.operations[1].responses.map(\.status) == ["204"])
    }

    @Test func parametersSectionTypesRequiredDefaultsAndMembers() throws {
        let (page, diagnostics) = try read("""
        # Notes [/notes/{id}{?limit,order}]

        + Parameters
            + id: `42` (number) - The note's id
            + limit: `10` (optional, number) - Most notes to return
                + Default: `20`
            + order (enum[string], optional)
                + Members
                    + `asc`
                    + `desc`
            + ghost (string) - not in the URI

        ## List [GET]

        + Response 204
        """)
        let op = try #require(page.operations.first)
        let byName = Dictionary(uniqueKeysWithValues: op.parameters.map { ($0.name, $0) })
        #expect(byName["id"]?.type == .number)
        #expect(byName["id"]?.required == true)
        #expect(byName["id"]?.description == "The note's id")
        #expect(byName["limit"]?.required == false)
        #expect(byName["order"]?.enumValues == ["asc", "desc"])
        #expect(byName["ghost"] == nil)
        #expect(diagnostics.diagnostics.contains { $0.message.contains("'ghost' is not found within the URI template") && $0.location?.line == 11 })
    }

    @Test func optionalPathVariablesAndEnumsOfNumbersAreAsDocumented() throws {
        let (page, _) = try read("""
        # User [/users/{id}]

        + Parameters
            + id: 23 (enum[number], optional) - Database ID
                + Members
                    + 23
                    + 42

        ## Retrieve [GET]

        + Response 204
        """)
        let id = try #require(page.operations.first?.parameters.first { $0.name == "id" })
        #expect(id.type == .number, "enum[number] is a number")
        #expect(id.required == false, "the model keeps what the blueprint says; Swift and OpenAPI still require path parameters")
    }

    @Test func msonAttributesDataStructuresInheritanceAndMixins() throws {
        let (page, _) = try read("""
        FORMAT: 1A

        # Coupons [/coupons]

        ## Create [POST]

        + Request (application/json)

            + Attributes (Coupon Base)

        + Response 201 (application/json)

            + Attributes (Coupon)

        ## List [GET]

        + Response 200 (application/json)

            + Attributes (array[Coupon])

        # Data Structures

        ## Coupon Base (object)
        + percent_off: 25 (number, required) - Discount
        + status (enum[string])
            + Members
                + active
                + expired
        + Include Audit

        ## Coupon (Coupon Base)
        + id: 250FF (string, required)
        + owner (object, nullable)
            + name: Ann
        + tags (array[string])

        ## Audit (object)
        + created: 1415203908 (number)
        """)
        let create = try #require(page.operations.first { $0.method == "POST" })
        #expect(create.requestBody?.documentedName == "Coupon Base")
        #expect(fields(create.requestBody?.type) == ["percent_off", "status", "created"])
        #expect(field(create.requestBody?.type, "percent_off")?.required == true)
        #expect(field(create.requestBody?.type, "status")?.enumValues == ["active", "expired"])
        let created = try #require(create.responses.first)
        #expect(created.documentedName == "Coupon")
        #expect(fields(created.type) == ["percent_off", "status", "created", "id", "owner", "tags"])
        #expect(field(created.type, "owner")?.nullable == true)
        #expect(fields(field(created.type, "owner")?.type) == ["name"])
        #expect(field(created.type, "tags")?.type == .array(.string))
        let list = try #require(page.operations.first { $0.method == "GET" })
        guard case .array? = list.responses.first?.type else { Issue.record("list is not an array"); return }
        #expect(fields(list.responses.first?.type).count == 6)
    }

    @Test func selfReferenceIsCutNotInfinite() throws {
        let (page, _) = try read("""
        # Nodes [/nodes]
        ## Get [GET]
        + Response 200 (application/json)
            + Attributes (Node)

        # Data Structures
        ## Node (object)
        + name (string)
        + children (array[Node])
        """)
        let t = page.operations.first?.responses.first?.type
        #expect(fields(t) == ["name", "children"])
        #expect(field(t, "children")?.type == .array(.map(.any)))
    }

    @Test func resourceModelReferencesSchemaAndBodyTyping() throws {
        let (page, diagnostics) = try read("""
        # Gist [/gists/{id}]

        + Model (application/json)

            + Body

                    {"id": "42", "content": "text"}

        ## Retrieve [GET]

        + Response 200

            [Gist][]

        ## Edit [PATCH]

        + Request (application/json)

            + Body

                    {"content": "new", "extra": 1}

            + Schema

                    {"type": "object", "required": ["content"], "properties": {"content": {"type": "string"}, "size": {"type": ["integer", "null"]}}}

        + Response 204
        """)
        let get = try #require(page.operations.first)
        #expect(fields(get.responses.first?.type) == ["id", "content"])
        #expect(get.responses.first?.documentedName == "Gist")
        let edit = try #require(page.operations.last)
        #expect(fields(edit.requestBody?.type) == ["content", "size"])
        #expect(field(edit.requestBody?.type, "content")?.required == true)
        #expect(field(edit.requestBody?.type, "size")?.nullable == true)
        #expect(diagnostics.diagnostics.contains { $0.severity == .warning && $0.message.contains("disagree") && $0.message.contains("extra") })
    }

    @Test func severalTransactionsFirstTypedBodyPerStatusWins() throws {
        let (page, _) = try read("""
        # Message [/message]
        ## Retrieve [GET]
        + Request Plain
            + Headers

                    Accept: text/plain

        + Response 200 (text/plain)

                Hello

        + Request JSON
            + Headers

                    Accept: application/json

        + Response 200 (application/json)

                {"message": "Hello"}
        """)
        let r = try #require(page.operations.first?.responses)
        #expect(r.map(\.status) == ["200"])
        #expect(fields(r.first?.type) == ["message"])
    }

    @Test func malformedBodyIsAWarningAtItsLine() throws {
        let (page, diagnostics) = try read("""
        # Things [/things]
        ## Create [POST]
        + Request (application/json)

                {"a": 1,
                 "b": }

        + Response 201
        """)
        #expect(page.operations.first?.requestBody == nil)
        let warning = try #require(diagnostics.diagnostics.first { $0.message.contains("body is not JSON") })
        #expect(warning.location?.file == "api.apib")
        #expect(warning.location?.line == 6)
    }
}
