import APIModel
import SwiftEmitter

/// The public Swift declarations docs2swift generates from a model (models and client): each type
/// with its properties, enum cases and `init`, each `APIClient` method with its arguments and
/// return type. It follows the emitter's naming (`ContextBuilder.properties`, `caseNames`,
/// `OperationSignature`) so a diff can say which declarations a docs change touches, in the
/// spelling `swift-api-digester` prints.
///
/// For example: the schema `User {name: string (required), email: string}` gives the type `User` with
/// properties `User.name: String`, `User.email: String?` and `User.init(name:email:)` whose
/// `email` is defaulted.
struct SwiftSurface {
    /// One argument of an `init` or method: label, Swift type (with `?`), whether it has a default.
    struct Argument: Hashable {
        var label: String
        var type: String
        var defaulted: Bool
    }

    /// A function-like declaration: `User.init(name:email:)`, `APIClient.usersList(page:)`.
    struct Function: Hashable {
        var base: String
        var arguments: [Argument]
        var returnType: String
        var declaration: String { base + "(" + arguments.map { $0.label + ":" }.joined() + ")" }
    }

    enum Kind: String { case `struct`, `enum`, `typealias` }

    struct TypeDecl {
        var kind: Kind
        /// Property name → Swift type (structs); case name → raw value (enums); `""` → target (aliases).
        var members: [String: String]
        var initializer: Function?
        /// Structural key of the type (fields with their types), to recognise a renamed type.
        var shape: String

        /// The same declaration under another name (a typealias's target seen through the alias).
        func renamed(_ name: String) -> TypeDecl {
            var copy = self
            if let i = initializer { copy.initializer = Function(base: name + ".init", arguments: i.arguments, returnType: i.returnType) }
            return copy
        }
    }

    var types: [String: TypeDecl] = [:]
    var methods: [String: Function] = [:]
    /// Method name → `METHOD /path/{}/` of its operation, to tell a renamed method from a removed one.
    var operations: [String: String] = [:]

    init(_ api: APIDescription) {
        var taken = Set(api.schemas.map(\.name))
        for schema in api.schemas {
            switch schema.kind {
            case .object:
                var members: [String: String] = [:]
                var arguments: [Argument] = []
                for (field, name) in Self.properties(schema) {
                    let optional = !field.required || field.nullable
                    let type = SwiftTypes.name(field.type) + (optional ? "?" : "")
                    members[name] = type
                    arguments.append(Argument(label: name, type: type, defaulted: optional))
                }
                let shape = "struct{" + arguments.map { "\($0.label):\($0.type)" }.joined(separator: ",") + "}"
                types[schema.name] = TypeDecl(kind: .struct, members: members,
                                              initializer: Function(base: schema.name + ".init", arguments: arguments, returnType: ""), shape: shape)
            case .enumeration:
                let cases = Self.caseNames(schema)
                types[schema.name] = TypeDecl(kind: .enum, members: Dictionary(zip(cases, schema.enumValues), uniquingKeysWith: { a, _ in a }),
                                              initializer: nil, shape: "enum{" + schema.enumValues.sorted().joined(separator: ",") + "}")
            }
            for alias in schema.documentedNames where !taken.contains(alias) && !Naming.reservedTypeNames.contains(alias) {
                taken.insert(alias)
                types[alias] = TypeDecl(kind: .typealias, members: ["": schema.name], initializer: nil, shape: "alias " + schema.name)
            }
        }
        for op in api.operations {
            let name = op.swiftName.isEmpty ? Naming.memberName(op.id) : op.swiftName
            guard methods[name] == nil else { continue }
            let returnType = op.responses.filter(\.isSuccess).first { $0.type != nil }?.type.map(SwiftTypes.name) ?? "Void"
            methods[name] = Function(base: "APIClient." + name, arguments: Self.arguments(op), returnType: returnType)
            operations[name] = op.method + " " + FlatAPI.shape(op.path)
        }
    }

    /// As `ContextBuilder.properties`: one property per JSON key, reserved names get `Value`, repeats a number.
    static func properties(_ schema: Schema) -> [(field: Field, name: String)] {
        var used: Set<String> = []
        var keys: Set<String> = []
        var out: [(field: Field, name: String)] = []
        for field in schema.fields where keys.insert(field.name).inserted {
            var base = Naming.memberName(field.name)
            if reservedMembers.contains(base) { base += "Value" }
            out.append((field, claim(base, in: &used)))
        }
        return out
    }

    static let reservedMembers: Set<String> = ["init", "self", "Self", "Type", "Protocol", "deinit", "subscript"]

    /// As `ContextBuilder.caseNames`, without the backticks (the digester prints names bare).
    static func caseNames(_ schema: Schema) -> [String] {
        var used: Set<String> = ["undocumented", "allCases", "rawValue", "init", "self", "Type"]
        return schema.enumValues.map { value in
            var base = Naming.memberName(value)
            if value.allSatisfy({ $0 == " " }) || Naming.words(value).isEmpty { base = "empty" }
            return claim(base, in: &used)
        }
    }

    /// As `OperationSignature`: path parameters in template order, the body, required then optional
    /// query parameters, headers; non-scalar parameters are strings.
    static func arguments(_ op: Operation) -> [Argument] {
        var used: Set<String> = ["request", "response", "client", "context", "input", "output"]
        func label(_ raw: String) -> String {
            var base = Naming.memberName(raw)
            if reservedMembers.contains(base) { base += "Value" }
            return claim(base, in: &used)
        }
        var out: [Argument] = []
        for name in PathTemplate.parameterNames(op.path) {
            let p = op.parameters.first { $0.location == .path && $0.name == name }
            let type = p.map { SwiftTypes.isScalar($0.type) ? $0.type : .string } ?? .string
            out.append(Argument(label: label(name), type: SwiftTypes.name(type), defaulted: false))
        }
        if let body = op.requestBody {
            out.append(Argument(label: label("body"), type: SwiftTypes.name(body.type) + (body.required ? "" : "?"), defaulted: !body.required))
        }
        let others = op.parameters.filter { $0.location != .path }.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            return a.required && !b.required
        }
        for p in others {
            var type: TypeRef = .string
            switch p.type {
            case .array(let inner) where SwiftTypes.isScalar(inner): type = .array(inner)
            case let t where SwiftTypes.isScalar(t): type = t
            default: break
            }
            out.append(Argument(label: label(p.name), type: SwiftTypes.name(type) + (p.required ? "" : "?"), defaulted: !p.required))
        }
        return out
    }

    static func claim(_ base: String, in used: inout Set<String>) -> String {
        var name = base
        var n = 2
        while used.contains(name) { name = "\(base)\(n)"; n += 1 }
        used.insert(name)
        return name
    }
}
