@testable import APIModel
import DocTree
import Foundation
import Testing

/// The byte-level fast paths naming takes for ASCII text give what the character-level rules give.
@Suite struct ByteFastPathTests {
    static let words = [
        "Policies", "policies", "POLICIES", "Ties", "ies", "Classes", "Boxes", "Matches", "Wishes", "Statuses", "STATUSES",
        "Bonuses", "Campuses", "Viruses", "Buses", "Aliases", "Canvases", "Causes", "Address", "Status", "Analysis", "Users",
        "us", "as", "s", "ss", "Os", "Gas", "Projects", "project", "", "Data", "customer-mappings", "call_capacities", "Xes",
    ]

    @Test func singularOnBytesIsSingularByCharacters() {
        for word in Self.words {
            #expect(Naming.asciiSingular(word) == Naming.characterSingular(word), "\(word)")
        }
        #expect(Naming.asciiSingular("Cafés") == nil)
        #expect(Naming.singular("Cafés") == "Café")
    }

    @Test func segmentsOnBytesAreTheSplitByCharacters() {
        let paths = ["/api/users/{uuid}/", "api//users", "/", "", "//", "a", "/a/b/c", "/v1/customers/{id}/keys/{key_id}",
                     "/café/{id}/", "/x/\u{301}/y"]
        for path in paths {
            #expect(PathTemplate.segments(path) == path.split(separator: "/"), "\(path)")
        }
        #expect(RelativePath.splitSegments("/api/users/").ascii)
        #expect(!RelativePath.splitSegments("/café/").ascii)
    }

    /// Paths rebased onto a folder by one function made for many (`rebasing(onto:)`), relative and absolute.
    @Test func rebasingManyPathsResolvesTheFolderOnce() {
        let cwd = RelativePath.absolute(FileManager.default.currentDirectoryPath, base: "/")
        let rebase = RelativePath.rebasing(onto: "generated")
        #expect(rebase("input-docs/a.md") == "../input-docs/a.md")
        #expect(rebase(cwd + "/generated/x.md") == "x.md")
        #expect(rebase(cwd + "/generated") == ".")
        #expect(RelativePath.rebasing(onto: "out/../a/b")("c/./d.md") == "../../c/d.md")
        let relative = RelativePath.fromWorkingDirectory()
        #expect(relative(cwd + "/docs/") == "docs/")
        #expect(relative("docs/a.md") == "docs/a.md")
        #expect(relative(cwd) == ".")
    }

    @Test func routeOnBytesIsThePositionalTemplateSplitAndJoined() {
        let paths = ["/profiles/{uuid}/items/", "/profiles/{profile_uuid}//items", "/a/{x}{y}/b/{z}", "/{db}", "/", "", "//",
                     "/files/{path/with/slash}/x", "/open/{brace/never/closed", "/a/}{/b", "/v1/{id}.json", "/café/{id}/"]
        for path in paths {
            #expect(PathTemplate.route(path) == PathTemplate.segments(PathTemplate.positional(path).path).joined(separator: "/"), "\(path)")
        }
        #expect(PathTemplate.route("/profiles/{uuid}//items/") == "profiles/{p2}/items")
    }

    @Test func typeNameOfALeadingDigit() {
        #expect(Naming.typeName("2fa") == "_2fa")
        #expect(Naming.typeName("fa2") == "Fa2")
    }
}
