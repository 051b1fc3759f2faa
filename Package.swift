// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first: the domain knows no solver; the linear model knows no domain;
// the planner turns one into the other; only CadreGLPK (through CGLPK) touches glpk.h.
let package = Package(
    name: "CadrePlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cadreplan", targets: ["CadreCLI"]),
        .library(name: "CadrePlanKit", targets: ["CadreDomain", "CadreLinearModel", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
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
        .executableTarget(
            name: "CadreCLI",
            dependencies: ["CadreDomain", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator", "CadreReport",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "_CadreTestSupport", dependencies: ["CadreDomain", "CadrePlanner", "CadreGLPK", "CadreIO", "CadreGenerator"], path: "Tests/_CadreTestSupport"),
        .testTarget(name: "CadreDomainTests", dependencies: ["CadreDomain", "_CadreTestSupport"]),
        .testTarget(name: "CadreGLPKTests", dependencies: ["CadreGLPK", "CadreLinearModel", "_CadreTestSupport"]),
        .testTarget(name: "CadrePlannerTests", dependencies: ["CadrePlanner", "CadreGLPK", "CadreLinearModel", "CadreGenerator", "_CadreTestSupport"]),
        .testTarget(name: "CadreIOTests", dependencies: ["CadreIO", "_CadreTestSupport"]),
        .testTarget(name: "CadreGeneratorTests", dependencies: ["CadreGenerator", "CadreIO", "_CadreTestSupport"]),
        .testTarget(name: "CadreReportTests", dependencies: ["CadreReport", "CadreIO", "CadreDomain", "CadrePlanner", "CadreGLPK", "_CadreTestSupport"]),
        .testTarget(name: "CadreCLITests", dependencies: ["CadreDomain", "CadreIO", "_CadreTestSupport"]),
    ]
)
