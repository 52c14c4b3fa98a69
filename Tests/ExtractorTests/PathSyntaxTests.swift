import Extractors
import Testing

@Suite struct PathSyntaxTests {
    @Test(arguments: [
        ("/users/:username/", "/users/{username}/"),
        ("/a/(id)/", "/a/{id}/"),
        ("/a/(int:id)/b", "/a/{id}/b"),
        ("/api/v1/tenants/(string: tenant_id)/", "/api/v1/tenants/{tenant_id}/"),
        ("/kittens/<ID>", "/kittens/{ID}"),
        ("/x/<int:y>/", "/x/{y}/"),
        ("/x/{y}/z", "/x/{y}/z"),
        ("/x/{int:y}", "/x/{y}"),
        ("/repos/:owner/:repo/milestones", "/repos/{owner}/{repo}/milestones"),
        ("/files/:name.json", "/files/{name}.json"),
        ("/v1/<i>bucket</i>/items", "/v1/{bucket}/items"),
        ("/notes/{id}{?limit}", "/notes/{id}"),
        ("/search?q=x", "/search"),
        ("/a/b HTTP/1.1", "/a/b"),
        ("/time:now", "/time:now"),
    ])
    func forms(raw: String, expected: String) {
        #expect(PathSyntax.template(raw) == expected)
    }

    @Test func oddParameterTextIsReducedToAnIdentifierAndReported() {
        let r = PathSyntax.normalise("/messages/(string/message_id)/")
        #expect(r.path == "/messages/{message_id}/")
        #expect(r.oddities == ["string/message_id"])
        #expect(PathSyntax.normalise("/a/(id)/").oddities.isEmpty)
    }
}
