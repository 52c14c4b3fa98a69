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
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return startIndex..<startIndex }
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
