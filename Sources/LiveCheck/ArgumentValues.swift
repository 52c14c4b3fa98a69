import APIModel
import Docs2SwiftRuntime
import Foundation

/// The arguments of the check's requests: `ArgumentPlan`'s sources (lists, the docs' examples), tried
/// against the list answers this run has seen, with `ListAnswer`'s rule for the id an answer gives; the
/// generated tests' live mode takes the same plan and rule. Writes use only objects the check created.
///
/// For example: after `GET /buckets` answered `{"data": [{"id": "blog"}]}`, `GET /buckets/{bucket_id}`
/// is sent as `/buckets/blog`.
public struct ArgumentValues: Sendable {
    let plan: ArgumentPlan
    /// List answers by collection key (`/buckets/{}/collections`), as `JSONSerialization` values.
    var listed: [String: ListBody] = [:]
    /// The object created in each collection (its create answer), by collection key.
    var created: [String: JSONValue] = [:]
    /// Ids the check chose for objects it created (put in the create body), by collection key.
    var chosenIds: [String: String] = [:]

    /// A list answer, kept as `ListAnswer` reads it.
    struct ListBody: @unchecked Sendable { var value: Any }

    public init(api: APIDescription) {
        plan = ArgumentPlan(api: api)
    }

    /// Remembers a GET answer at `path`: the ids of its items fill parameters later.
    mutating func learnList(_ body: JSONValue, path: String) {
        guard let items = ListAnswer.items(in: body.foundationValue), !items.isEmpty else { return }
        listed[CheckPlan.key(path)] = ListBody(value: body.foundationValue)
    }

    mutating func learnCreated(_ body: JSONValue, path: String) {
        created[CheckPlan.key(path)] = body
    }

    /// The value for each path parameter of `path`, or the name of the first one nothing gives a value for.
    /// `createdOnly` uses only objects this check created (for writes and their reads).
    func pathValues(for path: String, createdOnly: Bool) -> Result<[String: String], MissingValue> {
        var values: [String: String] = [:]
        var prefix = ""
        let sources = createdOnly ? [:] : Dictionary(plan.pathSources(path).map { ($0.name, $0.sources) }, uniquingKeysWith: { a, _ in a })
        for c in PathTemplate.components(path) {
            switch c {
            case .literal(let l): prefix += l
            case .parameter(let name):
                let collection = CheckPlan.key(prefix)
                var value: String?
                if let made = created[collection] {
                    value = ListAnswer.identifier(in: made.foundationValue as? [String: Any] ?? [:], for: name) ?? chosenIds[collection]
                }
                for source in sources[name] ?? [] where value == nil {
                    switch source {
                    case .example(let v): value = v
                    case .list(let list):
                        value = listed[CheckPlan.key(list)].flatMap { ListAnswer.firstIdentifier(in: $0.value, for: name) }
                    }
                }
                guard let value else { return .failure(MissingValue(name: name, createdOnly: createdOnly)) }
                values[name] = value
                prefix += "{}"
            }
        }
        return .success(values)
    }

    public struct MissingValue: Error {
        public var name: String
        public var createdOnly: Bool
        public var reason: String {
            createdOnly ? "no value for path parameter {\(name)}: no object created by this check" : ArgumentPlan.missingPathValueReason(name)
        }
    }
}

extension JSONValue {
    /// The value as `JSONSerialization` gives it (integers as exact `NSNumber`s), for `ListAnswer`.
    var foundationValue: Any {
        switch self {
        case .null: return NSNull()
        case .boolean(let b): return NSNumber(value: b)
        case .integer(let i): return NSNumber(value: i)
        case .number(let d): return NSNumber(value: d)
        case .string(let s): return s
        case .array(let items): return items.map(\.foundationValue)
        case .object(let members): return Dictionary(members.map { ($0.key, $0.value.foundationValue) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
