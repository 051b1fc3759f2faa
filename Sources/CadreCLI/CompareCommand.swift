import ArgumentParser
import CadreDomain
import CadreIO
import CadreReport
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Plans each scenario (two at a time, variants of the same officials and courses starting from each other) and shows them side by side.")

    @Argument(help: "The scenario YAML files.")
    var scenarios: [String]

    @Option(name: .long, help: "Folder for each scenario's outputs (DIR/<name>/) and compare.csv (default: out/compare).")
    var out: String = "out/compare"

    @OptionGroup var options: SolvingOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario") }
    }

    func run() throws {
        let session = SolvingSession(options, runs: scenarios.count)
        // Read here first so that names are known and bad files are reported before anything is planned.
        var names: [String?] = []
        var loadedScenarios: [LoadedScenario?] = []
        var codes: [Int32] = []
        var unreadable: String?
        var taken: Set<String> = []
        for path in scenarios {
            do {
                let loaded = try ScenarioLoader.load(path: path)
                var name = loaded.scenario.name
                var copy = 1
                while !taken.insert(name).inserted {
                    copy += 1
                    name = "\(loaded.scenario.name)-\(copy)"
                }
                names.append(name)
                loadedScenarios.append(loaded)
                codes.append(0)
            } catch {
                let message = Failure(error).message ?? "\(error)"
                CommandProgress.message(message)
                unreadable = unreadable ?? message
                names.append(nil)
                loadedScenarios.append(nil)
                codes.append(ExitStatus.badInput.rawValue)
            }
        }
        let planned = scenarios.indices.filter { names[$0] != nil }
        let jobs = planned.map { index in
            WhatIfRuns.Job(scenario: loadedScenarios[index]!.scenario, inputFiles: loadedScenarios[index]!.files.all,
                           out: out + "/" + names[index]!)
        }
        var ran = Array(repeating: true, count: scenarios.count)
        var errors: [Int: String] = [:]
        for (job, finished) in zip(planned, WhatIfRuns.run(jobs, lanes: Self.lanes(jobs), alreadyDone: scenarios.count - jobs.count,
                                                             session: session)) {
            codes[job] = finished.code
            ran[job] = finished.ran
            errors[job] = finished.error
        }
        session.progress.enter(.writing)

        let columns = scenarios.indices.map { index in
            // A run a stop kept from starting has no outputs of this command, whatever its folder holds.
            let outcome = ran[index] ? names[index].flatMap { PlanReader.outcome(folder: out + "/" + $0) } : nil
            return ComparedScenario(name: names[index] ?? scenarios[index], file: scenarios[index], exitCode: codes[index],
                                    ran: ran[index], outcome: outcome)
        }
        let comparison = Comparison(scenarios: columns)
        try OutputFile.write(comparison.targetsCSV, to: out + "/" + Comparison.targetsFile)
        try OutputFile.write(comparison.scenariosCSV, to: out + "/" + Comparison.scenariosFile)
        try OutputFile.write(comparison.page.data(language: options.lang), to: out + "/" + Comparison.pageFile)
        if !options.quiet {
            print(comparison.text(Wording(language: options.lang)))
            print("\(Wording(language: options.lang).written) \(out)")
        }
        let firstError = unreadable
            ?? columns.indices.lazy.compactMap { index in errors[index].map { "\(columns[index].name): \($0)" } }.first
        session.progress.record(CommandOutcome(runs: columns.map { ($0.ran, $0.outcome) }, error: firstError))
        let worst = ExitStatus.worst(codes.map(ExitStatus.init(childCode:)))
        if worst != .success { throw CLIError.runsEnded(worst: worst) }
    }
}

extension CompareCommand {
    /// The scenarios dealt to the two lanes in turn, each lane taking its own in order of total budget, so that
    /// each run starts from the nearest one before it (when they share officials and courses).
    static func lanes(_ jobs: [WhatIfRuns.Job]) -> [[Int]] {
        let total = jobs.map { job in job.scenario.years.reduce(0.0) { $0 + job.scenario.budget(in: $1) } }
        let byBudget = jobs.indices.sorted { (total[$0], $0) < (total[$1], $1) }
        return (0..<WhatIfRuns.laneCount).map { lane in byBudget.enumerated().filter { $0.offset % WhatIfRuns.laneCount == lane }.map(\.element) }
    }
}

struct ComparedScenario {
    var name: String
    var file: String
    var exitCode: Int32
    /// False when a stop came before its run started.
    var ran: Bool
    var outcome: PlanOutcome?
    var status: String { ran ? outcome?.status ?? "failed" : "not_run" }
}

/// The side-by-side view of several plans: totals per scenario, and per target its attainment at 2025, 2030
/// and the horizon, and the first year from which it holds to the horizon.
struct Comparison {
    static let targetsFile = "compare.csv"
    static let scenariosFile = "compare-scenarios.csv"
    static let pageFile = "compare.html"
    /// The resolution's two milestones.
    static let milestones = [2025, 2030]

    let scenarios: [ComparedScenario]

