extension StringProtocol {
    /// The text without leading and trailing runs of `character`.
    ///
    /// For example: `"¶Title¶".trimming("¶")` is `"Title"`.
    public func trimming(_ character: Character) -> String { Substring(self).trimming(character) }
}

extension String {
    public func trimming(_ character: Character) -> String { self[...].trimming(character) }
}

extension Substring {
    public func trimming(_ character: Character) -> String {
        let bytes = utf8
        // ASCII text, trimmed of an ASCII character other than a line break: every character is one
        // byte, so the bytes can be cut (`"\r\n"` is one character, hence the exception).
        if let byte = character.asciiValue, byte != 0x0A, byte != 0x0D, bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end, bytes[start] == byte { bytes.formIndex(after: &start) }
            while start < end, bytes[bytes.index(before: end)] == byte { bytes.formIndex(before: &end) }
            return String(self[start..<end])
        }
        var s = self
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
