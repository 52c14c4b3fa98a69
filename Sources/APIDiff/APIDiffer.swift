import APIModel

/// Compares two API models operation by operation (matched on method and path shape) and field by
/// field, classifying each change as breaking, non-breaking or info, with its Swift impact.
///
/// For example: `APIDiffer().diff(old: v1, new: v2, oldName: "docs-v1", newName: "docs-v2")`.
public struct APIDiffer: Sendable {
    public init() {}

    public func diff(old: APIDescription, new: APIDescription, oldName: String, newName: String) -> DiffReport {
        let ambiguous = FlatAPI.ambiguousShapes(old).union(FlatAPI.ambiguousShapes(new))
        let a = FlatAPI(old, ambiguous: ambiguous), b = FlatAPI(new, ambiguous: ambiguous)
        var changes: [Change] = []
        var added = 0, removed = 0, changed = 0
        var removedOps = a.operations.keys.filter { b.operations[$0] == nil }.sorted()
        var addedOps = b.operations.keys.filter { a.operations[$0] == nil }.sorted()

        // Operation renames: a removed and an added operation with the same method and identical
        // parameters, request and responses.
        for key in removedOps {
            let o = a.operations[key]!
            if let match = addedOps.first(where: { k in
                let n = b.operations[k]!
                return n.method == o.method && sameContract(o, n)
            }) {
                let n = b.operations[match]!
                changes.append(Change(rule: "operation-path-changed", severity: .breaking, operation: "\(n.method) \(n.path)", location: "",
                                      message: "path changed from \(o.path) (same parameters and bodies)", old: o.path, new: n.path,
                                      swiftImpact: o.swiftName == n.swiftName ? [] : ["APIClient.\(o.swiftName) → APIClient.\(n.swiftName)"]))
                removedOps.removeAll { $0 == key }
                addedOps.removeAll { $0 == match }
            }
        }
        for key in removedOps {
            let o = a.operations[key]!
            removed += 1
            changes.append(Change(rule: "operation-removed", severity: .breaking, operation: "\(o.method) \(o.path)", location: "",
                                  message: "operation removed" + (o.summary.isEmpty ? "" : " (\(o.summary))"), old: o.path, new: nil,
                                  swiftImpact: ["APIClient.\(o.swiftName) removed"]))
        }
        for key in addedOps {
            let n = b.operations[key]!
            added += 1
            changes.append(Change(rule: "operation-added", severity: .nonBreaking, operation: "\(n.method) \(n.path)", location: "",
                                  message: "operation added" + (n.summary.isEmpty ? "" : " (\(n.summary))"), old: nil, new: n.path,
                                  swiftImpact: ["APIClient.\(n.swiftName) added"]))
        }
        for key in a.operations.keys.sorted() {
            guard let o = a.operations[key], let n = b.operations[key] else { continue }
            var diff = OperationDiff(old: o, new: n)
            diff.compareResponseRequired = a.documentsResponseRequired && b.documentsResponseRequired
            diff.compareNullable = a.documentsNullable && b.documentsNullable
            let opChanges = diff.run()
            if !opChanges.isEmpty { changed += 1 }
            changes += opChanges
        }
        changes.sort()
        let summary = DiffReport.Summary(
            breaking: changes.filter { $0.severity == .breaking }.count,
            nonBreaking: changes.filter { $0.severity == .nonBreaking }.count,
            info: changes.filter { $0.severity == .info }.count,
            operationsAdded: added, operationsRemoved: removed, operationsChanged: changed)
        var swiftDiff = SwiftSurfaceDiff(old: old, new: new)
        let swift = swiftDiff.run()
        var report = DiffReport(old: oldName, new: newName, summary: summary, changes: changes, swift: swift)
        report.summary.swiftSourceBreaking = swift.filter(\.breaksSource).count
        return report
    }

    func sameContract(_ o: FlatAPI.Operation, _ n: FlatAPI.Operation) -> Bool {
        o.parameters.values.map(\.type).sorted() == n.parameters.values.map(\.type).sorted()
            && o.request?.fields == n.request?.fields
            && o.responses.keys.sorted() == n.responses.keys.sorted()
            && o.responses.allSatisfy { k, v in n.responses[k].map { $0?.fields == v?.fields } ?? false }
            && !(o.request?.fields.isEmpty ?? true && o.responses.values.allSatisfy { $0?.fields.isEmpty ?? true })
    }
}

/// The changes inside one operation present in both versions.
struct OperationDiff {
    let old: FlatAPI.Operation
    let new: FlatAPI.Operation
    var changes: [Change] = []
    var compareResponseRequired = true
    var compareNullable = true

