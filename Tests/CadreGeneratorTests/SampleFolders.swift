import CadreGenerator
import CadreIO
import Foundation
import XCTest

/// The scenario folders shipped in Scenarios/, and how each is generated.
enum SampleFolders {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Sample {
        var folder: String
        var generator: ProvinceGenerator
        var path: String { repository.appendingPathComponent("Scenarios/\(folder)").path }
        var scenarioFile: String { path + "/\(generator.name).yaml" }
    }

    /// `cadreplan generate --officials 5300 --seed 2022` gives the same files.
    static let quangNgai = Sample(folder: "quang-ngai-2022", generator: ProvinceGenerator(officials: 5_300, seed: 2022))
    static let small = Sample(folder: "small", generator: ProvinceGenerator(officials: 300, seed: 2022, name: "small"))
    /// `cadreplan generate --layout 2026 --officials 3600 --seed 2026 --name baseline-2026` gives the same files.
    static let quangNgai2026 = Sample(
        folder: "quang-ngai-2026",
        generator: ProvinceGenerator(officials: 3_600, seed: 2026, name: "baseline-2026", layout: .province2026))
    static let all = [quangNgai, small, quangNgai2026]

    /// Where the 2022 sample's communes went on 1 July 2025 (estimated), for the re-plan across it.
    static let reorganisationFile = quangNgai.path + "/" + Reorganisation2025.fileName

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

final class SampleFolderTests: XCTestCase {
    /// `CADREPLAN_WRITE_SAMPLE=1 swift test --filter CadreGeneratorTests.SampleFolderTests` rewrites Scenarios/.
    func testWriteShippedSamplesWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["CADREPLAN_WRITE_SAMPLE"] == "1" else {
            throw XCTSkip("set CADREPLAN_WRITE_SAMPLE=1 to rewrite the shipped scenario folders")
        }
        for sample in SampleFolders.all {
            try ScenarioFolder.write(sample.generator.generate(), to: sample.path)
            XCTAssertTrue(FileManager.default.fileExists(atPath: sample.scenarioFile))
        }
        try Reorganisation2025.csv().write(to: URL(fileURLWithPath: SampleFolders.reorganisationFile))
    }

    func testShippedReorganisationIsWhatTheGeneratorWrites() {
        XCTAssertTrue(FileManager.default.contents(atPath: SampleFolders.reorganisationFile) == Reorganisation2025.csv(),
                      "\(SampleFolders.reorganisationFile) differs from what the generator writes")
    }

    /// The 2022 sample's 173 communes go to the 55 units of former Quảng Ngãi that the 2026 sample has (Lý Sơn
    /// had no commune officials in 2022), and no thị trấn survives.
    func testReorganisationTakesThe2022SampleOntoThe2026Map() throws {
        let old = try ScenarioLoader.load(path: SampleFolders.quangNgai.scenarioFile).scenario
        let moved = try ReorganisationReader.read(path: SampleFolders.reorganisationFile).apply(to: old)
        let newUnits = Set(try ScenarioLoader.load(path: SampleFolders.quangNgai2026.scenarioFile).scenario.officials.map(\.commune))
        let reached = Set(moved.officials.map(\.commune))
        XCTAssertEqual(reached.count, 55)
        XCTAssertTrue(reached.isSubset(of: newUnits), "\(reached.subtracting(newUnits))")
        XCTAssertTrue(moved.officials.allSatisfy { $0.district == $0.commune && $0.area != .town })
        XCTAssertEqual(moved.officials.map(\.id), old.officials.map(\.id))
        XCTAssertEqual(moved.officials.map(\.levels), old.officials.map(\.levels))
    }

    func testShippedFilesAreWhatTheGeneratorWrites() throws {
        for sample in SampleFolders.all {
            let fresh = try SampleFolders.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: fresh) }
            try ScenarioFolder.write(sample.generator.generate(), to: fresh)
            let names = try FileManager.default.contentsOfDirectory(atPath: fresh).sorted()
            XCTAssertEqual(names, ["courses.csv", "officials.csv", "\(sample.generator.name).yaml", "targets.csv"].sorted())
            for name in names {
                let shipped = FileManager.default.contents(atPath: sample.path + "/" + name)
                XCTAssertNotNil(shipped, "\(sample.folder)/\(name) is missing: run with CADREPLAN_WRITE_SAMPLE=1")
                XCTAssertTrue(
                    shipped == FileManager.default.contents(atPath: fresh + "/" + name),
                    "\(sample.folder)/\(name) differs from what the generator writes")
            }
        }
    }
}
