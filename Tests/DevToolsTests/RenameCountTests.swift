import APIModel
import DevToolsKit
import DocTree
import Refinement
import Testing

/// `docs2swift-dev rename-count`: a type counts as renamed only when its shape and documented names stayed.
@Suite struct RenameCountTests {
    let size = Field(name: "size", type: .integer, required: true)
    let state = Field(name: "state", type: .ref("VolumeState"))
    let states = Schema(name: "VolumeState", kind: .enumeration, enumValues: ["ok", "erred"])

    func model(_ schemas: [Schema], body: String) -> APIDescription {
        let create = Operation(id: "volumes_create", resource: "volumes.md", method: "POST", path: "/api/volumes/",
                               requestBody: RequestBody(required: true, type: .ref(body)),
                               responses: [Response(status: "201", type: .ref(body))])
        return APIDescription(operations: [create], schemas: schemas.sorted { $0.name < $1.name })
    }

    @Test func anUnforcedRenameIsCountedAndARealShapeChangeIsNot() {
        // Old: Volume {size, state} and Snapshot {size}. New: the same Volume shape named VolumeRequest, with its
        // nested enum renamed too (a nested rename does not hide the match); Snapshot gained a field and a name.
        let old = model([Schema(name: "Volume", fields: [size, state]), states, Schema(name: "Snapshot", fields: [size])], body: "Volume")
        let renamedState = Field(name: "state", type: .ref("State"))
        let new = model([Schema(name: "VolumeRequest", fields: [size, renamedState]),
                         Schema(name: "State", kind: .enumeration, enumValues: ["ok", "erred"]),
                         Schema(name: "SnapshotInfo", fields: [size, Field(name: "name", type: .string)])], body: "VolumeRequest")
        let count = RenameCount(old: old, new: new)
        #expect(count.renamed.map { "\($0.old) → \($0.new)" } == ["Volume → VolumeRequest", "VolumeState → State"])
        #expect(count.kept == 0)
        #expect(count.report(quiet: true) == ["shapes in both with their name kept: 0", "renamed: 2"])
        #expect(count.renamed[0].why == "its uses changed (2 before, 2 after)")
    }

    @Test func aDocumentedNameThatChangedIsAForcedRename() {
        var documented = model([Schema(name: "Volume", fields: [size])], body: "Volume")
        documented.operations[0].requestBody?.documentedName = "VolumeRequest"
        var renamed = model([Schema(name: "Disk", fields: [size])], body: "Disk")
        renamed.operations[0].requestBody?.documentedName = "DiskRequest"
        #expect(RenameCount(old: documented, new: renamed).renamed.isEmpty)
        #expect(RenameCount(old: documented, new: documented).kept == 1)
    }

    /// The shapes the tool compares are the digests the generator records in the name lock.
    @Test func shapeDigestsOfAFinishedModelAreTheLockDigests() {
        let nested = Field(name: "attachment", type: .object([Field(name: "device", type: .string, required: true),
                                                               Field(name: "mode", type: .string, enumValues: ["ro", "rw"])]))
        let op = Operation(id: "volumes_retrieve", resource: "volumes.md", method: "GET", path: "/api/volumes/{uuid}/",
                           responses: [Response(status: "200", type: .object([size, nested]))])
        let page = PageExtraction(resource: Resource(name: "volumes.md", title: "Volumes"), operations: [op], dialect: "test", reason: "")
        let assembly = Assembler().assembleNamed([page], diagnostics: RecordingCollector())
        let lockDigests = Dictionary(uniqueKeysWithValues: assembly.lock.types.map { ($0.value.name, $0.key) })
        #expect(assembly.api.schemas.count == 3)
        #expect(ShapeKey.digests(of: assembly.api.schemas) == lockDigests)
    }
}
