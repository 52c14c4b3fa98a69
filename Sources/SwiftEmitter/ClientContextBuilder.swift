import APIModel

extension ContextBuilder {
    public func client(resource: Resource, operations: [Operation], header: String) -> ClientFileContext {
        ClientFileContext(header: header, access: access, resource: resource.name,
                          docLines: SwiftText.docComment(resource.title),
                          operations: operations.map(operationContext))
    }

    /// Parameters in order: path (template order), body, required query, optional query, headers.
    func operationContext(_ op: Operation) -> OperationContext {
        let signature = OperationSignature(op)
        var params: [(name: String, type: String, defaultValue: String)] = []
        var docs: [String] = []
        var bodyName = ""
        var queryItems: [QueryItemContext] = []
        var headerItems: [QueryItemContext] = []
        for arg in signature.arguments {
            params.append((Naming.escaped(arg.swiftName), arg.typeWithOptional, arg.required ? "" : " = nil"))
            var d = arg.description
            if let values = arg.enumValues, arg.location != .path { d += (d.isEmpty ? "" : " ") + "Allowed values: " + values.joined(separator: ", ") + "." }
            if !d.isEmpty { docs.append("- Parameter \(arg.swiftName): \(d)") }
            switch arg.location {
            case .body: bodyName = arg.swiftName
            case .query, .header:
                let item = QueryItemContext(nameLiteral: SwiftText.stringLiteral(arg.wireName), variable: Naming.escaped(arg.swiftName),
                                            isArray: arg.elementType != nil, isOptional: !arg.required)
                if arg.location == .header { headerItems.append(item) } else { queryItems.append(item) }
            case .path: break
            }
        }
        let pathNames = signature.pathNames
        let parameters = params.enumerated().map { i, p in
            ParameterContext(name: p.name, type: p.type, defaultValue: p.defaultValue, separator: i == params.count - 1 ? "" : ",")
        }

        let successes = op.responses.filter(\.isSuccess)
        let primary = successes.first { $0.type != nil }
        let returnType = primary?.type.map(SwiftTypes.name) ?? ""
        let codes = successes.compactMap { Int($0.status) }.sorted()

        var doc = op.summary.isEmpty ? op.id : op.summary
        if !op.description.isEmpty, op.description != op.summary { doc += "\n\n" + op.description }
        doc += "\n\n`\(op.method) \(op.path)`"
        if let p = op.provenance { doc += "\n\n" + SwiftText.sourceLine(p) }
        if !docs.isEmpty { doc += "\n\n" + docs.joined(separator: "\n") }

        return OperationContext(
            name: op.swiftName, docLines: SwiftText.docComment(doc), parameters: parameters,
            returnClause: returnType.isEmpty ? "" : " -> \(returnType)",
            method: SwiftText.stringLiteral(op.method),
            requestBinding: queryItems.isEmpty && headerItems.isEmpty && op.requestBody == nil ? "let" : "var",
            pathExpression: pathExpression(op.path, names: pathNames),
            queryItems: queryItems, headerItems: headerItems,
            hasParameters: !parameters.isEmpty, hasQueryItems: !queryItems.isEmpty, hasHeaderItems: !headerItems.isEmpty,
            blocks: OperationBlocks(parameters: parameters, queryItems: queryItems, headerItems: headerItems),
            hasBody: op.requestBody != nil, bodyName: bodyName,
            contentTypeLiteral: SwiftText.stringLiteral(op.requestBody?.contentType == "multipart/form-data" ? "application/json" : (op.requestBody?.contentType ?? "application/json")),
            successCodes: "[" + codes.map(String.init).joined(separator: ", ") + "]",
            returnsValue: !returnType.isEmpty, returnType: returnType,
            paginated: paginatedContext(op, signature: signature, returnType: returnType,
                                        successCodes: "[" + codes.map(String.init).joined(separator: ", ") + "]"))
    }

