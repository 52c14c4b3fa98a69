import Docs2SwiftCore
import Foundation
import Mustache
@testable import SwiftEmitter
import Testing

/// The compiled renderer (`CompiledTemplate`) writes what swift-mustache writes: for the shipped templates
/// with real contexts, and for random templates built from the pieces whose layout rules differ
/// (standalone tag lines, whitespace, newline kinds, escaping, pragmas, lookups up the stack).
@Suite struct CompiledTemplateTests {
    /// A context with one value of each kind, and lists of itself.
    struct Node: TemplateNode {
        var name: String
        var flag: Bool
        var count: Int
        var lines: [String]
        var items: [Node]
        func value(for key: TemplateKey) -> TemplateValue? {
            switch key {
            case .name: TemplateValue(name)
            case .hasBody: TemplateValue(flag)
            case .requests: TemplateValue(count)
            case .docLines: TemplateValue(lines)
            case .operations: TemplateValue(items)
            default: nil
            }
        }
    }

    static let root = Node(name: "Root & <co>", flag: true, count: 3, lines: ["a 'x'", "", "b\"y"], items: [
        Node(name: "first", flag: false, count: 0, lines: [], items: []),
        Node(name: "se\u{301}cond <\u{338}>", flag: true, count: 1, lines: ["only"], items: [
            Node(name: "inner", flag: false, count: 7, lines: ["i1", "i2"], items: []),
        ]),
    ])

    /// What each renderer writes for `text`, or nil where the compiler leaves the template to swift-mustache.
    static func both(_ text: String) -> (compiled: String, mustache: String, compiledMisses: [String], mustacheMisses: [String])? {
        guard let compiled = CompiledTemplate.compile(text) else { return nil }
        guard let mustache = try? MustacheTemplate(string: text) else {
            Issue.record("compiled a template swift-mustache rejects: \(text.debugDescription)")
            return nil
        }
        var misses: Set<String> = []
        let ours = compiled.render(root, misses: &misses)
        let recorder = MissRecorder()
        let theirs = mustache.render(StrictContext(root: root, misses: recorder), library: nil)
        return (ours, theirs, misses.sorted(), recorder.names.sorted())
    }

    @Test func theCasesWhereLayoutRulesDifferRenderAsSwiftMustacheRendersThem() throws {
        let cases = [
            "{{name}}\n",
            "{{{name}}} {{&name}} {{name}}",
            "{{% CONTENT_TYPE: TEXT}}\n{{name}}\n",
            "  {{#operations}}\n  - {{name}}\n  {{/operations}}\n",
            "{{#operations}}{{name}},{{/operations}}",
            "a {{#hasBody}}b{{/hasBody}} c\n",
            "  {{^hasBody}}\nno\n  {{/hasBody}}\nend",
            "{{#docLines}}\n///{{.}}\n{{/docLines}}\n",
            "{{#operations}}\n{{#docLines}}{{name}}:{{.}}\n{{/docLines}}\n{{/operations}}",
            "{{! a comment }}\nx\n  {{! standalone }}  \ny {{! inline }} z\n",
            "line\r\n{{#hasBody}}\r\nin\r\n{{/hasBody}}\r\n",
            "{{\nname}}",
            "trailing  ",
            "{{#hasBody}}x{{/hasBody}}  ",
            "{{#operations}}\n{{% CONTENT_TYPE: TEXT}}\n{{name}}\n{{/operations}}{{name}}",
            "{{nmae}} {{#missing}}x{{/missing}}{{^missing}}y{{/missing}}",
            "{{#operations}}{{text}}{{/operations}}{{#docLines}}[{{text}}]{{/docLines}}",
            "{{#requests}}{{requests}}/{{name}}{{/requests}}",
            "{{^operations}}none{{/operations}}{{#operations}}{{^operations}}leaf {{name}}{{/operations}}{{/operations}}",
            "{ {name} }{{ name }}",
            "\u{2028}{{#hasBody}}\u{85}x{{/hasBody}}\u{85}",
            "\t{{#hasBody}}\t\n\tx\n\t{{/hasBody}}\t\n",
        ]
        for text in cases {
            let result = try #require(Self.both(text), "not compiled: \(text.debugDescription)")
            #expect(result.compiled == result.mustache, "\(text.debugDescription)")
            #expect(result.compiledMisses == result.mustacheMisses, "\(text.debugDescription)")
        }
    }

