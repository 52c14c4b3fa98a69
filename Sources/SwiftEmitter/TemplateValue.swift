/// Every key a template can name: the values the render contexts offer, under the names templates use. A
/// name that is not here is a key no context has, which the strict check reports when a template uses it.
///
/// For example: `{{#structs}}{{name}}{{/structs}}` names `.structs` and `.name`.
enum TemplateKey: String, CaseIterable, Sendable {
    case access, aliases, argument, attributes, bodyArgument, bodyLiteral, bodyName, bodyType, callArguments, caseName
    case cases, check, coding, contentTypeLiteral, declaration, declarations, decode, decodes, defaultValue, docLines
    case encode, encodes, enums, hasBody, hasHeaderItems, hasInputFields, hasLiveLines, hasLivePlan, hasOutput
    case hasPageClosure, hasPaging, hasParameters, hasProperties, hasQueryItems, hasServer, hasTests, header
    case headerItems, headerStatements, initAssignment, initAssignments, initParameter, initParameters, inputArguments
    case inputFieldArguments, inputFieldDeclarations, inputFieldInitAssignments, inputFieldInitParameters, inputFields
    case inputKeyword, isArray, isOptional, isRead, isRouted, itemType, jsonKeyLiteral, knownPathLiteral, lines
    case listName, liveLines, livePlan, malformed, method, methodExpression, methodLiteral, methodsLiteral, module, name
    case nameLiteral, operations, outputDeclarations, outputResponses, outputType, outputValue, outputs, packageName
    case pageExpression, pageOutputs, pageQuery, pagesDescription, paginated, paging, parameterDeclarations, parameters
    case parseExpression, pathExpression, pathLiteral, pathThrows, properties, protocolName, queryItems, queryStatements
    case rawLiteral, requestBinding, requestPath, requests, requirement, resource, resources, response, returnClause
    case returnType, returnsValue, routePathLiteral, routes, runtimeDependency, runtimeLocation, sampleOutput, separator
    case servedByLines, serverModule, serverRuntimeDependency, serverRuntimeLocation, sourcesArgument, status, strategy
    case structs, successCodes, target, testsModule, type, typeName, unknownPathLiteral, unusedMethodLiteral, variable
    case visit, visits
}

/// What a render context offers under a key.
///
/// For example: a struct's `.name` is `.text("Project")`, its `.hasProperties` is `.flag(true)`, and its
/// `.properties` is `.nodes([PropertyContext])`.
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case number(Int)
    case texts([String])
    /// A list of contexts, each read in place (no element is copied or boxed).
    case nodes(any TemplateList)

    init(_ text: String) { self = .text(text) }
    init(_ flag: Bool) { self = .flag(flag) }
    init(_ number: Int) { self = .number(number) }
    init(_ texts: [String]) { self = .texts(texts) }
    init<Node: TemplateNode>(_ nodes: [Node]) { self = .nodes(nodes) }
}

/// A render context: what it has under each key (`nil` for a key it does not have). Each context type
/// answers with a `switch` over the keys, so a lookup neither builds nor hashes anything.
///
/// For example: `AliasContext(name: "Owner", target: "User").value(for: .target)` is `.text("User")`.
protocol TemplateNode: Sendable {
    func value(for key: TemplateKey) -> TemplateValue?
}

/// A list of contexts that a section iterates: the renderer asks for an element's value in place.
protocol TemplateList: Sendable {
    var count: Int { get }
    func value(at index: Int, for key: TemplateKey) -> TemplateValue?
}

extension Array: TemplateList where Element: TemplateNode {
    func value(at index: Int, for key: TemplateKey) -> TemplateValue? { self[index].value(for: key) }
}
