import APIModel
import DocTree

extension SchemaHoister {
    /// The schemas `record` decided, with their fields read from `operations` (the last run's shapes with
    /// new prose and source lines: `HoistingRecord.decisions(shapes:lock:honourLock:)` matched), and the
    /// operations' bodies and answers given their hoisted types. Nil, with `operations` untouched, when the record does not fit them (then they are
    /// hoisted afresh).
    ///
    /// For example: a record made before a field's description was edited gives the schemas a fresh
    /// hoisting gives after the edit.
    static func replay(_ record: HoistingRecord, _ operations: inout [Operation]) -> [Schema]? {
        guard record.types.count == operations.count else { return nil }
        for (i, op) in operations.enumerated() {
            let slots = record.types[i]
            guard slots.count == op.responses.count + 1, (slots[0] != nil) == (op.requestBody != nil),
                  zip(slots.dropFirst(), op.responses).allSatisfy({ ($0.0 != nil) == ($0.1.type != nil) }) else { return nil }
        }
        var schemas: [Schema] = []
        schemas.reserveCapacity(record.schemas.count)
        for recorded in record.schemas {
            guard let schema = schema(recorded, operations) else { return nil }
            schemas.append(schema)
        }
        for i in operations.indices {
            let slots = record.types[i]
            if let type = slots[0] { operations[i].requestBody!.type = type }
            for r in operations[i].responses.indices where slots[r + 1] != nil { operations[i].responses[r].type = slots[r + 1] }
        }
        return schemas
    }

    /// One recorded schema, its fields (or, for an enumeration, its source line) read at its origin.
    private static func schema(_ recorded: HoistingRecord.RecordedSchema, _ operations: [Operation]) -> Schema? {
        let origin = recorded.origin
        guard operations.indices.contains(origin.operation) else { return nil }
        let op = operations[origin.operation]
        let start: (type: TypeRef?, location: SourceLocation?)
        if origin.slot < 0 {
            start = (op.requestBody?.type, op.requestBody?.provenance)
        } else {
            guard op.responses.indices.contains(origin.slot) else { return nil }
            start = (op.responses[origin.slot].type, op.responses[origin.slot].provenance)
        }
        guard var type = start.type else { return nil }
        var field: Field?
        for step in origin.path {
            switch (step, type) {
            case (-1, .array(let items)): type = items
            case (-2, .map(let values)): type = values
            case (let i, .object(let fields)) where fields.indices.contains(i): field = fields[i]; type = fields[i].type; continue
            default: return nil
            }
            field = nil
        }
        var schema = Schema(name: recorded.name, kind: recorded.kind, enumValues: recorded.enumValues, resource: recorded.resource,
                            documentedNames: recorded.documentedNames)
        switch recorded.kind {
        case .enumeration:
            guard let field else { return nil }
            schema.provenance = field.provenance
        case .object:
            guard case .object(let fields) = type, fields.count == recorded.fieldTypes.count else { return nil }
            schema.provenance = origin.top ? start.location : fields.first?.provenance
            schema.fields = fields
            for f in schema.fields.indices { schema.fields[f].type = recorded.fieldTypes[f] }
        }
        return schema
    }
}
