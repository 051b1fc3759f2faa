import Foundation
import XCTest
@testable import CadreIO

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String) -> (CSVTable, [InputProblem]) {
        read(Data(text.utf8))
    }

    private func read(_ data: Data) -> (CSVTable, [InputProblem]) {
        var problems: [InputProblem] = []
        let table = CSVReader.read(data, file: "t.csv", problems: &problems)
        return (table, problems)
    }

    func testQuotedFieldsKeepSeparatorsLineBreaksAndDoubledQuotes() {
        let (table, problems) = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,2,3\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table.header, ["a", "b", "c"])
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"]),
            CSVRecord(line: 4, fields: ["plain", "2", "3"]),
        ])
    }

    func testBOMAndCRLFAndMissingFinalLineBreak() {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("id,name\r\n1,\"a\r\nb\"\r\n2,c".utf8))
        let (table, problems) = read(data)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table.header, ["id", "name"])
        XCTAssertEqual(table.records, [CSVRecord(line: 2, fields: ["1", "a\nb"]), CSVRecord(line: 4, fields: ["2", "c"])])
    }

    func testSemicolonSeparatorWhenTheHeaderHasNoComma() {
        let (table, problems) = read("id;cost;name\n1;4000000;\"Lê, Văn\"\n2;1,5;x\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table.records.map(\.fields), [["1", "4000000", "Lê, Văn"], ["2", "1,5", "x"]])
    }

    func testBlankLinesAndEmptyTrailingColumnsAreSkipped() {
        let (table, problems) = read("id,name,,\n\n1,a,,\n,,,\n2,b\n\n\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table.header, ["id", "name"])
        XCTAssertEqual(table.records, [CSVRecord(line: 3, fields: ["1", "a"]), CSVRecord(line: 5, fields: ["2", "b"])])
    }

    func testFieldsAreTrimmedAndNormalisedToNFC() {
        let decomposed = "Nguye\u{0302}\u{0303}n" // "Nguyễn" typed with combining marks
        let (table, _) = read("name,x\n  \(decomposed)\u{00A0} ,  \" quoted \"  \n")
        XCTAssertEqual(table.records[0].fields, ["Nguyễn", "quoted"])
        XCTAssertEqual(table.records[0].fields[0].unicodeScalars.count, 6)
    }

    func testHeaderIsLowerCased() {
        let (table, _) = read("ID,Full_Name\n1,a\n")
        XCTAssertEqual(table.header, ["id", "full_name"])
    }

    func testWrongFieldCountIsReportedWithItsLine() {
        let (table, problems) = read("a,b\n1,2\n1,2,3\n4\n5,6\n")
        XCTAssertEqual(table.records.map(\.line), [2, 5])
        XCTAssertEqual(problems.map(\.description), [
            "t.csv:3: has 3 fields but the header has 2 columns",
            "t.csv:4: has 1 fields but the header has 2 columns",
        ])
    }

    func testUnclosedQuoteIsReportedAtTheLineItStarts() {
        let (_, problems) = read("a,b\n1,2\n3,\"open\n4,5\n")
        XCTAssertEqual(problems.first?.line, 3)
        XCTAssertTrue(problems.first?.message.contains("never closed") ?? false)
    }

    func testInvalidUTF8IsReportedOnce() {
        var data = Data("name\n".utf8)
        data.append(contentsOf: [0x4C, 0xEA, 0x0A, 0x4C, 0xEA, 0x0A]) // "Lê" in a legacy code page, twice
        let (table, problems) = read(data)
        XCTAssertEqual(table.records.count, 2)
        XCTAssertEqual(problems.map(\.line), [2])
        XCTAssertTrue(problems[0].message.contains("UTF-8"))
    }

    func testEmptyFileNeedsAHeader() {
        let (_, problems) = read("\u{FEFF}")
        XCTAssertEqual(problems.map(\.description), ["t.csv: is empty: a header row is needed"])
    }

    func testAHundredThousandOfficialsReadQuickly() throws {
        var text = Fixtures.officialsHeader + "\n"
        for i in 0..<100_000 {
            text += "CB\(i),\"Nguyễn Văn \(i)\",male,1975,Kinh,key_cadre,Chủ tịch UBND,,yes,yes,Huyện \(i % 10),Xã \(i % 300),mountain,yes,12,university,intermediate,specialist,basic,2,studied,no,yes,\n"
        }
        let data = Data(text.utf8)
        let start = Date()
        var problems: [InputProblem] = []
        let officials = OfficialsReader.read(data, file: "officials.csv", problems: &problems)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(officials.count, 100_000)
        XCTAssertEqual(officials.last?.fullName, "Nguyễn Văn 99999")
        // Generous for unoptimised test builds; a release build reads this in well under a second.
        XCTAssertLessThan(seconds, 20)
        print("read 100000 officials in \(seconds) s")
    }
}
