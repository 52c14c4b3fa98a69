// swift-tools-version:6.0
// The runtime benchmark of generated models (scripts/bench-models): generated Waldur models against
// hand-written twins with synthesized conformances, and against swift-openapi-generator's types of the
// same pages. Not part of CI: it needs the Waldur corpus (../shared), and scripts/bench-models generates
// the models package and the OpenAPI document it depends on first.
import Foundation
import PackageDescription

/// The generated models package (`docs2swift generate … --emit models --module WaldurModels`).
let models = ProcessInfo.processInfo.environment["BENCH_MODELS_PACKAGE"] ?? "../.build/bench-models/WaldurModels"

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../Runtime"),
        .package(path: models),
        // swift-openapi-generator's types of the same pages (scripts/bench-models writes their openapi.json).
        .package(path: "SOGTypes"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
    ],
    targets: [
        .target(name: "Twins", dependencies: [.product(name: "Docs2SwiftRuntime", package: "Runtime")]),
        .executableTarget(name: "bench-models", dependencies: [
            "Twins",
            .product(name: "Docs2SwiftRuntime", package: "Runtime"),
            .product(name: "WaldurModels", package: "WaldurModels"),
            .product(name: "SOGTypes", package: "SOGTypes"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        ]),
    ]
)
