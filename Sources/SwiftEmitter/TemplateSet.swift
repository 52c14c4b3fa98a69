import Docs2SwiftTemplates
import DocTree
import Foundation
import Mustache

/// The parsed templates: the shipped defaults, each replaced by a file of the same name in a
/// user folder (`--templates DIR`). Parsed once; rendering is strict about missing keys.
///
/// For example: `try TemplateSet.load(overrides: "my-templates")` uses `my-templates/models.mustache`
/// instead of the default and keeps the default `client.mustache`.
public struct TemplateSet: Sendable {
    public static let required = ["models", "client", "package", "server", "servernamespace", "fieldsources", "tests", "testsupport"]
    let library: MustacheLibrary
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
        var (templates, sources) = try parseFolder(defaults.path)
        if let overrides {
            let (parsed, texts) = try parseFolder(overrides)
            for (name, t) in parsed { templates[name] = t }
            for (name, text) in texts { sources[name] = text }
        }
        for name in required where templates[name] == nil { throw LoadError.missingTemplate(name) }
        var hasher = Digest.FNV1a()
        for name in sources.keys.sorted() { hasher.mix(name); hasher.mix(sources[name]!) }
        return TemplateSet(library: MustacheLibrary(templates: templates), digest: hasher.hex)
    }

    static func parseFolder(_ path: String) throws -> ([String: MustacheTemplate], [String: String]) {
        var out: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let full = (path as NSString).appendingPathComponent(file)
            guard let text = FileManager.default.contents(atPath: full).map({ String(decoding: $0, as: UTF8.self) }) else { continue }
            do {
                out[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
                texts[String(file.dropLast(".mustache".count))] = text
            } catch {
                throw LoadError.parse(file: full, message: String(describing: error))
            }
        }
        return (out, texts)
    }

    /// Renders `context` with the named template; a key the template uses that the context lacks throws.
    public func render(_ context: some Sendable, template name: String) throws -> String {
        let misses = MissRecorder()
        let root = StrictContext.make(context, misses: misses)
        guard let text = library.render(root, withTemplate: name) else { throw LoadError.missingTemplate(name) }
        if !misses.names.isEmpty { throw LoadError.missingKeys(template: name, keys: misses.names.sorted()) }
        return text
    }
}
