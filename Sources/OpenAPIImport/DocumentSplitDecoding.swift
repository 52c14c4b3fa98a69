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
/// `YAMLNodeDecoder.decode(OpenAPI.Document.self, …)` gives, in about half the wall time on two cores
/// (and `document30` what that gives for a 3.0 document, converted to 3.1).
enum DocumentSplitDecoding {
    /// A path item left out: its path, the line of its key, and why.
    struct SkippedPath: Sendable, Equatable {
        var path: String
        var line: Int
        var reason: String
    }

    /// An OpenAPI 3.1 document.
    static func document31(from yaml: String, userInfo: [CodingUserInfoKey: any Sendable]) throws -> (OpenAPIKit.OpenAPI.Document, [SkippedPath]) {
        try decode(OpenAPIKit.OpenAPI.Document.self, yaml: yaml, userInfo: userInfo, convert: { $0 },
                   path: { (item: OpenAPIKit.OpenAPI.PathItem.Map.Value) in item }, schema: { (schema: OpenAPIKit.JSONSchema) in schema })
    }

    /// An OpenAPI 3.0 document, converted to 3.1 as OpenAPIKitCompat converts a whole document: each path
    /// item and schema in its decoding job, the rest (small) as one document.
    static func document30(from yaml: String, userInfo: [CodingUserInfoKey: any Sendable]) throws -> (OpenAPIKit.OpenAPI.Document, [SkippedPath]) {
        try decode(OpenAPIKit30.OpenAPI.Document.self, yaml: yaml, userInfo: userInfo,
                   convert: { $0.convert(to: version31) }, path: Compat30.pathItem, schema: Compat30.schema)
    }

    /// The version a converted 3.0 document declares.
    static let version31 = OpenAPIKit.OpenAPI.Document.Version.v3_1_0

    /// The document cut at its entries' lines when it is laid out in block style (`BlockMapSplit`: each
    /// entry parsed in its decoding job), else parsed whole and cut in its tree.
    static func decode<Doc: Decodable, PathValue: Decodable, SchemaValue: Decodable>(
        _ type: Doc.Type, yaml: String, userInfo: [CodingUserInfoKey: any Sendable],
        convert: (Doc) -> OpenAPIKit.OpenAPI.Document,
        path: @escaping @Sendable (PathValue) -> OpenAPIKit.OpenAPI.PathItem.Map.Value,
        schema: @escaping @Sendable (SchemaValue) -> OpenAPIKit.JSONSchema
    ) throws -> (OpenAPIKit.OpenAPI.Document, [SkippedPath]) {
        if let split = BlockMapSplit.split(yaml), let rest = try? YAMLNodeDecoder.root(split.rest),
           let paths = parsedEntries(split.paths, at: ["paths"], userInfo: userInfo, then: path) {
            let schemas = split.schemas.map { parsedEntries($0, at: ["components", "schemas"], userInfo: userInfo, then: schema) }
            // A chunk that does not parse alone (an alias of an anchor in another entry, say): parsed whole.
            if schemas.map({ $0 != nil }) ?? true {
                return try assemble(type, rest: rest, userInfo: userInfo, convert: convert, paths: paths, schemas: schemas ?? nil)
            }
        }
        return try decode(type, from: YAMLNodeDecoder.root(yaml), userInfo: userInfo, convert: convert, path: path, schema: schema)
    }

    static func decode<Doc: Decodable, PathValue: Decodable, SchemaValue: Decodable>(
        _ type: Doc.Type, from root: consuming Node, userInfo: [CodingUserInfoKey: any Sendable],
        convert: (Doc) -> OpenAPIKit.OpenAPI.Document,
        path: @escaping @Sendable (PathValue) -> OpenAPIKit.OpenAPI.PathItem.Map.Value,
        schema: @escaping @Sendable (SchemaValue) -> OpenAPIKit.JSONSchema
    ) throws -> (OpenAPIKit.OpenAPI.Document, [SkippedPath]) {
        guard case .mapping(let top) = root else { return (convert(try NodeDecoder(node: root, codingPath: [], userInfo: userInfo).decode(type)), []) }
        var (rest, paths) = take("paths", from: top, putting: .mapping([:]))
        var schemas: [Entry]?
        if case .mapping(let components)? = last("components", in: rest) {
            let (others, taken) = take("schemas", from: components, putting: nil)
            schemas = taken
            rest = replacing("components", in: rest, with: .mapping(others))
        }
        // The tree is freed on another thread once decoded.
        defer { Disposal.inBackground((root, top, paths, schemas)) }
        return try assemble(type, rest: .mapping(rest), userInfo: userInfo, convert: convert,
                            paths: paths.map { decodeEntries($0, at: ["paths"], userInfo: userInfo, then: path) },
                            schemas: schemas.map { decodeEntries($0, at: ["components", "schemas"], userInfo: userInfo, then: schema) })
    }

