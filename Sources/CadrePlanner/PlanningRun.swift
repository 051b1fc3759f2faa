import CadreDomain
import CadreLinearModel
import Foundation

/// One solve of one scenario: column generation on the master problem, then integer plans by rounding, member
/// searches and (only while the gap is open) neighbourhoods and branch and cut on the columns found, or on small
/// provinces branch and price and the per-person model — first for the least weighted shortfall, then for the
/// least spending at that shortfall. Lives on one thread, like the solver session it owns.
final class PlanningRun {
    enum Phase { case shortfall, spending }

    // MARK: What the run is given

    let scenario: Scenario
    let options: PlannerOptions
    let progress: ((PlanningProgress) -> Void)?
    let started: Date

    // MARK: The model and its solver

    /// The master problem; column generation and the exact completion add columns to it, the spending phase
    /// changes its costs and caps.
    var master: MasterProblem
    let session: any SolverSession
    /// For the per-person model, which small provinces search in a session of its own.
    let solver: any Solver
    /// The backend that searches every column priced so far for a better plan (`startColumnSearch`, `activeFinder`), in a
    /// session of its own opened on the master as `session` holds it; nil: no such search. HiGHS finds there plans
    /// GLPK's branch and cut does not (100 officials, seed 3: 436 over the relaxation's 680 columns in 3 s, where GLPK
    /// stays at 445).
    let finder: (any Solver & Sendable)?
    /// Groups whose every sequence is a column.
    var complete: [Bool]
    /// See `spendingGrain(_:groups:)`.
    let spendingGrain: (unit: Double, ties: Double)?

    // MARK: Where the search stands

    /// Set by `enterSpendingPhase`.
    var phase: Phase = .shortfall
    var spendingSettledWithin = 0.0
    /// Some search stopped at its deadline rather than at the gap (see `stopReason`).
    var hitDeadline = false
    /// The best plan `nodeRounding` made at branch and cut's nodes in this phase, which GLPK may have refused
    /// (it moves groups a neighbourhood holds fixed); the searches take it when it beats their own.
    var bestNodePlan: [Double]?
    /// What the caller was last told (see `report`): the weighted shortfall's best plan and bound, and the phase.
    var reported = PlanningProgress(phase: .relaxation)
    /// Ends the corners and the member searches early: the user's stop, or while the finder searches beside them
    /// (`bestInteger`), also its plan that reaches the gap.
    lazy var heuristicsStop = options.stop

    // MARK: Keeping a previous plan

    /// Weight of keeping one start of the previous plan, in millions of VND: worth more than ten of the dearest
    /// courses, so the spending phase changes a previous plan only where that saves a great deal.
    let stabilityWeight: Double
    /// The same preference while shortfall is minimised, too small for all kept starts together to outweigh one
    /// person short: among the many plans of equal shortfall, the relaxation then leans to the previous one, and
    /// the spending phase starts from a plan that already keeps most of it.
    let shortfallPhasePreference: Double

    init(scenario: Scenario, solver: any Solver, finder: (any Solver & Sendable)? = nil, options: PlannerOptions, progress: ((PlanningProgress) -> Void)?,
         previous: [CourseStart] = []) throws {
        let conflicts = LockConflicts.find(in: scenario)
        if !conflicts.isEmpty { throw LockConflictError(conflicts: conflicts) }
        self.started = Date()
        self.scenario = scenario
        self.options = options
        self.progress = progress
        self.stabilityWeight = 10 * (scenario.courses.map(\.cost).max() ?? 0) / MasterProblem.moneyScale + 1
        self.shortfallPhasePreference = 0.5 * (scenario.targets.map(\.weight).filter { $0 > 0 }.min() ?? 1) / Double(max(1, previous.count))
        let (profiles, coverage) = ProfileBuilder.build(scenario, preferred: previous)
        let groups = Self.group(profiles, scenario: scenario)
        var master = MasterProblem(scenario: scenario, groups: groups, coverage: coverage)
        var complete = Array(repeating: true, count: groups.count)
        let limit = options.listingLimit ?? SearchTuning.completeSequenceLimit(officials: profiles.count)
        for (g, group) in groups.enumerated() {
            guard SequenceSearch.fits(group.profile, baseYear: scenario.baseYear) else {
                throw PlanningError.tooManyChoices(officialID: scenario.officials[group.members[0]].id)
            }
            let search = SequenceSearch(profile: group.profile, baseYear: scenario.baseYear, yearCount: scenario.years.count,
                                        maxTrainingDays: scenario.maxTrainingDays)
            if let all = search.all(limit: limit) {
                for sequence in all { _ = master.add(sequence, of: g, cost: 0) }
            } else {
                complete[g] = false
            }
        }
        try master.model.validate()
        self.master = master
        self.complete = complete
        self.spendingGrain = Self.spendingGrain(scenario, groups: groups)
        self.session = try solver.open(master.model)
        self.solver = solver
        self.finder = finder
        trace("model: \(profiles.count) officials in \(groups.count) groups, \(master.model.rows.count) rows, \(master.columns.count) listed columns")
        // The first relaxation may take long and reports nothing until it is solved.
        progress?(reported)
    }

