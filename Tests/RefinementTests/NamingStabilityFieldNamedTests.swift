import APIModel
import DocTree
import Refinement
import Testing

/// Small answers of actions are named from their fields, so no other operation can rename them:
/// adding, removing or changing another action that returns the shape keeps its name without a lock.
@Suite struct NamingStabilityFieldNamedTests {
    func page(_ file: String, _ ops: [Operation]) -> PageExtraction {
        PageExtraction(resource: Resource(name: file, title: file), operations: ops, dialect: "test", reason: "")
    }

    func action(_ collection: String, _ verb: String, body: [Field]? = nil, response: [Field], status: String = "200") -> Operation {
        Operation(id: "\(collection)_\(verb)", resource: "\(collection).md", method: "POST", path: "/api/\(collection)/{uuid}/\(verb)/",
                  requestBody: body.map { RequestBody(required: true, type: .object($0)) },
                  responses: [Response(status: status, type: .object(response))])
    }

    /// The Swift type that answers operation `id`.
    func answer(_ pages: [PageExtraction], _ id: String) -> TypeRef? {
        Assembler().assembleNamed(pages, diagnostics: RecordingCollector()).api.operations.first { $0.id == id }?.responses.first?.type
    }

    func schemaNames(_ pages: [PageExtraction]) -> [String] {
        Assembler().assembleNamed(pages, diagnostics: RecordingCollector()).api.schemas.map(\.name)
    }

    let detail = [Field(name: "detail", type: .string)]
    let scope = [Field(name: "uuid", type: .string), Field(name: "scope_name", type: .string), Field(name: "scope_uuid", type: .string)]

    @Test func aSmallAnswerIsNamedFromItsFieldsInOrder() {
        let announcements = page("announcements.md", [action("maintenance-announcements", "cancel", response: detail, status: "202")])
        #expect(answer([announcements], "maintenance-announcements_cancel") == .ref("DetailResponse"))
        let status = [Field(name: "status", type: .string), Field(name: "detail", type: .string)]
        #expect(answer([page("a.md", [action("jobs", "retry", response: status)])], "jobs_retry") == .ref("StatusDetailResponse"))
    }

    @Test func addingOrRemovingAnotherActionThatSharesItRenamesNothing() {
        let announcements = page("announcements.md", [action("maintenance-announcements", "cancel", response: detail, status: "202")])
        // An action on a page and path that sort first returns the same shape: no rename, no lock.
        let instances = page("aws-instances.md", [action("aws-instances", "pull", response: detail, status: "202")])
        #expect(answer([instances, announcements], "maintenance-announcements_cancel") == .ref("DetailResponse"))
        // The first owner goes away: the name stays.
        #expect(answer([instances], "aws-instances_pull") == .ref("DetailResponse"))
    }

    @Test func aSmallAnswerWithOneUseLeftKeepsItsName() {
        let before = page("u.md", [action("user-group-invitations", "submit_request", response: scope),
                                   action("user-permission-requests", "cancel_request", response: scope)])
        #expect(answer([before], "user-group-invitations_submit_request") == .ref("UuidScopeNameScopeUuidResponse"))
        // The action that sorted first now answers a larger shape: the unchanged one keeps its name.
        let after = page("u.md", [action("user-group-invitations", "submit_request", response: scope + [Field(name: "auto_approved", type: .boolean)]),
                                  action("user-permission-requests", "cancel_request", response: scope)])
        #expect(answer([after], "user-permission-requests_cancel_request") == .ref("UuidScopeNameScopeUuidResponse"))
        #expect(answer([after], "user-group-invitations_submit_request") == .ref("UserGroupInvitationSubmitRequestResponse"))
    }

    @Test func shapesWithTheSameFieldNamesGetTypeWordsOnlyWhereTheyMeet() {
        let integer = page("disks.md", [action("vmware-disks", "extend", response: [Field(name: "size", type: .integer)])])
        let uri = page("instances.md", [action("aws-instances", "resize", response: [Field(name: "size", type: .primitive(.string, format: "uri"))])])
        #expect(answer([uri], "aws-instances_resize") == .ref("SizeResponse"))
        #expect(answer([integer], "vmware-disks_extend") == .ref("SizeResponse"))
        // Together: the one whose typed name sorts first (`SizeIntegerResponse`) keeps the plain name.
        #expect(answer([uri, integer], "vmware-disks_extend") == .ref("SizeResponse"))
        #expect(answer([uri, integer], "aws-instances_resize") == .ref("SizeUriResponse"))
        // Shapes that differ only in requiredness fall back to the action's name; the first keeps the plain one.
        let required = page("r.md", [action("jobs", "stop", response: [Field(name: "size", type: .integer, required: true)])])
        let names = Set(schemaNames([integer, required]))
        #expect(names.contains("SizeResponse") && names.count == 2 && !names.contains("SizeIntegerResponse2"))
    }

