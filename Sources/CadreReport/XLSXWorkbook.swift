import CadreIO
import Foundation

/// Why a workbook could not be written.
public struct WorkbookError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// One workbook being written: SpreadsheetML parts built in memory and zipped (`ZipWriter`).
///
/// Written here rather than by a library because a what-if run writes some sixty workbooks (the plan and every
/// roster paper): libxlsxwriter spent about 0.6 s of CPU on them per run of the sample, through a temporary file
/// per part, which was about a quarter of a sweep's CPU. Only what the plan's sheets and the papers use is here.
final class XLSXWorkbook {
    /// The plan's tables use the first six; the papers (rosters) the `paper…` ones, in Times New Roman as
    /// Decree 30/2020/NĐ-CP sets administrative documents.
    enum Style: Int, CaseIterable {
        case text, header, integer, money, percent, decimal
        /// A table's heading row, its text and number cells, and its closing total: thin borders all round.
        case paperHeader, paperCell, paperNumber, paperTotal
        /// Lines above and below the table.
        case paperCentered, paperBold, paperUnderlined, paperItalic, paperTitle, paperNote, paperSmall
    }

    private let title: String
    private let created: Date
    private var sheets: [Sheet] = []
    private var strings = SharedStrings()

    /// The bytes of a workbook `fill` writes. `created` is stamped into docProps/core.xml; a date belonging to
    /// the plan rather than to the moment of writing keeps the bytes the same for the same plan.
    static func bytes(title: String, created: Date, _ fill: (XLSXWorkbook) throws -> Void) throws -> Data {
        let workbook = XLSXWorkbook(title: title, created: created)
        try fill(workbook)
        return try workbook.archive()
    }

    private init(title: String, created: Date) {
        self.title = title
        self.created = created
    }

