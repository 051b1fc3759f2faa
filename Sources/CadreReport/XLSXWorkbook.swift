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
    enum Style: CaseIterable {
        case header, text, integer, money, percent, decimal
    }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false

    /// `created` is stamped into docProps/core.xml; a fixed value keeps the bytes the same for the same plan.
    init(path: String, title: String, created: Date) throws {
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
            }
            formats[style] = format
        }
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
    func close() throws {
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

        /// The header row stays in view when scrolling, and offers Excel's filter buttons.
        func freezeHeader(columns: Int, lastRow: Int) throws {
            worksheet_freeze_panes(sheet, 1, 0)
            guard columns > 0 else { return }
            try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(max(lastRow, 0)), lxw_col_t(columns - 1)), "setting a filter")
        }
    }
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
