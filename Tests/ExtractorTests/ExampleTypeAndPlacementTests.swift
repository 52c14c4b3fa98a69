import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// Two decisions that must match what the generated code can do: a string is typed as a date-time only
/// in the form the runtime decodes, and a field list of a GET describes the answer, not a request body.
/// Synthetic snippets written for these tests.
@Suite struct ExampleTypeAndPlacementTests {
    func page(_ markdown: String) throws -> PageExtraction {
        let d = RecordingCollector()
        return try #require(DialectRegistry().extract(MarkdownParser().parse(markdown, file: "p.md", diagnostics: d), diagnostics: d), "\(d.diagnostics)")
    }

    func responseFields(_ op: Operation?) -> [String: TypeRef] {
        guard case .object(let fields)? = op?.responses.first?.type else { return [:] }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.type) })
    }

    @Test func dateTimeOnlyWithAZone() throws {
        let p = try page("""
        # Clock

        `GET /api/now`

        ```json
        {"iso": "2026-06-13T15:33:52+02:00", "utc": "2026-06-13T13:33:52.5Z", "compact": "2026-06-13 15:33:52+0200",
         "named": "2026-06-13 15:33:52 CEST", "local": "2026-06-13T15:33:52", "day": "2026-06-13"}
        ```
        """)
        let f = responseFields(p.operations.first)
        let dateTime = TypeRef.primitive(.string, format: "date-time")
        #expect(f["iso"] == dateTime && f["utc"] == dateTime && f["compact"] == dateTime, "\(f)")
        #expect(f["named"] == .primitive(.string, format: nil) && f["local"] == .primitive(.string, format: nil), "\(f)")
        #expect(f["day"] == .primitive(.string, format: "date"))
    }

    @Test func fieldListOfAGetIsTheAnswers() throws {
        let p = try page("""
        # Memory

        `GET /api/mem`

        ```json
        {"total": 1024, "free": 12}
        ```

        Fields descriptions:

        * **total**: Total memory (unit is *bytes*)
        * **free**: Free memory (unit is *bytes*)

        # Rename

        `PUT /api/name`

        Fields descriptions:

        * **name**: The new name
        """)
        let get = p.operations.first { $0.method == "GET" }
        #expect(get?.requestBody == nil)
        #expect(Set(responseFields(get).keys) == ["total", "free"])
        // A method with a body keeps such a list as the request's.
        #expect(p.operations.first { $0.method == "PUT" }?.requestBody != nil)
    }

    @Test func emptyListExampleHoldsTheDocumentedObjects() throws {
        let p = try page("""
        # Alerts

        `GET /api/alerts`

        The response when no alert is active:

        ```json
        []
        ```

        Fields:

        * **begin**: Begin timestamp of the event (integer)
        * **state**: State of the event (string)
        """)
        guard case .array(.object(let fields))? = p.operations.first?.responses.first?.type else {
            Issue.record("\(String(describing: p.operations.first?.responses.first?.type))"); return
        }
        #expect(fields.map(\.name) == ["begin", "state"])
    }

    /// A UUID-shaped example value is a UUID only under a key that names one; `"bucket_id": "2f9b…"` is a
    /// string (a Kinto bucket id is any name: `"blog"`). A type the docs give (`uuid` in a field list) stays.
    @Test func uuidOnlyWhereTheKeySaysSo() throws {
        let p = try page("""
        # Permissions

        `GET /api/permissions`

        ```json
        {"bucket_id": "2f9b1aaa-552d-48e8-1b78-371dd08688b3", "uuid": "2f9b1aaa-552d-48e8-1b78-371dd08688b3",
         "project_uuid": "2f9b1aaa-552d-48e8-1b78-371dd08688b3", "ids": ["2f9b1aaa-552d-48e8-1b78-371dd08688b3"],
         "memberUUIDs": ["2f9b1aaa-552d-48e8-1b78-371dd08688b3"]}
        ```

        # Owner

        `GET /api/owner`

        Fields:

        * **owner** (uuid): The owner
        """)
        let f = responseFields(p.operations.first)
        let uuid = TypeRef.primitive(.string, format: "uuid"), string = TypeRef.primitive(.string, format: nil)
        #expect(f["bucket_id"] == string && f["ids"] == .array(string), "\(f)")
        #expect(f["uuid"] == uuid && f["project_uuid"] == uuid && f["memberUUIDs"] == .array(uuid), "\(f)")
        #expect(responseFields(p.operations.last)["owner"] == uuid)
        // The rule is the inference's, wherever the example comes from (a top-level array, nested objects).
        let nested = ExampleTypes.infer([.array([.object([("group", .object([("id", .string("2f9b1aaa-552d-48e8-1b78-371dd08688b3")),
                                                                                ("guid", .string("2f9b1aaa-552d-48e8-1b78-371dd08688b3"))]))])])])
        #expect(nested == .array(.object([Field(name: "group", type: .object([Field(name: "id", type: string),
                                                                              Field(name: "guid", type: uuid)]))])))
    }

    /// Keys that are values (room ids, namespaced event types, numbers, user ids) make a map, at any depth;
    /// names (`@type`, `$ref`, `snake_case`, `Content-Type`) keep an object.
    @Test func objectsKeyedByValuesAreMaps() throws {
        let p = try page("""
        # Memberships

        `GET /api/users/{user_id}/memberships`

        ```json
        {"memberships": {"!DuGcnbhHGaSZQoNQR:matrix.org": "join", "!ZtSaPCawyWtxfWiIy:matrix.org": "leave"},
         "account_data": {"global": {"m.secret_storage.key.LmIGHTg5W": {"algorithm": "aes"}, "im.vector.hide_profile": {"hide_profile": true}},
                          "rooms": {"!GUdfZSHUJibpiVqHYd:matrix.org": {"m.fully_read": {"event_id": "$156334540fYIhZ:matrix.org"}}}},
         "by_layer": {"12": {"count": 1}, "15": {"count": 2}},
         "devices": {"@alice:example.org": ["ABC"]}}
        ```
        """)
        let f = responseFields(p.operations.first)
        #expect(f["memberships"] == .map(.primitive(.string, format: nil)), "\(f)")
        #expect(f["by_layer"] == .map(.object([Field(name: "count", type: .integer)])), "\(f)")
        #expect(f["devices"] == .map(.array(.primitive(.string, format: nil))), "\(f)")
        guard case .object(let data)? = f["account_data"] else { Issue.record("\(f)"); return }
        let global = data.first { $0.name == "global" }?.type, rooms = data.first { $0.name == "rooms" }?.type
        // The event types' contents merge.
        #expect(global == .map(.object([Field(name: "algorithm", type: .primitive(.string, format: nil)),
                                        Field(name: "hide_profile", type: .boolean)])), "\(String(describing: global))")
        #expect(rooms == .map(.map(.object([Field(name: "event_id", type: .primitive(.string, format: nil))]))))
        for names in [["@type", "$ref"], ["snake_case", "Content-Type"], ["@odata.count", "value"], ["adstage:link", "curies"], ["ea:basket"]] {
            let t = ExampleTypes.infer([.object(names.map { ($0, .integer) })])
            guard case .object = t else { Issue.record("\(names): \(t)"); continue }
        }
    }

    /// A field only an example shows is optional (the server's records have their own fields, Kinto's
    /// example record has `baz`); one the docs' list marks required stays required, with the example's type.
    @Test func exampleOnlyFieldsAreOptionalDocumentedRequiredStays() throws {
        let p = try page("""
        # Records

        `GET /buckets/{bucket_id}/records`

        **Response**

        - `id` - string - Required. The record's id.

        ```json
        {"id": "ab12", "baz": "foo", "last_modified": 1434641515332}
        ```
        """)
        guard case .object(let fields)? = p.operations.first?.responses.first?.type else { Issue.record("no object"); return }
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        #expect(byName["id"]?.required == true)
        #expect(byName["baz"]?.required == false && byName["last_modified"]?.required == false, "\(fields)")
        #expect(byName["last_modified"]?.type == .integer)
    }

    /// A field whose members the docs list as nested bullets, shown as an array in the example, is an array
    /// of those objects (Synapse's `rooms`, `users`, `devices`, `media`: "An array of objects, each …").
    @Test func nestedBulletsUnderAnArrayFieldAreItsItems() throws {
        let p = try page("""
        # Rooms

        `GET /rooms`

        ```json
        {"rooms": [{"room_id": "!a:x", "name": "A"}], "total": 1, "empty": []}
        ```

        **Response**

        - `rooms` - An array of objects, each containing information about a room.
          - `room_id` - string - The ID of the room.
          - `name` - string - The name of the room.
        - `empty` - A list, empty here.
          - `id` - string - An id.
        - `total` - integer - The number of rooms.
        """)
        let f = responseFields(p.operations.first)
        guard case .array(.object(let items))? = f["rooms"] else { Issue.record("\(f)"); return }
        #expect(items.map(\.name) == ["room_id", "name"])
        guard case .array(.object)? = f["empty"] else { Issue.record("\(f)"); return }
        #expect(f["total"] == .integer)
    }

    /// A whole number shown for a field the docs measure in a continuous unit is a number (Glances'
    /// `cpu_percent`, `time_since_update`: `(unit is *percent*)`, `(unit is *seconds*)`); a count stays an integer.
    @Test func wholeExampleOfAContinuousUnitIsANumber() throws {
        let p = try page("""
        # Programs

        `GET /api/programlist`

        ```json
        [{"cpu_percent": 0, "time_since_update": 1, "num_threads": 4, "memory_info": 2048}]
        ```

        Fields descriptions:

        * **cpu_percent**: Process CPU consumption (unit is *percent*)
        * **time_since_update**: Number of seconds since last update (unit is *seconds*)
        * **num_threads**: Number of threads (unit is *number*)
        * **memory_info**: Memory used (unit is *byte*)
        """)
        guard case .array(.object(let fields))? = p.operations.first?.responses.first?.type else { Issue.record("no array"); return }
        let t = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.type) })
        let number = TypeRef.primitive(.number, format: "double")
        #expect(t["cpu_percent"] == number && t["time_since_update"] == number, "\(t)")
        #expect(t["num_threads"] == .integer && t["memory_info"] == .integer, "\(t)")
        #expect(ExampleTypes.widened(.integer, description: "Temperature in °C") == number)
        #expect(ExampleTypes.widened(.primitive(.string, format: nil), description: "percent") == .primitive(.string, format: nil))
    }
}
