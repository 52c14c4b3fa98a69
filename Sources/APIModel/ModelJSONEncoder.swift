#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Encodes the model as JSON, byte for byte what Foundation's `JSONEncoder` with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` writes on Linux: keys sorted by their
/// UTF-8 bytes, two-space indent, `"key" : value`, `{\n\n}` and `[\n\n]` for empty containers.
///
/// It exists for speed: the model of a large API is tens of megabytes of JSON, and `JSONEncoder`
/// builds a dictionary per object before writing it out, which cost a tenth of a whole-corpus run.
/// This one keeps each object's entries in order of encoding and sorts them once while writing.
///
/// For example: `try ModelJSONEncoder.encode(api)` gives the bytes of `api-model.json` (without the
/// final newline `APIDescription.jsonData()` adds).
public enum ModelJSONEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let build = JSONBuild()
        let node = try build.node(for: value, parent: nil, key: nil)
        var out: [UInt8] = []
        out.reserveCapacity(build.arena.count * 2)
        try build.write(node, into: &out, indent: 0)
        return out
    }

    /// The bytes `encode(value)` gives, where `value`'s top-level arrays named in `arrays` are empty and
    /// their elements come from there, each built and written on its own, into chunks of a fixed size:
    /// neither the tree of a whole large model (several times the size of its JSON) nor a buffer
    /// growing by copies is ever in memory.
    ///
    /// For example: `encode(shell, arrays: ["operations": .init(api.operations)])` with `shell.operations == []`.
    public static func encode<T: Encodable>(_ value: T, arrays: [String: StreamedArray]) throws -> ChunkedBytes {
        let build = JSONBuild()
        build.streamed = arrays
        build.chunks = ChunkedBytes()
        let node = try build.node(for: value, parent: nil, key: nil)
        var out: [UInt8] = []
        try build.write(node, into: &out, indent: 0)
        build.flush(&out)
        return build.chunks!
    }

    /// A top-level array written element by element.
    public struct StreamedArray: Sendable {
        let count: Int
        let writeElement: @Sendable (Int, inout [UInt8], Int) throws -> Void

        /// `cache`: element texts kept between runs, under the digest of `name`, the indent and the element
        /// (`digests[i]` when given: the element's own digest, taken once for other users too).
        public init<E: Encodable & Sendable>(_ items: [E], name: String = "", cache: ModelJSONElementCache? = nil, digests: [UInt64]? = nil) {
            self.init(items, name: name, cache: cache, digests: digests) { item, out, indent in
                let build = JSONBuild()
                let node = try build.node(for: item, parent: nil, key: nil)
                try build.write(node, into: &out, indent: indent)
            }
        }

        /// The same bytes, each element writing itself (`ModelJSONWritable`) with no `Encoder`.
        init<E: ModelJSONWritable & Encodable & Sendable>(writing items: [E], name: String, cache: ModelJSONElementCache?, digests: [UInt64]?) {
            self.init(items, name: name, cache: cache, digests: digests) { item, out, indent in
                var writer = ModelJSONWriter(level: indent)
                swap(&writer.out, &out)
                item.writeJSON(&writer)
                swap(&writer.out, &out)
            }
        }

        private init<E: Encodable & Sendable>(_ items: [E], name: String, cache: ModelJSONElementCache?, digests: [UInt64]?,
                                               write: @escaping @Sendable (E, inout [UInt8], Int) throws -> Void) {
            count = items.count
            let cache = cache?.isUseful == true ? cache : nil
            let digests = digests?.count == items.count ? digests : nil
            writeElement = { i, out, indent in
                let key = cache.map { cache in
                    digests.map { cache.digest([name, indent, $0[i]]) } ?? cache.digest([name, indent, items[i]])
                }
                if let cache, let key, let text = cache.text(key) {
                    out.append(contentsOf: text)
                    return
                }
                try write(items[i], &out, indent)
                if let cache, let key { cache.record(key, out) }
            }
        }
    }
}

