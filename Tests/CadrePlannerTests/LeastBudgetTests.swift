import CadreDomain
import CadreGLPK
import CadreLinearModel
import CadrePlanner
import XCTest

/// `leastBudget` on cases whose least budget is worked out by hand.
final class LeastBudgetTests: XCTestCase {
    private let planner = Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 30, relativeGap: 1e-9))

    private func official(_ id: String, born: Int = 1980) -> Official {
        Official(id: id, fullName: id, gender: .male, birthYear: born, category: .civilServant, plannedTitle: "",
                 partyMember: true, levels: Levels([:]), leavesYear: nil)
    }

    /// One-year course, 3 M VND a trainee, open to anyone aged 45 or less at the start.
    private let elementary = Course(id: "PT-E", family: .politicalTheory, grants: 1, days: 30, cost: 3_000_000, seats: 10, maxAge: 45)
    private let stateManagement = Course(id: "SM", family: .stateManagement, grants: 1, days: 30, cost: 5_000_000, seats: 10)

    private func target(_ id: String, family: Family = .politicalTheory, kind: TargetKind = .required) -> Target {
        Target(id: id, deadline: 2023, requirement: Requirement([LevelCondition(family: family, level: 1)]), share: 1,
               kind: kind, weight: kind == .required ? 10 : 1)
    }

    /// Three officials, year 2 deadline, 3 M each: 9 M, however the solver spreads it over the two years.
    private func threeOfficials(budget: Double = 0) -> Scenario {
        Scenario(name: "three", baseYear: 2022, horizon: 2023, officials: [official("A"), official("B"), official("C")],
                 courses: [elementary], targets: [target("T")], budget: [2022: budget, 2023: budget])
    }

    private func requiredShortfall(_ evaluation: PlanEvaluation, _ scenario: Scenario) -> Int {
        evaluation.attainment.filter { $0.isMeasured && scenario.targets[$0.targetIndex].kind == .required }
            .reduce(0) { $0 + $1.shortfall }
    }

    func testThreeTraineesAtThreeMillionNeedNineMillion() throws {
        let least = try planner.leastBudget(threeOfficials(), includeStrive: false)
        XCTAssertEqual(least.total, 9_000_000, accuracy: 0.5)
        XCTAssertEqual(least.planning.totalCost, 9_000_000, accuracy: 0.5)
        XCTAssertEqual(least.unmeetable, [])
        XCTAssertEqual(least.planning.evaluation.objective, 0)
        XCTAssertEqual(least.planning.evaluation.violations, [])
        XCTAssertEqual(least.planning.status, .optimal)
        for row in least.planning.evaluation.budget {
            XCTAssertEqual(row.budget, row.spent, accuracy: 0.5, "the budget written is the spending found in \(row.year)")
        }
    }

    func testReplanningWithTheLeastBudgetMeetsEverythingAndFivePercentLessDoesNot() throws {
        let scenario = threeOfficials()
        let least = try planner.leastBudget(scenario, includeStrive: false)
        var exact = scenario
        exact.budget = least.yearlyBudget
        let replanned = try planner.plan(exact)
        XCTAssertEqual(requiredShortfall(replanned.evaluation, exact), 0)

        var less = scenario
        less.budget = least.yearlyBudget.mapValues { $0 * 0.95 }
        let short = try planner.plan(less)
        XCTAssertGreaterThan(requiredShortfall(short.evaluation, less), 0)
    }

    /// C is 52 in 2022, past the course's age limit: no money gets the target past 2 of 3. It is reported with
    /// its best share, and the other target is still met in full at the least cost.
    func testATargetNoBudgetCanMeetIsReportedWithItsBestShare() throws {
        var scenario = threeOfficials()
        scenario.officials[2] = official("C", born: 1970)
        scenario.courses.append(stateManagement)
        scenario.targets.append(target("SM-ALL", family: .stateManagement))
        let least = try planner.leastBudget(scenario, includeStrive: false)
        XCTAssertEqual(Set(least.unmeetable.map { scenario.targets[$0.targetIndex].id }), ["T"])
        XCTAssertEqual(least.unmeetable.map(\.year).sorted(), [2023])
        XCTAssertEqual(least.unmeetable.first?.attained, 2)
        XCTAssertEqual(least.unmeetable.first?.cohort, 3)
        XCTAssertEqual(least.total, 2 * 3_000_000 + 3 * 5_000_000, accuracy: 0.5)
    }

    func testStriveTargetsCountOnlyWhenAsked() throws {
        var scenario = threeOfficials()
        scenario.courses.append(stateManagement)
        scenario.targets.append(target("S", family: .stateManagement, kind: .strive))
        let withoutStrive = try planner.leastBudget(scenario, includeStrive: false)
        XCTAssertEqual(withoutStrive.total, 9_000_000, accuracy: 0.5)
        let withStrive = try planner.leastBudget(scenario, includeStrive: true)
        XCTAssertEqual(withStrive.total, 9_000_000 + 15_000_000, accuracy: 0.5)
        XCTAssertEqual(withStrive.unmeetable, [])
    }
}
