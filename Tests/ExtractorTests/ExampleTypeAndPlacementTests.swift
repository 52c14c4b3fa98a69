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
}
