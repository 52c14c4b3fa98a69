// swift-tools-version:6.1
// An example consumer of docs2swift: the PetAPI target holds doc pages and a config; the build plugin
// turns them into Swift at build time; pet-demo calls the generated client.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder: find the name of the docs2swift checkout two levels up.
/// The build plugin comes from the checkout; Docs2SwiftRuntime from its `Runtime/` package.
let docs2swift = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

let package = Package(
    name: "PetStore",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../.."),
        .package(path: "../../Runtime"),
    ],
    targets: [
        .target(
            name: "PetAPI",
            dependencies: [.product(name: "Docs2SwiftRuntime", package: "Runtime")],
            plugins: [.plugin(name: "Docs2SwiftBuildPlugin", package: docs2swift.lastPathComponent)]
        ),
        .executableTarget(
            name: "pet-demo",
            dependencies: ["PetAPI", .product(name: "Docs2SwiftRuntime", package: "Runtime")]
        ),
    ]
)
