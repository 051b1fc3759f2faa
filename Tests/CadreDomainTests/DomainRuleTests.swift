import CadreDomain
import XCTest

final class DomainRuleTests: XCTestCase {
    func testStatutoryRetirementFollowsTheContract() {
        // Men: 60 y + 3 months per birth year after 1960, capped at 62.
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .male, birthYear: 1955), 60)
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .male, birthYear: 1963), 60)  // 60 y 9 m
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .male, birthYear: 1964), 61)  // 61 y 0 m
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .male, birthYear: 1990), 62)
        // Women: 55 y + 4 months per birth year after 1965, capped at 60.
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .female, birthYear: 1967), 55)  // 55 y 8 m
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .female, birthYear: 1968), 56)
        XCTAssertEqual(Official.retirementAgeInWholeYears(gender: .female, birthYear: 1985), 60)
        let woman = Official(id: "W", fullName: "W", gender: .female, birthYear: 1968, category: .partTime)
        XCTAssertEqual(woman.lastServiceYear, 2024)
        XCTAssertTrue(woman.isInService(in: 2024))
        XCTAssertFalse(woman.isInService(in: 2025))
        var early = woman
        early.leavesYear = 2022
        XCTAssertEqual(early.lastServiceYear, 2022)
    }

    func testRequiredCountTakesTheCeilingAfterATinyTolerance() {
        let target = Target(id: "T", deadline: 2025, requirement: Requirement([]), share: 0.7)
        XCTAssertEqual(target.requiredCount(cohortSize: 10), 7, "0.7 × 10 is 7.000000000000001 in floating point")
        XCTAssertEqual(target.requiredCount(cohortSize: 11), 8)
        XCTAssertEqual(target.requiredCount(cohortSize: 0), 0)
        let majority = Target(id: "M", deadline: 2025, requirement: Requirement([]), share: 0.500001)
        XCTAssertEqual(majority.requiredCount(cohortSize: 10), 6)
    }

    func testMinorityYearsFilterGrowsWithTheYearMeasured() {
        let target = Target(id: "30-11", deadline: 2030, kinhOnly: true, minMinorityAreaYears: 3,
                            requirement: Requirement([LevelCondition(family: .ethnicLanguage, level: 2)]), share: 0.5)
        let newcomer = Official(id: "N", fullName: "N", gender: .male, birthYear: 1990, category: .civilServant,
                                minorityArea: true, minorityAreaYears: 0)
        XCTAssertFalse(target.cohortIncludes(newcomer, in: 2023, baseYear: 2022))  // 0 + 2
        XCTAssertTrue(target.cohortIncludes(newcomer, in: 2024, baseYear: 2022))   // 0 + 3
        var elsewhere = newcomer
        elsewhere.minorityArea = false
        XCTAssertFalse(target.cohortIncludes(elsewhere, in: 2030, baseYear: 2022))
        var minority = newcomer
        minority.ethnicity = "Hrê"
        XCTAssertFalse(target.cohortIncludes(minority, in: 2030, baseYear: 2022))
    }

    func testEvaluationNamesEveryBrokenRule() {
        let official = Official(id: "A", fullName: "A", gender: .male, birthYear: 1960, category: .civilServant, leavesYear: 2022)
        let courses = [
            Course(id: "E", family: .politicalTheory, grants: 1, days: 70, cost: 5, seats: 0),
            Course(id: "I", family: .politicalTheory, grants: 2, requires: 1, years: 2, days: 70, cost: 5, seats: 5,
                   partyMemberOnly: true),
        ]
        let scenario = Scenario(name: "s", baseYear: 2022, horizon: 2022, officials: [official], courses: courses, targets: [],
                                budget: [2022: 1], maxTrainingDays: 100)
        let plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022), CourseStart(official: 0, course: 1, year: 2022)])
        let rules = Set(PlanEvaluation(scenario: scenario, plan: plan).violations.map(\.rule))
        XCTAssertEqual(rules, ["seats", "budget", "training days", "two courses of one family in a year", "prerequisite",
                               "not eligible", "completes after horizon", "completes after leaving"] as Set)
    }
}
