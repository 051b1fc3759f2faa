import CadreDomain
import Foundation
import XCTest
@testable import CadreIO
import _CadreTestSupport

/// The readers meet random and damaged files: each must answer with values or problems, never crash or hang.
final class ReaderFuzzTests: XCTestCase {
    /// Every reader over `data`; the only check is that they return, with a problem whenever nothing was read.
    private func readAll(_ data: Data) {
        var problems: [InputProblem] = []
        let officials = OfficialsReader.read(data, file: "f", problems: &problems)
        let courses = CoursesReader.read(data, file: "f", problems: &problems)
        let targets = TargetsReader.read(data, file: "f", problems: &problems)
        // A file cannot read cleanly as all three tables: at least two of them report a problem.
        XCTAssertFalse(problems.isEmpty && !(officials.isEmpty && courses.isEmpty && targets.isEmpty))
    }

    private static func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        let inserts: [[UInt8]] = [[0x22], [0x2C], [0x3B], [0x0A], [0x0D], [0x22, 0x22], [0xC3], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00]]
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes.removeLast(bytes.count - at) // truncate
            case 1: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random)) // flip a bit
            case 2: bytes.insert(contentsOf: inserts.randomElement(using: &random)!, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            default: bytes[at] = UInt8.random(in: 0...255, using: &random)
            }
        }
        return bytes
    }

    func testRandomAndDamagedFilesNeverCrash() throws {
        var random = SeededGenerator(seed: 8)
        let valid = [Fixtures.officials, Fixtures.courses, Fixtures.targets, AwkwardFilesTests.vietnameseOfficials]
            .map { Array($0.utf8) }
        let workbook = try [UInt8](XLSXFixture.workbook(rows: XLSXFixture.rows(ofCSV: Fixtures.courses)))
        let start = Date()
        for _ in 0..<300 {
            let count = Int.random(in: 0...400, using: &random)
            readAll(Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }))
        }
        for _ in 0..<1_400 {
            readAll(Data(Self.mutate(valid.randomElement(using: &random)!, &random)))
        }
        // A damaged ZIP must not crash the unzipper either.
        for _ in 0..<300 {
            readAll(Data(Self.mutate(workbook, &random)))
        }
        print("2000 fuzz cases in \(Date().timeIntervalSince(start)) s")
    }

    func testDamagedScenarioFilesNeverCrash() {
        var random = SeededGenerator(seed: 88)
        let valid = Array(Fixtures.scenario.utf8)
        for _ in 0..<300 {
            let bytes = Self.mutate(valid, &random)
            var problems: [InputProblem] = []
            if let decoded = TextEncoding.utf8(Data(bytes), file: "s.yaml", problems: &problems) {
                _ = ScenarioYAML.parse(String(decoding: decoded, as: UTF8.self), file: "s.yaml", problems: &problems)
            }
        }
    }

    /// Shuffling the rows of a file changes only the order of what is read.
    func testRowOrderDoesNotChangeWhatIsRead() {
        var random = SeededGenerator(seed: 7)
        let lines = Fixtures.officials.split(separator: "\n").dropFirst()
        var rows: [String] = []
        for i in 0..<300 {
            let line = String(lines[lines.startIndex + i % 2])
            rows.append(line.replacingOccurrences(of: "CB\(i % 2 + 1),", with: "CB\(i),")
                .replacingOccurrences(of: ",1975,", with: ",\(1960 + i % 40),"))
        }
        func read(_ rows: [String]) -> [Official] {
            var problems: [InputProblem] = []
            let text = ([Fixtures.officialsHeader] + rows).joined(separator: "\n")
            let officials = OfficialsReader.read(Data(text.utf8), file: "o.csv", problems: &problems)
            XCTAssertEqual(problems, [])
            return officials.sorted { $0.id < $1.id }
        }
        let expected = read(rows)
        XCTAssertEqual(expected.count, 300)
        for _ in 0..<5 {
            XCTAssertEqual(read(rows.shuffled(using: &random)), expected)
        }
    }
}
