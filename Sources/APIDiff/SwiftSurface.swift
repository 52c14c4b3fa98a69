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

        init(label: String, type: String, defaulted: Bool) {
            self.label = label
            self.type = type
            self.defaulted = defaulted
        }

        init(_ emitted: EmittedDeclarations.Argument) { self.init(label: emitted.label, type: emitted.type, defaulted: emitted.defaulted) }
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
        let paging = EmittedDeclarations.PagingMethods(api)
        for op in api.operations {
            let name = op.swiftName.isEmpty ? Naming.memberName(op.id) : op.swiftName
            guard methods[name] == nil else { continue }
            let returnType = op.responses.filter(\.isSuccess).first { $0.type != nil }?.type.map(SwiftTypes.name) ?? "Void"
            methods[name] = Function(base: "APIClient." + name, arguments: Self.arguments(op), returnType: returnType)
            operations[name] = op.method + " " + FlatAPI.shape(op.path)
            // A paging list's `…All` method comes and goes with its paging parameters.
            if let all = paging.method(for: op), methods[all.name] == nil {
                methods[all.name] = Function(base: "APIClient." + all.name, arguments: all.arguments.map(Argument.init), returnType: all.returnType)
                operations[all.name] = op.method + " " + FlatAPI.shape(op.path) + " all"
            }
        }
    }

    /// The emitter's property names (`ContextBuilder.properties`).
    static func properties(_ schema: Schema) -> [(field: Field, name: String)] { EmittedDeclarations.properties(schema) }

    /// The emitter's case names, without the backticks (the digester prints names bare).
    static func caseNames(_ schema: Schema) -> [String] { EmittedDeclarations.caseNames(schema) }

    /// The emitter's client arguments (`OperationSignature`): path parameters in template order, the body,
    /// required then optional query parameters, headers; non-scalar parameters are strings.
    static func arguments(_ op: Operation) -> [Argument] { EmittedDeclarations.arguments(op).map(Argument.init) }
}
