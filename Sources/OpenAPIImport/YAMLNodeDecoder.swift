import Foundation
import OpenAPIKitCore
import Yams

/// A `Decoder` over a parsed YAML tree (Yams' `Node`) with Yams' own conversions (a scalar is whatever
/// type is asked of it: `enum: [1, 2]` of a string schema decodes as `"1"`, `"2"`), but whose keyed
/// containers index their mapping once. Yams' `YAMLDecoder` finds each key by a linear scan of the
/// mapping, so decoding a mapping (OpenAPIKit reads every key of `paths` and `components.schemas`) is
/// quadratic: 75 % of reading the 4 MB Waldur document.
///
/// For example: `try YAMLNodeDecoder.decode(OpenAPI.Document.self, from: text, hasMergeKeys: false, userInfo: [:])`.
/// A document with merge keys (`<<:`) goes through `YAMLDecoder`, which flattens them.
enum YAMLNodeDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from yaml: String, hasMergeKeys: Bool, userInfo: [CodingUserInfoKey: any Sendable]) throws -> T {
        if hasMergeKeys { return try YAMLDecoder().decode(type, from: yaml, userInfo: userInfo) }
        return try NodeDecoder(node: root(yaml), codingPath: [], userInfo: userInfo).decode(type)
    }

    /// The document's tree, without tag resolution: each scalar is converted to the type asked of it
    /// (a document with merge keys goes to `YAMLDecoder`).
    static func root(_ yaml: String) throws -> Node {
        try parse(yaml) ?? ""
    }

    /// The document's tree (nil for an empty document), as `root` parses it.
    static func parse(_ yaml: String) throws -> Node? {
        try Parser(yaml: yaml, resolver: .basic).singleRoot()
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = "Index \(intValue)"; self.intValue = intValue }
}

/// The keys from the root to a node, each link made once and shared by the node's children: a child's
/// path is not a copy of its parent's (copying it for every value decoded was a tenth of reading the
/// Waldur document).
final class CodingPathLink: @unchecked Sendable {
    let parent: CodingPathLink?
    let key: any CodingKey

    init(parent: CodingPathLink?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func chain(_ keys: [any CodingKey]) -> CodingPathLink? {
        keys.reduce(nil) { CodingPathLink(parent: $0, key: $1) }
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var link: CodingPathLink? = self
        while let l = link { keys.append(l.key); link = l.parent }
        return keys.reversed()
    }
}

struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let path: CodingPathLink?
    let userInfo: [CodingUserInfoKey: Any]
    /// Decodes reference-or-value types as OpenAPIKit does, without `ReferenceOrValueDecodable`'s
    /// shortcut (below a value that failed the shortcut).
    let plain: Bool

    init(node: Node, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.init(node: node, path: CodingPathLink.chain(codingPath), userInfo: userInfo, plain: false)
    }

    init(node: Node, path: CodingPathLink?, userInfo: [CodingUserInfoKey: Any], plain: Bool) {
        self.node = node
        self.path = path
        self.userInfo = userInfo
        self.plain = plain
    }

    /// Made only when asked for (an error, mostly).
    var codingPath: [any CodingKey] { path?.keys ?? [] }

    func child(_ node: Node, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, path: CodingPathLink(parent: path, key: key), userInfo: userInfo, plain: plain)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch([Any].self) }
        return UnkeyedNodeContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { node.null != nil }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if !plain, case .mapping = node, let either = type as? any ReferenceOrValueDecodable.Type {
            if let value = either.decodeValue(self) as? T { return value }
            // Not a value: decoded as OpenAPIKit decodes it (for its result or its error), with no shortcut
            // below, so that a failure deep down is not decoded again for every level above it.
            return try T(from: NodeDecoder(node: node, path: path, userInfo: userInfo, plain: true))
        }
        if let constructible = type as? ScalarConstructible.Type {
            guard case .scalar(let scalar) = node else { throw mismatch(type) }
            guard let value = constructible.construct(from: scalar) as? T else {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) value but found \(scalar.string) instead."))
            }
            return value
        }
        return try T(from: self)
    }

    /// Names the node's kind only: OpenAPIKit's `Either` tries a reference first and catches this error for
    /// every schema, so describing the whole node here was 13 % of reading the Waldur document.
    func mismatch(_ type: Any.Type) -> DecodingError {
        let found: String
        switch node {
        case .scalar: found = "a scalar"
        case .mapping: found = "a mapping"
        case .sequence: found = "a sequence"
        }
        return DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    /// Each entry's key and value, in the mapping's order (an entry whose key is not a string left out).
    let names: [String]
    let values: [Node]
    /// The last entry of each key, for a large mapping; a small one is scanned (most have a handful of
    /// keys, and hashing each key cost more than comparing it).
    let index: [String: Int]?

    static var scanned: Int { 12 }

    init(decoder: NodeDecoder, mapping: Node.Mapping) {
        self.decoder = decoder
        var names: [String] = []
        var values: [Node] = []
        names.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (k, v) in mapping {
            guard let name = k.string else { continue }
            names.append(name)
            values.append(v)
        }
        if names.count > Self.scanned {
            // A repeated key: the last one wins, as in YAMLDecoder.
            index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { $1 })
        } else {
            index = nil
        }
        self.names = names
        self.values = values
    }

    /// The value of the key's last entry.
    func value(_ name: String) -> Node? {
        if let index { return index[name].map { values[$0] } }
        var i = names.count
        while i > 0 {
            i -= 1
            if names[i] == name { return values[i] }
        }
        return nil
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    /// Each key once, in first-seen order.
    var allKeys: [Key] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.compactMap(Key.init(stringValue:))
    }
    func contains(_ key: Key) -> Bool { value(key.stringValue) != nil }

    func child(_ key: Key) throws -> NodeDecoder {
        guard let node = value(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return decoder.child(node, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try child(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next(_ type: Any.Type) throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [IndexKey(intValue: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], IndexKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return try next(Any?.self).decodeNil() }
        // Only a null element is consumed, as the Codable contract says.
        if decoder.child(items[currentIndex], IndexKey(intValue: currentIndex)).decodeNil() { currentIndex += 1; return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([Any].self).unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

/// OpenAPIKit's reference-or-value (`Either<JSONReference<T>, T>`, `Either<OpenAPI.Reference<T>, T>`)
/// decodes a reference first and, when that fails, the value: for every schema, parameter and response
/// that is not a reference, a reference was decoded, failed and thrown away (a tenth of reading the Waldur
/// document). A mapping without a `$ref` key (which no reference decodes from) is decoded as the value
/// directly; when that fails, the caller decodes it as OpenAPIKit does, for the same error.
///
/// For example: `{type: string}` as `Either<JSONReference<JSONSchema>, JSONSchema>` is `.b(.string)`, and
/// `{$ref: '#/components/schemas/Pet'}` goes through `Either.init(from:)`.
protocol ReferenceOrValueDecodable {
    static func decodeValue(_ decoder: NodeDecoder) -> Self?
}

extension Either: ReferenceOrValueDecodable where A: _OpenAPIReference & Decodable, B: Decodable {
    static func decodeValue(_ decoder: NodeDecoder) -> Self? {
        guard case .mapping(let mapping) = decoder.node, !mapping.contains(where: { $0.key.string == "$ref" }) else { return nil }
        return try? .b(decoder.decode(B.self))
    }
}
