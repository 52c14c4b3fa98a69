import APIModel
import DocTree
import Testing

/// Element digests (`ElementDigests`, mixed by hand in `ElementDigestLayouts.swift`): changing any
/// stored property of a resource, operation, schema or any type they hold changes the digest, so a
/// regeneration never reuses a file or a model JSON text built from a different element. Each type's
/// list of mutations names every stored property: a property added to a model type fails here until
/// it is mutated below, and then until the digest mixes it.
@Suite struct ElementDigestTests {
    static let here = SourceLocation(file: "docs/users.md", line: 12, column: 3, section: "GET /users/{id}")
    static let field = Field(name: "id", type: .primitive(.string, format: "uuid"), required: true, nullable: true, readOnly: true,
                             description: "The id.", enumValues: ["a", "b"], provenance: here)
    static let parameter = Parameter(name: "id", location: .path, type: .string, required: true, description: "The id.",
                                     enumValues: ["a"], provenance: here, example: "42")
    static let body = RequestBody(contentType: "application/json", required: true, type: .ref("User"), documentedName: "UserRequest",
                                  provenance: here)
    static let response: Response = {
        var r = Response(status: "200", description: "OK", contentType: "application/json", type: .ref("User"), provenance: here)
        r.documentedName = "User"
        return r
    }()
    static let errorCode = ErrorCode(status: "404", code: "not_found", name: "NotFound", description: "No such user.")
    static let example = Example(kind: "request", language: "http", text: "GET /users/42", provenance: here)
    static let operation = Operation(id: "getUser", swiftName: "getUser", resource: "users", method: "GET", path: "/users/{id}",
                                     summary: "Get a user", description: "One user.", parameters: [parameter], requestBody: body,
                                     responses: [response], errorCodes: [errorCode], authorization: "bearer", examples: [example],
                                     provenance: here)
    static let schema = Schema(name: "User", kind: .object, fields: [field], enumValues: ["x"], description: "A user.",
                               resource: "users", documentedNames: ["User"], provenance: here)
    static let resource = Resource(name: "users", title: "Users", description: "People.", provenance: here)

    /// Each mutation changes the value and its digest; the mutations name every stored property.
    static func expectEachChanges<T: ElementDigestible & Equatable>(_ base: T, _ mutations: [String: (inout T) -> Void]) {
        let labels = Set(Mirror(reflecting: base).children.compactMap(\.label))
        #expect(labels == Set(mutations.keys), "\(T.self)'s stored properties are not all mutated here (nor, perhaps, digested)")
        var h = ElementHasher()
        base.digest(into: &h)
        let digest = h.value
        for (name, mutate) in mutations.sorted(by: { $0.key < $1.key }) {
            var changed = base
            mutate(&changed)
            #expect(changed != base, "\(T.self).\(name): the mutation changes nothing")
            var hc = ElementHasher()
            changed.digest(into: &hc)
            #expect(hc.value != digest, "\(T.self).\(name) is not digested")
        }
    }

    @Test func everyPropertyOfEveryModelTypeIsDigested() {
        Self.expectEachChanges(Self.resource, [
            "name": { $0.name = "other" }, "title": { $0.title = "Other" }, "description": { $0.description = "" },
            "provenance": { $0.provenance = nil },
        ])
        Self.expectEachChanges(Self.operation, [
            "id": { $0.id = "x" }, "swiftName": { $0.swiftName = "x" }, "resource": { $0.resource = "x" },
            "method": { $0.method = "POST" }, "path": { $0.path = "/users" }, "summary": { $0.summary = "x" },
            "description": { $0.description = "x" }, "parameters": { $0.parameters[0].required = false },
            "requestBody": { $0.requestBody = nil }, "responses": { $0.responses[0].status = "201" },
            "errorCodes": { $0.errorCodes = [] }, "authorization": { $0.authorization = nil },
            "examples": { $0.examples[0].text = "GET /users/43" }, "provenance": { $0.provenance?.line = 13 },
        ])
        Self.expectEachChanges(Self.parameter, [
            "name": { $0.name = "x" }, "location": { $0.location = .query }, "type": { $0.type = .integer },
            "required": { $0.required = false }, "description": { $0.description = "x" }, "enumValues": { $0.enumValues = nil },
            "provenance": { $0.provenance?.column = 4 }, "example": { $0.example = nil },
        ])
        Self.expectEachChanges(Self.body, [
            "contentType": { $0.contentType = "text/plain" }, "required": { $0.required = false }, "type": { $0.type = .ref("Other") },
            "documentedName": { $0.documentedName = nil }, "provenance": { $0.provenance?.section = nil },
        ])
        Self.expectEachChanges(Self.response, [
            "status": { $0.status = "201" }, "description": { $0.description = "x" }, "contentType": { $0.contentType = nil },
            "type": { $0.type = nil }, "provenance": { $0.provenance?.file = "docs/other.md" }, "documentedName": { $0.documentedName = nil },
        ])
        Self.expectEachChanges(Self.errorCode, [
            "status": { $0.status = "400" }, "code": { $0.code = "x" }, "name": { $0.name = "x" }, "description": { $0.description = "x" },
        ])
        Self.expectEachChanges(Self.example, [
            "kind": { $0.kind = "response" }, "language": { $0.language = "curl" }, "text": { $0.text = "x" },
            "provenance": { $0.provenance = nil },
        ])
        Self.expectEachChanges(Self.schema, [
            "name": { $0.name = "x" }, "kind": { $0.kind = .enumeration }, "fields": { $0.fields[0].readOnly = false },
            "enumValues": { $0.enumValues = [] }, "description": { $0.description = "x" }, "resource": { $0.resource = "x" },
            "documentedNames": { $0.documentedNames = [] }, "provenance": { $0.provenance = nil },
        ])
        Self.expectEachChanges(Self.field, [
            "name": { $0.name = "x" }, "type": { $0.type = .primitive(.string, format: nil) }, "required": { $0.required = false },
            "nullable": { $0.nullable = false }, "readOnly": { $0.readOnly = false }, "description": { $0.description = "x" },
            "enumValues": { $0.enumValues = ["a"] }, "provenance": { $0.provenance = nil },
        ])
        Self.expectEachChanges(Self.here, [
            "file": { $0.file = "x" }, "line": { $0.line = 1 }, "column": { $0.column = 0 }, "section": { $0.section = nil },
        ])
    }

