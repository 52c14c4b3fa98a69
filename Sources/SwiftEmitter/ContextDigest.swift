import DocTree
import Foundation

/// A 64-bit digest of an `Encodable` value (a render context): every key, every value and the shape
/// that holds them, in the order the value encodes them. Two contexts with the same digest render the
/// same text, so a file whose context digest is as recorded need not be rendered again.
///
/// For example: `ContextDigest.of(context)` is the same number in every run for the same context.
public enum ContextDigest {
    public static func of<T: Encodable>(_ value: T) -> UInt64 {
        let state = DigestState()
        // The encoder below never throws.
        try? value.encode(to: DigestEncoder(state: state))
        return state.value
    }

    /// One digest of several values, in order (each marked, so `[a, b]` and `[ab]` differ).
    public static func of(_ values: [any Encodable]) -> UInt64 {
        let state = DigestState()
        for value in values {
            state.mix(.element)
            try? value.encode(to: DigestEncoder(state: state))
        }
        return state.value
    }
}

/// The running hash: 8 bytes at a time (multiply, xor-shift), with the length of every string mixed in.
final class DigestState {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    func mix(_ word: UInt64) { WordHash.mix(word, into: &value) }

    func mix(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            mix(UInt64(bytes.count) | 0x5300_0000_0000_0000)
            WordHash.mix(UnsafeRawBufferPointer(bytes), into: &value)
        }
    }

    /// Marks where a container, a nil or an element starts, so different shapes do not mix alike.
    enum Mark: UInt64 { case keyed = 1, unkeyed, element, null, single, end }
    func mix(_ mark: Mark) { mix(mark.rawValue | 0x4D00_0000_0000_0000) }
}

/// Every key and element is mixed with its depth, so the tokens spell the tree unambiguously (without
/// it, `{a: {b: nil}, b: 1}` and `{a: {b: 1}}` would mix alike: keys with nil values are left out).
struct DigestEncoder: Encoder {
    let state: DigestState
    var depth: UInt64 = 0
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.mix(.keyed)
        return KeyedEncodingContainer(Keyed<Key>(state: state, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        state.mix(.unkeyed)
        return Unkeyed(state: state, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        state.mix(.single)
        return Single(state: state, depth: depth)
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: DigestState
        let depth: UInt64
        var codingPath: [any CodingKey] = []
        mutating func encodeNil(forKey key: Key) throws { state.mix(key.stringValue); state.mix(depth); state.mix(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { state.mix(key.stringValue); state.mix(depth); state.mix(value ? 1 : 0) }
        mutating func encode(_ value: String, forKey key: Key) throws { state.mix(key.stringValue); state.mix(depth); state.mix(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { state.mix(key.stringValue); state.mix(depth); state.mix(value.bitPattern) }
        mutating func encode(_ value: Float, forKey key: Key) throws { state.mix(key.stringValue); state.mix(depth); state.mix(UInt64(value.bitPattern)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { state.mix(key.stringValue); state.mix(depth); state.mix(UInt64(bitPattern: Int64(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            state.mix(key.stringValue); state.mix(depth)
            try value.encode(to: DigestEncoder(state: state, depth: depth + 1))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            state.mix(key.stringValue); state.mix(depth)
            return DigestEncoder(state: state, depth: depth + 1).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            state.mix(key.stringValue); state.mix(depth)
            return DigestEncoder(state: state, depth: depth + 1).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { DigestEncoder(state: state, depth: depth + 1) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { state.mix(key.stringValue); state.mix(depth); return DigestEncoder(state: state, depth: depth + 1) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let state: DigestState
        let depth: UInt64
        var codingPath: [any CodingKey] = []
        var count = 0
        mutating func encodeNil() throws { count += 1; state.mix(.element); state.mix(depth); state.mix(.null) }
        mutating func encode(_ value: String) throws { count += 1; state.mix(.element); state.mix(depth); state.mix(value) }
        mutating func encode(_ value: Bool) throws { count += 1; state.mix(.element); state.mix(depth); state.mix(value ? 1 : 0) }
        mutating func encode(_ value: Int) throws { count += 1; state.mix(.element); state.mix(depth); state.mix(UInt64(bitPattern: Int64(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            state.mix(.element); state.mix(depth)
            try value.encode(to: DigestEncoder(state: state, depth: depth + 1))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            state.mix(.element); state.mix(depth)
            return DigestEncoder(state: state, depth: depth + 1).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            state.mix(.element); state.mix(depth)
            return DigestEncoder(state: state, depth: depth + 1).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { DigestEncoder(state: state, depth: depth + 1) }
    }

    struct Single: SingleValueEncodingContainer {
        let state: DigestState
        let depth: UInt64
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws { state.mix(.null) }
        mutating func encode(_ value: Bool) throws { state.mix(value ? 1 : 0) }
        mutating func encode(_ value: String) throws { state.mix(value) }
        mutating func encode(_ value: Double) throws { state.mix(value.bitPattern) }
        mutating func encode(_ value: Float) throws { state.mix(UInt64(value.bitPattern)) }
        mutating func encode(_ value: Int) throws { state.mix(UInt64(bitPattern: Int64(value))) }
        // Every integer width: the defaults would hand the value back to `encode<T>`, which asks for this container again.
        mutating func encode(_ value: Int8) throws { state.mix(UInt64(bitPattern: Int64(value))) }
        mutating func encode(_ value: Int16) throws { state.mix(UInt64(bitPattern: Int64(value))) }
        mutating func encode(_ value: Int32) throws { state.mix(UInt64(bitPattern: Int64(value))) }
        mutating func encode(_ value: Int64) throws { state.mix(UInt64(bitPattern: value)) }
        mutating func encode(_ value: UInt) throws { state.mix(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { state.mix(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { state.mix(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { state.mix(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { state.mix(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: DigestEncoder(state: state, depth: depth + 1)) }
    }
}
