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
