import APIDiff
import APIModel
import Testing

/// The Swift-declaration side of a diff (`DiffReport.swift`): which generated declarations change
/// and which of those stop old code compiling, as `swift-api-digester` sees it.
@Suite struct SwiftImpactTests {
    static func api(_ schemas: [Schema], _ ops: [APIModel.Operation] = []) -> APIDescription {
        APIDescription(resources: [Resource(name: "Users", title: "Users")], operations: ops, schemas: schemas)
    }

    static func list(_ params: [Parameter], returning t: TypeRef = .array(.ref("User"))) -> APIModel.Operation {
        Pair.op("GET", "/users/", id: "users_list", params: params, responses: [Response(status: "200", type: t)])
    }

    func swift(_ old: APIDescription, _ new: APIDescription) -> [SwiftChange] {
        APIDiffer().diff(old: old, new: new, oldName: "a", newName: "b").swift
    }

    let name = Field(name: "name", type: .string, required: true)

    @Test func anAddedOptionalFieldChangesTheInitWithoutBreakingIt() {
        let changes = swift(Self.api([Schema(name: "User", fields: [name])]),
                            Self.api([Schema(name: "User", fields: [name, Field(name: "nick_name", type: .string)])]))
        #expect(changes.map(\.declaration) == ["User.init(name:)", "User.nickName"])
        #expect(changes.allSatisfy { !$0.breaksSource })
        #expect(changes.first?.change == "signature-changed")
    }

    @Test func anAddedRequiredFieldBreaksTheInit() {
        let changes = swift(Self.api([Schema(name: "User", fields: [name])]),
                            Self.api([Schema(name: "User", fields: [name, Field(name: "team", type: .string, required: true)])]))
        let initChange = changes.first { $0.declaration == "User.init(name:)" }
        #expect(initChange?.breaksSource == true)
        #expect(initChange?.reason.contains("required argument(s) team added") == true)
    }

    @Test func aPropertyThatBecomesOptionalOrChangesTypeBreaks() {
        let changes = swift(Self.api([Schema(name: "User", fields: [name, Field(name: "age", type: .integer)])]),
                            Self.api([Schema(name: "User", fields: [Field(name: "name", type: .string), Field(name: "age", type: .number)])]))
        let property = changes.filter { $0.change == "type-changed" }
        #expect(property.map(\.declaration) == ["User.age", "User.name"])
        #expect(property.map(\.new) == ["Double?", "String?"])
        #expect(property.allSatisfy { $0.breaksSource })
    }

    @Test func enumCasesAndRenamedTypes() {
        let changes = swift(Self.api([Schema(name: "State", kind: .enumeration, enumValues: ["ok", "erred"]), Schema(name: "Old", fields: [name])]),
                            Self.api([Schema(name: "State", kind: .enumeration, enumValues: ["ok", "deleting"]), Schema(name: "New", fields: [name])]))
        #expect(changes.first { $0.declaration == "State.erred" }?.breaksSource == true)
        #expect(changes.first { $0.declaration == "State.deleting" }?.breaksSource == true, "exhaustive switches stop compiling")
        let renamed = changes.first { $0.declaration == "Old" }
        #expect(renamed?.change == "renamed" && renamed?.new == "New" && renamed?.breaksSource == true)
    }

    @Test func methodArgumentsAndReturnTypes() {
        let page = Parameter(name: "page", location: .query, type: .integer, required: false)
        let user = [Schema(name: "User", fields: [name])]
        let optional = swift(Self.api(user, [Self.list([])]), Self.api(user, [Self.list([page])]))
        #expect(optional.map(\.declaration) == ["APIClient.usersList()", "APIClient.usersListAll()"])
        #expect(optional.first?.breaksSource == false, "an optional query parameter is a defaulted argument")
        #expect(optional.last?.change == "added" && optional.last?.breaksSource == false, "a page parameter adds the paging method")
        let unpaged = swift(Self.api(user, [Self.list([page])]), Self.api(user, [Self.list([])]))
        #expect(unpaged.first { $0.declaration == "APIClient.usersListAll()" }?.breaksSource == true, "losing paging removes usersListAll")
        var required = page
        required.required = true
        #expect(swift(Self.api(user, [Self.list([page])]), Self.api(user, [Self.list([required])])).first?.breaksSource == true)
        let returns = swift(Self.api(user, [Self.list([])]), Self.api(user, [Self.list([], returning: .ref("User"))]))
        #expect(returns.map(\.change) == ["return-type-changed"])
        #expect(returns.first?.old == "[User]" && returns.first?.new == "User")
    }
}

extension SwiftImpactTests {
    @Test func aStructThatBecomesATypealiasOfTheSameShapeIsCompatible() {
        let name = Field(name: "name", type: .string, required: true)
        let old = Self.api([Schema(name: "UserRequest", fields: [name]), Schema(name: "PatchedUserRequest", fields: [name])])
        let new = Self.api([Schema(name: "UserRequest", fields: [name], documentedNames: ["PatchedUserRequest"])])
        #expect(swift(old, new).filter(\.breaksSource).isEmpty)
        let changed = Self.api([Schema(name: "UserRequest", fields: [Field(name: "name", type: .string)], documentedNames: ["PatchedUserRequest"])])
        #expect(swift(old, changed).contains { $0.declaration == "PatchedUserRequest.name" && $0.breaksSource })
    }
}

extension SwiftImpactTests {
    @Test func aMethodRenamedByTheDocsIsARenameNotARemoval() {
        let user = [Schema(name: "User", fields: [Field(name: "name", type: .string, required: true)])]
        var renamed = Self.list([])
        renamed.id = "users_retrieve"
        renamed.swiftName = "usersRetrieve"
        let changes = swift(Self.api(user, [Self.list([])]), Self.api(user, [renamed]))
        let change = changes.first { $0.declaration == "APIClient.usersList()" }
        #expect(change?.change == "renamed" && change?.new == "APIClient.usersRetrieve()" && change?.breaksSource == true)
    }
}
