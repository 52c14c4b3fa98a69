import Docs2SwiftCore
import Foundation
import Testing

@Suite struct TemplateTests {
    func api() -> APIDescription {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return GeneratorPipeline().model(from: ["input-docs/000_c829d6fb4bacecba.txt"], diagnostics: RecordingCollector()).api
    }

    func templatesFolder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("d2s-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test func aMissingKeyIsAnErrorNotAnEmptyString() throws {
        let folder = try templatesFolder(["models.mustache": "{{% CONTENT_TYPE: TEXT}}{{#structs}}struct {{nmae}} {}{{/structs}}"])
        do {
            _ = try Emission.files(for: api(), options: EmitOptions(outputs: [.models], module: "M", templatesFolder: folder))
            Issue.record("rendering with a misspelt key did not fail")
        } catch let error as TemplateSet.LoadError {
            #expect(String(describing: error).contains("nmae"))
        }
    }

    @Test func overridesReplaceOnlyTheirTemplate() throws {
        let folder = try templatesFolder(["models.mustache": "{{% CONTENT_TYPE: TEXT}}{{header}}\n{{#structs}}// custom {{name}}\n{{/structs}}"])
        let files = try Emission.files(for: api(), options: EmitOptions(outputs: [.models, .client], module: "M", templatesFolder: folder))
        let models = try #require(files.first { $0.path.hasPrefix("Sources/M/Models/") })
        #expect(models.contents.contains("// custom CallAssignmentConfiguration\n"))
        let client = try #require(files.first { $0.path.hasPrefix("Sources/M/Client/") })
        #expect(client.contents.contains("extension APIClient"))
    }

    /// Templates are parsed when they first render, but a user's template that includes another (a
    /// partial) renders it.
    @Test func anOverrideRendersThePartialItIncludes() throws {
        let folder = try templatesFolder(["models.mustache": "{{% CONTENT_TYPE: TEXT}}{{header}}\n{{#structs}}{{> item}}{{/structs}}",
                                          "item.mustache": "{{% CONTENT_TYPE: TEXT}}// item {{name}}\n"])
        let files = try Emission.files(for: api(), options: EmitOptions(outputs: [.models, .client], module: "M", templatesFolder: folder))
        let models = try #require(files.first { $0.path.hasPrefix("Sources/M/Models/") })
        #expect(models.contents.contains("// item CallAssignmentConfiguration\n"))
        let client = try #require(files.first { $0.path.hasPrefix("Sources/M/Client/") })
        #expect(client.contents.contains("extension APIClient"))
    }

    /// An operation a router cannot tell apart from an earlier one (same method, path differing only in a
    /// parameter name) gets no route, a comment naming the one that is routed, and no round-trip case.
    @Test func anOperationARouterCannotTellApartGetsNoRoute() throws {
        var api = api()
        let original = try #require(api.operations.first { $0.method == "GET" && $0.path.contains("{uuid}") })
        var twin = original
        twin.id += "_twin"
        twin.swiftName += "Twin"
        twin.path = original.path.replacingOccurrences(of: "{uuid}", with: "{config_uuid}")
        api.operations.append(twin)
        let files = try Emission.files(for: api, options: EmitOptions(outputs: [.models, .client, .server, .tests], module: "M"))
        let server = try #require(files.first { $0.path.hasPrefix("Sources/MServer/\(original.resource)") })
        #expect(server.contents.contains("// \(twin.swiftName): no route; GET \(original.path) (\(original.swiftName)) answers the same requests"))
        let routes = server.contents.components(separatedBy: "router.on(").count - 1
        #expect(routes == api.operations.filter { $0.resource == original.resource }.count - 1)
        let tests = try #require(files.first { $0.path == "Tests/MTests/\(original.resource)Tests.swift" })
        // Loopback cases come before `reads:`; live mode calls the real server, which routes both.
        let parts = tests.contents.components(separatedBy: "], reads: [")
        try #require(parts.count == 2)
        #expect(parts[0].contains("        \"\(original.swiftName)\",\n"))
        #expect(!parts[0].contains("        \"\(twin.swiftName)\",\n"))
        #expect(parts[1].contains("        \"\(twin.swiftName)\",\n"))
        #expect(tests.contents.contains("func \(twin.swiftName)() async throws"))
    }

    @Test func aTemplateSyntaxErrorNamesTheFile() throws {
        let folder = try templatesFolder(["client.mustache": "{{#operations}}unclosed"])
        #expect(throws: TemplateSet.LoadError.self) {
            _ = try TemplateSet.load(overrides: folder)
        }
    }

    @Test func docTextIsEscapedInLiteralsAndComments() {
        #expect(SwiftText.stringLiteral("a\"b\\(c)\n") == #""a\"b\\(c)\n""#)
        #expect(SwiftText.stringLiteral("x\u{202E}y") == #""x\u{202e}y""#)
        #expect(SwiftText.docLines("line one\nline\u{2028}two */ \u{0}\u{202E}") == ["line one", "line two */"])
    }
}
