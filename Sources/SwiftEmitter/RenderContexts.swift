/// The explicit contexts the Swift templates render. Every array is sorted or in model order;
/// every key is always present (empty arrays and `false` instead of missing keys), because a key
/// missing from a template's context is an error. Documented in `Templates/CONTEXT.md`.

/// `models.mustache`: the named types of one resource.
///
/// For example: `ModelsFileContext(header: "// Generated…", resource: "CallAssignmentConfigurations", structs: [...])`.
public struct ModelsFileContext: Codable, Hashable, Sendable {
    public var header: String
    /// `public` or `internal`.
    public var access: String
    public var resource: String
    public var structs: [StructContext]
    public var enums: [EnumContext]
    public var aliases: [AliasContext]
}

/// One `struct`. For example: `CallAssignmentConfiguration` with 10 properties.
public struct StructContext: Codable, Hashable, Sendable {
    public var name: String
    /// Doc comment lines, each empty or starting with a space (the template writes `///{{.}}`).
    public var docLines: [String]
    public var properties: [PropertyContext]
    public var hasProperties: Bool
    /// The member-wise code of the properties, one key per loop (`{{decodes}}`, …).
    public var blocks: StructBlocks
}

/// One stored property. For example: `callUuid: UUID?` with JSON key `"call_uuid"`.
public struct PropertyContext: Codable, Hashable, Sendable {
    /// The Swift name, backtick-escaped when it is a keyword.
    public var name: String
    /// The Swift type, `?` included.
    public var type: String
    /// ` = nil` for optionals, empty for required properties.
    public var defaultValue: String
    /// The JSON key as a Swift string literal, quotes included.
    public var jsonKeyLiteral: String
    /// `optional` (a missing key or `null` is `nil`, `nil` is left out) or `required`, with the type
    /// for the scalars the coders have a fast path for (`optionalString`, `requiredInt`, …): the
    /// `ModelFields` / `ModelFieldWriter` method that reads and writes the property.
    public var coding: String
    /// `@Indirect ` (with its space) for a property through which the model would contain itself
    /// (`IndirectFields`), else empty: written before `{{access}}` in the declaration.
    public var attributes: String
    public var docLines: [String]
    /// A comma after the init parameter unless last.
    public var separator: String
    /// The statements the default template writes, made from the keys above. A template renders them
    /// as they are (one lookup each) or spells them out from the keys; the text is the same.
    public var statements: PropertyStatements
}

/// The per-property lines of a model, ready to paste. For example, for an optional `callUuid`
/// from the JSON key `call_uuid`: `public var callUuid: UUID?`, `callUuid: UUID? = nil,`,
/// `self.callUuid = callUuid`, `self.callUuid = try fields.optional("call_uuid")`,
/// `try fields.optional(self.callUuid, "call_uuid")`.
public struct PropertyStatements: Codable, Hashable, Sendable {
    /// `{{attributes}}{{access}} var {{name}}: {{type}}`
    public var declaration: String
    /// `{{name}}: {{type}}{{defaultValue}}{{separator}}`
    public var initParameter: String
    /// `self.{{name}} = {{name}}`
    public var initAssignment: String
    /// `self.{{name}} = try fields.{{coding}}({{jsonKeyLiteral}})`
    public var decode: String
    /// `try fields.{{coding}}(self.{{name}}, {{jsonKeyLiteral}})`
    public var encode: String
    /// `visitor.{{coding}}(self.{{name}}, other.{{name}})` for a type with a coding method of its own, else
    /// `visitor.visit(self.{{name}}, other.{{name}})`: the line of `visitFields(pairedWith:_:)`, which
    /// gives the model `==` and `hash(into:)` (`FieldwiseHashable`).
    public var visit: String

    init(access: String, attributes: String, name: String, type: String, defaultValue: String, jsonKeyLiteral: String, coding: String, separator: String) {
        declaration = "\(attributes)\(access) var \(name): \(type)"
        initParameter = "\(name): \(type)\(defaultValue)\(separator)"
        initAssignment = "self.\(name) = \(name)"
        decode = "self.\(name) = try fields.\(coding)(\(jsonKeyLiteral))"
        encode = "try fields.\(coding)(self.\(name), \(jsonKeyLiteral))"
        let visitMethod = coding == "optional" || coding == "required" ? "visit" : coding
        visit = "visitor.\(visitMethod)(self.\(name), other.\(name))"
    }
}

/// One open string enum. For example: `BillingType` with cases `fixed`, `usage`.
public struct EnumContext: Codable, Hashable, Sendable {
    public var name: String
    public var docLines: [String]
    public var cases: [EnumCaseContext]
}

