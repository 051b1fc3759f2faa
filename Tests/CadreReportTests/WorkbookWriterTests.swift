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
}
