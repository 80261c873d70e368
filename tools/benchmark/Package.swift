// swift-tools-version:6.1
import Foundation
import PackageDescription

// Benchmarks for Paragraf, kept out of the root package so that `swift test` and CI never build or
// run them. Build and run with `tools/bench.sh` (release mode); see tools/README.md.

// A path dependency's identity is its folder name (the checkout's, e.g. "main" or "paragraf"), and
// products must name it; read it from the path rather than hard-coding one checkout's name.
// (This package's folder is "benchmark", not "bench", so that it never shares an identity with a
// checkout called "bench".)
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "ParagrafBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "paragraf-bench",
            dependencies: [
                .product(name: "Paragraf", package: rootIdentity),
                .product(name: "ParagrafReferences", package: rootIdentity),
                .product(name: "ParagrafDiff", package: rootIdentity),
                .product(name: "ParagrafXML", package: rootIdentity),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        .executableTarget(
            name: "paragraf-store-bench",
            dependencies: [.product(name: "ParagrafStore", package: rootIdentity)],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ],
    swiftLanguageModes: [.v6]
)
