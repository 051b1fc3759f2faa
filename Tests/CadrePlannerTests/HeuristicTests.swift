import CadreDomain
import CadreGenerator
import CadreGLPK
import CadreLinearModel
import CadrePlanner
import XCTest

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
            XCTAssertLessThanOrEqual(year.spent, province.budget(in: year.year) + PlanEvaluation.moneyTolerance)
        }
    }

    func testTimeLimitReturnsAPlanWithItsGap() throws {
        let result = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 0.2, relativeGap: 0)).plan(province)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertTrue(result.stoppedByTimeLimit, "a 0.2 s limit with a zero gap ends by time")
        XCTAssertEqual(result.status, .feasible)
        XCTAssertGreaterThan(result.gap, 0)
        XCTAssertEqual(result.objective, result.evaluation.objective)
    }
}
