import APIModel

/// The names and signatures the emitter gives a model's declarations, for tools that compare two
/// generations (`APIDiff`'s Swift impact) without rendering them: the same functions the templates'
/// contexts are built with, so the two cannot drift apart.
///
/// For example: `EmittedDeclarations.arguments(op)` for `GET /users/{uuid}/?page=` is
/// `[uuid: UUID, page: Int? = nil]`; `PagingMethods(api).method(for: op)` is `usersListAll(pageSize:) -> Paginated<User>`.
public enum EmittedDeclarations {
    /// A method or `init` argument: its label, Swift type (with `?`), and whether it has a default.
    public struct Argument: Hashable, Sendable {
        public var label: String
        public var type: String
        public var defaulted: Bool
    }

    /// A struct's properties: one per JSON key, with its Swift name (unescaped).
    public static func properties(_ schema: Schema) -> [(field: Field, name: String)] { ContextBuilder.properties(schema) }

    /// An enum's case names, unescaped (`default`, not `` `default` ``), one per documented value.
    public static func caseNames(_ schema: Schema) -> [String] {
        ContextBuilder.caseNames(schema).map { $0.hasPrefix("`") && $0.hasSuffix("`") ? String($0.dropFirst().dropLast()) : $0 }
    }

    /// The client method's arguments, in order: path parameters, body, required then optional query, headers.
    public static func arguments(_ op: Operation) -> [Argument] {
        OperationSignature(op).arguments.map { Argument(label: $0.swiftName, type: $0.typeWithOptional, defaulted: !$0.required) }
    }

    /// The `…All` methods paging list operations get (see `PaginationPlan`), for one API.
    ///
    /// For example: `PagingMethods(api).method(for: op)` is `("usersListAll", [pageSize: Int? = nil], "Paginated<User>")`.
    public struct PagingMethods: Sendable {
        let builder: ContextBuilder

        public init(_ api: APIDescription) { builder = ContextBuilder(access: "public", api: api) }

        /// `op`'s `…All` method (name, arguments, return type), or nil when it does not page.
        public func method(for op: Operation) -> (name: String, arguments: [Argument], returnType: String)? {
            let signature = OperationSignature(op)
            guard let plan = PaginationPlan(op, signature: signature, schemas: builder.schemas),
                  !builder.operationNames.contains(op.swiftName + "All") else { return nil }
            let kept = signature.arguments.filter { $0.swiftName != plan.cursorArgument }
            return (op.swiftName + "All", kept.map { Argument(label: $0.swiftName, type: $0.typeWithOptional, defaulted: !$0.required) },
                    "Paginated<\(SwiftTypes.name(plan.itemType))>")
        }
    }
}