    @Test func whatIsNotCompiledIsLeftToSwiftMustache() {
        for text in ["{{> item}}", "{{=<% %>=}}", "{{<parent}}{{/parent}}", "{{$block}}x{{/block}}", "{{uppercased(name)}}",
                     "{{a.b}}", "{{#.}}x{{/.}}", "{{#a}}", "{{/a}}", "{{#a}}{{/b}}", "{{name", "{{! open", "x {",
                     "{{% CONTENT_TYPE: JSON}}", "{{{name}}"] {
            #expect(CompiledTemplate.compile(text) == nil, "\(text.debugDescription)")
        }
    }

    /// 4,000 random templates: every one the compiler takes renders as swift-mustache renders it, and it
    /// takes most of them.
    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() {
        let pieces = ["a", "b c", " ", "  ", "\t", "\n", "\r\n", "\r", "{", "}", "<&>'\"", "{{name}}", "{{ name }}", "{{{name}}}",
                      "{{&name}}", "{{hasBody}}", "{{requests}}", "{{nmae}}", "{{text}}", "{{! note }}",
                      "{{% CONTENT_TYPE: TEXT}}", "{{% CONTENT_TYPE: HTML}}"]
        let sections = ["operations", "hasBody", "docLines", "requests", "missing"]
        var generator = SplitMix(seed: 0x5EED)
        var compiledCount = 0
        for _ in 0..<4000 {
            var text = ""
            var open: [String] = []
            for _ in 0..<generator.next(below: 24) {
                switch generator.next(below: 10) {
                case 0...1 where open.count < 3:
                    let name = sections[generator.next(below: sections.count)]
                    text += generator.next(below: 3) == 0 ? "{{^\(name)}}" : "{{#\(name)}}"
                    open.append(name)
                case 2 where !open.isEmpty:
                    text += "{{/\(open.removeLast())}}"
                case 3 where open.last == "docLines":
                    text += "{{.}}"
                default:
                    text += pieces[generator.next(below: pieces.count)]
                }
            }
            while let name = open.popLast() { text += (generator.next(below: 2) == 0 ? "\n" : "") + "{{/\(name)}}" }
            guard let result = Self.both(text) else { continue }
            compiledCount += 1
            #expect(result.compiled == result.mustache, "\(text.debugDescription)")
            #expect(result.compiledMisses == result.mustacheMisses, "\(text.debugDescription)")
        }
        #expect(compiledCount > 3000)
    }

    /// Every shipped template is compiled, and every file generated from the seed docs and the OpenAPI
    /// kinds fixture is the same bytes with swift-mustache rendering every template.
    @Test func theShippedTemplatesRenderAsSwiftMustacheRendersThem() throws {
        let folder = try #require(TemplateSet.defaultsFolder)
        for name in TemplateSet.required {
            let text = try String(contentsOfFile: "\(folder)/\(name).mustache", encoding: .utf8)
            #expect(CompiledTemplate.compile(text) != nil, "\(name) is not compiled")
        }
        for (_, api) in try seedAndKindsModels() {
            var options = EmitOptions(outputs: [.models, .client, .server, .tests], module: "M")
            options.templateSet = try TemplateSet.load(renderer: .compiled)
            let compiled = try Emission.files(for: api, options: options)
            options.templateSet = try TemplateSet.load(renderer: .swiftMustache)
            let mustache = try Emission.files(for: api, options: options)
            #expect(compiled.count == mustache.count)
            #expect(compiled.count > 10)
            for (ours, theirs) in zip(compiled, mustache) {
                #expect(ours.path == theirs.path)
                #expect(ours.contents == theirs.contents, "\(ours.path)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so the random cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
