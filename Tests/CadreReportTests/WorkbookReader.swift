import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an .xlsx as Excel would, independently of the writer: unzips its parts with `unzip` and parses the
/// XML, resolving sheet names through the relationships and string cells through the shared strings.
struct WorkbookReader {
    let path: String

    func part(_ name: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ReaderError("unzip -p \(name) failed") }
        return data
    }

    func sheetNames() throws -> [String] {
        try XMLTree.parse(part("xl/workbook.xml")).all("sheet").map { $0.attributes["name"] ?? "" }
    }

    /// The XML of the named sheet.
    func worksheet(_ sheetName: String) throws -> XMLTree {
        let workbook = try XMLTree.parse(part("xl/workbook.xml"))
        guard let sheet = workbook.all("sheet").first(where: { $0.attributes["name"] == sheetName }),
              let id = sheet.attributes["r:id"] else { throw ReaderError("no sheet \(sheetName)") }
        let relationships = try XMLTree.parse(part("xl/_rels/workbook.xml.rels"))
        guard let target = relationships.all("Relationship").first(where: { $0.attributes["Id"] == id })?.attributes["Target"] else {
            throw ReaderError("no relationship \(id)")
        }
        return try XMLTree.parse(part("xl/" + target))
    }

    /// The rows printed atop every page of each sheet, by sheet name (`$1:$1`).
    func printTitles() throws -> [String: String] {
        let workbook = try XMLTree.parse(part("xl/workbook.xml"))
        let names = workbook.all("sheet").map { $0.attributes["name"] ?? "" }
        var titles: [String: String] = [:]
        for defined in workbook.all("definedName") where defined.attributes["name"] == "_xlnm.Print_Titles" {
            guard let index = defined.attributes["localSheetId"].flatMap(Int.init), names.indices.contains(index) else { continue }
            titles[names[index]] = defined.text.components(separatedBy: "!").last
        }
        return titles
    }

    /// Every row of the named sheet as text (numbers as written in the XML), gaps filled with "" (a row left
    /// out of the XML is an empty row).
    func rows(of sheetName: String) throws -> [[String]] {
        let strings = try XMLTree.parse(part("xl/sharedStrings.xml")).all("si").map { item in
            item.all("t").map(\.text).joined()
        }
        let worksheet = try worksheet(sheetName)
        var rows: [[String]] = []
        for row in worksheet.all("row") {
            while let number = row.attributes["r"].flatMap(Int.init), rows.count < number - 1 { rows.append([]) }
            var cells: [String] = []
            for cell in row.all("c") {
                let column = Self.columnIndex(cell.attributes["r"] ?? "")
                let raw = cell.all("v").first?.text ?? ""
                var value = raw
                if cell.attributes["t"] == "s" {
                    guard let index = Int(raw), strings.indices.contains(index) else { throw ReaderError("bad shared string \(raw)") }
                    value = strings[index]
                }
                while cells.count < column { cells.append("") }
                cells.append(value)
            }
            rows.append(cells)
        }
        return rows
    }

    /// `C7` → 2.
    static func columnIndex(_ reference: String) -> Int {
        reference.unicodeScalars.prefix { ("A"..."Z").contains($0) }.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}

struct ReaderError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A minimal XML tree: enough to walk an .xlsx part.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and every descendant with the given name, in document order.
    func all(_ name: String) -> [XMLTree] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    static func parse(_ data: Data) throws -> XMLTree {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ReaderError("XML does not parse: \(parser.parserError.map(String.init(describing:)) ?? "?")")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = XMLTree(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
