import Foundation

/// A compact binary form of any `Codable` value, for the page cache: Foundation's `JSONDecoder` made
/// decoding the cached pages as slow as reading them afresh.
///
/// The bytes: a magic word, the table of coding keys (each key's text once), then the value. Each value
/// starts with a tag byte: nil, false, true, an integer (zigzag varint), a string (varint length and
/// UTF-8), a double (8 bytes), a keyed container (4-byte length, then key number and value pairs) or an
/// unkeyed container (4-byte length, then values). Every value can be skipped without being decoded,
/// so a keyed container finds a key wherever it is; a key that is not there is nil, and bytes that do
/// not decode as asked are an error (the page cache then reads the page afresh). The last 8 bytes are a
/// hash of the others: a damaged file is an error too, not a different value.
///
/// For example: `try CompactDecoder.decode(Entry.self, from: CompactEncoder.encode(entry))` is `entry`.
enum CompactCoder {
    static let magic: [UInt8] = Array("d2sC1".utf8)
    enum Tag: UInt8 { case null = 0, no, yes, int, string, double, keyed, unkeyed }
    struct Failure: Error { var what: String }

    /// The last 8 bytes: a hash of the others, 8 bytes at a time (a damaged file is not decoded).
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        func mix(_ w: UInt64) {
            h = (h ^ w) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
        }
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= raw.count {
            mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail)
        return h
    }
}

// MARK: - Encoding

