// swift-tools-version:6.0
import Foundation
import PackageDescription

// The corpus scorer of issue 14, kept out of the root package so that `swift test` never builds or runs
// it: every real document of the Danish-law dataset is turned into text, parsed and scored against its own
// provision list. Build and run with `tools/corpus-score.sh` (release mode); see tools/README.md.

// A path dependency's identity is its folder name (the checkout's, e.g. "main" or "wt-score"), and products
// must name it; read it from the path rather than hard-coding one checkout's name.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "ParagrafCorpusScore",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "paragraf-corpus-score",
            dependencies: [
                .product(name: "Paragraf", package: rootIdentity),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ],
    swiftLanguageModes: [.v6]
)
