import APIModel
import Refinement

/// Types a docs sync renamed for no reason: types whose shape and documented (SDK) names did not
/// change between two models, but whose Swift name did.
///
/// A type's shape is the generator's own (`ShapeKey.digests(of:)`, the digest the name lock records):
/// kind, fields or enum values, with every reference to another named type by that type's shape, so a
/// nested rename does not hide a match. Its documented names are the schema's `documentedNames` and the
/// `documentedName` of every request body typed by it (through arrays). A shape that is in both models
/// with the same documented names and a different Swift name is an unforced rename.
///
/// For example: `RenameCount(old: a, new: b).renamed` lists `Volume → VolumeResponse` when only the
/// name moved, and nothing for a `Volume` that gained a field.
public struct RenameCount {
    public struct Rename: Hashable {
        public var old: String
        public var new: String
        /// The old type's documented names, sorted.
        public var documented: [String]
        /// What changed around the shape, so that it got another name.
        public var why: String
    }

    public var renamed: [Rename] = []
    /// Shapes in both models that kept their name.
    public var kept = 0

    public init(old: APIDescription, new: APIDescription) {
        let oldShapes = ShapeKey.digests(of: old.schemas), newShapes = ShapeKey.digests(of: new.schemas)
        let oldDocumented = Self.documentedNames(old), newDocumented = Self.documentedNames(new)
        var newByShape: [String: [String]] = [:]
        for s in new.schemas where newByShape[newShapes[s.name]!]?.contains(s.name) != true {
            newByShape[newShapes[s.name]!, default: []].append(s.name)
        }
        let oldUses = Self.uses(old), newUses = Self.uses(new), newNames = Set(newShapes.keys)
        for (name, shape) in oldShapes.sorted(by: { codePointOrder($0.key, $1.key) }) {
            let candidates = newByShape[shape] ?? []
            if candidates.contains(name) { kept += 1; continue }
            guard let match = candidates.first(where: { newDocumented[$0] == oldDocumented[name] }) else { continue }
            let why = Self.why(old: name, new: match, oldUses: oldUses[name] ?? [], newUses: newUses[match] ?? [], newNames: newNames)
            renamed.append(Rename(old: name, new: match, documented: oldDocumented[name, default: []].sorted(by: codePointOrder), why: why))
        }
    }

    /// The report: each rename and why (unless `quiet`), then the kept and renamed counts.
    public func report(quiet: Bool) -> [String] {
        var lines: [String] = []
        if !quiet {
            for r in renamed {
                lines.append("\(r.old) → \(r.new)" + (r.documented.isEmpty ? "" : "  (documented: \(r.documented.joined(separator: ", ")))"))
                lines.append("    " + r.why)
            }
        }
        lines.append("shapes in both with their name kept: \(kept)")
        lines.append("renamed: \(renamed.count)")
        return lines
    }

    /// Swift name → the SDK names the docs give its shape.
    static func documentedNames(_ api: APIDescription) -> [String: Set<String>] {
        var out = Dictionary(api.schemas.map { ($0.name, Set($0.documentedNames)) }, uniquingKeysWith: { a, _ in a })
        for op in api.operations {
            guard let body = op.requestBody, let documented = body.documentedName else { continue }
            var t = body.type
            while case .array(let items) = t { t = items }
            if case .ref(let name) = t, out[name] != nil { out[name]!.insert(documented) }
        }
        return out
    }

    /// Swift name → the places that use it: `METHOD path request|response STATUS`, or `in Parent.field`.
    static func uses(_ api: APIDescription) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func referenced(_ t: TypeRef?) -> String? {
            var t = t
            while let inner = t {
                switch inner {
                case .array(let i), .map(let i): t = i
                case .ref(let name): return name
                default: return nil
                }
            }
            return nil
        }
        for op in api.operations {
            if let body = op.requestBody, let n = referenced(body.type) { out[n, default: []].insert("\(op.method) \(op.path) request") }
            for r in op.responses {
                if let n = referenced(r.type) { out[n, default: []].insert("\(op.method) \(op.path) response \(r.status)") }
            }
        }
        for s in api.schemas {
            for f in s.fields {
                if let n = referenced(f.type) { out[n, default: []].insert("in \(s.name).\(f.name)") }
            }
        }
        return out
    }

    /// Why a shape that did not change got another name: what changed around it.
    static func why(old: String, new: String, oldUses before: Set<String>, newUses after: Set<String>, newNames: Set<String>) -> String {
        if newNames.contains(old) {
            let lost = before.subtracting(after).sorted(by: codePointOrder)
            return "\(old) now names another shape: its owning use (\(lost.first ?? "?")) holds a changed shape; "
                + "this one is named from its remaining uses"
        }
        let gained = after.subtracting(before).filter { !$0.hasPrefix("in ") }.sorted(by: codePointOrder)
        if let first = gained.first {
            return "\(gained.count) more operation(s) share it, and one of them now owns it (\(first))"
        }
        return "its uses changed (\(before.count) before, \(after.count) after)"
    }
}
