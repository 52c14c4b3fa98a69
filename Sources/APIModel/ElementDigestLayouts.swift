import DocTree

// The order each model type mixes its properties into an element digest (`ElementDigestible`), by
// hand, with no `Encoder` in between (digesting through `Encodable` was 8 % of a one-page
// regeneration). Every stored property is mixed: a property added to one of these types is added here
// too; `ElementDigestTests` fails until it is.
//
// For example: a `Field` mixes its name, type, required, nullable and read-only flags, description,
// enum values and provenance, in that order.

extension Resource: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        h.mix(name); h.mix(title); h.mix(description); h.mix(provenance)
    }
}

/// An operation's digest: its shape digest and the digest of the rest (`split(shape:rest:)`).
extension Operation: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        let parts = ElementDigests.parts(self)
        h.mix(parts.shape); h.mix(parts.rest)
    }
}

extension Parameter: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        h.mix(name); h.mix(location); h.mix(type); h.mix(required); h.mix(description)
        h.mix(enumValues); h.mix(provenance); h.mix(example)
    }
}

extension Parameter.Location: ElementDigestible {}

extension RequestBody: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        h.mix(contentType); h.mix(required); h.mix(type); h.mix(documentedName); h.mix(provenance)
    }
}

extension Response: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        h.mix(status); h.mix(description); h.mix(contentType); h.mix(type); h.mix(provenance); h.mix(documentedName)
    }
}

extension ErrorCode: ElementDigestible {
    public func digest(into h: inout ElementHasher) { h.mix(status); h.mix(code); h.mix(name); h.mix(description) }
}

extension Example: ElementDigestible {
    public func digest(into h: inout ElementHasher) { h.mix(kind); h.mix(language); h.mix(text); h.mix(provenance) }
}

/// A schema's digest: its shape, prose and source-line digests (`split(shape:prose:lines:)`).
extension Schema: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        let parts = ElementDigests.parts(self)
        h.mix(parts.shape); h.mix(parts.prose); h.mix(parts.lines)
    }
}

extension Schema.Kind: ElementDigestible {}

/// An operation's shape digest (`ElementDigests.operationShapes`): every stored property but the prose
/// and the source locations — its summary and description, its parameters', answers' and error codes'
/// descriptions, and every `provenance` — which the client file shows (and the server file the summary).
/// The server and tests files read operations through this. `rest` gets what `shape` leaves out; one
/// walk gives both.
///
/// For example: `GET /users/` described as "Lists users." and as "Lists the users." has one shape digest.
extension Operation {
    public func split(shape h: inout ElementHasher, rest: inout ElementHasher) {
        h.mix(id); h.mix(swiftName); h.mix(resource); h.mix(method); h.mix(path)
        rest.mix(summary); rest.mix(description); rest.mix(provenance)
        h.mix(UInt64(parameters.count))
        for p in parameters {
            h.mix(p.name); h.mix(p.location); h.mix(p.type); h.mix(p.required); h.mix(p.enumValues); h.mix(p.example)
            rest.mix(p.description); rest.mix(p.provenance)
        }
        h.mix(requestBody != nil)
        if let body = requestBody {
            h.mix(body.contentType); h.mix(body.required); h.mix(body.type); h.mix(body.documentedName)
            rest.mix(body.provenance)
        }
        h.mix(UInt64(responses.count))
        for r in responses {
            h.mix(r.status); h.mix(r.contentType); h.mix(r.type); h.mix(r.documentedName)
            rest.mix(r.description); rest.mix(r.provenance)
        }
        h.mix(UInt64(errorCodes.count))
        for e in errorCodes { h.mix(e.status); h.mix(e.code); h.mix(e.name); rest.mix(e.description) }
        h.mix(authorization)
        h.mix(UInt64(examples.count))
        for e in examples { h.mix(e.kind); h.mix(e.language); h.mix(e.text); rest.mix(e.provenance) }
    }
}

/// A schema's shape digest (`ElementDigests.schemaShapes`): every stored property but the prose and
/// the source locations — its own and its fields' `description` and `provenance` — which only the
/// schema's own models file and the field-sources file show. Every other file reads schemas through
/// this (names, kinds, fields, enum values, aliases), so editing a field's description renders only
/// the files that print it. `prose` gets the descriptions, `lines` the source lines (which the
/// field-sources file prints with the shape); one walk gives all three.
///
/// For example: `User` with the field description "The id." and with "The user's id." has one shape digest.
extension Schema {
    public func split(shape h: inout ElementHasher, prose: inout ElementHasher, lines: inout ElementHasher) {
        h.mix(name); h.mix(kind)
        h.mix(UInt64(fields.count))
        for f in fields {
            h.mix(f.name); h.mix(f.type); h.mix(f.required); h.mix(f.nullable); h.mix(f.readOnly); h.mix(f.enumValues)
            prose.mix(f.description); lines.mix(f.provenance)
        }
        h.mix(enumValues); h.mix(resource); h.mix(documentedNames)
        prose.mix(description); lines.mix(provenance)
    }
}

extension Field: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        h.mix(name); h.mix(type); h.mix(required); h.mix(nullable); h.mix(readOnly)
        h.mix(description); h.mix(enumValues); h.mix(provenance)
    }
}

/// A case word (0 primitive, 1 array, 2 object, 3 map, 4 any, 5 ref), then the case's values.
extension TypeRef: ElementDigestible {
    public func digest(into h: inout ElementHasher) {
        switch self {
        case .primitive(let kind, let format): h.mix(0 as UInt64); h.mix(kind); h.mix(format)
        case .array(let items): h.mix(1 as UInt64); h.mix(items)
        case .object(let fields): h.mix(2 as UInt64); h.mix(fields)
        case .map(let values): h.mix(3 as UInt64); h.mix(values)
        case .any: h.mix(4 as UInt64)
        case .ref(let name): h.mix(5 as UInt64); h.mix(name)
        }
    }
}

extension TypeRef.Primitive: ElementDigestible {}

extension SourceLocation: ElementDigestible {
    public func digest(into h: inout ElementHasher) { h.mix(file); h.mix(line); h.mix(column); h.mix(section) }
}
