import CadreGLPK
@testable import CadrePlanner
import XCTest
import _CadreTestSupport

/// When a phase's plan is close enough to its bound to stop searching.
final class GapTests: XCTestCase {
    private func run(gap: Double) throws -> PlanningRun {
        try PlanningRun(scenario: ExactCompletionTests.knapsackOfOne(), solver: GLPKSolver(),
                        options: PlannerOptions(timeLimit: 60, relativeGap: gap), progress: nil)
    }

    func testAtGapZeroTheShortfallIsSettledOnlyAtTheBound() throws {
        let run = try run(gap: 0)
        XCTAssertTrue(run.gapOpen(incumbent: 84, bound: 83))
        XCTAssertFalse(run.gapOpen(incumbent: 83, bound: 83))
        XCTAssertEqual(run.goodEnough(83), 83)
    }

    /// The tie rules' nudges are millionths of a million VND: at gap 0 the spending phase stops within 1,000 VND
    /// of its bound instead of chasing them, and `min-budget`'s (which settles nothing early) does not.
    func testTheSpendingPhaseIsSettledWithinAThousandVNDOfItsBound() throws {
        let planned = try run(gap: 0)
        try planned.enterSpendingPhase(primaryCap: 9, settledWithin: SearchTuning.spendingSettledWithin)
        XCTAssertFalse(planned.gapOpen(incumbent: 178.000157, bound: 178.000022))
        XCTAssertTrue(planned.gapOpen(incumbent: 178.0012, bound: 178.0))
        XCTAssertEqual(planned.goodEnough(178), 178.001, accuracy: 1e-9)

        let leastBudget = try run(gap: 0)
        try leastBudget.enterSpendingPhase(primaryCap: 9)
        XCTAssertTrue(leastBudget.gapOpen(incumbent: 178.000157, bound: 178.000022))
    }

    func testAWiderGapStillSettlesTheSpendingPhaseByItself() throws {
        let run = try run(gap: 0.01)
        try run.enterSpendingPhase(primaryCap: 9, settledWithin: SearchTuning.spendingSettledWithin)
        XCTAssertFalse(run.gapOpen(incumbent: 100, bound: 99.5))
        XCTAssertTrue(run.gapOpen(incumbent: 100, bound: 98))
    }
}
