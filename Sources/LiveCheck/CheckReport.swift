import DocTree
import Foundation

/// One difference between what the docs say and what the server answered.
///
/// For example: `Finding(kind: .type, jsonPath: "data.last_modified", expected: "string", found: "integer 1441874072429",
/// location: users.rst:40:5)`.
public struct Finding: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Documented, not served.
        case missing
        /// Served, not documented.
        case undocumented
        /// Served with another JSON type than documented.
        case type
        /// `null` where the docs do not allow it.
        case null
        /// A value the docs' list of allowed values does not hold.
        case `enum`
        /// A status the docs do not list for the operation.
        case status
        /// A media type the docs do not describe (HTML where JSON is documented).
        case mediaType
    }

    public var kind: Kind
    /// Where in the body, `data.groups[0].rules[1].health`; empty for the body itself or the status.
    public var jsonPath: String
    public var expected: String
    public var found: String
    /// The doc line of the field, else of the response or the operation.
    public var location: SourceLocation?

    public init(kind: Kind, jsonPath: String, expected: String, found: String, location: SourceLocation?) {
        self.kind = kind
        self.jsonPath = jsonPath
        self.expected = expected
        self.found = found
        self.location = location
    }

    /// `missing: data.id: expected string, found absent` as the text report words it.
    public var message: String {
        let at = jsonPath.isEmpty ? "" : "\(jsonPath): "
        switch kind {
        case .missing: return "\(at)documented (\(expected)) but not in the response"
        case .undocumented: return "\(at)in the response (\(found)) but not documented"
        case .type: return "\(at)documented as \(expected), the server sent \(found)"
        case .null: return "\(at)documented as \(expected) (not nullable), the server sent null"
        case .enum: return "\(at)value \(found) is not one of the documented values \(expected)"
        case .status: return "status \(found) is not documented (documented: \(expected))"
        case .mediaType: return "\(at)documented as \(expected), the server sent \(found)"
        }
    }
}

/// What happened to one documented operation.
public struct OperationResult: Sendable {
    public enum Outcome: String, Sendable {
        /// Called, and the answer matches the docs.
        case passed
        /// Called, and the answer differs from the docs (see the findings).
        case drifted
        /// Called, and no usable answer came (transport error, time-out, body too large, server error, refused).
        case failed
        /// Not called (the reason says why).
        case skipped
    }

    public var method: String
    /// The documented path template, with `{name}` placeholders.
    public var path: String
    /// The path as sent, parameters filled (nil when not called).
    public var sentPath: String?
    public var status: Int?
    public var outcome: Outcome
    public var reason: String
    public var findings: [Finding]
    public var location: SourceLocation?
    public var milliseconds: Int?

    public init(method: String, path: String, sentPath: String? = nil, status: Int? = nil, outcome: Outcome, reason: String = "",
                findings: [Finding] = [], location: SourceLocation? = nil, milliseconds: Int? = nil) {
        self.method = method
        self.path = path
        self.sentPath = sentPath
        self.status = status
        self.outcome = outcome
        self.reason = reason
        self.findings = findings
        self.location = location
        self.milliseconds = milliseconds
    }
}

/// The result of a whole check: one result per documented operation, in the order they were planned.
public struct CheckReport: Sendable {
    public var baseURL: String
    public var operations: [OperationResult]
    /// Why the run stopped early (an answer 401/403, an interrupt), if it did.
    public var stoppedBecause: String?
    /// Objects the check created and could not delete (their URLs).
    public var leftBehind: [String]

    public init(baseURL: String, operations: [OperationResult] = [], stoppedBecause: String? = nil, leftBehind: [String] = []) {
        self.baseURL = baseURL
        self.operations = operations
        self.stoppedBecause = stoppedBecause
        self.leftBehind = leftBehind
    }

    public struct Summary: Hashable, Sendable {
        public var operations = 0
        public var called = 0
        public var passed = 0
        public var drifted = 0
        public var failed = 0
        public var skipped = 0
        public var findings = 0
        /// Findings per kind, only kinds that occur.
        public var findingsByKind: [String: Int] = [:]
        /// Skipped operations per reason.
        public var skippedByReason: [String: Int] = [:]
    }

    public var summary: Summary {
        var s = Summary()
        s.operations = operations.count
        for op in operations {
            switch op.outcome {
            case .passed: s.passed += 1
            case .drifted: s.drifted += 1
            case .failed: s.failed += 1
            case .skipped: s.skipped += 1; s.skippedByReason[Self.reasonClass(op.reason), default: 0] += 1
            }
            s.findings += op.findings.count
            for f in op.findings { s.findingsByKind[f.kind.rawValue, default: 0] += 1 }
        }
        s.called = s.passed + s.drifted + s.failed
        return s
    }

    /// A reason without its particulars (`no value for path parameter {id}` → `no value for a path parameter`),
    /// so the summary counts kinds of reasons.
    static func reasonClass(_ reason: String) -> String {
        if let colon = reason.firstIndex(of: ":") { return String(reason[..<colon]) }
        return reason
    }
}
