// swift-tools-version:6.1
// libFuzzer harnesses; build them with scripts/fuzz (it passes -sanitize=fuzzer,address).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("..").standardizedFileURL.lastPathComponent
let fuzzing = Target.Dependency.product(name: "Docs2SwiftFuzzing", package: root)

let package = Package(
    name: "Docs2SwiftFuzz",
    dependencies: [.package(path: "..")],
    targets: ["FuzzMarkdown", "FuzzHTML", "FuzzJSON", "FuzzPage"].map {
        .executableTarget(name: $0, dependencies: [fuzzing])
    }
)
