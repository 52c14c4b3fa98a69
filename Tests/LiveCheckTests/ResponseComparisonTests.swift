import APIModel
import DocTree
import Foundation
import LiveCheck
import Testing

/// The comparison of an answer with its documented type, on snippets: each kind of finding, nested
/// objects and arrays, `null`, and findings at the doc line of the field.
@Suite struct ResponseComparisonTests {
    static func at(_ line: Int) -> DocTree.SourceLocation { DocTree.SourceLocation(file: "things.md", line: line, column: 3) }

    static let owner = Schema(name: "Owner", fields: [
        Field(name: "email", type: .string, required: true, provenance: at(20)),
        Field(name: "role", type: .ref("Role"), provenance: at(21)),
    ])
    static let role = Schema(name: "Role", kind: .enumeration, enumValues: ["admin", "member"])
    static let thing = Schema(name: "Thing", fields: [
        Field(name: "id", type: .integer, required: true, provenance: at(10)),
        Field(name: "name", type: .string, required: true, provenance: at(11)),
        Field(name: "size", type: .number, provenance: at(12)),
        Field(name: "note", type: .string, nullable: true, provenance: at(13)),
        Field(name: "state", type: .string, enumValues: ["new", "done"], provenance: at(14)),
        Field(name: "owner", type: .ref("Owner"), provenance: at(15)),
        Field(name: "tags", type: .array(.string), provenance: at(16)),
        Field(name: "groups", type: .array(.object([
            Field(name: "rules", type: .array(.object([Field(name: "health", type: .boolean, required: true, provenance: at(30))])),
                  provenance: at(29)),
        ])), provenance: at(17)),
        Field(name: "extra", type: .map(.integer), provenance: at(18)),
    ])

    func findings(_ json: String, _ type: TypeRef = .ref("Thing")) -> [Finding] {
        let value = JSONValue.parse(Data(json.utf8))
        #expect(value != nil, "not JSON: \(json)")
        return ResponseComparison(schemas: [Self.thing, Self.owner, Self.role]).compare(value ?? .null, with: type, fallback: Self.at(1))
    }

    func summary(_ f: [Finding]) -> [String] { f.map { "\($0.kind.rawValue) \($0.jsonPath) \($0.location?.line ?? 0)" } }

    @Test func anAnswerAsDocumentedHasNoFinding() {
        let f = findings(#"{"id": 1, "name": "a", "size": 2, "note": null, "state": "new", "owner": {"email": "e", "role": "admin"},"#
            + #" "tags": ["x"], "groups": [{"rules": [{"health": true}]}], "extra": {"k": 3}}"#)
        #expect(f.isEmpty, "\(summary(f))")
    }

    @Test func eachKindOfFindingAtTheFieldsDocLine() {
        let f = findings(#"{"id": "1", "size": 2.5, "note": null, "state": "gone", "owner": null, "surprise": true}"#)
        #expect(summary(f).sorted() == [
            "enum state 14", "missing extra 18", "missing groups 17", "missing name 11", "missing tags 16", "null owner 15",
            "type id 10", "undocumented surprise 1",
        ])
        #expect(f.first { $0.jsonPath == "name" }?.expected == "string, required")
        #expect(f.first { $0.jsonPath == "tags" }?.expected == "array of string", "documented optional, absent: still reported")
        let type = f.first { $0.kind == .type }
        #expect(type?.expected == "integer" && type?.found == #"string "1""#)
        #expect(type?.location?.description == "things.md:10:3")
    }

    @Test func optionalFieldsAbsentEverywhereAreMissingButAbsentSomewhereAreNot() {
        let f = findings(#"[{"id": 1, "name": "a", "tags": []}, {"id": 2, "name": "b"}]"#, .array(.ref("Thing")))
        let missing = Set(f.filter { $0.kind == .missing }.map(\.jsonPath))
        #expect(!missing.contains("[1].tags"), "tags is in item 0")
        #expect(missing.contains("[0].size") && missing.contains("[0].owner"))
    }

    @Test func nestedArraysNameTheFullPathOnce() {
        let f = findings(#"{"id": 1, "name": "a", "groups": [{"rules": [{"health": true}, {"health": "ok"}]}, {"rules": [{"health": 1}]}]}"#)
        let types = f.filter { $0.kind == .type }
        #expect(types.map(\.jsonPath) == ["groups[0].rules[1].health"], "one finding per place in the type")
        #expect(types.first?.location?.line == 30)
        #expect(types.first?.found == #"string "ok""#)
    }

    @Test func nullInsideArraysAndMapsAndAtTheRoot() {
        let f = findings(#"{"id": 1, "name": "a", "tags": ["x", null], "extra": {"a": null, "b": "7"}}"#)
        #expect(summary(f).contains("null tags[1] 16"))
        #expect(summary(f).contains("null extra.a 18"))
        #expect(summary(f).contains("type extra.b 18"))
        #expect(summary(findings("null")) == ["null  1"])
    }

    @Test func enumerationSchemasAndBooleansAreTyped() {
        let f = findings(#"{"id": 1, "name": "a", "owner": {"email": "e", "role": "guest"}, "size": true}"#)
        #expect(summary(f).contains("enum owner.role 21"))
        #expect(summary(f).contains("type size 12"), "a boolean is no number")
    }

    @Test func integersAreNumbersButNumbersAreNotIntegers() {
        #expect(findings(#"{"id": 1.5, "name": "a", "size": 3}"#).filter { $0.kind != .missing }.map(\.jsonPath) == ["id"])
    }

    @Test func oddKeysAreQuotedInThePath() {
        let f = findings(#"{"id": 1, "name": "a", "a.b c": 1}"#)
        #expect(f.filter { $0.kind == .undocumented }.map(\.jsonPath) == [#"["a.b c"]"#])
    }

    @Test func anyAndFreeFormObjectsAcceptAnything() {
        #expect(findings(#"{"a": [1, "b", null]}"#, .any).isEmpty)
        #expect(findings(#"{"a": [1, "b"]}"#, .map(.any)).isEmpty)
        #expect(findings(#"{"a": 1}"#, .object([])).isEmpty, "an object documented without fields says nothing about its keys")
    }

    @Test func deepAnswersStopAtTheDepthLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        var type = TypeRef.integer
        for _ in 0..<300 { type = .array(type) }
        // No crash and no unbounded recursion: the limit cuts the walk.
        _ = ResponseComparison(schemas: []).compare(JSONValue.parse(Data(deep.utf8)) ?? .null, with: type, fallback: nil)
    }
}
