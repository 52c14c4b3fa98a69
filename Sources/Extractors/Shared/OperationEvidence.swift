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

    public init() {}
}
