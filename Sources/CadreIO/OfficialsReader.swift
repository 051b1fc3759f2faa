import CadreDomain
import Foundation

/// Reads officials.csv or .xlsx (see the contract for the columns, and `Aliases` for their Vietnamese names).
public enum OfficialsReader {
    static let levelColumns = Family.allCases.map(\.officialsColumn)
    static let requiredColumns = [
        "id", "full_name", "gender", "birth_year", "ethnicity", "category", "title", "party_member",
        "party_committee", "district", "commune", "area", "minority_area", "minority_area_years",
    ] + levelColumns
    /// Columns whose empty value has a meaning may be left out of the file.
    static let optionalColumns = ["planned_title", "leaves_year"]

    /// The values `values:` may give a column, in the contract's words; nil for free text.
    static func acceptedValues(of column: String) -> [String]? {
        if let family = Family.allCases.first(where: { $0.officialsColumn == column }) { return family.levelNames }
        switch column {
        case "gender": return Gender.allCases.map(\.rawValue)
        case "category": return CadreDomain.Category.allCases.map(\.rawValue)
        case "area": return Area.allCases.map(\.rawValue)
        case "party_member", "party_committee", "minority_area": return ["yes", "no"]
        default: return nil
        }
    }

    /// Every column officials.csv may have.
    public static let allColumns = requiredColumns + optionalColumns

    /// The officials of every row that reads cleanly; every problem of every row goes to `problems`. Reads
    /// officials.csv as the contract has it, and the lists offices keep (see `OfficeListReader`).
    public static func read(
        _ data: Data, file: String, settings: OfficeListSettings = .none, problems: inout [InputProblem]
    ) -> [Official] {
        rows(data, file: file, settings: settings, problems: &problems).map(\.value)
    }

    /// The headers the reader cannot place and the values it cannot read in an officials file, each once, for
    /// the web workspace to ask the user how to map them (as `columns:` and `values:` of the scenario).
    public static func inspect(_ data: Data, file: String, settings: OfficeListSettings = .none) -> ListInspection {
        var problems: [InputProblem] = []
        var inspection = ListInspection(unplacedHeaders: [], unreadValues: [], problems: [])
        guard let sheets = TableFile.sheets(data, file: file, onlyFirst: false, problems: &problems) else {
            inspection.problems = problems
            return inspection
        }
        var list = OfficeListReader(file: file, settings: settings, decimalComma: sheets.decimalComma)
        _ = list.read(listSheets(sheets, mapping: settings.mapping))
        inspection.problems = problems + list.problems
        inspection.unplacedHeaders = list.unplacedHeaders
        inspection.unreadValues = list.unread.fields.flatMap { field, header, values in
            values.map { value, seen in
                ListInspection.UnreadValue(
                    field: field, header: header, value: value, count: seen.count,
                    firstRows: seen.first.map { ListInspection.RowPlace(sheet: $0.sheet, line: $0.line) }, ambiguity: seen.ambiguity)
            }
        }
        return inspection
    }

    /// Each official with the line it was read from, for later checks to point at.
    static func rows(
        _ data: Data, file: String, settings: OfficeListSettings = .none, problems: inout [InputProblem]
    ) -> [Numbered<Official>] {
        guard let sheets = TableFile.sheets(data, file: file, onlyFirst: false, problems: &problems) else { return [] }
        let lists = listSheets(sheets, mapping: settings.mapping)
        // The contract's form, or a file no header can be found in, reads as it always has, with the same messages.
        if lists.isEmpty || isContractForm(lists, sheets: sheets, mapping: settings.mapping) {
            var contractSheets = sheets
            contractSheets.sheets = Array(sheets.sheets.prefix(1))
            return contractRows(contractSheets, file: file, mapping: settings.mapping, problems: &problems)
        }
        var list = OfficeListReader(file: file, settings: settings, decimalComma: sheets.decimalComma)
        let officials = list.read(lists)
        problems += list.problems
        let notRead = sheets.sheets.filter { sheet in !lists.contains { $0.rows.name == sheet.name } }
        if sheets.sheets.count > 1 {
            for sheet in notRead where !sheet.rows.isEmpty {
                problems.append(InputProblem(
                    file: file, sheet: sheet.name, message: "has no list header (Họ và tên, Ngày sinh, Chức vụ, …) and is not read",
                    severity: .warning))
            }
        }
        for header in uniqueUnplaced(list.unplacedHeaders) {
            problems.append(InputProblem(
                file: file, sheet: header.sheet, line: header.line,
                message: "column \(header.column) \(quoted(header.text)) is not a column CadrePlan reads and is ignored "
                    + "(if it is one, map it under columns: in the scenario)", severity: .warning))
        }
        return officials
    }

