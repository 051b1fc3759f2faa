import CadreDomain
import CadreLinearModel
import Foundation

public struct PlannerOptions: Sendable {
    /// Seconds for the whole solve; the best plan found by then is returned with its gap.
    public var timeLimit: Double
    public var relativeGap: Double
    /// Let the solver print its own log to standard error.
    public var verbose: Bool
    /// When the time limit began to run: a command starts it before reading its input, so that reading counts.
    /// Nil: when planning starts.
    public var clockStarted: Date?
    /// Seconds of the limit kept back for what the caller still does once the plan is back (writing the outputs).
    public var keptForWriting: Double
    /// Set from another thread (a signal, a Stop button), it ends the search like the deadline does: the plan
    /// returned is the best found so far.
    public var stop: StopRequest
    /// Groups with at most this many sequences get them all as columns up front (nil: the planner's own
    /// choice by province size). Tests set 0, so that every column must be priced or completed.
    var listingLimit: Int?
    /// Provinces of at most this many officials are searched by branch and price and the per-person model instead
    /// of the master's neighbourhoods and the completion (nil: `SearchTuning.exactSearchOfficials`). Tests set 0 to
    /// exercise the others.
    var exactSearchOfficials: Int?
    /// The provinces the finder searches the priced columns of (nil: `SearchTuning.finderOfficials`), and the largest
    /// per-person model it searches beside the tree from its first node (nil: `SearchTuning.personSearchBesideColumns`).
    /// Tests set them so that tiny provinces take the paths of larger ones.
    var finderOfficials: ClosedRange<Int>?
    var personSearchBesideColumns: Int?

    public init(timeLimit: Double = 60, relativeGap: Double = 1e-3, verbose: Bool = false, clockStarted: Date? = nil,
                keptForWriting: Double = 0, stop: StopRequest = StopRequest()) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
        self.clockStarted = clockStarted
        self.keptForWriting = keptForWriting
        self.stop = stop
    }
}

/// What ended a search; the raw values are summary.json's `stopped_by` words.
public enum StopReason: String, Sendable, CaseIterable {
    /// The requested gap was reached.
    case gap
    case timeLimit = "time_limit"
    case stopRequest = "stop_request"
    /// Every method had run its course, with time left, and none proved the gap.
    case searchExhausted = "search_exhausted"
}

/// The stages of a solving command, as `--progress json` names them. The planner reports the middle three;
/// reading the input and writing the outputs are the command's.
public enum PlanningPhase: String, Sendable, CaseIterable {
    case reading, relaxation, shortfall, spending, writing
}

/// How a search stands. `best` and `bound` are of the weighted shortfall (the primary objective) in every
/// phase: the spending phase keeps the shortfall it starts from, and reports that.
public struct PlanningProgress: Sendable, Equatable {
    public var phase: PlanningPhase
    /// The best plan's weighted shortfall; nil before the first plan.
    public var best: Double?
    /// A proven lower bound on the weighted shortfall of every plan; nil before the first.
    public var bound: Double?
    public var gap: Double? {
        guard let best, let bound else { return nil }
        return relativeGap(incumbent: best, bound: bound)
    }

    public init(phase: PlanningPhase, best: Double? = nil, bound: Double? = nil) {
        self.phase = phase
        self.best = best
        self.bound = bound
    }
}

/// What `plan` produces: the plan, its recount, and how the search ended.
public struct PlanningResult: Sendable {
    public var scenario: Scenario
    public var plan: Plan
    public var evaluation: PlanEvaluation
    /// `optimal` when the gap was reached, `feasible` when the search stopped before it.
    public var status: SolveStatus
    /// The primary objective: Σ weight × shortfall.
    public var objective: Double
    public var totalCost: Double
    /// Proven relative gap of the primary objective.
    public var gap: Double
    public var seconds: Double
    public var solverName: String
    public var variables: Int
    public var constraints: Int
    /// `gap` exactly when `status` is `optimal`.
    public var stoppedBy: StopReason
    /// Proven relative gap of total spending among plans with this shortfall (NaN when not searched).
    public var spendingGap: Double = .nan
    /// What a what-if variant of the same officials and courses may start from (nil when nothing was searched).
    public var handover: WarmStart?

    public init(scenario: Scenario, plan: Plan, evaluation: PlanEvaluation, status: SolveStatus, objective: Double,
                totalCost: Double, gap: Double, seconds: Double, solverName: String, variables: Int,
                constraints: Int, stoppedBy: StopReason) {
        self.scenario = scenario
        self.plan = plan
        self.evaluation = evaluation
        self.status = status
        self.objective = objective
        self.totalCost = totalCost
        self.gap = gap
        self.seconds = seconds
        self.solverName = solverName
        self.variables = variables
        self.constraints = constraints
        self.stoppedBy = stoppedBy
    }
}

/// Which integer program `export-model` writes.
public enum ModelForm: String, Sendable, CaseIterable {
    /// The master problem over course sequences that `plan` solves.
    case master
    /// One binary per official, course and start year, every rule a row.
    case person
}

