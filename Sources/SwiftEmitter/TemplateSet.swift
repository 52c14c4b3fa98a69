import Docs2SwiftTemplates
import DocTree
import Foundation
import Mustache

/// The templates: the shipped defaults, each replaced by a file of the same name in a user folder
/// (`--templates DIR`). A user's template is checked when the set is loaded (a syntax error names its file
/// then); a default is compiled the first time it renders, once (a run that regenerates one page renders
/// one or two of the eight). Each template is rendered by `CompiledTemplate` when it compiles, else by
/// swift-mustache, with the same output. Rendering is strict about missing keys.
///
/// For example: `try TemplateSet.load(overrides: "my-templates")` uses `my-templates/models.mustache`
/// instead of the default and keeps the default `client.mustache`.
public struct TemplateSet: Sendable {
    public static let required = ["models", "client", "package", "server", "servernamespace", "fieldsources", "tests", "testsupport"]
    private let parsed: ParsedTemplates
    /// A digest of every template's name and text (the defaults and the overrides in use).
    public let digest: String

    public enum LoadError: Error, CustomStringConvertible {
        case missingDefaults
        case parse(file: String, message: String)
        case missingTemplate(String)
        case missingKeys(template: String, keys: [String])
        public var description: String {
            switch self {
            case .missingDefaults: return "the default templates are not installed next to the docs2swift binary"
            case .parse(let f, let m): return "\(f): error: cannot parse template: \(m)"
            case .missingTemplate(let n): return "no template named '\(n).mustache'"
            case .missingKeys(let t, let k): return "template '\(t)' uses key(s) its context does not have: \(k.joined(separator: ", "))"
            }
        }
    }

    /// The folder of the shipped templates.
    public static var defaultsFolder: String? { Docs2SwiftTemplates.directory?.path }

    /// Which renderer renders the templates.
    public enum Renderer: Sendable {
        /// `CompiledTemplate` for each template it compiles, swift-mustache for the others (and for all
        /// when one includes another).
        case compiled
        /// swift-mustache for every template: the reference the compiled renderer is tested against.
        case swiftMustache
    }

    public static func load(overrides: String? = nil, renderer: Renderer = .compiled) throws -> TemplateSet {
        guard let defaults = Docs2SwiftTemplates.directory else { throw LoadError.missingDefaults }
        var sources = readFolder(defaults.path)
        var templates: [String: MustacheTemplate] = [:]
        var compiled: [String: CompiledTemplate] = [:]
        if let overrides {
            for (name, source) in readFolder(overrides) {
                sources[name] = source
                // Compiled or parsed now, so that a syntax error names the user's file before any render.
                if renderer == .compiled, let template = CompiledTemplate.compile(source.text) {
                    compiled[name] = template
                } else {
                    templates[name] = try parse(source)
                }
            }
        }
        for name in required where sources[name] == nil { throw LoadError.missingTemplate(name) }
        var hasher = Digest.FNV1a()
        for name in sources.keys.sorted() { hasher.mix(name); hasher.mix(sources[name]!.text) }
        // A template that includes another (a partial, a parent) renders through a library of them all.
        let includes = sources.values.contains { source in ["{{>", "{{<", "{{="].contains { source.text.containsText($0) } }
        if includes {
            for (name, source) in sources where templates[name] == nil { templates[name] = try parse(source) }
        }
        let compiles = renderer == .compiled && !includes
        return TemplateSet(parsed: ParsedTemplates(sources: sources, parsed: templates, compiled: compiles ? compiled : [:],
                                                   library: includes, compiles: compiles),
                           digest: hasher.hex)
    }

    /// A template's text and the file it was read from.
    struct Source {
        var text: String
        var file: String
    }

    /// The `.mustache` files of a folder, by name without the extension.
    static func readFolder(_ path: String) -> [String: Source] {
        var out: [String: Source] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for file in files where file.hasSuffix(".mustache") {
            let full = (path as NSString).appendingPathComponent(file)
            guard let text = FileManager.default.contents(atPath: full).map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            out[String(file.dropLast(".mustache".count))] = Source(text: text, file: full)
        }
        return out
    }

    static func parse(_ source: Source) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: source.text)
        } catch {
            throw LoadError.parse(file: source.file, message: String(describing: error))
        }
    }

    /// Renders `context` with the named template; a key the template uses that the context lacks throws.
    func render(_ context: some TemplateNode, template name: String) throws -> String {
        let text: String
        let missed: Set<String>
        switch try parsed.template(name) {
        case .compiled(let template):
            var misses: Set<String> = []
            text = template.render(context, misses: &misses)
            missed = misses
        case .mustache(let template, let library):
            let misses = MissRecorder()
            text = template.render(StrictContext(root: context, misses: misses), library: library)
            missed = misses.names
        }
        if !missed.isEmpty { throw LoadError.missingKeys(template: name, keys: missed.sorted()) }
        return text
    }
}

/// The templates, each compiled or parsed by the first thread that renders it (the others wait for that one).
private final class ParsedTemplates: @unchecked Sendable {
    enum Parsed {
        case compiled(CompiledTemplate)
        case mustache(MustacheTemplate, MustacheLibrary?)
    }
    private final class Slot: @unchecked Sendable {
        let source: TemplateSet.Source
        let lock = NSLock()
        var parsed: Parsed?
        init(_ source: TemplateSet.Source, _ parsed: Parsed?) { self.source = source; self.parsed = parsed }
    }
    private let slots: [String: Slot]
    /// Every template, parsed, when one includes another.
    private let library: MustacheLibrary?
    /// Whether templates are compiled (`CompiledTemplate`) where they can be.
    private let compiles: Bool

    /// `parsed` and `compiled`: the templates made already (the user's), by name.
    init(sources: [String: TemplateSet.Source], parsed: [String: MustacheTemplate], compiled: [String: CompiledTemplate],
         library: Bool, compiles: Bool) {
        let library = library ? MustacheLibrary(templates: parsed) : nil
        slots = Dictionary(uniqueKeysWithValues: sources.map { name, source in
            (name, Slot(source, compiled[name].map { .compiled($0) } ?? parsed[name].map { .mustache($0, library) }))
        })
        self.library = library
        self.compiles = compiles
    }

    func template(_ name: String) throws -> Parsed {
        guard let slot = slots[name] else { throw TemplateSet.LoadError.missingTemplate(name) }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let known = slot.parsed { return known }
        let parsed: Parsed
        if compiles, let compiled = CompiledTemplate.compile(slot.source.text) {
            parsed = .compiled(compiled)
        } else {
            parsed = .mustache(try TemplateSet.parse(slot.source), library)
        }
        slot.parsed = parsed
        return parsed
    }
}
