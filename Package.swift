// swift-tools-version:6.1
import PackageDescription

// One library per concern and a thin CLI on top (see README "Layout"):
//   Paragraf            model, text parser, corpus            (no dependencies)
//   ParagrafReferences  citation extraction and resolution    (Paragraf)
//   ParagrafDiff        alignment, classified changes, reports (Paragraf, ParagrafReferences)
//   ParagrafXML         LexDania/HTML import, Akoma Ntoso      (Paragraf, ParagrafReferences, libxml2)
//   ParagrafAmendments  amending acts: read, apply, verify     (Paragraf, ParagrafDiff, ParagrafXML)
//   ParagrafStore       the corpus database: import, works,    (Paragraf, ParagrafReferences, ParagrafXML,
//                       search, cross-document citations        GRDB over the system SQLite)
//   ParagrafServer      `paragraf serve`: HTML pages and the   (ParagrafStore, ParagrafDiff, Hummingbird)
//                       JSON API over the corpus database
//   ParagrafMCP         `paragraf mcp`: the corpus as Model    (ParagrafStore, ParagrafDiff,
//                       Context Protocol tools over stdio       the MCP Swift SDK)
//   ParagrafCommandLine what both executables share: --db,     (ParagrafStore, ArgumentParser)
//                       the serve and mcp options and help
//   paragraf            the command-line tool                  (the libraries but Server and MCP,
//                                                               ParagrafCommandLine)
//   paragraf-server     `serve` and `mcp`, which `paragraf`    (ParagrafServer, ParagrafMCP,
//                       starts in its own place (execv)         ParagrafCommandLine)
// The two executables are separate so that every other command starts without loading a web server: install both.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Paragraf",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Paragraf", targets: ["Paragraf"]),
        .library(name: "ParagrafReferences", targets: ["ParagrafReferences"]),
        .library(name: "ParagrafDiff", targets: ["ParagrafDiff"]),
        .library(name: "ParagrafXML", targets: ["ParagrafXML"]),
        .library(name: "ParagrafAmendments", targets: ["ParagrafAmendments"]),
        .library(name: "ParagrafStore", targets: ["ParagrafStore"]),
        .library(name: "ParagrafServer", targets: ["ParagrafServer"]),
        .library(name: "ParagrafMCP", targets: ["ParagrafMCP"]),
        .executable(name: "paragraf", targets: ["paragraf"]),
        .executable(name: "paragraf-server", targets: ["paragraf-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation`: the DocC catalogs of the libraries, built by the toolchain's docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // SQLite with FTS5 for the corpus database (needs Debian's libsqlite3-dev; GRDB 7 needs tools 6.1).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // HTTP/1.1 on SwiftNIO for `paragraf serve`; traits off: neither swift-configuration nor full Foundation
        // is needed, and each costs build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Graceful shutdown of the server on cancellation (already a dependency of Hummingbird).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // The Model Context Protocol (stdio transport, tool schemas) for `paragraf mcp`.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // File descriptors for the MCP SDK's stdio transport in the MCP tests (already a dependency of the SDK).
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        // MARK: Foundation: model, parser, corpus
        .target(name: "Paragraf", swiftSettings: swiftSettings),
        .testTarget(name: "ParagrafTests", dependencies: ["Paragraf", "ParagrafTestSupport"], swiftSettings: swiftSettings),

        // MARK: References

        .target(name: "ParagrafReferences", dependencies: ["Paragraf"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafReferencesTests", dependencies: ["ParagrafReferences", "ParagrafTestSupport"],
            swiftSettings: swiftSettings),

        // MARK: Diff

        .target(name: "ParagrafDiff", dependencies: ["Paragraf", "ParagrafReferences"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafDiffTests", dependencies: ["ParagrafDiff", "ParagrafTestSupport"], swiftSettings: swiftSettings),

        // MARK: XML (libxml2)

        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(
            name: "ParagrafXML", dependencies: ["Paragraf", "ParagrafReferences", "CLibXML2"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafXMLTests", dependencies: ["ParagrafXML", "ParagrafTestSupport"], swiftSettings: swiftSettings),

        // MARK: Amending acts (instructions read, applied to a base version, checked against a consolidation)

        .target(
            name: "ParagrafAmendments", dependencies: ["Paragraf", "ParagrafDiff", "ParagrafXML"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafAmendmentsTests", dependencies: ["ParagrafAmendments", "ParagrafTestSupport"],
            swiftSettings: swiftSettings),

        // MARK: Store (SQLite through GRDB)

        .target(
            name: "ParagrafStore",
            dependencies: [
                "Paragraf", "ParagrafReferences", "ParagrafXML", .product(name: "GRDB", package: "GRDB.swift"),
                // History and comparison of stored versions (``ParagrafStore/history(of:in:work:)``).
                "ParagrafDiff",
                // The SQLite C API, for binding the import's millions of rows without boxing each value.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafStoreTests",
            dependencies: ["ParagrafStore", "ParagrafTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),

        // MARK: Server (HTML pages and the JSON API) and MCP

        .target(
            name: "ParagrafServer",
            dependencies: [
                "Paragraf", "ParagrafReferences", "ParagrafDiff", "ParagrafStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // Compiled into the binary, so that an installed `paragraf-server` needs no resource bundle beside it.
            resources: [.embedInCode("Resources/openapi.json")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafServerTests",
            dependencies: ["ParagrafServer", "ParagrafTestSupport"],
            swiftSettings: swiftSettings),
        .target(
            name: "ParagrafMCP",
            dependencies: [
                "Paragraf", "ParagrafDiff", "ParagrafStore", .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: swiftSettings),
        // Runs `paragraf mcp`, which starts `paragraf-server mcp`: both executables are built for it.
        .testTarget(
            name: "ParagrafMCPTests",
            dependencies: [
                "ParagrafMCP", "ParagrafTestSupport", "paragraf", "paragraf-server", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings),

        // MARK: Test support (the CLI runner shared by every module's CLI tests)

        .target(name: "ParagrafTestSupport", path: "Tests/Support", swiftSettings: swiftSettings),

        // MARK: Command-line tool, and the server executable it starts for `serve` and `mcp`

        .target(
            name: "ParagrafCommandLine",
            dependencies: ["ParagrafStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
        // Neither ParagrafServer nor ParagrafMCP (nor Hummingbird, SwiftNIO, the MCP SDK): `paragraf serve` and
        // `paragraf mcp` replace the process with `paragraf-server`, found beside `paragraf` or on PATH.
        .executableTarget(
            name: "paragraf",
            dependencies: [
                "Paragraf", "ParagrafReferences", "ParagrafDiff", "ParagrafXML", "ParagrafAmendments", "ParagrafStore",
                "ParagrafCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "paragraf-server",
            dependencies: [
                "ParagrafServer", "ParagrafMCP", "ParagrafStore", "ParagrafCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        // The README's library example, compiled as pasted (paragrafCLITests runs it and compares both).
        .executableTarget(
            name: "library-tour", dependencies: ["Paragraf", "ParagrafReferences", "ParagrafDiff", "ParagrafXML"],
            path: "Examples/LibraryTour", swiftSettings: swiftSettings),
        .testTarget(
            name: "paragrafCLITests",
            dependencies: ["Paragraf", "paragraf", "paragraf-server", "library-tour", "ParagrafTestSupport"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