    /// Each `kept` mutation changes `shape`; each `left` one changes the value and its digest, not `shape`
    /// (and is handed to `also`).
    static func expectShape<T: ElementDigestible & Equatable>(_ base: T, _ shape: (T) -> UInt64, kept: [String: (inout T) -> Void],
                                                             left: [String: (inout T) -> Void], also: (String, T) -> Void = { _, _ in }) {
        for (name, mutate) in kept {
            var changed = base
            mutate(&changed)
            #expect(shape(changed) != shape(base), "\(name) is not in the shape digest")
        }
        for (name, mutate) in left {
            var changed = base
            mutate(&changed)
            #expect(changed != base && ElementDigests.of(changed) != ElementDigests.of(base), "\(name)")
            #expect(shape(changed) == shape(base), "\(name) is in the shape digest")
            also(name, changed)
        }
    }

    /// A schema's shape digest leaves out exactly its own and its fields' prose and source lines: every
    /// other stored property changes it (the labels are checked, so a property added to `Schema` or
    /// `Field` fails here until it is placed on one side or the other).
    @Test func theShapeDigestLeavesOutOnlyProseAndSourceLines() {
        func shape(_ s: Schema) -> UInt64 { ElementDigests.parts(s).shape }
        let base = Self.schema
        let kept: [String: (inout Schema) -> Void] = [
            "name": { $0.name = "x" }, "kind": { $0.kind = .enumeration }, "enumValues": { $0.enumValues = [] },
            "resource": { $0.resource = "x" }, "documentedNames": { $0.documentedNames = [] },
            "field name": { $0.fields[0].name = "x" }, "field type": { $0.fields[0].type = .integer },
            "field required": { $0.fields[0].required = false }, "field nullable": { $0.fields[0].nullable = false },
            "field readOnly": { $0.fields[0].readOnly = false }, "field enumValues": { $0.fields[0].enumValues = nil },
            "fields": { $0.fields.append(Self.field) },
        ]
        let left: [String: (inout Schema) -> Void] = [
            "description": { $0.description = "Another." }, "provenance": { $0.provenance?.line = 99 },
            "field description": { $0.fields[0].description = "Another." }, "field provenance": { $0.fields[0].provenance = nil },
        ]
        let schemaLabels = Set(Mirror(reflecting: base).children.compactMap(\.label))
        let fieldLabels = Set(Mirror(reflecting: Self.field).children.compactMap(\.label)).map { "field " + $0 }
        let named = Set(kept.keys).union(left.keys)
        #expect(schemaLabels.union(fieldLabels).subtracting(["fields"]).isSubset(of: named), "a property of Schema or Field is on neither side")
        Self.expectShape(base, shape, kept: kept, left: left) { name, changed in
            // What the field-sources file prints besides the shape: the source lines, not the prose.
            #expect((ElementDigests.parts(changed).lines != ElementDigests.parts(base).lines) == name.hasSuffix("provenance"), "\(name)")
        }
    }

