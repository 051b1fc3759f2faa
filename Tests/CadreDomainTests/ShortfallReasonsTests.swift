import CadreDomain
import XCTest

/// Scenarios small enough to work every reason out by hand; plans are written out, not solved.
final class ShortfallReasonsTests: XCTestCase {
    private func official(_ id: String, category: CadreDomain.Category = .civilServant, leaves: Int? = nil) -> Official {
        Official(id: id, fullName: id, gender: .male, birthYear: 1980, category: category, leavesYear: leaves)
    }

    private let theory = Requirement([LevelCondition(family: .politicalTheory, level: 1)])

    func testATwoYearCourseCannotMeetADeadlineInTheBaseYear() {
        // O1–O3 could finish in 2023 at the earliest; O4 leaves in 2022; O5 is part-time and the only course
        // admits civil servants. Everyone who can starts in 2022.
        let course = Course(id: "LLCT", family: .politicalTheory, grants: 1, years: 2, cost: 2_000_000, seats: 100,
                            categories: [.civilServant])
        let scenario = Scenario(
            name: "eligible", baseYear: 2022, horizon: 2024,
            officials: ["O1", "O2", "O3"].map { official($0) } + [official("O4", leaves: 2022), official("O5", category: .partTime)],
            courses: [course], targets: [Target(id: "T", deadline: 2022, requirement: theory, share: 1)],
            budget: [2022: 1e9, 2023: 1e9, 2024: 1e9])
        let plan = Plan(starts: (0..<3).map { CourseStart(official: $0, course: 0, year: 2022) })
        let reasons = ShortfallReasons(scenario: scenario, plan: plan).reasons

        XCTAssertEqual(reasons.map(\.kind), [.nobodyEligible, .nobodyEligible, .nobodyEligible])
        XCTAssertEqual(reasons.map(\.year), [2022, 2023, 2024])
        XCTAssertEqual(reasons.map(\.shortfall), [5, 1, 1])
        XCTAssertEqual(reasons.map(\.unreachable), [5, 1, 1])
        XCTAssertEqual(reasons.map(\.reachable), [0, 3, 3])
        XCTAssertEqual(reasons.map(\.impossible), [5, 1, 1])
        XCTAssertEqual(reasons[0].causes, [.notEnoughYears: 3, .retiresFirst: 1, .noEligibleCourse: 1])
        XCTAssertEqual(reasons[0].dominantCause, .notEnoughYears)
        XCTAssertEqual(reasons[1].causes, [.noEligibleCourse: 1])
        XCTAssertEqual(reasons[0].detail(in: scenario),
                       "5 of the cohort cannot reach it by 2022 (no_eligible_course 1, not_enough_years 3, retires_first 1); 0 can; 5 of the shortfall cannot be closed")
    }

