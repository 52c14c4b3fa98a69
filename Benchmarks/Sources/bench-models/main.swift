// Generated models against synthesized twins, and against swift-openapi-generator's types of the same
// pages: Set insertion (hash + ==), ==, decode and encode of N values (default 50,000), best of 5 rounds
// each, the sides in turn; prints seconds, generated/synthesized ratios (with the targets) and
// generated/swift-openapi-generator ratios.
//   .build/release/bench-models [N]
import Docs2SwiftRuntime
import Foundation
import OpenAPIRuntime
import SOGTypes
import Twins
import WaldurModels

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 50_000 : 50_000
let rounds = 5

struct Figures { var insert = Double.infinity, equal = Double.infinity, decode = Double.infinity, encode = Double.infinity }

/// Seconds of one run of `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// One round of the four measurements of `T` on `json` (an array of `count` objects), each kept if it is
/// the fastest so far. `==` compares each value with an equal copy decoded separately (no shared
/// storage), so every property is compared.
@inline(never)
func round<T: Codable & Hashable>(_ type: T.Type, _ json: Data, _ coders: Coders, into f: inout Figures) throws {
    let decoder = coders.decoder(), encoder = coders.encoder()
    var values: [T] = []
    f.decode = min(f.decode, try seconds { values = try decoder.decode([T].self, from: json) })
    let copies = try decoder.decode([T].self, from: json)
    var encoded = Data()
    f.encode = min(f.encode, try seconds { encoded = try encoder.encode(values) })
    let decodedAgain = try decoder.decode([T].self, from: encoded)
    precondition(decodedAgain == values, "\(T.self) does not round-trip")
    f.insert = min(f.insert, seconds {
        var set = Set<T>(minimumCapacity: values.count)
        for v in values { set.insert(v) }
        precondition(set.count == values.count)
    })
    f.equal = min(f.equal, seconds {
        var same = 0
        for i in values.indices where values[i] == copies[i] { same += 1 }
        precondition(same == values.count)
    })
}

/// The JSON coders a side decodes and encodes with: docs2swift's (`JSONCoding`), or those
/// swift-openapi-generator's `Converter` makes from a `Configuration` (dates through its `DateTranscoder`).
struct Coders: Sendable {
    var decoder: @Sendable () -> JSONDecoder
    var encoder: @Sendable () -> JSONEncoder

    static let docs2swift = Coders(decoder: JSONCoding.makeDecoder, encoder: JSONCoding.makeEncoder)

    /// As `OpenAPIRuntime.Converter(configuration:)` sets its coders up, with the same output formatting as
    /// docs2swift's encoder (`Configuration`'s default adds pretty printing).
    static func openAPIRuntime(_ transcoder: any DateTranscoder) -> Coders {
        Coders(decoder: {
            let d = JSONDecoder()
            d.dateDecodingStrategy = .custom { decoder in
                try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
            }
            return d
        }, encoder: {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            e.dateEncodingStrategy = .custom { date, encoder in
                var c = encoder.singleValueContainer()
                try c.encode(try transcoder.encode(date))
            }
            return e
        })
    }
}

/// The generated type, its synthesized twin and swift-openapi-generator's type, round after round in turn
/// (so a change in machine load affects all alike): the best of `rounds` for each.
func measure<G: Codable & Hashable, S: Codable & Hashable, O: Codable & Hashable>(
    _ generated: G.Type, _ synthesized: S.Type, _ openAPI: O.Type, _ json: Data, openAPICoders: Coders
) throws -> (Figures, Figures, Figures) {
    var g = Figures(), s = Figures(), o = Figures()
    for _ in 0..<rounds {
        try round(G.self, json, .docs2swift, into: &g)
        try round(S.self, json, .docs2swift, into: &s)
        try round(O.self, json, openAPICoders, into: &o)
    }
    return (g, s, o)
}

/// `count` distinct JSON objects with every key set (`value(key, i)` gives each key's value).
func objects(_ keys: [String], _ value: (String, Int) -> Any) throws -> Data {
    let array = (0..<count).map { i in Dictionary(uniqueKeysWithValues: keys.map { ($0, value($0, i)) }) }
    return try JSONSerialization.data(withJSONObject: array)
}

func uuid(_ i: Int) -> String { String(format: "00000000-0000-4000-8000-%012x", i) }

let callKeys = ["uuid", "call", "call_uuid", "call_name", "auto_reassign_on_decline", "max_auto_reassign_attempts",
                "assignment_expiration_days", "send_reminder_before_expiry_days", "created", "modified"]
