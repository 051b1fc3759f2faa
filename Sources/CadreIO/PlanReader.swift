import CadreDomain
import Foundation

/// Reads back what `PlanWriter` left in a plan's output folder: the outcome `compare` and `sweep` show for each
/// run, and the starts `replan --previous DIR` keeps.
public enum PlanReader {
    /// Nil when the folder holds no summary (the run failed before writing). Files that are missing or do not
    /// read leave their part empty: a run's folder is shown as far as it goes.
    public static func outcome(folder: String) -> PlanOutcome? {
        guard let data = FileManager.default.contents(atPath: path(of: PlanFileName.summary, in: folder)),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var outcome = PlanOutcome(
            status: json["status"] as? String ?? "failed", objective: (json["objective"] as? NSNumber)?.doubleValue,
            totalCost: (json["total_cost"] as? NSNumber)?.doubleValue, gap: (json["gap"] as? NSNumber)?.doubleValue,
            stoppedBy: json["stopped_by"] as? String, horizon: (json["horizon"] as? NSNumber)?.intValue)
        for record in records(path(of: PlanFileName.attainment, in: folder)) {
            guard let id = record["target_id"], let year = record["year"].flatMap({ Int($0) }) else { continue }
            if outcome.attainment[id] == nil { outcome.targetIds.append(id) }
            outcome.attainment[id, default: [:]][year] = PlanOutcome.Row(
                cohort: Int(record["cohort"] ?? "") ?? 0, required: Int(record["required"] ?? "") ?? 0,
                attained: Int(record["attained"] ?? "") ?? 0, shortfall: Int(record["shortfall"] ?? "") ?? 0)
        }
        for record in records(path(of: PlanFileName.budget, in: folder)) {
            if let year = record["year"].flatMap({ Int($0) }), let money = record["spent"].flatMap({ Double($0) }) {
                outcome.spent[year] = money
            }
        }
        return outcome
    }

    /// Every start of the folder's schedule, in file order. Only the columns that identify a start are used, so a
    /// schedule edited in Excel (columns moved, extra columns) still reads. Throws `InputError` naming the file,
    /// line and field.
    public static func starts(folder: String) throws -> [ScheduledStart] {
        let path = schedulePath(in: folder)
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

    /// The schedule `starts` reads, for the output folder to protect as an input.
    public static func schedulePath(in folder: String) -> String { path(of: PlanFileName.schedule, in: folder) }

    private static func path(of file: String, in folder: String) -> String { (folder as NSString).appendingPathComponent(file) }

    private static func records(_ path: String) -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var problems: [InputProblem] = []
        let table = CSVReader.read(data, file: path, problems: &problems)
        return table.records.map { record in
            Dictionary(zip(table.header, record.fields).map { ($0, $1) }) { first, _ in first }
        }
    }
}

/// What one `plan` run left in its output folder.
public struct PlanOutcome: Sendable {
    public struct Row: Sendable, Equatable {
        public var cohort: Int
        public var required: Int
        public var attained: Int
        public var shortfall: Int
    }

    public var status: String
    public var objective: Double?
    public var totalCost: Double?
    public var gap: Double?
    public var stoppedBy: String?
    public var horizon: Int?
    /// target id → year → attainment.
    public var attainment: [String: [Int: Row]] = [:]
    /// Target ids in the file's (natural) order.
    public var targetIds: [String] = []
    /// year → VND spent.
    public var spent: [Int: Double] = [:]

    /// The earliest year from which the target has no shortfall through the horizon; nil when short at the end.
    public func firstMet(_ id: String) -> Int? {
        guard let years = attainment[id] else { return nil }
        var first: Int?
        for year in years.keys.sorted(by: >) {
            guard years[year]!.shortfall == 0 else { break }
            first = year
        }
        return first
    }
}
