import Docs2SwiftRuntime
import Foundation
import Testing

/// The helpers generated models and server inputs use in place of synthesized conformances.
@Suite struct ModelCodingTests {
    struct Pet: Codable, Equatable {
        var name: String
        var tag: String?
        init(name: String, tag: String?) { self.name = name; self.tag = tag }
        init(from decoder: any Decoder) throws {
            let fields = try ModelFields(decoder)
            self.name = try fields.required("pet name")
            self.tag = try fields.optional("tag")
        }
        func encode(to encoder: any Encoder) throws {
            var fields = ModelFieldWriter(encoder)
            try fields.required(self.name, "pet name")
            try fields.optional(self.tag, "tag")
        }
    }

    @Test func optionalKeysMayBeMissingOrNullAndNilIsLeftOut() throws {
        let decoder = JSONCoding.makeDecoder()
        #expect(try decoder.decode(Pet.self, from: Data(#"{"pet name":"Rex"}"#.utf8)) == Pet(name: "Rex", tag: nil))
        #expect(try decoder.decode(Pet.self, from: Data(#"{"pet name":"Rex","tag":null}"#.utf8)) == Pet(name: "Rex", tag: nil))
        let encoded = String(decoding: try JSONCoding.makeEncoder().encode(Pet(name: "Rex", tag: nil)), as: UTF8.self)
        #expect(encoded == #"{"pet name":"Rex"}"#)
    }

    @Test func aMissingRequiredKeyIsAnErrorNamingTheKey() {
        do {
            _ = try JSONCoding.makeDecoder().decode(Pet.self, from: Data(#"{"tag":"x"}"#.utf8))
            Issue.record("decoded without its required key")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "pet name")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    struct Input: Sendable {
        var uuid: UUID
        var page: Int?
        var ratio: Double?
        var body: Pet?
    }

    @Test func propertywiseEqualComparesEveryProperty() {
        let id = UUID()
        let a = Input(uuid: id, page: nil, ratio: 0.5, body: Pet(name: "Rex", tag: nil))
        #expect(Propertywise.equal(a, a))
        #expect(Propertywise.equal(a, Input(uuid: id, page: nil, ratio: 0.5, body: Pet(name: "Rex", tag: nil))))
        #expect(!Propertywise.equal(a, Input(uuid: UUID(), page: nil, ratio: 0.5, body: Pet(name: "Rex", tag: nil))))
        #expect(!Propertywise.equal(a, Input(uuid: id, page: 1, ratio: 0.5, body: Pet(name: "Rex", tag: nil))))
        #expect(!Propertywise.equal(a, Input(uuid: id, page: nil, ratio: 0.5, body: Pet(name: "Rex", tag: "t"))))
        #expect(!Propertywise.equal(a, Input(uuid: id, page: nil, ratio: nil, body: Pet(name: "Rex", tag: nil))))
        let nan = Input(uuid: id, page: nil, ratio: .nan, body: nil)
        #expect(!Propertywise.equal(nan, nan), "NaN compares as Double's == does")
    }

    struct PlainInput: Sendable {
        var uuid: UUID
        var page: Int?
    }

    @Test func propertywiseEqualComparesTypesThatAreNotEquatable() {
        let id = UUID()
        #expect(Propertywise.equal(PlainInput(uuid: id, page: nil), PlainInput(uuid: id, page: nil)))
        #expect(!Propertywise.equal(PlainInput(uuid: id, page: nil), PlainInput(uuid: id, page: 2)))
        #expect(!Propertywise.equal(PlainInput(uuid: id, page: 1), PlainInput(uuid: UUID(), page: 1)))
    }
}
