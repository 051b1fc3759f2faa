import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

final class XLSXReaderTests: XCTestCase {
    func testAWorkbookReadsLikeTheSameCSV() throws {
        let data = try XLSXFixture.workbook(rows: XLSXFixture.rows(ofCSV: Fixtures.officials))
        let (values, problems) = readOfficials(data, file: "officials.xlsx")
        XCTAssertEqual(problems, [])
        var csvProblems: [InputProblem] = []
        XCTAssertEqual(values, OfficialsReader.read(Data(Fixtures.officials.utf8), file: "o.csv", problems: &csvProblems))
        XCTAssertEqual(values.count, 2)
    }

    func testMessagesGiveExcelRowNumbers() throws {
        var rows = XLSXFixture.rows(ofCSV: Fixtures.officials.replacingOccurrences(of: "intermediate,specialist", with: "trung cap,specialist"))
        rows.insert([], at: 0) // the header on Excel row 2
        rows.insert([], at: 2) // a blank row between header and data
        let (values, problems) = readOfficials(try XLSXFixture.workbook(rows: rows), file: "officials.xlsx")
        XCTAssertEqual(values.map(\.id), ["CB2"])
        XCTAssertEqual(problems, [
            "officials.xlsx:4: political_theory: \"trung cap\" is not one of none, elementary, intermediate, advanced",
        ])
    }

    func testSharedAndInlineStringsNumbersBooleansAndMissingCells() throws {
        let sheet = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>share</t></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
        <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>0.69999999999999996</v></c><c r="D3" t="b"><v>1</v></c></row>
        <row r="4"><c r="A4" t="inlineStr"><is><r><t>Lò </t></r><r><t>Thị</t></r></is></c><c r="B4"><v>1975</v></c><c r="C4" t="str"><f>A4</f><v>x</v></c><c r="D4" t="b"><v>0</v></c></row>
        """
        let data = try XLSXFixture.workbook(sheetData: sheet, sharedStrings: [
            "name", "note", "flag", "<r><t>Nguyễn </t></r><r><t>Văn An</t></r><rPh><t>phonetic</t></rPh>",
        ])
        var problems: [InputProblem] = []
        let table = TableFile.read(data, file: "t.xlsx", problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(table?.header, ["name", "share", "note", "flag"])
        XCTAssertEqual(table?.records, [
            CSVRecord(line: 3, fields: ["Nguyễn Văn An", "0.7", "", "yes"]),
            CSVRecord(line: 4, fields: ["Lò Thị", "1975", "x", "no"]),
        ])
    }

    func testBrokenWorkbooksAreRefusedWithOneMessage() throws {
        func problems(_ data: Data) -> [String] {
            var problems: [InputProblem] = []
            XCTAssertNil(TableFile.read(data, file: "b.xlsx", problems: &problems))
            return problems.map(\.description)
        }
        XCTAssertEqual(problems(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])), ["b.xlsx: is not a readable Excel workbook: the ZIP archive is damaged (too short)"])
        XCTAssertEqual(problems(try XLSXFixture.zip([("content.xml", Data("<x/>".utf8))])),
                       ["b.xlsx: is not a readable Excel workbook: xl/workbook.xml is missing (is it an Excel workbook?)"])
        XCTAssertEqual(problems(try XLSXFixture.workbook(sheetData: "<row><c><v>1</v></c></row></sheetData></worksheet><x>", sharedStrings: [])),
                       ["b.xlsx: is not a readable Excel workbook: the first sheet has broken XML at line 2"])
        XCTAssertEqual(problems(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])),
                       ["b.xlsx: is an Excel 97–2003 workbook (.xls), which cannot be read; save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""])
    }

    func testCellsThatCannotBeRead() throws {
        let sheet = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>
        <row r="2"><c r="A2" t="s"><v>5</v></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c><c r="C3" t="inlineStr"><is><t>stray</t></is></c></row>
        """
        var problems: [InputProblem] = []
        let table = TableFile.read(try XLSXFixture.workbook(sheetData: sheet, sharedStrings: []), file: "c.xlsx", problems: &problems)
        XCTAssertEqual(table?.records, [])
        XCTAssertEqual(problems.map(\.description), [
            "c.xlsx:2: cell A2 refers to shared text \"5\", which the workbook does not hold",
            "c.xlsx:3: cell C3 holds \"stray\" but its column has no header",
        ])
    }

    func testAScenarioMayNameWorkbooks() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario(Fixtures.scenario.replacingOccurrences(of: "officials.csv", with: "officials.xlsx")
            .replacingOccurrences(of: "courses.csv", with: "courses.xlsx"))
        try folder.write("officials.xlsx", XLSXFixture.workbook(rows: XLSXFixture.rows(ofCSV: Fixtures.officials)))
        try folder.write("courses.xlsx", XLSXFixture.workbook(rows: XLSXFixture.rows(ofCSV: Fixtures.courses)))
        let loaded = try ScenarioLoader.load(path: folder.path + "/baseline.yaml")
        XCTAssertEqual(loaded.scenario.officials.map(\.fullName), ["Nguyễn Văn An", "Lò Thị Bình"])
        XCTAssertEqual(loaded.scenario.courses.map(\.cost), [4_000_000, 30_000_000, 2_500_000])
    }

    func testColumnNames() {
        XCTAssertEqual([0, 25, 26, 701, 702].map(XLSXReader.columnName), ["A", "Z", "AA", "ZZ", "AAA"])
        XCTAssertEqual(["A1", "Z9", "AA10", "ZZ1", "AAA2"].map(XLSXReader.columnIndex(ofReference:)), [0, 25, 26, 701, 702])
    }
}
