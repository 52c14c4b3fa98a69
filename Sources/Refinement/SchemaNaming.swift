import APIModel
import DocTree

/// Swift names for the hoisted shapes, chosen so that a docs sync does not rename a type whose
/// shape did not change:
/// 1. a name recorded in the lock for the same shape (unless it was a documented name the docs dropped);
/// 2. a documented SDK name, which only its own shape may take (other documented names of the
///    shape become typealiases);
/// 3. the best hint (score, then the owning use's path, method and role, then the name);
/// 4. nested shapes: the best parent's name + the field's singular (enums: the field alone when free);
/// 5. a number suffix when a name is taken.
/// Groups are named in an order that depends only on each shape's own uses (`order`), never on
/// where other operations sort.
///
/// For example: a `{detail, state, backend_id, message}` response shared by `POST …/offerings/{uuid}/activate/`
/// and `…/archive/` is `OfferingActivateResponse` however many other actions are added to the page
/// (a smaller one is named from its fields: `FieldNamedAnswers.swift`).
extension SchemaHoister {
    /// Each group's digest, children first: the kind and fields, with each referenced shape by its digest
    /// (`ShapeKey`; `ShapeKey.digests(of:)` gives the same digests from a finished model).
    mutating func computeDigests() {
        var done = [Bool](repeating: false, count: groups.count)
        func digest(_ id: Int) -> String {
            if done[id] { return groups[id].digest }
            let g = groups[id]
            let text: String
            if g.kind == .enumeration {
                text = g.key
            } else {
                text = ShapeKey.object(g.fields) { n in n.hasPrefix("#") ? "#" + digest(Int(n.dropFirst())!) : n }
            }
            g.digest = Digest.fnv1a64(text)
            done[id] = true
            return g.digest
        }
        for id in groups.indices { _ = digest(id) }
    }

    /// Sort keys for handing out names: a hinted group by its best hint; a nested one by its best
    /// parent's key and the field.
    func computeOrder() {
        for g in groups {
            if let best = g.hints.min() { g.order = [String(1000 - best.score), best.owner, best.name] }
        }
        var progress = true
        while progress {
            progress = false
            for g in groups where g.order.isEmpty {
                let keys = g.parents.filter { !groups[$0.0].order.isEmpty }.map { edgeKey($0.0, $0.1) }
                guard let best = keys.min(by: { $0.lexicographicallyPrecedes($1) }) else { continue }
                g.order = best
                progress = true
            }
        }
    }

    /// A nested use's sort key: the parent's, then the field's place among the parent's fields (docs
    /// add fields at the end more often than in front, so the first field keeps the name).
    func edgeKey(_ parent: Int, _ field: String) -> [String] {
        let index = groups[parent].fields.firstIndex { $0.name == field } ?? 9999
        let digits = String(index)
        return groups[parent].order + ["~" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits]
    }

    mutating func nameGroups() {
        computeOrder()
        var used: Set<String> = Set(Naming.reservedTypeNames.map { $0.lowercased() })
        // Which group each documented name belongs to: the one whose claim on it is best.
        var docOwner: [String: Int] = [:]
        let docHints = groups.flatMap { g in g.hints.filter { g.documentedNames.contains($0.name) }.map { ($0, g.id) } }.sorted { $0.0 < $1.0 }
        for (hint, id) in docHints where docOwner[hint.name.lowercased()] == nil { docOwner[hint.name.lowercased()] = id }
        func isFree(_ name: String, for g: Group) -> Bool {
            let l = name.lowercased()
            return !used.contains(l) && (docOwner[l] == nil || docOwner[l] == g.id)
        }
        func claim(_ name: String, for g: Group) {
            var candidate = name
            var n = 2
            while !isFree(candidate, for: g) { candidate = "\(name)\(n)"; n += 1 }
            used.insert(candidate.lowercased())
            g.name = candidate
        }
        let ordered = groups.sorted { a, b in
            a.order != b.order ? (!a.order.isEmpty && (b.order.isEmpty || a.order.lexicographicallyPrecedes(b.order))) : a.digest < b.digest
        }
        // 1. Names recorded for the same shape.
        var lost: [Int: String] = [:]
        for g in ordered {
            guard let entry = lock.types[g.digest] else { continue }
            if !honourLock {
                lost[g.id] = "chosen afresh (--accept-renames)"
            } else if entry.documented, !g.documentedNames.contains(entry.name) {
                lost[g.id] = "the docs renamed it (\(entry.name) is no longer a documented name of this shape)"
            } else if !isFree(entry.name, for: g) {
                lost[g.id] = docOwner[entry.name.lowercased()] != nil
                    ? "\(entry.name) is now the documented name of another shape" : "\(entry.name) is taken by another type"
            } else {
                claim(entry.name, for: g)
            }
        }
        // 2. and 3. Documented names, then the best free hint, in order.
        for g in ordered where g.name.isEmpty && !g.hints.isEmpty {
            let hints = g.hints.sorted()
            if let free = hints.first(where: { isFree($0.name, for: g) }) {
                claim(free.name, for: g)
            } else if hints.allSatisfy(\.soft), !g.parents.isEmpty {
                continue  // named as a nested shape (4.)
            } else {
                claim(hints[0].name, for: g)
            }
        }
        // 4. Nested shapes: parents sort before their children, so the best parent is named.
        for g in ordered where g.name.isEmpty {
            let named = g.parents.filter { !groups[$0.0].name.isEmpty }
            guard let (parent, field) = named.min(by: { a, b in
                let ka = edgeKey(a.0, a.1), kb = edgeKey(b.0, b.1)
                return ka != kb ? ka.lexicographicallyPrecedes(kb) : (groups[a.0].name, a.1) < (groups[b.0].name, b.1)
            }) else { continue }
            let fieldPart = Naming.typeName(g.kind == .enumeration ? field : Naming.singular(field))
            if g.kind == .enumeration, isFree(fieldPart, for: g) {
                claim(fieldPart, for: g)
            } else {
                // After the parent's name a word is no keyword (`VolumesResult`, not `VolumesResultType`).
                let suffix = Naming.upperCamelCase(g.kind == .enumeration ? field : Naming.singular(field))
                claim(groups[parent].name + (suffix.isEmpty ? fieldPart : suffix), for: g)
            }
        }
        // 5. Shapes no operation reaches.
        for g in ordered where g.name.isEmpty { claim(g.kind == .enumeration ? "Enum" : "Object", for: g) }
        // The file: the owning use's page (for nested shapes, the best parent's).
        for g in ordered {
            if let best = g.hints.min() {
                g.resource = best.resource
            } else if let parent = g.parents.min(by: { groups[$0.0].order.lexicographicallyPrecedes(groups[$1.0].order) }) {
                g.resource = groups[parent.0].resource
            }
        }
        renames = ordered.compactMap { g in
            guard let entry = lock.types[g.digest], entry.name != g.name else { return nil }
            return Rename(kind: .type, old: entry.name, new: g.name, reason: lost[g.id] ?? "changed")
        }.sorted { $0.old < $1.old }
    }

    /// The lock entries for these groups, after `hoist`.
    var lockEntries: [String: NameLock.TypeEntry] {
        Dictionary(groups.map { ($0.digest, NameLock.TypeEntry(name: $0.name, documented: $0.documentedNames.contains($0.name))) },
                   uniquingKeysWith: { a, _ in a })
    }
}
