/// A short, stable content digest (64-bit FNV-1a, hex) for generated-file headers and caches.
///
/// For example: `Digest.fnv1a64("abc")` is `"e71fa2190541574b"`.
public enum Digest {
    public static func fnv1a64<S: StringProtocol>(_ text: S) -> String {
        var hasher = FNV1a()
        hasher.mix(String(text))
        return hasher.hex
    }

    /// The running hash, for digests over many pieces (files, options, …).
    public struct FNV1a: Sendable {
        public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
        public init() {}

        public mutating func mix(_ bytes: UnsafeRawBufferPointer) {
            var hash = value
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            value = hash
        }

        public mutating func mix(_ text: String) {
            var text = text
            text.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
        }

        /// 16 lowercase hex digits.
        public var hex: String {
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}

/// The word-at-a-time hash the caches share: FNV-1a's multiply on 8 bytes at a time, with an
/// xor-shift after each word (byte at a time, checking a 10 MB cache file took 10 ms).
///
/// For example: `WordHash.checksum(bytes)` is the last 8 bytes of a page-cache entry.
public enum WordHash {
    /// One word into the running hash `h`.
    @inlinable @inline(__always)
    public static func mix(_ word: UInt64, into h: inout UInt64) {
        h = (h ^ word) &* 0x0000_0100_0000_01B3
        h ^= h >> 29
    }

    /// `bytes` into `h`, 8 bytes at a time (little-endian words); the last 0–7 bytes as one more word,
    /// zero-padded, mixed even when there are none.
    @inlinable
    public static func mix(_ bytes: UnsafeRawBufferPointer, into h: inout UInt64) {
        var i = 0
        while i + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self), into: &h)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail, into: &h)
    }

    /// The checksum of a whole buffer (its length mixed in first).
    @inlinable
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        mix(bytes, into: &h)
        return h
    }
}
