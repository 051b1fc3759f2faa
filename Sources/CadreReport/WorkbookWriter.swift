import CadrePlanner
import Foundation

/// `plan.xlsx`: the plan's tables as Excel sheets (`XLSXWorkbook`).
public enum WorkbookWriter {
    /// The workbook's bytes; the same result and language always give the same bytes.
    public static func data(for result: PlanningResult, language: ReportLanguage = .vi) throws -> Data {
        try data(for: result, language: language, officialPlans: OfficialPlan.all(plan: result.plan, scenario: result.scenario))
    }

    /// `officialPlans`: `OfficialPlan.all` of the result, which `ReportFiles` also writes as a CSV.
    static func data(for result: PlanningResult, language: ReportLanguage, officialPlans: [OfficialPlan]) throws -> Data {
        let words = Wording(language: language, unitLabel: result.scenario.unitLabel)
        return try XLSXWorkbook.bytes(title: result.scenario.name, created: creationStamp(result)) { workbook in
            for table in PlanTables(result: result, words: words).all(officialPlans: officialPlans) {
                try write(table, to: workbook.addSheet(named: table.name), scenario: result.scenario.name, words: words)
            }
        }
    }

    /// 1 January of the base year, UTC: a date that belongs to the plan rather than to the moment of writing,
    /// which would make every run's bytes differ.
    static func creationStamp(_ result: PlanningResult) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: result.scenario.baseYear, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }

    private static func write(_ table: Table, to sheet: XLSXWorkbook.Sheet, scenario: String, words: Wording) throws {
        let widths = printedWidths(table)
        try sheet.write(table, firstRow: 0, widths: widths, styles: .plan)
        try sheet.freezeHeader(columns: table.columns.count, lastRow: table.rows.count)
        // One line: the columns are as wide as their headings.
        try sheet.setHeight(headerHeight, row: 0)
        try sheet.setUpPage(PageSetup(
            landscape: widths.reduce(0, +) > portraitWidth, repeatedRows: 0...0, headerLeft: table.name,
            headerRight: "\(words.scenario): \(scenario)", pageNumbering: words.pageNumbering))
    }

    /// Excel's own height of a row of 11-point Calibri, in points.
    static let headerHeight = 15.0

    /// About what an A4 portrait page holds across, in Excel's character widths, at Excel's default margins; a
    /// sheet wider than this prints landscape, so that fitting it to the page width shrinks it less.
    static let portraitWidth = 95.0

    /// Each column as wide as its longest text (a name, a commune, a target's wording) and, with `headings`,
    /// its heading; never narrower than planned, and at most `widestColumn`: a longer text (a course's full
    /// name) is cut at the cell's edge rather than shrinking every column of the printed page. Letters with
    /// marks are as wide as without; two characters more leave room for a bold heading and the cell's padding.
    /// Neither Excel nor LibreOffice grows a row to fit wrapped text when opening a file, so widths are what
    /// keeps a text whole.
    static func printedWidths(_ table: Table, headings: Bool = true) -> [Double] {
        var longest = table.columns.map { headings ? $0.title.unicodeScalars.count : 0 }
        for cells in table.rows {
            for (column, cell) in cells.enumerated() {
                if case .text(let text) = cell { longest[column] = max(longest[column], text.unicodeScalars.count) }
            }
        }
        return zip(table.columns, longest).map { heading, longest in
            max(heading.width, min(widestColumn, Double(longest + 2)))
        }
    }

    static let widestColumn = 40.0
}

/// Which cell styles a table is written in: the plan's sheets or a paper's.
struct TableStyles: Sendable {
    var header: XLSXWorkbook.Style
    var text: XLSXWorkbook.Style
    var number: @Sendable (Table.NumberStyle) -> XLSXWorkbook.Style

    static let plan = TableStyles(header: .header, text: .text, number: { $0.workbookStyle })
    static let paper = TableStyles(header: .paperHeader, text: .paperCell, number: { _ in .paperNumber })
}

extension XLSXWorkbook.Sheet {
    /// The headings in `firstRow`, the rows below them.
    func write(_ table: Table, firstRow: Int, widths: [Double], styles: TableStyles) throws {
        for (column, heading) in table.columns.enumerated() {
            try setWidth(widths[column], column: column)
            try write(heading.title, row: firstRow, column: column, style: styles.header)
        }
        for (index, cells) in table.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                switch cell {
                case .text(let text): try write(text, row: firstRow + 1 + index, column: column, style: styles.text)
                case .number(let value, let style): try write(value, row: firstRow + 1 + index, column: column, style: styles.number(style))
                case .empty: break
                }
            }
        }
    }
}

private extension Table.NumberStyle {
    var workbookStyle: XLSXWorkbook.Style {
        switch self {
        case .integer: .integer
        case .money: .money
        case .percent: .percent
        case .decimal: .decimal
        }
    }
}
