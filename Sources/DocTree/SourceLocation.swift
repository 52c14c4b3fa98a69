/// A position in an input document, used for provenance and diagnostics.
///
/// For example: `SourceLocation(file: "input-docs/users.md", line: 42)`.
public struct SourceLocation: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path of the input file, relative to the working directory (absolute inputs are made relative
    /// when read); in files docs2swift writes, relative to the output folder.
    public var file: String
    /// 1-based line number; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// The part of the page that holds the line, named so it survives edits that move lines: the
    /// operation (`GET /users/{id}`) or the heading text. Set for named types after assembly; nil otherwise.
    public var section: String?

    public init(file: String, line: Int, column: Int = 0, section: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.section = section
    }

    public var description: String { "\(file):\(line):\(max(column, 1))" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    enum CodingKeys: String, CodingKey { case file, line, column, section }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        line = try c.decode(Int.self, forKey: .line)
        column = try c.decodeIfPresent(Int.self, forKey: .column) ?? 0
        section = try c.decodeIfPresent(String.self, forKey: .section)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        if column != 0 { try c.encode(column, forKey: .column) }
        if let section { try c.encode(section, forKey: .section) }
    }
}
