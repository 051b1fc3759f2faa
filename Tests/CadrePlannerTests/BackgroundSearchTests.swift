import CadreHiGHS
import CadreLinearModel
import Foundation
import XCTest
import _CadreTestSupport
@testable import CadrePlanner

final class BackgroundSearchTests: XCTestCase {
    /// Left alone, the search on its own thread ends as the finder's own would: the knapsack's optimum, 21 (b, c, d).
    func testALeftAloneSearchFindsWhatTheSessionFinds() throws {
        let model = ModelFixtures.knapsack()
        let search = BackgroundSearch(finder: HiGHSSolver(), model: model, columns: 4, cap: .infinity, options: SolveOptions(relativeGap: 0))
        let result = try search.wait().get()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
        XCTAssertEqual(try search.wait().get().values, result.values, "a second wait returns the same")
    }

    /// A search whose plan reaches its goal asks the request it was given to stop (the corners and member searches
    /// beside it end then); one whose goal is out of reach does not.
    func testReachingItsGoalAsksTheGivenRequest() throws {
        for (goal, reached) in [(-21.0, true), (-22.0, false)] {
            let heuristics = StopRequest()
            let search = BackgroundSearch(finder: HiGHSSolver(), model: ModelFixtures.knapsack(), columns: 4, cap: .infinity,
                                          options: SolveOptions(relativeGap: 0, goodEnough: goal), reachingGoalRequests: heuristics)
            XCTAssertEqual(try search.wait().get().objective, -21, accuracy: 1e-9)
            XCTAssertEqual(heuristics.isRequested, reached, "goal \(goal)")
        }
    }

    /// Ended while a minute is left, a search of a model HiGHS does not settle at once returns with what it has, without
    /// asking the caller's stop; the caller's stop ends one too.
    func testEndingASearchReturnsWhatItHasAndLeavesTheCallersStopAlone() throws {
        let hard = ModelFixtures.hardKnapsack()
        let callers = StopRequest()
        let options = SolveOptions(deadline: Date().addingTimeInterval(60), relativeGap: 0, stop: callers)
        let search = BackgroundSearch(finder: HiGHSSolver(), model: hard.model, columns: 80, cap: .infinity, options: options)
        let ended = try search.end().get()
        XCTAssertTrue([.feasible, .noSolution].contains(ended.status), "\(ended.status)")
        if ended.status == .feasible { XCTAssertTrue(ModelFixtures.isFeasible(hard.model, ended.values)) }
        XCTAssertFalse(callers.isRequested)

        callers.request()
        let stopped = try BackgroundSearch(finder: HiGHSSolver(), model: hard.model, columns: 80, cap: .infinity, options: options).wait().get()
        XCTAssertTrue([.feasible, .noSolution].contains(stopped.status), "\(stopped.status)")
    }

    /// A model HiGHS refuses is an error the caller gets when it collects the search, not a crash on the search's thread.
    func testARefusedModelIsTheCallersError() {
        var bad = ModelFixtures.smallLP()
        bad.addRow(Row(name: "backwards", lower: 2, upper: 1))
        let search = BackgroundSearch(finder: HiGHSSolver(), model: bad, columns: 3, cap: .infinity, options: SolveOptions())
        XCTAssertThrowsError(try search.wait().get())
    }
}
