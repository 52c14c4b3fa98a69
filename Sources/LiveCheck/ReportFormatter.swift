import DocTree
import Foundation

/// Writes a `CheckReport` as text (findings as `page.md:LINE:COL: warning: …`, a table of operations,
/// a summary) or as JSON for CI.
public enum ReportFormatter {
    public static func text(_ report: CheckReport) -> String {
        var out = ""
        let findings = report.operations.flatMap { op in op.findings.map { (op, $0) } }
            .sorted { a, b in
                let la = a.1.location ?? SourceLocation(file: "~", line: 0), lb = b.1.location ?? SourceLocation(file: "~", line: 0)
                return la != lb ? la < lb : a.1.jsonPath < b.1.jsonPath
            }
        for (op, f) in findings {
            let at = f.location.map { "\($0): " } ?? "docs2swift: "
            out += "\(at)warning: \(op.method) \(op.path): \(f.message) [\(f.kind.rawValue)]\n"
        }
        for op in report.operations where op.outcome == .failed {
            let at = op.location.map { "\($0): " } ?? "docs2swift: "
            out += "\(at)error: \(op.method) \(op.path): \(op.reason)\n"
        }
        if !out.isEmpty { out += "\n" }
        let methodWidth = max(6, report.operations.map(\.method.count).max() ?? 0)
        let pathWidth = min(60, max(4, report.operations.map(\.path.count).max() ?? 0))
        for op in report.operations {
            let status = op.status.map(String.init) ?? "-"
            var detail = op.reason
            if !op.findings.isEmpty {
                let n = op.findings.count
                detail = "\(n) finding\(n == 1 ? "" : "s")" + (detail.isEmpty ? "" : "; " + detail)
            }
            out += pad(op.method, methodWidth) + " " + pad(op.path, pathWidth) + " " + pad(status, 3) + " "
                + pad(op.outcome.rawValue, 7) + (detail.isEmpty ? "" : " " + detail) + "\n"
        }
        out += "\n" + summaryLine(report) + "\n"
        if let stopped = report.stoppedBecause { out += "check: \(stopped)\n" }
        for url in report.leftBehind { out += "check: warning: created and could not delete \(url)\n" }
        return out
    }

    public static func summaryLine(_ report: CheckReport) -> String {
        let s = report.summary
        var line = "check: \(s.operations) operations: \(s.called) called (\(s.passed) passed, \(s.drifted) drifted, \(s.failed) failed), "
            + "\(s.skipped) skipped"
        if !s.skippedByReason.isEmpty {
            line += " (" + s.skippedByReason.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.value) \($0.key)" }.joined(separator: "; ") + ")"
        }
        line += "; \(s.findings) finding\(s.findings == 1 ? "" : "s")"
        if !s.findingsByKind.isEmpty {
            line += " (" + s.findingsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
        }
        return line
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    // MARK: - JSON

    struct JSONReport: Encodable {
        var baseURL: String
        var operations: [JSONOperation]
        var summary: JSONSummary
        var stoppedBecause: String?
        var leftBehind: [String]
    }

    struct JSONOperation: Encodable {
        var method: String
        var path: String
        var sentPath: String?
        var status: Int?
        var result: String
        var reason: String
        var location: String?
        var findings: [JSONFinding]
    }

    struct JSONFinding: Encodable {
        var kind: String
        var jsonPath: String
        var expected: String
        var found: String
        var location: String?
    }

    struct JSONSummary: Encodable {
        var operations: Int
        var called: Int
        var passed: Int
        var drifted: Int
        var failed: Int
        var skipped: Int
        var findings: Int
        var findingsByKind: [String: Int]
        var skippedByReason: [String: Int]
    }

    public static func json(_ report: CheckReport) throws -> String {
        let s = report.summary
        let value = JSONReport(
            baseURL: report.baseURL,
            operations: report.operations.map { op in
                JSONOperation(method: op.method, path: op.path, sentPath: op.sentPath, status: op.status, result: op.outcome.rawValue,
                              reason: op.reason, location: op.location?.description,
                              findings: op.findings.map {
                                  JSONFinding(kind: $0.kind.rawValue, jsonPath: $0.jsonPath, expected: $0.expected, found: $0.found,
                                              location: $0.location?.description)
                              })
            },
            summary: JSONSummary(operations: s.operations, called: s.called, passed: s.passed, drifted: s.drifted, failed: s.failed,
                                 skipped: s.skipped, findings: s.findings, findingsByKind: s.findingsByKind,
                                 skippedByReason: s.skippedByReason),
            stoppedBecause: report.stoppedBecause, leftBehind: report.leftBehind)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
