import APIModel
import DocTree

/// Which responses an operation has and which examples each one shows, for every reader: each
/// documented status (with what the docs say of it), each status an example shows, and the success
/// status (`successStatus` of them all; `200` added when no 2xx is there), in status order. An
/// example shows the response of its status (a success status the docs do not list, beside one they
/// do, is a slip: the documented success answer's); examples shown for no status are the success answer's
/// (of those no caption places, only the last when a request body was shown: the first was the request).
///
/// For example: documented `201`, `400`, examples `201 {"id": 1}` and `400 {"error": "x"}` → `201`
/// with the first example, `400` with the second (an error's body is never the success answer's).
extension OperationBuilder {
    public struct ResponseSlot {
        public var response: Response
        public var examples: [JSONExample]
    }

    /// The slots, and the index of the success one. `documented` keeps its descriptions and
    /// provenance; a status only an example shows is at `exampleProvenance` of its example (when
    /// given; else at `provenance`, the operation's).
    public static func responseSlots(documented: [Response], examples: [JSONExample], hasRequestBody: Bool, provenance: SourceLocation?,
                                     exampleProvenance: ((JSONExample) -> SourceLocation)? = nil) -> (slots: [ResponseSlot], success: Int) {
        var responses = documented
        let documentsSuccess = documented.contains { $0.isSuccess }
        var examples = examples
        var slips: [Int] = []
        for (i, e) in examples.enumerated() where e.kind != .request {
            guard let s = e.status, !responses.contains(where: { $0.status == s }) else { continue }
            // A success example of a status the docs do not list, where they list a success status
            // (`:statuscode 200` over an example `HTTP/1.1 201 Created`): the docs' status is the
            // answer, and the example shows its body.
            if documentsSuccess, s.hasPrefix("2") { slips.append(i); continue }
            responses.append(Response(status: s, description: "", type: nil, provenance: exampleProvenance?(e) ?? provenance))
        }
        let success = successStatus(responses.map(\.status))
        if !responses.contains(where: { $0.status == success }) { responses.append(undocumentedResponse(provenance: provenance)) }
        for i in slips { examples[i].status = success }
        var seen: Set<String> = []
        responses = responses.filter { seen.insert($0.status).inserted }.sorted { $0.status < $1.status }
        let slots = responses.map { r in
            var shown = examples.filter { $0.kind != .request && $0.status == r.status }
            if r.status == success {
                shown += examples.filter { $0.kind == .response && $0.status == nil }
                    + examples.filter { $0.kind == .unknown && $0.status == nil }.suffix(hasRequestBody ? 1 : Int.max)
            }
            return ResponseSlot(response: r, examples: shown)
        }
        return (slots, slots.firstIndex { $0.response.status == success } ?? 0)
    }
}
