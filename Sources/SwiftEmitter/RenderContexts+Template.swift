/// What each render context offers the templates, key by key. Every stored property of a context appears
/// here under its own name (block statements beside the other keys: `{{decode}}`, not
/// `{{#statements}}{{decode}}{{/statements}}`); the golden context files and the strict missing-key check
/// catch a property left out.

extension ModelsFileContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .access: TemplateValue(access)
        case .resource: TemplateValue(resource)
        case .structs: TemplateValue(structs)
        case .enums: TemplateValue(enums)
        case .aliases: TemplateValue(aliases)
        default: nil
        }
    }
}

extension StructContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .docLines: TemplateValue(docLines)
        case .properties: TemplateValue(properties)
        case .hasProperties: TemplateValue(hasProperties)
        case .initParameters: TemplateValue(blocks.initParameters)
        case .initAssignments: TemplateValue(blocks.initAssignments)
        case .declarations: TemplateValue(blocks.declarations)
        case .decodes: TemplateValue(blocks.decodes)
        case .encodes: TemplateValue(blocks.encodes)
        case .visits: TemplateValue(blocks.visits)
        default: nil
        }
    }
}

extension PropertyContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .type: TemplateValue(type)
        case .defaultValue: TemplateValue(defaultValue)
        case .jsonKeyLiteral: TemplateValue(jsonKeyLiteral)
        case .coding: TemplateValue(coding)
        case .attributes: TemplateValue(attributes)
        case .docLines: TemplateValue(docLines)
        case .separator: TemplateValue(separator)
        case .declaration: TemplateValue(statements.declaration)
        case .initParameter: TemplateValue(statements.initParameter)
        case .initAssignment: TemplateValue(statements.initAssignment)
        case .decode: TemplateValue(statements.decode)
        case .encode: TemplateValue(statements.encode)
        case .visit: TemplateValue(statements.visit)
        default: nil
        }
    }
}

extension EnumContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .docLines: TemplateValue(docLines)
        case .cases: TemplateValue(cases)
        default: nil
        }
    }
}

extension EnumCaseContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .rawLiteral: TemplateValue(rawLiteral)
        default: nil
        }
    }
}

extension AliasContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .target: TemplateValue(target)
        default: nil
        }
    }
}

extension ClientFileContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .access: TemplateValue(access)
        case .resource: TemplateValue(resource)
        case .docLines: TemplateValue(docLines)
        case .operations: TemplateValue(operations)
        case .sourcesArgument: TemplateValue(sourcesArgument)
        default: nil
        }
    }
}

extension OperationContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .docLines: TemplateValue(docLines)
        case .parameters: TemplateValue(parameters)
        case .returnClause: TemplateValue(returnClause)
        case .method: TemplateValue(method)
        case .requestBinding: TemplateValue(requestBinding)
        case .pathExpression: TemplateValue(pathExpression)
        case .queryItems: TemplateValue(queryItems)
        case .headerItems: TemplateValue(headerItems)
        case .hasParameters: TemplateValue(hasParameters)
        case .hasQueryItems: TemplateValue(hasQueryItems)
        case .hasHeaderItems: TemplateValue(hasHeaderItems)
        case .parameterDeclarations: TemplateValue(blocks.parameterDeclarations)
        case .queryStatements: TemplateValue(blocks.queryStatements)
        case .headerStatements: TemplateValue(blocks.headerStatements)
        case .hasBody: TemplateValue(hasBody)
        case .bodyName: TemplateValue(bodyName)
        case .contentTypeLiteral: TemplateValue(contentTypeLiteral)
        case .successCodes: TemplateValue(successCodes)
        case .returnsValue: TemplateValue(returnsValue)
        case .returnType: TemplateValue(returnType)
        case .paginated: TemplateValue(paginated)
        default: nil
        }
    }
}

extension PaginatedContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .docLines: TemplateValue(docLines)
        case .hasParameters: TemplateValue(hasParameters)
        case .parameterDeclarations: TemplateValue(parameterDeclarations)
        case .itemType: TemplateValue(itemType)
        case .strategy: TemplateValue(strategy)
        case .requestBinding: TemplateValue(requestBinding)
        case .pathExpression: TemplateValue(pathExpression)
        case .pathThrows: TemplateValue(pathThrows)
        case .requestPath: TemplateValue(requestPath)
        case .pageQuery: TemplateValue(pageQuery)
        case .bodyArgument: TemplateValue(bodyArgument)
        case .hasPageClosure: TemplateValue(hasPageClosure)
        case .hasQueryItems: TemplateValue(hasQueryItems)
        case .queryStatements: TemplateValue(queryStatements)
        case .hasHeaderItems: TemplateValue(hasHeaderItems)
        case .headerStatements: TemplateValue(headerStatements)
        case .successCodes: TemplateValue(successCodes)
        case .returnType: TemplateValue(returnType)
        case .pageExpression: TemplateValue(pageExpression)
        default: nil
        }
    }
}

extension ParameterContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .type: TemplateValue(type)
        case .defaultValue: TemplateValue(defaultValue)
        case .separator: TemplateValue(separator)
        case .declaration: TemplateValue(declaration)
        default: nil
        }
    }
}

extension QueryItemContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .nameLiteral: TemplateValue(nameLiteral)
        case .variable: TemplateValue(variable)
        case .isArray: TemplateValue(isArray)
        case .isOptional: TemplateValue(isOptional)
        default: nil
        }
    }
}

