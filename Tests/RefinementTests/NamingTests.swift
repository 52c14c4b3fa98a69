import APIModel
import DocTree
import Refinement
import Testing

@Suite struct NamingTests {
    @Test func identifiers() {
        #expect(Naming.typeName("call-assignment configurations") == "CallAssignmentConfigurations")
        #expect(Naming.memberName("call_uuid") == "callUuid")
        #expect(Naming.memberName("URL") == "url")
        #expect(Naming.memberName("2fa_enabled") == "_2faEnabled")
        #expect(Naming.escaped("default") == "`default`")
        #expect(Naming.typeName("self") == "Self" + "Type")
        #expect(Naming.singular("Policies") == "Policy")
        #expect(Naming.singular("Configurations") == "Configuration")
        #expect(Naming.singular("Status") == "Status")
        #expect(Naming.singular("Statuses") == "Status")
        #expect(Naming.singular("Aliases") == "Alias")
        #expect(Naming.singular("Causes") == "Cause")
        #expect(Naming.singular("Buses") == "Bus")
    }

    /// The one-pass ASCII naming agrees with joining `Naming.words` (the definition) on every
    /// string of a deterministic sample: separators, digits, case changes, acronyms, empty words.
    @Test func asciiNamesAgreeWithWords() {
        func capitalized(_ w: String) -> String { w.prefix(1).uppercased() + w.dropFirst() }
        func referenceMember(_ s: String) -> String {
            let w = Naming.words(s)
            guard let first = w.first else { return "value" }
            let lowered = first.contains(where: \.isLowercase) ? first.prefix(1).lowercased() + first.dropFirst() : first.lowercased()
            let name = lowered + w.dropFirst().map(capitalized).joined()
            return name.first!.isNumber ? "_" + name : name
        }
        func referenceType(_ s: String) -> String {
            var name = Naming.words(s).map(capitalized).joined()
            if name.isEmpty { name = "Unnamed" }
            if name.first!.isNumber { name = "_" + name }
            return Naming.reservedTypeNames.contains(name) ? name + "Type" : name
        }
        let pieces = ["a", "B", "url", "URL", "Id", "2", "9x", "_", "-", " ", ".", "{", "uuid", "HTTPServer", "v2", "ABC1d", "xY"]
        var seed: UInt64 = 0x9E3779B97F4A7C15
        var samples = ["", "___", "2fa_enabled", "call_uuid", "URLValue", "self", "type"]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<(Int(seed % 5) + 1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(seed >> 33) % pieces.count]
            }
            samples.append(s)
        }
        for s in samples {
            #expect(Naming.memberName(s) == referenceMember(s), "memberName(\(s.debugDescription))")
            #expect(Naming.typeName(s) == referenceType(s), "typeName(\(s.debugDescription))")
        }
    }

    /// Routes sharing a prefix must agree on parameter names (Hummingbird traps on
    /// `/customers/{customer_uuid}` beside `/customers/{uuid}`): names become positions.
    @Test func routeParametersAreNamedByPosition() {
        let a = PathTemplate.positional("/api/customers/{uuid}/")
        let b = PathTemplate.positional("/api/customers/{customer_uuid}/users/{user_id}.json")
        #expect(a.path == "/api/customers/{p3}/")
        #expect(b.path == "/api/customers/{p3}/users/{p5}.json")
        #expect(a.slots == ["uuid": "p3"])
        #expect(b.slots == ["customer_uuid": "p3", "user_id": "p5"])
        let two = PathTemplate.positional("/files/{name}.{ext}")
        #expect(two.path == "/files/{p2}.{p2_2}")
        #expect(two.slots == ["name": "p2", "ext": "p2_2"])
        #expect(PathTemplate.positional("/api/health/").path == "/api/health/")
    }

    func page(_ file: String, title: String, _ ops: [Operation]) -> PageExtraction {
        PageExtraction(resource: Resource(name: file, title: title), operations: ops, dialect: "test", reason: "")
    }

    let shape: [Field] = [Field(name: "uuid", type: .primitive(.string, format: "uuid")), Field(name: "name", type: .string)]

    @Test func identicalShapesBecomeOneNamedType() {
        let ops = [
            Operation(id: "users_list", resource: "u.md", method: "GET", path: "/api/users/",
                      responses: [Response(status: "200", type: .array(.object(shape)))]),
            Operation(id: "users_retrieve", resource: "u.md", method: "GET", path: "/api/users/{uuid}/",
                      responses: [Response(status: "200", type: .object(shape))]),
        ]
        let api = Assembler().assemble([page("u.md", title: "Users", ops)], diagnostics: RecordingCollector())
        #expect(api.schemas.map(\.name) == ["User"])
        #expect(api.operations.map { $0.responses[0].type } == [.array(.ref("User")), .ref("User")])
        #expect(api.operations.map(\.swiftName) == ["usersList", "usersRetrieve"])
    }

    /// Two operations a router cannot tell apart: a warning at the second, which the server leaves unrouted.
    @Test func routesThatDifferOnlyInParameterNamesAreReported() {
        let ops = [
            Operation(id: "nested_items_list", resource: "p.md", method: "GET", path: "/api/profiles/{profile_uuid}/items/"),
            Operation(id: "profiles_items_list", resource: "p.md", method: "GET", path: "/api/profiles/{uuid}/items/"),
            Operation(id: "profiles_items_create", resource: "p.md", method: "POST", path: "/api/profiles/{uuid}/items/"),
        ]
        let diagnostics = RecordingCollector()
        let api = Assembler().assemble([page("p.md", title: "Profiles", ops)], diagnostics: diagnostics)
        #expect(PathTemplate.shadowedRoutes(api.operations).count == 1)
        let warnings = diagnostics.sorted.map(\.message)
        #expect(warnings == ["GET /api/profiles/{uuid}/items/ answers the same requests as GET /api/profiles/{profile_uuid}/items/; a generated server routes them to the first"])
        // A router drops empty segments: a trailing slash is the same route (Hummingbird traps on the second).
        let slashes = [
            Operation(id: "fields", resource: "f.md", method: "GET", path: "/api/v1/sm/fields"),
            Operation(id: "fields_slash", resource: "f.md", method: "GET", path: "/api/v1/sm/fields/"),
            Operation(id: "field", resource: "f.md", method: "GET", path: "/api/v1/sm/fields/{name}"),
        ]
        let other = Assembler().assemble([page("f.md", title: "Fields", slashes)], diagnostics: RecordingCollector())
        #expect(PathTemplate.shadowedRoutes(other.operations).count == 1)
    }

    @Test func responseNamedFromTheSDKBodyAndPatchedBodyKeptAsAlias() {
        let body = [Field(name: "name", type: .string)]
        let ops = [
            Operation(id: "things_create", resource: "t.md", method: "POST", path: "/api/things/",
                      requestBody: RequestBody(required: true, type: .object(body), documentedName: "ThingRequest"),
                      responses: [Response(status: "201", type: .object(shape))]),
            Operation(id: "things_partial_update", resource: "t.md", method: "PATCH", path: "/api/things/{uuid}/",
                      requestBody: RequestBody(required: false, type: .object(body), documentedName: "PatchedThingRequest"),
                      responses: [Response(status: "200", type: .object(shape))]),
        ]
        let api = Assembler().assemble([page("t.md", title: "Things", ops)], diagnostics: RecordingCollector())
        #expect(api.schemas.map(\.name) == ["Thing", "ThingRequest"])
        #expect(api.schema(named: "ThingRequest")?.documentedNames == ["PatchedThingRequest"])
    }

    @Test func nestedObjectsAndEnumsAreNamedAfterParentAndField() {
        let nested: [Field] = [
            Field(name: "limits", type: .object([Field(name: "cpu", type: .integer)])),
            Field(name: "state", type: .string, enumValues: ["ok", "erred"]),
        ]
        let ops = [Operation(id: "vms_retrieve", resource: "v.md", method: "GET", path: "/api/vms/{uuid}/",
                             responses: [Response(status: "200", type: .object(nested))])]
        let api = Assembler().assemble([page("v.md", title: "Vms", ops)], diagnostics: RecordingCollector())
        #expect(Set(api.schemas.map(\.name)) == ["Vm", "VmLimit", "State"])
        #expect(api.schema(named: "State")?.enumValues == ["ok", "erred"])
    }

    @Test func namesDifferingOnlyInCaseAreMadeDistinct() {
        let a = [Operation(id: "a", resource: "a.md", method: "GET", path: "/a/", responses: [Response(status: "200", type: .object([Field(name: "x", type: .string)]))])]
        let b = [Operation(id: "A", resource: "b.md", method: "GET", path: "/b/", responses: [Response(status: "200", type: .object([Field(name: "y", type: .string)]))])]
        let api = Assembler().assemble([page("a.md", title: "Items", a), page("b.md", title: "items", b)], diagnostics: RecordingCollector())
        let lowered = api.schemas.map { $0.name.lowercased() }
        #expect(Set(lowered).count == lowered.count)
        #expect(Set(api.resources.map { $0.name.lowercased() }).count == 2)
        #expect(Set(api.operations.map { $0.swiftName.lowercased() }).count == 2)
    }

    @Test func duplicateOperationKeepsTheFirstAndWarns() {
        let op = Operation(id: "x", resource: "a.md", method: "GET", path: "/x/", provenance: SourceLocation(file: "a.md", line: 3))
        var op2 = op
        op2.provenance = SourceLocation(file: "b.md", line: 9)
        let d = RecordingCollector()
        let api = Assembler().assemble([page("a.md", title: "A", [op]), page("b.md", title: "B", [op2])], diagnostics: d)
        #expect(api.operations.count == 1)
        #expect(d.diagnostics.first?.location?.file == "b.md")
    }
}