    /// The document from the rest of its tree and its decoded paths and schemas.
    static func assemble<Doc: Decodable>(_ type: Doc.Type, rest: Node, userInfo: [CodingUserInfoKey: any Sendable],
                                         convert: (Doc) -> OpenAPIKit.OpenAPI.Document,
                                         paths: [Decoded<OpenAPIKit.OpenAPI.PathItem.Map.Value>]?,
                                         schemas: [Decoded<OpenAPIKit.JSONSchema>]?) throws -> (OpenAPIKit.OpenAPI.Document, [SkippedPath]) {
        var document = convert(try NodeDecoder(node: rest, codingPath: [], userInfo: userInfo).decode(type))
        var skipped: [SkippedPath] = []
        if let paths {
            let (decoded, left) = try merge(paths, at: ["paths"], key: OpenAPIKit.OpenAPI.Path.init(rawValue:), skipping: true)
            document.paths = decoded
            skipped = left
        }
        if let schemas {
            document.components.schemas = try merge(schemas, at: ["components", "schemas"], key: OpenAPIKit.OpenAPI.ComponentKey.init(rawValue:), skipping: false).0
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

    /// One entry of a map, decoded (or why not), with its name and the line of its key.
    struct Decoded<Out> {
        var name: String
        var line: Int
        var value: Result<Out, Swift.Error>
    }

    /// Decodes each entry's value as `Value` on all cores and passes it through `then` in its job.
    static func decodeEntries<Value: Decodable, Out>(_ entries: [Entry], at path: [String], userInfo: [CodingUserInfoKey: any Sendable],
                                                     then: @escaping @Sendable (Value) -> Out) -> [Decoded<Out>] {
        let (info, items) = (UnsafeSendable(userInfo), UnsafeSendable(entries))
        return ParallelMap.map(entries.count) { i -> UnsafeSendable<Decoded<Out>> in
            let entry = items.value[i]
            return UnsafeSendable(decoded(entry.value, name: entry.name, line: entry.line, at: path, userInfo: info.value, then: then))
        }.map(\.value)
    }

    /// `decodeEntries` of entries given as text (`BlockMapSplit`): each parsed in its job (and its tree
    /// freed there). Nil when one does not parse as a map of one key.
    static func parsedEntries<Value: Decodable, Out>(_ chunks: [BlockMapSplit.Chunk], at path: [String], userInfo: [CodingUserInfoKey: any Sendable],
                                                     then: @escaping @Sendable (Value) -> Out) -> [Decoded<Out>]? {
        let info = UnsafeSendable(userInfo)
        let results = ParallelMap.map(chunks.count) { i -> UnsafeSendable<Decoded<Out>?> in
            guard case .mapping(let mapping)? = try? YAMLNodeDecoder.parse(chunks[i].text), mapping.count == 1,
                  let (key, value) = mapping.first, let name = key.string else { return UnsafeSendable(nil) }
            return UnsafeSendable(decoded(value, name: name, line: chunks[i].line, at: path, userInfo: info.value, then: then))
        }
        var out: [Decoded<Out>] = []
        out.reserveCapacity(results.count)
        for r in results {
            guard let decoded = r.value else { return nil }
            out.append(decoded)
        }
        return out
    }

    /// One entry's value decoded as `Value` and passed through `then`, or why it did not decode.
    static func decoded<Value: Decodable, Out>(_ node: Node, name: String, line: Int, at path: [String], userInfo: [CodingUserInfoKey: any Sendable],
                                               then: (Value) -> Out) -> Decoded<Out> {
        let decoder = NodeDecoder(node: node, codingPath: (path + [name]).map { EntryKey(stringValue: $0) }, userInfo: userInfo)
        return Decoded(name: name, line: line, value: Result { then(try decoder.decode(Value.self)) })
    }

    /// The decoded entries as a map: a key given twice keeps its last value at its first place (and the
    /// line of its first). An entry that did not decode is thrown (the first, in document order) or,
    /// when `skipping`, left out and listed.
    static func merge<Key: Hashable, Out>(_ entries: [Decoded<Out>], at path: [String], key: (String) -> Key?,
                                          skipping: Bool) throws -> (OrderedDictionary<Key, Out>, [SkippedPath]) {
        var last: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { last[entry.name] = i }
        var out = OrderedDictionary<Key, Out>()
        var skipped: [SkippedPath] = []
        var done = Set<String>()
        for entry in entries where done.insert(entry.name).inserted {
            let name = entry.name
            guard let k = key(name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: (path + [name]).map { EntryKey(stringValue: $0) },
                                                        debugDescription: "'\(name)' is not a valid key here."))
            }
            switch entries[last[name]!].value {
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

/// OpenAPIKitCompat's 3.0 → 3.1 conversion of one path item or one schema: it converts only whole
/// documents (each element's conversion is private to it), so each goes through a document of its own,
/// which it converts element by element as it would in the whole document.
///
/// For example: `Compat30.schema(.string(format: .date))` is `.string(format: .date)` of OpenAPIKit.
enum Compat30 {
    @Sendable static func pathItem(_ item: OpenAPIKit30.OpenAPI.PathItem.Map.Value) -> OpenAPIKit.OpenAPI.PathItem.Map.Value {
        let one = OpenAPIKit30.OpenAPI.Document(info: .init(title: "", version: ""), servers: [], paths: ["/": item], components: .noComponents)
        return one.convert(to: DocumentSplitDecoding.version31).paths.first!.value
    }

    @Sendable static func schema(_ schema: OpenAPIKit30.JSONSchema) -> OpenAPIKit.JSONSchema {
        let one = OpenAPIKit30.OpenAPI.Document(info: .init(title: "", version: ""), servers: [], paths: [:],
                                                components: .init(schemas: ["s": schema]))
        return one.convert(to: DocumentSplitDecoding.version31).components.schemas.first!.value
    }
}
