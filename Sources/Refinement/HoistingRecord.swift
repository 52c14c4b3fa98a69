import APIModel
import DocTree

/// What the hoister decided for one set of operation shapes (`SchemaHoister.hoist`), kept by a regeneration
/// (in the page cache) so that the next run, when no operation changed in anything but prose and source
/// lines, takes the same decisions without hoisting and naming again (`SchemaHoister.replay`): each body's
/// and answer's hoisted type, and each schema's name, file and documented names with the place its fields
/// were first met. The fields themselves (their descriptions and source lines) are read from the new pages.
///
/// For example: after a one-sentence edit of a field's description, the replay gives every shape the name it
/// had, and the schema holding the field the new description.
public struct HoistingRecord: Sendable, Equatable {
    /// `HoistingRecord.shapes(_:)` of the operations the decisions were made for.
    public var shapes: UInt64
    /// `HoistingRecord.lock(_:honourLock:)` of the lock they were made with, and of the lock they give (the
    /// names they chose). Named afresh with a lock of their own names, the same shapes take the same names
    /// and nothing is renamed: the record holds for that lock too, with no renames.
    public var lock: UInt64
    public var settledLock: UInt64
    /// Per operation, in the model's order: its body's hoisted type (nil without a body), then each answer's.
    public var types: [[TypeRef?]]
    /// In the model's order (by name).
    public var schemas: [RecordedSchema]
    /// The type renames against the lock, and the lock's type entries by shape digest (`SchemaHoister.renames`,
    /// `lockEntries`).
    public var renames: [Rename]
    public var lockEntries: [String: NameLock.TypeEntry]
    /// Per operation, in the model's order, the Swift method name it was given (`OperationNaming`), and the
    /// method renames against the lock: both read only what `shapes` and `lock` digest.
    public var methodNames: [String]
    public var methodRenames: [Rename]
    /// The routes an earlier one answers (`PathTemplate.shadowedRoutes`: methods and paths only).
    public var shadowed: [Int: Int]

    public init(shapes: UInt64 = 0, lock: UInt64 = 0, settledLock: UInt64 = 0, types: [[TypeRef?]], schemas: [RecordedSchema],
                renames: [Rename], lockEntries: [String: NameLock.TypeEntry], methodNames: [String] = [], methodRenames: [Rename] = [],
                shadowed: [Int: Int] = [:]) {
        self.shapes = shapes
        self.lock = lock
        self.settledLock = settledLock
        self.types = types
        self.schemas = schemas
        self.renames = renames
        self.lockEntries = lockEntries
        self.methodNames = methodNames
        self.methodRenames = methodRenames
        self.shadowed = shadowed
    }

    /// One hoisted schema: what the hoister decided (name, kind, enum values, file, documented names, its
    /// fields' hoisted types) and where its fields are read (`origin`).
    public struct RecordedSchema: Sendable, Equatable {
        public var name: String
        public var kind: Schema.Kind
        public var enumValues: [String]
        public var resource: String
        public var documentedNames: [String]
        public var origin: Origin
        public var fieldTypes: [TypeRef]

        public init(name: String, kind: Schema.Kind, enumValues: [String], resource: String, documentedNames: [String],
                    origin: Origin, fieldTypes: [TypeRef]) {
            self.name = name
            self.kind = kind
            self.enumValues = enumValues
            self.resource = resource
            self.documentedNames = documentedNames
            self.origin = origin
            self.fieldTypes = fieldTypes
        }
    }

    /// Where a shape was first met: an operation (by index), its body (`slot` −1) or answer `slot`, and the
    /// steps from that type: −1 an array's items, −2 a map's values, i ≥ 0 an object's field i. An object
    /// met at the top of a body or answer (through arrays only) takes that body's or answer's source line,
    /// a nested one its first field's; an enumeration's steps end at the field whose values it holds.
    ///
    /// For example: `Origin(operation: 4, slot: 0, path: [-1, 2], top: false)` is the object in field 2 of the
    /// items of operation 4's first answer.
    public struct Origin: Sendable, Equatable {
        public var operation: Int
        public var slot: Int
        public var path: [Int]
        public var top: Bool
        public init(operation: Int, slot: Int, path: [Int], top: Bool) {
            self.operation = operation
            self.slot = slot
            self.path = path
            self.top = top
        }
    }