/// For example: `case oneToOne` for the raw value `"1:1"`.
public struct EnumCaseContext: Codable, Hashable, Sendable {
    public var name: String
    public var rawLiteral: String
}

/// `public typealias PatchedUserRequest = UserRequest`.
public struct AliasContext: Codable, Hashable, Sendable {
    public var name: String
    public var target: String
}

/// `client.mustache`: the client methods of one resource.
public struct ClientFileContext: Codable, Hashable, Sendable {
    public var header: String
    /// `public` or `internal`.
    public var access: String
    public var resource: String
    public var docLines: [String]
    public var operations: [OperationContext]
    /// `, sources: DocSources.fields` where the module has the table of field locations, else empty.
    public var sourcesArgument: String = ""
}

/// One client method. For example: `callAssignmentConfigurationsList(page:pageSize:)`.
public struct OperationContext: Codable, Hashable, Sendable {
    public var name: String
    public var docLines: [String]
    public var parameters: [ParameterContext]
    /// ` -> [User]`, or empty for no body.
    public var returnClause: String
    public var method: String
    /// `var` when query items, headers or a body are added to the request, else `let`.
    public var requestBinding: String
    /// A Swift string literal with interpolated, percent-encoded path parameters.
    public var pathExpression: String
    public var queryItems: [QueryItemContext]
    public var headerItems: [QueryItemContext]
    public var hasParameters: Bool
    public var hasQueryItems: Bool
    public var hasHeaderItems: Bool
    /// The parameter list and the query and header statements, one key each (`{{parameterDeclarations}}`, …).
    public var blocks: OperationBlocks
    public var hasBody: Bool
    /// The body parameter's Swift name.
    public var bodyName: String
    /// `Content-Type` literal for the body.
    public var contentTypeLiteral: String
    /// `[200, 201]`
    public var successCodes: String
    public var returnsValue: Bool
    /// The decoded type, for example `[User]`.
    public var returnType: String
    /// The `…All` method of a list operation that pages (`PaginationPlan`): one element or none.
    public var paginated: [PaginatedContext] = []
}

/// The `…All` method of a paging list operation: an `AsyncSequence` of its items, page after page.
///
/// For example: `usersListAll(pageSize: Int? = nil) -> Paginated<User>` over `usersList(page:pageSize:)`.
public struct PaginatedContext: Codable, Hashable, Sendable {
    public var name: String
    public var docLines: [String]
    public var hasParameters: Bool
    /// The list operation's parameters without the page/offset/cursor one.
    public var parameterDeclarations: String
    public var itemType: String
    /// `.pageNumber(first: 1, size: pageSize)`
    public var strategy: String
    /// `var`, or `let` when no query item or header is added.
    public var requestBinding: String
    public var pathExpression: String
    /// Whether building the path can throw (it has parameters): then it is built first into `path`, and
    /// an error is the sequence's (`Paginated(failing:)`), thrown by the first `next()`.
    public var pathThrows: Bool
    /// The request's path argument: `pathExpression`, or `path` when `pathThrows`.
    public var requestPath: String
    /// `"page"`: the query item the cursor sets (`nil`: next links are followed).
    public var pageQuery: String
    /// `of: User.self` for a body that is the items array; `body: UserList.self` for an envelope, read
    /// by `pageClosure`.
    public var bodyArgument: String
    /// Whether the envelope form's `page:` closure follows (`pageExpression` reads the decoded `pageBody`).
    public var hasPageClosure: Bool
    public var hasQueryItems: Bool
    public var queryStatements: String
    public var hasHeaderItems: Bool
    public var headerStatements: String
    public var successCodes: String
    public var returnType: String
    /// `Page(items: pageBody.results ?? [], hasMore: pageBody.next != nil)`
    public var pageExpression: String
}

/// A method parameter. For example: `pageSize: Int? = nil`.
public struct ParameterContext: Codable, Hashable, Sendable {
    public var name: String
    public var type: String
    public var defaultValue: String
    public var separator: String
    /// `{{name}}: {{type}}{{defaultValue}}{{separator}}`
    public var declaration: String

    init(name: String, type: String, defaultValue: String, separator: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.separator = separator
        declaration = "\(name): \(type)\(defaultValue)\(separator)"
    }
}

/// A query or header item: its wire name (literal) and the Swift variable.
public struct QueryItemContext: Codable, Hashable, Sendable {
    public var nameLiteral: String
    public var variable: String
    public var isArray: Bool
    public var isOptional: Bool
}

