import APIModel

/// The live-mode part of an operation's round trip: the `LivePlan` the generated test resolves against
/// the server (from `ArgumentPlan`, the decision `docs2swift check` follows too), and the lines that put
/// its values into the sample input, converted to each argument's type.
///
/// For example: `GET /users/{user_id}?limit=` with `GET /users` documented → the plan
/// `LivePlan("/users/{user_id}", ["user_id": [.list("/users")]])` and the lines
/// `let values = try await LiveArguments.shared.values(UsersSamples.usersRetrieveLive)`,
/// `input.userId = try values.string("user_id")`, `input.limit = nil`.
struct LiveArgumentsBuilder {
    let plan: ArgumentPlan

    struct Result {
        /// The `LivePlan(…)` expression, or empty when the call needs no values.
        var planExpression = ""
        /// The statements run in live mode before the call (`input.… = …`).
        var lines: [String] = []
        /// Whether the lines change the sample input (then it is a `var`).
        var mutatesInput = false
    }

    func build(_ op: APIModel.Operation, signature: OperationSignature, planName: String) -> Result {
        var result = Result()
        let query: [(name: String, value: String)]
        switch plan.queryValues(op, includeOptional: false) {
        case .success(let values): query = values
        case .failure(let missing):
            result.lines = ["try LiveServer.skip(\(SwiftText.stringLiteral(op.path + ": " + missing.reason)))"]
            return result
        }
        // Required headers the docs give values for travel with the query values (by name); other headers
        // keep the sample (required) or are left out (optional), as optional query parameters are.
        let headers = plan.headerValues(op).filter { h in !query.contains { $0.name == h.name } }
        let values = query + headers
        var assignments: [String] = []
        var usesValues = false
        for arg in signature.arguments where arg.location == .path || arg.location == .query || arg.location == .header {
            let target = "input.\(Naming.escaped(arg.swiftName))"
            if arg.location == .header, arg.required, !headers.contains(where: { $0.name == arg.wireName }) { continue }
            let sent = arg.location == .path || values.contains { $0.name == arg.wireName }
            guard sent else {
                if !arg.required { assignments.append("\(target) = nil") }
                continue
            }
            guard let value = conversion(arg) else { continue }
            assignments.append("\(target) = \(value)")
            usesValues = true
        }
        let pathSources = plan.pathSourcesClosed(op.path)
        if usesValues {
            let sources = pathSources.filter { !$0.sources.isEmpty }.map { entry in
                SwiftText.stringLiteral(entry.name) + ": [" + entry.sources.map(Self.source).joined(separator: ", ") + "]"
            }
            var expression = "LivePlan(\(SwiftText.stringLiteral(op.path)), [\(sources.isEmpty ? ":" : sources.joined(separator: ", "))]"
            if !values.isEmpty {
                expression += ", query: [" + values.map { SwiftText.stringLiteral($0.name) + ": " + SwiftText.stringLiteral($0.value) }.joined(separator: ", ") + "]"
            }
            result.planExpression = expression + ")"
            result.lines = ["let values = try await LiveArguments.shared.values(\(planName))"]
        }
        result.lines += assignments
        result.mutatesInput = !assignments.isEmpty
        return result
    }

    static func source(_ source: ArgumentPlan.Source) -> String {
        switch source {
        case .list(let path): return ".list(\(SwiftText.stringLiteral(path)))"
        case .example(let value): return ".example(\(SwiftText.stringLiteral(value)))"
        }
    }

    /// The expression that reads the argument's value from `values` as its type; nil for a type a
    /// text value does not convert to (a date, an object): the sample stays.
    func conversion(_ arg: OperationSignature.Argument) -> String? {
        let name = SwiftText.stringLiteral(arg.wireName)
        if case .array(let inner) = arg.modelType, let element = arg.elementType {
            return scalar(inner, swiftType: element, name: name).map { "[\($0)]" }
        }
        return scalar(arg.modelType, swiftType: arg.baseType, name: name)
    }

    func scalar(_ type: TypeRef, swiftType: String, name: String) -> String? {
        switch type {
        case .primitive(.string, _):
            switch swiftType {
            case "String": return "try values.string(\(name))"
            case "UUID": return "try values.parse(\(name), as: UUID.self) { UUID(uuidString: $0) }"
            case "URL": return "try values.parse(\(name), as: URL.self) { URL(string: $0) }"
            case "CalendarDate": return "try values.parse(\(name), as: CalendarDate.self) { CalendarDate($0) }"
            case "DecimalString": return "try values.parse(\(name), as: DecimalString.self) { DecimalString($0) }"
            default: return nil
            }
        case .primitive(.integer, _), .primitive(.number, _), .primitive(.boolean, _):
            return "try values.parse(\(name), as: \(swiftType).self) { \(swiftType)($0) }"
        case .ref:
            return "try values.parse(\(name), as: \(swiftType).self) { \(swiftType)(rawValue: $0) }"
        default:
            return nil
        }
    }
}
