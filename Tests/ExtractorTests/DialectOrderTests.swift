import APIModel
import DocTree
import Extractors
import MarkdownFrontEnd
import Testing

/// The dialect order (`DialectClaim`) is the one rule that picks a page's dialect.
@Suite struct DialectOrderTests {
    @Test func everyDefaultDialectHasClaimsAndIsAskedInTheirOrder() {
        let names = DialectRegistry().dialects.map(\.name)
        for name in names { #expect(DialectClaim.allCases.contains { $0.dialect == name }, "\(name) has no place in DialectClaim") }
        for claim in DialectClaim.allCases { #expect(names.contains(claim.dialect), "\(claim) names no registered dialect") }
        let firstClaims = names.map { n in DialectClaim.allCases.first { $0.dialect == n }! }
        #expect(firstClaims == firstClaims.sorted())
    }

    @Test func theHigherClaimWinsWhicheverDialectIsAskedFirst() {
        // A Widdershins page also reads as hand-written Markdown; widdershinsCaptions is higher.
        let md = "# Pets\n\n## getPet\n\n`GET /pets/{id}`\n\n> Example responses\n\n```json\n{\"id\": 1}\n```\n"
        let d = RecordingCollector()
        let doc = MarkdownParser().parse(md, file: "p.md", diagnostics: d)
        #expect(GenericDialect().recognise(doc).claim == .handWrittenMarkdown)
        #expect(WiddershinsDialect().recognise(doc).claim == .widdershinsCaptions)
        let reversed = DialectRegistry(dialects: [GenericDialect(), WiddershinsDialect()])
        #expect(reversed.extract(doc, diagnostics: d)?.dialect == "widdershins")
    }
}
