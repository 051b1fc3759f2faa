import CadreDomain
import Foundation
import XCTest
@testable import CadreIO
import _CadreTestSupport

/// The readers meet random and damaged files, as uploads to the web workspace may be. Every input must be read,
/// or refused with problems that name the file (and a line the file has, where the reader knows it); reading
/// takes well under a second and says the same twice. Tests/Fuzz runs the same property under libFuzzer.
final class ReaderFuzzTests: XCTestCase {
    /// A reader the workspace runs on uploads, and the name it is given.
    private enum Reader: CaseIterable {
        case officials, courses, targets, scenario, locks, actuals

        var fileName: String {
            switch self {
            case .officials: "officials.csv"
            case .courses: "courses.csv"
            case .targets: "targets.csv"
            case .scenario: "scenario.yaml"
            case .locks: "locks.csv"
            case .actuals: "actuals.csv"
            }
        }
    }

    /// What one reading gave: how many values, and every problem as the user would see it.
    private struct Reading: Equatable {
        var values: Int
        var problems: [InputProblem]
    }

    /// Locks are read against the fixture officials and courses, so that a lock can name them.
    private static let locksScenario: Scenario = {
        var problems: [InputProblem] = []
        return Scenario(
            name: "fuzz", baseYear: 2022, horizon: 2026,
            officials: OfficialsReader.read(Data(Fixtures.officials.utf8), file: "o.csv", problems: &problems),
            courses: CoursesReader.read(Data(Fixtures.courses.utf8), file: "c.csv", problems: &problems),
            targets: [], budget: [:])
    }()

    private static let locks = """
        action,official_id,course_id,year,district,max_trainees,note
        pin,CB1,TC-LLCT,2023,,,đã gửi danh sách
        forbid,CB2,SC-LLCT,,,,
        forbid,CB2,,2024,,,
        cap,,,2024,Mường Tè,3,

        """

    private static let actuals = """
        event,official_id,course_id,year,field,value,note
        completed,CB1,SC-LLCT,2022,,,
        left,CB2,,2023,,,
        changed,CB1,,2023,title,Bí thư Đảng ủy,

        """

    private func read(_ data: Data, with reader: Reader) -> Reading {
        var problems: [InputProblem] = []
        let name = reader.fileName
        let values: Int
        switch reader {
        case .officials: values = OfficialsReader.read(data, file: name, problems: &problems).count
        case .courses: values = CoursesReader.read(data, file: name, problems: &problems).count
        case .targets: values = TargetsReader.read(data, file: name, problems: &problems).count
        case .scenario:
            if let text = TextEncoding.utf8(data, file: name, problems: &problems) {
                values = ScenarioYAML.parse(String(decoding: text, as: UTF8.self), file: name, problems: &problems) == nil ? 0 : 1
            } else {
                values = 0
            }
        case .locks:
            let locks = LocksReader.read(data, file: name, scenario: Self.locksScenario, problems: &problems)
            values = locks.pins.count + locks.forbids.count + locks.caps.count
        case .actuals: values = ActualsReader.read(data, file: name, problems: &problems).count
        }
        return Reading(values: values, problems: problems)
    }

    /// True when no sheet of the file holds more than one row with text: a header with no rows may rightly read
    /// as nothing, without a problem (a locks file with no locks yet).
    private func holdsNoRows(_ data: Data, name: String) -> Bool {
        var problems: [InputProblem] = []
        let sheets = TableFile.sheets(data, file: name, onlyFirst: false, problems: &problems)?.sheets ?? []
        return sheets.allSatisfy { sheet in
            sheet.rows.count { $0.fields.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } <= 1
        }
    }

