import CadreDomain
import CadreGenerator
import CadreGLPK
import CadreLinearModel
@testable import CadrePlanner
import XCTest
import _CadreTestSupport

/// The integer plans the heuristics build (rounding, polishing, neighbourhood search) and the time-limit
/// path, judged by the referee (`PlanEvaluation`), not by the planner's own bookkeeping.
final class HeuristicTests: XCTestCase {
    private let province = ProvinceGenerator(officials: 400, seed: 11).generate().scenario

    func testHeuristicPlanObeysEveryRuleAndItsGapIsHonest() throws {
        // A loose gap lets the heuristics' plan stand without branch and cut.
        let result = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0.05)).plan(province)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.objective, result.evaluation.objective)
        XCTAssertGreaterThan(result.plan.starts.count, 0)
        XCTAssertLessThanOrEqual(result.gap, 0.05)
        XCTAssertEqual(result.status, .optimal)
        // Recount the spending the plan claims, year by year, against the budget.
        for year in result.evaluation.budget {
            XCTAssertLessThanOrEqual(year.spent, province.budget(in: year.year) + MoneyLedger.tolerance)
        }
    }

    /// The limit spent before planning starts — by reading, or kept back for writing — leaves the search no time at
    /// all, however fast or loaded the machine: one relaxation, rounded and polished, and no spending phase. A
    /// planner that ignored either would search the zero gap for most of the 30 s asked and go on to spending.
    func testALimitUsedUpBeforePlanningEndsTheSearchByTimeWithAPlan() throws {
        let cases = [
            ("reading took all of it", PlannerOptions(timeLimit: 30, relativeGap: 0, clockStarted: Date().addingTimeInterval(-30))),
            ("writing keeps all of it", PlannerOptions(timeLimit: 30, relativeGap: 0, keptForWriting: 30)),
        ]
        for (label, options) in cases {
            let result = try Planner(solver: GLPKSolver(), options: options).plan(province)
            XCTAssertEqual(result.stoppedBy, .timeLimit, label)
            XCTAssertEqual(result.status, .feasible, label)
            XCTAssertGreaterThan(result.gap, 0, label)
            XCTAssertTrue(result.spendingGap.isNaN, "\(label): the spending phase is not entered")
            XCTAssertEqual(result.evaluation.violations, [], label)
            XCTAssertEqual(result.objective, result.evaluation.objective, label)
            XCTAssertGreaterThan(result.plan.starts.count, 0, label)
        }
    }

    /// A stop asked before planning still ends with a plan: one relaxation, rounded and polished, no spending phase
    /// (a zero gap with 120 s would otherwise search the shortfall and then spending).
    func testStopBeforePlanningStillGivesAPlanThatObeysEveryRule() throws {
        let stop = StopRequest()
        stop.request()
        let seen = PhaseLog()
        let planner = Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 120, relativeGap: 0, stop: stop)) { progress in
            seen.note(progress.phase)
        }
        let result = try planner.plan(province)
        XCTAssertEqual(result.stoppedBy, .stopRequest)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.objective, result.evaluation.objective)
        XCTAssertGreaterThan(result.plan.starts.count, 0)
        XCTAssertTrue(result.spendingGap.isNaN, "the spending phase is not entered")
        XCTAssertFalse(seen.phases.contains(.spending))
    }

    /// A stop from another thread, once the integer search runs, ends it with the best plan so far: the
    /// phases stop at the shortfall, where a zero gap and 120 s would have gone on to spending. The stop is
    /// made on another thread but waited for, so the outcome does not depend on how fast either thread runs.
    func testStopFromAnotherThreadEndsTheSearchWithItsBestPlan() throws {
        let stop = StopRequest()
        let seen = PhaseLog()
        let planner = Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 120, relativeGap: 0, stop: stop)) { progress in
            if seen.note(progress.phase) == .shortfall {
                let made = DispatchSemaphore(value: 0)
                Thread {
                    stop.request()
                    made.signal()
                }.start()
                made.wait()
            }
        }
        let result = try planner.plan(province)
        XCTAssertEqual(result.stoppedBy, .stopRequest)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.objective, result.evaluation.objective)
        XCTAssertEqual(seen.phases, [.relaxation, .shortfall])
        XCTAssertTrue(result.spendingGap.isNaN, "the spending phase is not entered")
    }

    /// Phases come in order; best and bound are the weighted shortfall's, the bound never above the best, and
    /// the spending phase keeps the shortfall it starts from.
    func testProgressReportsThePhasesInOrderWithTheShortfallsBestAndBound() throws {
        let seen = PhaseLog()
        var reports: [PlanningProgress] = []
        let planner = Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0.05)) { progress in
            seen.note(progress.phase)
            reports.append(progress)
        }
        let result = try planner.plan(province)
        XCTAssertEqual(result.stoppedBy, .gap)
        XCTAssertEqual(seen.phases, [.relaxation, .shortfall, .spending])
        for report in reports {
            if let best = report.best, let bound = report.bound { XCTAssertLessThanOrEqual(bound, best + 1e-9) }
        }
        let last = try XCTUnwrap(reports.last)
        XCTAssertEqual(last.phase, .spending)
        XCTAssertEqual(try XCTUnwrap(last.best), result.objective, accuracy: 1e-6, "spending keeps the shortfall")
        XCTAssertLessThanOrEqual(try XCTUnwrap(last.gap), 0.05)
    }

    /// How a search ended, as summary.json says it: the gap before anything else, then a stop request (it ends
    /// every search at once), then the deadline, else every method ran its course.
    func testStopReasonWhenTheGapIsNotReached() throws {
        let stop = StopRequest()
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(stop: stop), progress: nil)
        XCTAssertEqual(run.stopReason(gapReached: false), .searchExhausted)
        XCTAssertEqual(run.stopReason(gapReached: true), .gap)
        run.noteDeadline()
        XCTAssertEqual(run.stopReason(gapReached: false), .timeLimit)
        stop.request()
        XCTAssertEqual(run.stopReason(gapReached: false), .stopRequest)
        XCTAssertEqual(run.stopReason(gapReached: true), .gap)
    }

    func testPerturbedRoundingsObeyEveryRuleAndLeaveTheModelAsItWas() throws {
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                  progress: nil)
        let root = try run.generateColumns(until: Date().addingTimeInterval(30))
        XCTAssertEqual(root.result.status, .optimal)
        let costs = run.master.model.variables.map(\.cost)
        let roundings = try run.perturbedRoundings(goodEnough: -.infinity, until: Date().addingTimeInterval(60), rounds: 24)
        XCTAssertEqual(roundings.count, 24, "without a plan within the gap, every round is made")
        for values in roundings {
            let evaluation = PlanEvaluation(scenario: province, plan: run.plan(of: values))
            XCTAssertEqual(evaluation.violations, [])
            XCTAssertEqual(evaluation.objective, run.primaryValue(of: values), accuracy: 1e-6, "the model's count is the referee's")
            XCTAssertGreaterThanOrEqual(evaluation.objective, root.lowerBound - 1e-6)
        }
        XCTAssertGreaterThan(Set(roundings.map { run.primaryValue(of: $0) }).count, 1, "other corners give other roundings")
        XCTAssertEqual(run.master.model.variables.map(\.cost), costs)
        let again = try run.session.solveRelaxation(options: SolveOptions())
        XCTAssertEqual(again.objective, root.result.objective, accuracy: 1e-6, "the costs are restored in the solver too")
    }

    /// The corners' best so far is refined at rounds 8, 16, 32, … when a corner has beaten the last one refined,
    /// and the corners stop as soon as a refined plan is good enough.
    func testCornersRefineTheirBestCornerAndStopOnceARefinedPlanIsGoodEnough() throws {
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                  progress: nil)
        _ = try run.generateColumns(until: Date().addingTimeInterval(30))
        var given: [[Double]] = []
        let roundings = try run.perturbedRoundings(goodEnough: -.infinity, until: Date().addingTimeInterval(60), rounds: 40,
                                                   refine: { given.append($0); return run.traded($0, until: .distantFuture) })
        XCTAssertTrue((1...3).contains(given.count), "refined after round 8 and perhaps 16 and 32, never after the last round: \(given.count)")
        XCTAssertEqual(roundings.count, 40 + given.count, "every corner and every refined plan is returned")
        let bestOfFirstEight = try XCTUnwrap(roundings.prefix(8).map(run.objective(of:)).min())
        XCTAssertEqual(run.objective(of: given[0]), bestOfFirstEight, accuracy: 1e-9, "the first refinement takes the best of the first eight corners")
        XCTAssertEqual(roundings[8], run.traded(given[0], until: .distantFuture), "the refined plan follows the corner it came from")
        for (earlier, later) in zip(given, given.dropFirst()) {
            XCTAssertLessThan(run.objective(of: later), run.objective(of: earlier), "only a better corner is refined again")
        }

        // Good enough as soon as the first refinement, and only then (the trades improved on every corner before
        // it): the corners end after it.
        let enough = run.objective(of: roundings[8])
        XCTAssertLessThan(enough, bestOfFirstEight, "the trades improve the best of the first eight corners")
        var calls = 0
        let stopped = try run.perturbedRoundings(goodEnough: enough, until: Date().addingTimeInterval(60), rounds: 40,
                                                 refine: { calls += 1; return run.traded($0, until: .distantFuture) })
        XCTAssertEqual(calls, 1)
        XCTAssertEqual(stopped.count, 9, "eight corners and the refined plan")
        XCTAssertEqual(run.objective(of: stopped[8]), enough, accuracy: 1e-9)
    }

    /// From round 17 each corner's neighbourhood follows its rounding: every plan obeys every rule, the first 17
    /// rounds are as without them, and another run gives the same plans.
    func testCornersSearchTheirNeighbourhoodsFromRoundSeventeen() throws {
        func corners() throws -> (run: PlanningRun, plain: [[Double]], searched: [[Double]]) {
            let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                      progress: nil)
            _ = try run.generateColumns(until: Date().addingTimeInterval(30))
            let plain = try run.perturbedRoundings(goodEnough: -.infinity, until: Date().addingTimeInterval(60), rounds: 24)
            let searched = try run.perturbedRoundings(goodEnough: -.infinity, until: Date().addingTimeInterval(60), rounds: 24,
                                                      searchesNeighbourhoods: true)
            return (run, plain, searched)
        }
        let (run, plain, searched) = try corners()
        XCTAssertTrue(Array(searched.prefix(17)) == Array(plain.prefix(17)), "no neighbourhood before round 17")
        XCTAssertGreaterThan(searched.count, plain.count, "some corner from 17 on splits a group, and its neighbourhood has a plan")
        XCTAssertLessThanOrEqual(searched.count, plain.count + 8, "one neighbourhood per corner at most")
        for values in searched {
            let evaluation = PlanEvaluation(scenario: province, plan: run.plan(of: values))
            XCTAssertEqual(evaluation.violations, [])
            XCTAssertEqual(evaluation.objective, run.primaryValue(of: values), accuracy: 1e-6)
        }
        // Node budgets, not time limits: another run of the same search finds the same plans.
        XCTAssertTrue(try corners().searched == searched, "the same plans in another run")
    }

    /// The relaxation's neighbourhood against brute force on tiny provinces: every group the relaxation plans whole
    /// keeps that plan, the plan obeys every rule, and when every group with a choice is split the neighbourhood is
    /// the whole problem and its plan the optimum.
    func testRelaxationNeighbourhoodKeepsWholeGroupsAndFindsTheBruteForceOptimumWhenEverythingIsSplit() throws {
        var searched = 0, whole = 0
        try forEachTinyProvince(seeds: 0..<60) { seed, scenario, run, root in
            let relaxation = root.result.values
            var split = Set<Int>(), choices = [Int: Int]()
            for (column, entry) in run.master.columns.enumerated() {
                let value = relaxation[run.master.firstSequenceVariable + column]
                if abs(value - value.rounded()) > 1e-6 { split.insert(entry.group) }
                choices[entry.group, default: 0] += 1
            }
            let found = try run.relaxationNeighbourhood(relaxation, heldAtZero: [], goodEnough: -.infinity, until: .distantFuture)
            guard !split.isEmpty else {
                XCTAssertNil(found, "seed \(seed): a whole relaxation names no neighbourhood")
                return
            }
            let values = try XCTUnwrap(found, "seed \(seed): leaving the split groups untrained is a plan")
            searched += 1
            let evaluation = PlanEvaluation(scenario: scenario, plan: run.plan(of: values))
            XCTAssertEqual(evaluation.violations, [], "seed \(seed)")
            XCTAssertEqual(evaluation.objective, run.primaryValue(of: values), accuracy: 1e-6, "seed \(seed)")
            for (column, entry) in run.master.columns.enumerated() where !split.contains(entry.group) {
                let variable = run.master.firstSequenceVariable + column
                XCTAssertEqual(values[variable], relaxation[variable].rounded(), "seed \(seed): group \(entry.group) kept")
            }
            let exact = ExhaustiveSearch.optimum(scenario)
            XCTAssertGreaterThanOrEqual(run.primaryValue(of: values), exact.objective - 1e-6, "seed \(seed)")
            if choices.allSatisfy({ $0.value < 2 || split.contains($0.key) }) {
                whole += 1
                XCTAssertEqual(run.primaryValue(of: values), exact.objective, accuracy: 1e-6, "seed \(seed)")
            }
            let again = try run.session.solveRelaxation(options: SolveOptions())
            XCTAssertEqual(again.objective, root.result.objective, accuracy: 1e-6, "seed \(seed): every column is free again")
        }
        print("relaxation neighbourhoods: \(searched) searched, \(whole) of them the whole problem")
        XCTAssertGreaterThan(searched, 5)
        XCTAssertGreaterThan(whole, 2)
    }

    func testAnnealingNeverWorsensAndItsPlanObeysEveryRule() throws {
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                  progress: nil)
        let root = try run.generateColumns(until: Date().addingTimeInterval(30))
        // A deliberately poor start: the relaxation rounded down, nothing added.
        let start = run.roundedSolution(from: root.result.values)
        let annealed = run.annealed(start, moves: 50_000, until: Date().addingTimeInterval(60))
        let evaluation = PlanEvaluation(scenario: province, plan: run.plan(of: annealed))
        XCTAssertEqual(evaluation.violations, [])
        XCTAssertEqual(evaluation.objective, run.primaryValue(of: annealed), accuracy: 1e-6)
        XCTAssertLessThan(run.primaryValue(of: annealed), run.primaryValue(of: start), "the rounded-down plan leaves money to use")
        XCTAssertGreaterThanOrEqual(run.primaryValue(of: annealed), root.lowerBound - 1e-6)
        XCTAssertLessThanOrEqual(run.primaryValue(of: annealed), run.primaryValue(of: run.solution(run.polished(run.counts(of: start)))),
                                 "never worse than polishing alone")
        let again = run.annealed(start, moves: 50_000, until: Date().addingTimeInterval(60))
        XCTAssertEqual(again, annealed, "a fixed seed and a fixed number of moves give the same plan")
    }

    func testNeighbourhoodDescentObeysEveryRuleAndRestoresTheBounds() throws {
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                  progress: nil)
        let root = try run.generateColumns(until: Date().addingTimeInterval(30))
        let start = run.roundedSolution(from: root.result.values)
        let descent = try run.neighbourhoodDescent(from: start, goodEnough: -.infinity, until: Date().addingTimeInterval(4))
        let evaluation = PlanEvaluation(scenario: province, plan: run.plan(of: descent.values))
        XCTAssertEqual(evaluation.violations, [])
        XCTAssertEqual(evaluation.objective, run.primaryValue(of: descent.values), accuracy: 1e-6)
        XCTAssertLessThan(run.primaryValue(of: descent.values), run.primaryValue(of: start))
        let again = try run.session.solveRelaxation(options: SolveOptions())
        XCTAssertEqual(again.objective, root.result.objective, accuracy: 1e-6, "every column is free again")
    }

    func testDescentOnATinyProvinceSearchesItWholeAndProvesTheBruteForceOptimum() throws {
        var checked = 0
        try forEachTinyProvince(seeds: 0..<30) { seed, scenario, run, root in
            let start = run.roundedSolution(from: root.result.values)
            let descent = try run.neighbourhoodDescent(from: start, goodEnough: -.infinity, until: Date().addingTimeInterval(30))
            XCTAssertEqual(descent.bound ?? -1, run.primaryValue(of: descent.values), accuracy: 1e-6,
                           "seed \(seed): a tiny province is soon searched whole, and the plan proved optimal")
            let exact = ExhaustiveSearch.optimum(scenario)
            XCTAssertEqual(run.primaryValue(of: descent.values), exact.objective, accuracy: 1e-6, "seed \(seed)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }

    /// Each tiny province of `seeds` whose relaxation is optimal over every sequence, with its run and relaxation.
    private func forEachTinyProvince(seeds: Range<Int>,
                                     _ body: (Int, Scenario, PlanningRun, PlanningRun.Relaxation) throws -> Void) throws {
        for seed in seeds {
            let scenario = TinyScenarios.random(seed: UInt64(seed))
            let run = try PlanningRun(scenario: scenario, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                      progress: nil)
            let root = try run.generateColumns(until: Date().addingTimeInterval(30))
            guard root.result.status == .optimal, run.columnsAreComplete else { continue }
            try body(seed, scenario, run, root)
        }
    }
}

/// The distinct phases a planner reported, in order; safe to note from any thread.
private final class PhaseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var noted: [PlanningPhase] = []

    @discardableResult
    func note(_ phase: PlanningPhase) -> PlanningPhase? {
        lock.lock()
        defer { lock.unlock() }
        guard noted.last != phase else { return nil }
        noted.append(phase)
        return phase
    }

    var phases: [PlanningPhase] {
        lock.lock()
        defer { lock.unlock() }
        return noted
    }
}
