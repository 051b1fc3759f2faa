import ArgumentParser
import CadreDomain
import CadreGLPK
import CadreIO
import CadrePlanner
import CadreReport
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plans a scenario and writes the schedule, attainment, budget and intakes.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: out/<scenario name>/).")
    var out: String?

    @Flag(name: .long, help: "Replace the output folder even if cadreplan did not write it.")
    var force = false

    @OptionGroup var options: SolvingOptions

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        let labels = Wording(language: options.lang)
        if !options.quiet { printWarnings(loaded.warnings) }
        let progressLine = ProgressLine(quiet: options.quiet)
        let planner = Planner(solver: GLPKSolver(), options: options.plannerOptions, progress: progressLine.update)
        let result = try planner.plan(loaded.scenario)
        progressLine.finish()
        let folder = out ?? "out/\(loaded.scenario.name)"
        let reasons = ShortfallReasons(scenario: result.scenario, plan: result.plan, evaluation: result.evaluation)
        let files = try planFiles(result, reasons: reasons, language: options.lang)
        try OutputFolder(path: folder).write(files, inputFiles: loaded.files.all, force: force)
        if !options.quiet {
            print(PlanSummary(result: result, labels: labels).text)
            let why = ReasonsFile.lines(reasons, evaluation: result.evaluation, scenario: result.scenario, language: options.lang)
            if !why.isEmpty { print("\n" + why.joined(separator: "\n")) }
            print("\(labels.written) \(folder)")
        }
        if result.stoppedByTimeLimit { throw CadreExit(code: Failure.timeLimit) }
    }
}

func printWarnings(_ warnings: [InputProblem]) {
    for warning in warnings {
        FileHandle.standardError.write(Data((warning.description + "\n").utf8))
    }
}

/// Every file a plan's output folder holds: the contract's CSVs and JSON, the workbook and report, and why
/// targets fall short. `plan` and `min-budget` write the same set.
func planFiles(_ result: PlanningResult, reasons: ShortfallReasons, language: ReportLanguage) throws -> [String: Data] {
    var files = PlanWriter.files(for: result).merging(try ReportFiles.files(for: result, language: language)) { csv, _ in csv }
    files[ReasonsFile.name] = ReasonsFile.csv(reasons, scenario: result.scenario)
    return files
}
