import APIModel
import DocTree

/// Turns httpdomain drafts into operations: fixes path typos the example makes evident, merges
/// documented field lists with types inferred from the JSON examples (a documented type wins; a
/// conflict is a warning naming both places), resolves "Similar to GET … response".
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
        // Path, query and `:param` placement, path-parameter types: the builder's rule (`OperationBuilder.place`).
        var g = OperationEvidence()
        g.names = d.query.map { (documented($0, location: "query"), SectionContext.query) } + d.parameters.map { (documented($0), .parameters) }
        g.pathTypes = d.pathTypes.mapValues(OperationBuilder.pathParameterType)
        g.queryKeys = d.signatureQuery.map { documented($0) }
        g.valuePlaceholders = d.valuePlaceholders
        let placed = OperationBuilder(file: file, diagnostics: diagnostics)
            .place(g, signature: Signature(method: d.method, path: d.path, baseURL: "", isRequestLine: false), line: d.line)
        op.parameters = placed.parameters
        // `:param` entries the builder placed in the body (of a POST, PUT or PATCH).
        let paramsAsBody = d.parameters.filter { p in placed.requestNames.contains { $0.name == p.name } }
        // `:reqheader Authorization:`, `Accept`, `Content-Type`: credentials and content negotiation, which
        // the client's transport and middleware set (a parameter for them would be overwritten).
        for h in d.headers where !OperationBuilder.transportHeaders.contains(h.name.lowercased()) {
            op.parameters.append(Parameter(name: h.name, location: .header, type: .string, required: false, description: h.description,
                                           provenance: location(h.line)))
        }
        // A GET or HEAD request has no body: JSON shown after its request line is a response printed
        // with it, or another operation's; only documented request fields make a body.
        let requestExamples = OperationBuilder.bodilessMethods.contains(d.method) ? [] : d.exampleRequest?.json ?? []
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

    /// A field-list entry as the builder's evidence: its type word read, an enum list in its description.
    func documented(_ f: SphinxPageReader.DocField, location: String? = nil) -> DocumentedName {
        DocumentedName(name: f.name, type: docType(f.type), required: f.required, location: location, description: f.description,
                       line: f.line, enumValues: enumValues(f.description))
    }

    /// A body from its field lists: `… JSON Object` fields make an object, `… JSON Array of Objects`
    /// fields an array of such objects. Fields documented as an object's whose example is an array
    /// of objects describe the items (reported). Dotted names (`data.id`, `items[].id`) nest.
    func body(object: [SphinxPageReader.DocField], array: [SphinxPageReader.DocField], examples: [JSONNode],
              exampleLine: Int) -> TypeRef {
        let arrays = examples.compactMap { node -> [JSONNode]? in if case .array(let items) = node { return items } else { return nil } }
        let examplesAreArrays = !examples.isEmpty && arrays.count == examples.count
        let items = arrays.flatMap { $0 }
        let itemsAreObjects = !items.isEmpty && items.allSatisfy { if case .object = $0 { return true } else { return false } }
        if object.isEmpty, array.isEmpty { return merge(documented: [], examples: examples, exampleLine: exampleLine) }
        if !array.isEmpty, !examples.isEmpty, !examplesAreArrays,
           let member = Self.envelopeMember(examples, documented: array.map(\.name)),
           !object.contains(where: { o in array.contains { $0.name == o.name } }) {
            // `:>jsonarr string username:` with an example `{"users": [{"username": …}]}`: the array the
            // fields describe is the example's member, inside an object envelope.
            diagnostics.note("'Response/Request JSON Array of Objects' fields describe the items of '\(member)' in the example at line \(exampleLine)",
                             at: location(array[0].line))
            let envelope = merge(documented: object, examples: examples, exampleLine: exampleLine)
            let items = examples.flatMap { node -> [JSONNode] in
                guard case .object(let m) = node, case .array(let xs)? = m.first(where: { $0.0 == member })?.1 else { return [] }
                return xs
            }
            let itemType = TypeRef.array(merge(documented: array, examples: items, exampleLine: exampleLine))
            guard case .object(var fields) = envelope, let k = fields.firstIndex(where: { $0.name == member || $0.name.hasPrefix(member + ".") }) else { return envelope }
            fields[k].type = itemType
            return .object(fields)
        }
        if !array.isEmpty, object.isEmpty {
            return .array(merge(documented: array, examples: examplesAreArrays ? items : examples, exampleLine: exampleLine))
        }
        if examplesAreArrays, itemsAreObjects {
            if array.isEmpty, let first = object.first {
                diagnostics.warning("fields are documented as a JSON object but the example at line \(exampleLine) is an array of objects; "
                                    + "read as an array of these objects", at: location(first.line))
            }
            return .array(merge(documented: object + array, examples: items, exampleLine: exampleLine))
        }
        return merge(documented: object + array, examples: examples, exampleLine: exampleLine)
    }

    /// The member of example objects that is an array of objects holding documented names (the
    /// envelope `{"users": [{"username": …}]}` around the items of `:>jsonarr string username:`);
    /// nil when the documented names are the example's own keys.
    ///
    /// For example: `[{"users": [{"username": "a"}]}]` with `["username"]` → `users`.
    static func envelopeMember(_ examples: [JSONNode], documented: [String]) -> String? {
        let names = Set(documented.map { String($0.prefix { $0 != "." }) })
        for node in examples {
            guard case .object(let members) = node else { return nil }
            if members.contains(where: { names.contains($0.0) }) { return nil }
            for (key, value) in members {
                guard case .array(let items) = value else { continue }
                let keys = items.compactMap { item -> Set<String>? in
                    if case .object(let m) = item { return Set(m.map(\.0)) } else { return nil }
                }
                if !keys.isEmpty, keys.contains(where: { !$0.isDisjoint(with: names) }) { return key }
            }
        }
        return nil
    }

    /// Documented field list + example type, by `FieldTree.combine` (the builder's rule): documented
    /// names, requiredness and descriptions win; the example fills in what a list leaves open and adds
    /// the keys the list does not name (optional, as examples type them); a conflict is a warning naming
    /// both lines. What the Sphinx pages add is evidence on the documented field: a nullable phrase,
    /// an enum list in the description, an attribute table for its items; and numeric example keys are a map.
    func merge(documented: [SphinxPageReader.DocField], examples: [JSONNode], exampleLine: Int) -> TypeRef {
        let inferred = examples.isEmpty ? nil : TypeRefs.keyedByNumber(ExampleTypes.infer(examples))
        var exampleFields: [Field] = []
        if case .object(let fs)? = inferred { exampleFields = fs }
        if documented.isEmpty { return inferred ?? .any }
        let declared = documented.map { doc in
            let lower = doc.description.lowercased()
            let nullable = SphinxSeedVocabulary.nullablePhrases.contains { lower.contains($0) }
                || (exampleFields.first { $0.name == doc.name }?.nullable ?? false)
            return Field(name: doc.name, type: docType(doc.type), required: doc.required ?? false, nullable: nullable,
                         description: doc.description, enumValues: enumValues(doc.description), provenance: location(doc.line))
        }
        var fields = FieldTree.combine(declared, example: exampleFields, exampleProvenance: location(exampleLine)) { f, conflict in
            diagnostics.warning(conflict.message(name: f.name, exampleLine: exampleLine), at: f.provenance ?? location(exampleLine))
        }
        for i in declared.indices { fields[i].type = attributeTableType(fields[i].name, fields[i].type) }
        return .object(FieldTree.nest(fields))
    }

    /// A field whose items an attribute table describes (`users` ↔ "Users for Call Capacity attributes").
    func attributeTableType(_ name: String, _ type: TypeRef) -> TypeRef {
        guard let table = attributeTables.first(where: { $0.subject.lowercased() == name.lowercased() }) else { return type }
        let documented = table.fields.map { f in
            Field(name: f.name, type: docType(f.type), required: f.required ?? false, description: f.description, provenance: location(f.line))
        }
        func fill(_ t: TypeRef) -> TypeRef {
            switch t {
            case .array(let i): return .array(fill(i))
            case .object(let exFields): return .object(FieldTree.combine(documented, example: exFields))
            default: return .array(.object(documented))
            }
        }
        return fill(type)
    }

    func docType(_ raw: String) -> TypeRef {
        switch raw.lowercased().trimming(" ") {
        case "string", "str": return .string
        case "integer", "int": return .integer
        case "number", "float", "double": return .number
        case "boolean", "bool": return .boolean
        case "array", "list": return .array(.any)
        case "object", "dict": return .map(.any)
        case "": return .any
        default:
            let t = raw.lowercased().trimming(" ")
            // `string|null`, `int or null`: the non-null alternative.
            for sep in ["|", " or "] where t.contains(sep) {
                let alternatives = t.replacingAll(sep, with: "|").split(separator: "|").map { String($0).trimming(" ") }.filter { $0 != "null" && $0 != "none" }
                if alternatives.count == 1 { return docType(alternatives[0]) }
            }
            // `list[str]`, `array[int]`, `list of strings`.
            for prefix in ["list[", "array[", "list(", "array("] where t.hasPrefix(prefix) && (t.hasSuffix("]") || t.hasSuffix(")")) {
                return .array(docType(String(t.dropFirst(prefix.count).dropLast())))
            }
            return TypeString.parse(raw).type
        }
    }

    /// `Supported ring patterns: [‘Normal’, ‘Long-Long’]` → `["Normal", "Long-Long"]`.
    func enumValues(_ text: String) -> [String]? {
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
        let before = text[..<open].lowercased()
        guard SphinxSeedVocabulary.enumIntroductions.contains(where: { before.contains($0) }) else { return nil }
        let items = text[text.index(after: open)..<close].split(separator: ",").map {
            $0.trimming(" ").trimming("‘").trimming("’").trimming("'").trimming("\"").trimming("“").trimming("”")
        }.filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }
}

