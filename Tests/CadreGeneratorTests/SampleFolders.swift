import CadreGenerator
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
    static let all = [quangNgai, small]

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
