extension StringProtocol {
    /// The text without leading and trailing runs of `character`.
    ///
    /// For example: `"¶Title¶".trimming("¶")` is `"Title"`.
    public func trimming(_ character: Character) -> String {
        // ASCII text, trimmed of an ASCII character other than a line break: every character is one
        // byte, so the bytes can be cut (`"\r\n"` is one character, hence the exception).
        if let byte = character.asciiValue, byte != 0x0A, byte != 0x0D, utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let text = Substring(self)
            let bytes = text.utf8
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end, bytes[start] == byte { bytes.formIndex(after: &start) }
            while start < end, bytes[bytes.index(before: end)] == byte { bytes.formIndex(before: &end) }
            return String(text[start..<end])
        }
        var s = Substring(self)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