enum TypeRefs {
    /// Example members keyed by a number (`{"featureCount": 2, "12": {…}, "15": {…}}`: results per layer
    /// id) are map entries, not fields: they go, and an object of nothing else is a map of their type.
    ///
    /// For example: `{"2": {"id": 1}, "5": {"id": 2}}` → a map of `{id}`.
    static func keyedByNumber(_ t: TypeRef) -> TypeRef {
        switch t {
        case .object(let fs):
            let numbered = fs.filter { !$0.name.isEmpty && $0.name.allSatisfy(\.isNumber) }
            if numbered.isEmpty { return .object(fs.map { var f = $0; f.type = keyedByNumber(f.type); return f }) }
            if numbered.count == fs.count { return .map(keyedByNumber(numbered[0].type)) }
            return .object(fs.filter { f in !numbered.contains { $0.name == f.name } }.map { var f = $0; f.type = keyedByNumber(f.type); return f })
        case .array(let i): return .array(keyedByNumber(i))
        default: return t
        }
    }
}

/// Attribute tables (`Users for Call Capacity attributes`: Name | Type | Methods | Description),
/// flattened to one cell per line in text renderings.
enum AttributeTables {
    struct Table {
        /// The first word of the title, singular (`Users` → `users` field's items).
        var subject: String
        var fields: [SphinxPageReader.DocField]
    }

