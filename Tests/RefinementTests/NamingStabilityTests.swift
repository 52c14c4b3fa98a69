import APIModel
import DocTree
import Refinement
import Testing

/// Names that survive a docs sync: adding an operation that shares a shape, reordering pages or
/// adding a second documented name does not rename an existing type; the lock keeps names.
@Suite struct NamingStabilityTests {
    func page(_ file: String, title: String, _ ops: [Operation]) -> PageExtraction {
        PageExtraction(resource: Resource(name: file, title: title), operations: ops, dialect: "test", reason: "")
    }

    let status: [Field] = [Field(name: "detail", type: .string), Field(name: "state", type: .string)]
    let volume: [Field] = [Field(name: "uuid", type: .primitive(.string, format: "uuid")), Field(name: "size", type: .integer)]

    func action(_ collection: String, _ verb: String, body: [Field]? = nil, response: [Field]) -> Operation {
        Operation(id: "\(collection)_\(verb)", resource: "\(collection).md", method: "POST", path: "/api/\(collection)/{uuid}/\(verb)/",
                  requestBody: body.map { RequestBody(required: true, type: .object($0)) },
                  responses: [Response(status: "200", type: .object(response))])
    }

    var volumes: PageExtraction {
        page("volumes.md", title: "Volumes", [
            Operation(id: "volumes_retrieve", resource: "volumes.md", method: "GET", path: "/api/volumes/{uuid}/",
                      responses: [Response(status: "200", type: .object(volume))]),
            action("volumes", "attach", body: [Field(name: "instance", type: .string, required: true)], response: status),
        ])
    }

    func names(_ pages: [PageExtraction], lock: NameLock = NameLock()) -> (names: [String], assembly: Assembler.Assembly) {
        let assembly = Assembler(lock: lock).assembleNamed(pages, diagnostics: RecordingCollector())
        return (assembly.api.schemas.map(\.name), assembly)
    }

    @Test func actionBodiesAreNamedForTheResourceAndVerb() {
        // The body takes the resource and verb; the small `{detail, state}` answer its fields (see below).
        #expect(names([volumes]).names == ["DetailStateResponse", "Volume", "VolumeAttachRequest"])
        // A larger answer is named for the action too.
        let big = (1...4).map { Field(name: "f\($0)", type: .string) }
        let page = page("volumes.md", title: "Volumes", [action("volumes", "attach", body: [Field(name: "instance", type: .string)], response: big)])
        #expect(names([page]).names == ["VolumeAttachRequest", "VolumeAttachResponse"])
    }

    @Test func addingAnOperationThatSharesAShapeRenamesNothing() {
        let (before, first) = names([volumes])
        // A later action on the same page with the same response shape: the owner stays `attach`.
        var grown = volumes
        grown.operations.append(action("volumes", "detach", response: status))
        #expect(names([grown]).names == before)
        // One that sorts before it, on another page: the lock keeps the recorded name.
        let backups = page("backups.md", title: "Backups", [action("backups", "restore", response: status)])
        let (after, second) = names([backups, grown], lock: first.lock)
        #expect(Set(before).isSubset(of: Set(after)))
        #expect(second.renames.isEmpty)
        #expect(second.api.operations.first { $0.id == "backups_restore" }?.responses[0].type == .ref("DetailStateResponse"))
    }

    @Test func reorderingPagesRenamesNothing() {
        let backups = page("backups.md", title: "Backups", [action("backups", "restore", response: status)])
        let a = names([volumes, backups]).assembly.api
        let b = names([backups, volumes]).assembly.api
        #expect(a == b)
    }

