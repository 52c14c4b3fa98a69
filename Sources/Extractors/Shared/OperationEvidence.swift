import APIModel

/// What a page says about one operation before it is one: the typed evidence every reader that
/// gathers (the sectioned reader, GitBook's tags) hands to `OperationBuilder.assemble` with the
/// signature, which makes every decision about it (`OperationDecisions`: placement, body, success
/// status, path parameters, id).
///
/// For example: under `POST /pets`, a `Body parameters` table row `name | string | required` and a
/// `201 Response` example `{"id": 1}` give names `[(name, .requestFields)]`, one response example
/// with status `201`, and statuses `["201"]`.
public struct OperationEvidence: Sendable {
    /// Documented parameter and field names, each with the place its caption, heading, table column
    /// or component attribute gives; dotted and bracketed names (`data.id`, `items[].id`) are nested fields.
    public var names: [(DocumentedName, SectionContext)] = []
    /// JSON examples with their kind (request, response, unknown) and the status they are shown for.
    public var examples: [JSONExample] = []
    /// Statuses documented in tables, headings, prose or HTTP status lines.
    public var statuses: [String] = []
    /// The prose that describes the operation (its first descriptive paragraph).
    public var description = ""
    /// Path-parameter types the signature itself declares (httpdomain's `(int:id)` → `id`: integer),
    /// for the parameters no documented name types.
    public var pathTypes: [String: TypeRef] = [:]
    /// The keys of the signature's own query string, in order and typed when it says
    /// (`GET /tiles?format=GPKG&z=(int:z)` → `format`, `z`: integer): query parameters before any
    /// documented one, each described by the documented parameter of its name.
    public var queryKeys: [DocumentedName] = []
    /// Placeholders inside the values of the signature's query string (`?resource=(int:id1),(int:id2)`
    /// → `id1`, `id2`): parts of a value, so a documented parameter of their name is none of its own.
    public var valuePlaceholders: Set<String> = []

    public init() {}
}
