import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an Excel workbook (.xlsx): its first sheet as a table, so that planners need not export CSV, or every
/// sheet as rows, for lists kept one sheet per commune.
///
/// A workbook is a ZIP of XML parts: xl/workbook.xml lists the sheets in tab order, xl/_rels/workbook.xml.rels
/// says which part holds each, xl/sharedStrings.xml holds the text that cells refer to by number. A cell's
/// reference (`C5`) gives its column and the row's `r` its Excel row number, which messages use as the line,
/// so a user finds the cell where Excel shows it. Empty cells may be absent from the XML altogether.
public enum XLSXReader {
    /// No part of a workbook of these tables comes near; beyond it the ZIP is more likely a decompression bomb.
    static let maxPartSize = 256 << 20
    /// The tables have a few dozen columns; a cell far to the right would make every row that wide.
    static let maxColumns = 1_000

    static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> CSVTable {
        guard let first = sheets(data, file: file, onlyFirst: true, problems: &problems)?.first else {
            return CSVTable(header: [], records: [])
        }
        return CSVTable(rows: first.rows, file: file, decimalComma: false, cells: true, problems: &problems)
    }

    /// The non-blank rows of each sheet in tab order (of the first only, with `onlyFirst`); nil after a problem
    /// when the workbook cannot be read.
    static func sheets(_ data: Data, file: String, onlyFirst: Bool = false, problems: inout [InputProblem]) -> [SheetRows]? {
        func refuse(_ why: String) -> [SheetRows]? {
            problems.append(InputProblem(file: file, message: "is not a readable Excel workbook: \(why)"))
            return nil
        }
        let archive: ZipReader
        do {
            archive = try ZipReader(data)
        } catch let ZipReader.Failure.damaged(why) {
            return refuse(why)
        } catch {
            return refuse("the ZIP archive is damaged")
        }
        do {
            var sheets = try sheetParts(archive)
            if onlyFirst { sheets = Array(sheets.prefix(1)) }
            let shared = try archive["xl/sharedStrings.xml"] == nil ? [] : parse(SharedStrings(), part("xl/sharedStrings.xml", of: archive)).strings
            var read: [SheetRows] = []
            for (name, path) in sheets {
                let partName = onlyFirst ? "the first sheet" : "sheet \(quoted(name ?? path))"
                let sheet = try parse(Sheet(shared: shared, partName: partName), part(path, of: archive))
                for (line, message) in sheet.problems {
                    problems.append(InputProblem(file: file, sheet: onlyFirst ? nil : name, line: line, message: message))
                }
                read.append(SheetRows(name: name, rows: sheet.rows))
            }
            return read
        } catch let problem as PartProblem {
            return refuse(problem.text)
        } catch {
            return refuse("\(error)")
        }
    }