    @Test func bodiesEntitiesAndLargerOrNestedShapesKeepTheirRules() {
        let volume = [Field(name: "uuid", type: .primitive(.string, format: "uuid")), Field(name: "size", type: .integer)]
        let volumes = page("volumes.md", [
            Operation(id: "volumes_retrieve", resource: "volumes.md", method: "GET", path: "/api/volumes/{uuid}/",
                      responses: [Response(status: "200", type: .object(volume))]),
            // An action that returns the entity, and one with a small body.
            action("volumes", "pull", response: volume),
            action("volumes", "attach", body: [Field(name: "instance", type: .string)], response: detail),
            // A field that is an object or an enum: named for the action.
            action("volumes", "inspect", response: [Field(name: "state", type: .string, enumValues: ["ok", "erred"])]),
            action("volumes", "measure", response: [Field(name: "usage", type: .object([Field(name: "used", type: .integer)]))]),
        ])
        #expect(answer([volumes], "volumes_pull") == .ref("Volume"))
        #expect(Set(schemaNames([volumes])) == ["Volume", "VolumeAttachRequest", "DetailResponse", "VolumeInspectResponse", "State",
                                                "VolumeMeasureResponse", "VolumeMeasureResponseUsage"])
    }

    @Test func fieldNamesAreEscapedIntoOneIdentifier() {
        let odd = [Field(name: "non_field_errors", type: .array(.string)), Field(name: "2fa", type: .boolean), Field(name: "Type", type: .string)]
        #expect(answer([page("p.md", [action("projects", "move", response: odd)])], "projects_move") == .ref("NonFieldErrors2faTypeResponse"))
        // Names with no letters or digits fall back to the action's name.
        #expect(answer([page("p.md", [action("projects", "move", response: [Field(name: "-", type: .string)])])], "projects_move")
                == .ref("ProjectMoveResponse"))
    }

    @Test func errorAnswersAreNotNamedForTheEntity() {
        let error = [Field(name: "error", type: .string)]
        let stats = [Field(name: "vhosts", type: .integer), Field(name: "total_messages", type: .integer), Field(name: "total_queues", type: .integer),
                     Field(name: "uptime", type: .integer)]
        let get = Operation(id: "rabbitmq_stats_retrieve", resource: "r.md", method: "GET", path: "/api/rabbitmq-stats/",
                            responses: [Response(status: "200", type: .object(stats)), Response(status: "503", type: .object(error))])
        let api = Assembler().assembleNamed([page("r.md", [get])], diagnostics: RecordingCollector()).api
        // The answer keeps the collection's name whichever answer sorts first (one object, not a list: the
        // collection as it is, `RabbitmqStats`); the error body is named from its field.
        #expect(api.operations[0].responses.map(\.type) == [.ref("RabbitmqStats"), .ref("ErrorResponse")])
        // Two larger error shapes of one operation: the operation's name, then with the status (no number suffix).
        let errors = [Field(name: "errors", type: .array(.object([Field(name: "code", type: .integer), Field(name: "message", type: .string)])))]
        let detailed = [Field(name: "errors", type: .array(.object([Field(name: "code", type: .integer), Field(name: "detail", type: .string)])))]
        let patch = Operation(id: "lookups_partial_update", resource: "l.md", method: "PATCH", path: "/api/lookups/{id}/",
                              responses: [Response(status: "404", type: .object(errors)), Response(status: "422", type: .object(detailed))])
        #expect(answer([page("l.md", [patch])], "lookups_partial_update") == .ref("LookupsPartialUpdateResponse"))
        #expect(Set(schemaNames([page("l.md", [patch])])).contains("LookupsPartialUpdate422Response"))
    }
}
