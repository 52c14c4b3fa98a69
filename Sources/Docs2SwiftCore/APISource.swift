import APIDiff
import APIModel
import DocTree
import Foundation
import OpenAPIImport

/// One side of a diff: a docs folder or page, a model JSON (`docs2swift model`), or an OpenAPI
/// 3.0/3.1 document (JSON or YAML).
///
/// For example: `try APISource.load("../shared/corpus/waldur/openapi-8.0.5.yaml", pipeline: p, diagnostics: d)`.
public enum APISource {
    public static func load(_ path: String, pipeline: GeneratorPipeline, diagnostics: DiagnosticCollector) throws -> APIDescription {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ConfigError("\(path): error: no such file or folder")
        }
        let ext = InputFiles.ext(path)
        if !isDir.boolValue, ["json", "yaml", "yml"].contains(ext) {
            let data = FileManager.default.contents(atPath: path) ?? Data()
            if ext == "json", String(decoding: data.prefix(4096), as: UTF8.self).contains("\"formatVersion\"") {
                return try APIDescription.decode(data)
            }
            if OpenAPIImporter.looksLikeOpenAPI(data) { return try OpenAPIImporter().load(data, path: path, diagnostics: diagnostics) }
            throw ConfigError("\(path): error: neither a docs2swift model nor an OpenAPI document")
        }
        return pipeline.model(from: [path], diagnostics: diagnostics).api
    }

    public static func diff(old: String, new: String, pipeline: GeneratorPipeline, diagnostics: DiagnosticCollector) throws -> DiffReport {
        // Docs on both sides: NEW is named on top of OLD's names, as regenerating over OLD's
        // `docs2swift.lock` names it, so the Swift impact lists what a team's code sees.
        if isDocs(old), isDocs(new) {
            let first = pipeline.model(from: [old], diagnostics: diagnostics)
            var pinned = pipeline
            pinned.lock = first.lock
            let second = pinned.model(from: [new], diagnostics: diagnostics)
            return APIDiffer().diff(old: first.api, new: second.api, oldName: old, newName: new)
        }
        // The two sides are independent: read them at the same time.
        let results = ParallelMap.map(2) { i -> Result<APIDescription, Error> in
            Result { try load(i == 0 ? old : new, pipeline: pipeline, diagnostics: diagnostics) }
        }
        return APIDiffer().diff(old: try results[0].get(), new: try results[1].get(), oldName: old, newName: new)
    }

    /// A docs folder or page (not a model JSON or an OpenAPI document).
    static func isDocs(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return false }
        return isDir.boolValue || !["json", "yaml", "yml"].contains(InputFiles.ext(path))
    }
}