    /// A number as a cell's text: whole numbers without a decimal point, others as Swift's shortest text that
    /// reads back to the same double (the writer's numbers too).
    public static func text(of value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `A` for 0, `Z` for 25, `AA` for 26: columns as Excel names them (the writer's too).
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The 0-based column of a reference such as `C5`; nil when it starts with no letter.
    static func columnIndex(ofReference reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }

    struct PartProblem: Error { let text: String }

    /// One sheet's rows that hold any text, with the sheet's name as its tab shows it.
    struct SheetRows {
        var name: String?
        var rows: [CSVRecord]
    }

    /// The name and part of each sheet in tab order; the first is xl/worksheets/sheet1.xml when the workbook does
    /// not say where it is.
    private static func sheetParts(_ archive: ZipReader) throws -> [(name: String?, path: String)] {
        let fallback = "xl/worksheets/sheet1.xml"
        guard archive["xl/workbook.xml"] != nil else {
            throw PartProblem(text: "xl/workbook.xml is missing (is it an Excel workbook?)")
        }
        let sheets = try parse(Elements(named: "sheet"), part("xl/workbook.xml", of: archive)).found
        let relations = archive["xl/_rels/workbook.xml.rels"] == nil
            ? [] : try parse(Elements(named: "Relationship"), part("xl/_rels/workbook.xml.rels", of: archive)).found
        var parts: [(name: String?, path: String)] = []
        for sheet in sheets {
            guard let id = sheet.first(where: { $0.key == "r:id" || $0.key.hasSuffix(":id") })?.value,
                  let target = relations.first(where: { $0["Id"] == id })?["Target"]
            else { continue }
            parts.append((sheet["name"].map(CellText.clean), target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
        }
        return parts.isEmpty ? [(sheets.first?["name"].map(CellText.clean), fallback)] : parts
    }

    private static func part(_ path: String, of archive: ZipReader) throws -> Data {
        guard let entry = archive[path] else { throw PartProblem(text: "\(path) is missing") }
        do {
            return try archive.contents(of: entry, limit: maxPartSize)
        } catch ZipReader.Failure.tooLarge {
            throw PartProblem(text: "\(path) is larger than 256 MB")
        } catch {
            throw PartProblem(text: "\(path) cannot be unpacked (the ZIP archive is damaged)")
        }
    }

    private static func parse<Delegate: PartParser>(_ delegate: Delegate, _ data: Data) throws -> Delegate {
        // Excel writes its parts in UTF-8. Foundation's parser on Linux traps on some damaged text instead of
        // failing, so damaged bytes are refused before it sees them.
        guard !data.contains(0), String(validating: data, as: UTF8.self) != nil else {
            throw PartProblem(text: "\(delegate.partName) is damaged (it is not UTF-8 XML)")
        }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), !delegate.failed else {
            throw PartProblem(text: "\(delegate.partName) has broken XML at line \(parser.lineNumber)")
        }
        return delegate
    }
}

private protocol PartParser: XMLParserDelegate {
    var partName: String { get }
    var failed: Bool { get }
}

/// Foundation's parser on Linux may report an error to its delegate and still return true from parse().
private class ErrorNoting: NSObject {
    var failed = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
}

/// The attributes of every element of one name, in document order.
private final class Elements: ErrorNoting, PartParser {
    let name: String
    var found: [[String: String]] = []
    var partName: String { name == "sheet" ? "xl/workbook.xml" : "xl/_rels/workbook.xml.rels" }

    init(named name: String) { self.name = name }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == name { found.append(attributes) }
    }
}

/// Text pieces of rich text (`<r><t>…</t></r>`) join; phonetic guides (`<rPh>`) are not part of the text.
private class TextCollector: ErrorNoting {
    var text = ""
    var collecting = false
    var inPhonetic = false

    func start(_ element: String) {
        switch element {
        case "t": collecting = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ element: String) {
        switch element {
        case "t": collecting = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }
}

private final class SharedStrings: TextCollector, PartParser {
    var strings: [String] = []
    let partName = "xl/sharedStrings.xml"

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "si" { text = "" }
        start(element)
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        end(element)
        if element == "si" { strings.append(text) }
    }
}

/// The rows of a worksheet that hold any text, each as wide as its rightmost cell.
private final class Sheet: TextCollector, PartParser {
    let shared: [String]
    let partName: String
    var rows: [CSVRecord] = []
    /// Row number and message of each cell that cannot be read.
    var problems: [(Int, String)] = []

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = -1
    private var reference = ""
    private var type = "n"
    private var tooFarRight = false

    init(shared: [String], partName: String) {
        self.shared = shared
        self.partName = partName
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
            column = -1
        case "c":
            reference = attributes["r"] ?? ""
            column = XLSXReader.columnIndex(ofReference: reference) ?? column + 1
            if reference.isEmpty { reference = XLSXReader.columnName(column) + String(rowNumber) }
            type = attributes["t"] ?? "n"
            text = ""
        case "v":
            text = ""
            collecting = true
        default:
            start(element)
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v": collecting = false
        case "c": store(value(of: text))
        case "row":
            if cells.contains(where: { !$0.isEmpty }) { rows.append(CSVRecord(line: rowNumber, fields: cells)) }
        default: end(element)
        }
    }

    private func value(of raw: String) -> String {
        switch type {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                problems.append((rowNumber, "cell \(reference) refers to shared text \(quoted(raw)), which the workbook does not hold"))
                return ""
            }
            return shared[index]
        case "b": return raw == "1" ? "yes" : raw == "0" ? "no" : raw
        case "n": return Self.number(raw)
        default: return raw // inlineStr, str (a formula's text), e (an error such as #N/A), d (an ISO date)
        }
    }

    /// Excel stores every number as a double: 1975 as `1975`, but 0.7 may come as `0.69999999999999996`.
    /// Swift's shortest round-trip form gives back what the user typed.
    private static func number(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        return XLSXReader.text(of: value)
    }

    private func store(_ value: String) {
        let text = CellText.clean(value)
        guard column >= 0, column < XLSXReader.maxColumns else {
            if !tooFarRight && !text.isEmpty {
                tooFarRight = true
                problems.append((rowNumber, "cell \(reference) is beyond column \(XLSXReader.columnName(XLSXReader.maxColumns - 1)), the last one read"))
            }
            return
        }
        if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
        cells[column] = text
    }
}
