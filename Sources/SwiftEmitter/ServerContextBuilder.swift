import APIModel
import Foundation

extension ContextBuilder {
    /// The server protocol name of a resource: `UsersAPI`; `UsersAPIProtocol` when the module is named
    /// `UsersAPI`, since generated code qualifies model types by module (`UsersAPI.User`) and a type of
    /// the module's name would take that name's place.
    ///
    /// For example: `protocolName("Polls", module: "PollsAPI")` is `PollsAPIProtocol`.
    public static func protocolName(_ resource: String, module: String = "") -> String {
        resource + "API" == module ? resource + "APIProtocol" : resource + "API"
    }

    /// `servedBy`: for each operation (by `swiftName`) that a router cannot tell apart from an earlier
    /// one, that earlier operation (`PathTemplate.shadowedRoutes`).
    public func server(module: String, resource: Resource, operations: [APIModel.Operation], header: String,
                       servedBy: [String: APIModel.Operation] = [:]) -> ServerFileContext {
        var routes: [String: [String]] = [:]
        var order: [String] = []
        for op in operations {
            if routes[op.path] == nil { order.append(op.path) }
            routes[op.path, default: []].append(op.method)
        }
        return ServerFileContext(
            header: header, access: access, module: module, resource: resource.name, protocolName: Self.protocolName(resource.name, module: module),
            operations: operations.map { serverOperation($0, module: module, servedBy: servedBy[$0.swiftName]) },
            routes: order.map { RouteContext(pathLiteral: SwiftText.stringLiteral(PathEncoding.template($0)),
                                             methodsLiteral: "[" + routes[$0]!.map(SwiftText.stringLiteral).joined(separator: ", ") + "]") })
    }

