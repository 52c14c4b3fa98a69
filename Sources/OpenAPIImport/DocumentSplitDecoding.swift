import DocTree
import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCore
import Yams

/// Decodes an OpenAPI document's two large maps, `paths` and `components.schemas` (nearly all of a large
/// document), one entry per job on all cores, and the rest of the document as one small document.
/// OpenAPIKit decodes a document on one thread; this is what it would decode, entry by entry, in the
/// document's order (a key given twice keeps its last value, at its first place, as `YAMLNodeDecoder`).
/// A path item that does not decode (a response that refers to a request body, say) is left out and
/// reported, not the whole document: the other paths are still the API.
///
/// For example: `try DocumentSplitDecoding.document31(from: yamlText, userInfo: info)` is what
/// `YAMLNodeDecoder.decode(OpenAPI.Document.self, …)` gives, in about half the wall time on two cores.
enum DocumentSplitDecoding {
    /// A path item left out: its path, the line of its key, and why.
    struct SkippedPath: Sendable, Equatable {
        var path: String
        var line: Int
        var reason: String
    }

    /// An OpenAPI 3.1 document.
    static func document31(from yaml: String, userInfo: [CodingUserInfoKey: any Sendable]) throws -> (OpenAPIKit.OpenAPI.Document, [SkippedPath]) {
        try decode(OpenAPIKit.OpenAPI.Document.self, from: YAMLNodeDecoder.root(yaml), userInfo: userInfo,
                   pathKey: OpenAPIKit.OpenAPI.Path.init(rawValue:),
                   setPaths: { (doc, paths: OpenAPIKit.OpenAPI.PathItem.Map) in doc.paths = paths },
                   schemaKey: OpenAPIKit.OpenAPI.ComponentKey.init(rawValue:),
                   setSchemas: { (doc, schemas: OpenAPIKit.OpenAPI.ComponentDictionary<OpenAPIKit.JSONSchema>) in doc.components.schemas = schemas })
    }

    /// An OpenAPI 3.0 document.
    static func document30(from yaml: String, userInfo: [CodingUserInfoKey: any Sendable]) throws -> (OpenAPIKit30.OpenAPI.Document, [SkippedPath]) {
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
    ) throws -> (Doc, [SkippedPath]) {
        guard case .mapping(let top) = root else { return (try NodeDecoder(node: root, codingPath: [], userInfo: userInfo).decode(type), []) }
        var (rest, paths) = take("paths", from: top, putting: .mapping([:]))
        var schemas: [Entry]?
        if case .mapping(let components)? = last("components", in: rest) {
            let (others, taken) = take("schemas", from: components, putting: nil)
            schemas = taken
            rest = replacing("components", in: rest, with: .mapping(others))
        }
        var document = try NodeDecoder(node: .mapping(rest), codingPath: [], userInfo: userInfo).decode(type)
        var skipped: [SkippedPath] = []
        if let paths {
            let (decoded, left) = try decodeEntries(paths, at: ["paths"], userInfo: userInfo, key: pathKey, skipping: true) as (OrderedDictionary<PathKey, PathValue>, [SkippedPath])
            setPaths(&document, decoded)
            skipped = left
        }
        if let schemas {
            setSchemas(&document, try decodeEntries(schemas, at: ["components", "schemas"], userInfo: userInfo, key: schemaKey, skipping: false).0)
        }
        return (document, skipped)
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
    static func take(_ key: String, from mapping: Node.Mapping, putting replacement: Node?) -> (Node.Mapping, [Entry]?) {
        guard case .mapping(let inner)? = last(key, in: mapping) else { return (mapping, nil) }
        var order: [String] = []
        var values: [String: Node] = [:]
        var lines: [String: Int] = [:]
        for (k, v) in inner {
            guard let name = k.string else { return (mapping, nil) }
            if values.updateValue(v, forKey: name) == nil { order.append(name); lines[name] = k.mark?.line ?? 1 }
        }
        return (replacing(key, in: mapping, with: replacement), order.map { Entry(name: $0, value: values[$0]!, line: lines[$0]!) })
    }

    /// Decodes each entry's value on all cores. An entry that does not decode is thrown (the first, in
    /// document order) or, when `skipping`, left out and listed.
    static func decodeEntries<Key: Hashable, Value: Decodable>(_ entries: [Entry], at path: [String],
                                                                userInfo: [CodingUserInfoKey: any Sendable],
                                                                key: (String) -> Key?, skipping: Bool) throws -> (OrderedDictionary<Key, Value>, [SkippedPath]) {
        let info = UnsafeSendable(userInfo)
        let codingPath: [any CodingKey] = path.map { EntryKey(stringValue: $0) }
        let items = UnsafeSendable(entries)
        let values = ParallelMap.map(entries.count) { i -> UnsafeSendable<Result<Value, Swift.Error>> in
            let (name, node) = (items.value[i].name, items.value[i].value)
            let decoder = NodeDecoder(node: node, codingPath: codingPath + [EntryKey(stringValue: name)], userInfo: info.value)
            return UnsafeSendable(Result { try decoder.decode(Value.self) })
        }
        var out = OrderedDictionary<Key, Value>()
        var skipped: [SkippedPath] = []
        for (i, entry) in entries.enumerated() {
            let name = entry.name
            guard let k = key(name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [EntryKey(stringValue: name)],
                                                        debugDescription: "'\(name)' is not a valid key here."))
            }
            switch values[i].value {
            case .success(let value): out[k] = value
            case .failure(let error) where skipping:
                skipped.append(SkippedPath(path: name, line: entry.line, reason: reason(error).trimmingCharacters(in: .whitespaces)))
            case .failure(let error): throw error
            }
        }
        return (out, skipped)
    }

    /// Why a value did not decode, in one line: for a reference-or-value (`Either`), why the value did not.
    ///
    /// For example: "Found neither a $ref nor a Response in .responses.200 for the **PUT** endpoint under `/x`."
    static func reason(_ error: Swift.Error) -> String {
        if let either = error as? EitherDecodeNoTypesMatchedError, let last = either.individualTypeFailures.last {
            return reason(last.error)
        }
        if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
                if let inner = c.underlyingError { return reason(inner) }
                return c.debugDescription
            @unknown default: break
            }
        }
        return OpenAPIKit.OpenAPI.Error(from: error).localizedDescription
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
    }

    /// One entry of a mapping: its key, its value and the line of its key.
    struct Entry {
        var name: String
        var value: Node
        var line: Int
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
