internal import CXLSXWriter
import Foundation

/// Why a workbook could not be written: libxlsxwriter's own message and what was being done.
public struct WorkbookError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// One libxlsxwriter workbook being written to a file. Owns the C workbook: it is freed by `close()`, or by
/// `deinit` when writing stopped early. Every call that can fail is checked; nothing of C leaves this file.
final class XLSXWorkbook {
    /// The plan's tables use the first six; the papers (rosters) the `paper…` ones, in Times New Roman as
    /// Decree 30/2020/NĐ-CP sets administrative documents. A style no cell uses is left out of the file.
    enum Style: CaseIterable {
        case header, text, integer, money, percent, decimal
        /// A table's heading row, its text and number cells, and its closing total: thin borders all round.
        case paperHeader, paperCell, paperNumber, paperTotal
        /// Lines above and below the table.
        case paperCentered, paperBold, paperUnderlined, paperItalic, paperTitle, paperNote, paperSmall
    }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false

    /// The bytes of a workbook `fill` writes. libxlsxwriter writes only to a file: it goes to a private temporary
    /// folder and is read back. `created` is stamped into docProps/core.xml; a date belonging to the plan rather
    /// than to the moment of writing keeps the bytes the same for the same plan.
    static func bytes(title: String, created: Date, _ fill: (XLSXWorkbook) throws -> Void) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workbook.xlsx").path
        let workbook = try XLSXWorkbook(path: path, title: title, created: created)
        try fill(workbook)
        try workbook.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private init(path: String, title: String, created: Date) throws {
        guard let workbook = workbook_new(path) else {
            throw WorkbookError(message: "cannot create the workbook \(path)")
        }
        self.workbook = workbook
        try title.withCString { title in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: title)
            properties.created = time_t(created.timeIntervalSince1970)
            try check(workbook_set_properties(workbook, &properties), "setting the workbook properties")
        }
        for style in Style.allCases {
            guard let format = workbook_add_format(workbook) else { throw WorkbookError(message: "cannot add a cell format") }
            switch style {
            case .header:
                format_set_bold(format)
                format_set_bg_color(format, 0xDDE6F0)
                format_set_text_wrap(format)
                format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            case .text: break
            case .integer: format_set_num_format(format, "0")
            case .money: format_set_num_format(format, "#,##0")
            case .percent: format_set_num_format(format, "0.0%")
            case .decimal: format_set_num_format(format, "0.000")
            case .paperHeader:
                Self.paper(format, bold: true, centered: true)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .paperCell:
                Self.paper(format)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .paperNumber:
                Self.paper(format, centered: true)
                format_set_num_format(format, "0")
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .paperTotal:
                Self.paper(format, bold: true)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .paperCentered: Self.paper(format, centered: true)
            case .paperBold: Self.paper(format, bold: true, centered: true)
            case .paperUnderlined:
                // Decree 30 draws a short rule under the issuer and the motto; underlining them is the closest a cell gets.
                Self.paper(format, bold: true, centered: true)
                format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
            case .paperItalic:
                Self.paper(format, centered: true)
                format_set_italic(format)
            case .paperTitle:
                Self.paper(format, bold: true, centered: true)
                format_set_font_size(format, 14)
            case .paperNote:
                Self.paper(format, bold: true)
                format_set_italic(format)
                format_set_font_size(format, 11)
            case .paperSmall:
                Self.paper(format)
                format_set_font_size(format, 11)
            }
            formats[style] = format
        }
    }

    private static func paper(_ format: UnsafeMutablePointer<lxw_format>, bold: Bool = false, centered: Bool = false) {
        format_set_font_name(format, "Times New Roman")
        format_set_font_size(format, 12)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        // A long name wraps within its cell rather than hiding under the next one.
        format_set_text_wrap(format)
        if bold { format_set_bold(format) }
        if centered { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
    }

    deinit {
        if !closed { _ = workbook_close(workbook) }
    }

    func addSheet(named name: String) throws -> Sheet {
        guard workbook_validate_sheet_name(workbook, name) == LXW_NO_ERROR,
              let sheet = workbook_add_worksheet(workbook, name) else {
            throw WorkbookError(message: "cannot add the sheet \(name)")
        }
        return Sheet(sheet: sheet, workbook: self)
    }

    /// Writes the file and frees the workbook.
    private func close() throws {
        guard !closed else { return }
        closed = true
        try check(workbook_close(workbook), "writing the workbook")
    }

    fileprivate func format(_ style: Style) -> UnsafeMutablePointer<lxw_format>? { formats[style] }

    /// One worksheet; lives as long as its workbook, which it keeps alive.
    struct Sheet {
        fileprivate let sheet: UnsafeMutablePointer<lxw_worksheet>
        fileprivate let workbook: XLSXWorkbook

        func write(_ text: String, row: Int, column: Int, style: Style = .text) throws {
            try check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, workbook.format(style)),
                      "writing \(cellName(row, column))")
        }

        func write(_ number: Double, row: Int, column: Int, style: Style) throws {
            guard number.isFinite else { return try write("", row: row, column: column) }
            try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, workbook.format(style)),
                      "writing \(cellName(row, column))")
        }

        func setWidth(_ width: Double, column: Int) throws {
            try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil), "setting a column width")
        }

        /// One text over several cells of a row.
        func merge(_ text: String, row: Int, columns: ClosedRange<Int>, style: Style) throws {
            try check(worksheet_merge_range(sheet, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row),
                                            lxw_col_t(columns.upperBound), text, workbook.format(style)),
                      "merging \(cellName(row, columns.lowerBound)):\(cellName(row, columns.upperBound))")
        }

        /// In points; rows left alone take the height of their font.
        func setHeight(_ points: Double, row: Int) throws {
            try check(worksheet_set_row(sheet, lxw_row_t(row), points, nil), "setting a row height")
        }

        func setUpPage(_ page: PageSetup) throws {
            worksheet_set_paper(sheet, 9) // A4
            if page.landscape { worksheet_set_landscape(sheet) }
            // Every column on one page width, as many pages down as the rows need.
            worksheet_fit_to_pages(sheet, 1, 0)
            worksheet_center_horizontally(sheet)
            if let rows = page.repeatedRows {
                try check(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "repeating the header row")
            }
            if !page.headerLeft.isEmpty || !page.headerRight.isEmpty {
                try check(worksheet_set_header(sheet, "&L" + headerFooterText(page.headerLeft) + "&R" + headerFooterText(page.headerRight)),
                          "setting the page header")
            }
            let numbering = page.pageNumbering
            try check(worksheet_set_footer(sheet, "&C" + headerFooterText(numbering.before) + "&P"
                                           + headerFooterText(numbering.between) + "&N"), "setting the page footer")
        }

        /// The header row stays in view when scrolling, and offers Excel's filter buttons.
        func freezeHeader(columns: Int, lastRow: Int) throws {
            worksheet_freeze_panes(sheet, 1, 0)
            guard columns > 0 else { return }
            try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(max(lastRow, 0)), lxw_col_t(columns - 1)), "setting a filter")
        }
    }
}

