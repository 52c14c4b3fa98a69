import APIModel
import Docs2SwiftCore
import DocTree
import Extractors
import Foundation
import Testing
import TextFrontEnd

@Suite struct SphinxSeedTests {
    func extract(_ seed: String) throws -> (PageExtraction, RecordingCollector) {
        let path = repoRoot.appendingPathComponent("input-docs").appendingPathComponent(seed).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let d = RecordingCollector()
        let doc = PlainTextParser().parse(text, file: seed, diagnostics: d)
        let sphinx = try #require(SphinxHTTPDialect().recognise(doc).claim)
        #expect(MkDocsReferenceDialect().recognise(doc).claim.map { sphinx < $0 } ?? true)
        return (try #require(SphinxHTTPDialect().extract(doc, diagnostics: d)), d)
    }

    @Test(arguments: [("002_4b0fdfcb1b9cceb0.txt", 6), ("003_82296e3254801fce.txt", 6), ("004_28c26406ab681704.txt", 27)])
    func operationCounts(_ seed: String, _ count: Int) throws {
        let (page, _) = try extract(seed)
        #expect(page.operations.count == count)
        #expect(Set(page.operations.map { $0.method + " " + $0.path }).count == count)
    }

    @Test func pathParametersAreNamedFromTheSignatures() throws {
        var names: Set<String> = []
        for seed in ["002_4b0fdfcb1b9cceb0.txt", "003_82296e3254801fce.txt", "004_28c26406ab681704.txt"] {
            for op in try extract(seed).0.operations { names.formUnion(op.parameters.filter { $0.location == .path }.map(\.name)) }
        }
        #expect(names == ["tenant_id", "group_id", "user_id", "instance_name", "call_capacity_name", "route_point_user_id"])
    }

    @Test func callCapacityTypesMergeExamplesFieldListsAndTheAttributeTable() throws {
        let (page, d) = try extract("003_82296e3254801fce.txt")
        let get = try #require(page.operations.first { $0.method == "GET" && $0.path.hasSuffix("{call_capacity_name}/") })
        guard case .object(let fields)? = get.responses.first?.type else { Issue.record("no object response"); return }
        #expect(fields.first { $0.name == "name" }?.required == true)  // (Always)
        guard case .array(.object(let user))? = fields.first(where: { $0.name == "users" })?.type else { Issue.record("users is not [User]"); return }
        #expect(Set(user.map(\.name)).isSuperset(of: ["userId", "firstName", "lastName", "department", "extension", "phoneNumber", "emailAddress"]))
        let users = try #require(page.operations.first { $0.path.hasSuffix("available_users/") })
        guard case .object(let top)? = users.responses.first?.type, case .array(.object(let items))? = top.first?.type,
              case .object(let department)? = items.first(where: { $0.name == "department" })?.type else {
            Issue.record("available users: no nested department object"); return
        }
        #expect(department.map(\.name) == ["tenantId", "groupId", "departmentName", "fullPathName"])
        let create = try #require(page.operations.first { $0.method == "POST" })
        guard case .object(let body)? = create.requestBody?.type else { Issue.record("no body"); return }
        #expect(body.filter(\.required).map(\.name) == ["name", "isDefault", "maxCalls"])
        #expect(create.authorization == "minimum Group Admin")
        #expect(create.responses.map(\.status) == ["201"])
        // The missing comma in the GET example is repaired, with a warning at its line.
        #expect(d.diagnostics.contains { $0.message.contains("missing comma") && $0.location?.line == 52 })
    }

    @Test func docDefectsAreReconciledAndReported() throws {
        let (page, d) = try extract("004_28c26406ab681704.txt")
        let warnings = d.diagnostics.filter { $0.severity == .warning }
        // Overflow PUT: the example points elsewhere; the signature is kept.
        #expect(warnings.contains { $0.location?.line == 61 && $0.message.contains("instance_statistics_reporting") && $0.message.contains(":68:") })
        #expect(page.operations.contains { $0.method == "PUT" && $0.path.hasSuffix("/overflow/") })
        // `route_poi,nts` is a typo of the example's `route_points`.
        #expect(warnings.contains { $0.location?.line == 358 && $0.message.contains("route_poi,nts") })
        #expect(!page.operations.contains { $0.path.contains(",") })
        // disposition_codes_config PUT: the example and the GET agree on /services/route_points/.
        #expect(warnings.contains { $0.location?.line == 549 && $0.message.contains("call_centers") })
        #expect(page.operations.filter { $0.path.hasSuffix("/services/route_points/{route_point_user_id}/disposition_codes_config/") }.count == 2)
        // Declared boolean, example object.
        #expect(warnings.contains { $0.location?.line == 543 && $0.message.contains("defaultCallDispositionCode") })
        let config = try #require(page.operations.first { $0.method == "GET" && $0.path.hasSuffix("disposition_codes_config/") })
        guard case .object(let fields)? = config.responses.first?.type else { Issue.record("no response"); return }
        guard case .object = fields.first(where: { $0.name == "defaultCallDispositionCode" })?.type else { Issue.record("not an object"); return }
        // Enum values in prose, sub-error codes, "use null to remove" on the PUT body.
        let ringing = try #require(page.operations.first { $0.method == "GET" && $0.path.hasSuffix("distinctive_ringing/") })
        guard case .object(let rf)? = ringing.responses.first?.type else { Issue.record("no ringing response"); return }
        #expect(rf.first { $0.name == "ringPatternForRoutePoint" }?.enumValues == ["Normal", "Long-Long", "Short-Short-Long", "Short-Long-Short"])
        let dnisCreate = try #require(page.operations.first { $0.method == "POST" && $0.path.hasSuffix("/dnis/") })
        #expect(dnisCreate.errorCodes.first == ErrorCode(status: "400", code: "11", name: "ALREADY_EXISTS",
                                                         description: "Duplicate name. The specified DNIS name is already being used by another DNIS instance."))
        let put = try #require(page.operations.first { $0.method == "PUT" && $0.path.hasSuffix("disposition_codes_config/") })
        guard case .object(let pf)? = put.requestBody?.type else { Issue.record("no PUT body"); return }
        #expect(pf.first { $0.name == "defaultCallDispositionCode" }?.nullable == true)
    }

    @Test func selectiveCallAcceptanceExamplesAreRepairedAndTyped() throws {
        let (page, d) = try extract("002_4b0fdfcb1b9cceb0.txt")
        #expect(d.diagnostics.filter { $0.message.contains("missing comma") }.map { $0.location?.line } == [150, 193])
        let create = try #require(page.operations.first { $0.method == "POST" })
        guard case .object(let body)? = create.requestBody?.type,
              case .object(let criteria)? = body.first(where: { $0.name == "fromDnCriteria" })?.type else { Issue.record("no body"); return }
        #expect(criteria.map(\.name) == ["selection", "includeAnonymousCallers", "includeUnavailableCallers", "phoneNumbers"])
        #expect(criteria.first { $0.name == "phoneNumbers" }?.type == .array(.string))
    }
}

