/// One difference between two API versions, classified by the rules in `docs/diff-rules.md`.
///
/// For example: `Change(rule: "response-field-removed", severity: .breaking, operation: "GET /api/users/",
/// location: "response 200 field email", message: "field `email` removed", swiftImpact: ["User.email"])`.
public struct Change: Codable, Hashable, Sendable, Comparable {
    public enum Severity: String, Codable, Hashable, Sendable, Comparable {
        case breaking, nonBreaking = "non-breaking", info
        var rank: Int { self == .breaking ? 0 : self == .nonBreaking ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Stable rule id, for example `request-field-became-required`.
    public var rule: String
    public var severity: Severity
    /// `METHOD /path` as in the new version (the old one for removals).
    public var operation: String
    /// Where in the operation: `parameter query page`, `request field a.b`, `response 200 field x`, or empty.
    public var location: String
    public var message: String
    public var old: String?
    public var new: String?
    /// Generated Swift declarations that change or disappear, for example `APIClient.usersList`, `User.email`.
    public var swiftImpact: [String]

    public static func < (a: Change, b: Change) -> Bool {
        (a.operation, a.location, a.rule, a.message) < (b.operation, b.location, b.rule, b.message)
    }
}

/// The result of a diff, with counts per severity.
public struct DiffReport: Codable, Hashable, Sendable {
    public var formatVersion = 1
    public var old: String
    public var new: String
    public var summary: Summary
    public var changes: [Change]
    /// The generated Swift declarations the changes touch (models and client), each marked
    /// source-breaking or not; checked against `swift-api-digester` by `scripts/digester-check`.
    public var swift: [SwiftChange] = []

    public struct Summary: Codable, Hashable, Sendable {
        public var breaking: Int
        public var nonBreaking: Int
        public var info: Int
        public var operationsAdded: Int
        public var operationsRemoved: Int
        public var operationsChanged: Int
        /// Swift declarations whose old uses stop compiling (`swift` entries with `breaksSource`).
        public var swiftSourceBreaking = 0
    }

    public func count(_ s: Change.Severity) -> Int { changes.filter { $0.severity == s }.count }
}
