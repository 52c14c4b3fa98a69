import APIModel
import DocTree

/// Builds operations from a blueprint's outline: one per action, on the action's URI or its
/// resource's; path and query parameters from the URI template, described by the resource's and
/// the action's `+ Parameters` (the action's win); the request body from the first request with a
/// body (or the action's `+ Attributes`); one response per status, first transaction first.
///
/// For example: `## Notes [/notes{?limit}]` / `### List [GET]` / `+ Response 200 (application/json)`
/// / `+ Attributes (array[Note])` → `GET /notes`, query `limit`, `200` → array of the `Note` structure.
struct BlueprintOperations {
    let file: String
    let diagnostics: DiagnosticCollector
    var types: MSONTypes
    /// Resource models (`+ Model`), by resource name, for `[Name][]` references.
    var models: [String: BlueprintPayload] = [:]

    init(file: String, diagnostics: DiagnosticCollector) {
        self.file = file
        self.diagnostics = diagnostics
        self.types = MSONTypes(file: file, diagnostics: diagnostics)
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    /// The list items of a block run, with the keyword of their first line.
    static func sections(_ blocks: [Block]) -> [(text: String, line: Int, item: [Block])] {
        var out: [(String, Int, [Block])] = []
        for case .list(let list) in blocks {
            for item in list.items {
                if let (text, line) = MSONTypes.firstLine(item) { out.append((text, line, item)) }
            }
        }
        return out
    }

    /// `Attributes`, `Attributes (Type)`, and the singular `Attribute (Type)` drafter accepts too.
    static func isAttributes(_ text: String) -> Bool {
        let lower = text.lowercased()
        for keyword in ["attributes", "attribute"] where lower == keyword || lower.hasPrefix(keyword + " ") || lower.hasPrefix(keyword + "(") {
            return true
        }
        return false
    }

    mutating func declareTypes(_ outline: BlueprintOutline) {
        for ds in outline.dataStructures {
            let m = MSONLine.parse(ds.heading, named: true)
            guard let name = m.name else { continue }
            let items = ds.blocks.flatMap { block -> [[Block]] in if case .list(let l) = block { return l.items }; return [] }
            types.declare(MSONTypes.NamedType(name: name, base: m.type, items: items, line: ds.line))
        }
        // A resource's `+ Attributes` names a data structure after the resource.
        for resource in outline.resources where !resource.name.isEmpty {
            for s in Self.sections(resource.blocks) where Self.isAttributes(s.text) {
                let m = MSONLine.parse(s.text, named: true)
                types.declare(MSONTypes.NamedType(name: resource.name, base: m.type, items: MSONTypes.children(s.item), line: s.line))
            }
        }
    }

    mutating func read(_ outline: BlueprintOutline) -> [Operation] {
        declareTypes(outline)
        let context = BlueprintPayload.Context(file: file, diagnostics: diagnostics, types: types)
        for resource in outline.resources {
            for s in Self.sections(resource.blocks) {
                guard let sig = BlueprintPayload.signature(s.text), sig.keyword == "model" else { continue }
                var model = BlueprintPayload.read(s.item, keyword: "model", identifier: "", contentType: sig.contentType, line: s.line, context: context)
                if model.documentedName == nil { model.documentedName = resource.name.isEmpty ? nil : resource.name }
                if models[resource.name] == nil { models[resource.name] = model }
            }
        }
        var operations: [Operation] = []
        for resource in outline.resources {
            let resourceParameters = parameters(in: resource.blocks)
            if resource.actions.isEmpty {
                diagnostics.warning("resource '\(resource.name)' [\(resource.uri)] has no actions", at: location(resource.line))
            }
            for action in resource.actions {
                operations.append(operation(action, in: resource, resourceParameters: resourceParameters, context: context))
            }
        }
        return BlueprintActionMerge.merged(operations, file: file, diagnostics: diagnostics)
    }

    func parameters(in blocks: [Block]) -> [BlueprintParameters.Documented] {
        Self.sections(blocks).filter { $0.text.lowercased() == "parameters" }.flatMap {
            BlueprintParameters.read(MSONTypes.children($0.item), file: file, diagnostics: diagnostics)
        }
    }

    func operation(_ action: BlueprintOutline.Action, in resource: BlueprintOutline.Resource,
                   resourceParameters: [BlueprintParameters.Documented], context: BlueprintPayload.Context) -> Operation {
        let uri = Self.pathPart(action.uri ?? resource.uri)
        let template = URITemplate.parseReadingOtherPathSyntax(uri)
        for p in template.problems { diagnostics.warning("URI template: \(p)", at: location(action.line)) }
        let loc = location(action.line)
        var op = Operation(id: "", resource: file, method: action.method, path: template.path,
                           summary: action.name.isEmpty ? resource.name : action.name, provenance: loc)
        op.description = action.blocks.compactMap { b -> String? in if case .paragraph(let p) = b { return p.text.plain }; return nil }
            .joined(separator: "\n\n")
        // Parameters: the action's descriptions override the resource's.
        var documented: [String: BlueprintParameters.Documented] = [:]
        for p in resourceParameters + parameters(in: action.blocks) { documented[p.name] = p }
        for (name, location) in template.pathVariables.map({ ($0, Parameter.Location.path) }) + template.queryVariables.map({ ($0, .query) }) {
            let d = documented[name] ?? template.queryKeyVariables[name].flatMap { documented[$0] }
            var type = d?.type ?? .string
            if template.exploded.contains(name), case .primitive = type { type = .array(type) }
            op.parameters.append(Parameter(name: name, location: location, type: type,
                                           // As documented: a path variable marked `optional` stays so in the model (the
                                           // Swift argument and the OpenAPI path parameter are required whatever it says).
                                           required: location == .path ? (d?.required ?? true) : (d?.required ?? false),
                                           description: d?.description ?? "", enumValues: d?.enumValues,
                                           provenance: d.map { self.location($0.line) } ?? loc))
        }
        let known = Set(template.pathVariables + template.queryVariables + template.queryKeyVariables.values)
        for p in (resourceParameters + parameters(in: action.blocks)) where !known.contains(p.name) {
            diagnostics.warning("parameter '\(p.name)' is not found within the URI template '\(uri)'", at: location(p.line))
        }
        readTransactions(action, into: &op, context: context)
        op.id = OperationBuilder.operationID(op)
        return op
    }

    /// `https://api.example.com/v1/notes` → `/v1/notes`; a relative URI is kept.
    static func pathPart(_ uri: String) -> String {
        guard let scheme = uri.textRange(of: "://") else { return uri }
        let rest = uri[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    func readTransactions(_ action: BlueprintOutline.Action, into op: inout Operation, context: BlueprintPayload.Context) {
        var actionAttributes: (TypeRef, String?, Int)?
        var seenStatuses: Set<String> = []
        for s in Self.sections(action.blocks) {
            if Self.isAttributes(s.text) {
                let m = MSONLine.parse(s.text, named: true)
                let (t, _) = types.resolveAttributes(spec: m.type, items: MSONTypes.children(s.item), line: s.line)
                let named = m.type.map(MSONTypeSpec.init).flatMap { types.named[$0.base] != nil ? $0.base : nil }
                actionAttributes = (t, named, s.line)
                continue
            }
            let text = s.text
            guard let sig = BlueprintPayload.signature(text), sig.keyword != "model" else { continue }
            var payload = BlueprintPayload.read(s.item, keyword: sig.keyword, identifier: sig.identifier, contentType: sig.contentType,
                                                line: s.line, context: context)
            if let ref = payload.modelReference, payload.type == nil {
                if let model = models[ref] {
                    payload.type = model.type
                    payload.documentedName = model.documentedName
                    payload.contentType = payload.contentType ?? model.contentType
                } else if types.named[ref] != nil {
                    payload.type = types.resolve(spec: ref, value: nil, items: [], line: s.line).0
                    payload.documentedName = ref
                } else {
                    diagnostics.warning("'[\(ref)][]' refers to no resource model or data structure", at: location(s.line))
                }
            }
            if sig.keyword == "request" {
                if payload.type == nil, let (t, named, _) = actionAttributes {
                    payload.type = t
                    payload.documentedName = named
                }
                guard op.requestBody == nil, let t = payload.type else { continue }
                op.requestBody = RequestBody(contentType: payload.contentType ?? "application/json", required: true, type: t,
                                             documentedName: payload.documentedName, provenance: location(s.line))
            } else {
                let status = sig.identifier.split(separator: " ").first.map(String.init) ?? ""
                let code = status.isEmpty ? "200" : status
                guard code.allSatisfy(\.isNumber) else {
                    diagnostics.warning("response status '\(sig.identifier)' is not an HTTP status code", at: location(s.line))
                    continue
                }
                if !seenStatuses.insert(code).inserted {
                    // Another transaction's response with this status: it fills in a body type the first lacks.
                    if let i = op.responses.firstIndex(where: { $0.status == code }), op.responses[i].type == nil, let t = payload.type {
                        op.responses[i].type = t
                        op.responses[i].contentType = payload.contentType
                        op.responses[i].documentedName = payload.documentedName
                    }
                    continue
                }
                var response = Response(status: code, description: payload.description, contentType: payload.contentType,
                                        type: payload.type, provenance: location(s.line))
                response.documentedName = payload.documentedName
                op.responses.append(response)
            }
        }
        if op.requestBody == nil, let (t, named, line) = actionAttributes, OperationBuilder.bodyMethods.contains(op.method) {
            op.requestBody = RequestBody(contentType: "application/json", required: true, type: t, documentedName: named,
                                         provenance: location(line))
        }
        if op.responses.isEmpty {
            diagnostics.warning("action '\(op.summary)' (\(op.method)) has no response; assuming 200 with no body", at: op.provenance)
        }
        _ = OperationBuilder.successResponse(&op.responses, provenance: nil)
    }
}