extension PackageContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .packageName: TemplateValue(packageName)
        case .module: TemplateValue(module)
        case .runtimeDependency: TemplateValue(runtimeDependency)
        case .runtimeLocation: TemplateValue(runtimeLocation)
        case .serverRuntimeDependency: TemplateValue(serverRuntimeDependency)
        case .serverRuntimeLocation: TemplateValue(serverRuntimeLocation)
        case .hasServer: TemplateValue(hasServer)
        case .hasTests: TemplateValue(hasTests)
        case .serverModule: TemplateValue(serverModule)
        case .testsModule: TemplateValue(testsModule)
        default: nil
        }
    }
}

extension ServerNamespaceContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .access: TemplateValue(access)
        default: nil
        }
    }
}

extension ServerFileContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .access: TemplateValue(access)
        case .module: TemplateValue(module)
        case .resource: TemplateValue(resource)
        case .protocolName: TemplateValue(protocolName)
        case .operations: TemplateValue(operations)
        case .routes: TemplateValue(routes)
        default: nil
        }
    }
}

extension ServerOperationContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .typeName: TemplateValue(typeName)
        case .docLines: TemplateValue(docLines)
        case .inputFields: TemplateValue(inputFields)
        case .hasInputFields: TemplateValue(hasInputFields)
        case .inputFieldDeclarations: TemplateValue(inputBlocks.declarations)
        case .inputFieldInitParameters: TemplateValue(inputBlocks.initParameters)
        case .inputFieldInitAssignments: TemplateValue(inputBlocks.initAssignments)
        case .inputFieldArguments: TemplateValue(inputBlocks.arguments)
        case .requirement: TemplateValue(requirement)
        case .outputDeclarations: TemplateValue(outputBlocks.declarations)
        case .outputResponses: TemplateValue(outputBlocks.responses)
        case .outputs: TemplateValue(outputs)
        case .routePathLiteral: TemplateValue(routePathLiteral)
        case .methodExpression: TemplateValue(methodExpression)
        case .isRouted: TemplateValue(isRouted)
        case .servedByLines: TemplateValue(servedByLines)
        default: nil
        }
    }
}

extension InputFieldContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .type: TemplateValue(type)
        case .parseExpression: TemplateValue(parseExpression)
        case .separator: TemplateValue(separator)
        case .declaration: TemplateValue(statements.declaration)
        case .initParameter: TemplateValue(statements.initParameter)
        case .initAssignment: TemplateValue(statements.initAssignment)
        case .argument: TemplateValue(statements.argument)
        default: nil
        }
    }
}

extension OutputCaseContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .caseName: TemplateValue(caseName)
        case .status: TemplateValue(status)
        case .hasBody: TemplateValue(hasBody)
        case .bodyType: TemplateValue(bodyType)
        case .declaration: TemplateValue(declaration)
        case .response: TemplateValue(response)
        default: nil
        }
    }
}

extension RouteContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .pathLiteral: TemplateValue(pathLiteral)
        case .methodsLiteral: TemplateValue(methodsLiteral)
        default: nil
        }
    }
}

extension TestsFileContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .module: TemplateValue(module)
        case .resource: TemplateValue(resource)
        case .protocolName: TemplateValue(protocolName)
        case .operations: TemplateValue(operations)
        case .hasPaging: TemplateValue(operations.contains { !$0.paging.isEmpty })
        case .malformed: TemplateValue(malformed)
        case .knownPathLiteral: TemplateValue(knownPathLiteral)
        case .unusedMethodLiteral: TemplateValue(unusedMethodLiteral)
        default: nil
        }
    }
}

extension TestSupportContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .resources: TemplateValue(resources)
        case .unknownPathLiteral: TemplateValue(unknownPathLiteral)
        default: nil
        }
    }
}

extension TestOperationContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .typeName: TemplateValue(typeName)
        case .inputArguments: TemplateValue(inputArguments)
        case .callArguments: TemplateValue(callArguments)
        case .hasOutput: TemplateValue(hasOutput)
        case .outputType: TemplateValue(outputType)
        case .outputValue: TemplateValue(outputValue)
        case .sampleOutput: TemplateValue(sampleOutput)
        case .returnsValue: TemplateValue(returnsValue)
        case .isRouted: TemplateValue(isRouted)
        case .isRead: TemplateValue(isRead)
        case .livePlan: TemplateValue(livePlan)
        case .hasLivePlan: TemplateValue(!livePlan.isEmpty)
        case .liveLines: TemplateValue(liveLines)
        case .hasLiveLines: TemplateValue(!liveLines.isEmpty)
        case .inputKeyword: TemplateValue(inputKeyword)
        case .paging: TemplateValue(paging)
        default: nil
        }
    }
}

extension PagingTestContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .name: TemplateValue(name)
        case .listName: TemplateValue(listName)
        case .typeName: TemplateValue(typeName)
        case .callArguments: TemplateValue(callArguments)
        case .pageOutputs: TemplateValue(LineBlock.join(pageOutputs.map { $0 + "," }, indent: 12))
        case .requests: TemplateValue(pageOutputs.count)
        case .pagesDescription: TemplateValue(pagesDescription)
        default: nil
        }
    }
}

extension MalformedRequestContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .check: TemplateValue(check)
        case .methodLiteral: TemplateValue(methodLiteral)
        case .pathLiteral: TemplateValue(pathLiteral)
        case .bodyLiteral: TemplateValue(bodyLiteral)
        default: nil
        }
    }
}

extension FieldSourcesContext: TemplateNode {
    func value(for key: TemplateKey) -> TemplateValue? {
        switch key {
        case .header: TemplateValue(header)
        case .lines: TemplateValue(lines)
        default: nil
        }
    }
}