/// How a sheet prints: always A4, every column fitted to the page width.
struct PageSetup {
    var landscape = false
    /// Printed again at the top of every page. Give them a height (`setHeight`): LibreOffice, fitting a sheet to
    /// the page width, prints a blank page after the last when a repeated row's height is left to it.
    var repeatedRows: ClosedRange<Int>?
    var headerLeft = ""
    var headerRight = ""
    /// The footer: `before` page number `between` page count (`Trang 2/5`, `Page 2 of 5`).
    var pageNumbering: (before: String, between: String)
}

/// Text in a page header or footer: `&` starts a code there, so a literal one is doubled. Excel refuses a header
/// of more than 255 characters, so each part is kept well below.
private func headerFooterText(_ text: String) -> String {
    let short = text.count > 100 ? String(text.prefix(99)) + "…" : text
    return short.replacingOccurrences(of: "&", with: "&&")
}

private func check(_ error: lxw_error, _ doing: String) throws {
    guard error != LXW_NO_ERROR else { return }
    let reason = lxw_strerror(error).map { String(cString: $0) } ?? "error \(error.rawValue)"
    throw WorkbookError(message: "libxlsxwriter: \(reason) (\(doing))")
}

/// `A1`-style name of a zero-based cell, for messages.
private func cellName(_ row: Int, _ column: Int) -> String {
    var letters = ""
    var rest = column + 1
    while rest > 0 {
        let digit = (rest - 1) % 26
        letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
        rest = (rest - 1) / 26
    }
    return "\(letters)\(row + 1)"
}
