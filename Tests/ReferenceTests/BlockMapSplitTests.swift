import Foundation
import OpenAPIKit
import OpenAPIKit30
@testable import OpenAPIImport
import Testing

/// `BlockMapSplit` cuts a block-style document at its paths' and schemas' entries, and the document read
/// from the cut entries is the one read from the whole tree; a document not laid out so is not cut.
@Suite struct BlockMapSplitTests {
    static let document = """
        openapi: 3.1.0
        info:
          title: Cut
          description: |
            paths:
              /not-a-path:
          version: "1"
        paths:
          # a comment line
          /things/:
            get:
              operationId: things_list
              description: >
                Folded text, the next line
                at the same depth.
              responses:
                "200":
                  description: The things.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Thing"

          "/things/{id}/":
            parameters:
              - name: id
                in: path
                required: true
                schema: {type: string,
                  format: uuid}
            get:
              operationId: things_read
              summary: "A summary on
                two lines"
              responses:
                "200":
                  description: One thing.
          ? /things/
          : get:
              operationId: things_list_again
              responses:
                "204":
                  description: Nothing.
        components:
          responses:
            Gone:
              description: Gone.
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
            Kind:
              type: string
              enum: [a, b]
        tags: []
        """

    @Test func cutsEachEntryAtItsLineAndKeepsTheRestsLines() throws {
        let split = try #require(BlockMapSplit.split(Self.document))
        #expect(split.paths.map(\.line) == [10, 24, 38])
        #expect(split.paths[0].text.hasPrefix("  # a comment line") == false)
        #expect(split.paths[1].text.hasPrefix("  \"/things/{id}/\":\n"))
        #expect(try #require(split.schemas).map(\.line) == [49, 53])
        let lines = split.rest.split(separator: "\n", omittingEmptySubsequences: false)
        let whole = Self.document.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == whole.count)
        #expect(lines[7] == "paths: {}")
        #expect(lines[47] == "  schemas: {}")
        #expect(lines[43] == "components:" && lines[44] == "  responses:" && lines[5] == "      /not-a-path:")
    }

    @Test func theDocumentReadFromItsEntriesIsTheWholeTreesOne() throws {
        let cut = try DocumentSplitDecoding.document31(from: Self.document, userInfo: [:])
        let whole = try DocumentSplitDecoding.decode(OpenAPIKit.OpenAPI.Document.self, from: YAMLNodeDecoder.root(Self.document), userInfo: [:],
                                                     convert: { $0 }, path: { $0 }, schema: { $0 })
        #expect(cut.0 == whole.0)
        // The path given twice keeps its last value at its first place.
        #expect(cut.0.paths.keys.map(\.rawValue) == ["/things/", "/things/{id}/"])
        #expect(cut.0.paths.first?.value.b?.get?.operationId == "things_list_again")
        #expect(cut.0.components.schemas.keys.map(\.rawValue) == ["Thing", "Kind"])
        #expect(cut.0.components.responses.count == 1)
    }

    @Test func aThreeZeroDocumentConvertedEntryByEntryIsTheWholeConversion() throws {
        let text = Self.document.replacingOccurrences(of: "openapi: 3.1.0", with: "openapi: 3.0.3")
            .replacingOccurrences(of: "name: {type: string}", with: "name: {type: string, nullable: true}")
        let cut = try DocumentSplitDecoding.document30(from: text, userInfo: [:])
        let whole = try YAMLNodeDecoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: text, hasMergeKeys: false, userInfo: [:])
            .convert(to: DocumentSplitDecoding.version31)
        #expect(cut.0 == whole)
    }

    @Test func aLeftOutPathIsReportedAtItsLineEitherWay() throws {
        let broken = Self.document.replacingOccurrences(of: "in: path", with: "in: nowhere")
        #expect(BlockMapSplit.split(broken) != nil)
        let cut = try DocumentSplitDecoding.document31(from: broken, userInfo: [:])
        let whole = try DocumentSplitDecoding.decode(OpenAPIKit.OpenAPI.Document.self, from: YAMLNodeDecoder.root(broken), userInfo: [:],
                                                     convert: { $0 }, path: { $0 }, schema: { $0 })
        #expect(cut.1.map(\.line) == [24])
        #expect(cut.1 == whole.1)
        #expect(cut.0 == whole.0)
    }

    @Test func anAliasOfAnotherEntrysAnchorIsReadFromTheWholeTree() throws {
        let text = Self.document
            .replacingOccurrences(of: "      description: The things.", with: "      description: &said The things.")
            .replacingOccurrences(of: "      description: One thing.", with: "      description: *said")
        #expect(BlockMapSplit.split(text) != nil)
        let read = try DocumentSplitDecoding.document31(from: text, userInfo: [:])
        #expect(read.0.paths.count == 2)
        let answer = read.0.paths["/things/{id}/"]?.b?.get?.responses.first?.value.b
        #expect(answer?.description == "The things.")
    }

    @Test(arguments: [
        ("JSON", #"{"openapi": "3.1.0", "paths": {"/a": {}}}"#),
        ("paths in flow style", "openapi: 3.1.0\npaths: {/a: {}}\n"),
        ("paths twice", "paths:\n  /a: {}\npaths:\n  /b: {}\n"),
        ("a tab before an entry", "paths:\n\t/a: {}\n"),
        ("a sequence for paths", "paths:\n  - /a\n"),
        ("a flow map for an entry", "paths:\n  {/a: {}}\n"),
        ("a line indented less than the first entry", "paths:\n    /a:\n      get: {}\n  /b: {}\n"),
        ("schemas twice", "paths:\n  /a: {}\ncomponents:\n  schemas:\n    A: {}\n  schemas:\n    B: {}\n"),
    ])
    func aDocumentNotLaidOutInBlockEntriesIsNotCut(_ kind: String, _ text: String) {
        #expect(BlockMapSplit.split(text) == nil, "\(kind)")
    }

    @Test func componentsWithoutBlockSchemasKeepThemInTheRest() throws {
        let text = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {}\ncomponents:\n  schemas: {A: {type: string}}\n"
        let split = try #require(BlockMapSplit.split(text))
        #expect(split.schemas == nil)
        #expect(split.rest.contains("schemas: {A: {type: string}}"))
        let read = try DocumentSplitDecoding.document31(from: text, userInfo: [:])
        #expect(read.0.components.schemas.keys.map(\.rawValue) == ["A"])
    }
}
