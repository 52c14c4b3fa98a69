import Docs2SwiftTemplates
import DocTree
import Foundation
import Mustache

/// The templates: the shipped defaults, each replaced by a file of the same name in a user folder
/// (`--templates DIR`). A user's template is parsed when the set is loaded (a syntax error names its file
/// then); a default is parsed the first time it renders, once: swift-mustache's parser takes time that
/// grows with the square of a template's length (91 M instructions for the shipped 31 kB), and a run that
/// regenerates one page renders one or two of the eight. Rendering is strict about missing keys.
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

    public static func load(overrides: String? = nil) throws -> TemplateSet {
        guard let defaults = Docs2SwiftTemplates.directory else { throw LoadError.missingDefaults }
        var sources = readFolder(defaults.path)
        var templates: [String: MustacheTemplate] = [:]
        if let overrides {
            for (name, source) in readFolder(overrides) {
                sources[name] = source
                templates[name] = try parse(source)
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
        return TemplateSet(parsed: ParsedTemplates(sources: sources, parsed: templates, library: includes), digest: hasher.hex)
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
    public func render(_ context: some Sendable, template name: String) throws -> String {
        let misses = MissRecorder()
        let root = StrictContext.make(context, misses: misses)
        let (template, library) = try parsed.template(name)
        let text = template.render(root, library: library)
        if !misses.names.isEmpty { throw LoadError.missingKeys(template: name, keys: misses.names.sorted()) }
        return text
    }
}

/// The templates, each parsed by the first thread that renders it (the others wait for that one).
private final class ParsedTemplates: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        let source: TemplateSet.Source
        let lock = NSLock()
        var template: MustacheTemplate?
        init(_ source: TemplateSet.Source, _ template: MustacheTemplate?) { self.source = source; self.template = template }
    }
    private let slots: [String: Slot]
    /// Every template, parsed, when one includes another.
    private let library: MustacheLibrary?

    init(sources: [String: TemplateSet.Source], parsed: [String: MustacheTemplate], library: Bool) {
        slots = Dictionary(uniqueKeysWithValues: sources.map { ($0.key, Slot($0.value, parsed[$0.key])) })
        self.library = library ? MustacheLibrary(templates: parsed) : nil
    }

    func template(_ name: String) throws -> (MustacheTemplate, MustacheLibrary?) {
        guard let slot = slots[name] else { throw TemplateSet.LoadError.missingTemplate(name) }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let known = slot.template { return (known, library) }
        let template = try TemplateSet.parse(slot.source)
        slot.template = template
        return (template, library)
    }
}
