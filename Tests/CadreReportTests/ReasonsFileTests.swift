import CadreDomain
import CadreReport
import XCTest

final class ReasonsFileTests: XCTestCase {
    /// Two short targets whose ids sort differently as text and as numbers.
    private func scenario() -> Scenario {
        let course = Course(id: "C", family: .politicalTheory, grants: 1, years: 1, cost: 1_000_000, seats: 100)
        let officials = ["O1", "O2"].map { Official(id: $0, fullName: $0, gender: .female, birthYear: 1985, category: .civilServant) }
        let theory = Requirement([LevelCondition(family: .politicalTheory, level: 1)])
        return Scenario(
            name: "file", baseYear: 2022, horizon: 2022, officials: officials, courses: [course],
            targets: [Target(id: "25-10", deadline: 2022, requirement: theory, share: 1, weight: 1),
                      Target(id: "25-2", deadline: 2022, requirement: theory, share: 1, weight: 1)],
            budget: [2022: 1_000_000])
    }

    func testCSVIsInNaturalTargetOrderWithABOM() throws {
        let scenario = scenario()
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022)])
        let data = ReasonsFile.csv(ShortfallReasons(scenario: scenario, plan: plan), scenario: scenario)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text, """
            target_id,year,shortfall,reason,detail
            25-2,2022,1,money,spending within 1 % of the budget in 2022
            25-10,2022,1,money,spending within 1 % of the budget in 2022

            """)
    }

    func testTerminalLinesNameTheReasonsInEitherLanguage() {
        let scenario = scenario()
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022)])
        let evaluation = PlanEvaluation(scenario: scenario, plan: plan)
        let reasons = ShortfallReasons(scenario: scenario, plan: plan, evaluation: evaluation)
        XCTAssertEqual(ReasonsFile.lines(reasons, evaluation: evaluation, scenario: scenario, language: .vi),
                       ["25-2 2022: thiếu 1 — không đủ kinh phí (2022)", "25-10 2022: thiếu 1 — không đủ kinh phí (2022)"])
        XCTAssertEqual(ReasonsFile.lines(reasons, evaluation: evaluation, scenario: scenario, language: .en).first,
                       "25-2 2022: short 1 — not enough money (2022)")
    }
}
