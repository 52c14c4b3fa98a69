import APIModel
import DocTree

/// The decisions every dialect's operations share, each made here once: which methods carry a body,
/// which response is the success answer, list vs retrieve in the id, path parameters and their type
/// words, the response an operation documents none of. The builder's `assemble` uses them, and so do
/// the dialects that read their own syntax into operations (Sphinx field lists, API Blueprint, the
/// MkDocs reference tabs).
///
/// For example: `GET /pets` whose first success response is an array of objects → id `pets_list`;
/// `GET /pets/{id}` → `pets_retrieve` with a required string path parameter `id`.
extension OperationBuilder {
    /// Methods whose request has a body: parameters nothing else places are its fields.
    public static let bodyMethods: Set<String> = ["POST", "PUT", "PATCH"]

    /// Methods whose request never has a body: JSON shown after their request line is a response, and
    /// fields under a caption that names no side are the answer's.
    public static let bodilessMethods: Set<String> = ["GET", "HEAD"]

    /// Request headers that are no operation parameters: the client sets them from its credentials,
    /// the body's content type and the response it decodes.
    public static let transportHeaders: Set<String> = ["authorization", "accept", "content-type", "content-length", "host"]

    /// The success status among documented ones: the lowest 2xx; `200` when no 2xx is documented.
    ///
    /// For example: `["404", "201", "200"]` → `200`; `["404"]` → `200`.
    public static func successStatus(_ statuses: [String]) -> String {
        statuses.filter { $0.hasPrefix("2") }.sorted().first ?? "200"
    }

    /// The index of the success response among documented ones (`successStatus`); a `200` with no
    /// body is added when no 2xx is documented.
    public static func successResponse(_ responses: inout [Response], provenance: SourceLocation?) -> Int {
        let status = successStatus(responses.map(\.status))
        if let i = responses.firstIndex(where: { $0.status == status }) { return i }
        responses.append(undocumentedResponse(provenance: provenance))
        return responses.count - 1
    }

    /// The response that carries the operation's answer: the one of the success status; nil when
    /// the operation documents no 2xx.
    public static func primarySuccess(_ responses: [Response]) -> Int? {
        guard responses.contains(where: { $0.status.hasPrefix("2") }) else { return nil }
        let status = successStatus(responses.map(\.status))
        return responses.firstIndex { $0.status == status }
    }

    /// The response an operation that documents none has: `200` with no body.
    public static func undocumentedResponse(provenance: SourceLocation? = nil) -> Response {
        Response(status: "200", description: "", type: nil, provenance: provenance)
    }

    /// The operation's id (`Naming.operationID`): a GET whose success response is an array lists,
    /// any other GET retrieves.
    public static func operationID(_ op: Operation) -> String {
        var returnsArray = false
        if let i = primarySuccess(op.responses), case .array? = op.responses[i].type { returnsArray = true }
        return Naming.operationID(method: op.method, path: op.path, returnsArray: returnsArray)
    }

    /// A path parameter: required whatever the docs say (the template needs a value), typed as
    /// documented, a string when the docs give no type.
    public static func pathParameter(_ name: String, type: TypeRef?, description: String = "", enumValues: [String]? = nil,
                                     provenance: SourceLocation?) -> Parameter {
        let type = type.map { $0 == .any ? .string : $0 } ?? .string
        return Parameter(name: name, location: .path, type: type, required: true, description: description, enumValues: enumValues,
                         provenance: provenance)
    }

    /// Every `{name}` of the path template is a path parameter, documented or not.
    public static func addMissingPathParameters(_ op: inout Operation) {
        for name in PathTemplate.parameterNames(op.path) where !op.parameters.contains(where: { $0.location == .path && $0.name == name }) {
            op.parameters.append(pathParameter(name, type: nil, provenance: op.provenance))
        }
    }

    /// The type a path converter or type word gives a path parameter (`(int:id)`, `:param int id:`):
    /// whole and decimal numbers are kept, anything else is a string.
    ///
    /// For example: `int` → integer; `float` → number; `uuid` → string.
    public static func pathParameterType(_ word: String) -> TypeRef {
        let w = word.lowercased()
        if TypeWords.integer.contains(w) { return .integer }
        if TypeWords.decimal.contains(w) { return .number }
        return .string
    }
}

/// The words docs use for a value's type, where one table serves several readers.
public enum TypeWords {
    /// Whole numbers: httpdomain's `int` converter and `:param int`, `long` (Java-documented APIs).
    public static let integer: Set<String> = ["int", "integer", "long"]
    /// Decimal numbers.
    public static let decimal: Set<String> = ["float", "number", "double"]
}
