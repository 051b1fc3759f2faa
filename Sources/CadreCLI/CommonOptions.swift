import ArgumentParser
import Foundation
import CadreLinearModel
import CadrePlanner
import CadreReport

extension ReportLanguage: ExpressibleByArgument {}

/// The options every solving command shares.
struct SolvingOptions: ParsableArguments {
    @Option(name: .long,
            help: "Seconds for each plan, reading and writing included (sweep and compare: for each of their runs, from its own start); the best plan by then is written with its gap.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Relative gap at which the search stops.")
    var gap: Double = 0.001

    @Option(name: .long, help: "Language of labels: vi or en.")
    var lang: ReportLanguage = .vi

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Show the solvers' own logs (GLPK's and HiGHS's) on standard error.")
    var solverLog = false

    @Option(name: .long, help: "json: one JSON object per line on standard error, at least once a second, then a done line.")
    var progress: ProgressFormat?

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 86_400 else {
            throw ValidationError("--time-limit must be a number of seconds between 0 and 86400")
        }
        guard gap.isFinite, gap >= 0, gap < 1 else {
            throw ValidationError("--gap must be a fraction from 0 to below 1")
        }
        guard !(solverLog && progress == .json) else {
            // GLPK writes its log in fragments, which would break the JSON lines.
            throw ValidationError("--solver-log and --progress json both write to standard error: choose one")
        }
    }

    /// The planner's options for a command that began at `started` and writes the outputs of `officials`
    /// officials once the plan is back: the limit covers the whole command, reading and writing included.
    func plannerOptions(started: Date, officials: Int, stop: StopRequest) -> PlannerOptions {
        PlannerOptions(timeLimit: timeLimit, relativeGap: gap, verbose: solverLog, clockStarted: started,
                       keptForWriting: Self.writingAllowance(officials: officials, timeLimit: timeLimit), stop: stop)
    }

    /// Seconds kept back for writing the outputs: measured at 55 to 65 µs an official on this project's 2-core
    /// machine (0.3 s for the 5,300 of the sample, 6.5 s for 100,000), allowed 80; never more than a quarter
    /// of the limit, so a short limit still leaves the search most of it.
    static func writingAllowance(officials: Int, timeLimit: Double) -> Double {
        min(80e-6 * Double(officials), 0.25 * timeLimit)
    }
}
