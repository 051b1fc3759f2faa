// swift-tools-version:6.2
import PackageDescription

// The readers' libFuzzer target, a package of its own so that the root package's `swift build` and `swift test`
// never see `-sanitize=fuzzer`. Built and run by scripts/fuzz.sh, which passes the sanitizer and `-enable-testing`
// (the target reaches the scenario YAML parser, which is internal to CadreIO).
let package = Package(
    name: "CadreFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "CadrePlan", path: "../..")],
    targets: [
        .executableTarget(
            name: "ReaderFuzzer",
            dependencies: [.product(name: "CadrePlanKit", package: "CadrePlan")],
            // libFuzzer brings its own `main`; the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
