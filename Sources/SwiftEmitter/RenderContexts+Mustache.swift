/// Explicit conversions of the render contexts to what swift-mustache reads (faster than reflection).
/// Every stored property of a context appears here under its own name; the golden context files and
/// the strict missing-key check catch a property left out.
protocol MustacheConvertible {
    var mustacheFields: [String: Any] { get }
}

extension Array where Element: MustacheConvertible {
    var mustache: [Any] { map { StrictContext(values: $0.mustacheFields, misses: nil) } }
}

extension ModelsFileContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "header": header,
            "access": access,
            "resource": resource,
            "structs": structs.mustache,
            "enums": enums.mustache,
            "aliases": aliases.mustache,
        ]
    }
}

extension StructContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "docLines": docLines,
            "properties": properties.mustache,
            "hasProperties": hasProperties,
            "initParameters": blocks.initParameters,
            "initAssignments": blocks.initAssignments,
            "declarations": blocks.declarations,
            "decodes": blocks.decodes,
            "encodes": blocks.encodes,
            "visits": blocks.visits,
        ]
    }
}

extension PropertyContext: MustacheConvertible {
    /// The statements sit beside the other keys (`{{decode}}`, not `{{#statements}}{{decode}}{{/statements}}`).
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "type": type,
            "defaultValue": defaultValue,
            "jsonKeyLiteral": jsonKeyLiteral,
            "coding": coding,
            "attributes": attributes,
            "docLines": docLines,
            "separator": separator,
            "declaration": statements.declaration,
            "initParameter": statements.initParameter,
            "initAssignment": statements.initAssignment,
            "decode": statements.decode,
            "encode": statements.encode,
            "visit": statements.visit,
        ]
    }
}

extension EnumContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "docLines": docLines,
            "cases": cases.mustache,
        ]
    }
}

extension EnumCaseContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "rawLiteral": rawLiteral,
        ]
    }
}

extension AliasContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "target": target,
        ]
    }
}

extension ClientFileContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "header": header,
            "access": access,
            "resource": resource,
            "docLines": docLines,
            "operations": operations.mustache,
            "sourcesArgument": sourcesArgument,
        ]
    }
}

extension OperationContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "docLines": docLines,
            "parameters": parameters.mustache,
            "returnClause": returnClause,
            "method": method,
            "requestBinding": requestBinding,
            "pathExpression": pathExpression,
            "queryItems": queryItems.mustache,
            "headerItems": headerItems.mustache,
            "hasParameters": hasParameters,
            "hasQueryItems": hasQueryItems,
            "hasHeaderItems": hasHeaderItems,
            "parameterDeclarations": blocks.parameterDeclarations,
            "queryStatements": blocks.queryStatements,
            "headerStatements": blocks.headerStatements,
            "hasBody": hasBody,
            "bodyName": bodyName,
            "contentTypeLiteral": contentTypeLiteral,
            "successCodes": successCodes,
            "returnsValue": returnsValue,
            "returnType": returnType,
            "paginated": paginated.mustache,
        ]
    }
}

extension PaginatedContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "docLines": docLines,
            "hasParameters": hasParameters,
            "parameterDeclarations": parameterDeclarations,
            "itemType": itemType,
            "strategy": strategy,
            "requestBinding": requestBinding,
            "pathExpression": pathExpression,
            "pathThrows": pathThrows,
            "requestPath": requestPath,
            "pageQuery": pageQuery,
            "bodyArgument": bodyArgument,
            "hasPageClosure": hasPageClosure,
            "hasQueryItems": hasQueryItems,
            "queryStatements": queryStatements,
            "hasHeaderItems": hasHeaderItems,
            "headerStatements": headerStatements,
            "successCodes": successCodes,
            "returnType": returnType,
            "pageExpression": pageExpression,
        ]
    }
}

extension ParameterContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "type": type,
            "defaultValue": defaultValue,
            "separator": separator,
            "declaration": declaration,
        ]
    }
}

extension QueryItemContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "nameLiteral": nameLiteral,
            "variable": variable,
            "isArray": isArray,
            "isOptional": isOptional,
        ]
    }
}

