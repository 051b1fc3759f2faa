import CadreIO
import Foundation

/// What one `plan` run left in its output folder, read back for `compare` and `sweep`.
struct PlanOutcome {
    struct Row {
        var cohort: Int
        var required: Int
        var attained: Int
        var shortfall: Int
    }

    var status: String
    var objective: Double?
    var totalCost: Double?
    var gap: Double?
    var stoppedBy: String?
    var horizon: Int?
    /// target id → year → attainment.
    var attainment: [String: [Int: Row]] = [:]
    /// Target ids in the file's (natural) order.
    var targetIds: [String] = []
    /// year → VND spent.
    var spent: [Int: Double] = [:]

    /// Nil when the folder holds no summary (the run failed before writing).
    init?(folder: String) {
        guard let data = FileManager.default.contents(atPath: folder + "/summary.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        status = json["status"] as? String ?? "failed"
        objective = (json["objective"] as? NSNumber)?.doubleValue
        totalCost = (json["total_cost"] as? NSNumber)?.doubleValue
        gap = (json["gap"] as? NSNumber)?.doubleValue
        stoppedBy = json["stopped_by"] as? String
        horizon = (json["horizon"] as? NSNumber)?.intValue
        for record in Self.records(folder + "/attainment.csv") {
            guard let id = record["target_id"], let year = record["year"].flatMap({ Int($0) }) else { continue }
            if attainment[id] == nil { targetIds.append(id) }
            attainment[id, default: [:]][year] = Row(
                cohort: Int(record["cohort"] ?? "") ?? 0, required: Int(record["required"] ?? "") ?? 0,
                attained: Int(record["attained"] ?? "") ?? 0, shortfall: Int(record["shortfall"] ?? "") ?? 0)
        }
        for record in Self.records(folder + "/budget.csv") {
            if let year = record["year"].flatMap({ Int($0) }), let money = record["spent"].flatMap({ Double($0) }) {
                spent[year] = money
            }
        }
    }

    /// The earliest year from which the target has no shortfall through the horizon; nil when short at the end.
    func firstMet(_ id: String) -> Int? {
        guard let years = attainment[id] else { return nil }
        var first: Int?
        for year in years.keys.sorted(by: >) {
            guard years[year]!.shortfall == 0 else { break }
            first = year
        }
        return first
    }

    private static func records(_ path: String) -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var problems: [InputProblem] = []
        let table = CSVReader.read(data, file: path, problems: &problems)
        return table.records.map { record in
            Dictionary(zip(table.header, record.fields).map { ($0, $1) }) { first, _ in first }
        }
    }
}
