import Foundation

/// Reads an input table whatever form it comes in: CSV (UTF-8 or UTF-16, separated by `,`, `;` or tabs) or an
/// Excel workbook (its first sheet). The form is told by the bytes, not the name, so a workbook renamed
/// `.csv` still reads.
enum TableFile {
    /// The rows of a file before any of them is taken as the header: one sheet for CSV, every sheet of a
    /// workbook (the first only with `onlyFirst`).
    struct Sheets {
        var sheets: [XLSXReader.SheetRows]
        var decimalComma: Bool
        /// From a workbook, where a missing cell is simply empty.
        var cells: Bool
    }

    /// Nil, after the problems that explain why, when the file cannot give a table with a header.
    static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> CSVTable? {
        guard let read = sheets(data, file: file, onlyFirst: true, problems: &problems) else { return nil }
        return firstSheetTable(read, file: file, problems: &problems)
    }

    /// The first sheet as a table whose header is its first non-blank row; nil when that header is unreadable.
    static func firstSheetTable(_ sheets: Sheets, file: String, problems: inout [InputProblem]) -> CSVTable? {
        let before = problems.count
        let table = CSVTable(
            rows: sheets.sheets.first?.rows ?? [], file: file, decimalComma: sheets.decimalComma, cells: sheets.cells,
            problems: &problems)
        // A header that cannot be read leaves every column looking missing: say only why.
        let headerUnreadable = problems[before...].contains { $0.line == nil || ($0.line == table.headerLine && $0.field == nil) }
        return table.header.isEmpty || headerUnreadable ? nil : table
    }

    /// Nil, after the problems that explain why, when the file cannot be read at all.
    static func sheets(_ data: Data, file: String, onlyFirst: Bool, problems: inout [InputProblem]) -> Sheets? {
        let before = problems.count
        let result: Sheets
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let sheets = XLSXReader.sheets(data, file: file, onlyFirst: onlyFirst, problems: &problems) else { return nil }
            result = Sheets(sheets: sheets, decimalComma: false, cells: true)
        } else if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            problems.append(InputProblem(
                file: file, message: "is an Excel 97–2003 workbook (.xls), which cannot be read; "
                    + "save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""))
            return nil
        } else {
            guard let bytes = TextEncoding.utf8(data, file: file, problems: &problems) else { return nil }
            let (rows, decimalComma) = CSVReader.rows(bytes: bytes, file: file, problems: &problems)
            result = Sheets(sheets: [XLSXReader.SheetRows(name: nil, rows: rows)], decimalComma: decimalComma, cells: false)
        }
        // Problems of the whole file (not UTF-8 …) leave nothing worth reading.
        if problems[before...].contains(where: { $0.line == nil }) { return nil }
        return result
    }
}