    /// Each sheet with a header, with that header.
    private static func listSheets(_ sheets: TableFile.Sheets, mapping: OfficeListMapping) -> [(rows: XLSXReader.SheetRows, header: DetectedHeader)] {
        var cache: [String: ListColumn?] = [:]
        return sheets.sheets.compactMap { sheet in HeaderDetection.detect(sheet.rows, mapping: mapping, cache: &cache).map { (sheet, $0) } }
    }

    /// officials.csv as the contract writes it: one sheet (the first), the header on its first row, on one row,
    /// naming only officials.csv's columns (by their names, their Vietnamese aliases or the user's `columns:`)
    /// and columns it does not know. Such a file keeps the contract's rules even when a column is missing: the
    /// message says it is missing, rather than reading it as a list would.
    private static func isContractForm(
        _ lists: [(rows: XLSXReader.SheetRows, header: DetectedHeader)], sheets: TableFile.Sheets, mapping: OfficeListMapping
    ) -> Bool {
        guard lists.count == 1, let first = sheets.sheets.first, lists[0].rows.name == first.name,
              let header = lists.first?.header, header.rowCount == 1, header.line == first.rows.first?.line
        else { return false }
        return header.columns.indices.allSatisfy { position in
            let key = OfficeListMapping.key(header.texts[position])
            return header.columns[position] == nil || HeaderDetection.contractHeaders.contains(key) || mapping.columns[key] != nil
        }
    }

    /// A header placed once per file, though every sheet repeats it.
    private static func uniqueUnplaced(_ headers: [ListInspection.UnplacedHeader]) -> [ListInspection.UnplacedHeader] {
        var seen: Set<String> = []
        return headers.filter { seen.insert(OfficeListMapping.key($0.text)).inserted }
    }

    private static func contractRows(
        _ sheets: TableFile.Sheets, file: String, mapping: OfficeListMapping, problems: inout [InputProblem]
    ) -> [Numbered<Official>] {
        guard var table = TableFile.firstSheetTable(sheets, file: file, problems: &problems) else { return [] }
        applying(mapping, to: &table)
        guard let columns = ColumnIndex(
                table: table, file: file, required: requiredColumns, optional: optionalColumns,
                aliases: Aliases.officialsColumns, problems: &problems)
        else { return [] }

        var officials: [Numbered<Official>] = []
        officials.reserveCapacity(table.records.count)
        var ids = UniqueIDs()
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            let id = row.nonEmptyText("id")
            ids.check(id, on: &row)
            let official = official(id: id, from: &row)
            problems += row.problems
            if row.problems.isEmpty { officials.append(Numbered(line: record.line, value: official)) }
        }
        return officials
    }

    /// The user's `columns:` and `values:` written into the table, so that the contract's reading applies to them.
    private static func applying(_ mapping: OfficeListMapping, to table: inout CSVTable) {
        guard mapping != .none else { return }
        for (position, header) in table.header.enumerated() {
            if let target = mapping.columns[OfficeListMapping.key(header)] { table.header[position] = target }
        }
        let rewritten: [(Int, [String: String])] = table.header.enumerated().compactMap { position, header in
            let key = Aliases.key(header)
            let column = Aliases.officialsColumns[key] ?? key
            return mapping.values[column].map { (position, $0) }
        }
        guard !rewritten.isEmpty else { return }
        for r in table.records.indices {
            for (position, values) in rewritten {
                if let value = values[OfficeListMapping.key(table.records[r].fields[position])] { table.records[r].fields[position] = value }
            }
        }
    }

    /// The official of one row, read by the rules of officials.csv (every column but `id`, which the caller
    /// reads and checks); problems go to `row`. actuals.csv reads its `joined` rows with it too.
    static func official(id: String, from row: inout RowReader) -> Official {
        let birthYear = row.integer("birth_year", in: 1900...2100)
        var levels = Levels()
        for family in Family.allCases { levels[family] = row.level(of: family, family.officialsColumn) }
        let leavesYear = row.optionalInteger("leaves_year", in: 1900...2100)
        if let leavesYear, leavesYear < birthYear { row.report("leaves_year", "\(leavesYear) is before birth_year \(birthYear)") }

        return Official(
            id: id, fullName: row.text("full_name"), gender: row.choice("gender"), birthYear: birthYear,
            ethnicity: row.text("ethnicity"), category: row.choice("category"), title: row.text("title"),
            plannedTitle: row.text("planned_title"), partyMember: row.yesNo("party_member"),
            partyCommittee: row.yesNo("party_committee"), district: row.text("district"),
            commune: row.text("commune"), area: row.choice("area"), minorityArea: row.yesNo("minority_area"),
            minorityAreaYears: row.integer("minority_area_years", in: 0...100), levels: levels,
            leavesYear: leavesYear)
    }
}