/// `package.mustache`: the output package manifest.
public struct PackageContext: Codable, Hashable, Sendable {
    public var header: String
    public var packageName: String
    public var module: String
    /// The `.package(...)` line for the runtime library.
    public var runtimeDependency: String
    /// Where the runtime package is (path or URL) as a Swift literal; the manifest derives its identity.
    public var runtimeLocation: String
    /// The same two for the server runtime (Hummingbird), used only with `hasServer`.
    public var serverRuntimeDependency: String
    public var serverRuntimeLocation: String
    public var hasServer: Bool
    public var hasTests: Bool
    /// `"SeedAPIServer"`, `"SeedAPITests"` (literals).
    public var serverModule: String
    public var testsModule: String
}

/// `servernamespace.mustache`: declares the `ServerOperations` namespace once per server module.
public struct ServerNamespaceContext: Codable, Hashable, Sendable {
    public var header: String
    public var access: String
}

/// `server.mustache`: the server protocol, operation inputs and outputs, and route registration of one resource.
public struct ServerFileContext: Codable, Hashable, Sendable {
    public var header: String
    public var access: String
    /// The models and client module the server imports.
    public var module: String
    public var resource: String
    /// `CallAssignmentConfigurationsAPI`
    public var protocolName: String
    public var operations: [ServerOperationContext]
    /// `"/api/users/{uuid}/": ["GET", "PUT"]` as Swift dictionary entries.
    public var routes: [RouteContext]
}

/// One operation on the server side. For example: `usersRetrieve`, input `uuid: UUID`, output `.status200(User)`.
public struct ServerOperationContext: Codable, Hashable, Sendable {
    public var name: String
    /// `UsersRetrieve`: the namespace of its `Input` and `Output`.
    public var typeName: String
    /// The protocol requirement, a statement:
    /// `func {{name}}(_ input: ServerOperations.{{typeName}}.Input) async throws -> ServerOperations.{{typeName}}.Output`
    public var requirement: String
    public var docLines: [String]
    public var inputFields: [InputFieldContext]
    public var hasInputFields: Bool
    /// The `Input` code of the fields, one key per loop (`{{inputFieldArguments}}`, …).
    public var inputBlocks: InputFieldBlocks
    public var outputs: [OutputCaseContext]
    /// The `Output` cases and the response switch, one key each (`{{outputDeclarations}}`, …).
    public var outputBlocks: OutputBlocks
    /// The route path as a Swift literal (`"/api/users/{uuid}/"`, Hummingbird capture syntax).
    public var routePathLiteral: String
    /// `.get`
    public var methodExpression: String
    /// False when an earlier operation has the same method and path up to parameter names: a router
    /// can serve only one, so this one gets no route (`servedByLines` says which does).
    public var isRouted: Bool
    public var servedByLines: [String]
}

/// For example: `uuid: UUID` parsed by `try ServerSupport.path(context, "uuid", as: UUID.self)`.
public struct InputFieldContext: Codable, Hashable, Sendable {
    public var name: String
    public var type: String
    public var parseExpression: String
    public var separator: String
    /// The lines the default template writes, made from the keys above.
    public var statements: InputFieldStatements

    init(access: String, name: String, type: String, parseExpression: String, separator: String) {
        self.name = name
        self.type = type
        self.parseExpression = parseExpression
        self.separator = separator
        statements = InputFieldStatements(
            declaration: "\(access) var \(name): \(type)", initParameter: "\(name): \(type)\(separator)",
            initAssignment: "self.\(name) = \(name)", argument: "\(name): \(parseExpression)\(separator)")
    }
}

/// The lines of an operation's `Input` for one field, ready to paste (one template lookup each instead
/// of three or four). For example, for a required path parameter `uuid`: `public var uuid: UUID`,
/// `uuid: UUID,`, `self.uuid = uuid`, `uuid: try ServerSupport.path(context, "uuid", …),`.
public struct InputFieldStatements: Codable, Hashable, Sendable {
    /// `{{attributes}}{{access}} var {{name}}: {{type}}`
    public var declaration: String
    /// `{{name}}: {{type}}{{separator}}`
    public var initParameter: String
    /// `self.{{name}} = {{name}}`
    public var initAssignment: String
    /// `{{name}}: {{parseExpression}}{{separator}}`
    public var argument: String
}

/// For example: `case status200(User)` encoded with `ServerSupport.json(value, status: 200)`.
public struct OutputCaseContext: Codable, Hashable, Sendable {
    public var caseName: String
    public var status: String
    public var hasBody: Bool
    public var bodyType: String
    /// `case {{caseName}}({{bodyType}})`, or `case {{caseName}}` without a body.
    public var declaration: String
    /// `case .{{caseName}}(let value): return try ServerSupport.json(value, status: {{status}})`, or
    /// `case .{{caseName}}: return ServerSupport.empty(status: {{status}})` without a body.
    public var response: String

