import CadreIO
import CadrePlanner
import Foundation
import XCTest
@testable import CadreReport

final class WorkbookWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try ReportFixtures.scratchFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func reader(for result: PlanningResult, language: ReportLanguage = .vi) throws -> WorkbookReader {
        let path = folder.appendingPathComponent("plan-\(language.rawValue).xlsx").path
        try WorkbookWriter.data(for: result, language: language).write(to: URL(fileURLWithPath: path))
        return WorkbookReader(path: path)
    }

    func testSheetsAreNamedInVietnameseByDefaultAndInEnglishOnRequest() throws {
        let result = ReportFixtures.handMade()
        XCTAssertEqual(try reader(for: result).sheetNames(),
                       ["Tổng quan", "Lịch đào tạo", "Khóa học", "Phân bổ theo huyện", "Tiến độ chỉ tiêu", "Kinh phí", "Theo cán bộ"])
        XCTAssertEqual(try reader(for: result, language: .en).sheetNames(),
                       ["Summary", "Schedule", "Intakes", "Districts", "Target progress", "Budget", "By official"])
    }

    func testScheduleAndProgressSheetsHoldTheCSVRows() throws {
        for result in [ReportFixtures.handMade(), try ReportFixtures.planned(seed: 7)] {
            let csv = PlanWriter.files(for: result)
            let workbook = try reader(for: result)

            let schedule = try ReportFixtures.csvRows(csv["schedule.csv"])
            let scheduleSheet = try workbook.rows(of: "Lịch đào tạo")
            XCTAssertEqual(scheduleSheet.first?.count, schedule.header.count, "one sheet column per CSV column")
            XCTAssertEqual(Array(scheduleSheet.dropFirst()), schedule.rows)
            XCTAssertFalse(schedule.rows.isEmpty, "a plan with starts, so the comparison means something")

            let attainment = try ReportFixtures.csvRows(csv["attainment.csv"])
            let progress = try workbook.rows(of: "Tiến độ chỉ tiêu").dropFirst()
            XCTAssertEqual(progress.count, attainment.rows.count)
            XCTAssertEqual(progress.map { Array($0.prefix(attainment.header.count)) }, attainment.rows)

            let intakes = try ReportFixtures.csvRows(csv["intakes.csv"])
            XCTAssertEqual(try workbook.rows(of: "Khóa học").dropFirst().map { Array($0.prefix(intakes.header.count)) }, intakes.rows)
        }
    }

    func testProgressShowsTheAttainedShareAsAFraction() throws {
        let rows = try reader(for: ReportFixtures.handMade()).rows(of: "Tiến độ chỉ tiêu")
        // 25-3 in 2024: both key cadres hold intermediate theory by the end of 2024.
        let row = try XCTUnwrap(rows.first { $0.first == "25-3" && $0[1] == "2024" })
        XCTAssertEqual(Array(row[2...5]), ["2", "2", "2", "0"])
        XCTAssertEqual(Double(row[6]), 1.0)
        // 2022: nobody yet.
        let early = try XCTUnwrap(rows.first { $0.first == "25-3" && $0[1] == "2022" })
        XCTAssertEqual(Double(early[6]), 0.0)
    }

    func testHeaderIsBoldAndFrozenAndMoneyAndSharesHaveTheirFormats() throws {
        let workbook = try reader(for: ReportFixtures.handMade())
        let styles = String(decoding: try workbook.part("xl/styles.xml"), as: UTF8.self)
        XCTAssertTrue(styles.contains("formatCode=\"#,##0\""), "VND format")
        XCTAssertTrue(styles.contains("formatCode=\"0.0%\""), "percentage format")
        XCTAssertTrue(styles.contains("<b/>"), "a bold font for headers")
        // Sheet 2 is the schedule: frozen below row 1, with set column widths.
        let sheet = String(decoding: try workbook.part("xl/worksheets/sheet2.xml"), as: UTF8.self)
        XCTAssertTrue(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\""), sheet.prefix(800).description)
        XCTAssertTrue(sheet.contains("<col "), "column widths")
    }

    func testSamePlanGivesTheSameBytes() throws {
        let result = ReportFixtures.handMade()
        let first = try WorkbookWriter.data(for: result)
        Thread.sleep(forTimeInterval: 1.1) // a clock stamp anywhere in the file would now differ
        let second = try WorkbookWriter.data(for: result)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, try WorkbookWriter.data(for: result, language: .en))
        let core = String(decoding: try reader(for: result).part("docProps/core.xml"), as: UTF8.self)
        XCTAssertTrue(core.contains("2022-01-01T00:00:00Z"), core)
    }

    /// The styles are written by hand: each cell's `s` must lead to the font, fill, border and number format its
    /// `Style` names, as Excel resolves it through styles.xml.
    func testEachStyleResolvesToItsFontFillBorderAndNumberFormat() throws {
        let data = try XLSXWorkbook.bytes(title: "styles", created: Date(timeIntervalSince1970: 0)) { workbook in
            let sheet = try workbook.addSheet(named: "Kiểu")
            for style in XLSXWorkbook.Style.allCases { try sheet.write(1234.5, row: style.rawValue, column: 0, style: style) }
        }
        let path = folder.appendingPathComponent("styles.xlsx").path
        try data.write(to: URL(fileURLWithPath: path))
        let workbook = WorkbookReader(path: path)
        let styles = try XMLTree.parse(workbook.part("xl/styles.xml"))
        let formats = Dictionary(uniqueKeysWithValues: styles.all("numFmt").map { ($0.attributes["numFmtId"] ?? "", $0.attributes["formatCode"] ?? "") })
        let fonts = styles.all("fonts").first?.children ?? []
        let fills = styles.all("fills").first?.children ?? []
        let borders = styles.all("borders").first?.children ?? []
        let cellFormats = styles.all("cellXfs").first?.children ?? []
        let cells = try workbook.worksheet("Kiểu").all("c")
        XCTAssertEqual(cells.count, XLSXWorkbook.Style.allCases.count)

        struct Look: Equatable {
            var format = "", font = "Calibri", size = "11", bold = false, italic = false, underlined = false
            var filled = false, bordered = false, centred = false
        }
        func look(of cell: XMLTree) throws -> Look {
            let xf = cellFormats[Int(cell.attributes["s"] ?? "0")!]
            let font = fonts[Int(xf.attributes["fontId"]!)!]
            let fill = fills[Int(xf.attributes["fillId"]!)!]
            let border = borders[Int(xf.attributes["borderId"]!)!]
            return Look(format: formats[xf.attributes["numFmtId"]!] ?? "", font: font.all("name").first?.attributes["val"] ?? "",
                        size: font.all("sz").first?.attributes["val"] ?? "", bold: !font.all("b").isEmpty,
                        italic: !font.all("i").isEmpty, underlined: !font.all("u").isEmpty,
                        filled: fill.all("patternFill").first?.attributes["patternType"] == "solid",
                        bordered: border.all("left").first?.attributes["style"] == "thin",
                        centred: xf.all("alignment").first?.attributes["horizontal"] == "center")
        }
        let times = "Times New Roman"
        let expected: [XLSXWorkbook.Style: Look] = [
            .text: Look(), .header: Look(bold: true, filled: true), .integer: Look(format: "0"), .money: Look(format: "#,##0"),
            .percent: Look(format: "0.0%"), .decimal: Look(format: "0.000"),
            .paperHeader: Look(font: times, size: "12", bold: true, bordered: true, centred: true),
            .paperCell: Look(font: times, size: "12", bordered: true),
            .paperNumber: Look(format: "0", font: times, size: "12", bordered: true, centred: true),
            .paperTotal: Look(font: times, size: "12", bold: true, bordered: true),
            .paperCentered: Look(font: times, size: "12", centred: true),
            .paperBold: Look(font: times, size: "12", bold: true, centred: true),
            .paperUnderlined: Look(font: times, size: "12", bold: true, underlined: true, centred: true),
            .paperItalic: Look(font: times, size: "12", italic: true, centred: true),
            .paperTitle: Look(font: times, size: "14", bold: true, centred: true),
            .paperNote: Look(font: times, size: "11", bold: true, italic: true),
            .paperSmall: Look(font: times, size: "11"),
        ]
        for style in XLSXWorkbook.Style.allCases {
            let cell = try XCTUnwrap(cells.first { $0.attributes["r"] == "A\(style.rawValue + 1)" })
            XCTAssertEqual(try look(of: cell), expected[style], "\(style)")
            XCTAssertEqual(cell.all("v").first?.text, "1234.5")
        }
    }

    /// Markup, quotes, spaces at the ends and control characters (which XML 1.0 cannot hold) all come back
    /// as written; a control character as Excel's `_xHHHH_` escape, which Excel turns back into it.
    func testTextsThatXMLMustEscapeReadBackAsWritten() throws {
        let texts = ["Nguyễn <b>Văn</b> & \"An\"", "  hai dấu cách ", "tab\there", "chuông\u{07}", "A'B"]
        let data = try XLSXWorkbook.bytes(title: "<tiêu đề> & \"x\"", created: Date(timeIntervalSince1970: 0)) { workbook in
            let sheet = try workbook.addSheet(named: "it's & <ok>")
            for (row, text) in texts.enumerated() { try sheet.write(text, row: row, column: 1) }
            try sheet.setUpPage(PageSetup(repeatedRows: 0...0, headerLeft: "A & B", pageNumbering: ("Trang ", "/")))
        }
        let path = folder.appendingPathComponent("escapes.xlsx").path
        try data.write(to: URL(fileURLWithPath: path))
        let workbook = WorkbookReader(path: path)
        XCTAssertEqual(try workbook.sheetNames(), ["it's & <ok>"])
        XCTAssertEqual(try workbook.rows(of: "it's & <ok>").map { $0.last ?? "" },
                       ["Nguyễn <b>Văn</b> & \"An\"", "  hai dấu cách ", "tab\there", "chuông_x0007_", "A'B"])
        XCTAssertEqual(try workbook.printTitles()["it's & <ok>"], "$1:$1")
        XCTAssertEqual(try workbook.worksheet("it's & <ok>").all("oddHeader").first?.text, "&LA && B&R")
        XCTAssertTrue(String(decoding: try workbook.part("docProps/core.xml"), as: UTF8.self).contains("<dc:title>&lt;tiêu đề&gt; &amp; &quot;x&quot;</dc:title>"))
    }

    func testACellLongerThanExcelHoldsIsAnErrorNamingTheCell() throws {
        XCTAssertThrowsError(try XLSXWorkbook.bytes(title: "t", created: Date()) { workbook in
            let sheet = try workbook.addSheet(named: "Một")
            try sheet.write(String(repeating: "ắ", count: 32_767), row: 0, column: 0)
            try sheet.write(String(repeating: "a", count: 32_768), row: 2, column: 1)
        }) { error in
            XCTAssertEqual("\(error)", "cannot write B3: more than 32,767 characters, Excel's limit for a cell")
        }
    }

    func testASheetNameExcelRefusesIsAnError() throws {
        for name in ["", String(repeating: "x", count: 32), "a/b", "'quoted'", "hai"] {
            XCTAssertThrowsError(try XLSXWorkbook.bytes(title: "t", created: Date()) { workbook in
                _ = try workbook.addSheet(named: "Hai")
                _ = try workbook.addSheet(named: name)
            }, name)
        }
    }
}
