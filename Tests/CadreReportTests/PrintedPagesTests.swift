import CadreDomain
import CadrePlanner
import Foundation
import XCTest
@testable import CadreReport

/// How the workbooks print, read back from their XML: what Excel and LibreOffice obey when printing.
/// `scripts/check-print.sh` prints them for real.
final class PrintedPagesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try ReportFixtures.scratchFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func reader(_ data: Data?, _ name: String) throws -> WorkbookReader {
        let path = folder.appendingPathComponent(name).path
        try XCTUnwrap(data, name).write(to: URL(fileURLWithPath: path))
        return WorkbookReader(path: path)
    }

    private func pageSetup(_ sheet: XMLTree) -> [String: String] { sheet.all("pageSetup").first?.attributes ?? [:] }

    func testEveryPlanSheetPrintsOnA4FittedToOnePageWidthWithItsHeaderRowTitleAndPageNumbers() throws {
        let workbook = try reader(try WorkbookWriter.data(for: ReportFixtures.handMade()), "plan.xlsx")
        let titles = try workbook.printTitles()
        for name in try workbook.sheetNames() {
            let sheet = try workbook.worksheet(name)
            XCTAssertEqual(pageSetup(sheet)["paperSize"], "9", "\(name): A4")
            XCTAssertEqual(sheet.all("pageSetUpPr").first?.attributes["fitToPage"], "1", name)
            XCTAssertEqual(pageSetup(sheet)["fitToWidth"] ?? "1", "1", "\(name): one page across")
            XCTAssertEqual(pageSetup(sheet)["fitToHeight"], "0", "\(name): as many pages down as needed")
            XCTAssertEqual(titles[name], "$1:$1", "\(name): the header row on every page")
            XCTAssertEqual(sheet.all("oddHeader").first?.text, "&L\(name)&RKịch bản: hand <made>")
            XCTAssertEqual(sheet.all("oddFooter").first?.text, "&CTrang &P/&N")
        }
        // Eleven columns do not fit a portrait page; two do.
        XCTAssertEqual(pageSetup(try workbook.worksheet("Lịch đào tạo"))["orientation"], "landscape")
        XCTAssertNotEqual(pageSetup(try workbook.worksheet("Tổng quan"))["orientation"], "landscape")
    }

    func testPageNumbersAreInEnglishWithLangEn() throws {
        let workbook = try reader(try WorkbookWriter.data(for: ReportFixtures.handMade(), language: .en), "plan-en.xlsx")
        XCTAssertEqual(try workbook.worksheet("Schedule").all("oddFooter").first?.text, "&CPage &P of &N")
    }

    func testColumnsAreAsWideAsTheirLongestNameWithinALimit() {
        let table = Table(name: "t", columns: [.init(title: "Họ và tên", width: 10), .init(title: "Tên khóa học", width: 10)],
                          rows: [[.text("Nguyễn Thị Phương Thảo"), .text(String(repeating: "x", count: 200))]])
        let widths = WorkbookWriter.printedWidths(table)
        XCTAssertEqual(widths[0], 24)
        XCTAssertEqual(widths[1], WorkbookWriter.widestColumn)
    }

    private func letterheaded() -> PlanningResult {
        var result = ReportFixtures.handMade()
        result.scenario.letterhead = Letterhead(
            issuer: "TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI", issuerParent: "TỈNH ỦY QUẢNG NGÃI", signerTitle: "HIỆU TRƯỞNG",
            signerName: "Nguyễn Văn Hiệu", place: "Quảng Ngãi")
        return result
    }

    func testARosterIsLaidOutAsAnAdministrativePaper() throws {
        let files = try ReportFiles.files(for: letterheaded(), language: .vi)
        let workbook = try reader(files["rosters/2022_TC-LLCT.xlsx"], "roster.xlsx")
        XCTAssertEqual(try workbook.sheetNames(), ["2022_TC-LLCT"])
        let rows = try workbook.rows(of: "2022_TC-LLCT")
        func cell(_ row: Int, _ column: Int) -> String? { rows.indices.contains(row) && rows[row].indices.contains(column) ? rows[row][column] : nil }

        XCTAssertEqual(cell(0, 0), "TỈNH ỦY QUẢNG NGÃI")
        XCTAssertEqual(cell(1, 0), "TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI")
        XCTAssertEqual(cell(0, 3), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        XCTAssertEqual(cell(1, 3), "Độc lập - Tự do - Hạnh phúc")
        XCTAssertEqual(cell(2, 3), "Quảng Ngãi, ngày …… tháng …… năm ……")
        XCTAssertEqual(cell(4, 0), "DANH SÁCH HỌC VIÊN")
        XCTAssertEqual(cell(5, 0), "Lớp Trung cấp lý luận chính trị (TC-LLCT), năm 2022")
        XCTAssertEqual(cell(6, 0), "Khai giảng năm 2022; thời gian học: 2 năm, 40 ngày mỗi năm")
        XCTAssertEqual(rows[8], ["STT", "Mã cán bộ", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Xã, phường, thị trấn", "Huyện"])
        XCTAssertEqual(rows[9], ["1", "A1", "Nguyễn <b>Văn</b> & \"An\"", "Nam", "1980", "Chủ tịch UBND", "Xã Ba Điền", "Ba Tơ"])
        XCTAssertEqual(cell(10, 0), "Tổng cộng: 1 học viên")
        XCTAssertEqual(cell(12, 0), "Nơi nhận:")
        XCTAssertEqual(cell(12, 3), "HIỆU TRƯỞNG")
        XCTAssertEqual(cell(13, 3), "(Ký, ghi rõ họ tên và đóng dấu)")
        XCTAssertEqual(cell(18, 3), "Nguyễn Văn Hiệu")

        let sheet = try workbook.worksheet("2022_TC-LLCT")
        XCTAssertEqual(pageSetup(sheet)["paperSize"], "9")
        XCTAssertNotEqual(pageSetup(sheet)["orientation"], "landscape", "a paper to sign is portrait")
        XCTAssertEqual(pageSetup(sheet)["fitToHeight"], "0")
        XCTAssertEqual(try workbook.printTitles()["2022_TC-LLCT"], "$9:$9", "the table's headings on every page")
        XCTAssertEqual(sheet.all("oddFooter").first?.text, "&CTrang &P/&N")
        XCTAssertTrue(sheet.all("mergeCell").contains { $0.attributes["ref"] == "D1:H1" }, "the national title spans the right half")
    }

    func testWithoutLetterheadKeysTheProviderIssuesAndTheRestIsLeftToFillIn() throws {
        var result = ReportFixtures.handMade()
        result.scenario.courses[0].provider = "Trường Chính trị tỉnh"
        let workbook = try reader(try ReportFiles.files(for: result, language: .en)["rosters/2022_TC-LLCT.xlsx"], "en.xlsx")
        let rows = try workbook.rows(of: "2022_TC-LLCT")
        XCTAssertEqual(rows[0].first, "TRƯỜNG CHÍNH TRỊ TỈNH")
        XCTAssertEqual(rows[0][3], "SOCIALIST REPUBLIC OF VIETNAM")
        XCTAssertEqual(rows[2][3], "……………, date …… / …… / ……")
        XCTAssertEqual(rows[9][3], "male")
        XCTAssertTrue(rows.contains { $0.count > 3 && $0[3] == "HEAD OF THE ISSUING BODY" })
        XCTAssertTrue(rows.contains { $0.first == "- Trường Chính trị tỉnh;" })
    }

    func testADistrictGetsOneWorkbookWithASheetPerIntakeListingOnlyItsTrainees() throws {
        let files = try ReportFiles.files(for: letterheaded(), language: .vi)
        let workbook = try reader(files["rosters/districts/Ba_To.xlsx"], "Ba_To.xlsx")
        XCTAssertEqual(try workbook.sheetNames(), ["2022_TC-LLCT", "2023_QLNN-CV", "2024_QLNN-CV"])
        let rows = try workbook.rows(of: "2023_QLNN-CV")
        XCTAssertEqual(rows[7].first, "Học viên của Ba Tơ")
        XCTAssertEqual(rows[9].prefix(3), ["1", "A10", "Lê Văn Cường"])
        XCTAssertEqual(rows[10].first, "Tổng cộng: 1 học viên")
        XCTAssertEqual(rows[13].first, "- Ba Tơ;", "sent to the district")
    }

    func testRosterPapersAreTheSameBytesForTheSamePlanWrittenOnEveryCore() throws {
        let result = letterheaded()
        let first = try ReportFiles.files(for: result, language: .vi)
        Thread.sleep(forTimeInterval: 1.1) // a clock stamp anywhere in a file would now differ
        XCTAssertEqual(first, try ReportFiles.files(for: result, language: .vi))
        let core = String(decoding: try reader(first["rosters/2022_TC-LLCT.xlsx"], "core.xlsx").part("docProps/core.xml"), as: UTF8.self)
        XCTAssertTrue(core.contains("2022-01-01T00:00:00Z"), core)
    }
}
