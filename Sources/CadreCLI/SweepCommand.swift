import ArgumentParser
import CadreDomain
import CadreIO
import CadreReport
import Foundation

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Plans the scenario with its budget scaled from --from to --to by --step; attainment against budget.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Smallest budget factor (e.g. 0.5).")
    var from: Double

    @Option(name: .long, help: "Largest budget factor (e.g. 1.5).")
    var to: Double

    @Option(name: .long, help: "Step between factors (e.g. 0.1).")
    var step: Double

    @Option(name: .long, help: "Output folder (default: out/<scenario name>-sweep/).")
    var out: String?

    @OptionGroup var options: SolvingOptions

    func validate() throws {
        guard from.isFinite, to.isFinite, step.isFinite, from >= 0, to >= from, step > 0 else {
            throw ValidationError("--from, --to and --step must be numbers with 0 ≤ from ≤ to and step > 0")
        }
        guard factors.count <= 200 else { throw ValidationError("at most 200 steps; take a larger --step") }
    }

    /// Counted in whole steps, so that 0.5 + 10 × 0.1 lands on 1.5 and not just below it.
    var factors: [Double] {
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        return (0..<count).map { ((from + Double($0) * step) * 1e9).rounded() / 1e9 }
    }

    func run() throws {
        let session = SolvingSession(options, runs: factors.count)
        let loaded = try ScenarioLoader.load(path: scenario)
        let base = loaded.scenario
        let folder = out ?? "out/\(base.name)-sweep"
        let inputs = folder + "/scenarios"
        var jobs: [WhatIfRuns.Job] = []
        for factor in factors {
            let label = "x" + NumberText.decimal(factor)
            let file = inputs + "/\(label).yaml"
            let name = "\(base.name)-\(label)"
            try OutputFile.write(ScaledBudgetFile.contents(of: base, factor: factor, name: name, extending: scenario, from: inputs), to: file)
            // The scenario that file reads as, without reading the officials again for every factor.
            var scaled = base
            scaled.name = name
            scaled.budget = Dictionary(uniqueKeysWithValues: base.years.map { ($0, (base.budget(in: $0) * factor).rounded()) })
            jobs.append(WhatIfRuns.Job(scenario: scaled, inputFiles: loaded.files.all + [file], out: folder + "/" + label))
        }
        let runs = Self.monotone(jobs, session: session)
        session.progress.enter(.writing)

        let steps = zip(factors, zip(jobs, runs)).map { factor, run in
            SweepStep(factor: factor, budget: base.years.reduce(0) { $0 + (base.budget(in: $1) * factor).rounded() },
                      exitCode: run.1.code, ran: run.1.ran, outcome: run.1.ran ? PlanReader.outcome(folder: run.0.out) : nil)
        }
        let sweep = Sweep(steps: steps, targetIds: base.targets.map(\.id))
        try OutputFile.write(sweep.csv, to: folder + "/" + Sweep.file)
        try OutputFile.write(sweep.page(scenario: base.name).data(language: options.lang), to: folder + "/" + Sweep.pageFile)
        if !options.quiet {
            print(sweep.text(Wording(language: options.lang)))
            print("\(Wording(language: options.lang).written) \(folder)")
        }
        let firstError = zip(steps, runs).lazy.compactMap { step, run in
            run.error.map { "x\(NumberText.decimal(step.factor)): \($0)" }
        }.first
        session.progress.record(CommandOutcome(runs: steps.map { ($0.ran, $0.outcome) }, error: firstError))
        let worst = ExitStatus.worst(runs.map { ExitStatus(childCode: $0.code) })
        if worst != .success { throw CLIError.runsEnded(worst: worst) }
    }
}

extension SweepCommand {
    /// Plans every factor so that more money never leaves a larger weighted shortfall. Each lane climbs from
    /// its lowest factor, each run starting from the plan below it, which still fits the larger budget: so
    /// within a lane the shortfall cannot rise. Where the upper lane's cold first run came out above the run
    /// below it, it is planned again from that run's plan, and so on up while the order is broken.
    static func monotone(_ jobs: [WhatIfRuns.Job], session: SolvingSession) -> [WhatIfRuns.Finished] {
        let split = (jobs.count + 1) / 2
        let lanes = jobs.count < 4 ? [Array(jobs.indices)] : [Array(0..<split), Array(split..<jobs.count)]
        var runs = WhatIfRuns.run(jobs, lanes: lanes, alreadyDone: 0, session: session)
        // After a stop, a run planned again would only be reported as not run.
        guard lanes.count > 1, !session.signals.request.isRequested else { return runs }
        for index in split..<jobs.count {
            guard let below = runs[index - 1].objective, let handover = runs[index - 1].handover,
                  let here = runs[index].objective, here > below + 1e-9 * max(1, below) else { continue }
            runs[index] = WhatIfRuns.run(jobs, lanes: [[index]], seeds: [index: handover], alreadyDone: jobs.count - 1,
                                         session: session)[index]
        }
        return runs
    }
}