    /// Excel's rules for a sheet's name: 1 to 31 characters, none of `[]:*?/\`, no apostrophe at either end,
    /// and no two alike ignoring letter case.
    func addSheet(named name: String) throws -> Sheet {
        guard !name.isEmpty, name.count <= 31, !name.contains(where: { "[]:*?/\\".contains($0) }),
              !name.hasPrefix("'"), !name.hasSuffix("'"),
              !sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw WorkbookError(message: "cannot add the sheet \(name): Excel does not allow that name here")
        }
        let sheet = Sheet(name: name, workbook: self)
        sheets.append(sheet)
        return sheet
    }

    fileprivate func stringIndex(_ text: String) -> Int { strings.index(of: text) }

    /// One worksheet. Cells may be written in any order and again; the last write of a cell holds.
    final class Sheet {
        fileprivate let name: String
        fileprivate unowned let workbook: XLSXWorkbook
        /// By row, then column; rows and cells never written are nil.
        fileprivate var cells: [[Cell?]?] = []
        fileprivate var widths: [Int: Double] = [:]
        fileprivate var heights: [Int: Double] = [:]
        fileprivate var merges: [(row: Int, columns: ClosedRange<Int>)] = []
        fileprivate var page: PageSetup?
        fileprivate var filter: (columns: Int, lastRow: Int)?
        fileprivate var frozenHeader = false

        fileprivate init(name: String, workbook: XLSXWorkbook) {
            self.name = name
            self.workbook = workbook
        }

        /// Excel's limits: 1,048,576 rows, 16,384 columns.
        private func place(_ cell: Cell, row: Int, column: Int) throws {
            guard (0..<1_048_576).contains(row), (0..<16_384).contains(column) else {
                throw WorkbookError(message: "cannot write \(cellName(row, column)): outside Excel's sheet")
            }
            if cells.count <= row { cells.append(contentsOf: repeatElement(nil, count: row + 1 - cells.count)) }
            var cellsOfRow = cells[row] ?? []
            cells[row] = nil // so that the row is not copied on write
            if cellsOfRow.count <= column { cellsOfRow.append(contentsOf: repeatElement(nil, count: column + 1 - cellsOfRow.count)) }
            cellsOfRow[column] = cell
            cells[row] = cellsOfRow
        }

        /// An empty text leaves the cell blank, with its style (a border, a font for what is written in later).
        /// Excel holds at most 32,767 characters (UTF-16 units) in a cell and calls a longer one a damaged file.
        func write(_ text: String, row: Int, column: Int, style: Style = .text) throws {
            guard text.utf16.count <= 32_767 else {
                throw WorkbookError(message: "cannot write \(cellName(row, column)): more than 32,767 characters, Excel's limit for a cell")
            }
            try place(Cell(value: text.isEmpty ? .blank : .text(workbook.stringIndex(text)), style: style), row: row, column: column)
        }

        func write(_ number: Double, row: Int, column: Int, style: Style) throws {
            guard number.isFinite else { return try write("", row: row, column: column) }
            try place(Cell(value: .number(number), style: style), row: row, column: column)
        }

        func setWidth(_ width: Double, column: Int) throws {
            guard width.isFinite, width >= 0, width <= 255 else {
                throw WorkbookError(message: "cannot set the width of column \(column + 1) to \(width)")
            }
            widths[column] = width
        }

        /// One text over several cells of a row; the others are left blank in the same style, so that a border
        /// runs along the whole range.
        func merge(_ text: String, row: Int, columns: ClosedRange<Int>, style: Style) throws {
            try write(text, row: row, column: columns.lowerBound, style: style)
            for column in columns.dropFirst() { try place(Cell(value: .blank, style: style), row: row, column: column) }
            merges.append((row, columns))
        }

        /// In points; rows left alone take the height of their font.
        func setHeight(_ points: Double, row: Int) throws {
            guard points.isFinite, points >= 0, points <= 409 else {
                throw WorkbookError(message: "cannot set the height of row \(row + 1) to \(points)")
            }
            heights[row] = points
        }

        func setUpPage(_ page: PageSetup) throws { self.page = page }

        /// The header row stays in view when scrolling, and offers Excel's filter buttons.
        func freezeHeader(columns: Int, lastRow: Int) throws {
            frozenHeader = true
            if columns > 0 { filter = (columns, max(lastRow, 0)) }
        }
    }

    fileprivate struct Cell {
        enum Value {
            /// The text's place among the shared strings.
            case text(Int)
            case number(Double)
            case blank
        }
        var value: Value
        var style: Style
    }

    // MARK: - The parts

    private func archive() throws -> Data {
        var archive = ZipWriter()
        let sheetParts = sheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
        // Sheets first: they fill the shared strings.
        var sheetXML: [Data] = []
        for (index, sheet) in sheets.enumerated() { sheetXML.append(worksheet(sheet, selected: index == 0)) }
        try archive.add("[Content_Types].xml", contentTypes(sheetParts))
        try archive.add("_rels/.rels", Data(Self.packageRelationships.utf8))
        try archive.add("docProps/app.xml", Data(Self.application.utf8))
        try archive.add("docProps/core.xml", coreProperties())
        try archive.add("xl/workbook.xml", workbookPart())
        try archive.add("xl/_rels/workbook.xml.rels", workbookRelationships(sheetParts.count))
        try archive.add("xl/styles.xml", Self.styles)
        try archive.add("xl/sharedStrings.xml", strings.part())
        for (part, xml) in zip(sheetParts, sheetXML) { try archive.add(part, xml) }
        return try archive.archive()
    }

    fileprivate static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
    private static let relationships = #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
    private static let officeType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    private func contentTypes(_ sheetParts: [String]) -> Data {
        let office = "application/vnd.openxmlformats-officedocument."
        var xml = Self.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="\#(office)extended-properties+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(office)spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(office)spreadsheetml.sheet.main+xml"/>"#
        for part in sheetParts {
            xml += #"<Override PartName="/\#(part)" ContentType="\#(office)spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(office)spreadsheetml.sharedStrings+xml"/></Types>"#
        return Data(xml.utf8)
    }

    private static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(officeType)officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(officeType)extended-properties" Target="docProps/app.xml"/></Relationships>"#

    private static let application = declaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>CadrePlan</Application></Properties>"

    private func coreProperties() -> Data {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: created)
        let xml = Self.declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(escaped(title))</dc:title>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:modified></cp:coreProperties>"#
        return Data(xml.utf8)
    }

    private func workbookPart() -> Data {
        var xml = Self.declaration + "<workbook \(Self.main) \(Self.relationships)>"
            + #"<bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            xml += #"<sheet name="\#(escaped(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        // Excel lists a name's sheets in the order of their names.
        var names: [(name: String, sheet: String, xml: String)] = []
        for (index, sheet) in sheets.enumerated() {
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'!"
            if let filter = sheet.filter {
                let range = "$A$1:$\(XLSXReader.columnName(filter.columns - 1))$\(filter.lastRow + 1)"
                names.append(("_xlnm._FilterDatabase", sheet.name,
                              #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">\#(escaped(quoted + range))</definedName>"#))
            }
            if let rows = sheet.page?.repeatedRows {
                let range = "$\(rows.lowerBound + 1):$\(rows.upperBound + 1)"
                names.append(("_xlnm.Print_Titles", sheet.name,
                              #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">\#(escaped(quoted + range))</definedName>"#))
            }
        }
        if !names.isEmpty {
            xml += "<definedNames>" + names.sorted { ($0.name, $0.sheet) < ($1.name, $1.sheet) }.map(\.xml).joined() + "</definedNames>"
        }
        xml += "</workbook>"
        return Data(xml.utf8)
    }

    private func workbookRelationships(_ sheetCount: Int) -> Data {
        var xml = Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(Self.officeType)worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(Self.officeType)styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(Self.officeType)sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
        return Data(xml.utf8)
    }

    private func worksheet(_ sheet: Sheet, selected: Bool) -> Data {
        var xml = XMLBytes()
        xml.add(Self.declaration + "<worksheet \(Self.main) \(Self.relationships)>")
        if sheet.page != nil { xml.add(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#) }
        let rows = Set(sheet.cells.indices.filter { sheet.cells[$0] != nil }).union(sheet.heights.keys).sorted()
        let writtenRows = sheet.cells.compactMap { $0 }
        let lastColumn = writtenRows.compactMap { $0.lastIndex { $0 != nil } }.max()
        if let first = rows.first, let last = rows.last, let lastColumn {
            let firstColumn = writtenRows.compactMap { $0.firstIndex { $0 != nil } }.min() ?? 0
            let from = cellName(first, firstColumn), to = cellName(last, lastColumn)
            xml.add(#"<dimension ref="\#(from == to ? from : from + ":" + to)"/>"#)
        } else {
            xml.add(#"<dimension ref="A1"/>"#)
        }
        xml.add(#"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0""#)
        if sheet.frozenHeader {
            xml.add(#"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>"#)
        } else {
            xml.add("/></sheetViews>")
        }
        xml.add(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        if !sheet.widths.isEmpty {
            xml.add("<cols>")
            for (column, width) in sheet.widths.sorted(by: { $0.key < $1.key }) {
                xml.add(#"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(XLSXReader.text(of: Self.fileWidth(width)))" customWidth="1"/>"#)
            }
            xml.add("</cols>")
        }
        if rows.isEmpty {
            xml.add("<sheetData/>")
        } else {
            xml.add("<sheetData>")
            for row in rows {
                let reference = String(row + 1)
                xml.add(#"<row r=""#)
                xml.add(reference)
                // Excel's own height for an 11-point row is left unsaid, as Excel does.
                if let height = sheet.heights[row], height != 15 {
                    xml.add(#"" ht="\#(XLSXReader.text(of: height))" customHeight="1">"#)
                } else {
                    xml.add(#"">"#)
                }
                let cellsOfRow = row < sheet.cells.count ? sheet.cells[row] ?? [] : []
                for (column, cell) in cellsOfRow.enumerated() {
                    guard let cell else { continue }
                    xml.add(#"<c r=""#)
                    xml.add(XLSXReader.columnName(column))
                    xml.add(reference)
                    if cell.style != .text {
                        xml.add(#"" s=""#)
                        xml.add(String(cell.style.rawValue))
                    }
                    switch cell.value {
                    case let .text(index):
                        xml.add(#"" t="s"><v>"#)
                        xml.add(String(index))
                        xml.add("</v></c>")
                    case let .number(value):
                        xml.add(#""><v>"#)
                        xml.add(XLSXReader.text(of: value))
                        xml.add("</v></c>")
                    case .blank:
                        xml.add(#""/>"#)
                    }
                }
                xml.add("</row>")
            }
            xml.add("</sheetData>")
        }
        if let filter = sheet.filter {
            xml.add(#"<autoFilter ref="A1:\#(XLSXReader.columnName(filter.columns - 1))\#(filter.lastRow + 1)"/>"#)
        }
        if !sheet.merges.isEmpty {
            xml.add(#"<mergeCells count="\#(sheet.merges.count)">"#)
            for merge in sheet.merges {
                xml.add(#"<mergeCell ref="\#(cellName(merge.row, merge.columns.lowerBound)):\#(cellName(merge.row, merge.columns.upperBound))"/>"#)
            }
            xml.add("</mergeCells>")
        }
        if sheet.page != nil { xml.add(#"<printOptions horizontalCentered="1"/>"#) }
        xml.add(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        if let page = sheet.page {
            // A4; every column on one page width, as many pages down as the rows need.
            xml.add(#"<pageSetup paperSize="9" fitToHeight="0" orientation="\#(page.landscape ? "landscape" : "portrait")"/><headerFooter>"#)
            if !page.headerLeft.isEmpty || !page.headerRight.isEmpty {
                xml.add("<oddHeader>" + escaped("&L" + headerFooterText(page.headerLeft) + "&R" + headerFooterText(page.headerRight)) + "</oddHeader>")
            }
            let numbering = page.pageNumbering
            xml.add("<oddFooter>" + escaped("&C" + headerFooterText(numbering.before) + "&P" + headerFooterText(numbering.between) + "&N")
                    + "</oddFooter></headerFooter>")
        }
        xml.add("</worksheet>")
        return xml.data
    }

    /// A width in characters as Excel stores it: with the cell's padding of 5 pixels over digits 7 pixels wide
    /// (11-point Calibri), in 256ths of a character.
    static func fileWidth(_ characters: Double) -> Double {
        (((characters * 7).rounded() + 5) / 7 * 256).rounded(.down) / 256
    }

    /// Each `Style` is the cell format of its own index (`Style.rawValue`); `text` is Excel's Normal.
    private static let styles: Data = {
        let paper = #"<name val="Times New Roman"/><family val="1"/>"#
        let fonts = [
            #"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
            #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
            #"<font><sz val="12"/>\#(paper)</font>"#,
            #"<font><b/><sz val="12"/>\#(paper)</font>"#,
            #"<font><b/><u/><sz val="12"/>\#(paper)</font>"#,
            #"<font><i/><sz val="12"/>\#(paper)</font>"#,
            #"<font><b/><sz val="14"/>\#(paper)</font>"#,
            #"<font><b/><i/><sz val="11"/>\#(paper)</font>"#,
            #"<font><sz val="11"/>\#(paper)</font>"#,
        ]
        let fills = [#"<fill><patternFill patternType="none"/></fill>"#, #"<fill><patternFill patternType="gray125"/></fill>"#,
                     #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDE6F0"/><bgColor indexed="64"/></patternFill></fill>"#]
        let thin = ["left", "right", "top", "bottom"].map { #"<\#($0) style="thin"><color auto="1"/></\#($0)>"# }.joined()
        let borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>", "<border>\(thin)<diagonal/></border>"]
        let numberFormats = [(164, "0"), (165, "#,##0"), (166, "0.0%"), (167, "0.000")]
        func xf(number: Int = 0, font: Int = 0, fill: Int = 0, border: Int = 0, alignment: String = "") -> String {
            var applied = ""
            if number != 0 { applied += #" applyNumberFormat="1""# }
            if font != 0 { applied += #" applyFont="1""# }
            if fill != 0 { applied += #" applyFill="1""# }
            if border != 0 { applied += #" applyBorder="1""# }
            if !alignment.isEmpty { applied += #" applyAlignment="1""# }
            let head = #"<xf numFmtId="\#(number)" fontId="\#(font)" fillId="\#(fill)" borderId="\#(border)" xfId="0"\#(applied)"#
            return alignment.isEmpty ? head + "/>" : head + "><alignment \(alignment)/></xf>"
        }
        // A long name wraps within its cell rather than hiding under the next one.
        let left = #"vertical="center" wrapText="1""#, centred = #"horizontal="center" vertical="center" wrapText="1""#
        let formats: [XLSXWorkbook.Style: String] = [
            .text: xf(),
            .header: xf(font: 1, fill: 2, alignment: #"vertical="top" wrapText="1""#),
            .integer: xf(number: 164), .money: xf(number: 165), .percent: xf(number: 166), .decimal: xf(number: 167),
            .paperHeader: xf(font: 3, border: 1, alignment: centred),
            .paperCell: xf(font: 2, border: 1, alignment: left),
            .paperNumber: xf(number: 164, font: 2, border: 1, alignment: centred),
            .paperTotal: xf(font: 3, border: 1, alignment: left),
            .paperCentered: xf(font: 2, alignment: centred),
            .paperBold: xf(font: 3, alignment: centred),
            // Decree 30 draws a short rule under the issuer and the motto; underlining them is the closest a cell gets.
            .paperUnderlined: xf(font: 4, alignment: centred),
            .paperItalic: xf(font: 5, alignment: centred),
            .paperTitle: xf(font: 6, alignment: centred),
            .paperNote: xf(font: 7, alignment: left),
            .paperSmall: xf(font: 8, alignment: left),
        ]
        let xml = declaration + "<styleSheet \(main)>"
            + #"<numFmts count="\#(numberFormats.count)">"#
            + numberFormats.map { #"<numFmt numFmtId="\#($0.0)" formatCode="\#(escaped($0.1))"/>"# }.joined() + "</numFmts>"
            + #"<fonts count="\#(fonts.count)">\#(fonts.joined())</fonts>"#
            + #"<fills count="\#(fills.count)">\#(fills.joined())</fills>"#
            + #"<borders count="\#(borders.count)">\#(borders.joined())</borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(Style.allCases.count)">\#(Style.allCases.map { formats[$0]! }.joined())</cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
        return Data(xml.utf8)
    }()
}

/// The workbook's texts, each kept once and referred to by its place.
private struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var texts: [String] = []
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    func part() -> Data {
        var xml = XMLBytes()
        xml.add(XLSXWorkbook.declaration + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(uses)" uniqueCount="\#(texts.count)">"#)
        for text in texts {
            // Spaces at either end are kept only when the text says so.
            let edges = text.first.map(\.isWhitespace) == true || text.last.map(\.isWhitespace) == true
            xml.add(edges ? #"<si><t xml:space="preserve">"# : "<si><t>")
            xml.add(escaped(text))
            xml.add("</t></si>")
        }
        xml.add("</sst>")
        return xml.data
    }
}

/// UTF-8 bytes of a part being built: an array, since `Data` appends a `String`'s bytes through a dynamic cast
/// per call, which made a sheet of the sample's plan cost twice its deflating.
private struct XMLBytes {
    private var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(1 << 16) }
    mutating func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
    var data: Data { Data(bytes) }
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

/// Text as XML character data or an attribute value. XML 1.0 has no way to write most control characters, so
/// they are written as Excel's own `_xHHHH_` escapes.
private func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0.value < 0x20 }) else {
        return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20: out += String(format: "_x%04X_", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// `A1`-style name of a zero-based cell.
private func cellName(_ row: Int, _ column: Int) -> String { "\(XLSXReader.columnName(column))\(row + 1)" }