    func noteDeadline() { hitDeadline = true }

    /// What ended the search, once it is over. A stop request ends every search at once, so when one came it
    /// is what ended this one, even if a deadline had cut an earlier part short.
    func stopReason(gapReached: Bool) -> StopReason {
        if gapReached { return .gap }
        if options.stop.isRequested { return .stopRequest }
        return hitDeadline ? .timeLimit : .searchExhausted
    }

    /// Tells the caller how the search stands. Values of the spending objective are not the shortfall's, so
    /// the spending phase only repeats the shortfall it keeps.
    func report(best: Double? = nil, bound: Double? = nil) {
        if phase == .shortfall {
            if let best { reported.best = min(reported.best ?? .infinity, best) }
            if let bound, bound.isFinite { reported.bound = max(reported.bound ?? -.infinity, strengthened(bound)) }
        }
        progress?(reported)
    }

    /// Moves the reported phase on: column generation for the shortfall is `relaxation`, its integer search
    /// `shortfall`, and everything after the shortfall is settled `spending`.
    func report(_ next: PlanningPhase) {
        guard reported.phase != next else { return }
        reported.phase = next
        progress?(reported)
    }

    /// Officials with choices, gathered by what pricing sees; members in the tie rules' order.
    private static func group(_ profiles: [PlanningProfile], scenario: Scenario) -> [OfficialGroup] {
        var index: [PricingKey: Int] = [:]
        var groups: [OfficialGroup] = []
        for profile in profiles where !profile.isIdle {
            let key = profile.pricingKey
            if let g = index[key] {
                groups[g].members.append(profile.official)
            } else {
                index[key] = groups.count
                groups.append(OfficialGroup(profile: profile, members: [profile.official]))
            }
        }
        for g in groups.indices {
            groups[g].members.sort { tiePrecedes($0, $1, scenario.officials) }
            groups[g].profile.official = groups[g].members[0]
        }
        return groups
    }

    /// The tie rules' order between two officials: planned title first, then longer service left, then file order.
    static func tiePrecedes(_ a: Int, _ b: Int, _ officials: [Official]) -> Bool {
        let oa = officials[a], ob = officials[b]
        if oa.hasPlannedTitle != ob.hasPlannedTitle { return oa.hasPlannedTitle }
        if oa.lastServiceYear != ob.lastServiceYear { return oa.lastServiceYear > ob.lastServiceYear }
        return a < b
    }

    /// A point `fraction` of the way from the start of planning to the end of the time the limit leaves it.
    func deadline(atFraction fraction: Double) -> Date {
        let end = (options.clockStarted ?? started).addingTimeInterval(options.timeLimit - options.keptForWriting)
        return started.addingTimeInterval(max(0, end.timeIntervalSince(started)) * fraction)
    }

    var elapsed: TimeInterval { Date().timeIntervalSince(started) }

    /// Whether the columns hold every sequence of every group, so the integer optimum over them is exact.
    var columnsAreComplete: Bool { !complete.contains(false) }

    /// Timings for benchmarks and diagnosis, on standard error when CADREPLAN_TRACE is set.
    func trace(_ message: @autoclosure () -> String) {
        guard Self.tracing else { return }
        FileHandle.standardError.write(Data(String(format: "[%7.3fs] ", elapsed).appending(message() + "\n").utf8))
    }

    private static let tracing = ProcessInfo.processInfo.environment["CADREPLAN_TRACE"] != nil
}