/// A scenario file that extends another with every year's budget scaled, rounded to whole VND.
enum ScaledBudgetFile {
    static func contents(of scenario: Scenario, factor: Double, name: String, extending path: String, from folder: String) -> Data {
        var lines = [
            "# \(scenario.name) with every year's budget × \(NumberText.decimal(factor)) (cadreplan sweep).",
            "extends: \(yamlString(relativePath(to: path, from: folder)))",
            "name: \(yamlString(name))",
            "budget:",
        ]
        for year in scenario.years { lines.append("  \(year): \(NumberText.money((scenario.budget(in: year) * factor).rounded()))") }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}

struct SweepStep {
    var factor: Double
    var budget: Double
    var exitCode: Int32
    /// False when a stop came before its run started.
    var ran: Bool
    var outcome: PlanOutcome?
    var status: String { ran ? outcome?.status ?? "failed" : "not_run" }
}

/// Attainment against budget: one row per factor, each target's attainment at the horizon.
struct Sweep {
    static let file = "sweep.csv"
    static let pageFile = "sweep.html"

    let steps: [SweepStep]
    let targetIds: [String]

    private func horizonRow(_ step: SweepStep, _ id: String) -> PlanOutcome.Row? {
        step.outcome.flatMap { outcome in outcome.horizon.flatMap { outcome.attainment[id]?[$0] } }
    }

    /// Sorted by factor; per target `attained_<id>` and `required_<id>` at the horizon.
    var csv: Data {
        var csv = CSVWriter(header: ["factor", "total_budget", "exit_code", "status", "objective", "total_cost", "gap"]
            + targetIds.flatMap { ["attained_\($0)", "required_\($0)"] })
        for step in steps.sorted(by: { $0.factor < $1.factor }) {
            let outcome = step.outcome
            csv.append([
                NumberText.decimal(step.factor), NumberText.money(step.budget), String(step.exitCode),
                step.status, outcome?.objective.map { NumberText.decimal($0) } ?? "",
                outcome?.totalCost.map(NumberText.money) ?? "", outcome?.gap.map { NumberText.decimal($0) } ?? "",
            ] + targetIds.flatMap { id in
                let row = horizonRow(step, id)
                return [row.map { String($0.attained) } ?? "", row.map { String($0.required) } ?? ""]
            })
        }
        return csv.data
    }

    func text(_ labels: Wording) -> String {
        var rows = [[labels.text("Hệ số", "Factor"), labels.text("Ngân sách (VND)", "Budget (VND)"), labels.objective,
                     labels.totalCost, labels.gap, labels.status]]
        for step in steps {
            let outcome = step.outcome
            rows.append([
                NumberText.decimal(step.factor), NumberText.money(step.budget),
                outcome?.objective.map { NumberText.decimal($0) } ?? "—", outcome?.totalCost.map(NumberText.money) ?? "—",
                outcome?.gap.map { String(format: "%.3f%%", $0 * 100) } ?? "—",
                labels.statusWord(step.status),
            ])
        }
        return Comparison.table(rows).joined(separator: "\n")
    }
}

extension Sweep {
    /// The data of `sweep.html`.
    func page(scenario: String) -> SweepPage {
        let pageSteps = steps.map { step in
            var horizon: [String: SweepPage.Attainment] = [:]
            for id in targetIds {
                if let row = horizonRow(step, id) { horizon[id] = SweepPage.Attainment(attained: row.attained, required: row.required) }
            }
            return SweepPage.Step(
                factor: step.factor, budget: step.budget, exitCode: step.exitCode,
                status: step.status, objective: step.outcome?.objective,
                totalCost: step.outcome?.totalCost, horizon: horizon)
        }
        return SweepPage(scenario: scenario, steps: pageSteps, targetIds: targetIds)
    }
}
