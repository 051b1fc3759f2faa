import Foundation
@testable import CadreIO
import ZIPFoundation

/// Excel workbooks built in the test from their XML parts, so that no binary fixture is checked in.
enum XLSXFixture {
    /// A workbook whose first sheet holds `rows` (Excel row numbers from 1; an empty row list leaves a gap).
    /// Text goes to shared strings, whole numbers and decimals to number cells, and empty cells are left out,
    /// as Excel does.
    static func workbook(rows: [[String]]) throws -> Data {
        var shared: [String] = []
        var sheetRows: [String] = []
        for (r, row) in rows.enumerated() where !row.isEmpty {
            var cells = ""
            for (c, value) in row.enumerated() where !value.isEmpty {
                let reference = XLSXReader.columnName(c) + String(r + 1)
                if Double(value) != nil && !value.hasPrefix("0") || value == "0" {
                    cells += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                } else {
                    shared.append(value)
                    cells += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                }
            }
            sheetRows.append("<row r=\"\(r + 1)\">\(cells)</row>")
        }
        return try workbook(sheetData: sheetRows.joined(), sharedStrings: shared)
    }

    /// A workbook from the raw `<sheetData>` content and shared strings (each an `<si>`'s plain text, or raw
    /// `<si>` content when it starts with `<`). The sheet is not named sheet1.xml, so that the reader must
    /// follow workbook.xml and its relationships; a second sheet comes before it in the ZIP, to be ignored.
    static func workbook(sheetData: String, sharedStrings: [String]) throws -> Data {
        let strings = sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\(escaped($0))</t></si>" }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="Cán bộ" sheetId="1" r:id="rId7"/><sheet name="Ghi chú" sheetId="2" r:id="rId8"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/canbo.xml"/>
                </Relationships>
                """),
            ("xl/worksheets/sheet1.xml", sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not this sheet</t></is></c></row>")),
            ("xl/worksheets/canbo.xml", sheet(sheetData)),
            ("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(strings.count)">\(strings.joined())</sst>
                """),
        ]
        return try zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return archive.data!
    }

    private static func sheet(_ data: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(data)</sheetData></worksheet>
        """
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The header and records of a CSV text, as rows for `workbook(rows:)`.
    static func rows(ofCSV text: String) -> [[String]] {
        var problems: [InputProblem] = []
        let table = CSVReader.read(Data(text.utf8), file: "x.csv", problems: &problems)
        return [table.header] + table.records.map(\.fields)
    }
}
