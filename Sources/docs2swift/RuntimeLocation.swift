import ArgumentParser
import Docs2SwiftCore
import Foundation

/// Where a generated package gets Docs2SwiftRuntime and Docs2SwiftServerRuntime: `--runtime-url`
/// (with `--server-runtime-url` for server output), `--runtime-path`, or by default this docs2swift
/// checkout's `Runtime/` folder, as a path relative to the output folder.
///
/// For example: `--output generated` in a checkout gives `.path("../Runtime")`.
enum RuntimeLocation {
    static func resolve(path: String?, url: String?, serverURL: String?, version: String, output: String, needsServer: Bool) throws -> EmitOptions.Runtime {
        if let url {
            if needsServer, serverURL == nil {
                throw ValidationError("--runtime-url needs --server-runtime-url for server output: a git dependency cannot name the Runtime/Server/ subfolder, so mirror it as its own repository")
            }
            return .url(url, from: version, server: serverURL)
        }
        let outputURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if let path {
            // A docs2swift checkout (as before the runtime was its own package) means its Runtime/ folder.
            let base = path.hasPrefix("/") ? URL(fileURLWithPath: path) : outputURL.appendingPathComponent(path)
            let inCheckout = FileManager.default.fileExists(atPath: base.appendingPathComponent("Runtime/Package.swift").path)
            return .path(inCheckout ? (path.hasSuffix("/") ? path + "Runtime" : path + "/Runtime") : path)
        }
        // Sources/docs2swift/RuntimeLocation.swift → the package root, three levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let runtime = root.appendingPathComponent("Runtime")
        guard FileManager.default.fileExists(atPath: runtime.appendingPathComponent("Package.swift").path) else {
            throw ValidationError("cannot find the docs2swift runtime package (Runtime/Package.swift); pass --runtime-path or --runtime-url")
        }
        return .path(RelativePath.from(outputURL.standardizedFileURL.path, to: runtime.standardizedFileURL.path))
    }
}