    /// The `…All` method of a list operation that pages (`PaginationPlan`), if `op` is one and its
    /// name is free.
    func paginatedContext(_ op: Operation, signature: OperationSignature, returnType: String, successCodes: String) -> [PaginatedContext] {
        guard let plan = PaginationPlan(op, signature: signature, schemas: schemas) else { return [] }
        let name = op.swiftName + "All"
        guard !operationNames.contains(name) else { return [] }
        let kept = signature.arguments.filter { $0.swiftName != plan.cursorArgument }
        let declarations = kept.enumerated().map { i, arg in
            "\(Naming.escaped(arg.swiftName)): \(arg.typeWithOptional)\(arg.required ? "" : " = nil")\(i == kept.count - 1 ? "" : ",")"
        }
        func statement(_ arg: OperationSignature.Argument) -> String {
            let call = arg.location == .header ? "addHeader" : "addQuery"
            return "request.\(call)(\(SwiftText.stringLiteral(arg.wireName)), \(Naming.escaped(arg.swiftName)))"
        }
        let query = kept.filter { $0.location == .query }.map(statement)
        let headers = kept.filter { $0.location == .header }.map(statement)
        let call = op.swiftName + "(" + signature.arguments.map { $0.swiftName + ":" }.joined() + ")"
        let doc = "Every item of `\(call)`, page after page (\(plan.describedStyle)), fetched as you iterate; "
            + "`.pages` gives them a page at a time. Stops after an empty or short page, or when the response says there is no next page; "
            + "cancelling the task stops it.\n\nFor example: `for try await item in client.\(name)() { … }`"
        let path = pathExpression(op.path, names: signature.pathNames)
        let pathThrows = path.hasPrefix("try ")
        return [PaginatedContext(
            name: name, docLines: SwiftText.docComment(doc), hasParameters: !kept.isEmpty,
            parameterDeclarations: LineBlock.join(declarations, indent: 8),
            itemType: SwiftTypes.name(plan.itemType), strategy: plan.strategyExpression,
            requestBinding: query.isEmpty && headers.isEmpty ? "let" : "var",
            pathExpression: path, pathThrows: pathThrows, requestPath: pathThrows ? "path" : path, pageQuery: plan.pageQueryLiteral,
            bodyArgument: plan.readsItemsArray ? "of: \(SwiftTypes.name(plan.itemType)).self" : "body: \(returnType).self",
            hasPageClosure: !plan.readsItemsArray,
            hasQueryItems: !query.isEmpty, queryStatements: LineBlock.join(query, indent: 8),
            hasHeaderItems: !headers.isEmpty, headerStatements: LineBlock.join(headers, indent: 8),
            successCodes: successCodes, returnType: returnType, pageExpression: plan.pageExpression)]
    }

    /// `try RequestBuilder.path(["/api/users/", RequestBuilder.pathSegment(uuid, "uuid"), "/"])`: literal parts percent-encoded
    /// as the server's routes are (`PathEncoding`), parameters encoded at run time (an empty one throws).
    func pathExpression(_ path: String, names: [String: String]) -> String {
        var parts: [String] = []
        var segmentStart = true
        var hasParameter = false
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l):
                parts.append(SwiftText.stringLiteral(PathEncoding.literal(l, atSegmentStart: segmentStart)))
                segmentStart = l.hasSuffix("/")
            case .parameter(let p):
                parts.append("RequestBuilder.pathSegment(\(Naming.escaped(names[p] ?? "value")), \(SwiftText.stringLiteral(p)))")
                segmentStart = false
                hasParameter = true
            }
        }
        if parts.isEmpty { return "\"\"" }
        // An array literal of `String`s: a `+` chain makes the type checker weigh every `+` overload of every
        // imported module at each `+` (about 2 % of the Waldur module's compile).
        return hasParameter ? "try RequestBuilder.path([" + parts.joined(separator: ", ") + "])" : parts.joined(separator: " + ")
    }
}
