// swift-tools-version:6.1
import PackageDescription

/// The runtime products, from the packages in Runtime/ and Runtime/Server/.
let runtime: Target.Dependency = .product(name: "Docs2SwiftRuntime", package: "Runtime")
let serverRuntime: Target.Dependency = .product(name: "Docs2SwiftServerRuntime", package: "Server")

let package = Package(
    name: "docs2swift",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docs2swift", targets: ["docs2swift"]),
        .executable(name: "docs2swift-check", targets: ["docs2swift-check"]),
        // Development tools (scripts/dev), not shipped.
        .executable(name: "docs2swift-dev", targets: ["DevTools"]),
        .library(name: "Docs2SwiftCore", targets: ["Docs2SwiftCore"]),
        .library(name: "Docs2SwiftFuzzing", targets: ["Docs2SwiftFuzzing"]),
        .plugin(name: "Docs2SwiftBuildPlugin", targets: ["Docs2SwiftBuildPlugin"]),
        .plugin(name: "GenerateFromDocs", targets: ["GenerateFromDocs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        // The runtime generated code imports: its own packages (Runtime/Package.swift), used here by the tests.
        .package(path: "Runtime"),
        .package(path: "Runtime/Server"),
        // Only for the tests that build generated server code (the server runtime brings it anyway).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // System libraries (Debian: libcmark-dev, libxml2-dev).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Stage 0: shared document tree and diagnostics.
        .target(name: "DocTree"),
        // Stage 1: front ends.
        .target(name: "MarkdownFrontEnd", dependencies: ["DocTree", "CCmark"]),
        .target(name: "TextFrontEnd", dependencies: ["DocTree"]),
        .target(name: "HTMLFrontEnd", dependencies: ["DocTree", "CLibXML2"]),
        // Stage 2/3: model and extractors.
        .target(name: "APIModel", dependencies: ["DocTree"]),
        .target(name: "Extractors", dependencies: ["DocTree", "APIModel"]),
        .target(name: "Refinement", dependencies: ["APIModel", "DocTree"]),
        // Stage 4: emitters.
        .target(name: "Docs2SwiftTemplates", path: "Templates", exclude: ["CONTEXT.md"], resources: [.copy("Swift")]),
        .target(name: "SwiftEmitter", dependencies: [
            "APIModel", "DocTree", "Docs2SwiftTemplates",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "OpenAPIExport", dependencies: [
            "APIModel",
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "OpenAPIImport", dependencies: [
            "APIModel", "DocTree",
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Entry points for the libFuzzer harnesses in Fuzz/.
        .target(name: "Docs2SwiftFuzzing", dependencies: [
            "APIModel", "DocTree", "Extractors", "HTMLFrontEnd", "MarkdownFrontEnd", "Refinement", "TextFrontEnd",
        ]),
        // API diff between two models.
        .target(name: "APIDiff", dependencies: ["APIModel", "SwiftEmitter"]),
        // Checks the docs against a live server: plans requests from the model, compares answers with it.
        .target(name: "LiveCheck", dependencies: ["APIModel", "DocTree", runtime]),
        // Pipeline and output writer.
        .target(name: "Docs2SwiftCore", dependencies: [
            "DocTree", "MarkdownFrontEnd", "TextFrontEnd", "HTMLFrontEnd", "APIModel", "Extractors", "Refinement", "SwiftEmitter", "OpenAPIExport",
            "OpenAPIImport", "APIDiff",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Stage 5: CLI.
        .executableTarget(name: "docs2swift", dependencies: [
            "Docs2SwiftCore", "APIDiff", "DocTree",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `docs2swift check` (the live check): its own executable, so that the other commands do not load
        // FoundationNetworking (see CheckForwarding).
        .executableTarget(name: "docs2swift-check", dependencies: [
            "Docs2SwiftCore", "LiveCheck",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // URLSession's libcurl, named for a link with the Swift libraries static (scripts/build-release).
            .linkedLibrary("curl", .when(platforms: [.linux])),
        ]),
        // Development tools behind scripts/dev: built on the model types and the pipeline, not shipped.
        .target(name: "DevToolsKit", dependencies: ["APIModel", "DocTree", "Refinement", "Docs2SwiftCore"]),
        .executableTarget(name: "DevTools", dependencies: [
            "DevToolsKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // SwiftPM plugins: generate at build time, or into the source tree on demand.
        .plugin(name: "Docs2SwiftBuildPlugin", capability: .buildTool(), dependencies: ["docs2swift"]),
        .plugin(
            name: "GenerateFromDocs",
            capability: .command(
                intent: .custom(verb: "generate-from-docs", description: "Generate Swift from the doc pages of the package's targets"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated Swift into each target's Generated/ folder")]),
            dependencies: ["docs2swift"]),
        .testTarget(name: "MarkdownFrontEndTests", dependencies: ["MarkdownFrontEnd", "DocTree"]),
        .testTarget(name: "HTMLFrontEndTests", dependencies: ["HTMLFrontEnd", "DocTree"]),
        .testTarget(name: "ExtractorTests", dependencies: ["Extractors", "MarkdownFrontEnd", "TextFrontEnd", "HTMLFrontEnd", "APIModel", "Docs2SwiftCore", "Docs2SwiftFuzzing"]),
        .testTarget(name: "RefinementTests", dependencies: ["Refinement", "APIModel", "DocTree"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Docs2SwiftCore", "Refinement", "OpenAPIImport", "SwiftEmitter",
                                                         .product(name: "Mustache", package: "swift-mustache"),
                                                         .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                                                         .product(name: "OpenAPIKit30", package: "OpenAPIKit")],
                    exclude: ["References"]),
        .testTarget(name: "RuntimeTests", dependencies: [runtime, serverRuntime]),
        .testTarget(name: "LiveCheckTests", dependencies: ["LiveCheck", "APIModel", "DocTree", "Docs2SwiftCore", serverRuntime,
                                                           .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(name: "DevToolsTests", dependencies: ["DevToolsKit", "APIModel", "Refinement"]),
        .testTarget(name: "DiffTests", dependencies: ["APIDiff", "APIModel"], exclude: ["References"]),
        // Compiles and uses the checked-in generated code for input-docs/.
        .target(name: "GeneratedSeedAPI", dependencies: [runtime], path: "generated/Sources/SeedAPI"),
        .testTarget(name: "GeneratedConsumerTests", dependencies: ["GeneratedSeedAPI", runtime]),
        // Compiles the Swift generated from an adversarial page and checks its JSON keys round-trip exactly.
        .target(name: "GeneratedAdversarialAPI", dependencies: [runtime], path: "Tests/Fixtures/AdversarialAPI/Sources/AdversarialAPI"),
        .testTarget(name: "AdversarialTests", dependencies: ["GeneratedAdversarialAPI", runtime]),
        // The Swift generated from a page whose paths have odd literal segments (backslash, `%`, space, `+`,
        // non-ASCII): its own round trips run over loopback, and PathEncodingTests sends odd parameter values
        // (the same characters, empty) through its client to its server.
        .target(name: "EncodedPaths", dependencies: [runtime], path: "Tests/Fixtures/EncodedPaths/Sources/EncodedPaths"),
        .target(name: "EncodedPathsServer", dependencies: ["EncodedPaths", runtime, serverRuntime],
                path: "Tests/Fixtures/EncodedPaths/Sources/EncodedPathsServer"),
        .testTarget(name: "EncodedPathsTests", dependencies: ["EncodedPaths", "EncodedPathsServer", runtime, serverRuntime,
                                                             .product(name: "Hummingbird", package: "hummingbird")],
                    path: "Tests/Fixtures/EncodedPaths/Tests/EncodedPathsTests"),
        // The Swift generated from an OpenAPI document with every parameter and schema kind (enum and
        // array-of-enum parameters, integer enums, binary and byte fields, nullable, oneOf): it must compile.
        .target(name: "OpenAPIKinds", dependencies: [runtime], path: "Tests/Fixtures/OpenAPIKinds/Sources/OpenAPIKinds"),
        .testTarget(name: "OpenAPIKindsTests", dependencies: ["OpenAPIKinds", runtime]),
        .testTarget(name: "PathEncodingTests", dependencies: ["EncodedPaths", "EncodedPathsServer", runtime, serverRuntime,
                                                              .product(name: "Hummingbird", package: "hummingbird")]),
    ]
)
