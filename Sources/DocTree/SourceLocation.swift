/// A position in an input document, used for provenance and diagnostics.
///
/// For example: `SourceLocation(file: "input-docs/users.md", line: 42)`.
public struct SourceLocation: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path of the input file as given on the command line (relative paths stay relative).
    public var file: String
    /// 1-based line number; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(max(column, 1))" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        line = try c.decode(Int.self, forKey: .line)
        column = try c.decodeIfPresent(Int.self, forKey: .column) ?? 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        if column != 0 { try c.encode(column, forKey: .column) }
    }
}