/// Encodes into a tree of nodes first (a container is written to after its nested values), then writes the bytes.
enum CompactEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = EncoderState()
        let root = Slot()
        try value.encode(to: NodeEncoder(state: state, slot: root))
        var out = CompactCoder.magic
        writeVarint(UInt64(state.keys.count), to: &out)
        for key in state.keys { writeString(key, to: &out) }
        write(root.node ?? .null, to: &out)
        let sum = out.withUnsafeBufferPointer { CompactCoder.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    enum Node {
        case null, bool(Bool), int(Int64), string(String), double(Double)
        case keyed(Container), unkeyed(Container)
    }

    /// Nodes of a container in order; for a keyed one, each with its key number.
    final class Container {
        var keys: [Int] = []
        var slots: [Slot] = []
    }

    final class Slot { var node: Node? }

    final class EncoderState {
        var keys: [String] = []
        var numbers: [String: Int] = [:]
        func number(_ key: String) -> Int {
            if let n = numbers[key] { return n }
            keys.append(key)
            numbers[key] = keys.count - 1
            return keys.count - 1
        }
    }

    static func write(_ node: Node, to out: inout [UInt8]) {
        switch node {
        case .null: out.append(CompactCoder.Tag.null.rawValue)
        case .bool(let b): out.append((b ? CompactCoder.Tag.yes : .no).rawValue)
        case .int(let i):
            out.append(CompactCoder.Tag.int.rawValue)
            writeVarint(UInt64(bitPattern: (i << 1) ^ (i >> 63)), to: &out)
        case .string(let s):
            out.append(CompactCoder.Tag.string.rawValue)
            writeString(s, to: &out)
        case .double(let d):
            out.append(CompactCoder.Tag.double.rawValue)
            withUnsafeBytes(of: d.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        case .keyed(let c), .unkeyed(let c):
            let keyed: Bool
            if case .keyed = node { keyed = true } else { keyed = false }
            out.append((keyed ? CompactCoder.Tag.keyed : .unkeyed).rawValue)
            let lengthAt = out.count
            out.append(contentsOf: [0, 0, 0, 0])
            for (i, slot) in c.slots.enumerated() {
                if keyed { writeVarint(UInt64(c.keys[i]), to: &out) }
                write(slot.node ?? .null, to: &out)
            }
            let length = UInt32(out.count - lengthAt - 4)
            withUnsafeBytes(of: length.littleEndian) { bytes in
                for j in 0..<4 { out[lengthAt + j] = bytes[j] }
            }
        }
    }

    static func writeVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            writeVarint(UInt64(bytes.count), to: &out)
            out.append(contentsOf: bytes)
        }
    }

    struct NodeEncoder: Encoder {
        let state: EncoderState
        let slot: Slot
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            // Asking twice for the keyed container of one value gives the same container.
            if case .keyed(let c) = slot.node { return KeyedEncodingContainer(Keyed<Key>(state: state, container: c)) }
            let c = Container()
            slot.node = .keyed(c)
            return KeyedEncodingContainer(Keyed<Key>(state: state, container: c))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .unkeyed(let c) = slot.node { return Unkeyed(state: state, container: c) }
            let c = Container()
            slot.node = .unkeyed(c)
            return Unkeyed(state: state, container: c)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(state: state, slot: slot) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: EncoderState
        let container: Container
        var codingPath: [any CodingKey] = []

        func slot(_ key: Key) -> Slot {
            let s = Slot()
            container.keys.append(state.number(key.stringValue))
            container.slots.append(s)
            return s
        }
        mutating func encodeNil(forKey key: Key) throws { slot(key).node = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).node = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { slot(key).node = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { slot(key).node = .double(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).node = .int(Int64(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try value.encode(to: NodeEncoder(state: state, slot: slot(key)))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(state: state, slot: slot(key)).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(state: state, slot: slot(key)).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { NodeEncoder(state: state, slot: slotNamed("super")) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(state: state, slot: slot(key)) }
        func slotNamed(_ name: String) -> Slot {
            let s = Slot()
            container.keys.append(state.number(name))
            container.slots.append(s)
            return s
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let state: EncoderState
        let container: Container
        var codingPath: [any CodingKey] = []
        var count: Int { container.slots.count }

        func slot() -> Slot {
            let s = Slot()
            container.slots.append(s)
            return s
        }
        mutating func encodeNil() throws { slot().node = .null }
        mutating func encode(_ value: Bool) throws { slot().node = .bool(value) }
        mutating func encode(_ value: String) throws { slot().node = .string(value) }
        mutating func encode(_ value: Double) throws { slot().node = .double(value) }
        mutating func encode(_ value: Int) throws { slot().node = .int(Int64(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NodeEncoder(state: state, slot: slot())) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(state: state, slot: slot()).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { NodeEncoder(state: state, slot: slot()).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { NodeEncoder(state: state, slot: slot()) }
    }

    struct Single: SingleValueEncodingContainer {
        let state: EncoderState
        let slot: Slot
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws { slot.node = .null }
        mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
        mutating func encode(_ value: String) throws { slot.node = .string(value) }
        mutating func encode(_ value: Double) throws { slot.node = .double(value) }
        mutating func encode(_ value: Int) throws { slot.node = .int(Int64(value)) }
        // Every width: the defaults would hand the value back to `encode<T>`, which asks for this container again.
        mutating func encode(_ value: Float) throws { slot.node = .double(Double(value)) }
        mutating func encode(_ value: Int8) throws { slot.node = .int(Int64(value)) }
        mutating func encode(_ value: Int16) throws { slot.node = .int(Int64(value)) }
        mutating func encode(_ value: Int32) throws { slot.node = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { slot.node = .int(value) }
        mutating func encode(_ value: UInt) throws { slot.node = .int(Int64(bitPattern: UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { slot.node = .int(Int64(value)) }
        mutating func encode(_ value: UInt16) throws { slot.node = .int(Int64(value)) }
        mutating func encode(_ value: UInt32) throws { slot.node = .int(Int64(value)) }
        mutating func encode(_ value: UInt64) throws { slot.node = .int(Int64(bitPattern: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NodeEncoder(state: state, slot: slot)) }
    }
}

// MARK: - Decoding

/// Decodes straight from the bytes: containers are offsets into them, nothing is parsed ahead.
enum CompactDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { whole in
            guard whole.count >= CompactCoder.magic.count + 8, whole.prefix(CompactCoder.magic.count).elementsEqual(CompactCoder.magic) else {
                throw CompactCoder.Failure(what: "not a compact-coded value")
            }
            let body = whole.bindMemory(to: UInt8.self).prefix(whole.count - 8)
            let raw = UnsafeBufferPointer(rebasing: body)
            var sum: UInt64 = 0
            for j in 0..<8 { sum |= UInt64(whole[whole.count - 8 + j]) << (8 * UInt64(j)) }
            guard CompactCoder.checksum(raw) == sum else { throw CompactCoder.Failure(what: "checksum") }
            let reader = Reader(raw)
            var at = CompactCoder.magic.count
            let count = try reader.varint(&at)
            guard count < UInt64(raw.count) else { throw CompactCoder.Failure(what: "key table") }
            var keys: [String] = []
            keys.reserveCapacity(Int(count))
            for _ in 0..<count { keys.append(try reader.string(&at)) }
            reader.keys = keys
            return try T(from: ValueDecoder(reader: reader, at: at))
        }
    }

    /// The bytes (valid while decoding) and the key table.
    final class Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var keys: [String] = []
        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func byte(_ at: inout Int) throws -> UInt8 {
            guard at < bytes.count else { throw CompactCoder.Failure(what: "truncated") }
            defer { at += 1 }
            return bytes[at]
        }

        func varint(_ at: inout Int) throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte(&at)
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
                guard shift < 64 else { throw CompactCoder.Failure(what: "varint") }
            }
        }

        func string(_ at: inout Int) throws -> String {
            let n = Int(try varint(&at))
            guard n >= 0, at + n <= bytes.count else { throw CompactCoder.Failure(what: "truncated string") }
            defer { at += n }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
        }

        func length(_ at: inout Int) throws -> Int {
            guard at + 4 <= bytes.count else { throw CompactCoder.Failure(what: "truncated container") }
            let n = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            at += 4
            guard at + n <= bytes.count else { throw CompactCoder.Failure(what: "truncated container") }
            return n
        }

        /// The offset after the value at `at`.
        func skip(_ at: Int) throws -> Int {
            var i = at
            guard let tag = CompactCoder.Tag(rawValue: try byte(&i)) else { throw CompactCoder.Failure(what: "tag") }
            switch tag {
            case .null, .no, .yes: return i
            case .int: _ = try varint(&i); return i
            case .string:
                let n = Int(try varint(&i))
                guard i + n <= bytes.count else { throw CompactCoder.Failure(what: "truncated string") }
                return i + n
            case .double:
                guard i + 8 <= bytes.count else { throw CompactCoder.Failure(what: "truncated double") }
                return i + 8
            case .keyed, .unkeyed:
                let n = try length(&i)
                return i + n
            }
        }

        func tag(_ at: Int) throws -> CompactCoder.Tag {
            guard at < bytes.count, let tag = CompactCoder.Tag(rawValue: bytes[at]) else { throw CompactCoder.Failure(what: "tag") }
            return tag
        }

        func isNil(_ at: Int) -> Bool { at < bytes.count && bytes[at] == CompactCoder.Tag.null.rawValue }

        func bool(_ at: Int) throws -> Bool {
            switch try tag(at) {
            case .no: return false
            case .yes: return true
            default: throw CompactCoder.Failure(what: "expected a Bool")
            }
        }

        func int(_ at: Int) throws -> Int64 {
            guard try tag(at) == .int else { throw CompactCoder.Failure(what: "expected an integer") }
            var i = at + 1
            let z = try varint(&i)
            return Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
        }

        func text(_ at: Int) throws -> String {
            guard try tag(at) == .string else { throw CompactCoder.Failure(what: "expected a string") }
            var i = at + 1
            return try string(&i)
        }

        func double(_ at: Int) throws -> Double {
            guard try tag(at) == .double else { throw CompactCoder.Failure(what: "expected a double") }
            guard at + 9 <= bytes.count else { throw CompactCoder.Failure(what: "truncated double") }
            var bits: UInt64 = 0
            for j in 0..<8 { bits |= UInt64(bytes[at + 1 + j]) << (8 * UInt64(j)) }
            return Double(bitPattern: bits)
        }

        /// The content range of the container at `at` (whose tag must be `tag`).
        func container(_ at: Int, _ tag: CompactCoder.Tag) throws -> Range<Int> {
            guard try self.tag(at) == tag else { throw CompactCoder.Failure(what: "expected a \(tag) container") }
            var i = at + 1
            let n = try length(&i)
            return i..<(i + n)
        }

        func integer<I: FixedWidthInteger>(_ at: Int, as: I.Type) throws -> I {
            guard let v = I(exactly: try int(at)) else { throw CompactCoder.Failure(what: "integer out of range") }
            return v
        }
    }

    struct ValueDecoder: Decoder {
        let reader: Reader
        let at: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            let range = try reader.container(at, .keyed)
            var entries: [(key: Int, at: Int)] = []
            var i = range.lowerBound
            while i < range.upperBound {
                let key = Int(try reader.varint(&i))
                guard key < reader.keys.count else { throw CompactCoder.Failure(what: "key number") }
                entries.append((key, i))
                i = try reader.skip(i)
            }
            guard i == range.upperBound else { throw CompactCoder.Failure(what: "container length") }
            return KeyedDecodingContainer(Keyed<Key>(reader: reader, entries: entries))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let range = try reader.container(at, .unkeyed)
            return Unkeyed(reader: reader, position: range.lowerBound, end: range.upperBound)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(reader: reader, at: at) }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let reader: Reader
        let entries: [(key: Int, at: Int)]
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { entries.compactMap { Key(stringValue: reader.keys[$0.key]) } }

        func find(_ key: Key) -> Int? {
            let name = key.stringValue
            for e in entries where reader.keys[e.key] == name { return e.at }
            return nil
        }
        func at(_ key: Key) throws -> Int {
            guard let at = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
            }
            return at
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { reader.isNil(try at(key)) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(try at(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.text(try at(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(try at(key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(try at(key), as: Int.self) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let at = find(key), !reader.isNil(at) else { return nil }
            return try reader.text(at)
        }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            guard let at = find(key), !reader.isNil(at) else { return nil }
            return try reader.integer(at, as: Int.self)
        }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            guard let at = find(key), !reader.isNil(at) else { return nil }
            return try reader.bool(at)
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: ValueDecoder(reader: reader, at: try at(key)))
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let at = find(key), !reader.isNil(at) else { return nil }
            return try T(from: ValueDecoder(reader: reader, at: at))
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try ValueDecoder(reader: reader, at: try at(key)).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try ValueDecoder(reader: reader, at: try at(key)).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder {
            guard let e = entries.first(where: { reader.keys[$0.key] == "super" }) else { throw CompactCoder.Failure(what: "no super") }
            return ValueDecoder(reader: reader, at: e.at)
        }
        func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(reader: reader, at: try at(key)) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let reader: Reader
        var position: Int
        let end: Int
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { nil }
        var isAtEnd: Bool { position >= end }

        init(reader: Reader, position: Int, end: Int) {
            self.reader = reader
            self.position = position
            self.end = end
        }

        mutating func next() throws -> Int {
            guard position < end else { throw CompactCoder.Failure(what: "past the end of an array") }
            let at = position
            position = try reader.skip(at)
            guard position <= end else { throw CompactCoder.Failure(what: "container length") }
            currentIndex += 1
            return at
        }

        mutating func decodeNil() throws -> Bool {
            guard position < end, reader.isNil(position) else { return false }
            _ = try next()
            return true
        }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(try next()) }
        mutating func decode(_ type: String.Type) throws -> String { try reader.text(try next()) }
        mutating func decode(_ type: Double.Type) throws -> Double { try reader.double(try next()) }
        mutating func decode(_ type: Int.Type) throws -> Int { try reader.integer(try next(), as: Int.self) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: ValueDecoder(reader: reader, at: try next())) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try ValueDecoder(reader: reader, at: try next()).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try ValueDecoder(reader: reader, at: try next()).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { ValueDecoder(reader: reader, at: try next()) }
    }

    struct Single: SingleValueDecodingContainer {
        let reader: Reader
        let at: Int
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { reader.isNil(at) }
        func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at) }
        func decode(_ type: String.Type) throws -> String { try reader.text(at) }
        func decode(_ type: Double.Type) throws -> Double { try reader.double(at) }
        func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at)) }
        func decode(_ type: Int.Type) throws -> Int { try reader.integer(at, as: Int.self) }
        func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(at, as: Int8.self) }
        func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(at, as: Int16.self) }
        func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(at, as: Int32.self) }
        func decode(_ type: Int64.Type) throws -> Int64 { try reader.int(at) }
        func decode(_ type: UInt.Type) throws -> UInt { UInt(UInt64(bitPattern: try reader.int(at))) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(at, as: UInt8.self) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(at, as: UInt16.self) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(at, as: UInt32.self) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { UInt64(bitPattern: try reader.int(at)) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: ValueDecoder(reader: reader, at: at)) }
    }
}
