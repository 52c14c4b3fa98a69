#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on the UTF-8 bytes, for the extractors' many `contains` checks on table cells and
/// labels: exact byte matching, without Foundation's locale-aware `range(of:)` (which goes through
/// CoreFoundation on Linux and was a few percent of a whole-corpus run).
///
/// For example: `"Query parameters".lowercased().containsText("query parameters")` is `true`.
extension StringProtocol {
    /// Whether `needle` occurs in the text.
    public func containsText(_ needle: String) -> Bool {
        textRange(of: needle) != nil
    }

    /// The first occurrence of `needle`, as a range of the text's indices.
    public func textRange(of needle: String) -> Range<Index>? {
        let hay = utf8
        guard !needle.isEmpty else { return startIndex..<startIndex }
        // Contiguous text (native strings and their substrings): `memchr` for the first byte, `memcmp` for the rest.
        var needle = needle
        if let found = hay.withContiguousStorageIfAvailable({ bytes -> Int? in
            needle.withUTF8 { pattern -> Int? in
                guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return nil }
                let first = Int32(pattern[0])
                var offset = 0
                let last = bytes.count - pattern.count
                while offset <= last, let hit = memchr(base + offset, first, last - offset + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
                    offset = at + 1
                }
                return nil
            }
        }) {
            guard let offset = found else { return nil }
            let start = hay.index(hay.startIndex, offsetBy: offset)
            return start..<hay.index(start, offsetBy: needle.utf8.count)
        }
        let pattern = Array(needle.utf8)
        let first = pattern[0]
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i] == first {
                var j = hay.index(after: i)
                var k = 1
                while k < pattern.count, j != hay.endIndex, hay[j] == pattern[k] {
                    j = hay.index(after: j)
                    k += 1
                }
                // A match ends on a scalar boundary, since the needle is whole UTF-8.
                if k == pattern.count { return i..<j }
            }
            i = hay.index(after: i)
        }
        return nil
    }
}