    /// Changed whenever what the hoister reads or decides changes: older records then never match.
    static let version: UInt64 = 2

    /// The decisions for `operations` named with `lock`, when this record holds them: made for the same
    /// shapes and lock, or for the same shapes with the lock they settled on (then nothing is renamed).
    public func decisions(shapes: UInt64, lock: UInt64, honourLock: Bool) -> HoistingRecord? {
        guard shapes == self.shapes else { return nil }
        if lock == self.lock { return self }
        guard honourLock, lock == settledLock else { return nil }
        var settled = self
        settled.renames = []
        settled.methodRenames = []
        settled.lock = settledLock
        return settled
    }

    /// The digest of everything the hoister reads of the operations: each one's method, path, id, resource,
    /// and its body's and answers' documented names and types (field names, types, flags and enum values;
    /// no descriptions, no source lines). Digested on all cores, 64 operations per job.
    ///
    /// For example: two models that differ only in a field's description have the same `shapes`.
    public static func shapes(_ operations: [Operation]) -> UInt64 {
        let batch = 64
        let chunks = ParallelMap.map((operations.count + batch - 1) / batch) { c -> [UInt64] in
            (c * batch..<min(operations.count, (c + 1) * batch)).map { shape(operations[$0]) }
        }
        var h = ElementHasher()
        h.mix(version)
        h.mix(UInt64(operations.count))
        for chunk in chunks { for word in chunk { h.mix(word) } }
        return h.value
    }

    /// The digest of a lock (its type entries, which the hoister reads, and its method entries, which the
    /// operation naming reads), and whether it is honoured.
    /// Each entry is digested on its own and the digests added, so no order is needed (sorting the
    /// entries cost more than digesting them).
    public static func lock(_ lock: NameLock, honourLock: Bool) -> UInt64 {
        var types: UInt64 = 0, methods: UInt64 = 0
        for (digest, entry) in lock.types {
            var e = ElementHasher()
            e.mix(digest); e.mix(entry.name); e.mix(entry.documented)
            types &+= e.value
        }
        for (route, entry) in lock.methods {
            var e = ElementHasher()
            e.mix(route); e.mix(entry.id); e.mix(entry.name)
            methods &+= e.value
        }
        var h = ElementHasher()
        h.mix(honourLock)
        h.mix(UInt64(lock.types.count)); h.mix(types)
        h.mix(UInt64(lock.methods.count)); h.mix(methods)
        return h.value
    }

    static func shape(_ op: Operation) -> UInt64 {
        var h = ElementHasher()
        h.mix(op.method); h.mix(op.path); h.mix(op.id); h.mix(op.resource)
        h.mix(op.requestBody != nil)
        if let body = op.requestBody { h.mix(body.documentedName); mixShape(body.type, into: &h) }
        h.mix(UInt64(op.responses.count))
        for r in op.responses {
            h.mix(r.status); h.mix(r.documentedName); h.mix(r.type != nil)
            if let type = r.type { mixShape(type, into: &h) }
        }
        return h.value
    }

    /// A type as the hoister keys it, inline objects' fields without their descriptions and source lines.
    static func mixShape(_ type: TypeRef, into h: inout ElementHasher) {
        switch type {
        case .primitive(let kind, let format): h.mix(0 as UInt64); h.mix(kind); h.mix(format)
        case .array(let items): h.mix(1 as UInt64); mixShape(items, into: &h)
        case .object(let fields):
            h.mix(2 as UInt64); h.mix(UInt64(fields.count))
            // By index, and the enum values mixed here: a copy of each field and the generic
            // `Optional` digest were half of this digest's cost.
            for i in fields.indices {
                h.mix(fields[i].name); h.mix(fields[i].required); h.mix(fields[i].nullable); h.mix(fields[i].readOnly)
                if let values = fields[i].enumValues {
                    h.mix(1 as UInt64); h.mix(UInt64(values.count))
                    for v in values { h.mix(v) }
                } else {
                    h.mix(0 as UInt64)
                }
                mixShape(fields[i].type, into: &h)
            }
        case .map(let values): h.mix(3 as UInt64); mixShape(values, into: &h)
        case .any: h.mix(4 as UInt64)
        case .ref(let name): h.mix(5 as UInt64); h.mix(name)
        }
    }
}