/// A JSON value being built. Scalars are already JSON text, kept as a range of the shared arena.
enum JSONNode {
    case scalar(start: Int, count: Int)
    case object(JSONObject)
    case array(JSONArray)
}

/// An object's entries in the order they were encoded.
final class JSONObject {
    var entries: [(key: String, value: JSONNode)]

    init() {
        // Most model objects have a handful of keys: one allocation instead of growing 1, 2, 4, 8.
        entries = []
        entries.reserveCapacity(8)
    }

    /// Sorted by the keys' UTF-8 bytes; a key encoded twice keeps its last value (as a dictionary would).
    func sortedEntries() -> [(key: String, value: JSONNode)] {
        // An insertion sort of the indices: objects have a handful of keys, mostly in nearly sorted
        // order. Equal keys keep the order they were encoded in, so the last one wins below.
        var order = Array(entries.indices)
        var i = 1
        while i < order.count {
            let x = order[i]
            var j = i
            while j > 0, precedes(x, order[j - 1]) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = x
            i += 1
        }
        var out: [(key: String, value: JSONNode)] = []
        out.reserveCapacity(order.count)
        for i in order {
            if let last = out.last, last.key == entries[i].key { out[out.count - 1] = entries[i] } else { out.append(entries[i]) }
        }
        return out
    }

    /// Whether entry `a` sorts before entry `b`: by key bytes, then by encoding order.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        var (ka, kb) = (entries[a].key, entries[b].key)
        // Byte order, compared in place (coding keys are native strings, so `withUTF8` copies nothing).
        let order = ka.withUTF8 { x in
            kb.withUTF8 { y -> Int in
                let common = min(x.count, y.count)
                if common > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px, py, common)
                    if c != 0 { return Int(c) }
                }
                return x.count - y.count
            }
        }
        return order == 0 ? a < b : order < 0
    }
}

final class JSONArray {
    var items: [JSONNode] = []
}

/// State shared by one encoding: the arena holding every scalar's JSON text.
final class JSONBuild {
    var arena: [UInt8] = []
    /// Top-level arrays written element by element (`ModelJSONEncoder.encode(_:arrays:)`), and the
    /// chunks the text goes to then.
    var streamed: [String: ModelJSONEncoder.StreamedArray] = [:]
    var chunks: ChunkedBytes?

    /// Moves what `out` holds to the chunks.
    func flush(_ out: inout [UInt8]) {
        out.withUnsafeBufferPointer { chunks!.append($0) }
        out.removeAll(keepingCapacity: true)
    }

