import CadreDomain
import Foundation

/// Reads the schedule.csv of an earlier plan's output folder (`replan --previous DIR`): only the columns that
/// identify a start are used, so a schedule edited in Excel (columns moved, extra columns) still reads.
public enum PreviousPlanReader {
    public static let fileName = "schedule.csv"

    /// Every start of the schedule, in file order. Throws `InputError` naming the file, line and field.
    public static func read(folder: String) throws -> [ScheduledStart] {
        let path = (folder as NSString).appendingPathComponent(fileName)
        var problems: [InputProblem] = []
        var starts: [ScheduledStart] = []
        switch ScenarioPaths.contents(of: path) {
        case .failure(let failure):
            problems.append(InputProblem(
                file: path, message: "cannot be read: \(failure.reason) (--previous names the output folder of an earlier plan)"))
        case .success(let data):
            if let table = TableFile.read(data, file: path, problems: &problems),
               let columns = ColumnIndex(table: table, file: path, required: ["year", "official_id", "course_id"],
                                         optional: [], aliases: [:], problems: &problems) {
                for record in table.records {
                    var row = RowReader(columns: columns, record: record)
                    let start = ScheduledStart(
                        officialID: row.nonEmptyText("official_id"), courseID: row.nonEmptyText("course_id"),
                        year: row.integer("year", in: 1900...2100))
                    problems += row.problems
                    if row.problems.isEmpty { starts.append(start) }
                }
            }
        }
        try InputError.throwIfAnyError(in: problems)
        return starts
    }

    /// The file the previous plan is read from, for the output folder to protect.
    public static func path(in folder: String) -> String { (folder as NSString).appendingPathComponent(fileName) }
}
