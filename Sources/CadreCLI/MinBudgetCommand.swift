import ArgumentParser
import CadreDomain
import CadreGLPK
import CadreIO
import CadrePlanner
import CadreReport
import Foundation

struct MinBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "min-budget",
        abstract: "The least spending per year that meets every required target on time, and the plan that does it.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Flag(name: .long, help: "Hold the strive targets to zero shortfall too.")
    var includeStrive = false

    @Option(name: .long, help: "Output folder (default: out/<scenario name>-min-budget/).")
    var out: String?

    @Flag(name: .long, help: "Replace the output folder even if cadreplan did not write it.")
    var force = false

    @OptionGroup var options: SolvingOptions

    func run() throws {
        let session = SolvingSession(options)
        let loaded = try ScenarioLoader.load(path: scenario)
        let labels = Wording(language: options.lang)
        if !options.quiet { printWarnings(loaded.warnings) }
        let least = try session.solve(officials: loaded.scenario.officials.count) {
            try $0.leastBudget(loaded.scenario, includeStrive: includeStrive)
        }
        let folder = out ?? "out/\(loaded.scenario.name)-min-budget"
        let plan = least.planning
        var files = try planOutputs(plan, language: options.lang).files
        files[MinBudgetScenarioFile.name] = MinBudgetScenarioFile.contents(
            of: least, original: loaded.scenario, scenarioPath: scenario, outputFolder: folder)
        try OutputFolder(path: folder).write(files, inputFiles: loaded.files.all, force: force)
        if !options.quiet {
            print(MinBudgetReport(least: least, labels: labels).text)
            print("\(labels.written) \(folder)")
        }
        try session.end(CommandOutcome(least.planning), stoppedBy: least.planning.stoppedBy)
    }
}

/// What `min-budget` prints: the yearly profile, the total, how exact it is, and what no money can meet.
struct MinBudgetReport {
    let least: LeastBudgetResult
    let labels: Wording

    var text: String {
        let scenario = least.planning.scenario
        var rows = [[labels.year, labels.text("Ngân sách tối thiểu (VND)", "Least budget (VND)")]]
        for year in scenario.years { rows.append([String(year), NumberText.money(least.yearlyBudget[year] ?? 0)]) }
        rows.append([labels.text("Tổng", "Total"), NumberText.money(least.total)])
        var lines = [
            "\(labels.status): \(labels.statusWord(PlanWriter.statusWord(least.planning.status)))",
            "\(labels.text("Khoảng cách tối ưu của chi phí", "Spending gap")): \(percent(least.spendingGap))",
            "\(labels.text("Khoảng cách tối ưu của thiếu hụt (ngân sách không giới hạn)", "Shortfall gap (unlimited budget)")): \(percent(least.shortfallGap))",
            "",
        ]
        lines += Comparison.table(rows)
        let byTarget = Dictionary(grouping: least.unmeetable, by: \.targetIndex)
        guard !byTarget.isEmpty else { return lines.joined(separator: "\n") }
        lines += ["", labels.text(
            "Không ngân sách nào đáp ứng được (tỷ lệ tốt nhất đạt được, năm thiếu):",
            "No budget meets these (best share reached, years short):")]
        for (index, rows) in byTarget.sorted(by: { naturallyPrecedes(scenario.targets[$0.key].id, scenario.targets[$1.key].id) }) {
            let target = scenario.targets[index]
            let worst = rows.min { share($0) < share($1) }!
            let label = labels.language == .vi ? target.labelVi : target.labelEn
            lines.append("  \(target.id)  \(String(format: "%.1f%%", share(worst) * 100)) / \(String(format: "%.1f%%", target.share * 100))"
                + "  \(yearRanges(rows.map(\.year).sorted()))  \(label)")
        }
        return lines.joined(separator: "\n")
    }

    private func share(_ row: Attainment) -> Double { row.cohort == 0 ? 1 : Double(row.attained) / Double(row.cohort) }
    private func percent(_ gap: Double) -> String { gap.isFinite ? String(format: "%.3f%%", gap * 100) : "—" }
}

/// `min-budget.yaml`: the scenario with exactly the budget found, extending the original so that everything else
/// stays as the user keeps editing it.
enum MinBudgetScenarioFile {
    static let name = "min-budget.yaml"

    static func contents(of least: LeastBudgetResult, original: Scenario, scenarioPath: String, outputFolder: String) -> Data {
        var lines = [
            "# The least budget for which every \(least.includeStrive ? "required and strive" : "required") target that money can meet has no shortfall (cadreplan min-budget).",
            "extends: \(yamlString(relativePath(to: scenarioPath, from: outputFolder)))",
            "name: \(yamlString(original.name + "-min-budget"))",
            "budget:",
        ]
        for year in original.years { lines.append("  \(year): \(NumberText.money(least.yearlyBudget[year] ?? 0))") }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}