    @Test func movingOperationsToAnotherPageRenamesNothing() {
        // One "Admin" page documents two collections whose plain names another page already holds; then the
        // docs split it into a page per collection. The shapes are named from their paths, not page titles.
        let mapping = volume + [Field(name: "reference", type: .string)]
        let created = mapping + [Field(name: "created", type: .string)]
        func ops(_ file: String, _ collection: String) -> [Operation] {
            let path = "/api/admin/arrow/\(collection)/"
            let id = "admin_arrow_" + collection.replacingOccurrences(of: "-", with: "_")
            return [
                Operation(id: id + "_list", resource: file, method: "GET", path: path,
                          responses: [Response(status: "200", type: .array(.object(mapping)))]),
                Operation(id: id + "_create", resource: file, method: "POST", path: path,
                          responses: [Response(status: "201", type: .object(created))]),
            ]
        }
        let others = page("customer-mappings.md", title: "Customer Mappings", [
            Operation(id: "customer_mappings_list", resource: "customer-mappings.md", method: "GET", path: "/api/customer-mappings/",
                      responses: [Response(status: "200", type: .array(.object(status)))]),
        ])
        let admin = page("admin.md", title: "Admin", ops("admin.md", "customer-mappings") + ops("admin.md", "settings"))
        let split = [page("admin-arrow-customer-mappings.md", title: "Admin Arrow Customer Mappings",
                          ops("admin-arrow-customer-mappings.md", "customer-mappings")),
                     page("admin-arrow-settings.md", title: "Admin Arrow Settings", ops("admin-arrow-settings.md", "settings"))]
        let before = names([others, admin]).names
        #expect(before.contains("AdminArrowCustomerMapping"))
        #expect(!before.contains("Admin"))
        #expect(names([others] + split).names == before)
    }

    @Test func wrappingAListInAnEnvelopeKeepsTheItemsName() {
        // `GET /api/volumes/` answers a list; a later release wraps it in a page envelope, or adds totals
        // beside it (Waldur's `database-stats` went from `[{table_name, …}]` to `{table_stats: […], …}`).
        func list(_ type: TypeRef) -> PageExtraction {
            page("volumes.md", title: "Volumes", [
                Operation(id: "volumes_list", resource: "volumes.md", method: "GET", path: "/api/volumes/",
                          responses: [Response(status: "200", type: type)]),
            ])
        }
        #expect(names([list(.array(.object(volume)))]).names == ["Volume"])
        let envelope: [Field] = [Field(name: "count", type: .integer), Field(name: "results", type: .array(.object(volume)))]
        #expect(names([list(.object(envelope))]).names == ["Volume", "Volumes"])
        let totals: [Field] = [Field(name: "attached_volumes", type: .array(.object(volume))), Field(name: "total", type: .any)]
        #expect(names([list(.object(totals))]).names == ["Volume", "Volumes"])
        // An array the field name does not say holds the collection is the answer's part, named from it.
        let parts: [Field] = [Field(name: "instances", type: .array(.object(volume))), Field(name: "total", type: .integer)]
        #expect(names([list(.object(parts))]).names == ["Volumes", "VolumesInstance"])
        // Two arrays of objects: neither is the list.
        let two = envelope + [Field(name: "errors", type: .array(.object(status)))]
        #expect(names([list(.object(two))]).names == ["Volumes", "VolumesError", "VolumesResult"])
        // When another operation claims the entity name directly, the items are named as nested shapes.
        let claimed = page("other.md", title: "Other", [
            Operation(id: "volumes_create", resource: "other.md", method: "POST", path: "/api/volumes/",
                      responses: [Response(status: "201", type: .object(status))]),
        ])
        #expect(names([list(.object(envelope)), claimed]).names == ["Volume", "Volumes", "VolumesResult"])
    }

    @Test func aSecondDocumentedNameDoesNotRenameTheType() {
        let body = [Field(name: "image", type: .string, required: true)]
        func upload(_ verb: String, _ documented: String) -> Operation {
            Operation(id: "offerings_\(verb)", resource: "o.md", method: "POST", path: "/api/offerings/{uuid}/\(verb)/",
                      requestBody: RequestBody(required: true, type: .object(body), documentedName: documented))
        }
        let (before, first) = names([page("o.md", title: "Offerings", [upload("update_image", "OfferingImageRequest")])])
        #expect(before == ["OfferingImageRequest"])
        // The same shape documented again under another name (which sorts first, on an earlier path).
        let grown = page("o.md", title: "Offerings", [upload("update_image", "OfferingImageRequest"), upload("add_image", "AddImageRequest")])
        let unpinned = names([grown]).assembly.api.schemas
        #expect(unpinned.count == 1)
        #expect(Set([unpinned[0].name] + unpinned[0].documentedNames) == ["OfferingImageRequest", "AddImageRequest"])
        let pinned = names([grown], lock: first.lock)
        #expect(pinned.names == ["OfferingImageRequest"])
        #expect(pinned.assembly.api.schemas[0].documentedNames == ["AddImageRequest"])
        #expect(pinned.assembly.renames.isEmpty)
    }

