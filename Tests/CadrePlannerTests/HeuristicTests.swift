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

    func testTimeLimitReturnsAPlanWithItsGap() throws {
        let result = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 0.2, relativeGap: 0)).plan(province)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.stoppedBy, .timeLimit, "a 0.2 s limit with a zero gap ends by time")
        XCTAssertEqual(result.status, .feasible)
        XCTAssertGreaterThan(result.gap, 0)
        XCTAssertEqual(result.objective, result.evaluation.objective)
    }

    func testTheLimitCountsFromTheCommandsStartAndKeepsTimeForWriting() throws {
        // 30 s asked, but reading took 29.5 of them (or writing will): a zero gap would otherwise run the whole 30 s.
        let cases = [
            PlannerOptions(timeLimit: 30, relativeGap: 0, clockStarted: Date().addingTimeInterval(-29.5)),
            PlannerOptions(timeLimit: 30, relativeGap: 0, keptForWriting: 29.5),
        ]
        for options in cases {
            let began = Date()
            let result = try Planner(solver: GLPKSolver(), options: options).plan(province)
            let took = Date().timeIntervalSince(began)
            XCTAssertEqual(result.stoppedBy, .timeLimit, "half a second left: the search ends by time")
            XCTAssertLessThan(took, 10, "the search must end near the half second left, not run the 30 s asked")
            XCTAssertEqual(result.evaluation.violations, [])
            XCTAssertEqual(result.objective, result.evaluation.objective)
        }
    }

    /// A stop asked before planning still ends with a plan: one relaxation, rounded and polished, no spending phase.
    func testStopBeforePlanningStillGivesAPlanThatObeysEveryRule() throws {
        let stop = StopRequest()
        stop.request()
        let began = Date()
        let result = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 120, relativeGap: 0, stop: stop)).plan(province)
        XCTAssertLessThan(Date().timeIntervalSince(began), 30, "a zero gap would otherwise search the whole 120 s")
        XCTAssertEqual(result.stoppedBy, .stopRequest)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.objective, result.evaluation.objective)
        XCTAssertGreaterThan(result.plan.starts.count, 0)
        XCTAssertTrue(result.spendingGap.isNaN, "the spending phase is not entered")
    }

    /// A stop from another thread, once the integer search runs, ends it long before the deadline with the best
    /// plan so far; the phases came in order.
    func testStopFromAnotherThreadEndsTheSearchWithItsBestPlan() throws {
        let stop = StopRequest()
        let seen = PhaseLog()
        let planner = Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 120, relativeGap: 0, stop: stop)) { progress in
            if seen.note(progress.phase) == .shortfall {
                DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { stop.request() }
            }
        }
        let began = Date()
        let result = try planner.plan(province)
        XCTAssertLessThan(Date().timeIntervalSince(began), 60, "the deadline was 120 s away")
        XCTAssertEqual(result.stoppedBy, .stopRequest)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.objective, result.evaluation.objective)
        XCTAssertEqual(seen.phases, [.relaxation, .shortfall])
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
        for seed in 0..<30 {
            let scenario = TinyScenarios.random(seed: UInt64(seed))
            let run = try PlanningRun(scenario: scenario, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                      progress: nil)
            let root = try run.generateColumns(until: Date().addingTimeInterval(30))
            guard root.result.status == .optimal, run.columnsAreComplete else { continue }
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
