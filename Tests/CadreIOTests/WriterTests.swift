@testable import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

final class WriterTests: XCTestCase {
    func testCSVWriterQuotesOnlyWhatNeedsIt() {
        var csv = CSVWriter(header: ["id", "text"])
        csv.append(["plain", "Nguyễn Văn An"])
        csv.append(["comma", "a, b"])
        csv.append(["quote", "say \"hi\""])
        csv.append(["lines", "one\ntwo\r\nthree"])
        let text = String(decoding: csv.data, as: UTF8.self)
        XCTAssertEqual(Array(csv.data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(text, "\u{FEFF}id,text\nplain,Nguyễn Văn An\ncomma,\"a, b\"\nquote,\"say \"\"hi\"\"\"\nlines,\"one\ntwo\r\nthree\"\n")
    }

    func testWrittenCSVReadsBackTheSame() {
        let rows = [["1", "a, b", "say \"hi\""], ["2", "Lò Thị\nBình", ""]]
        var csv = CSVWriter(header: ["id", "x", "y"])
        rows.forEach { csv.append($0) }
        var problems: [InputProblem] = []
        let table = CSVReader.read(csv.data, file: "t.csv", problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table.header, ["id", "x", "y"])
        XCTAssertEqual(table.records.map(\.fields), rows)
    }

    func testMoneyIsPlainDigits() {
        XCTAssertEqual(NumberText.money(6_000_000_000), "6000000000")
        XCTAssertEqual(NumberText.money(6e15), "6000000000000000")
        XCTAssertEqual(NumberText.money(1e20), "100000000000000000000")
        XCTAssertEqual(NumberText.money(15_000_000.0000004), "15000000")
        XCTAssertEqual(NumberText.money(2_500_000.5), "2500000.5")
        XCTAssertEqual(NumberText.money(1_000_000 / 3), "333333.33")
        XCTAssertEqual(NumberText.money(0.004), "0")
        XCTAssertEqual(NumberText.money(-0.0), "0")
        XCTAssertEqual(NumberText.money(-1234.5), "-1234.5")
        XCTAssertEqual(NumberText.decimal(0.00012345), "0.000123")
        XCTAssertEqual(NumberText.decimal(1e-9), "0")
        XCTAssertEqual(NumberText.decimal(12.5, maxFractionDigits: 3), "12.5")
    }

    func testNaturalOrder() {
        let ids = ["25-10", "25-2", "25-1", "CB100", "CB20", "CB3", "007", "7", "a", "B"]
        XCTAssertEqual(ids.sorted(by: naturallyPrecedes), ["007", "7", "25-1", "25-2", "25-10", "B", "CB3", "CB20", "CB100", "a"])
    }

    /// The byte-wise path for ASCII gives the scalar-wise order, on ids mixing digits, zeros, letters and
    /// Vietnamese letters.
    func testNaturalOrderIsTheSameOnEveryPath() {
        var random = SeededRandom(seed: 7)
        let alphabet: [String] = ["0", "0", "1", "2", "9", "A", "b", "-", "ệ", "Đ"]
        func id() -> String { (0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined() }
        for _ in 0..<20_000 {
            let (a, b) = (id(), id())
            XCTAssertEqual(naturallyPrecedes(a, b), scalarNaturallyPrecedes(a, b), "\(a) \(b)")
        }
    }

    func testNaturalRanksArePlacesInNaturalOrderWithEqualIdsByPosition() {
        let ids = ["25-10", "25-2", "CB20", "7", "007", "25-2"]
        // In natural order: 007, 7, 25-2 (position 1), 25-2 (position 5), 25-10, CB20.
        XCTAssertEqual(naturalRanks(ids), [4, 2, 5, 1, 0, 3])
        XCTAssertEqual(naturalRanks([]), [])
    }

    func testRosterFileNamesAreSafe() {
        XCTAssertEqual(FileNames.safe("TC-LLCT", fallback: "course"), "TC-LLCT")
        XCTAssertEqual(FileNames.safe("Tiếng Đức/2", fallback: "course"), "Tieng_Duc_2")
        XCTAssertEqual(FileNames.safe("../x", fallback: "course"), "___x")
        XCTAssertEqual(FileNames.safe("", fallback: "course"), "course")
        XCTAssertEqual(FileNames.safe("TX Đức Phổ", fallback: "district"), "TX_Duc_Pho")
        XCTAssertEqual(FileNames.safe("Con", fallback: "district"), "Con_", "a name Windows reserves")
        XCTAssertEqual(FileNames.safe(String(repeating: "x", count: 200), fallback: "district").count, 80)
    }

    func testFileNamesDifferingOnlyInLetterCaseAreMadeDistinct() {
        XCTAssertEqual(FileNames.distinct(["Ba_To", "ba_to", "Ba_To", "Son_Ha"]), ["Ba_To", "ba_to-2", "Ba_To-3", "Son_Ha"])
    }
}
