// swift-tools-version:6.0
// Docs2SwiftServerRuntime: what generated Hummingbird server stubs and round-trip tests import. A
// package of its own so that a client-only consumer of Docs2SwiftRuntime (the parent folder) does not
// resolve Hummingbird and SwiftNIO.
//
// In a docs2swift checkout (or a copy of its `Runtime/` folder) it finds Docs2SwiftRuntime in the parent
// folder. Mirrored as its own git repository, it depends on the runtime by URL: set `runtimeURL` below
// to your mirror of `Runtime/` (the generated package must name the same URL, `--runtime-url`).
import Foundation
import PackageDescription

let runtimeURL = "https://github.com/docs2swift/Docs2SwiftRuntime.git"
let runtimeVersion: Version = "0.1.0"

let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let inCheckout = FileManager.default.fileExists(atPath: parent.appendingPathComponent("Sources/Docs2SwiftRuntime").path)
/// SwiftPM names a path dependency after its folder and a URL dependency after its last component.
let runtimePackage = inCheckout ? parent.standardizedFileURL.lastPathComponent
    : String(runtimeURL.split(separator: "/").last!.replacingOccurrences(of: ".git", with: ""))

let package = Package(
    name: "Docs2SwiftServerRuntime",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Docs2SwiftServerRuntime", targets: ["Docs2SwiftServerRuntime"]),
    ],
    dependencies: [
        inCheckout ? .package(path: "..") : .package(url: runtimeURL, from: runtimeVersion),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        .target(name: "Docs2SwiftServerRuntime", dependencies: [
            .product(name: "Docs2SwiftRuntime", package: runtimePackage),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
