import CadreDomain
import CadreIO
import CadrePlanner
import CadreReport
import Foundation

/// The short report `plan` prints: how the search ended, and each target at its deadline and at the horizon.
struct PlanSummary {
    let result: PlanningResult
    let labels: Wording

    var text: String {
        let scenario = result.scenario
        var lines = [
            "\(labels.status): \(labels.statusWord(PlanWriter.statusWord(result.status)))",
            "\(labels.objective): \(NumberText.decimal(result.objective))",
            "\(labels.gap): \(String(format: "%.3f%%", result.gap * 100))",
            "\(labels.time): \(String(format: "%.1f s", result.seconds))",
            "\(labels.totalCost): \(NumberText.money(result.totalCost))",
            "\(labels.starts): \(result.plan.starts.count)",
            "",
        ]
        var rows = [[labels.target, labels.year, labels.cohort, labels.required, labels.attained, "", ""]]
        let byKey = Dictionary(uniqueKeysWithValues: result.evaluation.attainment.map { ([$0.targetIndex, $0.year], $0) })
        for (index, target) in scenario.targets.enumerated() {
            let years = Array(Set([min(max(target.deadline, scenario.baseYear), scenario.horizon), scenario.horizon])).sorted()
            for year in years {
                guard let row = byKey[[index, year]] else { continue }
                let mark = row.shortfall == 0 ? "✓" : "−\(row.shortfall)"
                let label = labels.language == .vi ? target.labelVi : target.labelEn
                rows.append([target.id, String(year), String(row.cohort), String(row.required), String(row.attained), mark, label])
            }
        }
        lines += Self.table(rows)
        return lines.joined(separator: "\n")
    }

    static func table(_ rows: [[String]]) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                // Ids and labels read left to right; numbers line up on the right.
                return column == 0 || column == row.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
