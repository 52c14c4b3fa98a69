import APIModel
import DocTree
import Docs2SwiftCore
import Foundation

/// A model for a development tool: a model JSON file (`docs2swift model DOCS -o FILE`), read with the
/// model's own `Codable` types, or documentation files and folders, read in-process with the
/// generator's pipeline (the options `docs2swift model` uses by default).
///
/// For example: `try ModelInput.load("../shared/corpus/waldur/docs")` reads the Waldur pages.
public enum ModelInput {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load(_ path: String) throws -> APIDescription {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Failure(description: "\(path): no such file or folder")
        }
        if !isFolder.boolValue, path.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "\(path): cannot read") }
            do {
                return try APIDescription.decode(data)
            } catch {
                throw Failure(description: "\(path): not a docs2swift model: \(error)")
            }
        }
        return try read([path]).api
    }

    /// The pipeline's result for documentation files or folders; throws when no operation is found
    /// (as `docs2swift model` exits 1).
    public static func read(_ paths: [String]) throws -> GeneratorPipeline.Result {
        let result = GeneratorPipeline().model(from: paths, diagnostics: RecordingCollector())
        if result.api.operations.isEmpty {
            throw Failure(description: "no API operations found in \(result.pages.count) page(s) of \(paths.joined(separator: " "))")
        }
        return result
    }
}

/// Sorts strings by Unicode code points (the order Python's `sorted` gives, which the tools' outputs
/// used before they were ported).
func codePointOrder(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
}
