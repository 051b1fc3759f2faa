// swift-tools-version:6.2
import PackageDescription

// Layers, lowest first: the domain knows no solver; the linear model knows no domain;
// the planner turns one into the other; only CadreGLPK (through CGLPK) touches glpk.h.
let package = Package(
    name: "CadrePlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cadreplan", targets: ["CadreCLI"]),
        .library(name: "CadrePlanKit", targets: ["CadreDomain", "CadreLinearModel", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The web workspace (`cadreplan serve`): HTTP server, bcrypt and sessions, multipart uploads, SQLite.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Already there through Hummingbird; named because the workspace imports their modules itself.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(name: "CadreDomain"),
        .target(name: "CadreLinearModel"),
        .target(name: "CadrePlanner", dependencies: ["CadreDomain", "CadreLinearModel"]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CadreGLPK", dependencies: ["CGLPK", "CadreLinearModel"]),
        .target(name: "CadreIO", dependencies: ["CadreDomain", "CadreLinearModel", "CadrePlanner", .product(name: "Yams", package: "Yams"),
                                       .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "CadreGenerator", dependencies: ["CadreDomain", "CadreIO"]),
        .target(name: "CadreReport", dependencies: ["CadreDomain", "CadrePlanner", "CadreIO"]),
        // The workspace drives `cadreplan` child processes: it never links the planner or GLPK, so a solve that
        // crashes cannot take the server down.
        .target(name: "CadreServer", dependencies: [
            "CadreDomain", "CadreIO", "CadreGenerator",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(
            name: "CadreCLI",
            dependencies: ["CadreDomain", "CadreLinearModel", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator", "CadreReport",
                           "CadreServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Every target below declares exactly the modules its files import.
        .target(name: "_CadreTestSupport", dependencies: ["CadreDomain", "CadreLinearModel", "CadreGenerator"], path: "Tests/_CadreTestSupport"),
        .testTarget(name: "CadreDomainTests", dependencies: ["CadreDomain"]),
        .testTarget(name: "CadreLinearModelTests", dependencies: ["CadreLinearModel"]),
        .testTarget(name: "CadreGLPKTests", dependencies: ["CadreGLPK", "CadreLinearModel", "_CadreTestSupport"]),
        .testTarget(name: "CadrePlannerTests", dependencies: ["CadrePlanner", "CadreDomain", "CadreGLPK", "CadreLinearModel", "CadreGenerator", "_CadreTestSupport"]),
        .testTarget(name: "CadreIOTests", dependencies: ["CadreIO", "CadreDomain", "CadrePlanner", "_CadreTestSupport",
                                                         .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "CadreGeneratorTests", dependencies: ["CadreGenerator", "CadreDomain", "CadreIO"]),
        .testTarget(name: "CadreReportTests", dependencies: ["CadreReport", "CadreIO", "CadreDomain", "CadrePlanner", "CadreGLPK", "_CadreTestSupport"]),
        .testTarget(name: "CadreServerTests", dependencies: [
            "CadreServer",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: [
            // XCTest cases are not Sendable; the route tests' closures capture them.
            .swiftLanguageMode(.v5),
        ]),
        // Runs the built `cadreplan` as a user would, and tests its exit rules on errors it cannot be made to meet.
        .testTarget(name: "CadreCLITests", dependencies: ["CadreCLI", "CadreDomain", "CadreGLPK", "CadreIO", "CadreLinearModel", "CadrePlanner", "CadreServer", "_CadreTestSupport"]),
    ]
)
