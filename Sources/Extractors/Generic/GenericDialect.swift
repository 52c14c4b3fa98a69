import APIModel
import DocTree

/// The fallback dialect: any page with `METHOD /path` signature lines (in headings, paragraphs or
/// the first line of a code block). Path parameters written `{name}`, `<name>`, `<int:name>`,
/// `:name` or `(string: name)` become `{name}`. Lines that end with `HTTP/1.1` are example requests,
/// not signatures.
///
/// For example: the paragraph `GET /api/v1/tenants/(string: tenant_id)/` gives
/// `GET /api/v1/tenants/{tenant_id}/` with a required `tenant_id` path parameter.
public struct GenericDialect: Dialect {
    public let name = "generic"
    public init() {}

    public func recognise(_ document: Document) -> (score: Int, reason: String) {
        let count = signatures(document).count
        return count > 0 ? (10, "has \(count) 'METHOD /path' signature line(s)") : (0, "")
    }

    struct Signature {
        var method: String
        var path: String
        var line: Int
        var blockIndex: Int
    }

    func signatures(_ document: Document) -> [Signature] {
        var out: [Signature] = []
        for (i, block) in document.blocks.enumerated() {
            let text: String
            switch block {
            case .heading(let h): text = h.text.plain
            case .paragraph(let p): text = p.text.plain
            default: continue
            }
            if let (m, p) = Self.signature(text) { out.append(Signature(method: m, path: p, line: block.line, blockIndex: i)) }
        }
        return out
    }

    /// `GET /a/(string: id)/` → (`GET`, `/a/{id}/`); nil for example requests (`… HTTP/1.1`).
    static func signature(_ text: String) -> (String, String)? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, HTTPMethod.isValid(String(parts[0])) else { return nil }
        var rest = String(parts[1]).trimming(" ")
        guard rest.hasPrefix("/"), !rest.contains("HTTP/1"), !rest.contains(" HTTP/") else { return nil }
        // `(string: name)` may contain a space; other signatures end at the first space.
        var path = ""
        var i = rest.startIndex
        while i < rest.endIndex {
            let ch = rest[i]
            if ch == "(" || ch == "<" || ch == "{" {
                let close: Character = ch == "(" ? ")" : ch == "<" ? ">" : "}"
                guard let end = rest[i...].firstIndex(of: close) else { return nil }
                var inner = rest[rest.index(after: i)..<end]
                if let colon = inner.lastIndex(of: ":") { inner = inner[inner.index(after: colon)...] }
                path += "{" + String(inner).trimming(" ") + "}"
                i = rest.index(after: end)
                continue
            }
            if ch == " " { break }
            path.append(ch)
            i = rest.index(after: i)
        }
        rest = path
        return (String(parts[0]), rest)
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let sigs = signatures(document)
        guard !sigs.isEmpty else { return nil }
        let title = document.blocks.lazy.compactMap { b -> String? in
            if case .heading(let h) = b { return h.text.plain }
            if case .paragraph(let p) = b { return p.text.plain }
            return nil
        }.first ?? document.file
        let resource = Resource(name: document.file, title: title, provenance: document.location(1))
        var ops: [Operation] = []
        var seen: Set<String> = []
        for (n, sig) in sigs.enumerated() {
            let key = sig.method + " " + sig.path
            let loc = document.location(sig.line)
            if seen.contains(key) {
                diagnostics.warning("\(key) is documented twice on this page; keeping the first", at: loc)
                continue
            }
            seen.insert(key)
            var summary = ""
            if sig.blockIndex > 0, case .paragraph(let p) = document.blocks[sig.blockIndex - 1] { summary = p.text.plain }
            if sig.blockIndex > 0, case .heading(let h) = document.blocks[sig.blockIndex - 1] { summary = h.text.plain }
            let end = n + 1 < sigs.count ? sigs[n + 1].blockIndex : document.blocks.count
            var description = ""
            if sig.blockIndex + 1 < end, case .paragraph(let p) = document.blocks[sig.blockIndex + 1] { description = p.text.plain }
            var op = Operation(id: Naming.operationID(method: sig.method, path: sig.path), resource: document.file,
                               method: sig.method, path: sig.path, summary: summary, description: description, provenance: loc)
            for name in PathTemplate.parameterNames(sig.path) {
                op.parameters.append(Parameter(name: name, location: .path, type: .string, required: true, provenance: loc))
            }
            op.responses = [Response(status: "200", description: "", type: nil)]
            ops.append(op)
        }
        diagnostics.note("read with the generic dialect: only signatures and path parameters are extracted", at: document.location(1))
        return PageExtraction(resource: resource, operations: ops, dialect: name, reason: "")
    }
}