@Suite struct TolerantJSONTests {
    func parse(_ s: String) throws -> (JSONNode, [TolerantJSON.Repair]) {
        var p = TolerantJSON(Substring(s))
        let (v, _) = try p.parseValue()
        return (v, p.repairs)
    }

    @Test func repairsOnlyWhatIsUnambiguous() throws {
        let (v, repairs) = try parse("{\"a\": \"Any\"\n \"b\": 5 \"c\": [1, null,], “d”: “x”}")
        #expect(v == .object([("a", .string("Any")), ("b", .integer), ("c", .array([.integer, .null])), ("d", .string("x"))]))
        #expect(repairs.map(\.message).filter { $0.contains("missing comma") }.count == 2)
        #expect(repairs.contains { $0.message.contains("trailing comma") })
        #expect(repairs.contains { $0.message.contains("curly quotes") })
    }

    @Test(arguments: ["{\"a\": }", "{\"a\" 1}", "[1, 2", "{\"a\": \"unterminated}", "{a: 1}"])
    func neverInventsAValue(_ text: String) {
        #expect(throws: TolerantJSON.Failure.self) { _ = try parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: TolerantJSON.Failure.self) { _ = try parse(deep) }
    }

    @Test func typesFromSeveralExamples() {
        let t = ExampleTypes.infer([.object([("a", .integer), ("b", .string("2024-01-02T10:00:00Z"))]),
                                    .object([("a", .double), ("c", .null)])])
        #expect(t == .object([
            // Present in every example, still optional: an example does not say a field is always there.
            Field(name: "a", type: .primitive(.number, format: "double")),
            Field(name: "b", type: .primitive(.string, format: "date-time")),
            Field(name: "c", type: .any, nullable: true),
        ]))
    }
}

@Suite struct MkDocsTextRenderingTests {
    /// The model without provenance and examples (what a text rendering cannot keep).
    func comparable(_ seed: String) throws -> APIDescription {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var api = GeneratorPipeline().model(from: ["input-docs/" + seed], diagnostics: RecordingCollector()).api
        api.resources = api.resources.map { Resource(name: $0.name, title: $0.title) }
        api.operations = api.operations.map { op in
            var op = op
            op.provenance = nil
            op.examples = []
            op.parameters = op.parameters.map { var p = $0; p.provenance = nil; return p }
            op.requestBody?.provenance = nil
            op.responses = op.responses.map { var r = $0; r.provenance = nil; return r }
            return op
        }
        api.schemas = api.schemas.map { s in
            var s = s
            s.provenance = nil
            s.fields = s.fields.map { var f = $0; f.provenance = nil; return f }
            return s
        }
        return api
    }

    @Test func seed001GivesTheSameModelAsSeed000() throws {
        let markdown = try comparable("000_c829d6fb4bacecba.txt")
        let text = try comparable("001_4526d9160a0dee7e.txt")
        #expect(markdown.operations.count == 6)
        #expect(text == markdown)
    }
}

@Suite struct HTMLRenderingTests {
    /// Rendered with the real tools (scripts/render-seed-html): mkdocs-material for 000, Sphinx +
    /// sphinxcontrib-httpdomain 1.8.1 for 002–004. Each must give the model of its text seed.
    @Test(arguments: ["000_c829d6fb4bacecba", "002_4b0fdfcb1b9cceb0", "003_82296e3254801fce", "004_28c26406ab681704"])
    func htmlRenderingGivesTheSameModelAsTheTextSeed(_ seed: String) throws {
        let t = MkDocsTextRenderingTests()
        let html = try t.comparable(seed + ".html"), text = try t.comparable(seed + ".txt")
        #expect(!html.operations.isEmpty)
        #expect(html == text)
    }
}
