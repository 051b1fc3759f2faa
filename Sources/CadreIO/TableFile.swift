import Foundation

/// Reads an input table whatever form it comes in: CSV (UTF-8 or UTF-16, separated by `,`, `;` or tabs) or an
/// Excel workbook (its first sheet). The form is told by the bytes, not the name, so a workbook renamed
/// `.csv` still reads.
enum TableFile {
    /// Nil, after the problems that explain why, when the file cannot give a table with a header.
    static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> CSVTable? {
        let before = problems.count
        let table: CSVTable
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            table = XLSXReader.read(data, file: file, problems: &problems)
        } else if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            problems.append(InputProblem(
                file: file, message: "is an Excel 97–2003 workbook (.xls), which cannot be read; "
                    + "save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""))
            return nil
        } else {
            guard let bytes = TextEncoding.utf8(data, file: file, problems: &problems) else { return nil }
            table = CSVReader.read(bytes: bytes, file: file, problems: &problems)
        }
        // A header that cannot be read leaves every column looking missing: say only why.
        let headerUnreadable = problems[before...].contains { $0.line == nil || ($0.line == table.headerLine && $0.field == nil) }
        return table.header.isEmpty || headerUnreadable ? nil : table
    }
}
