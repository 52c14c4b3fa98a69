import ArgumentParser
import Docs2SwiftCore
import Foundation

/// Where a generated package gets Docs2SwiftRuntime: `--runtime-url`, `--runtime-path`, or by
/// default this docs2swift checkout, as a path relative to the output folder.
enum RuntimeLocation {
    static func resolve(path: String?, url: String?, version: String, output: String) throws -> EmitOptions.Runtime {
        if let url { return .url(url, from: version) }
        if let path { return .path(path) }
        // Sources/docs2swift/RuntimeLocation.swift → the package root, three levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) else {
            throw ValidationError("cannot find the docs2swift checkout for the runtime library; pass --runtime-path or --runtime-url")
        }
        let outputURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return .path(relativePath(from: outputURL.standardizedFileURL.path, to: root.standardizedFileURL.path))
    }

    /// `relativePath(from: "/a/b/out", to: "/a/b")` is `..`.
    static func relativePath(from: String, to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        if common == 0 { return to }
        let ups = Array(repeating: "..", count: a.count - common)
        let downs = b[common...].map(String.init)
        let parts = ups + downs
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
