import APIModel
import DocTree
import Refinement
import Testing

/// A regeneration whose operations changed in nothing but prose and source lines takes the last run's
/// hoisting decisions (`HoistingRecord`) instead of hoisting and naming again, and gives exactly what a
/// fresh assembly gives: the same schemas, with the new descriptions and lines, the same renames and lock.
@Suite struct HoistingReplayTests {
    func at(_ line: Int) -> DocTree.SourceLocation { SourceLocation(file: "volumes.md", line: line) }

    /// Bodies and answers with every place a shape can sit: top level, array items, nested objects, map
    /// values, string enums (in an object and in an array's items), a documented name, an empty object.
    func pages(note: String = "", shift: Int = 0, extraField: Bool = false) -> [PageExtraction] {
        let disk = [Field(name: "size", type: .integer, required: true, description: "Size\(note)", provenance: at(30 + shift)),
                    Field(name: "kind", type: .string, description: "Kind\(note)", enumValues: ["ssd", "hdd"], provenance: at(31 + shift))]
        var volume = [
            Field(name: "uuid", type: .primitive(.string, format: "uuid"), required: true, description: "Id\(note)", provenance: at(10 + shift)),
            Field(name: "disks", type: .array(.object(disk)), description: "Disks\(note)", provenance: at(11 + shift)),
            Field(name: "labels", type: .map(.object([Field(name: "value", type: .string, provenance: at(40 + shift))])), provenance: at(12 + shift)),
            Field(name: "state", type: .string, enumValues: ["ok", "erred"], provenance: at(13 + shift)),
            Field(name: "extra", type: .object([]), provenance: at(14 + shift)),
        ]
        if extraField { volume.append(Field(name: "backend", type: .string)) }
        let ops = [
            Operation(id: "volumes_list", resource: "volumes.md", method: "GET", path: "/api/volumes/", description: "List\(note)",
                      responses: [Response(status: "200", description: "The volumes\(note)", type: .array(.object(volume)), provenance: at(5 + shift))],
                      provenance: at(1 + shift)),
            Operation(id: "volumes_create", resource: "volumes.md", method: "POST", path: "/api/volumes/",
                      requestBody: RequestBody(required: true, type: .object(Array(volume.dropFirst())), documentedName: "VolumeRequest",
                                               provenance: at(50 + shift)),
                      responses: [Response(status: "201", type: .object(volume), provenance: at(60 + shift)),
                                  Response(status: "400", type: .object([Field(name: "detail", type: .string, provenance: at(70 + shift))])),
                                  Response(status: "204", type: nil)]),
            Operation(id: "volumes_empty", resource: "volumes.md", method: "POST", path: "/api/volumes/{uuid}/empty/",
                      responses: [Response(status: "200", type: .object([]), provenance: at(80 + shift))]),
            // Two routes of one shape: the later one is shadowed (a generated server routes it to the first).
            Operation(id: "volumes_read", resource: "volumes.md", method: "GET", path: "/api/volumes/{uuid}/", provenance: at(90 + shift)),
            Operation(id: "volumes_by_name", resource: "volumes.md", method: "GET", path: "/api/volumes/{name}/", provenance: at(95 + shift)),
        ]
        return [PageExtraction(resource: Resource(name: "volumes.md", title: "Volumes"), operations: ops, dialect: "test", reason: "")]
    }

    func assemble(_ pages: [PageExtraction], lock: NameLock = NameLock(), honourLock: Bool = true, record: HoistingRecord? = nil) -> Assembler.Assembly {
        var assembler = Assembler(lock: lock, honourLock: honourLock)
        assembler.hoisting = record
        return assembler.assembleNamed(pages, diagnostics: RecordingCollector())
    }

    func expectSame(_ a: Assembler.Assembly, _ b: Assembler.Assembly) {
        #expect(a.api == b.api)
        #expect(a.renames == b.renames)
        #expect(a.lock == b.lock)
        #expect(a.shadowedRoutes == b.shadowedRoutes)
    }

    @Test func aProseAndLineEditReplaysTheDecisionsAndGivesAFreshAssembly() throws {
        let first = assemble(pages())
        let record = try #require(first.hoisting)
        #expect(first.api.schemas.count >= 6)
        let edited = pages(note: " (edited)", shift: 3)
        let replayed = assemble(edited, lock: first.lock, record: record)
        #expect(replayed.hoisting == nil)  // taken from the record
        expectSame(replayed, assemble(edited, lock: first.lock))
        // The method names and the shadowed route are the record's too.
        #expect(record.methodNames == replayed.api.operations.map(\.swiftName) && record.shadowed.count == 1)
        // The new descriptions and lines are in the schemas.
        let fields = replayed.api.schemas.flatMap(\.fields)
        #expect(fields.contains { $0.description == "Size (edited)" && $0.provenance?.line == 33 })
        #expect(replayed.api.schemas.allSatisfy { $0.provenance == nil || $0.provenance!.line > 3 })
    }

    /// The record of a run without a lock holds for the lock that run wrote (its own names): nothing renamed.
    @Test func theRecordHoldsForTheLockItSettledOn() throws {
        let first = assemble(pages())
        let replayed = assemble(pages(note: "!"), lock: first.lock, record: try #require(first.hoisting))
        #expect(replayed.hoisting == nil && replayed.renames.isEmpty)
        expectSame(replayed, assemble(pages(note: "!"), lock: first.lock))
    }

    @Test func aShapeEditOrAnotherLockHoistsAfresh() throws {
        let first = assemble(pages())
        let record = try #require(first.hoisting)
        let added = assemble(pages(extraField: true), lock: first.lock, record: record)
        #expect(added.hoisting != nil)
        expectSame(added, assemble(pages(extraField: true), lock: first.lock))
        // A lock that is neither the one the record was made with nor the one it settled on: its names are kept.
        var other = first.lock
        other.types = other.types.mapValues { NameLock.TypeEntry(name: $0.name + "Old", documented: false) }
        let renamed = assemble(pages(), lock: other, record: record)
        #expect(renamed.hoisting != nil && renamed.api.schemas.allSatisfy { $0.name.hasSuffix("Old") })
        expectSame(renamed, assemble(pages(), lock: other))
        // A lock whose method names are not the record's: they are kept, and the methods named afresh.
        var methods = first.lock
        methods.methods = methods.methods.mapValues { NameLock.MethodEntry(id: $0.id, name: $0.name + "Old") }
        let renamedMethods = assemble(pages(), lock: methods, record: record)
        #expect(renamedMethods.hoisting != nil && renamedMethods.api.operations.allSatisfy { $0.swiftName.hasSuffix("Old") })
        expectSame(renamedMethods, assemble(pages(), lock: methods))
        // Not honoured (`--accept-renames`): only the lock it was made with matches.
        #expect(assemble(pages(), lock: first.lock, honourLock: false, record: record).hoisting != nil)
    }

    /// A record that does not fit the operations (damaged, or made by other code) is not used.
    @Test func aRecordThatDoesNotFitIsNotUsed() throws {
        let first = assemble(pages())
        var record = try #require(first.hoisting)
        record.schemas[0].origin.path.append(7)
        let result = assemble(pages(), lock: first.lock, record: record)
        #expect(result.hoisting != nil)
        expectSame(result, assemble(pages(), lock: first.lock))
    }
}
