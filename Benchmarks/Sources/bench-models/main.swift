// Generated models against synthesized twins: Set insertion (hash + ==), ==, decode and encode of
// N values (default 50,000), best of 5 rounds each, the two sides in turn; prints seconds and
// generated/synthesized ratios.
//   .build/release/bench-models [N]
import Docs2SwiftRuntime
import Foundation
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
func round<T: Codable & Hashable>(_ type: T.Type, _ json: Data, into f: inout Figures) throws {
    let decoder = JSONCoding.makeDecoder(), encoder = JSONCoding.makeEncoder()
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

/// The generated type and its synthesized twin, round after round in turn (so a change in machine load
/// affects both alike): the best of `rounds` for each.
func measure<G: Codable & Hashable, S: Codable & Hashable>(_ generated: G.Type, _ synthesized: S.Type, _ json: Data) throws -> (Figures, Figures) {
    var g = Figures(), s = Figures()
    for _ in 0..<rounds {
        try round(G.self, json, into: &g)
        try round(S.self, json, into: &s)
    }
    return (g, s)
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

func report(_ name: String, generated: Figures, synthesized: Figures) {
    func line(_ what: String, _ g: Double, _ s: Double, target: Double) {
        let ratio = g / s
        print(String(format: "  %-22@ generated %8.4f s  synthesized %8.4f s  ratio %5.2f× (target ≤ %.1f×) %@",
                     what as NSString, g, s, ratio, target, (ratio <= target ? "ok" : "OVER") as NSString))
    }
    print("\(name), \(count) values, best of \(rounds):")
    line("Set insertion", generated.insert, synthesized.insert, target: 1.5)
    line("==", generated.equal, synthesized.equal, target: 1.5)
    line("decode", generated.decode, synthesized.decode, target: 1.1)
    line("encode", generated.encode, synthesized.encode, target: 1.1)
}

let (callGenerated, callSynthesized) = try measure(CallAssignmentConfiguration.self, SynthesizedCallAssignmentConfiguration.self, callJSON)
report("CallAssignmentConfiguration (10 optional properties)", generated: callGenerated, synthesized: callSynthesized)
let (projectGenerated, projectSynthesized) = try measure(Project.self, SynthesizedProject.self, projectJSON)
report("Project (37 optional properties)", generated: projectGenerated, synthesized: projectSynthesized)