    init(old: FlatAPI.Operation, new: FlatAPI.Operation) { self.old = old; self.new = new }

    var op: String { "\(new.method) \(new.path)" }
    var method: String { "APIClient.\(new.swiftName)" }

    mutating func add(_ rule: String, _ severity: Change.Severity, _ location: String, _ message: String,
                      old: String? = nil, new: String? = nil, swift: [String] = []) {
        changes.append(Change(rule: rule, severity: severity, operation: op, location: location, message: message, old: old, new: new, swiftImpact: swift))
    }

    mutating func run() -> [Change] {
        if old.summary != new.summary, !old.summary.isEmpty, !new.summary.isEmpty {
            add("summary-changed", .info, "", "summary changed", old: old.summary, new: new.summary)
        }
        if old.swiftName != new.swiftName {
            add("operation-id-changed", .breaking, "", "Swift method name changed", old: old.swiftName, new: new.swiftName,
                swift: ["APIClient.\(old.swiftName) → APIClient.\(new.swiftName)"])
        }
        diffParameters()
        diffRequest()
        diffResponses()
        return changes
    }

    mutating func diffParameters() {
        var removed = old.parameters.keys.filter { new.parameters[$0] == nil }.sorted()
        var added = new.parameters.keys.filter { old.parameters[$0] == nil }.sorted()
        // A path parameter renamed in place (`{id}` → `{uuid}`), or an evident rename of one parameter.
        for r in removed {
            let o = old.parameters[r]!
            let candidates = added.filter { new.parameters[$0]!.location == o.location && new.parameters[$0]!.type == o.type }
            if candidates.count == 1, removed.filter({ old.parameters[$0]!.location == o.location }).count == 1 {
                let a = candidates[0]
                add("parameter-renamed", .breaking, "parameter \(o.location) \(name(r))", "parameter renamed to `\(name(a))`",
                    old: name(r), new: name(a), swift: ["\(method)(…\(Naming.memberName(name(r))):…) → \(Naming.memberName(name(a)))"])
                removed.removeAll { $0 == r }
                added.removeAll { $0 == a }
            }
        }
        for r in removed {
            let o = old.parameters[r]!
            add("parameter-removed", .breaking, "parameter \(o.location) \(name(r))", "\(o.location) parameter `\(name(r))` removed",
                swift: ["\(method) loses argument \(Naming.memberName(name(r)))"])
        }
        for a in added {
            let n = new.parameters[a]!
            add(n.required ? "parameter-added-required" : "parameter-added-optional", n.required ? .breaking : .nonBreaking,
                "parameter \(n.location) \(name(a))", "\(n.required ? "required" : "optional") \(n.location) parameter `\(name(a))` added",
                new: n.type, swift: ["\(method) gains argument \(Naming.memberName(name(a)))\(n.required ? "" : " (defaulted)")"])
        }
        for key in old.parameters.keys.sorted() {
            guard let o = old.parameters[key], let n = new.parameters[key] else { continue }
            let loc = "parameter \(o.location) \(name(key))"
            let swift = ["\(method)(\(Naming.memberName(name(key))):)"]
            if o.type != n.type {
                if TypeText.differsOnlyByAny(o.type, n.type) {
                    add("parameter-type-\(n.type.hasSuffix("any") ? "unspecified" : "specified")", .info, loc,
                        n.type.hasSuffix("any") ? "type no longer documented" : "type now documented", old: o.type, new: n.type, swift: swift)
                } else {
                    add("parameter-type-changed", .breaking, loc, "type changed", old: o.type, new: n.type, swift: swift)
                }
            }
            if !o.required && n.required { add("parameter-became-required", .breaking, loc, "became required", swift: swift) }
            if o.required && !n.required { add("parameter-became-optional", .nonBreaking, loc, "became optional", swift: swift) }
            enumChanges(o.enumValues, n.enumValues, loc: loc, inRequest: true, swift: swift)
        }
    }

    func name(_ key: String) -> String { String(key.split(separator: ":", maxSplits: 1).last ?? "") }