/// Turns a scenario into a plan with any `Solver`.
public struct Planner {
    public let solver: any Solver
    /// Searches the master's columns for better plans beside `solver`'s own searches (see `PlanningRun.finder`); nil:
    /// `solver` alone.
    public let finder: (any Solver & Sendable)?
    public let options: PlannerOptions
    public var progress: ((PlanningProgress) -> Void)?

    public init(solver: any Solver, finder: (any Solver & Sendable)? = nil, options: PlannerOptions = PlannerOptions(),
                progress: ((PlanningProgress) -> Void)? = nil) {
        self.solver = solver
        self.finder = finder
        self.options = options
        self.progress = progress
    }

    /// Plans in two phases: the least weighted shortfall, then the least spending that keeps it. With
    /// `previous` starts (a re-plan), the second phase first keeps as many of them as it can. With a `warmStart`
    /// (an earlier run of the same officials and courses), the search starts from its columns and its plan.
    public func plan(_ scenario: Scenario, keeping previous: [CourseStart] = [], warmStart: WarmStart? = nil) throws -> PlanningResult {
        let run = try PlanningRun(scenario: scenario, solver: solver, finder: finder, options: options, progress: progress, previous: previous)
        guard !run.master.model.variables.isEmpty else {
            return try result(of: run, plan: run.plan(of: []), lowerBound: 0)
        }
        let warmPlan = try warmStart.flatMap { try run.seed(from: $0) }
        // The relaxation decides both the bound and the columns the integer plan can use: it gets most of
        // the time; heuristics are quick, and branch and cut only gets what is left.
        let shortfallRoot = try run.generateColumns(until: run.deadline(atFraction: SearchTuning.shortfallColumnsShare))
        guard shortfallRoot.result.status == .optimal else {
            throw PlanningError.relaxationEnded(shortfallRoot.result.status)
        }
        if !shortfallRoot.converged { run.noteDeadline() }
        let shortfall = try run.bestInteger(root: shortfallRoot, incumbent: warmPlan, searchUntil: run.deadline(atFraction: SearchTuning.shortfallSearchShare))
        let primary = run.primaryValue(of: shortfall.values)

        // The spending phase gets as long again as the shortfall phase took (within the limit): a planner
        // should not wait the whole limit for the last VND once the shortfall is settled.
        var values = shortfall.values
        var spendingGap = Double.nan
        let spendingEnd = min(run.deadline(atFraction: SearchTuning.spendingEndShare), Date().addingTimeInterval(max(1, run.elapsed)))
        if !options.stop.endsSearch(due: spendingEnd) {
            try run.enterSpendingPhase(primaryCap: primary, settledWithin: SearchTuning.spendingSettledWithin)
            let spendingRoot = try run.generateColumns(until: Date(timeIntervalSinceNow: SearchTuning.spendingColumnsShare * spendingEnd.timeIntervalSinceNow))
            if spendingRoot.result.status == .optimal {
                let spending = try run.bestInteger(root: spendingRoot, incumbent: shortfall.values, searchUntil: spendingEnd)
                values = spending.values
                spendingGap = spending.gap
            }
        }
        // Shortfall is never negative, whatever the relaxation could prove so far.
        var planned = try result(of: run, plan: run.plan(of: values), lowerBound: shortfall.bound)
        planned.spendingGap = spendingGap
        planned.handover = run.handover(plan: planned.plan)
        guard planned.objective <= primary + SearchTuning.relativeSlack * max(1, primary) else {
            throw PlanningError.recountDiffers(recounted: planned.objective, solver: primary)
        }
        return planned
    }

    private func result(of run: PlanningRun, plan: Plan, lowerBound: Double) throws -> PlanningResult {
        let evaluation = PlanEvaluation(scenario: run.scenario, plan: plan)
        if let broken = evaluation.violations.first {
            throw PlanningError.breaksRule(broken, leastBudget: false)
        }
        let gap = relativeGap(incumbent: evaluation.objective, bound: lowerBound)
        let reached = gap <= options.relativeGap + SearchTuning.gapSlack
        return PlanningResult(
            scenario: run.scenario, plan: plan, evaluation: evaluation, status: reached ? .optimal : .feasible,
            objective: evaluation.objective, totalCost: evaluation.totalCost, gap: gap, seconds: run.elapsed,
            solverName: solver.name, variables: run.master.model.variables.count,
            constraints: run.master.model.rows.count, stoppedBy: run.stopReason(gapReached: reached))
    }

    /// Writes an integer program of the primary objective: the master problem GLPK is given, with the columns
    /// that pricing finds within the time limit, or the per-person model (`PersonModel`), which any solver can
    /// take to check a plan's shortfall.
    public func exportModel(_ scenario: Scenario, format: ModelFormat, to path: String, form: ModelForm = .master) throws {
        if form == .person {
            let conflicts = LockConflicts.find(in: scenario)
            if !conflicts.isEmpty { throw LockConflictError(conflicts: conflicts) }
            let model = PersonModel.build(scenario)
            try model.validate()
            try solver.open(model).write(format, to: path)
            return
        }
        let run = try PlanningRun(scenario: scenario, solver: solver, finder: finder, options: options, progress: progress)
        if !run.master.model.variables.isEmpty {
            _ = try run.generateColumns(until: run.deadline(atFraction: SearchTuning.exportColumnsShare))
        }
        try run.session.write(format, to: path)
    }
}