    func testPrerequisiteChainsCountTowardReachability() {
        // Level 2 needs level 1 first: two one-year courses back to back, so by 2023 at the earliest.
        let courses = [
            Course(id: "A", family: .politicalTheory, grants: 1, years: 1, seats: 100),
            Course(id: "B", family: .politicalTheory, grants: 2, requires: 1, years: 1, seats: 100),
        ]
        let scenario = Scenario(
            name: "chain", baseYear: 2022, horizon: 2023, officials: [official("O1")], courses: courses,
            targets: [Target(id: "T", deadline: 2022, requirement: Requirement([LevelCondition(family: .politicalTheory, level: 2)]), share: 1)],
            budget: [2022: 1e9, 2023: 1e9])
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022), CourseStart(official: 0, course: 1, year: 2023)])
        let reasons = ShortfallReasons(scenario: scenario, plan: plan).reasons
        XCTAssertEqual(reasons.map(\.kind), [.nobodyEligible])
        XCTAssertEqual(reasons.map(\.year), [2022])
        XCTAssertEqual(reasons[0].causes, [.notEnoughYears: 1])
    }

    func testOneSeatForThreeOfficialsIsASeatsShortfall() {
        let course = Course(id: "QLNN", family: .politicalTheory, grants: 1, years: 1, cost: 1_000_000, seats: 1)
        let scenario = Scenario(
            name: "seats", baseYear: 2022, horizon: 2023, officials: ["O1", "O2", "O3"].map { official($0) },
            courses: [course], targets: [Target(id: "T", deadline: 2023, requirement: theory, share: 1)],
            budget: [2022: 1e9, 2023: 1e9])
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022), CourseStart(official: 1, course: 0, year: 2023)])
        let reasons = ShortfallReasons(scenario: scenario, plan: plan).reasons

        // 2022 is short too, but is not measured before the deadline.
        XCTAssertEqual(reasons.map(\.kind), [.seats])
        XCTAssertEqual(reasons[0].year, 2023)
        XCTAssertEqual(reasons[0].shortfall, 1)
        XCTAssertEqual(reasons[0].fullCourses, [FullCourse(course: 0, years: [2022, 2023])])
        XCTAssertEqual(reasons[0].detail(in: scenario), "QLNN full in 2022–2023")
    }

    func testABudgetForOneTraineeIsAMoneyShortfall() {
        let course = Course(id: "C", family: .politicalTheory, grants: 1, years: 1, cost: 1_000_000, seats: 100)
        let scenario = Scenario(
            name: "money", baseYear: 2022, horizon: 2022, officials: ["O1", "O2"].map { official($0) },
            courses: [course], targets: [Target(id: "T", deadline: 2022, requirement: theory, share: 1)],
            budget: [2022: 1_000_000])
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022)])
        let reasons = ShortfallReasons(scenario: scenario, plan: plan).reasons
        XCTAssertEqual(reasons.map(\.kind), [.money])
        XCTAssertEqual(reasons[0].shortfall, 1)
        XCTAssertEqual(reasons[0].bindingYears, [2022])
    }

    func testMoneyWellShortOfTheBudgetDoesNotBind() {
        let course = Course(id: "C", family: .politicalTheory, grants: 1, years: 1, cost: 1_000_000, seats: 100)
        let scenario = Scenario(
            name: "slack", baseYear: 2022, horizon: 2022, officials: ["O1", "O2"].map { official($0) },
            courses: [course], targets: [Target(id: "T", deadline: 2022, requirement: theory, share: 1)],
            budget: [2022: 1_050_000])
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022)])
        XCTAssertEqual(ShortfallReasons(scenario: scenario, plan: plan).reasons, [], "5 % left over: no reason the rules name")
    }

    func testALighterTargetGivesWayWhenMoneyBinds() {
        let courses = [
            Course(id: "PT", family: .politicalTheory, grants: 1, years: 1, cost: 1_000_000, seats: 100),
            Course(id: "SM", family: .stateManagement, grants: 1, years: 1, cost: 1_000_000, seats: 100),
        ]
        let targets = [
            Target(id: "25-2", deadline: 2022, categories: [.civilServant],
                   requirement: Requirement([LevelCondition(family: .stateManagement, level: 1)]), share: 1, weight: 1),
            Target(id: "25-10", deadline: 2022, categories: [.keyCadre], requirement: theory, share: 1, weight: 3),
        ]
        let scenario = Scenario(
            name: "heavier", baseYear: 2022, horizon: 2022,
            officials: [official("K", category: .keyCadre), official("S")], courses: courses, targets: targets,
            budget: [2022: 1_000_000])
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022)])
        let reasons = ShortfallReasons(scenario: scenario, plan: plan).reasons
        XCTAssertEqual(reasons.map(\.kind), [.money, .heavierTarget])
        XCTAssertEqual(reasons.map(\.targetIndex), [0, 0])
        XCTAssertEqual(reasons[1].heavierTargets, [1])
        XCTAssertEqual(reasons[1].detail(in: scenario), "25-10 (weight 3 > 1) met")
    }

    func testYearRangesJoinConsecutiveYears() {
        XCTAssertEqual(ShortfallReasons.yearRanges([2025, 2022, 2023, 2024, 2028, 2030, 2031]), "2022–2025, 2028, 2030–2031")
        XCTAssertEqual(ShortfallReasons.yearRanges([]), "")
    }
}
