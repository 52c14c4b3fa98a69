import APIModel
import DocTree
import Foundation
import Testing

/// `ModelJSONEncoder` must write exactly the bytes `JSONEncoder` writes with the model's options, so
/// `api-model.json` did not change when it replaced `JSONEncoder`.
@Suite struct ModelJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    struct Sample: Encodable {
        var text = "quote \" backslash \\ slash / tab \t newline \n bell \u{7} nul \u{0} unit \u{1F} del \u{7F} é 🚀"
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[Int]] = [[], [1, -2], [Int.max, Int.min]]
        var map: [String: Bool] = ["b": true, "B": false, "a10": true, "a9": false, "ä": true, "_": false]
        var missing: String? = nil
        var present: String? = "yes"
        var numbers: [Double] = [0, 1.5, -2, 1e300, 0.1]
        var small: Float = 3.25
        var unsigned: UInt8 = 255
        var child = Child()
    }

    struct Child: Encodable {
        var zeta = 1
        var alpha: [Child2] = [Child2(), Child2(values: ["x", "y"])]
    }

    struct Child2: Encodable {
        var values: [String] = []
    }

    /// Encodes through single-value, unkeyed, nested and super containers.
    struct Containers: Encodable {
        enum Keys: String, CodingKey { case a, b, c, d }
        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: Keys.self)
            try keyed.encode(1, forKey: .b)
            var nested = keyed.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try nested.encodeNil(forKey: .d)
            var list = keyed.nestedUnkeyedContainer(forKey: .c)
            try list.encode("one")
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Keys.self)
            try inner.encode(true, forKey: .a)
            try Single().encode(to: keyed.superEncoder(forKey: .d))
        }
    }

    struct Single: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(["k": "v"])
        }
    }

    @Test func sameBytesAsFoundation() throws {
        #expect(try ModelJSONEncoder.encode(Sample()) == Self.foundation(Sample()))
        #expect(try ModelJSONEncoder.encode(Containers()) == Self.foundation(Containers()))
        #expect(try ModelJSONEncoder.encode([Sample(), Sample()]) == Self.foundation([Sample(), Sample()]))
    }

    @Test func sameBytesForAModel() throws {
        var api = APIDescription(title: "T \"x\"", version: "1")
        api.schemas = [Schema(name: "User", fields: [
            Field(name: "uuid", type: .primitive(.string, format: "uuid"), required: true),
            Field(name: "tags", type: .array(.string)),
            Field(name: "extra", type: .map(.any)),
            Field(name: "inline", type: .object([Field(name: "n", type: .integer)])),
        ], description: "line one\nline two", resource: "Users", provenance: DocTree.SourceLocation(file: "users.md", line: 3))]
        #expect(try ModelJSONEncoder.encode(api) == Self.foundation(api))
        #expect(try api.jsonData() == Data(Self.foundation(api) + [0x0A]))
        // The large arrays are written element by element: the same bytes, with none, one or several.
        api.resources = [Resource(name: "Users", title: "Users")]
        api.operations = [Operation(id: "a", resource: "Users", method: "GET", path: "/users/"),
                          Operation(id: "b", resource: "Users", method: "POST", path: "/users/")]
        #expect(try api.jsonData() == Data(Self.foundation(api) + [0x0A]))
        #expect(try api.jsonChunks().joined == Self.foundation(api) + [0x0A])
        api.schemas = []
        #expect(try api.jsonData() == Data(Self.foundation(api) + [0x0A]))
    }

    /// Chunks fill up to their size and the next one starts: the bytes come out as they went in.
    @Test func chunkedBytes() {
        var chunks = ChunkedBytes()
        let big = [UInt8](repeating: 7, count: ChunkedBytes.chunkSize + 10)
        big.withUnsafeBufferPointer { chunks.append($0) }
        [UInt8]([1, 2]).withUnsafeBufferPointer { chunks.append($0) }
        #expect(chunks.count == big.count + 2)
        #expect(chunks.chunks.map(\.count) == [ChunkedBytes.chunkSize, 12])
        #expect(chunks.joined == big + [1, 2])
    }

    @Test func nonFiniteNumbersAreAnErrorNamingThePath() {
        struct Bad: Encodable { var values: [Double] = [1, .nan] }
        let error = #expect(throws: EncodingError.self) { try ModelJSONEncoder.encode(Bad()) }
        guard case .invalidValue(_, let context)? = error else { Issue.record("not invalidValue: \(String(describing: error))"); return }
        #expect(context.codingPath.map(\.stringValue) == ["values", "Index 1"])
    }
}