    /// `HTTPRequest.Method` for a route: a static member for the methods HTTPTypes names, else built
    /// from the token (`COPY`, `ANY` of httpdomain's `http:copy` / `http:any`).
    ///
    /// For example: `GET` → `.get`; `COPY` → `.init("COPY")!`.
    static func methodExpression(_ method: String) -> String {
        let named: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]
        return named.contains(method) ? "." + method.lowercased() : ".init(" + SwiftText.stringLiteral(method) + ")!"
    }

    /// The operation's namespace under `ServerOperations` (suffixed so it never shadows a model type).
    static func typeName(_ op: APIModel.Operation) -> String { Naming.typeName(op.swiftName) + "Operation" }

    /// Documented statuses as output cases; an operation that documents no success gets `status200`.
    static func outputs(_ op: APIModel.Operation, qualifier: String = "") -> [OutputCaseContext] {
        var out: [OutputCaseContext] = []
        var seen: Set<String> = []
        for r in op.responses where Int(r.status) != nil && seen.insert(r.status).inserted {
            out.append(OutputCaseContext(caseName: "status\(r.status)", status: r.status, hasBody: r.type != nil,
                                         bodyType: r.type.map { SwiftTypes.name($0, qualifier: qualifier) } ?? ""))
        }
        if !op.responses.contains(where: \.isSuccess) {
            out.insert(OutputCaseContext(caseName: "status200", status: "200", hasBody: false, bodyType: ""), at: 0)
        }
        return out
    }

    func serverOperation(_ op: APIModel.Operation, module: String, servedBy: APIModel.Operation? = nil) -> ServerOperationContext {
        let signature = OperationSignature(op, qualifier: module)
        let route = PathTemplate.positional(op.path)
        var fields: [(name: String, type: String, parse: String)] = []
        for arg in signature.arguments {
            let wire = SwiftText.stringLiteral(arg.wireName)
            let parse: String
            switch arg.location {
            case .path:
                let slot = SwiftText.stringLiteral(route.slots[arg.wireName] ?? arg.wireName)
                parse = "try ServerSupport.path(context, \(wire), as: \(arg.baseType).self, routeParameter: \(slot))"
            case .query:
                if let element = arg.elementType {
                    parse = "try ServerSupport.queryArray(request, \(wire), as: \(element).self, required: \(arg.required))" + (arg.required ? "!" : "")
                } else {
                    parse = "try ServerSupport.query(request, \(wire), as: \(arg.baseType).self, required: \(arg.required))" + (arg.required ? "!" : "")
                }
            case .header: parse = "try ServerSupport.header(request, \(wire), as: \(arg.baseType).self, required: \(arg.required))" + (arg.required ? "!" : "")
            case .body: parse = "try await ServerSupport.body(request, context, as: \(arg.baseType).self, required: \(arg.required))" + (arg.required ? "!" : "")
            }
            fields.append((Naming.escaped(arg.swiftName), arg.typeWithOptional, parse))
        }
        let inputFields = fields.enumerated().map { i, f in
            InputFieldContext(access: access, name: f.name, type: f.type, parseExpression: f.parse, separator: i == fields.count - 1 ? "" : ",")
        }
        let doc = (op.summary.isEmpty ? op.id : op.summary) + "\n\n`\(op.method) \(op.path)`"
        let typeName = Self.typeName(op)
        let outputs = Self.outputs(op, qualifier: module)
        return ServerOperationContext(
            name: op.swiftName, typeName: typeName,
            requirement: "func \(op.swiftName)(_ input: ServerOperations.\(typeName).Input) async throws -> ServerOperations.\(typeName).Output",
            docLines: SwiftText.docComment(doc), inputFields: inputFields,
            hasInputFields: !inputFields.isEmpty, inputBlocks: InputFieldBlocks(inputFields),
            outputs: outputs, outputBlocks: OutputBlocks(outputs), routePathLiteral: SwiftText.stringLiteral(PathEncoding.template(route.path)),
            methodExpression: Self.methodExpression(op.method), isRouted: servedBy == nil,
            servedByLines: servedBy.map { SwiftText.docComment("\(op.swiftName): no route; \($0.method) \($0.path) (\($0.swiftName)) answers the same requests") } ?? [])
    }

    public func tests(module: String, resource: Resource, operations: [APIModel.Operation], schemas: [Schema], header: String,
                      servedBy: [String: APIModel.Operation] = [:]) -> TestsFileContext {
        tests(module: module, resource: resource, operations: operations, samples: SampleValues(schemas: schemas, qualifier: module),
              arguments: ArgumentPlan(api: APIDescription(operations: operations, schemas: schemas)), header: header, servedBy: servedBy)
    }

    /// As above, with the sample-value tables built once for every resource.
    func tests(module: String, resource: Resource, operations: [APIModel.Operation], samples: SampleValues, arguments: ArgumentPlan,
               header: String, servedBy: [String: APIModel.Operation] = [:]) -> TestsFileContext {
        let live = LiveArgumentsBuilder(plan: arguments)
        var tests: [TestOperationContext] = []
        var malformed: [MalformedRequestContext] = []
        // An output sample equal to an earlier operation's (same type and value) refers to it.
        var earlierOutputs: [String: String] = [:]
        let samplesName = resource.name + "Samples"
        for op in operations {
            let signature = OperationSignature(op, qualifier: module)
            var inputArguments: [String] = []
            var call: [String] = []
            // The docs' own examples, where they parse as JSON, give the body values.
            func example(_ kind: String) -> Any? {
                guard let text = op.examples.first(where: { $0.kind == kind && $0.language == "json" })?.text else { return nil }
                return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            }
            for arg in signature.arguments {
                let value = arg.location == .body ? samples.expression(arg.modelType, json: example("request")) : samples.expression(arg.modelType)
                inputArguments.append("\(arg.swiftName): \(value)")
                call.append("\(arg.swiftName): input.\(Naming.escaped(arg.swiftName))")
            }
            let outputs = Self.outputs(op)
            let primary = outputs.first { $0.status.hasPrefix("2") } ?? outputs[0]
            let primaryType = op.responses.first { $0.status == primary.status }?.type
            var outputType = "", outputValue = ""
            if let primaryType {
                outputType = SwiftTypes.name(primaryType, qualifier: module)
                let value = samples.expression(primaryType, json: example("response"))
                let key = outputType + "\u{0}" + value
                if let earlier = earlierOutputs[key] {
                    outputValue = earlier
                } else {
                    outputValue = value
                    earlierOutputs[key] = op.swiftName + "Output"
                }
            }
            let isRead = ["GET", "HEAD"].contains(op.method.uppercased())
            let liveArguments = isRead ? live.build(op, signature: signature, planName: "\(samplesName).\(op.swiftName)Live") : .init()
            let successes = op.responses.filter(\.isSuccess)
            let returnsValue = successes.first { $0.type != nil }?.status == primary.status && primaryType != nil
            tests.append(TestOperationContext(
                name: op.swiftName, typeName: Self.typeName(op), inputArguments: inputArguments.joined(separator: ", "),
                callArguments: call.joined(separator: ", "), hasOutput: primaryType != nil, outputType: outputType, outputValue: outputValue,
                sampleOutput: primary.hasBody ? ".\(primary.caseName)(\(samplesName).\(op.swiftName)Output)" : ".\(primary.caseName)",
                returnsValue: returnsValue, isRouted: servedBy[op.swiftName] == nil, isRead: isRead,
                livePlan: liveArguments.planExpression, liveLines: liveArguments.lines, inputKeyword: liveArguments.mutatesInput ? "var" : "let",
                paging: returnsValue ? pagingTest(op, signature: signature, samplesName: samplesName, caseName: primary.caseName) : []))
            if malformed.count < 2 {
                let concrete = Self.concretePath(op.path, signature: signature)
                if op.requestBody != nil, malformed.allSatisfy({ $0.check != Self.malformedBodyCheck }) {
                    malformed.append(MalformedRequestContext(check: Self.malformedBodyCheck, methodLiteral: SwiftText.stringLiteral(op.method),
                                                             pathLiteral: SwiftText.stringLiteral(concrete), bodyLiteral: SwiftText.stringLiteral("{\"broken\": ")))
                } else if let typed = signature.arguments.first(where: { $0.location == .path && $0.baseType != "String" }),
                          malformed.allSatisfy({ $0.check != Self.wrongTypedParameterCheck }) {
                    let wrong = op.path.replacingOccurrences(of: "{\(typed.wireName)}", with: "not-a-valid-value")
                    malformed.append(MalformedRequestContext(check: Self.wrongTypedParameterCheck, methodLiteral: SwiftText.stringLiteral(op.method),
                                                             pathLiteral: SwiftText.stringLiteral(Self.concretePath(wrong, signature: signature)), bodyLiteral: "\"\""))
                }
            }
        }
        let first = operations[0]
        let methods = Set(operations.filter { $0.path == first.path }.map(\.method))
        let unused = ["DELETE", "PATCH", "PUT", "POST", "GET"].first { !methods.contains($0) } ?? "TRACE"
        return TestsFileContext(header: header, module: module, resource: resource.name, protocolName: Self.protocolName(resource.name, module: module),
                                operations: tests, malformed: malformed,
                                knownPathLiteral: SwiftText.stringLiteral(Self.concretePath(first.path, signature: OperationSignature(first))),
                                unusedMethodLiteral: SwiftText.stringLiteral(unused))
    }

    static let malformedBodyCheck = "A body that is not valid JSON"
    static let wrongTypedParameterCheck = "A path parameter of the wrong type"

    /// The path with sample values in place of its parameters, literal parts encoded as the client sends them.
    static func concretePath(_ path: String, signature: OperationSignature) -> String {
        var out = ""
        var segmentStart = true
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l):
                out += PathEncoding.literal(l, atSegmentStart: segmentStart)
                segmentStart = l.hasSuffix("/")
            case .parameter(let p):
                segmentStart = false
                let type = signature.arguments.first { $0.location == .path && $0.wireName == p }?.baseType ?? "String"
                out += type == "UUID" ? "00000000-0000-4000-8000-000000000001" : (type == "Int" || type == "Int64" ? "42" : "example")
            }
        }
        return out
    }
}