    /// Target ids in natural order, over every scenario (they may use different target files).
    var targetIds: [String] {
        Array(Set(scenarios.flatMap { $0.outcome?.targetIds ?? [] })).sorted(by: naturallyPrecedes)
    }

    private func row(_ outcome: PlanOutcome?, _ id: String, _ year: Int?) -> PlanOutcome.Row? {
        year.flatMap { outcome?.attainment[id]?[$0] }
    }

    var targetsCSV: Data {
        var csv = CSVWriter(header: ["target_id", "scenario"]
            + Self.milestones.flatMap { ["attained_\($0)", "required_\($0)"] }
            + ["horizon", "attained_horizon", "required_horizon", "first_met"])
        for id in targetIds {
            for scenario in scenarios {
                guard let outcome = scenario.outcome, outcome.attainment[id] != nil else { continue }
                var fields = [id, scenario.name]
                for year in Self.milestones {
                    let cell = row(outcome, id, year)
                    fields += [cell.map { String($0.attained) } ?? "", cell.map { String($0.required) } ?? ""]
                }
                let end = row(outcome, id, outcome.horizon)
                fields += [outcome.horizon.map(String.init) ?? "", end.map { String($0.attained) } ?? "",
                           end.map { String($0.required) } ?? "", outcome.firstMet(id).map(String.init) ?? ""]
                csv.append(fields)
            }
        }
        return csv.data
    }

    var scenariosCSV: Data {
        let years = Array(Set(scenarios.flatMap { $0.outcome?.spent.keys.map { $0 } ?? [] })).sorted()
        var csv = CSVWriter(header: ["scenario", "file", "exit_code", "status", "objective", "total_cost", "gap"]
            + years.map { "spent_\($0)" })
        for scenario in scenarios {
            let outcome = scenario.outcome
            csv.append([
                scenario.name, scenario.file, String(scenario.exitCode), scenario.status,
                outcome?.objective.map { NumberText.decimal($0) } ?? "", outcome?.totalCost.map(NumberText.money) ?? "",
                outcome?.gap.map { NumberText.decimal($0) } ?? "",
            ] + years.map { year in outcome?.spent[year].map(NumberText.money) ?? "" })
        }
        return csv.data
    }

    func text(_ labels: Wording) -> String {
        var totals = [[labels.text("Kịch bản", "Scenario")] + scenarios.map(\.name)]
        totals.append([labels.status] + scenarios.map { labels.statusWord($0.status) })
        totals.append([labels.objective] + scenarios.map { $0.outcome?.objective.map { NumberText.decimal($0) } ?? "—" })
        totals.append([labels.totalCost] + scenarios.map { $0.outcome?.totalCost.map(NumberText.money) ?? "—" })
        totals.append([labels.gap] + scenarios.map { $0.outcome?.gap.map { String(format: "%.3f%%", $0 * 100) } ?? "—" })
        totals.append([labels.text("Mã thoát", "Exit code")] + scenarios.map { String($0.exitCode) })

        var first = [""], second = [labels.target]
        for scenario in scenarios {
            let horizon = scenario.outcome?.horizon.map(String.init) ?? "—"
            first += [scenario.name, "", "", ""]
            second += Self.milestones.map(String.init) + [horizon, labels.text("đạt từ", "met from")]
        }
        var targets = [first, second]
        for id in targetIds {
            var cells = [id]
            for scenario in scenarios {
                let outcome = scenario.outcome
                for year in Self.milestones + [outcome?.horizon ?? Int.min] {
                    cells.append(row(outcome, id, year).map { "\($0.attained)/\($0.required)" } ?? "—")
                }
                cells.append(outcome?.firstMet(id).map(String.init) ?? "—")
            }
            targets.append(cells)
        }
        return (Self.table(totals) + [""] + Self.table(targets)).joined(separator: "\n")
    }

    /// Like `PlanSummary.table`, but only the first column reads left to right: a blank last column takes the
    /// left alignment `PlanSummary` gives labels.
    static func table(_ rows: [[String]]) -> [String] {
        PlanSummary.table(rows.map { $0 + [""] }).map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }
    }
}

extension Comparison {
    /// The data of `compare.html`.
    var page: ComparisonPage {
        let columns = scenarios.map { scenario in
            ComparisonPage.Scenario(
                name: scenario.name, exitCode: scenario.exitCode, status: scenario.status,
                objective: scenario.outcome?.objective, totalCost: scenario.outcome?.totalCost,
                gap: scenario.outcome?.gap, horizon: scenario.outcome?.horizon)
        }
        let targets = targetIds.map { id in
            ComparisonPage.Target(id: id, results: scenarios.map { scenario -> ComparisonPage.Result? in
                guard let outcome = scenario.outcome, let years = outcome.attainment[id] else { return nil }
                let marks = (Self.milestones.map { Optional($0) } + [outcome.horizon]).map { year in
                    let row = year.flatMap { years[$0] }
                    return ComparisonPage.Mark(year: year, attained: row?.attained, required: row?.required)
                }
                return ComparisonPage.Result(marks: marks, metFrom: outcome.firstMet(id))
            })
        }
        return ComparisonPage(scenarios: columns, targets: targets, milestones: Self.milestones)
    }
}