    /// Reads `data` twice with `reader` and checks the properties; a failure shows the input in base64, to replay.
    private func checkProperties(_ data: Data, _ reader: Reader) {
        let start = Date()
        let reading = read(data, with: reader)
        let seconds = Date().timeIntervalSince(start)
        let input = "\(reader.fileName) of \(data.count) bytes: \(data.base64EncodedString())"
        XCTAssertLessThan(seconds, 1, "slow: \(input)")
        XCTAssertEqual(read(data, with: reader), reading, "not the same twice: \(input)")
        if reading.values == 0 && reading.problems.isEmpty {
            XCTAssert(reader != .scenario && holdsNoRows(data, name: reader.fileName), "nothing read and no problem: \(input)")
        }
        // Any line break counts, so the bound is loose for CR LF files, never too tight; a workbook's lines are
        // its row numbers.
        let lineCount = data.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        let isWorkbook = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        for problem in reading.problems {
            XCTAssertEqual(problem.file, reader.fileName, "\(problem) for \(input)")
            XCTAssertFalse(problem.message.isEmpty, "\(problem) for \(input)")
            if let line = problem.line {
                XCTAssert(line >= 1 && (isWorkbook || line <= lineCount), "\(problem) is past the file's \(lineCount) lines: \(input)")
            }
        }
    }

    private static func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        let inserts: [[UInt8]] = [[0x22], [0x2C], [0x3B], [0x0A], [0x0D], [0x22, 0x22], [0xC3], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00],
                                  [0x3A], [0x2D, 0x20], [0x09], [0x26], [0x2A]]
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes.removeLast(bytes.count - at) // truncate
            case 1: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random)) // flip a bit
            case 2: bytes.insert(contentsOf: inserts.randomElement(using: &random)!, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            case 4: // a line repeated, as a copied row
                let end = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count
                bytes.insert(contentsOf: bytes[at..<end] + [0x0A], at: at)
            default: bytes[at] = UInt8.random(in: 0...255, using: &random)
            }
        }
        return bytes
    }

    /// Each reader gets its own sample, damaged; and now and then another reader's sample, or noise.
    func testDamagedFilesAreReadOrRefusedWithLocatedProblems() throws {
        var random = SeededGenerator(seed: 8)
        let samples: [Reader: [[UInt8]]] = [
            .officials: [Fixtures.officials, AwkwardFilesTests.vietnameseOfficials].map { Array($0.utf8) },
            .courses: [Array(Fixtures.courses.utf8), Array(Fixtures.courses.replacingOccurrences(of: ",", with: ";").utf8)],
            .targets: [Array(Fixtures.targets.utf8)],
            .scenario: [Array(Fixtures.scenario.utf8), Array((Fixtures.scenario + "locks: locks.csv\nseats:\n  TC-LLCT: 20\n").utf8)],
            .locks: [Array(Self.locks.utf8)],
            .actuals: [Array(Self.actuals.utf8)],
        ]
        let workbook = try [UInt8](XLSXFixture.workbook(rows: XLSXFixture.rows(ofCSV: Fixtures.officials)))
        let start = Date()
        for _ in 0..<200 {
            let count = Int.random(in: 0...400, using: &random)
            checkProperties(Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }), Reader.allCases.randomElement(using: &random)!)
        }
        for _ in 0..<1_500 {
            let reader = Reader.allCases.randomElement(using: &random)!
            let sample = Int.random(in: 0..<10, using: &random) == 0
                ? samples.values.randomElement(using: &random)!.randomElement(using: &random)!
                : samples[reader]!.randomElement(using: &random)!
            checkProperties(Data(Self.mutate(sample, &random)), reader)
        }
        // A damaged ZIP must not crash the unzipper either; each reader takes a workbook.
        for _ in 0..<300 {
            checkProperties(Data(Self.mutate(workbook, &random)), [Reader.officials, .courses, .locks].randomElement(using: &random)!)
        }
        print("2000 fuzz cases in \(Date().timeIntervalSince(start)) s")
    }

    /// Found by Tests/Fuzz: libyaml places an error at the end of a file without a final line break on the line
    /// after the last, which the file does not have.
    func testYAMLErrorAtTheEndOfTheFileIsOnItsLastLine() {
        var problems: [InputProblem] = []
        XCTAssertNil(ScenarioYAML.parse("name: small\nbudget:\n  2023: 1\n  2024:2", file: "s.yaml", problems: &problems))
        XCTAssertEqual(problems.map(\.line), [4])
        problems = []
        XCTAssertNil(ScenarioYAML.parse("name: small\r\nbudget:\r\n  2023: 1\r\n  2024:2", file: "s.yaml", problems: &problems))
        XCTAssertEqual(problems.map(\.line), [4])
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
