import CadreDomain
import CadreGLPK
import CadreLinearModel
import _CadreTestSupport
import CadrePlanner
import XCTest

/// Each test is a case small enough to solve by hand, built so that dropping its rule from the model
/// changes the answer.
final class PlanningRuleTests: XCTestCase {
    private func plan(_ scenario: Scenario) throws -> PlanningResult {
        let result = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 30, relativeGap: 1e-9)).plan(scenario)
        XCTAssertEqual(result.evaluation.violations, [], "the plan must obey every rule")
        return result
    }

    private func official(_ id: String, born: Int = 1980, category: Category = .civilServant, gender: Gender = .male,
                          levels: [Family: Int] = [:], partyMember: Bool = true, plannedTitle: String = "",
                          leaves: Int? = nil) -> Official {
        Official(id: id, fullName: id, gender: gender, birthYear: born, category: category, plannedTitle: plannedTitle,
                 partyMember: partyMember, levels: Levels(levels), leavesYear: leaves)
    }

    private func scenario(_ officials: [Official], _ courses: [Course], _ targets: [Target], horizon: Int = 2022,
                          budget: Double = 1e12, carryOver: Bool = false, maxDays: Int = 120) -> Scenario {
        Scenario(name: "rule", baseYear: 2022, horizon: horizon, officials: officials, courses: courses, targets: targets,
                 budget: Dictionary(uniqueKeysWithValues: (2022...horizon).map { ($0, budget) }),
                 carryOver: carryOver, maxTrainingDays: maxDays)
    }

    private let elementary = Course(id: "PT-E", family: .politicalTheory, grants: 1, days: 30, cost: 3_000_000, seats: 10)
    private func target(_ id: String = "T", level: Int = 1, family: Family = .politicalTheory, deadline: Int = 2022,
                        share: Double = 1, weight: Double = 1, categories: Set<Category> = [], maxAge: Int? = nil) -> Target {
        Target(id: id, deadline: deadline, categories: categories, maxAge: maxAge,
               requirement: Requirement([LevelCondition(family: family, level: level)]), share: share, weight: weight)
    }

    func testCourseCategoryFilterKeepsOthersOut() throws {
        var course = elementary
        course.categories = [.keyCadre]
        let result = try plan(scenario([official("A", category: .civilServant)], [course], [target()]))
        XCTAssertEqual(result.plan.starts, [])
        XCTAssertEqual(result.objective, 1)
    }

    func testAgeAtStartLimitsEligibility() throws {
        var course = elementary
        course.maxAge = 40
        let result = try plan(scenario([official("OLD", born: 1980), official("YOUNG", born: 1985)], [course], [target()]))
        XCTAssertEqual(result.plan.starts.map(\.official), [1], "only the official aged 37 in 2022 may start")
        XCTAssertEqual(result.objective, 1)
    }

    func testPrerequisiteMustBeHeldByTheYearBefore() throws {
        let intermediate = Course(id: "PT-I", family: .politicalTheory, grants: 2, requires: 1, days: 60, cost: 10_000_000, seats: 10)
        let oneYear = try plan(scenario([official("A")], [elementary, intermediate], [target(level: 2)]))
        XCTAssertEqual(oneYear.objective, 1, "elementary and intermediate cannot both fit in one year")
        let twoYears = try plan(scenario([official("A")], [elementary, intermediate], [target(level: 2, deadline: 2023)], horizon: 2023))
        XCTAssertEqual(twoYears.objective, 0)
        XCTAssertEqual(twoYears.plan.starts, [CourseStart(official: 0, course: 0, year: 2022), CourseStart(official: 0, course: 1, year: 2023)])
    }

    func testMultiYearCourseCountsFromItsCompletion() throws {
        let degree = Course(id: "UNI", family: .education, grants: 4, years: 2, days: 40, cost: 20_000_000, seats: 10)
        let result = try plan(scenario([official("A")], [degree], [target(level: 4, family: .education)], horizon: 2023))
        XCTAssertEqual(result.objective, 1, "short in 2022 while the degree runs; met in 2023")
        XCTAssertEqual(result.evaluation.attainment.map(\.attained), [0, 1])
    }

    func testCourseMustCompleteByTheHorizonAndBeforeLeaving() throws {
        let degree = Course(id: "UNI", family: .education, grants: 4, years: 2, days: 40, cost: 20_000_000, seats: 10)
        let afterHorizon = try plan(scenario([official("A")], [degree], [target(level: 4, family: .education)]))
        XCTAssertEqual(afterHorizon.plan.starts, [])
        let leaving = try plan(scenario([official("A", leaves: 2023), official("B")], [degree],
                                        [target(level: 4, family: .education, deadline: 2024)], horizon: 2024))
        XCTAssertEqual(leaving.plan.starts.map(\.official), [1], "A leaves in 2023, so a degree started in 2022 would finish too late")
    }

    func testRetiredOfficialsLeaveTheCohort() throws {
        // A man born 1962 retires at 60 y 6 m: whole years 60, so his last year is 2022.
        let result = try plan(scenario([official("RETIRING", born: 1962), official("STAYING")], [elementary],
                                       [target(deadline: 2023)], horizon: 2023, budget: 3_000_000))
        XCTAssertEqual(result.objective, 0)
        XCTAssertEqual(result.plan.starts.map(\.official), [1])
    }

    func testTrainingDaysPerYearAreCapped() throws {
        let it = Course(id: "IT", family: .it, grants: 1, days: 80, cost: 1_000_000, seats: 10)
        var pt = elementary
        pt.days = 80
        let targets = [target("PT"), target("IT", family: .it)]
        let capped = try plan(scenario([official("A")], [pt, it], targets, maxDays: 120))
        XCTAssertEqual(capped.objective, 1)
        let roomy = try plan(scenario([official("A")], [pt, it], targets, maxDays: 160))
        XCTAssertEqual(roomy.objective, 0)
    }

    func testSeatsLimitStartsPerYear() throws {
        var course = elementary
        course.seats = 1
        let result = try plan(scenario([official("A"), official("B")], [course], [target()]))
        XCTAssertEqual(result.plan.starts.count, 1)
        XCTAssertEqual(result.objective, 1)
    }

    func testBudgetLimitsSpendingEachYear() throws {
        let result = try plan(scenario([official("A"), official("B")], [elementary], [target()], budget: 5_000_000))
        XCTAssertEqual(result.plan.starts.count, 1)
        XCTAssertEqual(result.totalCost, 3_000_000)
    }

    func testCarryOverMovesUnspentMoneyForward() throws {
        let officials = [official("A")]
        let targets = [target(deadline: 2023)]
        let without = try plan(scenario(officials, [elementary], targets, horizon: 2023, budget: 2_000_000))
        XCTAssertEqual(without.objective, 1)
        let with = try plan(scenario(officials, [elementary], targets, horizon: 2023, budget: 2_000_000, carryOver: true))
        XCTAssertEqual(with.objective, 0)
        XCTAssertEqual(with.plan.starts.map(\.year), [2023])
        XCTAssertEqual(with.evaluation.budget.map(\.carried), [2_000_000, 1_000_000])
    }

    func testCostIsSpreadOverTheCourseYears() throws {
        let degree = Course(id: "UNI", family: .education, grants: 4, years: 2, days: 40, cost: 4_000_000, seats: 10)
        let result = try plan(scenario([official("A")], [degree], [target(level: 4, family: .education, deadline: 2023)],
                                       horizon: 2023, budget: 2_000_000))
        XCTAssertEqual(result.objective, 0, "2 million in each of two years fits a 2 million yearly budget")
        XCTAssertEqual(result.evaluation.budget.map(\.spent), [2_000_000, 2_000_000])
    }

    func testCohortFollowsAgeYearByYear() throws {
        // Born 1983: 39 in 2022, 40 in 2023, so only in the under-40 cohort in 2022.
        let result = try plan(scenario([official("A", born: 1983)], [elementary], [target(deadline: 2023, maxAge: 39)], horizon: 2023))
        XCTAssertEqual(result.plan.starts, [], "out of the cohort by the deadline, so no training is bought")
        XCTAssertEqual(result.evaluation.attainment.map(\.cohort), [1, 0])
    }

    func testShareIsRoundedUpAndEveryYearFromTheDeadlineCounts() throws {
        var course = elementary
        course.seats = 1
        let officials = (0..<3).map { official("O\($0)") }
        let result = try plan(scenario(officials, [course], [target(deadline: 2022, share: 0.5, weight: 2)], horizon: 2023, budget: 3_000_000))
        // ⌈0.5 × 3⌉ = 2: one trained in 2022 (short 1 that year), a second in 2023.
        XCTAssertEqual(result.evaluation.attainment.map(\.required), [2, 2])
        XCTAssertEqual(result.objective, 2)
    }

    func testHeavierTargetWinsWhenMoneyIsShort() throws {
        let it = Course(id: "IT", family: .it, grants: 1, days: 10, cost: 3_000_000, seats: 10)
        let result = try plan(scenario([official("A")], [elementary, it], [target("PT", weight: 1), target("IT", family: .it, weight: 5)],
                                       budget: 3_000_000))
        XCTAssertEqual(result.plan.starts.map(\.course), [1])
        XCTAssertEqual(result.objective, 1)
    }

    func testCheaperCourseIsChosenAtEqualShortfall() throws {
        let dear = Course(id: "PT-DEAR", family: .politicalTheory, grants: 1, days: 30, cost: 9_000_000, seats: 10)
        let result = try plan(scenario([official("A")], [dear, elementary], [target()]))
        XCTAssertEqual(result.plan.starts.map(\.course), [1])
        XCTAssertEqual(result.totalCost, 3_000_000)
    }

    func testTieGoesToPlannedTitleThenToEarlierYears() throws {
        var course = elementary
        course.seats = 1
        let officials = [official("A"), official("B", plannedTitle: "Chủ tịch UBND")]
        let result = try plan(scenario(officials, [course], [target(share: 0.5)]))
        XCTAssertEqual(result.plan.starts.map(\.official), [1])
        let later = try plan(scenario([official("A")], [elementary], [target(deadline: 2023)], horizon: 2023))
        XCTAssertEqual(later.plan.starts.map(\.year), [2022])
    }

    func testPlanMatchesExhaustiveSearchOnRandomTinyScenarios() throws {
        for seed in UInt64(1)...60 {
            let scenario = TinyScenarios.random(seed: seed)
            let optimum = ExhaustiveSearch.optimum(scenario)
            let result = try plan(scenario)
            XCTAssertEqual(result.objective, optimum.objective, accuracy: 1e-9, "seed \(seed): shortfall")
            XCTAssertEqual(result.totalCost, optimum.cost, accuracy: 1, "seed \(seed): spending")
            XCTAssertEqual(result.status, .optimal, "seed \(seed)")
        }
    }
}