    func node<T: Encodable>(for value: T, parent: JSONTreeEncoder?, key: (any CodingKey)?) throws -> JSONNode {
        if T.self == String.self { return string(value as! String) }
        let encoder = JSONTreeEncoder(build: self, parent: parent, key: key)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObject())
    }

    func text(_ s: StaticString) -> JSONNode {
        let start = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        return .scalar(start: start, count: arena.count - start)
    }

    var null: JSONNode { text("null") }
    func bool(_ b: Bool) -> JSONNode { b ? text("true") : text("false") }

    func integer<N: BinaryInteger>(_ n: N) -> JSONNode {
        let start = arena.count
        arena.append(contentsOf: String(n).utf8)
        return .scalar(start: start, count: arena.count - start)
    }

    /// As `JSONEncoder` writes a floating-point value: its description without a trailing `.0`.
    func float<F: BinaryFloatingPoint & LosslessStringConvertible>(_ f: F, codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONNode {
        guard f.isFinite else {
            throw EncodingError.invalidValue(f, .init(codingPath: codingPath(), debugDescription: "Unable to encode \(f) directly in JSON."))
        }
        var text = f.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        let start = arena.count
        arena.append(contentsOf: text.utf8)
        return .scalar(start: start, count: arena.count - start)
    }

    func string(_ s: String) -> JSONNode {
        let start = arena.count
        Self.appendQuoted(s, to: &arena)
        return .scalar(start: start, count: arena.count - start)
    }

    /// A JSON string literal: `"`, `\` and control characters escaped, `/` and non-ASCII as they are.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var mark = 0
            for (i, b) in bytes.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark..<i]))
                mark = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark...]))
        }
        out.append(0x22)
    }

    func write(_ node: JSONNode, into out: inout [UInt8], indent: Int) throws {
        switch node {
        case .scalar(let start, let count):
            out.append(contentsOf: arena[start..<(start + count)])
        case .array(let array):
            out.append(UInt8(ascii: "["))
            out.append(0x0A)
            for (i, item) in array.items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); out.append(0x0A) }
                Self.indent(indent + 1, into: &out)
                try write(item, into: &out, indent: indent + 1)
            }
            out.append(0x0A)
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            out.append(0x0A)
            for (i, entry) in object.sortedEntries().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); out.append(0x0A) }
                Self.indent(indent + 1, into: &out)
                Self.appendQuoted(entry.key, to: &out)
                out.append(0x20); out.append(UInt8(ascii: ":")); out.append(0x20)
                if indent == 0, let array = streamed[entry.key] {
                    try writeStreamed(array, into: &out, indent: indent + 1)
                } else {
                    try write(entry.value, into: &out, indent: indent + 1)
                }
            }
            out.append(0x0A)
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// As `write` writes an `.array` node, with each element built only when it is written. Elements are
    /// built a batch at a time on all cores (each on its own), then written in order.
    func writeStreamed(_ array: ModelJSONEncoder.StreamedArray, into out: inout [UInt8], indent: Int) throws {
        out.append(UInt8(ascii: "["))
        out.append(0x0A)
        let batch = 256
        var start = 0
        while start < array.count {
            let end = min(start + batch, array.count)
            let texts = StreamedBatch(end - start)
            let first = start
            DispatchQueue.concurrentPerform(iterations: end - start) { j in
                var text: [UInt8] = []
                let r = Result { try array.writeElement(first + j, &text, indent + 1) }
                texts.lock.lock(); texts.results[j] = r.map { text }; texts.lock.unlock()
            }
            for (j, result) in texts.results.enumerated() {
                if start + j > 0 { out.append(UInt8(ascii: ",")); out.append(0x0A) }
                Self.indent(indent + 1, into: &out)
                out.append(contentsOf: try result!.get())
                flush(&out)
            }
            start = end
        }
        out.append(0x0A)
        Self.indent(indent, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// One batch of streamed elements' texts, filled from several threads.
    final class StreamedBatch: @unchecked Sendable {
        var results: [Result<[UInt8], Error>?]
        let lock = NSLock()
        init(_ n: Int) { results = Array(repeating: nil, count: n) }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    static func indent(_ level: Int, into out: inout [UInt8]) {
        var n = 2 * level
        while n > 0 {
            let chunk = min(n, spaces.count)
            out.append(contentsOf: spaces[0..<chunk])
            n -= chunk
        }
    }
}

/// The `Encoder` handed to each value's `encode(to:)`: its node is the container the value asks for.
/// The coding path is its chain of parents, walked only when asked for.
final class JSONTreeEncoder: Encoder {
    let build: JSONBuild
    let parent: JSONTreeEncoder?
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var node: JSONNode?
    /// Called once the value's node exists (for `superEncoder`, which fills a slot of its parent).
    private let onNode: ((JSONNode) -> Void)?

    init(build: JSONBuild, parent: JSONTreeEncoder?, key: (any CodingKey)?, onNode: ((JSONNode) -> Void)? = nil) {
        self.build = build
        self.parent = parent
        self.key = key
        self.onNode = onNode
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var e: JSONTreeEncoder? = self
        while let current = e { if let k = current.key { path.append(k) }; e = current.parent }
        return path.reversed()
    }

    func set(_ node: JSONNode) {
        self.node = node
        onNode?(node)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing)? = node { object = existing } else { object = JSONObject(); set(.object(object)) }
        return KeyedEncodingContainer(JSONKeyedWriter<Key>(object: object, encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing)? = node { array = existing } else { array = JSONArray(); set(.array(array)) }
        return JSONUnkeyedWriter(array: array, encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueWriter(encoder: self) }
}

struct JSONKeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var build: JSONBuild { encoder.build }

    private func put(_ node: JSONNode, _ key: Key) { object.entries.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) throws { put(build.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(build.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(build.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try build.float(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try build.float(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(build.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try build.node(for: value, parent: encoder, key: key), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeEncoder(build: build, parent: encoder, key: key)
        let container = nested.container(keyedBy: NestedKey.self)
        put(nested.node!, key)
        return container
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONTreeEncoder(build: build, parent: encoder, key: key)
        let container = nested.unkeyedContainer()
        put(nested.node!, key)
        return container
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super", codingKey: nil) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue, codingKey: key) }

    private func superEncoder(named name: String, codingKey: Key?) -> any Encoder {
        let object = self.object
        let index = object.entries.count
        object.entries.append((name, .object(JSONObject())))
        return JSONTreeEncoder(build: build, parent: encoder, key: codingKey) { object.entries[index].value = $0 }
    }
}

/// The key of an array element in a coding path.
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct JSONUnkeyedWriter: UnkeyedEncodingContainer {
    let array: JSONArray
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }
    private var build: JSONBuild { encoder.build }
    private var nextKey: JSONIndexKey { JSONIndexKey(array.items.count) }

    mutating func encodeNil() throws { array.items.append(build.null) }
    mutating func encode(_ value: Bool) throws { array.items.append(build.bool(value)) }
    mutating func encode(_ value: String) throws { array.items.append(build.string(value)) }
    mutating func encode(_ value: Double) throws { array.items.append(try build.float(value, codingPath: codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws { array.items.append(try build.float(value, codingPath: codingPath + [nextKey])) }
    mutating func encode(_ value: Int) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: Int8) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: Int16) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: Int32) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: Int64) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: UInt) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: UInt8) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: UInt16) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: UInt32) throws { array.items.append(build.integer(value)) }
    mutating func encode(_ value: UInt64) throws { array.items.append(build.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try build.node(for: value, parent: encoder, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeEncoder(build: build, parent: encoder, key: nextKey)
        let container = nested.container(keyedBy: NestedKey.self)
        array.items.append(nested.node!)
        return container
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONTreeEncoder(build: build, parent: encoder, key: nextKey)
        let container = nested.unkeyedContainer()
        array.items.append(nested.node!)
        return container
    }

    mutating func superEncoder() -> any Encoder {
        let array = self.array
        let index = array.items.count
        let key = nextKey
        array.items.append(.object(JSONObject()))
        return JSONTreeEncoder(build: build, parent: encoder, key: key) { array.items[index] = $0 }
    }
}

struct JSONSingleValueWriter: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var build: JSONBuild { encoder.build }

    mutating func encodeNil() throws { encoder.set(build.null) }
    mutating func encode(_ value: Bool) throws { encoder.set(build.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.set(build.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.set(try build.float(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { encoder.set(try build.float(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: Int8) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: Int16) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: Int32) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: Int64) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: UInt) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.set(build.integer(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.set(build.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value's own encoding, one level down, replaces this container's.
        let nested = JSONTreeEncoder(build: build, parent: encoder.parent, key: encoder.key)
        try value.encode(to: nested)
        encoder.set(nested.node ?? .object(JSONObject()))
    }
}

/// Bytes kept in chunks of one size: appending never copies what is there already.
public struct ChunkedBytes: Sendable {
    public private(set) var chunks: [[UInt8]] = []
    public private(set) var count = 0
    public static let chunkSize = 1 << 20

    public init() {}

    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize {
                var chunk: [UInt8] = []
                chunk.reserveCapacity(Self.chunkSize)
                chunks.append(chunk)
            }
            let take = min(Self.chunkSize - chunks[chunks.count - 1].count, bytes.count - offset)
            chunks[chunks.count - 1].append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + take)]))
            offset += take
        }
        count += bytes.count
    }

    /// All the bytes in one array.
    public var joined: [UInt8] {
        var all: [UInt8] = []
        all.reserveCapacity(count)
        for chunk in chunks { all += chunk }
        return all
    }
}
