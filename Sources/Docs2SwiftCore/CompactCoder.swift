import DocTree
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

    /// The last 8 bytes: a hash of the others (a damaged file is not decoded).
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        WordHash.checksum(UnsafeRawBufferPointer(bytes))
    }
}


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