    @Test func aDocumentedNameIsNeverTakenByAnotherShape() {
        let ops = [
            // An undocumented create body whose CRUD name would be `ThingRequest`…
            Operation(id: "things_create", resource: "t.md", method: "POST", path: "/api/things/",
                      requestBody: RequestBody(required: true, type: .object([Field(name: "a", type: .string)]))),
            // …and another shape the SDK documents as `ThingRequest`.
            Operation(id: "things_update", resource: "t.md", method: "PUT", path: "/api/things/{uuid}/",
                      requestBody: RequestBody(required: true, type: .object([Field(name: "b", type: .string)]), documentedName: "ThingRequest")),
        ]
        let api = names([page("t.md", title: "Things", ops)]).assembly.api
        #expect(api.operations.first { $0.id == "things_update" }?.requestBody?.type == .ref("ThingRequest"))
        #expect(api.operations.first { $0.id == "things_create" }?.requestBody?.type != .ref("ThingRequest"))
    }

    @Test func theDocsRenamingAnOperationOrADocumentedNameIsReported() {
        let body = [Field(name: "image", type: .string, required: true)]
        func upload(_ id: String, _ documented: String) -> PageExtraction {
            page("o.md", title: "Offerings", [Operation(id: id, resource: "o.md", method: "POST", path: "/api/offerings/{uuid}/image/",
                                                       requestBody: RequestBody(required: true, type: .object(body), documentedName: documented))])
        }
        let first = names([upload("offerings_image", "OfferingImageRequest")]).assembly
        let second = names([upload("offerings_set_image", "ImageRequest")], lock: first.lock).assembly
        #expect(second.renames.map(\.description) == [
            "renamed type OfferingImageRequest → ImageRequest: the docs renamed it (OfferingImageRequest is no longer a documented name of this shape)",
            "renamed method offeringsImage → offeringsSetImage: the docs renamed the operation (offerings_image → offerings_set_image)",
        ])
        // Accepting renames chooses afresh and says so.
        let fresh = Assembler(lock: first.lock, honourLock: false).assembleNamed([upload("offerings_image", "OfferingImageRequest")],
                                                                                 diagnostics: RecordingCollector())
        #expect(fresh.renames.isEmpty)
    }

    @Test func theLockFileRoundTripsAndRejectsOtherLines() {
        let lock = names([volumes]).assembly.lock
        let text = lock.text(header: "// lock")
        #expect(NameLock.parse(text).lock == lock)
        #expect(NameLock.parse(text).invalid.isEmpty)
        #expect(lock.methods["POST /api/volumes/{uuid}/attach/"] == NameLock.MethodEntry(id: "volumes_attach", name: "volumesAttach"))
        #expect(NameLock.parse("type abc\n").invalid.map(\.0) == [1])
        // Spaces around and between words; comments, blank lines; ASCII and other text read alike.
        for extra in ["", " // é"] {
            let parsed = NameLock.parse("# c\n\n  type  abc   Name documented  \nmethod GET /a/ a_list aList\nmethod  GET   /b/ b_list bList\n//\(extra)\nbad line\n")
            #expect(parsed.lock.types["abc"] == NameLock.TypeEntry(name: "Name", documented: true))
            #expect(parsed.lock.methods["GET /a/"] == NameLock.MethodEntry(id: "a_list", name: "aList"))
            #expect(parsed.lock.methods["GET /b/"] == NameLock.MethodEntry(id: "b_list", name: "bList"))
            #expect(parsed.invalid.map(\.0) == [7] && parsed.invalid.map(\.1) == ["bad line"])
        }
        // A carriage return is not a line break of its own: a CR LF file's lines are not entries.
        #expect(NameLock.parse("type abc Name\r\ntype abd Other\r\n").lock.types.isEmpty)
    }
}
