import Foundation
import OpenAPIKit30
@testable import OpenAPIImport
import Testing

/// `YAMLNodeDecoder` reads a mapping's keys as Yams' `YAMLDecoder` does (a key given twice: its last
/// value), whether the mapping is scanned (a few keys) or indexed (many), and names the path to a value
/// that is missing.
@Suite struct YAMLNodeDecoderTests {
    struct Keys: Decodable {
        var values: [String: String]
        var order: [String]

        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            order = container.allKeys.map(\.stringValue)
            values = try Dictionary(uniqueKeysWithValues: container.allKeys.map { ($0.stringValue, try container.decode(String.self, forKey: $0)) })
        }
    }

    @Test(arguments: [3, 40])
    func aKeyGivenTwiceHasItsLastValueAtItsFirstPlace(_ count: Int) throws {
        let lines = (0..<count).map { "k\($0): v\($0)" } + ["k1: again"]
        let read = try YAMLNodeDecoder.decode(Keys.self, from: lines.joined(separator: "\n"), hasMergeKeys: false, userInfo: [:])
        #expect(read.order == (0..<count).map { "k\($0)" })
        #expect(read.values["k1"] == "again")
        #expect(read.values["k0"] == "v0")
    }

    struct Deep: Decodable {
        struct Inner: Decodable { var name: String }
        var items: [String: [Inner]]
    }

    @Test func aMissingKeyIsReportedWithItsPath() {
        let text = "items:\n  first:\n    - name: a\n    - title: b\n"
        #expect {
            try YAMLNodeDecoder.decode(Deep.self, from: text, hasMergeKeys: false, userInfo: [:])
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, let context) = error else { return false }
            return key.stringValue == "name" && context.codingPath.map(\.stringValue) == ["items", "first", "Index 1"]
        }
    }

    typealias SchemaOrReference = Either<JSONReference<JSONSchema>, JSONSchema>

    func read(_ text: String, plain: Bool) throws -> SchemaOrReference {
        let node = try YAMLNodeDecoder.root(text)
        return try NodeDecoder(node: node, path: nil, userInfo: [:], plain: plain).decode(SchemaOrReference.self)
    }

    /// A reference-or-value without `$ref` is read as the value directly (`ReferenceOrValueDecodable`), with
    /// the result and the error OpenAPIKit's own decoding gives.
    @Test func aValueWithoutARefIsReadAsOpenAPIKitReadsIt() throws {
        for text in ["type: string\nformat: date", "$ref: '#/components/schemas/Pet'", "type: object\nproperties:\n  a: {type: integer}"] {
            #expect(try read(text, plain: false) == read(text, plain: true), "\(text)")
        }
        #expect(try read("type: string", plain: false).b != nil)
        #expect(try read("$ref: '#/components/schemas/Pet'", plain: false).a != nil)
        let broken = "type: object\nproperties:\n  a: {type: [1, 2]}"
        var errors: [String] = []
        for plain in [false, true] {
            do { _ = try read(broken, plain: plain) } catch { errors.append(String(describing: error)) }
        }
        #expect(errors.count == 2 && errors[0] == errors[1])
    }
}
