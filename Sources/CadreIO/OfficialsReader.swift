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

    /// The officials of every row that reads cleanly; every problem of every row goes to `problems`.
    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> [Official] {
        rows(data, file: file, problems: &problems).map(\.value)
    }

    /// Each official with the line it was read from, for later checks to point at.
    static func rows(_ data: Data, file: String, problems: inout [InputProblem]) -> [Numbered<Official>] {
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
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
