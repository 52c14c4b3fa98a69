/// The hottest loops of the default templates as one key each: every item's statement, joined by a line
/// break and the loop's indentation, so a template line such as `        {{decodes}}` writes them all.
/// One block replaces a push and a lookup per item (measured with swift-mustache's renderer, where each
/// cost about as much as the other). The per-item keys stay for templates that spell loops out; a
/// block's text is exactly what the loop writes (`Templates/CONTEXT.md` gives each loop).
///
/// For example: `decodes` of a model with `id` and `name` is
/// `self.id = try fields.required("id")` + `"\n        "` + `self.name = try fields.optional("name")`.
enum LineBlock {
    static func join(_ lines: [String], indent: Int) -> String {
        lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }
}

/// A model's member-wise code, at the 8-space indentation of a member body. Each is the
/// `{{#properties}}` loop of one `PropertyStatements` key.
public struct StructBlocks: Codable, Hashable, Sendable {
    /// At 4 spaces: each property's doc comment (`///{{.}}` per `docLines` line) and `declaration`.
    public var declarations: String
    public var initParameters: String
    public var initAssignments: String
    public var decodes: String
    public var encodes: String
    /// The lines of `visitFields(pairedWith:_:)`.
    public var visits: String

    init(_ properties: [PropertyContext]) {
        func block(_ key: KeyPath<PropertyStatements, String>) -> String {
            LineBlock.join(properties.map { $0.statements[keyPath: key] }, indent: 8)
        }
        declarations = LineBlock.join(properties.flatMap { $0.docLines.map { "///" + $0 } + [$0.statements.declaration] }, indent: 4)
        initParameters = block(\.initParameter)
        initAssignments = block(\.initAssignment)
        decodes = block(\.decode)
        encodes = block(\.encode)
        visits = block(\.visit)
    }
}

/// An operation's `Input` code on the server: the declarations at 12 spaces (struct body), the
/// initialiser's parameters and assignments at 16, the arguments that read a request at 20 (inside the
/// route handler). Each is the `{{#inputFields}}` loop of one `InputFieldStatements` key.
public struct InputFieldBlocks: Codable, Hashable, Sendable {
    public var declarations: String
    public var initParameters: String
    public var initAssignments: String
    public var arguments: String

    init(_ fields: [InputFieldContext]) {
        declarations = LineBlock.join(fields.map(\.statements.declaration), indent: 12)
        initParameters = LineBlock.join(fields.map(\.statements.initParameter), indent: 16)
        initAssignments = LineBlock.join(fields.map(\.statements.initAssignment), indent: 16)
        arguments = LineBlock.join(fields.map(\.statements.argument), indent: 20)
    }
}

/// A client method's parameter list and request items, at the 8-space indentation of the method.
/// `parameterDeclarations` is the `{{#parameters}}` loop of `declaration`; `queryStatements` is the
/// `{{#queryItems}}` loop of `request.addQuery({{nameLiteral}}, {{variable}})`, `headerStatements` the
/// `{{#headerItems}}` loop of `request.addHeader({{nameLiteral}}, {{variable}})`.
public struct OperationBlocks: Codable, Hashable, Sendable {
    public var parameterDeclarations: String
    public var queryStatements: String
    public var headerStatements: String

    init(parameters: [ParameterContext], queryItems: [QueryItemContext], headerItems: [QueryItemContext]) {
        parameterDeclarations = LineBlock.join(parameters.map(\.declaration), indent: 8)
        queryStatements = LineBlock.join(queryItems.map { "request.addQuery(\($0.nameLiteral), \($0.variable))" }, indent: 8)
        headerStatements = LineBlock.join(headerItems.map { "request.addHeader(\($0.nameLiteral), \($0.variable))" }, indent: 8)
    }
}

/// An operation's `Output` enum cases (12 spaces) and response switch cases (16, inside the route
/// handler): the `{{#outputs}}` loops of `declaration` and `response`. An operation always has an output (`status200` when none is
/// documented), so these are never empty.
public struct OutputBlocks: Codable, Hashable, Sendable {
    public var declarations: String
    public var responses: String

    init(_ outputs: [OutputCaseContext]) {
        declarations = LineBlock.join(outputs.map(\.declaration), indent: 12)
        responses = LineBlock.join(outputs.map(\.response), indent: 16)
    }
}
