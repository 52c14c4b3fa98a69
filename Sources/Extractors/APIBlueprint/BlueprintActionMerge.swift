import APIModel
import DocTree

/// Actions of one blueprint with the same method and path (`### Basic Report [POST /reports]` and
/// `### Time Series Report [POST /reports]`: variants of one request) are one operation: its
/// parameters, the members of both request bodies, and per status the members of both responses
/// (members only one variant has are optional). A warning names both lines.
///
/// For example: `POST /reports` answering `{metrics}` in one action and `{series}` in the other →
/// one `POST /reports` answering an object with optional `metrics` and `series`.
enum BlueprintActionMerge {
    static func merged(_ operations: [Operation], file: String, diagnostics: DiagnosticCollector) -> [Operation] {
        var out: [Operation] = []
        var index: [String: Int] = [:]
        for op in operations {
            let key = op.method + " " + op.path
            guard let i = index[key] else {
                index[key] = out.count
                out.append(op)
                continue
            }
            let first = out[i].provenance?.line.description ?? "?"
            diagnostics.warning("'\(op.summary)' documents \(key) again (first at line \(first)); read as one operation with the members of both",
                                at: op.provenance ?? SourceLocation(file: file, line: 1, column: 1))
            merge(op, into: &out[i])
        }
        return out
    }

    static func merge(_ other: Operation, into op: inout Operation) {
        for p in other.parameters where !op.parameters.contains(where: { $0.name == p.name && $0.location == p.location }) {
            op.parameters.append(p)
        }
        if !other.description.isEmpty, !op.description.contains(other.description) {
            op.description += (op.description.isEmpty ? "" : "\n\n") + other.description
        }
        if let body = other.requestBody {
            if var mine = op.requestBody {
                mine.type = MSONTypes.unionType(mine.type, body.type)
                op.requestBody = mine
            } else {
                op.requestBody = body
            }
        }
        for r in other.responses {
            if let i = op.responses.firstIndex(where: { $0.status == r.status }) {
                if let t = r.type {
                    op.responses[i].type = op.responses[i].type.map { MSONTypes.unionType($0, t) } ?? t
                    if op.responses[i].contentType == nil { op.responses[i].contentType = r.contentType }
                }
            } else {
                op.responses.append(r)
            }
        }
    }
}
