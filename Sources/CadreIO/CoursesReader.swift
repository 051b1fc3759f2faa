import CadreDomain
import Foundation

/// Reads courses.csv or .xlsx (see the contract for the columns, and `Aliases` for their Vietnamese names).
public enum CoursesReader {
    static let requiredColumns = [
        "id", "name", "family", "grants", "years", "days", "cost", "seats", "provider",
        "kinh_only", "minority_area_only", "party_member_only",
    ]
    /// VND per trainee: far above any course, yet far from where the solver loses precision.
    static let maxCost = 1e12

    /// Columns whose empty value has a meaning may be left out of the file.
    static let optionalColumns = ["requires", "categories", "areas", "max_age"]

    /// The courses of every row that reads cleanly; every problem of every row goes to `problems`.
    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> [Course] {
        rows(data, file: file, problems: &problems).map(\.value)
    }

    /// Each course with the line it was read from, for later checks to point at.
    static func rows(_ data: Data, file: String, problems: inout [InputProblem]) -> [Numbered<Course>] {
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
                table: table, file: file, required: requiredColumns, optional: optionalColumns,
                aliases: Aliases.coursesColumns, problems: &problems)
        else { return [] }

        var courses: [Numbered<Course>] = []
        var ids = UniqueIDs()
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            let id = row.nonEmptyText("id")
            ids.check(id, on: &row)
            let family: Family = row.choice("family")
            var grants = 0
            var requires: Int?
            // Levels are only meaningful once the family is known.
            if row.problems.allSatisfy({ $0.field != "family" }) {
                grants = row.level(of: family, "grants")
                if grants == 0 && row.problems.allSatisfy({ $0.field != "grants" }) {
                    row.report("grants", "a course must grant more than \(quoted(family.levelNames[0]))")
                }
                requires = row.optionalLevel(of: family, "requires")
                if let requires, requires >= grants, grants > 0 {
                    row.report("requires", "\(quoted(row.text("requires"))) is not below grants \(quoted(row.text("grants")))")
                }
            }
            let course = Course(
                id: id, name: row.text("name"), family: family, grants: grants, requires: requires,
                years: row.integer("years", in: 1...10), days: row.integer("days", in: 0...366),
                cost: row.number("cost", in: 0...Double.infinity, atMost: maxCost),
                seats: row.integer("seats", in: 0...1_000_000), provider: row.text("provider"),
                categories: row.choices("categories"), areas: row.choices("areas"),
                maxAge: row.optionalInteger("max_age", in: 0...120), kinhOnly: row.yesNo("kinh_only"),
                minorityAreaOnly: row.yesNo("minority_area_only"), partyMemberOnly: row.yesNo("party_member_only"))
            problems += row.problems
            if row.problems.isEmpty { courses.append(Numbered(line: record.line, value: course)) }
        }
        return courses
    }
}
