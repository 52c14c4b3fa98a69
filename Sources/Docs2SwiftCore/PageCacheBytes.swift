import DocTree
import Foundation

/// The byte form of a page-cache entry: each type writes its properties in a fixed order, by hand
/// (`PageCacheCodable`), and reads them back in that order, with no `Codable` containers in between
/// (decoding the cached pages through `Codable` was a quarter of a one-page regeneration's CPU).
///
/// The bytes: a magic word naming the format's version, the value, then a checksum of the others (8
/// bytes, `WordHash.checksum`). An integer is a zigzag varint, a Bool one byte (0 or 1), an optional a
/// byte (0 or 1) and then the value, an array its count and then its elements. A string is written
/// once per entry: the first time as a varint `length << 1` and its UTF-8 bytes, after that as
/// `number << 1 | 1`, the number of the earlier string (a page's path is stored once for all its
/// source locations). Bytes that are damaged, cut short, of an older version or do not read as the
/// type asks throw an error (the page cache then reads the page afresh): never a different value,
/// never a crash.
///
/// For example: `try PageCacheBytes.decode(Entry.self, from: Data(PageCacheBytes.encode(entry)))` is `entry`.
enum PageCacheBytes {
    /// Changed whenever the layout of any type changes: older entries are then misses.
    static let magic: [UInt8] = Array("d2sP2".utf8)
    struct Failure: Error { var what: String }

    static func encode<T: PageCacheCodable>(_ value: T) -> [UInt8] {
        var writer = Writer()
        writer.bytes = magic
        writer.write(value)
        let sum = writer.bytes.withUnsafeBytes { WordHash.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { writer.bytes.append(contentsOf: $0) }
        return writer.bytes
    }

    static func decode<T: PageCacheCodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { whole in
            guard whole.count >= magic.count + 8, whole.prefix(magic.count).elementsEqual(magic) else {
                throw Failure(what: "not a page-cache entry of this version")
            }
            let body = UnsafeRawBufferPointer(rebasing: whole[..<(whole.count - 8)])
            guard WordHash.checksum(body) == UInt64(littleEndian: whole.loadUnaligned(fromByteOffset: body.count, as: UInt64.self)) else {
                throw Failure(what: "checksum")
            }
            var reader = Reader(bytes: body, at: magic.count)
            let value: T = try reader.read()
            guard reader.at == body.count else { throw Failure(what: "bytes after the value") }
            return value
        }
    }

    struct Writer {
        var bytes: [UInt8] = []
        /// Each string written so far (not the empty one), with its number.
        var strings: [String: Int] = [:]

        mutating func write<T: PageCacheCodable>(_ value: T) { value.write(to: &self) }

        mutating func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func string(_ s: String) {
            if let number = strings[s] { return varint(UInt64(number) << 1 | 1) }
            if !s.isEmpty { strings[s] = strings.count }
            var s = s
            s.withUTF8 { utf8 in
                varint(UInt64(utf8.count) << 1)
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Reads from `at` on; every read checks that its bytes are there.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at: Int
        /// The strings read so far, by number (not the empty one).
        var strings: [String] = []
        /// How deep in nested types the reader is (`TypeRef`): damaged bytes cannot nest it without end.
        var depth = 0
        static let maxDepth = 200

        mutating func read<T: PageCacheCodable>() throws -> T { try T(from: &self) }

        mutating func byte() throws -> UInt8 {
            guard at < bytes.count else { throw Failure(what: "cut short") }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func varint() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
                guard shift < 64 else { throw Failure(what: "varint") }
            }
        }

        /// An array's element count: each element takes at least one byte, so never more than the bytes left.
        mutating func count() throws -> Int {
            let n = try varint()
            guard n <= UInt64(bytes.count - at) else { throw Failure(what: "count") }
            return Int(n)
        }

        mutating func string() throws -> String {
            let v = try varint()
            if v & 1 == 1 {
                guard v >> 1 < UInt64(strings.count) else { throw Failure(what: "string number") }
                return strings[Int(v >> 1)]
            }
            guard v >> 1 <= UInt64(bytes.count - at) else { throw Failure(what: "cut short") }
            let n = Int(v >> 1)
            guard n > 0 else { return "" }
            let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
            at += n
            strings.append(s)
            return s
        }

        /// A string that must be one of a type's raw values.
        mutating func rawValue<T: RawRepresentable>() throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw Failure(what: "no \(T.self) of that name") }
            return value
        }
    }
}

/// A type the page cache stores, written and read by hand in `PageCacheBytes`' form: `init(from:)`
/// reads exactly what `write(to:)` writes, in the same order.
///
/// For example: `SourceLocation` writes its file, line, column and section, and reads them in that order.
protocol PageCacheCodable {
    init(from reader: inout PageCacheBytes.Reader) throws
    func write(to writer: inout PageCacheBytes.Writer)
}

extension String: PageCacheCodable {
    init(from reader: inout PageCacheBytes.Reader) throws { self = try reader.string() }
    func write(to writer: inout PageCacheBytes.Writer) { writer.string(self) }
}

extension Int: PageCacheCodable {
    init(from reader: inout PageCacheBytes.Reader) throws {
        let z = try reader.varint()
        self = Int(truncatingIfNeeded: z >> 1) ^ -Int(truncatingIfNeeded: z & 1)
    }
    func write(to writer: inout PageCacheBytes.Writer) {
        writer.varint(UInt64(bitPattern: Int64((self << 1) ^ (self >> (Int.bitWidth - 1)))))
    }
}

extension Bool: PageCacheCodable {
    init(from reader: inout PageCacheBytes.Reader) throws {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        default: throw PageCacheBytes.Failure(what: "Bool")
        }
    }
    func write(to writer: inout PageCacheBytes.Writer) { writer.bytes.append(self ? 1 : 0) }
}

extension Optional: PageCacheCodable where Wrapped: PageCacheCodable {
    init(from reader: inout PageCacheBytes.Reader) throws {
        self = try Bool(from: &reader) ? try Wrapped(from: &reader) : nil
    }
    func write(to writer: inout PageCacheBytes.Writer) {
        writer.write(self != nil)
        if let self { writer.write(self) }
    }
}

extension Array: PageCacheCodable where Element: PageCacheCodable {
    init(from reader: inout PageCacheBytes.Reader) throws {
        let n = try reader.count()
        self = []
        reserveCapacity(n)
        for _ in 0..<n { append(try Element(from: &reader)) }
    }
    func write(to writer: inout PageCacheBytes.Writer) {
        writer.varint(UInt64(count))
        for element in self { writer.write(element) }
    }
}

/// A string enumeration is stored as its raw value.
extension PageCacheCodable where Self: RawRepresentable, RawValue == String {
    init(from reader: inout PageCacheBytes.Reader) throws { self = try reader.rawValue() }
    func write(to writer: inout PageCacheBytes.Writer) { writer.string(rawValue) }
}
