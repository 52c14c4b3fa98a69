import APIModel
import DocTree

/// Reads the operations of GitBook `{% api-method %}` and `{% swagger %}` blocks (see `GitBookDialect`)
/// in document order: tags open and close the parts of an operation, text after a parameter tag is
/// its description, code blocks inside a response example are that status's JSON. Code blocks after
/// `{% endapi-method %}` (the `{% tabs %}` of cURL and client examples pages put there), up to the
/// next block or heading, are examples of that operation.
///
/// For example: `{% api-method-body-parameters %}{% api-method-parameter name="email" type="string"
/// required=true %}` adds a required `email` field to the request body.
enum GitBookReader {
    static func count(_ items: [PageItem]) -> Int {
        var n = 0
        for item in items {
            guard case .text(let t, _) = item.kind else { continue }
            for case .tag(let name, _) in GitBookTags.tokens(t.plain) where name == "api-method" || name == "swagger" { n += 1 }
        }
        return n
    }

    /// An operation being read.
    struct Open {
        var signature: Signature
        var line: Int
        var summary = ""
        var gathered = OperationBuilder.Gathered()
        var context: SectionContext = .query
        var status: String?
        var textTarget: TextTarget = .none
        /// Past `{% endapi-method %}`: only its examples follow.
        var closed = false
    }

    enum TextTarget { case none, summary, description, parameter(Int) }

    static func read(_ document: Document, dialect: String, diagnostics: DiagnosticCollector) -> PageExtraction? {
        let items = PageItems.items(document)
        let builder = OperationBuilder(file: document.file, diagnostics: diagnostics)
        var ops: [Operation] = []
        var current: Open?
        func finish() {
            guard let c = current else { return }
            let key = c.signature.method + " " + c.signature.path
            if ops.contains(where: { $0.method + " " + $0.path == key }) {
                diagnostics.warning("\(key) is documented twice on this page; keeping the first", at: document.location(c.line))
            } else {
                ops.append(builder.assemble(c.gathered, signature: c.signature, summary: c.summary, line: c.line, resource: document.file))
            }
            current = nil
        }
        for item in items {
            switch item.kind {
            case .heading:
                finish()
            case .code(let code):
                guard current != nil else { continue }
                let caption = current!.closed ? "" : current!.status.map { "\($0) response" } ?? ""
                if var e = JSONExampleReader.read(code, caption: caption, file: document.file, diagnostics: diagnostics) {
                    if let s = current!.status { e.status = s; e.kind = .response }
                    current!.gathered.examples.append(e)
                }
            case .text(let text, _):
                for token in GitBookTags.tokens(text.plain) {
                    switch token {
                    case .text(let t):
                        guard current != nil, !current!.closed else { continue }
                        switch current!.textTarget {
                        case .summary: current!.summary = t
                        case .description: if current!.gathered.description.isEmpty { current!.gathered.description = t }
                        case .parameter(let i): current!.gathered.names[i].0.description = t
                        case .none: break
                        }
                        current!.textTarget = .none
                    case .tag(let name, let a):
                        if name == "api-method" || name == "swagger" {
                            finish()
                            let method = SignatureReader.method(Substring(a["method"] ?? "get")) ?? "GET"
                            let host = a["host"] ?? a["baseurl"] ?? ""
                            let url = host.hasSuffix("/") && (a["path"] ?? "").hasPrefix("/") ? String(host.dropLast()) + (a["path"] ?? "") : host + (a["path"] ?? "")
                            guard let sig = SignatureReader.signature(method: method, target: Substring(url))
                                    ?? SignatureReader.signature(method: method, target: Substring(a["path"] ?? "")) else {
                                diagnostics.warning("GitBook '\(name)' block without a readable path ('\(url)'); skipped", at: document.location(item.line))
                                continue
                            }
                            current = Open(signature: sig, line: item.line)
                            current!.summary = a["summary"] ?? ""
                            if let d = a["description"] { current!.gathered.description = d }
                            continue
                        }
                        guard current != nil, !current!.closed else { continue }
                        apply(name, a, line: item.line, to: &current!, diagnostics: diagnostics, file: document.file)
                        if name == "endapi-method" || name == "endswagger" { current!.closed = true }
                    }
                }
            default:
                break
            }
        }
        finish()
        guard !ops.isEmpty else { return nil }
        let title = PageItems.title(items) ?? document.file
        return PageExtraction(resource: Resource(name: document.file, title: title, provenance: document.location(items.first?.line ?? 1)),
                              operations: ops, dialect: dialect, reason: "")
    }

    static func apply(_ name: String, _ a: [String: String], line: Int, to c: inout Open, diagnostics: DiagnosticCollector, file: String) {
        switch name {
        case "api-method-summary": c.textTarget = .summary
        case "api-method-description", "swagger-description": c.textTarget = .description
        case "api-method-path-parameters": c.context = .path
        case "api-method-query-parameters": c.context = .query
        case "api-method-headers": c.context = .header
        case "api-method-body-parameters", "api-method-form-data-parameters": c.context = .requestFields
        case "api-method-parameter", "swagger-parameter":
            var context = c.context
            if let where_ = a["in"] {
                switch ParameterTable.normalisedLocation(where_) {
                case "path"?: context = .path
                case "query"?: context = .query
                case "header"?: context = .header
                case "body"?, "form"?: context = .requestFields
                default: context = .ignored
                }
            }
            guard let pname = a["name"], !pname.isEmpty else {
                diagnostics.warning("GitBook parameter without a name; skipped", at: SourceLocation(file: file, line: line, column: 1))
                return
            }
            let required = a["required"].map { ParameterTable.requiredValue($0) ?? false }
            let n = DocumentedName(name: pname, type: LenientType.parse(a["type"] ?? ""), required: required,
                                   location: nil, description: a["description"] ?? "", line: line)
            c.gathered.names.append((n, context))
            c.textTarget = .parameter(c.gathered.names.count - 1)
        case "api-method-response-example", "swagger-response":
            if let s = a["httpcode"] ?? a["status"], let code = Int(s), (100...599).contains(code) {
                c.status = String(code)
                if !c.gathered.statuses.contains(String(code)) { c.gathered.statuses.append(String(code)) }
            }
        case "endapi-method-response-example", "endswagger-response":
            c.status = nil
        default:
            break
        }
    }
}
