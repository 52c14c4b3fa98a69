import Foundation

/// Renders a `DiffReport` as text (optionally coloured), Markdown release notes, or JSON.
///
/// For example: `DiffFormatter.markdown(report)` starts with `# API changes: docs-2026-01-27 → docs`.
public enum DiffFormatter {
    public static func text(_ r: DiffReport, color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = "API diff \(r.old) → \(r.new): \(r.summary.breaking) breaking, \(r.summary.nonBreaking) non-breaking, \(r.summary.info) info "
        out += "(\(r.summary.operationsAdded) operations added, \(r.summary.operationsRemoved) removed, \(r.summary.operationsChanged) changed)\n"
        for c in r.changes {
            let tag: String
            switch c.severity {
            case .breaking: tag = paint("breaking    ", "31;1")
            case .nonBreaking: tag = paint("non-breaking", "32")
            case .info: tag = paint("info        ", "2")
            }
            var line = "\(tag) \(c.operation)"
            if !c.location.isEmpty { line += " [\(c.location)]" }
            line += ": \(c.message)"
            if let o = c.old, let n = c.new { line += " (\(o) → \(n))" }
            if !c.swiftImpact.isEmpty { line += paint("  Swift: " + c.swiftImpact.joined(separator: "; "), "36") }
            out += line + "\n"
        }
        if !r.swift.isEmpty {
            out += "Swift declarations: \(r.swift.count) changed, \(r.summary.swiftSourceBreaking) break source\n"
            for s in r.swift where s.change != "added" || s.breaksSource {
                out += (s.breaksSource ? paint("swift-breaking", "31;1") : paint("swift-ok      ", "32")) + " \(s.declaration) \(s.change)"
                if let o = s.old, let n = s.new { out += " (\(o) → \(n))" }
                out += ": \(s.reason)\n"
            }
        }
        return out
    }

    public static func markdown(_ r: DiffReport) -> String {
        var out = "# API changes: \(r.old) → \(r.new)\n\n"
        out += "**\(r.summary.breaking) breaking**, \(r.summary.nonBreaking) non-breaking, \(r.summary.info) info — "
        out += "\(r.summary.operationsAdded) new, \(r.summary.operationsRemoved) removed, \(r.summary.operationsChanged) changed endpoints.\n"
        let added = r.changes.filter { $0.rule == "operation-added" }
        let removed = r.changes.filter { $0.rule == "operation-removed" }
        let other = r.changes.filter { $0.rule != "operation-added" && $0.rule != "operation-removed" }
        if !added.isEmpty {
            out += "\n## New endpoints\n\n"
            for c in added { out += "- `\(c.operation)`\(summaryOf(c))\n" }
        }
        if !removed.isEmpty {
            out += "\n## Removed endpoints\n\n"
            for c in removed { out += "- `\(c.operation)`\(summaryOf(c)) — **breaking**\n" }
        }
        if !other.isEmpty {
            out += "\n## Changed endpoints\n"
            var current = ""
            for c in other {
                if c.operation != current {
                    current = c.operation
                    out += "\n### `\(c.operation)`\n\n"
                }
                var line = "- "
                if c.severity == .breaking { line += "**breaking** " } else if c.severity == .info { line += "_info_ " }
                if !c.location.isEmpty { line += "\(c.location): " }
                line += c.message
                if let o = c.old, let n = c.new { line += " (`\(o)` → `\(n)`)" }
                if !c.swiftImpact.isEmpty { line += " — Swift: " + c.swiftImpact.map { "`\($0)`" }.joined(separator: ", ") }
                out += line + "\n"
            }
        }
        let breaking = r.swift.filter(\.breaksSource)
        if !breaking.isEmpty {
            out += "\n## Swift declarations that break\n\n"
            for s in breaking {
                out += "- `\(s.declaration)` \(s.change)"
                if let o = s.old, let n = s.new { out += " (`\(o)` → `\(n)`)" }
                out += ": \(s.reason)\n"
            }
        }
        return out
    }

    static func summaryOf(_ c: Change) -> String {
        guard let open = c.message.firstIndex(of: "(") else { return "" }
        return " — " + c.message[c.message.index(after: open)...].dropLast()
    }

    /// Stable JSON (sorted keys) for CI; schema in `docs/diff-rules.md`.
    public static func json(_ r: DiffReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(r), as: UTF8.self) + "\n"
    }
}