let callJSON = try objects(callKeys) { key, i in
    switch key {
    case "uuid", "call_uuid": return uuid(i)
    case "call": return "https://waldur.example.com/api/proposal-public-calls/\(uuid(i))/"
    case "call_name": return "Call number \(i) for proposals"
    case "auto_reassign_on_decline": return i % 2 == 0
    case "created", "modified": return "2024-05-01T12:00:00.\(String(format: "%03d", i % 1000))Z"
    default: return i % 97
    }
}

let projectKeys = ["url", "uuid", "name", "slug", "customer", "customer_uuid", "customer_name", "customer_slug",
                   "customer_native_name", "customer_abbreviation", "description", "customer_display_billing_info_in_projects",
                   "created", "type", "type_name", "type_uuid", "backend_id", "start_date", "end_date", "end_date_requested_by",
                   "oecd_fos_2007_code", "oecd_fos_2007_label", "is_industry", "image", "resources_count", "max_service_accounts",
                   "kind", "is_removed", "termination_metadata", "staff_notes", "grace_period_days", "user_email_patterns",
                   "user_affiliations", "user_identity_sources", "project_credit", "marketplace_resource_count", "billing_price_estimate"]
let projectJSON = try objects(projectKeys) { key, i in
    switch key {
    case "url", "customer", "type", "end_date_requested_by", "image": return "https://waldur.example.com/api/\(key)/\(uuid(i))/"
    case "uuid", "customer_uuid", "type_uuid": return uuid(i)
    case "created": return "2024-05-01T12:00:00Z"
    case "start_date", "end_date": return "2024-0\(1 + i % 9)-1\(i % 10)"
    case "customer_display_billing_info_in_projects", "is_industry", "is_removed": return i % 3 == 0
    case "resources_count", "max_service_accounts", "grace_period_days": return i % 1000
    case "project_credit": return Double(i) / 8
    case "oecd_fos_2007_code", "kind": return "code-\(i % 50)"
    case "termination_metadata", "billing_price_estimate": return ["total": i % 300, "currency": "EUR"] as [String: Any]
    case "user_email_patterns", "user_affiliations", "user_identity_sources": return ["a\(i % 7)", "b"]
    case "marketplace_resource_count": return ["vm": i % 5, "storage": i % 11]
    default: return "\(key) \(i)"
    }
}

func report(_ name: String, generated: Figures, synthesized: Figures, openAPI: Figures) {
    func line(_ what: String, _ g: Double, _ s: Double, _ o: Double, target: Double) {
        let ratio = g / s
        print(String(format: "  %-14@ generated %8.4f s  synthesized %8.4f s  ratio %5.2f× (target ≤ %.1f×) %-4@  swift-openapi-generator %8.4f s  generated/SOG %5.2f×",
                     what as NSString, g, s, ratio, target, (ratio <= target ? "ok" : "OVER") as NSString, o, g / o))
    }
    print("\(name), \(count) values, best of \(rounds):")
    line("Set insertion", generated.insert, synthesized.insert, openAPI.insert, target: 1.5)
    line("==", generated.equal, synthesized.equal, openAPI.equal, target: 1.5)
    line("decode", generated.decode, synthesized.decode, openAPI.decode, target: 1.1)
    line("encode", generated.encode, synthesized.encode, openAPI.encode, target: 1.1)
}

// The call JSON's dates have fractional seconds, which swift-openapi-generator's default transcoder
// (`.iso8601`) rejects: its users configure `.iso8601WithFractionalSeconds` for such an API.
let (callGenerated, callSynthesized, callOpenAPI) = try measure(
    CallAssignmentConfiguration.self, SynthesizedCallAssignmentConfiguration.self, Components.Schemas.CallAssignmentConfiguration.self,
    callJSON, openAPICoders: .openAPIRuntime(ISO8601DateTranscoder.iso8601WithFractionalSeconds))
report("CallAssignmentConfiguration (10 optional properties)", generated: callGenerated, synthesized: callSynthesized, openAPI: callOpenAPI)
let (projectGenerated, projectSynthesized, projectOpenAPI) = try measure(
    Project.self, SynthesizedProject.self, Components.Schemas.Project.self, projectJSON, openAPICoders: .openAPIRuntime(ISO8601DateTranscoder.iso8601))
report("Project (37 optional properties)", generated: projectGenerated, synthesized: projectSynthesized, openAPI: projectOpenAPI)
