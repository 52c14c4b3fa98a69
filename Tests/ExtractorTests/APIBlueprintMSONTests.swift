import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Snippets for the MSON and outline rules the drafter fixtures called for: types at the level of
/// `# Data Structures`, heading-form type sections, `Attribute`, lower-case `response`, keywords
/// that are members, escaped and variable property names, arrays of several object types.
@Suite struct APIBlueprintMSONTests {
    func read(_ text: String) throws -> (PageExtraction, RecordingCollector) {
        let diagnostics = RecordingCollector()
        let doc = MarkdownParser().parse(text, file: "api.apib", diagnostics: diagnostics)
        let page = try #require(APIBlueprintDialect().extract(doc, diagnostics: diagnostics))
        return (page, diagnostics)
    }

    func response(_ text: String) throws -> TypeRef? {
        try read(text).0.operations.first?.responses.first?.type
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

    @Test func typesAtTheLevelOfDataStructuresAndHeadingSections() throws {
        let t = try response("""
        # GET /
        + Response 200 (application/json)
            + Attributes (A)

        # Data Structures

        # A (object)
        - id: 1
        - b (B)

        # B
        ### Properties
        - name: Ann
        ### Sample
        - ignored: 1
        """)
        #expect(fields(t) == ["id", "b"])
        #expect(fields(field(t, "b")?.type) == ["name"])
    }

    @Test func singularAttributeAndLowerCaseResponse() throws {
        let t = try response("""
        # GET /
        - response 200 (application/json)
            - Attribute
                - a (array[string])
        """)
        #expect(fields(t) == ["a"])
        // Prose that starts with the word stays prose.
        let (page, _) = try read("""
        # Notes [/notes]
        ## List [GET]
        + response times are logged
        + Response 200
        """)
        #expect(page.operations.first?.responses.map(\.status) == ["200"])
    }

    @Test func keywordsWithAttributesOrInBackticksAreMembers() throws {
        let t = try response("""
        # GET /
        + Response 200 (application/json)
            + Attributes
                - items (object, required)
                    - count: 1
                - `Properties`: yes
                - Properties
                    - `some:location`: local (string)
        """)
        #expect(fields(t) == ["items", "Properties", "some:location"])
        #expect(field(t, "items")?.required == true)
        #expect(fields(field(t, "items")?.type) == ["count"])
        #expect(field(t, "some:location")?.type == .string)
    }

    @Test func variablePropertyNames() throws {
        let t = try response("""
        # GET /
        + Response 200 (application/json)
            + Attributes
                - *direct*: v1
                - *str (string)*: v2
                - *(Key)*: k1
        # Data Structures
        ## Key (string)
        """)
        // A variable name that is only a type (`*(Key)*`) names no member.
        #expect(fields(t) == ["direct", "str"])
    }

    @Test func arrayOfSeveralObjectTypesIsOneObjectOfTheirMembers() throws {
        let t = try response("""
        # GET /
        + Response 200 (application/json)
            + Attributes (array[User, Org])
        # Data Structures
        ## User
        + id: 1 (number, required)
        + username: ann (required)
        ## Org
        + id: 2 (number, required)
        + name: Apiary
        """)
        guard case .array? = t else { Issue.record("not an array: \(String(describing: t))"); return }
        #expect(fields(t) == ["id", "username", "name"])
        #expect(field(t, "id")?.required == true)
        #expect(field(t, "username")?.required == false)
    }

    @Test func attributesWhoseOnlyItemIsANamelessValueAreThatValue() throws {
        let t = try response("""
        # GET /metrics
        + Response 200
            + Attributes
                + (array)
                    + (object)
                        + id: clicks (string)
                        + name: Clicks (string)
        """)
        guard case .array? = t else { Issue.record("not an array: \(String(describing: t))"); return }
        #expect(fields(t) == ["id", "name"])
    }
}