extension PackageContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "header": header,
            "packageName": packageName,
            "module": module,
            "runtimeDependency": runtimeDependency,
            "runtimeLocation": runtimeLocation,
            "serverRuntimeDependency": serverRuntimeDependency,
            "serverRuntimeLocation": serverRuntimeLocation,
            "hasServer": hasServer,
            "hasTests": hasTests,
            "serverModule": serverModule,
            "testsModule": testsModule,
        ]
    }
}

extension ServerNamespaceContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "header": header,
            "access": access,
        ]
    }
}

extension ServerFileContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "header": header,
            "access": access,
            "module": module,
            "resource": resource,
            "protocolName": protocolName,
            "operations": operations.mustache,
            "routes": routes.mustache,
        ]
    }
}

extension ServerOperationContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "typeName": typeName,
            "docLines": docLines,
            "inputFields": inputFields.mustache,
            "hasInputFields": hasInputFields,
            "inputFieldDeclarations": inputBlocks.declarations,
            "inputFieldInitParameters": inputBlocks.initParameters,
            "inputFieldInitAssignments": inputBlocks.initAssignments,
            "inputFieldArguments": inputBlocks.arguments,
            "requirement": requirement,
            "outputDeclarations": outputBlocks.declarations,
            "outputResponses": outputBlocks.responses,
            "outputs": outputs.mustache,
            "routePathLiteral": routePathLiteral,
            "methodExpression": methodExpression,
            "isRouted": isRouted,
            "servedByLines": servedByLines,
        ]
    }
}

extension InputFieldContext: MustacheConvertible {
    /// The statements sit beside the other keys (`{{argument}}`).
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "type": type,
            "parseExpression": parseExpression,
            "separator": separator,
            "declaration": statements.declaration,
            "initParameter": statements.initParameter,
            "initAssignment": statements.initAssignment,
            "argument": statements.argument,
        ]
    }
}

extension OutputCaseContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "caseName": caseName,
            "status": status,
            "hasBody": hasBody,
            "bodyType": bodyType,
            "declaration": declaration,
            "response": response,
        ]
    }
}

extension RouteContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "pathLiteral": pathLiteral,
            "methodsLiteral": methodsLiteral,
        ]
    }
}

extension TestsFileContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "header": header,
            "module": module,
            "resource": resource,
            "protocolName": protocolName,
            "operations": operations.mustache,
            "hasPaging": operations.contains { !$0.paging.isEmpty },
            "malformed": malformed.mustache,
            "knownPathLiteral": knownPathLiteral,
            "unusedMethodLiteral": unusedMethodLiteral,
        ]
    }
}

extension TestSupportContext: MustacheConvertible {
    var mustacheFields: [String: Any] { ["header": header, "resources": resources, "unknownPathLiteral": unknownPathLiteral] }
}

extension TestOperationContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "typeName": typeName,
            "inputArguments": inputArguments,
            "callArguments": callArguments,
            "hasOutput": hasOutput,
            "outputType": outputType,
            "outputValue": outputValue,
            "sampleOutput": sampleOutput,
            "returnsValue": returnsValue,
            "isRouted": isRouted,
            "isRead": isRead,
            "livePlan": livePlan,
            "hasLivePlan": !livePlan.isEmpty,
            "liveLines": liveLines,
            "hasLiveLines": !liveLines.isEmpty,
            "inputKeyword": inputKeyword,
            "paging": paging.mustache,
        ]
    }
}

extension PagingTestContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "name": name,
            "listName": listName,
            "typeName": typeName,
            "callArguments": callArguments,
            "pageOutputs": LineBlock.join(pageOutputs.map { $0 + "," }, indent: 12),
            "requests": pageOutputs.count,
            "pagesDescription": pagesDescription,
        ]
    }
}

extension MalformedRequestContext: MustacheConvertible {
    var mustacheFields: [String: Any] {
        [
            "check": check,
            "methodLiteral": methodLiteral,
            "pathLiteral": pathLiteral,
            "bodyLiteral": bodyLiteral,
        ]
    }
}
