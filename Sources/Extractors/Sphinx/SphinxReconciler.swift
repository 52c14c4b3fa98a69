import APIModel
import DocTree

/// Turns httpdomain drafts into operations: fixes path typos the example makes evident, hands the
/// builder the evidence for its decisions (`OperationBuilder.place`: path, query and `:param`
/// placement and path-parameter types; `requestExamples`; `responseSlots`: statuses, which example
/// each response shows, the success status), types the bodies from the field lists and examples
/// (`SphinxBodies`, by `FieldTree.combine` and `FieldTree.nest`), resolves "Similar to GET … response".
struct Reconciler {
    let file: String
    let diagnostics: DiagnosticCollector
    let attributeTables: [AttributeTables.Table]

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    func operations(from drafts: [SphinxPageReader.Draft]) -> [Operation] {
        var drafts = drafts
        for i in drafts.indices { drafts[i].path = reconcilePath(drafts[i], siblings: drafts) }
        var ops = drafts.map(operation)
        // "Similar to GET … response": the GET of the same resource answers with the same body.
        for (i, d) in drafts.enumerated() where d.similarToGet {
            guard let get = similarGet(for: ops[i], in: ops), let type = get.responses.first(where: { $0.isSuccess && $0.type != nil })?.type else { continue }
            if let r = OperationBuilder.primarySuccess(ops[i].responses), ops[i].responses[r].type == nil {
                ops[i].responses[r].type = type
                ops[i].responses[r].contentType = "application/json"
            }
        }
        return ops
    }

    func similarGet(for op: Operation, in ops: [Operation]) -> Operation? {
        if let same = ops.first(where: { $0.method == "GET" && $0.path == op.path }) { return same }
        return ops.first { g in
            g.method == "GET" && g.path.hasPrefix(op.path) && g.path.dropFirst(op.path.count).split(separator: "/").count == 1
                && g.path.dropFirst(op.path.count).hasPrefix("{")
        }
    }

    // MARK: Paths

    /// The rule (docs/sphinx-httpdomain.md): a well-formed signature is what the API says, and an
    /// example request that disagrees with it is reported, never followed. Two exceptions, each
    /// reported with both locations:
    /// - a literal segment with characters no URL path uses (`route_poi,nts`) is a typo of the
    ///   example's segment, when removing them gives (or nearly gives) that segment;
    /// - the example (same method) and another operation of the page (another method) agree on a
    ///   path of the same shape that no operation of this method has: the signature's literal
    ///   segments are a copy slip (seed 004's `…/route_points/call_centers/…` PUT beside its GET).
    func reconcilePath(_ d: SphinxPageReader.Draft, siblings: [SphinxPageReader.Draft]) -> String {
        guard let example = d.exampleRequest?.path, !ExampleRequest.matches(template: d.path, path: example) else { return d.path }
        let sig = location(d.line), ex = location(d.exampleRequest!.line)
        let segments = { (p: String) in p.split(separator: "/", omittingEmptySubsequences: false).count }
        let exampleMethod = d.exampleRequest?.method ?? d.method
        if exampleMethod == d.method,
           let other = siblings.first(where: { $0.path != d.path && $0.method != d.method && segments($0.path) == segments(d.path)
                                               && ExampleRequest.matches(template: $0.path, path: example) })?.path,
           !siblings.contains(where: { $0.method == d.method && $0.path == other }) {
            diagnostics.warning("signature \(d.method) \(d.path) disagrees with its example request (\(ex)) \(example); "
                                + "the example matches \(other) of another operation on this page, so that path is used", at: sig)
            return other
        }
        // A literal segment with characters no URL path uses (`route_poi,nts`) is a typo of the example's segment.
        var t = d.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let e = example.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if t.count == e.count {
            var fixed = false
            for k in t.indices where !t[k].hasPrefix("{") && t[k] != e[k] {
                let cleaned = t[k].filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
                if cleaned != t[k], cleaned == e[k] || editDistance(cleaned, e[k]) <= 2 {
                    t[k] = e[k]
                    fixed = true
                }
            }
            let candidate = t.joined(separator: "/")
            if fixed, ExampleRequest.matches(template: candidate, path: example) {
                diagnostics.warning("signature path \(d.path) looks like a typo of its example request (\(ex)) \(example); using \(candidate)", at: sig)
                return candidate
            }
        }
        diagnostics.warning("example request path \(example) (\(ex)) does not match the signature \(d.method) \(d.path); keeping the signature", at: sig)
        return d.path
    }

