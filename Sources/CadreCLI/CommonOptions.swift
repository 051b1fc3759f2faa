import ArgumentParser
import CadrePlanner
import CadreReport

extension ReportLanguage: ExpressibleByArgument {}

/// The options every solving command shares.
struct SolvingOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds for the whole search; the best plan by then is written with its gap.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Relative gap at which the search stops.")
    var gap: Double = 0.001

    @Option(name: .long, help: "Language of labels: vi or en.")
    var lang: ReportLanguage = .vi

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Show GLPK's own log on standard error.")
    var solverLog = false

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 86_400 else {
            throw ValidationError("--time-limit must be a number of seconds between 0 and 86400")
        }
        guard gap.isFinite, gap >= 0, gap < 1 else {
            throw ValidationError("--gap must be a fraction from 0 to below 1")
        }
    }

    var plannerOptions: PlannerOptions {
        PlannerOptions(timeLimit: timeLimit, relativeGap: gap, verbose: solverLog)
    }
}
