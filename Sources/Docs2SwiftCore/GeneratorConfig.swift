import Foundation
import Yams

/// `docs2swift-config.json` (or `.yaml`): settings for `generate`, mainly for the build plugin.
/// Command-line options win over the file.
///
/// For example:
/// ```json
/// { "module": "PetAPI", "typePrefix": "Pet", "accessLevel": "internal", "emit": ["models", "client"], "templates": "templates" }
/// ```
public struct GeneratorConfig: Codable, Sendable, Equatable {
    public var module: String?
    public var typePrefix: String?
    /// `public` (default) or `internal`.
    public var accessLevel: String?
    public var emit: [String]?
    /// A templates folder, relative to the config file.
    public var templates: String?
    public var title: String?
    public var apiVersion: String?
    /// Choose Swift names afresh instead of keeping those of `docs2swift.lock` (as `--accept-renames`).
    public var acceptRenames: Bool?

    public init() {}

    public static func load(_ path: String) throws -> GeneratorConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("\(path): error: cannot read the config file")
        }
        do {
            var config: GeneratorConfig
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                config = try YAMLDecoder().decode(GeneratorConfig.self, from: String(decoding: data, as: UTF8.self))
            } else {
                config = try JSONDecoder().decode(GeneratorConfig.self, from: data)
            }
            if let t = config.templates, !t.hasPrefix("/") {
                config.templates = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(t).path
            }
            if let a = config.accessLevel, a != "public", a != "internal" {
                throw ConfigError("\(path): error: accessLevel must be \"public\" or \"internal\", not \"\(a)\"")
            }
            return config
        } catch let e as ConfigError {
            throw e
        } catch {
            throw ConfigError("\(path): error: invalid config: \(error)")
        }
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
