// swift-tools-version:6.2
import PackageDescription

// Layers, lowest first: the domain knows no solver; the linear model knows no domain;
// the planner turns one into the other; only CadreGLPK (through CGLPK) touches glpk.h,
// and only CadreHiGHS (through CHiGHS) touches HiGHS.

// HiGHS's sources include each other by paths relative to these folders. Its warnings are its own; it is built
// optimised in debug builds too, because the tests' searches run it, and keeps its assertions there (as HiGHS's own
// debug build does), so that the tests catch a misuse the product's build would pass over.
let highsFolders = [
    "highs",
    "extern",
    "extern/pdqsort",
    "highs/interfaces",
    "include/interfaces",
    "highs/io",
    "highs/ipm",
    "highs/ipm/ipx",
    "highs/ipm/basiclu",
    "highs/lp_data",
    "highs/mip",
    "highs/model",
    "highs/parallel",
    "highs/pdlp",
    "highs/pdlp/cupdlp",
    "highs/pdlp/hipdlp",
    "highs/presolve",
    "highs/qpsolver",
    "highs/simplex",
    "highs/test_kkt",
    "highs/util",
]
let highsCSettings: [CSetting] = highsFolders.map { .headerSearchPath($0) }
    + [.unsafeFlags(["-w", "-O2"]), .define("NDEBUG", .when(configuration: .release))]
let highsCXXSettings: [CXXSetting] = highsFolders.map { .headerSearchPath($0) }
    + [.unsafeFlags(["-w", "-O2"]), .define("NDEBUG", .when(configuration: .release))]
let package = Package(
    name: "CadrePlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cadreplan", targets: ["CadreCLI"]),
        .library(name: "CadrePlanKit", targets: ["CadreDomain", "CadreLinearModel", "CadrePlanner", "CadreGLPK", "CadreHiGHS", "CadreIO", "CadreGenerator"]),
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
        // HiGHS 1.14.0 (MIT), its library's sources as released: see Sources/CHiGHS/README.md.
        .target(name: "CHiGHS", exclude: ["LICENSE.txt", "THIRD_PARTY_NOTICES.md", "README.md"],
                cSettings: highsCSettings, cxxSettings: highsCXXSettings),
        .target(name: "CadreHiGHS", dependencies: ["CHiGHS", "CadreLinearModel"]),
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
            dependencies: ["CadreDomain", "CadreLinearModel", "CadrePlanner", "CadreGLPK", "CadreHiGHS", "CadreIO", "CadreGenerator", "CadreReport",
                           "CadreServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Every target below declares exactly the modules its files import.
        .target(name: "_CadreTestSupport", dependencies: ["CadreDomain", "CadreLinearModel", "CadreGenerator"], path: "Tests/_CadreTestSupport"),
        .testTarget(name: "CadreDomainTests", dependencies: ["CadreDomain"]),
        .testTarget(name: "CadreLinearModelTests", dependencies: ["CadreLinearModel"]),
        .testTarget(name: "CadreGLPKTests", dependencies: ["CadreGLPK", "CadreLinearModel", "_CadreTestSupport"]),
        .testTarget(name: "CadreHiGHSTests", dependencies: ["CadreHiGHS", "CadreGLPK", "CadreLinearModel", "_CadreTestSupport"]),
        .testTarget(name: "CadrePlannerTests", dependencies: ["CadrePlanner", "CadreDomain", "CadreGLPK", "CadreHiGHS", "CadreLinearModel", "CadreGenerator", "_CadreTestSupport"]),
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
        .testTarget(name: "CadreCLITests", dependencies: ["CadreCLI", "CadreDomain", "CadreGLPK", "CadreHiGHS", "CadreIO", "CadreLinearModel", "CadrePlanner", "CadreServer", "_CadreTestSupport"]),
    ],
    cxxLanguageStandard: .cxx17
)
