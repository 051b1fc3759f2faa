import Foundation

/// One data row of a table.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line on which the record starts (a quoted field may span several lines); in a
    /// workbook, the Excel row number.
    public var line: Int
    /// As many fields as the header has columns.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A table read from a CSV file or a workbook's first sheet: its header (column names lower-cased) and its
/// data rows; blank rows are left out.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    /// The line of the header: the first line that is not blank.
    public var headerLine: Int
    public var records: [CSVRecord]
    /// Numbers may be written with a decimal comma (the file is separated by `;`, as in a Vietnamese locale).
    public var decimalComma: Bool

    /// Longer fields are refused: no value in these files comes near, so one this long is a quote left open or
    /// a file that is not what it claims, and reading on would only spread the damage.
    public static let maxFieldLength = 10_000

    public init(header: [String], headerLine: Int = 1, records: [CSVRecord], decimalComma: Bool = false) {
        self.header = header
        self.headerLine = headerLine
        self.records = records
        self.decimalComma = decimalComma
    }

    /// The table of `rows` (header first, blank rows already left out), with a problem for each row whose width
    /// is not the header's and each field that is too long. `cells` rows come from a sheet, where a missing
    /// cell is simply empty.
    init(rows: [CSVRecord], file: String, decimalComma: Bool, cells: Bool = false, problems: inout [InputProblem]) {
        self.init(header: [], records: [], decimalComma: decimalComma)
        guard let headerRow = rows.first else {
            problems.append(InputProblem(file: file, line: nil, field: nil, message: "is empty: a header row is needed"))
            return
        }
        headerLine = headerRow.line
        var width = headerRow.fields.count
        // Excel may leave empty columns after the last named one.
        while width > 0 && headerRow.fields[width - 1].isEmpty { width -= 1 }
        let names = headerRow.fields[..<width].map { $0.lowercased() }
        guard Self.fieldsFit(names, line: headerLine, header: nil, file: file, problems: &problems) else { return }
        header = names

        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            var fields = row.fields
            if cells && fields.count < width { fields += Array(repeating: "", count: width - fields.count) }
            if fields.count > width && fields[width...].allSatisfy(\.isEmpty) { fields.removeLast(fields.count - width) }
            guard fields.count == width else {
                let stray = fields.indices.dropFirst(width).first { !fields[$0].isEmpty } ?? width
                let message = cells
                    ? "cell \(XLSXReader.columnName(stray))\(row.line) holds \(quoted(fields[stray])) but its column has no header"
                    : "has \(fields.count) fields but the header has \(width) columns"
                problems.append(InputProblem(file: file, line: row.line, field: nil, message: message))
                continue
            }
            guard Self.fieldsFit(fields, line: row.line, header: names, file: file, problems: &problems) else { continue }
            records.append(CSVRecord(line: row.line, fields: fields))
        }
    }

    /// False, after a problem for each, when a field is longer than `maxFieldLength` characters.
    private static func fieldsFit(
        _ fields: [String], line: Int, header: [String]?, file: String, problems: inout [InputProblem]
    ) -> Bool {
        var fit = true
        // utf8.count is free for native strings; counting characters is only paid for suspects.
        for k in fields.indices where fields[k].utf8.count > maxFieldLength {
            let field = fields[k]
            guard field.count > maxFieldLength else { continue }
            problems.append(InputProblem(
                file: file, line: line, field: header?[k],
                message: "a field of \(field.count) characters is longer than the \(maxFieldLength) allowed (is a closing \" missing?)"))
            fit = false
        }
        return fit
    }
}

/// Field text as every reader keeps it: trimmed and in NFC, so that text typed with combining accents
/// compares equal to precomposed text.
enum CellText {
    static func clean(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        // Non-breaking and other Unicode spaces are trimmed too: spreadsheets paste them in.
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return nfc(String(scalars))
    }

    static func nfc(_ text: String) -> String {
        isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when no scalar can change under NFC: Latin up to U+02FF and the precomposed Vietnamese letters
    /// (U+1E00–U+1EFF) are stable. Spares nearly every field the slow Foundation call.
    private static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }
}