    mutating func diffRequest() {
        switch (old.request, new.request) {
        case (nil, nil): return
        case (nil, let n?):
            add(n.required ? "request-body-added-required" : "request-body-added", n.required ? .breaking : .nonBreaking, "request body",
                "request body added", new: n.rootType, swift: ["\(method) gains argument body"])
        case (let o?, nil):
            add("request-body-removed", .breaking, "request body", "request body removed", old: o.rootType, swift: ["\(method) loses argument body"])
        case (let o?, let n?):
            if o.contentType != n.contentType {
                add("request-content-type-changed", .breaking, "request body", "content type changed", old: o.contentType, new: n.contentType)
            }
            if !o.required && n.required { add("request-body-became-required", .breaking, "request body", "request body became required", swift: ["\(method)(body:)"]) }
            if o.required && !n.required { add("request-body-became-optional", .nonBreaking, "request body", "request body became optional", swift: ["\(method)(body:)"]) }
            if o.rootType != n.rootType {
                let vague = TypeText.differsOnlyByAny(o.rootType, n.rootType)
                add("request-body-type-\(vague ? "documented-differently" : "changed")", vague ? .info : .breaking, "request body",
                    vague ? "body type documented differently" : "body type changed", old: o.rootType, new: n.rootType)
            }
            diffFields(o.fields, n.fields, where: "request", inRequest: true)
        }
    }

    mutating func diffResponses() {
        for status in Set(old.responses.keys).union(new.responses.keys).sorted() {
            let success = status.hasPrefix("2")
            switch (old.responses[status], new.responses[status]) {
            case (nil, _?):
                add("response-status-added", success ? .nonBreaking : .info, "response \(status)", "response status \(status) added")
            case (_?, nil):
                add("response-status-removed", success ? .breaking : .info, "response \(status)", "response status \(status) removed",
                    swift: success ? ["\(method) result for \(status)"] : [])
            case (let o??, let n??):
                if o.contentType != n.contentType {
                    add("response-content-type-changed", .breaking, "response \(status)", "content type changed", old: o.contentType, new: n.contentType)
                }
                if o.rootType != n.rootType {
                    let vague = TypeText.differsOnlyByAny(o.rootType, n.rootType)
                    add("response-body-type-\(vague ? (n.rootType == "any" ? "unspecified" : "specified") : "changed")",
                        vague || !success ? .info : .breaking, "response \(status)", vague ? "body type documented differently" : "body type changed",
                        old: o.rootType, new: n.rootType, swift: success && !vague ? ["\(method) return type"] : [])
                }
                diffFields(o.fields, n.fields, where: "response \(status)", inRequest: false)
            case (nil?, let n??):
                add("response-body-added", success ? .nonBreaking : .info, "response \(status)", "response body added", new: n.rootType, swift: ["\(method) return type"])
            case (let o??, nil?):
                add("response-body-removed", success ? .breaking : .info, "response \(status)", "response body removed", old: o.rootType, swift: ["\(method) return type"])
            default:
                break
            }
        }
    }