    init(caseName: String, status: String, hasBody: Bool, bodyType: String) {
        self.caseName = caseName
        self.status = status
        self.hasBody = hasBody
        self.bodyType = bodyType
        declaration = hasBody ? "case \(caseName)(\(bodyType))" : "case \(caseName)"
        response = hasBody ? "case .\(caseName)(let value): return try ServerSupport.json(value, status: \(status))"
            : "case .\(caseName): return ServerSupport.empty(status: \(status))"
    }
}

public struct RouteContext: Codable, Hashable, Sendable {
    public var pathLiteral: String
    public var methodsLiteral: String
}

/// `testsupport.mustache`: the checks every round-trip test file shares (`Tests/<Module>Tests/RoundTripSupport.swift`).
public struct TestSupportContext: Codable, Hashable, Sendable {
    public var header: String
    /// The resources that have a tests file (`<Resource>RoundTrips`), in file order.
    public var resources: [String]
    /// A path no documented route matches, for the `404` check: `"/docs2swift-no-such-route/"`, with more
    /// segments where a route of parameters only (`GET /{db}`) would answer it.
    public var unknownPathLiteral: String = "\"/docs2swift-no-such-route/\""
}

/// `tests.mustache`: round-trip tests of one resource over loopback HTTP.
public struct TestsFileContext: Codable, Hashable, Sendable {
    public var header: String
    public var module: String
    public var resource: String
    public var protocolName: String
    public var operations: [TestOperationContext]
    /// A route for malformed-input tests, when the resource has one with a body or typed parameter.
    public var malformed: [MalformedRequestContext]
    /// A concrete path of one of the resource's routes, and a method it does not document (for `405`).
    public var knownPathLiteral: String
    public var unusedMethodLiteral: String
}

/// For example: `usersRetrieve` sends `UsersSamples.usersRetrieveInput` (`uuid: input.uuid`), expects the
/// server to see that input and the client to get `UsersSamples.usersRetrieveOutput` back.
public struct TestOperationContext: Codable, Hashable, Sendable {
    public var name: String
    public var typeName: String
    /// The sample input's initialiser arguments: `uuid: UUID(uuidString: "…")!, body: SeedAPI.UserRequest(…)`.
    public var inputArguments: String
    /// The client call's arguments, taken from the sample input: `uuid: input.uuid, body: input.body`.
    public var callArguments: String
    /// Whether the operation's first success answers with a body (then `outputType`/`outputValue` are set).
    public var hasOutput: Bool
    public var outputType: String
    /// The sample output, or the name of an earlier operation's equal sample (`usersRetrieveOutput`).
    public var outputValue: String
    /// What the recorder returns: `.status200(UsersSamples.usersRetrieveOutput)`, `.status204`.
    public var sampleOutput: String
    public var returnsValue: Bool
    /// False when the server routes this operation's requests to another one (see `isRouted` of the
    /// server context): its round trip is not among the test cases.
    public var isRouted: Bool
    /// A GET or HEAD: run in live mode by default (writes only when asked).
    public var isRead: Bool = false
    /// Live mode: the `LivePlan(…)` of its arguments (empty when it needs none), the statements that put
    /// them into the input before the call, and `var` when they change it (else `let`).
    public var livePlan: String = ""
    public var liveLines: [String] = []
    public var inputKeyword: String = "let"
    /// The round trip of its `…All` method over a three-page fixture, if it pages: one element or none.
    public var paging: [PagingTestContext] = []
}

/// Calls a paging list's `…All` method against the recorder serving three pages (2, 2 and 1 items; next
/// cursors, links or `has_more` as the docs' response has them) and expects five items in three requests.
///
/// For example: `callAssignmentConfigurationsListAll` with `pageSize: 2` over `[.status200([a, a]), …]`.
public struct PagingTestContext: Codable, Hashable, Sendable {
    /// The `…All` method, and the list operation the recorder serves.
    public var name: String
    public var listName: String
    public var typeName: String
    /// The `…All` call's arguments: the sample input's, the page size 2 where there is one.
    public var callArguments: String
    /// The `Output` values the recorder answers with, in order: pages of 2, 2 and 1 items, and an empty
    /// fourth where only an empty page ends the list (a cursor that is the last item's id, with no
    /// `has_more`).
    public var pageOutputs: [String]
    /// How the test's doc comment describes them: `Three pages (2, 2 and 1 items)`.
    public var pagesDescription: String
}

/// For example: `PATCH /api/users/1/` with body `{"name": ` must get `400`.
public struct MalformedRequestContext: Codable, Hashable, Sendable {
    /// What is wrong with the request, for a comment: `A body that is not valid JSON`.
    public var check: String
    public var methodLiteral: String
    public var pathLiteral: String
    public var bodyLiteral: String
}