    /// An operation's shape digest leaves out exactly the prose (summary, descriptions) and the source
    /// lines, its own and those of what it holds; every other stored property changes it. The labels of
    /// `Operation` and of each type it holds are checked, so a property added to one fails here until it
    /// is placed on one side or the other.
    @Test func theOperationShapeDigestLeavesOutOnlyProseAndSourceLines() {
        func shape(_ op: APIModel.Operation) -> UInt64 { ElementDigests.parts(op).shape }
        let base = Self.operation
        let kept: [String: (inout APIModel.Operation) -> Void] = [
            "id": { $0.id = "x" }, "swiftName": { $0.swiftName = "x" }, "resource": { $0.resource = "x" },
            "method": { $0.method = "POST" }, "path": { $0.path = "/users" }, "authorization": { $0.authorization = nil },
            "parameter name": { $0.parameters[0].name = "x" }, "parameter location": { $0.parameters[0].location = .query },
            "parameter type": { $0.parameters[0].type = .integer }, "parameter required": { $0.parameters[0].required = false },
            "parameter enumValues": { $0.parameters[0].enumValues = nil }, "parameter example": { $0.parameters[0].example = nil },
            "body contentType": { $0.requestBody?.contentType = "text/plain" }, "body required": { $0.requestBody?.required = false },
            "body type": { $0.requestBody?.type = .ref("Other") }, "body documentedName": { $0.requestBody?.documentedName = nil },
            "requestBody": { $0.requestBody = nil },
            "response status": { $0.responses[0].status = "201" }, "response contentType": { $0.responses[0].contentType = nil },
            "response type": { $0.responses[0].type = nil }, "response documentedName": { $0.responses[0].documentedName = nil },
            "error status": { $0.errorCodes[0].status = "400" }, "error code": { $0.errorCodes[0].code = "x" },
            "error name": { $0.errorCodes[0].name = "x" },
            "example kind": { $0.examples[0].kind = "response" }, "example language": { $0.examples[0].language = "curl" },
            "example text": { $0.examples[0].text = "x" },
            "parameters": { $0.parameters.append(Self.parameter) }, "responses": { $0.responses.append(Self.response) },
            "errorCodes": { $0.errorCodes = [] }, "examples": { $0.examples = [] },
        ]
        let left: [String: (inout APIModel.Operation) -> Void] = [
            "summary": { $0.summary = "x" }, "description": { $0.description = "x" }, "provenance": { $0.provenance?.line = 13 },
            "parameter description": { $0.parameters[0].description = "x" }, "parameter provenance": { $0.parameters[0].provenance = nil },
            "body provenance": { $0.requestBody?.provenance = nil }, "response description": { $0.responses[0].description = "x" },
            "response provenance": { $0.responses[0].provenance = nil }, "error description": { $0.errorCodes[0].description = "x" },
            "example provenance": { $0.examples[0].provenance = nil },
        ]
        func labels(_ value: Any, _ prefix: String) -> Set<String> {
            Set(Mirror(reflecting: value).children.compactMap(\.label).map { prefix + $0 })
        }
        let all = labels(base, "").union(labels(Self.parameter, "parameter ")).union(labels(Self.body, "body "))
            .union(labels(Self.response, "response ")).union(labels(Self.errorCode, "error ")).union(labels(Self.example, "example "))
        #expect(all.isSubset(of: Set(kept.keys).union(left.keys)), "not placed: \(all.subtracting(kept.keys).subtracting(left.keys).sorted())")
        Self.expectShape(base, shape, kept: kept, left: left)
    }

    /// Every `TypeRef` case, and the same case with different values: all digests differ.
    @Test func everyTypeRefDigestsApart() {
        let types: [TypeRef] = [
            .string, .integer, .number, .boolean, .primitive(.string, format: "uuid"), .primitive(.string, format: ""),
            .array(.string), .array(.array(.string)), .object([]), .object([Self.field]), .map(.string), .map(.any),
            .any, .ref("User"), .ref(""), .array(.ref("User")),
        ]
        var seen: [UInt64: TypeRef] = [:]
        for type in types {
            var h = ElementHasher()
            type.digest(into: &h)
            #expect(seen[h.value] == nil, "\(type) digests like \(seen[h.value].map { "\($0)" } ?? "")")
            seen[h.value] = type
        }
    }

    /// Values whose words could run together digest apart: strings split differently, arrays split differently.
    @Test func boundariesAreMixed() {
        func digest(_ s: Schema) -> UInt64 { ElementDigests.of(s) }
        #expect(digest(Schema(name: "ab", description: "c")) != digest(Schema(name: "a", description: "bc")))
        #expect(digest(Schema(name: "A", enumValues: ["a", "b"])) != digest(Schema(name: "A", enumValues: ["ab"])))
        #expect(digest(Schema(name: "A", enumValues: ["a"], documentedNames: [])) != digest(Schema(name: "A", enumValues: [], documentedNames: ["a"])))
    }
}
