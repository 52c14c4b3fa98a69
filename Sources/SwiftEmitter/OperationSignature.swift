import APIModel

/// The Swift arguments of an operation, shared by the client method, the server input and the tests
/// so all three agree: path parameters (template order), the body, required then optional query
/// parameters, headers. Names are lowerCamelCase, unique, never a reserved member.
///
/// For example: `PATCH /users/{uuid}/` with a body → `uuid: UUID`, `body: PatchedUserRequest?`.
struct OperationSignature {
    enum Location: Equatable { case path, query, header, body }

    struct Argument {
        var swiftName: String
        var wireName: String
        var location: Location
        /// The Swift type without `?` (for arrays, `[Element]`).
        var baseType: String
        var elementType: String?
        var required: Bool
        var description: String
        var enumValues: [String]?
        var modelType: TypeRef
        var typeWithOptional: String { required ? baseType : baseType + "?" }
    }

    var arguments: [Argument] = []
    var pathNames: [String: String] = [:]

    init(_ op: Operation, qualifier: String = "") {
        func swiftType(_ t: TypeRef) -> String { SwiftTypes.name(t, qualifier: qualifier) }
        var used: Set<String> = ["request", "response", "client", "context", "input", "output", "pageCursor", "pageBody"]
        func claim(_ raw: String) -> String {
            var base = Naming.memberName(raw)
            if ContextBuilder.reservedMembers.contains(base) { base += "Value" }
            var name = base
            var n = 2
            while used.contains(name) { name = "\(base)\(n)"; n += 1 }
            used.insert(name)
            return name
        }
        for name in PathTemplate.parameterNames(op.path) {
            let p = op.parameters.first { $0.location == .path && $0.name == name }
            let swiftName = claim(name)
            pathNames[name] = swiftName
            let model = p.map { SwiftTypes.isScalar($0.type) ? $0.type : .string } ?? .string
            arguments.append(Argument(swiftName: swiftName, wireName: name, location: .path, baseType: swiftType(model), elementType: nil,
                                      required: true, description: p?.description ?? "", enumValues: p?.enumValues, modelType: model))
        }
        if let body = op.requestBody {
            arguments.append(Argument(swiftName: claim("body"), wireName: "body", location: .body, baseType: swiftType(body.type),
                                      elementType: nil, required: body.required, description: "", enumValues: nil, modelType: body.type))
        }
        let others = op.parameters.filter { $0.location != .path }.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            return a.required && !b.required
        }
        for p in others {
            let swiftName = claim(p.name)
            var model: TypeRef = .string
            var element: String?
            switch p.type {
            case .array(let inner) where SwiftTypes.isScalar(inner):
                model = .array(inner)
                element = swiftType(inner)
            case let t where SwiftTypes.isScalar(t):
                model = t
            default:
                model = .string
            }
            arguments.append(Argument(swiftName: swiftName, wireName: p.name, location: p.location == .header ? .header : .query,
                                      baseType: swiftType(model), elementType: element, required: p.required,
                                      description: p.description, enumValues: p.enumValues, modelType: model))
        }
    }
}
