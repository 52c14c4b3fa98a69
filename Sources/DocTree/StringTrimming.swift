extension StringProtocol {
    /// The text without leading and trailing runs of `character`.
    ///
    /// For example: `"¶Title¶".trimming("¶")` is `"Title"`.
    public func trimming(_ character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