    /// Field-level rules; renames where one field of a parent object disappears and one with the
    /// same type (and the same sub-fields) appears.
    mutating func diffFields(_ a: [String: FlatAPI.Field], _ b: [String: FlatAPI.Field], where place: String, inRequest: Bool) {
        var removed = a.keys.filter { b[$0] == nil }.sorted()
        var added = b.keys.filter { a[$0] == nil }.sorted()
        func parent(_ p: String) -> String { p.contains(".") ? String(p[..<p.lastIndex(of: ".")!]) : "" }
        var renamedPrefixes: [(String, String)] = []
        for r in removed where !renamedPrefixes.contains(where: { r.hasPrefix($0.0 + ".") }) {
            let o = a[r]!
            let siblingsRemoved = removed.filter { parent($0) == parent(r) && a[$0]!.type == o.type }
            let candidates = added.filter { parent($0) == parent(r) && b[$0]!.type == o.type && b[$0]!.shape == o.shape }
            guard candidates.count == 1, siblingsRemoved.count == 1 else { continue }
            let n = b[candidates[0]]!
            add("\(inRequest ? "request" : "response")-field-renamed", .breaking, "\(place) field \(r)",
                "field `\(r)` renamed to `\(candidates[0])`", old: r, new: candidates[0],
                swift: ["\(o.owner).\(o.property) → \(n.owner).\(n.property)"])
            renamedPrefixes.append((r, candidates[0]))
        }
        for (o, n) in renamedPrefixes {
            removed.removeAll { $0 == o || $0.hasPrefix(o + ".") }
            added.removeAll { $0 == n || $0.hasPrefix(n + ".") }
        }
        // Report only the top of a removed or added subtree, and nothing below a field whose type
        // changed (its own change says it).
        let retyped = a.keys.filter { k in b[k].map { $0.type != a[k]!.type } ?? false }
        func underRetyped(_ p: String) -> Bool { retyped.contains { p.hasPrefix($0 + ".") } }
        let removedTops = removed.filter { r in !removed.contains { r.hasPrefix($0 + ".") } && !underRetyped(r) }
        let addedTops = added.filter { r in !added.contains { r.hasPrefix($0 + ".") } && !underRetyped(r) }
        for r in removedTops {
            let o = a[r]!
            add("\(inRequest ? "request" : "response")-field-removed", .breaking, "\(place) field \(r)", "field `\(r)` removed",
                old: o.type, swift: ["\(o.owner).\(o.property) removed"])
        }
        for r in addedTops {
            let n = b[r]!
            let severity: Change.Severity = inRequest && n.required ? .breaking : .nonBreaking
            add("\(inRequest ? "request" : "response")-field-added\(inRequest && n.required ? "-required" : "")", severity,
                "\(place) field \(r)", "\(inRequest && n.required ? "required " : "")field `\(r)` added", new: n.type,
                swift: ["\(n.owner).\(n.property) added"])
        }
        for key in a.keys.sorted() where !underRetyped(key) {
            guard let o = a[key], let n = b[key] else { continue }
            let loc = "\(place) field \(key)"
            let swift = ["\(n.owner).\(n.property)"]
            let side = inRequest ? "request" : "response"
            if o.type != n.type {
                if TypeText.differsOnlyByAny(o.type, n.type) {
                    // One side does not say the type: a loss or gain of documentation, not a contract change.
                    add("\(side)-field-type-\(n.type.hasSuffix("any") ? "unspecified" : "specified")", .info, loc,
                        n.type.hasSuffix("any") ? "type no longer documented" : "type now documented", old: o.type, new: n.type, swift: swift)
                } else {
                    add("\(side)-field-type-changed", .breaking, loc, "type changed", old: o.type, new: n.type, swift: swift)
                }
                continue
            }
            if o.required != n.required, inRequest || compareResponseRequired {
                // Requests: a newly required field breaks callers. Responses: a field that may now be missing breaks readers.
                let breaking = inRequest ? n.required : !n.required
                add("\(side)-field-became-\(n.required ? "required" : "optional")", breaking ? .breaking : .nonBreaking, loc,
                    "became \(n.required ? "required" : "optional")", swift: swift)
            }
            if o.nullable != n.nullable, compareNullable {
                let breaking = inRequest ? !n.nullable : n.nullable
                add("\(side)-field-\(n.nullable ? "became-nullable" : "became-non-nullable")", breaking ? .breaking : .nonBreaking, loc,
                    n.nullable ? "became nullable" : "no longer nullable", swift: swift)
            }
            enumChanges(o.enumValues, n.enumValues, loc: loc, inRequest: inRequest, swift: swift)
        }
    }

    /// In a request, removing an allowed value breaks callers; in a response, a new value only reaches
    /// the `.undocumented` case of generated enums, so it is non-breaking, and a removed one is info.
    mutating func enumChanges(_ a: [String]?, _ b: [String]?, loc: String, inRequest: Bool, swift: [String]) {
        let oldValues = Set(a ?? []), newValues = Set(b ?? [])
        guard oldValues != newValues else { return }
        let side = inRequest ? "request" : "response"
        if a == nil || b == nil {
            add("\(side)-enum-\(a == nil ? "added" : "removed")", inRequest && a == nil ? .breaking : .info, loc,
                a == nil ? "now limited to an enumeration" : "no longer an enumeration", swift: swift)
            return
        }
        let gone = oldValues.subtracting(newValues).sorted(), new = newValues.subtracting(oldValues).sorted()
        if !gone.isEmpty {
            add("\(side)-enum-value-removed", inRequest ? .breaking : .info, loc, "enum value(s) removed: \(gone.joined(separator: ", "))",
                old: gone.joined(separator: ", "), swift: swift)
        }
        if !new.isEmpty {
            add("\(side)-enum-value-added", .nonBreaking, loc, "enum value(s) added: \(new.joined(separator: ", "))",
                new: new.joined(separator: ", "), swift: swift)
        }
    }
}

/// Type descriptions as the flattener writes them (`array of string (uuid)`).
enum TypeText {
    /// `any` on one side where the other names a type (`array of any` vs `array of string`): one side
    /// does not document the type, which says nothing about a contract change.
    static func differsOnlyByAny(_ a: String, _ b: String) -> Bool {
        let free = "object (free-form)"
        if (a == free && b.hasSuffix("any")) || (b == free && a.hasSuffix("any")) { return true }
        func check(_ x: String, _ y: String) -> Bool {
            guard x.hasSuffix("any") else { return false }
            return y.hasPrefix(String(x.dropLast(3)))
        }
        return check(a, b) || check(b, a)
    }
}