    func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count { cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)) }
            prev = cur
        }
        return prev[b.count]
    }

    // MARK: Operations

    func operation(_ d: SphinxPageReader.Draft) -> Operation {
        let loc = location(d.line)
        var op = Operation(id: "", resource: file, method: d.method, path: d.path, summary: d.summary,
                           description: d.description.joined(separator: "\n\n"), authorization: d.authorization, provenance: loc)
        // Path, query, `:param` and `:reqheader` placement, path-parameter types: the builder's rule (`OperationBuilder.place`).
        var g = OperationEvidence()
        g.names = d.query.map { (documented($0, location: "query"), SectionContext.query) } + d.parameters.map { (documented($0), .parameters) }
            + d.headers.map { (documented($0, location: "header"), .header) }
        g.pathTypes = d.pathTypes.mapValues(OperationBuilder.pathParameterType)
        g.queryKeys = d.signatureQuery.map { documented($0) }
        g.valuePlaceholders = d.valuePlaceholders
        let placed = OperationBuilder(file: file, diagnostics: diagnostics)
            .place(g, signature: Signature(method: d.method, path: d.path, baseURL: "", isRequestLine: false), line: d.line)
        op.parameters = placed.parameters
        // `:param` entries the builder placed in the body (of a POST, PUT or PATCH).
        let paramsAsBody = d.parameters.filter { p in placed.requestNames.contains { $0.name == p.name } }
        // Which example requests show the body: the builder's rule (none for a GET or HEAD).
        let requestExamples = OperationBuilder.requestExamples((d.exampleRequest?.json ?? []).map { JSONExample(kind: .request, status: nil, value: $0.0, line: $0.1) },
                                                               method: d.method, path: d.path).map { ($0.value, $0.line) }
        let jsonFields = d.requestFields + d.requestArrayFields
        let form = jsonFields.isEmpty && !d.formFields.isEmpty
        let requestDocs = (form ? d.formFields : d.requestFields) + paramsAsBody.filter { p in !d.requestFields.contains { $0.name == p.name } }
        if !requestDocs.isEmpty || !d.requestArrayFields.isEmpty || !requestExamples.isEmpty {
            let type = body(object: requestDocs, array: d.requestArrayFields, examples: form ? [] : requestExamples.map(\.0),
                            exampleLine: requestExamples.first?.1 ?? d.line)
            let first = (requestDocs + d.requestArrayFields).first?.line ?? requestExamples.first?.1 ?? d.line
            op.requestBody = RequestBody(contentType: form ? "application/x-www-form-urlencoded" : "application/json", required: true, type: type,
                                         provenance: location(first))
        }
        // Which statuses, which example shows which, the success status: the builder's rule (`responseSlots`).
        // (A status line whose body is shown in a block of its own, or not at all, still shows that status.)
        let shown = d.exampleResponses.map { e in JSONExample(kind: .response, status: e.status, value: e.json ?? .object([]), line: e.line) }
        let (slots, primary) = OperationBuilder.responseSlots(documented: d.statuses, examples: shown, hasRequestBody: op.requestBody != nil,
                                                              provenance: loc, exampleProvenance: { location($0.line) })
        var statuses = slots.map(\.response)
        for (i, slot) in slots.enumerated() where slot.response.status != "204" {
            let examples = slot.examples.map(\.value)
            let nonEmpty = examples.filter { if case .object(let m) = $0 { return !m.isEmpty } else { return true } }
            let fields = i == primary ? d.responseFields : [], arrayFields = i == primary ? d.responseArrayFields : []
            guard !fields.isEmpty || !arrayFields.isEmpty || !nonEmpty.isEmpty else { continue }
            statuses[i].type = body(object: fields, array: arrayFields, examples: nonEmpty, exampleLine: slot.examples.first?.line ?? d.line)
            statuses[i].contentType = "application/json"
        }
        op.responses = statuses
        op.errorCodes = d.errorCodes
        op.examples = d.exampleJSON.map { Example(kind: $0.kind, language: "json", text: $0.text, provenance: location($0.line)) }
        op.id = OperationBuilder.operationID(op)
        return op
    }
}
