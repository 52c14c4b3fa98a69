extension Array where Element == UInt8 {
    /// Appends a non-negative integer's decimal digits, for text built as bytes (shape keys, routes).
    ///
    /// For example: appending 42 to `Array("p".utf8)` gives the bytes of `p42`.
    public mutating func appendDecimal(_ n: Int) {
        if n >= 10 { appendDecimal(n / 10) }
        append(UInt8(ascii: "0") + UInt8(n % 10))
    }
}
