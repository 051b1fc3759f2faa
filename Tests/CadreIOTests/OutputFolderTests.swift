import Foundation
import XCTest
@testable import CadreIO

final class OutputFolderTests: XCTestCase {
    private func contents(_ folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func testWritesANewFolderWithItsMarker() throws {
        let temp = try TemporaryFolder(self)
        let out = temp.path + "/out/baseline"
        try OutputFolder(path: out).write(["a.csv": Data("1\n".utf8), "rosters/2022_X.csv": Data("2\n".utf8)], inputFiles: [])
        XCTAssertEqual(try contents(out), [".cadreplan-output", "a.csv", "rosters", "rosters/2022_X.csv"])
        XCTAssertEqual(try read(out + "/rosters/2022_X.csv"), "2\n")
        // Nothing is left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path + "/out"), ["baseline"])
    }

    func testReplacesItsOwnFolderAsAWhole() throws {
        let temp = try TemporaryFolder(self)
        let out = OutputFolder(path: temp.path + "/out")
        try out.write(["old.csv": Data("old".utf8), "rosters/2022_A.csv": Data()], inputFiles: [])
        try out.write(["new.csv": Data("new".utf8)], inputFiles: [])
        XCTAssertEqual(try contents(out.path), [".cadreplan-output", "new.csv"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path), ["out"])
    }

    func testRefusesAFolderItDidNotWrite() throws {
        let temp = try TemporaryFolder(self)
        try temp.write("thesis/chapter1.docx", "precious")
        let out = OutputFolder(path: temp.path + "/thesis")
        XCTAssertThrowsError(try out.write(["a.csv": Data()], inputFiles: [])) { error in
            XCTAssertTrue("\(error)".contains("thesis"), "\(error)")
            XCTAssertTrue("\(error)".contains(".cadreplan-output"), "\(error)")
        }
        XCTAssertEqual(try read(temp.path + "/thesis/chapter1.docx"), "precious")
        // Unless told to.
        try out.write(["a.csv": Data()], inputFiles: [], force: true)
        XCTAssertEqual(try contents(out.path), [".cadreplan-output", "a.csv"])
    }

    func testRefusesAFileInItsPlace() throws {
        let temp = try TemporaryFolder(self)
        let file = try temp.write("out", "not a folder")
        XCTAssertThrowsError(try OutputFolder(path: file).write([:], inputFiles: [], force: true)) { error in
            guard case .notAFolder(file)? = error as? OutputError else { return XCTFail("\(error)") }
        }
    }

    /// A write that fails halfway through the new files leaves the previous output exactly as it was, and no
    /// staging folder beside it; the error names the folder.
    func testAWriteThatFailsHalfwayLeavesThePreviousOutputWhole() throws {
        let temp = try TemporaryFolder(self)
        let out = OutputFolder(path: temp.path + "/out")
        try out.write(["old.csv": Data("old".utf8), "rosters/2022_A.csv": Data("a".utf8)], inputFiles: [])
        let before = try contents(out.path).map { ($0, FileManager.default.contents(atPath: out.path + "/" + $0)) }
        // Files are written in path order: `a.csv` is in the staging folder before `a.csv/b.csv` needs it as a folder.
        XCTAssertThrowsError(try out.write(["a.csv": Data("1".utf8), "a.csv/b.csv": Data("2".utf8)], inputFiles: [])) { error in
            guard case let .cannotWrite(path, reason)? = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, out.path)
            XCTAssertFalse(reason.isEmpty)
        }
        let after = try contents(out.path).map { ($0, FileManager.default.contents(atPath: out.path + "/" + $0)) }
        XCTAssertEqual(after.map(\.0), before.map(\.0))
        XCTAssertEqual(after.map(\.1), before.map(\.1))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path), ["out"])
    }

    /// Under a regular file no folder can be made, whoever runs the test: nothing is created anywhere.
    func testAFolderUnderAFileCannotBeWritten() throws {
        let temp = try TemporaryFolder(self)
        let file = try temp.write("blocker", "x")
        XCTAssertThrowsError(try OutputFolder(path: file + "/out").write(["a.csv": Data()], inputFiles: [])) { error in
            guard case .cannotWrite(file + "/out", _)? = error as? OutputError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try OutputFile.write(Data("x".utf8), to: file + "/compare.csv")) { error in
            guard case .cannotWrite(file + "/compare.csv", _)? = error as? OutputError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path), ["blocker"])
        XCTAssertEqual(try read(file), "x")
    }

    func testRefusesTheFolderOfAnInputEvenWhenForced() throws {
        let temp = try TemporaryFolder(self)
        let scenario = try temp.writeScenario()
        try temp.write(".cadreplan-output", "")
        XCTAssertThrowsError(try OutputFolder(path: temp.path).write([:], inputFiles: [scenario], force: true)) { error in
            XCTAssertTrue("\(error)".contains("baseline.yaml"), "\(error)")
        }
        XCTAssertEqual(try read(scenario), Fixtures.scenario)
        // Nor any folder holding an input further down.
        let nested = try temp.write("run/inputs/officials.csv", Fixtures.officials)
        try temp.write("run/.cadreplan-output", "")
        XCTAssertThrowsError(try OutputFolder(path: temp.path + "/run").write([:], inputFiles: [nested], force: true))
        XCTAssertEqual(try read(nested), Fixtures.officials)
    }
}
