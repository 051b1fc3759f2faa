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
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CadreReport", dependencies: ["CadreDomain", "CadrePlanner", "CadreIO", "CXLSXWriter"]),
        // The workspace drives `cadreplan` child processes: it never links the planner or GLPK, so a solve that
        // crashes cannot take the server down.
        .target(name: "CadreServer", dependencies: [
            "CadreDomain", "CadreIO", "CadreGenerator",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(
            name: "CadreCLI",
            dependencies: ["CadreDomain", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator", "CadreReport", "CadreServer",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "_CadreTestSupport", dependencies: ["CadreDomain", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator"], path: "Tests/_CadreTestSupport"),
        .testTarget(name: "CadreDomainTests", dependencies: ["CadreDomain", "_CadreTestSupport"]),
        .testTarget(name: "CadreLinearModelTests", dependencies: ["CadreLinearModel"]),
        .testTarget(name: "CadreGLPKTests", dependencies: ["CadreGLPK", "CadreLinearModel", "_CadreTestSupport"]),
        .testTarget(name: "CadrePlannerTests", dependencies: ["CadrePlanner", "CadreGLPK", "CadreLinearModel", "CadreGenerator", "_CadreTestSupport"]),
        .testTarget(name: "CadreIOTests", dependencies: ["CadreIO", "_CadreTestSupport"]),
        .testTarget(name: "CadreGeneratorTests", dependencies: ["CadreGenerator", "CadreIO", "_CadreTestSupport"]),
        .testTarget(name: "CadreReportTests", dependencies: ["CadreReport", "CadreIO", "CadreDomain", "CadrePlanner", "CadreGLPK", "_CadreTestSupport"]),
        .testTarget(name: "CadreServerTests", dependencies: [
            "CadreServer", "CadreIO", "_CadreTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: [
            // XCTest cases are not Sendable; the route tests' closures capture them.
            .swiftLanguageMode(.v5),
        ]),
        .testTarget(name: "CadreCLITests", dependencies: ["CadreDomain", "CadreIO", "_CadreTestSupport"]),
    ]
)