    static func read(_ lines: [SourceLine], file: String) -> [Table] {
        var tables: [Table] = []
        var i = 0
        while i < lines.count {
            let t = lines[i].text
            guard t.lowercased().hasSuffix(SphinxSeedVocabulary.attributeTableSuffixes[0])
                    || t.lowercased().hasSuffix(SphinxSeedVocabulary.attributeTableSuffixes[1]) && lines[i].isHeading else { i += 1; continue }
            let subject = String(t.split(separator: " ").first ?? "")
            // Header cells end with `|`; then a `---|---|` line; then rows of the same number of cells.
            var j = i + 1
            var header: [String] = []
            while j < lines.count, lines[j].text.hasSuffix("|"), !lines[j].text.hasPrefix("---") {
                header.append(String(lines[j].text.dropLast()).trimming(" ")); j += 1
            }
            guard j < lines.count, lines[j].text.hasPrefix("---"), !header.isEmpty else { i += 1; continue }
            j += 1
            var cells: [(String, Int)] = []
            while j < lines.count, lines[j].text.hasSuffix("|") || lines[j].text == "|||" {
                let text = lines[j].text
                if text.allSatisfy({ $0 == "|" }) {
                    for _ in 0..<text.count { cells.append(("", lines[j].line)) }
                } else {
                    cells.append((String(text.dropLast()).trimming(" "), lines[j].line))
                }
                j += 1
            }
            let n = header.count
            // A name and a type column at least; a one-column "table" is not an attribute table.
            guard n >= 2 else { i = j; continue }
            let nameCol = header.firstIndex { $0.lowercased() == "name" } ?? 0
            let typeCol = header.firstIndex { $0.lowercased() == "type" } ?? 1
            let descCol = header.firstIndex { $0.lowercased() == "description" } ?? (n - 1)
            var fields: [SphinxPageReader.DocField] = []
            var k = 0
            while k + n <= cells.count {
                let row = Array(cells[k..<(k + n)])
                k += n
                let name = row[nameCol].0
                guard !name.isEmpty, !HTTPMethod.isValid(name), !row[typeCol].0.isEmpty else { continue }
                fields.append(SphinxPageReader.DocField(name: name, type: row[typeCol].0, required: nil, description: row[descCol].0, line: row[nameCol].1))
            }
            if !fields.isEmpty { tables.append(Table(subject: subject, fields: fields)) }
            i = j
        }
        return tables
    }
}
