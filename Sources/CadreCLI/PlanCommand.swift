import ArgumentParser
import CadreDomain
import CadreGLPK
import CadreHiGHS
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

    @Option(name: .long, help: """
        The output folder of an earlier run of the same officials and courses (a what-if variant: other budgets, \
        seats or costs): the search starts from its plan. A folder of other officials or courses is not used, and \
        the reason is printed.
        """)
    var warmStart: String?

    @OptionGroup var options: SolvingOptions

    func run() throws {
        let session = SolvingSession(options)
        let loaded = try ScenarioLoader.load(path: scenario)
        if !options.quiet { printWarnings(loaded.warnings) }
        var warm: WarmStart?
        if let warmStart {
            switch WarmStartReader.read(folder: warmStart, for: loaded.scenario) {
            case .success(let start): warm = start
            // Said even with --quiet: the user asked for a warm start and should know it did not happen.
            case .failure(let refusal): CommandProgress.message("cadreplan: \(refusal)")
            }
        }
        let result = try session.solve(officials: loaded.scenario.officials.count) { try $0.plan(loaded.scenario, warmStart: warm) }
        let folder = out ?? "out/\(loaded.scenario.name)"
        let (files, reasons) = try planOutputs(result, language: options.lang)
        try OutputFolder(path: folder).write(files, inputFiles: loaded.files.all, force: force)
        printPlanReport(result, reasons: reasons, folder: folder, options: options)
        try session.end(CommandOutcome(result), stoppedBy: result.stoppedBy)
    }
}

/// What a solving command runs in, from its first moment to its exit code: the clock its time limit counts
/// from, the stop rule's signals and the progress reports.
struct SolvingSession {
    let options: SolvingOptions
    let started = Date()
    let signals = StopSignals()
    let progress: CommandProgress

    /// A command that plans one scenario shows the updating line on a terminal; one that runs `runs` plans
    /// (`compare`, `sweep`) counts them in its progress lines instead.
    init(_ options: SolvingOptions, runs: Int? = nil) {
        self.options = options
        progress = CommandProgress(options, started: started, terminalLine: runs == nil, runs: runs)
    }

    /// Runs `work` with a planner on GLPK and the solving options; the time limit keeps back the time writing
    /// the outputs of `officials` officials takes. Once it returns, the command is writing.
    func solve<Result>(officials: Int, _ work: (Planner) throws -> Result) throws -> Result {
        let result = try work(planner(officials: officials, started: started, progress: progress.update))
        progress.enter(.writing)
        return result
    }

    /// A planner on GLPK with the solving options, whose limit counts from `started`, stopped by this command's
    /// signals; `compare` and `sweep` make one per run, each timed from its own start.
    func planner(officials: Int, started: Date, progress: @escaping (PlanningProgress) -> Void) -> Planner {
        Planner(solver: GLPKSolver(), finder: HiGHSSolver(), options: options.plannerOptions(started: started, officials: officials, stop: signals.request),
                progress: progress)
    }

    /// Once the outputs are written: the done line's values, and the contract's exit code for how the search ended.
    func end(_ outcome: CommandOutcome, stoppedBy: StopReason) throws {
        progress.record(outcome)
        // Exit 0 never comes with a gap above the one asked.
        guard stoppedBy == .gap else { throw CLIError.searchStopped(by: stoppedBy) }
    }
}

/// What `plan` and `replan` print once the outputs are written: the summary, any `extra` lines, why targets
/// fall short, and where the outputs went.
func printPlanReport(_ result: PlanningResult, reasons: ShortfallReasons, extra: [String] = [], folder: String,
                     options: SolvingOptions) {
    guard !options.quiet else { return }
    let labels = Wording(language: options.lang)
    print(PlanSummary(result: result, labels: labels).text)
    for line in extra { print(line) }
    let why = ReasonsFile.lines(reasons, evaluation: result.evaluation, scenario: result.scenario, language: options.lang)
    if !why.isEmpty { print("\n" + why.joined(separator: "\n")) }
    print("\(labels.written) \(folder)")
}

func printWarnings(_ warnings: [InputProblem]) {
    for warning in warnings { CommandProgress.message(warning.description) }
}

/// Every file a plan's output folder holds — the contract's CSVs and JSON, the workbook and report, and why
/// targets fall short — and those reasons, which the commands also print. `plan`, `replan` and `min-budget` write
/// the same set. The workbook, report and their tables are built on a second thread while this one finds the
/// reasons and writes the contract's files: on 100,000 officials each side takes several seconds.
func planOutputs(_ result: PlanningResult, language: ReportLanguage) throws -> (files: [String: Data], reasons: ShortfallReasons) {
    let report = SecondThread { try ReportFiles.files(for: result, language: language) }
    let reasons = ShortfallReasons(scenario: result.scenario, plan: result.plan, evaluation: result.evaluation)
    var files = PlanWriter.files(for: result)
    files[ReasonsFile.name] = ReasonsFile.csv(reasons, scenario: result.scenario)
    files.merge(try report.value()) { csv, _ in csv }
    return (files, reasons)
}

/// Work started on a thread of its own; `value()` waits for it and returns what it returned or threw.
private final class SecondThread<Value: Sendable>: @unchecked Sendable {
    private var outcome: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            // Only this thread writes `outcome`, before the signal; `value()` reads it only after the wait.
            outcome = Result { try work() }
            done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        // Leave the signal for any later call.
        done.signal()
        return try outcome!.get()
    }
}
