import CadrePlanner
import Foundation

/// `plan.xlsx`: the plan's tables as Excel sheets, written by libxlsxwriter.
public enum WorkbookWriter {
    /// The workbook's bytes; the same result and language always give the same bytes.
    public static func data(for result: PlanningResult, language: ReportLanguage = .vi) throws -> Data {
        try data(for: result, language: language, officialPlans: OfficialPlan.all(plan: result.plan, scenario: result.scenario))
    }

    /// `officialPlans`: `OfficialPlan.all` of the result, which `ReportFiles` also writes as a CSV.
    static func data(for result: PlanningResult, language: ReportLanguage, officialPlans: [OfficialPlan]) throws -> Data {
        // libxlsxwriter writes only to a file: write one in a private temporary folder, read it back.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.xlsx").path

        let workbook = try XLSXWorkbook(path: path, title: result.scenario.name, created: creationStamp(result))
        for table in PlanTables(result: result, words: Wording(language: language)).all(officialPlans: officialPlans) {
            try write(table, to: workbook.addSheet(named: table.name))
        }
        try workbook.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// 1 January of the base year, UTC: a date that belongs to the plan rather than to the moment of writing,
    /// which would make every run's bytes differ.
    static func creationStamp(_ result: PlanningResult) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: result.scenario.baseYear, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }

    private static func write(_ table: Table, to sheet: XLSXWorkbook.Sheet) throws {
        for (column, heading) in table.columns.enumerated() {
            try sheet.setWidth(heading.width, column: column)
            try sheet.write(heading.title, row: 0, column: column, style: .header)
        }
        for (index, cells) in table.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                switch cell {
                case .text(let text): try sheet.write(text, row: index + 1, column: column)
                case .number(let value, let style): try sheet.write(value, row: index + 1, column: column, style: style.workbookStyle)
                case .empty: break
                }
            }
        }
        try sheet.freezeHeader(columns: table.columns.count, lastRow: table.rows.count)
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
