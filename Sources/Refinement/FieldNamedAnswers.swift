import APIModel

/// Small answers of actions and error answers are named from their fields alone, so that no
/// operation's name reaches them: a shape like `{detail}` answers dozens of actions, and a name taken
/// from any one of them can be taken over by an action added later (or lost with the one that named it).
///
/// A shape qualifies when it is an object of 1 to 3 fields, each a scalar or an array of scalars,
/// with no documented name, that answers at least one action (`POST …/{uuid}/pull/`) or is an error
/// answer (`4xx`, `5xx`), and that no CRUD answer, request body or documented name claims (those
/// hints score above this one, so a body keeps `VolumeAttachRequest` and an entity keeps `Volume`).
/// It is named from its field names in their order + `Response`, whether one action returns it or a hundred.
///
/// Two qualifying shapes can have the same field names (`{size: integer}`, `{size: string(uri)}`).
/// The plain name goes to the one whose typed name (a type word per field) sorts first, the other
/// takes its typed name (`SizeResponse`, `SizeUriResponse`); shapes that still meet (they differ only
/// in required or nullable) keep the operation-derived names. This depends on the other shape being
/// there, but only the later-sorting variant is ever renamed by it.
///
/// For example: `{detail: string}`, the `202` answer of `POST /api/aws-instances/{uuid}/pull/` and of
/// `POST /api/maintenance-announcements/{uuid}/cancel/`, is `DetailResponse`; `{status, detail}`
/// is `StatusDetailResponse`.
extension SchemaHoister {
    /// The score of a field-derived name: above an action's own `…Response` (20) and the operation
    /// id (10), below request bodies (30, 40), CRUD answers (45, 50) and documented names (80, 100).
    static let fieldNameScore = 25
    /// At most this many fields: larger shapes are specific enough to be named by their owner.
    static let fieldNameLimit = 3

    /// Adds the field-derived hint to every qualifying group; call after `computeDigests`.
    mutating func addFieldNameHints() {
        var plain: [String: [Int]] = [:]
        for g in groups where isFieldNamed(g) {
            if let name = Self.fieldDerivedName(g.fields, typed: false) { plain[name, default: []].append(g.id) }
        }
        for (name, ids) in plain {
            // Shapes that meet on a name: the one first by its typed name (then digest) keeps the plain name,
            // so adding a variant that sorts after it renames nothing; the others take their typed name.
            let ranked = ids.map { (typed: Self.fieldDerivedName(groups[$0].fields, typed: true) ?? name, id: $0) }
                .sorted { ($0.typed, groups[$0.id].digest) < ($1.typed, groups[$1.id].digest) }
            addFieldNameHint(name, to: ranked[0].id)
            var typedTaken: Set<String> = [name.lowercased()]
            for (typed, id) in ranked.dropFirst() where typedTaken.insert(typed.lowercased()).inserted {
                addFieldNameHint(typed, to: id)
            }
        }
    }

    /// Whether the field-derived name would name the group: a small scalar object that answers an
    /// action and has no better claim (documented name, request body, CRUD answer).
    func isFieldNamed(_ g: Group) -> Bool {
        g.kind == .object && g.answersActionOrError && g.documentedNames.isEmpty
            && (1...Self.fieldNameLimit).contains(g.fields.count) && g.fields.allSatisfy { Self.isScalar($0.type) }
            && g.hints.allSatisfy { $0.score < Self.fieldNameScore }
    }

    mutating func addFieldNameHint(_ name: String, to id: Int) {
        let g = groups[id]
        // The file stays with the owning action's page; the sort key is the shape's own digest.
        let resource = g.hints.min()?.resource ?? g.resource
        g.hints.append(Hint(score: Self.fieldNameScore, name: name, owner: "= " + g.digest, resource: resource))
    }

    /// `[detail, state]` → `DetailStateResponse`; typed: `[size: integer]` → `SizeIntegerResponse`.
    /// Nil when the field names have no letters or digits to make a name of.
    static func fieldDerivedName(_ fields: [Field], typed: Bool) -> String? {
        let parts = fields.map { f in typed ? f.name + " " + typeWord(f.type) : f.name }
        guard parts.contains(where: { !Naming.words($0).isEmpty }) else { return nil }
        return Naming.typeName(parts.joined(separator: " ") + " response")
    }

    /// `integer`, `uri` (a string's format), `string`; arrays: the item's word + `list`.
    static func typeWord(_ t: TypeRef) -> String {
        switch t {
        case .primitive(let p, let format): return format ?? p.rawValue
        case .array(let inner): return typeWord(inner) + " list"
        default: return "value"
        }
    }

    static func isScalar(_ t: TypeRef) -> Bool {
        switch t {
        case .primitive: return true
        case .array(let inner): return isScalar(inner)
        default: return false
        }
    }
}
