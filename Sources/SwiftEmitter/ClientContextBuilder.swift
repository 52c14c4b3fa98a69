import APIModel

extension ContextBuilder {
    public func client(resource: Resource, operations: [Operation], header: String) -> ClientFileContext {
        ClientFileContext(header: header, access: access, resource: resource.name,
                          docLines: SwiftText.docComment(resource.title),
                          operations: operations.map(operationContext))
    }

    /// Parameters in order: path (template order), body, required query, optional query, headers.
    func operationContext(_ op: Operation) -> OperationContext {
        var used: Set<String> = ["request", "response", "client"]
        func claim(_ raw: String) -> String {
            var base = Naming.memberName(raw)
            if ContextBuilder.reservedMembers.contains(base) { base += "Value" }
            var name = base
            var n = 2
            while used.contains(name) { name = "\(base)\(n)"; n += 1 }
            used.insert(name)
            return name
        }
        var params: [ParameterContext] = []
        var docs: [String] = []
        var pathNames: [String: String] = [:]
        let pathParams = PathTemplate.parameterNames(op.path)
        for name in pathParams {
            let p = op.parameters.first { $0.location == .path && $0.name == name }
            let swiftName = claim(name)
            pathNames[name] = swiftName
            let type = p.map { SwiftTypes.isScalar($0.type) ? SwiftTypes.name($0.type) : "String" } ?? "String"
            params.append(ParameterContext(name: Naming.escaped(swiftName), type: type, defaultValue: "", separator: ","))
            if let d = p?.description, !d.isEmpty { docs.append("- Parameter \(swiftName): \(d)") }
        }
        var bodyName = ""
        if let body = op.requestBody {
            bodyName = claim("body")
            let t = SwiftTypes.name(body.type)
            params.append(ParameterContext(name: bodyName, type: body.required ? t : t + "?", defaultValue: body.required ? "" : " = nil", separator: ","))
        }
        var queryItems: [QueryItemContext] = []
        var headerItems: [QueryItemContext] = []
        let others = op.parameters.filter { $0.location != .path }
            .sorted { a, b in
                if a.location != b.location { return a.location < b.location }
                return a.required && !b.required
            }
        for p in others {
            let swiftName = claim(p.name)
            var isArray = false
            var type: String
            switch p.type {
            case .array(let inner) where SwiftTypes.isScalar(inner):
                isArray = true
                type = "[\(SwiftTypes.name(inner))]"
            case let t where SwiftTypes.isScalar(t):
                type = SwiftTypes.name(t)
            default:
                type = "String"
            }
            let paramType: String = p.required ? type : type + "?"
            let defaultValue: String = p.required ? "" : " = nil"
            params.append(ParameterContext(name: Naming.escaped(swiftName), type: paramType, defaultValue: defaultValue, separator: ","))
            var d = p.description
            if let values = p.enumValues { d += (d.isEmpty ? "" : " ") + "Allowed values: " + values.joined(separator: ", ") + "." }
            if !d.isEmpty { docs.append("- Parameter \(swiftName): \(d)") }
            let item = QueryItemContext(nameLiteral: SwiftText.stringLiteral(p.name), variable: Naming.escaped(swiftName),
                                        isArray: isArray, isOptional: !p.required)
            if p.location == Parameter.Location.header { headerItems.append(item) } else { queryItems.append(item) }
        }
        if !params.isEmpty { params[params.count - 1].separator = "" }

        let successes = op.responses.filter(\.isSuccess)
        let primary = successes.first { $0.type != nil }
        let returnType = primary?.type.map(SwiftTypes.name) ?? ""
        let codes = successes.compactMap { Int($0.status) }.sorted()

        var doc = op.summary.isEmpty ? op.id : op.summary
        if !op.description.isEmpty, op.description != op.summary { doc += "\n\n" + op.description }
        doc += "\n\n`\(op.method) \(op.path)`"
        if let p = op.provenance { doc += "\n\nSource: \(p.file):\(p.line)" }
        if !docs.isEmpty { doc += "\n\n" + docs.joined(separator: "\n") }

        return OperationContext(
            name: op.swiftName, docLines: SwiftText.docComment(doc), parameters: params,
            returnClause: returnType.isEmpty ? "" : " -> \(returnType)",
            method: SwiftText.stringLiteral(op.method),
            requestBinding: queryItems.isEmpty && headerItems.isEmpty && op.requestBody == nil ? "let" : "var",
            pathExpression: pathExpression(op.path, names: pathNames),
            queryItems: queryItems, headerItems: headerItems, hasBody: op.requestBody != nil, bodyName: bodyName,
            contentTypeLiteral: SwiftText.stringLiteral(op.requestBody?.contentType == "multipart/form-data" ? "application/json" : (op.requestBody?.contentType ?? "application/json")),
            successCodes: "[" + codes.map(String.init).joined(separator: ", ") + "]",
            returnsValue: !returnType.isEmpty, returnType: returnType)
    }

    /// `"/api/users/" + RequestBuilder.pathComponent(uuid) + "/"`: literal parts escaped, parameters encoded.
    func pathExpression(_ path: String, names: [String: String]) -> String {
        var parts: [String] = []
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): parts.append(SwiftText.stringLiteral(l))
            case .parameter(let p): parts.append("RequestBuilder.pathComponent(\(Naming.escaped(names[p] ?? "value")))")
            }
        }
        return parts.isEmpty ? "\"\"" : parts.joined(separator: " + ")
    }
}
