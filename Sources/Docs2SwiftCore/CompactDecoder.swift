import Foundation

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
        /// Where the next search starts: a synthesized `init(from:)` asks for the keys in the order they were
        /// encoded, so the key asked for is most often the one after the last found.
        let cursor = Cursor()
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { entries.compactMap { Key(stringValue: reader.keys[$0.key]) } }

        init(reader: Reader, entries: [(key: Int, at: Int)]) {
            self.reader = reader
            self.entries = entries
        }

        final class Cursor { var next = 0 }

        func find(_ key: Key) -> Int? {
            let name = key.stringValue
            let n = entries.count
            var j = cursor.next
            for _ in 0..<n {
                if j >= n { j = 0 }
                if reader.keys[entries[j].key] == name {
                    cursor.next = j + 1
                    return entries[j].at
                }
                j += 1
            }
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
