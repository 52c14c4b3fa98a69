import Docs2SwiftRuntime
import Foundation
import GeneratedAdversarialAPI
import Testing

/// The Swift generated from `Tests/Fixtures/adversarial/` compiled (this target builds it);
/// here its JSON keys must round-trip exactly as the page documents them.
@Suite struct AdversarialTests {
    /// `notes-a.apib` and `notes-b.apib` each define a `NoteRequest` with other fields: the first keeps the
    /// name, the second is its own type (which documents the name but declares no `typealias` of it).
    @Test func twoPagesDefiningOneNameGiveTwoTypes() throws {
        let a = try JSONCoding.makeDecoder().decode(NoteRequest.self, from: Data(#"{"title": "t"}"#.utf8))
        let b = try JSONCoding.makeDecoder().decode(BNotesCreateRequest.self, from: Data(#"{"body": "b", "pinned": true}"#.utf8))
        #expect(a.title == "t" && b.body == "b" && b.pinned == true)
    }

    let keys = ["default", "class", "2fa", "Name", "name", "with space", "with-dash", "🚀rocket", "self", "Type", "init", "_", "$ref",
                "\"quoted\"", "back\\\\slash", String(repeating: "x", count: 10_000), "mode", "CodingKeys"]

    @Test func everyDocumentedKeyDecodesAndEncodesExactly() throws {
        var object: [String: Any] = [:]
        for (i, k) in keys.enumerated() where k != "2fa" && k != "mode" { object[k] = "v\(i)" }
        object["2fa"] = true
        object["mode"] = "1:1"
        let data = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONCoding.makeDecoder().decode(Evil.self, from: data)
        #expect(decoded.name == "v3" && decoded.name2 == "v4")
        #expect(decoded.rocket == "v7" && decoded.ref == "v12" && decoded.quoted == "v13")
        #expect(decoded._2fa == true)
        #expect(decoded.mode == .`_11`)
        let encoded = try JSONSerialization.jsonObject(with: JSONCoding.makeEncoder().encode(decoded)) as! [String: Any]
        #expect(Set(encoded.keys) == Set(keys))
    }

    @Test func enumValuesSurviveIncludingUndocumentedOnes() throws {
        let values = try JSONCoding.makeDecoder().decode([Mode].self, from: Data(#"["default", "undocumented", "a b", "\\", "*/", "\"", "rawValue", "brand new"]"#.utf8))
        #expect(values.map(\.rawValue) == ["default", "undocumented", "a b", "\\", "*/", "\"", "rawValue", "brand new"])
        #expect(values.last == .undocumented("brand new"))
        #expect(Mode.allCases.count == 8)
    }
}
