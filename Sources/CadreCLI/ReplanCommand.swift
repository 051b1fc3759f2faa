import ArgumentParser
import CadreDomain
import CadreGLPK
import CadreIO
import CadrePlanner
import CadreReport
import Foundation

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plans from what actually happened: plans the years from --from on, with the history as fixed.",
        discussion: """
        --actuals names a CSV (or .xlsx) of events since the scenario's base year: courses completed, running and \
        dropped, officials who left, joined or changed (see the README). The scenario's locks file, if it names one, \
        is read against the re-planned officials. With --previous (the output folder of an earlier plan), the \
        re-plan keeps as many of that plan's assignments as it can without losing attainment, and writes \
        changes.csv. With --reorganisation (old_commune,old_unit,new_commune,new_unit: one row per old commune), \
        every official is moved to their new commune and unit after the actuals, keeping their history.
        """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "What happened since the base year (actuals.csv).")
    var actuals: String

    @Option(name: .customLong("from"), help: "The first year to plan again; everything before it is history.")
    var fromYear: Int

    @Option(name: .long, help: "Where each old commune went in a reorganisation of the map (reorganisation.csv).")
    var reorganisation: String?

    @Option(name: .long, help: "The output folder of the plan being revised: its assignments are kept where possible.")
    var previous: String?

    @Option(name: .long, help: "Output folder (default: out/<scenario name>-replan-<year>/).")
    var out: String?

    @Flag(name: .long, help: "Replace the output folder even if cadreplan did not write it.")
    var force = false

    @OptionGroup var options: SolvingOptions

    func run() throws {
        let session = SolvingSession(options)
        let loaded = try ScenarioLoader.load(path: scenario, readingLocks: false)
        let labels = Wording(language: options.lang)
        if !options.quiet { printWarnings(loaded.warnings) }
        var (replanned, history) = try Self.replan(loaded.scenario, actuals: actuals, from: fromYear)
        // After the actuals, whose rows name officials and communes as they were when it happened.
        if let reorganisation { replanned = try ReorganisationReader.read(path: reorganisation).apply(to: replanned) }
        if let locks = loaded.files.locks { replanned.locks = try ScenarioLoader.readLocks(path: locks, for: replanned) }
        let previousStarts = try previous.map { try PlanReader.starts(folder: $0) }

        let result = try session.solve(officials: replanned.officials.count) {
            try $0.plan(replanned, keeping: Self.keepable(previousStarts ?? [], in: replanned))
        }

        let folder = out ?? "out/\(loaded.scenario.name)-replan-\(fromYear)"
        let outputs = try planOutputs(result, language: options.lang)
        var files = outputs.files
        var changes: [PlanChange] = []
        if let previousStarts {
            changes = PlanChanges.between(previous: previousStarts, replanned: result.plan, scenario: replanned, history: history)
            var everyone = Dictionary(loaded.scenario.officials.map { ($0.id, $0) }) { first, _ in first }
            for official in replanned.officials { everyone[official.id] = official }
            files[ChangesFile.name] = ChangesFile.csv(changes, officials: everyone, courses: replanned.courses, language: options.lang)
        }
        let inputs = loaded.files.all + [actuals] + (reorganisation.map { [$0] } ?? []) + (previous.map { [PlanReader.schedulePath(in: $0)] } ?? [])
        try OutputFolder(path: folder).write(files, inputFiles: inputs, force: force)
        var extra: [String] = []
        if previousStarts != nil {
            let count = { (kind: PlanChange.Kind) in changes.filter { $0.kind == kind }.count }
            extra.append(labels.text(
                "Thay đổi so với kế hoạch trước: \(count(.added)) thêm, \(count(.removed)) bỏ, \(count(.moved)) dời năm",
                "Changes from the previous plan: \(count(.added)) added, \(count(.removed)) removed, \(count(.moved)) moved"))
        }
        printPlanReport(result, reasons: outputs.reasons, extra: extra, folder: folder, options: options)
        try session.end(CommandOutcome(result), stoppedBy: result.stoppedBy)
    }

    /// The scenario re-planned from `year` with the actuals file at `path`. Every problem of the file is reported at
    /// once: rows that do not read, and the rows that do read but do not fit the scenario (unknown officials,
    /// courses not finished before `year`…), in line order.
    static func replan(_ scenario: Scenario, actuals path: String, from year: Int) throws -> (Scenario, ReplanHistory) {
        var problems: [InputProblem] = []
        let events = ActualsReader.read(path: path, problems: &problems)
        let unreadable = problems.contains { $0.severity == .error }
        do {
            let replanned = try Replan.scenario(scenario, actuals: events, from: year)
            try InputError.throwIfAnyError(in: problems)
            return replanned
        } catch let replan as ReplanProblems where unreadable {
            // A re-plan problem's source is `file:line` (or an option such as `--from`), already in the text.
            let resolution = replan.problems.map { InputProblem(file: $0.source, message: $0.message) }
            func line(_ problem: InputProblem) -> Int {
                problem.line ?? Int(problem.file.split(separator: ":").last ?? "") ?? 0
            }
            let all = (problems + resolution).enumerated().sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }
            throw InputError(problems: all.map(\.element))
        }
    }

    /// The previous plan's starts from the re-plan year on, for officials and courses still there.
    static func keepable(_ starts: [ScheduledStart], in scenario: Scenario) -> [CourseStart] {
        let officials = Dictionary(scenario.officials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let courses = Dictionary(scenario.courses.enumerated().map { ($1.id, $0) }) { first, _ in first }
        return starts.compactMap { start in
            guard start.year >= scenario.baseYear, let o = officials[start.officialID], let c = courses[start.courseID] else { return nil }
            return CourseStart(official: o, course: c, year: start.year)
        }
    }
}
