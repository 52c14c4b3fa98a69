/// A short, stable content digest (64-bit FNV-1a, hex) for generated-file headers and caches.
///
/// For example: `Digest.fnv1a64("abc")` is `"e71fa2190541574b"`.
public enum Digest {
    public static func fnv1a64<S: StringProtocol>(_ text: S) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var string = String(text)
        string.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
