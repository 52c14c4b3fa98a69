import APIModel
import DocTree

/// Reads API Blueprint 1A documents (apiaryio/api-blueprint; `.apib` files or Markdown pages):
/// metadata (`FORMAT: 1A`, `HOST:`), `# Group`, resources `## Notes [/notes{?limit}]`, actions
/// `### List [GET]` / `[GET /path]`, URI templates, `+ Parameters`, requests and responses with
/// headers, bodies, JSON Schemas and MSON `+ Attributes`, resource models and `# Data Structures`.
///
/// Recognised by `FORMAT: 1A` metadata, or by at least one resource or action heading with a
/// bracketed URI or method (`Notes [/notes]`, `Create [POST]`), which no other dialect's pages use.
///
/// For example: `## Note [/notes/{id}]` + `### Retrieve a Note [GET]` + `+ Response 200 (application/json)`
/// gives `GET /notes/{id}` with a required path parameter `id` and a typed `200` response.
public struct APIBlueprintDialect: Dialect {
    public let name = "api-blueprint"
    public init() {}

    public func recognise(_ document: Document) -> Recognition {
        var headings = 0
        var bareHeadings = 0
        var payloads = 0
        var format = false
        for block in document.blocks.prefix(4096) {
            switch block {
            case .list(let list):
                // `+ Response 200 (application/json)`, `+ Request (…)`: blueprint payload sections.
                for item in list.items {
                    if let (text, _) = MSONTypes.firstLine(item), let sig = BlueprintPayload.signature(text),
                       sig.keyword != "model", sig.keyword == "request" || sig.identifier.first?.isNumber == true || sig.identifier.isEmpty {
                        payloads += 1
                    }
                }
            case .heading(let h) where !h.text.plain.hasSuffix("]"):
                switch BlueprintHeading.classify(h.text.plain) {
                case .resource, .action: bareHeadings += 1
                default: break
                }
            case .paragraph(let p) where !format && headings == 0:
                let m = BlueprintOutline.metadata(p.text.plain)
                if m["FORMAT"]?.hasPrefix("1A") == true { format = true }
            case .heading(let h):
                let text = h.text.plain
                guard text.hasSuffix("]") else { continue }
                switch BlueprintHeading.classify(text) {
                case .resource, .action: headings += 1
                default: break
                }
            default: continue
            }
        }
        if format { return Recognition(.blueprintFormat, "has 'FORMAT: 1A' API Blueprint metadata and \(headings) resource/action heading(s)") }
        if headings == 0, bareHeadings > 0, payloads > 0 {
            return Recognition(.blueprintHeadings, "has \(bareHeadings) 'METHOD /path' heading(s) with \(payloads) '+ Request'/'+ Response' section(s)")
        }
        if headings > 0 { return Recognition(.blueprintHeadings, "has \(headings) API Blueprint resource/action heading(s) ('Name [/path]', 'Name [METHOD]')") }
        return .no()
    }

    public func extract(_ document: Document, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let outline = BlueprintOutline(document)
        var reader = BlueprintOperations(file: document.file, diagnostics: diagnostics)
        let operations = reader.read(outline)
        let stem = document.file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? document.file
        let title = outline.name ?? stem
        let resource = Resource(name: document.file, title: title, description: outline.description.joined(separator: "\n\n"),
                                provenance: document.location(1))
        if operations.isEmpty {
            diagnostics.warning("API Blueprint with no actions ('### Name [METHOD]' under a '## Name [/path]' resource)",
                                at: document.location(1))
        }
        var page = PageExtraction(resource: resource, operations: operations, dialect: name, reason: "")
        if let host = outline.metadata["HOST"], !host.isEmpty { page.baseURL = host }
        return page
    }
}
