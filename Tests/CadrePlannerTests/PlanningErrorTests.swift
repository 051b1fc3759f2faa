import CadreDomain
import CadreLinearModel
import CadrePlanner
import XCTest

/// The planner's errors carry what went wrong as data; the messages users read are the ones they always were.
final class PlanningErrorTests: XCTestCase {
    func testEachCaseKeepsItsDataAndItsMessage() {
        let broken = RuleViolation(rule: "seats", detail: "PT-I starts 11 in 2023, seats 10")
        let cases: [(PlanningError, String)] = [
            (.relaxationEnded(.infeasible), "solver failure: the relaxation ended infeasible"),
            (.tooManyChoices(officialID: "QN-7"),
             "internal inconsistency: official QN-7 has more courses to choose from than the planner handles"),
            (.noIntegerPlan, "internal inconsistency: no integer plan keeps the shortfall found"),
            (.recountDiffers(recounted: 12.0, solver: 11.0), "internal inconsistency: the plan recounts to 12.0, the solver said 11.0"),
            (.breaksRule(broken, leastBudget: false), "internal inconsistency: the plan breaks a rule: seats: PT-I starts 11 in 2023, seats 10"),
            (.breaksRule(broken, leastBudget: true),
             "internal inconsistency: the least-budget plan breaks a rule: seats: PT-I starts 11 in 2023, seats 10"),
        ]
        for (error, message) in cases { XCTAssertEqual(error.description, message) }
        guard case .breaksRule(let violation, _) = cases[4].0 else { return XCTFail("not breaksRule") }
        XCTAssertEqual(violation.rule, "seats", "the rule broken is data, not only text")
    }
}
