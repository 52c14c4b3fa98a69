import DocTree
import Foundation
import OpenAPIKit
import OpenAPIKit30
import Yams

/// Decodes an OpenAPI document's two large maps, `paths` and `components.schemas` (nearly all of a large
/// document), one entry per job on all cores, and the rest of the document as one small document.
/// OpenAPIKit decodes a document on one thread; this is what it would decode, entry by entry, in the
/// document's order (a key given twice keeps its last value, at its first place, as `YAMLNodeDecoder`).
///
/// For example: `try DocumentSplitDecoding.document31(from: yamlText, userInfo: info)` is what
/// `YAMLNodeDecoder.decode(OpenAPI.Document.self, …)` gives, in about half the wall time on two cores.
enum DocumentSplitDecoding {
    /// An OpenAPI 3.1 document.
    static func document31(from yaml: String, userInfo: [CodingUserInfoKey: any Sendable]) throws -> OpenAPIKit.OpenAPI.Document {
        try decode(OpenAPIKit.OpenAPI.Document.self, from: YAMLNodeDecoder.root(yaml), userInfo: userInfo,
                   pathKey: OpenAPIKit.OpenAPI.Path.init(rawValue:),
                   setPaths: { (doc, paths: OpenAPIKit.OpenAPI.PathItem.Map) in doc.paths = paths },
                   schemaKey: OpenAPIKit.OpenAPI.ComponentKey.init(rawValue:),
                   setSchemas: { (doc, schemas: OpenAPIKit.OpenAPI.ComponentDictionary<OpenAPIKit.JSONSchema>) in doc.components.schemas = schemas })
    }

    /// An OpenAPI 3.0 document.
    static func document30(from yaml: String, userInfo: [CodingUserInfoKey: any Sendable]) throws -> OpenAPIKit30.OpenAPI.Document {
        try decode(OpenAPIKit30.OpenAPI.Document.self, from: YAMLNodeDecoder.root(yaml), userInfo: userInfo,
                   pathKey: OpenAPIKit30.OpenAPI.Path.init(rawValue:),
                   setPaths: { (doc, paths: OpenAPIKit30.OpenAPI.PathItem.Map) in doc.paths = paths },
                   schemaKey: OpenAPIKit30.OpenAPI.ComponentKey.init(rawValue:),
                   setSchemas: { (doc, schemas: OpenAPIKit30.OpenAPI.ComponentDictionary<OpenAPIKit30.JSONSchema>) in doc.components.schemas = schemas })
    }

    static func decode<Doc: Decodable, PathKey: Hashable, PathValue: Decodable, SchemaKey: Hashable, SchemaValue: Decodable>(
        _ type: Doc.Type, from root: Node, userInfo: [CodingUserInfoKey: any Sendable],
        pathKey: (String) -> PathKey?, setPaths: (inout Doc, OrderedDictionary<PathKey, PathValue>) -> Void,
        schemaKey: (String) -> SchemaKey?, setSchemas: (inout Doc, OrderedDictionary<SchemaKey, SchemaValue>) -> Void
    ) throws -> Doc {
        guard case .mapping(let top) = root else { return try NodeDecoder(node: root, codingPath: [], userInfo: userInfo).decode(type) }
        var (rest, paths) = take("paths", from: top, putting: .mapping([:]))
        var schemas: [(String, Node)]?
        if case .mapping(let components)? = last("components", in: rest) {
            let (others, taken) = take("schemas", from: components, putting: nil)
            schemas = taken
            rest = replacing("components", in: rest, with: .mapping(others))
        }
        var document = try NodeDecoder(node: .mapping(rest), codingPath: [], userInfo: userInfo).decode(type)
        if let paths {
            setPaths(&document, try decodeEntries(paths, at: ["paths"], userInfo: userInfo, key: pathKey))
        }
        if let schemas {
            setSchemas(&document, try decodeEntries(schemas, at: ["components", "schemas"], userInfo: userInfo, key: schemaKey))
        }
        return document
    }

    /// The value of the last entry named `key` (the one a decoder reads).
    static func last(_ key: String, in mapping: Node.Mapping) -> Node? {
        mapping.reversed().first { $0.key.string == key }?.value
    }

    /// `mapping` with every entry named `key` replaced by one holding `value` (none if nil), in the first one's place.
    static func replacing(_ key: String, in mapping: Node.Mapping, with value: Node?) -> Node.Mapping {
        var pairs: [(Node, Node)] = []
        var placed = false
        for (k, v) in mapping {
            guard k.string == key else { pairs.append((k, v)); continue }
            if !placed, let value { pairs.append((k, value)) }
            placed = true
        }
        return Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)
    }

    /// Takes the mapping under `key` out of `mapping` (`putting` stands in its place) and returns its
    /// entries: unique keys, each with its last value, in first-seen order. Nil entries when `key` is
    /// absent, not a mapping, or has a key that is not a string: then the document decodes as it is, and
    /// reports what is wrong with it.
    static func take(_ key: String, from mapping: Node.Mapping, putting replacement: Node?) -> (Node.Mapping, [(String, Node)]?) {
        guard case .mapping(let inner)? = last(key, in: mapping) else { return (mapping, nil) }
        var order: [String] = []
        var values: [String: Node] = [:]
        for (k, v) in inner {
            guard let name = k.string else { return (mapping, nil) }
            if values.updateValue(v, forKey: name) == nil { order.append(name) }
        }
        return (replacing(key, in: mapping, with: replacement), order.map { ($0, values[$0]!) })
    }

    /// Decodes each entry's value on all cores; the first error (in document order) is thrown.
    static func decodeEntries<Key: Hashable, Value: Decodable>(_ entries: [(String, Node)], at path: [String],
                                                                userInfo: [CodingUserInfoKey: any Sendable],
                                                                key: (String) -> Key?) throws -> OrderedDictionary<Key, Value> {
        let info = UnsafeSendable(userInfo)
        let codingPath: [any CodingKey] = path.map { EntryKey(stringValue: $0) }
        let items = UnsafeSendable(entries)
        let values = try ParallelMap.map(entries.count) { i -> Value in
            let (name, node) = items.value[i]
            return try NodeDecoder(node: node, codingPath: codingPath + [EntryKey(stringValue: name)], userInfo: info.value).decode(Value.self)
        }
        var out = OrderedDictionary<Key, Value>()
        for (i, (name, _)) in entries.enumerated() {
            guard let k = key(name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [EntryKey(stringValue: name)],
                                                        debugDescription: "'\(name)' is not a valid key here."))
            }
            out[k] = values[i]
        }
        return out
    }

    struct EntryKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Values handed to the decoding jobs, which only read them.
    struct UnsafeSendable<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
