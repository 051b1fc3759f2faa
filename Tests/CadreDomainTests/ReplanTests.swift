import CadreDomain
import XCTest

/// Re-planning from actuals (`Replan.scenario`), the evaluation of a plan with courses still running and locks,
/// and the changes from a previous plan (`PlanChanges.between`). Every scenario is small enough to work the
/// expected outcome out by hand; plans are written out, not solved.
final class ReplanTests: XCTestCase {
    // MARK: Fixtures

    private func official(_ id: String, district: String = "D1", levels: [Family: Int] = [:], minorityYears: Int = 0,
                          leaves: Int? = nil) -> Official {
        Official(id: id, fullName: id, gender: .male, birthYear: 1980, category: CadreDomain.Category.civilServant,
                 partyMember: true, district: district, minorityArea: minorityYears > 0, minorityAreaYears: minorityYears,
                 levels: Levels(levels), leavesYear: leaves)
    }

    /// Course indices: PT-E 0, PT-I 1, IT-B 2.
    private let elementary = Course(id: "PT-E", family: .politicalTheory, grants: 1, days: 30, cost: 3_000_000, seats: 10)
    private let intermediate = Course(id: "PT-I", family: .politicalTheory, grants: 2, requires: 1, years: 2, days: 40,
                                      cost: 8_000_000, seats: 10)
    private let itBasic = Course(id: "IT-B", family: .it, grants: 1, days: 30, cost: 1_000_000, seats: 10)
    private var courses: [Course] { [elementary, intermediate, itBasic] }

    private let theoryTarget = Target(id: "T-PT", deadline: 2023,
                                      requirement: Requirement([LevelCondition(family: .politicalTheory, level: 2)]), share: 0.5)

    /// 2022–2025, the officials in the order given (the loader's order: natural id order).
    private func base(_ officials: [Official], budget: [Int: Double] = [2022: 1e9, 2023: 1e9, 2024: 1e9, 2025: 1e9],
                      locks: Locks = .none) -> Scenario {
        Scenario(name: "replan", baseYear: 2022, horizon: 2025, officials: officials, courses: courses,
                 targets: [theoryTarget], budget: budget, locks: locks)
    }

    private func standard() -> Scenario {
        base([official("QN-2", minorityYears: 5), official("QN-3"), official("QN-10")])
    }

    /// A `completed`, `running` or `dropped` row.
    private func event(_ kind: ActualEvent.Kind, _ officialID: String, _ courseID: String, _ year: Int?, row: Int) -> ActualEvent {
        ActualEvent(kind: kind, officialID: officialID, courseID: courseID, year: year, source: "actuals.csv:\(row)")
    }

    /// A `left`, `joined` or `changed` row.
    private func event(_ kind: ActualEvent.Kind, _ officialID: String, year: Int?, row: Int, official: Official? = nil,
                       change: OfficialChange? = nil) -> ActualEvent {
        ActualEvent(kind: kind, officialID: officialID, year: year, official: official, change: change, source: "actuals.csv:\(row)")
    }

    private func taken(_ list: [ReplanHistory.CourseTaken]?) -> [String] {
        (list ?? []).map { "\($0.course) \($0.year)" }
    }

    /// The problems `Replan.scenario` throws, or a failure when it does not throw.
    private func problems(_ scenario: Scenario, _ actuals: [ActualEvent], from year: Int,
                          file: StaticString = #filePath, line: UInt = #line) -> [ReplanProblem] {
        do {
            _ = try Replan.scenario(scenario, actuals: actuals, from: year)
            XCTFail("expected ReplanProblems", file: file, line: line)
            return []
        } catch let error as ReplanProblems {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return []
        }
    }

    private func problem(_ source: String, _ message: String) -> ReplanProblem {
        ReplanProblem(source: source, message: message)
    }

    /// Problems in row order (the re-plan reports them by kind of row: joined, changed, courses, left).
    private func byRow(_ problems: [ReplanProblem]) -> [ReplanProblem] {
        problems.sorted { naturallyPrecedes($0.source, $1.source) }
    }

    // MARK: Replan.scenario — what carries over

    func testBaseYearMovesToFromAndOnlyLaterBudgetYearsRemain() throws {
        let locks = Locks(pins: [Pin(official: 0, course: 2, year: 2022, source: "locks.csv:2")])
        let original = base([official("QN-2"), official("QN-3")],
                            budget: [2022: 1_000_000, 2023: 2_000_000, 2024: 3_000_000, 2025: 4_000_000], locks: locks)
        let (scenario, history) = try Replan.scenario(original, actuals: [], from: 2024)
        XCTAssertEqual(scenario.baseYear, 2024)
        XCTAssertEqual(scenario.horizon, 2025)
        XCTAssertEqual(scenario.years, 2024...2025)
        XCTAssertEqual(scenario.budget, [2024: 3_000_000, 2025: 4_000_000], "2022 and 2023 are history")
        XCTAssertEqual(scenario.targets, [theoryTarget], "targets are untouched, deadline 2023 included")
        XCTAssertEqual(scenario.courses, courses)
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-2", "QN-3"])
        XCTAssertEqual(scenario.ongoing, [])
        XCTAssertTrue(scenario.locks.isEmpty, "locks name officials by index: not carried over")
        XCTAssertEqual(history, ReplanHistory())

        // From the base year itself nothing moves but the locks.
        let same = try Replan.scenario(original, actuals: [], from: 2022).scenario
        XCTAssertEqual(same.baseYear, 2022)
        XCTAssertEqual(same.budget, original.budget)
    }

    func testCompletedCourseRaisesTheLevelEvenWhenItTookTwoYears() throws {
        // QN-2: intermediate 2022–2023 completed before 2024 → level 2. QN-3 already holds 2 and completes
        // elementary: the level stays 2 (never lowered). QN-10 completes IT basic.
        var original = standard()
        original.officials[1].levels[.politicalTheory] = 2
        let actuals = [
            event(.completed, "QN-2", "PT-I", 2022, row: 2),
            event(.completed, "QN-3", "PT-E", 2023, row: 3),
            event(.completed, "QN-10", "IT-B", 2023, row: 4),
        ]
        let (scenario, history) = try Replan.scenario(original, actuals: actuals, from: 2024)
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-2", "QN-3", "QN-10"])
        XCTAssertEqual(scenario.officials.map { $0.levels[.politicalTheory] }, [2, 2, 0])
        XCTAssertEqual(scenario.officials.map { $0.levels[.it] }, [0, 0, 1])
        XCTAssertEqual(taken(history.completed["QN-2"]), ["PT-I 2022"])
        XCTAssertEqual(taken(history.completed["QN-3"]), ["PT-E 2023"])
        XCTAssertEqual(taken(history.completed["QN-10"]), ["IT-B 2023"])
        XCTAssertEqual(scenario.ongoing, [], "a completed course is not running")
    }

    func testRunningCourseBecomesOngoingPointingAtTheRightOfficialAfterResorting() throws {
        // Before: QN-2 0, QN-3 1, QN-10 2. QN-1 joins and sorts first: QN-3 is 2, QN-10 is 3.
        let actuals = [
            event(.running, "QN-10", "PT-I", 2022, row: 2),
            event(.running, "QN-3", "PT-I", 2022, row: 3),
            event(.joined, "QN-1", year: nil, row: 4, official: official("QN-1")),
        ]
        let (scenario, history) = try Replan.scenario(standard(), actuals: actuals, from: 2023)
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-1", "QN-2", "QN-3", "QN-10"])
        XCTAssertEqual(scenario.ongoing, [
            OngoingCourse(official: 2, course: 1, startYear: 2022, source: "actuals.csv:3"),
            OngoingCourse(official: 3, course: 1, startYear: 2022, source: "actuals.csv:2"),
        ])
        XCTAssertEqual(scenario.ongoing.map { scenario.officials[$0.official].id }, ["QN-3", "QN-10"])
        XCTAssertEqual(scenario.officials.map { $0.levels[.politicalTheory] }, [0, 0, 0, 0],
                       "a running course raises the level only when it completes (in the plan's years)")
        XCTAssertEqual(taken(history.running["QN-10"]), ["PT-I 2022"])
        XCTAssertEqual(taken(history.running["QN-3"]), ["PT-I 2022"])
        XCTAssertEqual(history.completed, [:])
    }

    func testRunningCourseOfAnOfficialWhoLeftBeforeFromIsDropped() throws {
        // QN-2 left in 2022 while on a course: gone, and so is the course; QN-3's index moves down to 0.
        let actuals = [
            event(.running, "QN-2", "PT-I", 2022, row: 2),
            event(.running, "QN-3", "PT-I", 2022, row: 3),
            event(.left, "QN-2", year: 2022, row: 4),
        ]
        let (scenario, _) = try Replan.scenario(standard(), actuals: actuals, from: 2023)
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-3", "QN-10"])
        XCTAssertEqual(scenario.ongoing, [OngoingCourse(official: 0, course: 1, startYear: 2022, source: "actuals.csv:3")])
    }

    func testDroppedCourseLeavesTheLevelAndIsRecorded() throws {
        let actuals = [
            event(.dropped, "QN-3", "PT-E", 2022, row: 2),
            event(.dropped, "QN-3", "PT-I", 2023, row: 3),
        ]
        let (scenario, history) = try Replan.scenario(standard(), actuals: actuals, from: 2024)
        XCTAssertEqual(scenario.officials[1].id, "QN-3")
        XCTAssertEqual(scenario.officials[1].levels, Levels())
        XCTAssertEqual(scenario.ongoing, [])
        XCTAssertEqual(taken(history.dropped["QN-3"]), ["PT-E 2022", "PT-I 2023"], "file order")
        XCTAssertEqual(history.completed, [:])
        XCTAssertEqual(history.running, [:])
    }

    func testLeftBeforeFromRemovesTheOfficialAndLaterSetsTheLastYear() throws {
        let actuals = [
            event(.left, "QN-2", year: 2023, row: 2),   // last year 2023 < 2024: gone
            event(.left, "QN-3", year: 2024, row: 3),   // serves 2024, the re-plan year itself
            event(.left, "QN-10", year: 2025, row: 4),  // a known departure
        ]
        let (scenario, history) = try Replan.scenario(standard(), actuals: actuals, from: 2024)
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-3", "QN-10"])
        XCTAssertEqual(scenario.officials.map(\.leavesYear), [2024, 2025])
        XCTAssertEqual(history.left, ["QN-2": 2023], "only who left before the re-plan year")
    }

    func testJoinedOfficialsTakeTheirPlaceInNaturalIdOrderAndKeepTheirMinorityYears() throws {
        // QN-2 had 5 minority-area years at 1 January 2022: 7 at 1 January 2024. A newcomer's value is given
        // as at the re-plan year and is kept.
        let newcomer = official("QN-9", levels: [.it: 1], minorityYears: 3)
        let actuals = [
            event(.joined, "QN-9", year: 2023, row: 2, official: newcomer),
            event(.joined, "QN-1", year: nil, row: 3, official: official("QN-1")),
        ]
        let (scenario, history) = try Replan.scenario(standard(), actuals: actuals, from: 2024)
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-1", "QN-2", "QN-3", "QN-9", "QN-10"])
        XCTAssertEqual(scenario.officials.map(\.minorityAreaYears), [0, 7, 2, 3, 2])
        XCTAssertEqual(scenario.officials[3], newcomer)
        XCTAssertEqual(history.joined, ["QN-9": 2023, "QN-1": 2024], "no year: from the re-plan year")
    }

    func testChangesApplyInYearOrderThenFileOrder() throws {
        let actuals = [
            event(.changed, "QN-2", year: 2023, row: 2, change: .title("Chairman")),
            event(.changed, "QN-2", year: 2022, row: 3, change: .title("Vice-chairman")),
            event(.changed, "QN-2", year: 2023, row: 4, change: .plannedTitle("Secretary")),
            event(.changed, "QN-2", year: 2023, row: 5, change: .plannedTitle("Deputy secretary")),
            event(.changed, "QN-10", year: 2024, row: 6, change: .level(.politicalTheory, 1)),
            event(.changed, "QN-10", year: 2023, row: 7, change: .district("D2")),
        ]
        let (scenario, history) = try Replan.scenario(standard(), actuals: actuals, from: 2024)
        let qn2 = scenario.officials[0]
        XCTAssertEqual(qn2.title, "Chairman", "2023 comes after 2022 though it is the earlier row")
        XCTAssertEqual(qn2.plannedTitle, "Deputy secretary", "same year: the later row wins")
        let qn10 = scenario.officials[2]
        XCTAssertEqual(qn10.id, "QN-10")
        XCTAssertEqual(qn10.levels[.politicalTheory], 1, "a change in the re-plan year itself takes effect")
        XCTAssertEqual(qn10.district, "D2")
        XCTAssertEqual(Set(history.changed["QN-2"] ?? []), ["title", "planned_title"])
        XCTAssertEqual(history.changed["QN-10"], ["district", "political_theory"], "year order")
        XCTAssertNil(history.changed["QN-3"])
    }

    func testChangedLevelThenCompletedCourseKeepsTheHigher() throws {
        // Changes are applied before courses: a level earned elsewhere is not lowered by a lesser course.
        let actuals = [
            event(.completed, "QN-3", "PT-E", 2022, row: 2),
            event(.changed, "QN-3", year: 2023, row: 3, change: .level(.politicalTheory, 3)),
        ]
        let (scenario, _) = try Replan.scenario(standard(), actuals: actuals, from: 2024)
        XCTAssertEqual(scenario.officials[1].levels[.politicalTheory], 3)
    }

    // MARK: Replan.scenario — problems

    func testFromOutsideTheYearsIsTheOnlyProblemReported() {
        let bad = [event(.completed, "QN-99", "PT-E", 2022, row: 2)]
        XCTAssertEqual(problems(standard(), bad, from: 2026),
                       [problem("--from", "2026 is outside the scenario's years 2022…2025")])
        XCTAssertEqual(problems(standard(), [], from: 2021),
                       [problem("--from", "2021 is outside the scenario's years 2022…2025")])
        XCTAssertEqual(problems(standard(), [], from: 2021).first?.description,
                       "--from: 2021 is outside the scenario's years 2022…2025")
    }

    func testUnknownOfficialInEveryKindOfRow() {
        let actuals = [
            event(.completed, "QN-99", "PT-E", 2022, row: 2),
            event(.running, "QN-98", "PT-I", 2023, row: 3),
            event(.dropped, "QN-97", "PT-E", 2022, row: 4),
            event(.left, "QN-96", year: 2022, row: 5),
            event(.changed, "QN-95", year: 2022, row: 6, change: .title("x")),
        ]
        let found = byRow(problems(standard(), actuals, from: 2024))
        XCTAssertEqual(found, [
            problem("actuals.csv:2", "no official \"QN-99\""),
            problem("actuals.csv:3", "no official \"QN-98\""),
            problem("actuals.csv:4", "no official \"QN-97\""),
            problem("actuals.csv:5", "no official \"QN-96\""),
            problem("actuals.csv:6", "no official \"QN-95\""),
        ])
        XCTAssertEqual(found.first?.description, "actuals.csv:2: no official \"QN-99\"")
    }

    func testUnknownOrMissingCourse() {
        let actuals = [
            event(.completed, "QN-2", "PT-X", 2022, row: 2),
            event(.dropped, "QN-3", "", 2022, row: 3),
        ]
        XCTAssertEqual(problems(standard(), actuals, from: 2024), [
            problem("actuals.csv:2", "no course \"PT-X\" in the catalogue"),
            problem("actuals.csv:3", "the course is missing"),
        ])
    }

    func testCompletedThatDoesNotCompleteBeforeFromMustBeRecordedAsRunning() {
        // Intermediate started 2023 completes 2024; started 2022 it completes 2023, the re-plan year itself.
        XCTAssertEqual(problems(standard(), [event(.completed, "QN-2", "PT-I", 2023, row: 2)], from: 2024),
                       [problem("actuals.csv:2", "PT-I started in 2023 completes in 2024, not before 2024: record it as running")])
        XCTAssertEqual(problems(standard(), [event(.completed, "QN-2", "PT-I", 2022, row: 7)], from: 2023),
                       [problem("actuals.csv:7", "PT-I started in 2022 completes in 2023, not before 2023: record it as running")])
    }

    func testRunningThatCompletedBeforeFromMustBeRecordedAsCompleted() {
        XCTAssertEqual(problems(standard(), [event(.running, "QN-2", "PT-I", 2022, row: 2)], from: 2024),
                       [problem("actuals.csv:2", "PT-I started in 2022 completed in 2023, before 2024: record it as completed")])
        XCTAssertEqual(problems(standard(), [event(.running, "QN-3", "PT-E", 2023, row: 3)], from: 2024),
                       [problem("actuals.csv:3", "PT-E started in 2023 completed in 2023, before 2024: record it as completed")])
    }

    func testCourseEventStartedInOrAfterFromIsNotHistory() {
        let actuals = [
            event(.running, "QN-2", "PT-I", 2024, row: 2),
            event(.dropped, "QN-3", "PT-E", 2025, row: 3),
            event(.completed, "QN-10", "IT-B", 2024, row: 4),
            event(.completed, "QN-10", "PT-E", nil, row: 5),
        ]
        XCTAssertEqual(problems(standard(), actuals, from: 2024), [
            problem("actuals.csv:2", "started in 2024, not before the re-plan year 2024: only what happened before 2024 is history"),
            problem("actuals.csv:3", "started in 2025, not before the re-plan year 2024: only what happened before 2024 is history"),
            problem("actuals.csv:4", "started in 2024, not before the re-plan year 2024: only what happened before 2024 is history"),
            problem("actuals.csv:5", "the year the course started is missing"),
        ])
    }

    func testJoinedWithAnExistingIdTwiceOrAfterFrom() {
        let actuals = [
            event(.joined, "QN-2", year: 2023, row: 2, official: official("QN-2")),
            event(.joined, "QN-5", year: 2023, row: 3, official: official("QN-5")),
            event(.joined, "QN-5", year: 2023, row: 4, official: official("QN-5")),
            event(.joined, "QN-6", year: 2025, row: 5, official: official("QN-6")),
            event(.joined, "QN-7", year: 2023, row: 6),
        ]
        XCTAssertEqual(problems(standard(), actuals, from: 2024), [
            problem("actuals.csv:2", "official \"QN-2\" is already in the officials file or joined above"),
            problem("actuals.csv:4", "official \"QN-5\" is already in the officials file or joined above"),
            problem("actuals.csv:5", "joins in 2025, after the re-plan year 2024: add them when re-planning from 2025"),
            problem("actuals.csv:6", "a joined row needs the new official's columns"),
        ])
    }

    func testChangedAfterFromOrWithoutAValue() {
        let actuals = [
            event(.changed, "QN-2", year: 2025, row: 2, change: .title("Chairman")),
            event(.changed, "QN-3", year: 2023, row: 3),
        ]
        XCTAssertEqual(byRow(problems(standard(), actuals, from: 2024)), [
            problem("actuals.csv:2", "takes effect in 2025, after the re-plan year 2024: record it when re-planning from 2025"),
            problem("actuals.csv:3", "a changed row needs a field and its new value"),
        ])
    }

    func testLeftWithoutAYear() {
        XCTAssertEqual(problems(standard(), [event(.left, "QN-2", year: nil, row: 9)], from: 2024),
                       [problem("actuals.csv:9", "the last year in service is missing")])
    }

    func testEveryProblemOfTheFileIsReportedTogether() {
        // One bad row of each kind, valid rows in between: all are reported, each at its own row.
        let actuals = [
            event(.completed, "QN-2", "PT-E", 2022, row: 2),                                        // fine
            event(.completed, "QN-99", "PT-E", 2022, row: 3),
            event(.dropped, "QN-3", "PT-X", 2022, row: 4),
            event(.completed, "QN-3", "PT-I", 2023, row: 5),
            event(.running, "QN-10", "PT-E", 2022, row: 6),
            event(.running, "QN-10", "PT-I", 2024, row: 7),
            event(.joined, "QN-3", year: 2022, row: 8, official: official("QN-3")),
            event(.joined, "QN-6", year: 2025, row: 9, official: official("QN-6")),
            event(.changed, "QN-2", year: 2025, row: 10, change: .title("Chairman")),
            event(.left, "QN-42", year: 2022, row: 11),
            event(.joined, "QN-7", year: 2023, row: 12, official: official("QN-7")),              // fine
            event(.running, "QN-7", "PT-I", 2023, row: 13),                                        // fine: a newcomer
        ]
        let found = problems(standard(), actuals, from: 2024)
        XCTAssertEqual(found.count, 9)
        XCTAssertEqual(byRow(found), [
            problem("actuals.csv:3", "no official \"QN-99\""),
            problem("actuals.csv:4", "no course \"PT-X\" in the catalogue"),
            problem("actuals.csv:5", "PT-I started in 2023 completes in 2024, not before 2024: record it as running"),
            problem("actuals.csv:6", "PT-E started in 2022 completed in 2022, before 2024: record it as completed"),
            problem("actuals.csv:7", "started in 2024, not before the re-plan year 2024: only what happened before 2024 is history"),
            problem("actuals.csv:8", "official \"QN-3\" is already in the officials file or joined above"),
            problem("actuals.csv:9", "joins in 2025, after the re-plan year 2024: add them when re-planning from 2025"),
            problem("actuals.csv:10", "takes effect in 2025, after the re-plan year 2024: record it when re-planning from 2025"),
            problem("actuals.csv:11", "no official \"QN-42\""),
        ])
    }

    // MARK: PlanEvaluation with courses still running and locks

    /// Re-planning 2023–2024 in district D1: A holds elementary and still attends intermediate started in 2022
    /// (its second and last year is 2023: 40 days, 4 M); B holds nothing. Intermediate has no seats at all.
    private func withRunningCourse(maxDays: Int = 60, locks: Locks = .none, ongoing: Bool = true) -> Scenario {
        var noSeats = intermediate
        noSeats.seats = 0
        return Scenario(name: "running", baseYear: 2023, horizon: 2024,
                        officials: [official("A", levels: [.politicalTheory: 1]), official("B"), official("C", district: "D2")],
                        courses: [elementary, noSeats, itBasic], targets: [theoryTarget],
                        budget: [2023: 1e9, 2024: 1e9], maxTrainingDays: maxDays,
                        ongoing: ongoing ? [OngoingCourse(official: 0, course: 1, startYear: 2022, source: "actuals.csv:2")] : [],
                        locks: locks)
    }

    func testRunningCourseTakesDaysSpendsMoneyAndQualifiesButTakesNoSeat() {
        // IT basic in 2023 adds 30 days to the 40 still running: 70 > 60.
        let crowded = PlanEvaluation(scenario: withRunningCourse(), plan: Plan(starts: [CourseStart(official: 0, course: 2, year: 2023)]))
        XCTAssertEqual(crowded.violations.map(\.description), ["training days: A has 70 days in 2023"])
        XCTAssertEqual(crowded.budget.map(\.spent), [5_000_000, 0], "4 M for the running year + 1 M; nothing for 2022")
        XCTAssertEqual(crowded.totalCost, 5_000_000)

        // In 2024 the running course is over: no violation, and no seat counted for it though it has none.
        let later = PlanEvaluation(scenario: withRunningCourse(), plan: Plan(starts: [CourseStart(official: 0, course: 2, year: 2024)]))
        XCTAssertEqual(later.violations, [])
        XCTAssertEqual(later.budget.map(\.spent), [4_000_000, 1_000_000])

        // A holds intermediate from the end of 2023; B never does; C is in the cohort too (no district filter).
        let nothing = PlanEvaluation(scenario: withRunningCourse(), plan: .empty)
        XCTAssertEqual(nothing.attainment.map(\.cohort), [3, 3])
        XCTAssertEqual(nothing.attainment.map(\.attained), [1, 1])
        XCTAssertEqual(nothing.attainment.map(\.required), [2, 2])
        XCTAssertEqual(nothing.objective, 2)
        XCTAssertEqual(nothing.budget.map(\.spent), [4_000_000, 0])
        let without = PlanEvaluation(scenario: withRunningCourse(ongoing: false), plan: .empty)
        XCTAssertEqual(without.attainment.map(\.attained), [0, 0])
        XCTAssertEqual(without.totalCost, 0)
    }

    func testMissingPinForbiddenStartAndDistrictCapAreViolations() {
        // Cap 1 in D1 for 2023: A is in the second year of the running intermediate and B starts elementary: 2.
        // C trains too but is in D2. B's elementary in 2023 is forbidden; A's pinned IT basic in 2024 is missing.
        let locks = Locks(pins: [Pin(official: 0, course: 2, year: 2024, source: "locks.csv:2")],
                          forbids: [Forbid(official: 1, course: 0, year: 2023, source: "locks.csv:3")],
                          caps: [DistrictCap(district: "D1", year: 2023, maxTrainees: 1, source: "locks.csv:4")])
        let plan = Plan(starts: [CourseStart(official: 1, course: 0, year: 2023), CourseStart(official: 2, course: 0, year: 2023)])
        let evaluation = PlanEvaluation(scenario: withRunningCourse(maxDays: 120, locks: locks), plan: plan)
        XCTAssertEqual(evaluation.violations.map(\.rule), ["forbidden", "pinned", "district cap"])
        XCTAssertEqual(evaluation.violations.map(\.description), [
            "forbidden: B PT-E 2023 (locks.csv:3)",
            "pinned: A IT-B 2024 (locks.csv:2) is not in the plan",
            "district cap: D1 has 2 trainees in 2023, cap 1 (locks.csv:4)",
        ])

        // Keeping the pin, moving B to 2024 and without the running course, every lock holds.
        let kept = Plan(starts: [CourseStart(official: 0, course: 2, year: 2024), CourseStart(official: 1, course: 0, year: 2024),
                                 CourseStart(official: 2, course: 0, year: 2023)])
        XCTAssertEqual(PlanEvaluation(scenario: withRunningCourse(maxDays: 120, locks: locks), plan: kept).violations, [])
        let alone = Plan(starts: [CourseStart(official: 0, course: 2, year: 2024), CourseStart(official: 1, course: 0, year: 2023)])
        XCTAssertEqual(PlanEvaluation(scenario: withRunningCourse(maxDays: 120, locks: locks, ongoing: false), plan: alone)
                        .violations.map(\.rule), ["forbidden"], "B alone in 2023 is within the cap")
    }

    func testDistrictCapCountsTheSecondYearOfAPlannedLongCourse() {
        // A starts intermediate in 2023 (attends 2023–2024), B IT basic in 2024: two D1 trainees in 2024.
        let locks = Locks(caps: [DistrictCap(district: "D1", year: 2024, maxTrainees: 1, source: "locks.csv:5")])
        let plan = Plan(starts: [CourseStart(official: 0, course: 1, year: 2023), CourseStart(official: 1, course: 2, year: 2024),
                                 CourseStart(official: 2, course: 2, year: 2024)])
        var scenario = withRunningCourse(maxDays: 120, locks: locks, ongoing: false)
        scenario.courses[1].seats = 10
        XCTAssertEqual(PlanEvaluation(scenario: scenario, plan: plan).violations.map(\.description),
                       ["district cap: D1 has 2 trainees in 2024, cap 1 (locks.csv:5)"])
    }

    /// The reasons walk levels as the referee does: A's intermediate, still running from 2022, completes in 2023,
    /// so A holds the level from 2023 and is no member short. Counting A short named a cause that is not there
    /// (A "cannot reach it by 2023", and in 2024 "PT-I full in 2023", an intake A never needed).
    func testReasonsAfterAReplanCountTheRunningCourseAsTheRefereeDoes() {
        let scenario = withRunningCourse()
        let evaluation = PlanEvaluation(scenario: scenario, plan: .empty)
        XCTAssertEqual(evaluation.attainment.map(\.attained), [1, 1], "the referee counts A's running course")
        let reasons = ShortfallReasons(scenario: scenario, plan: .empty, evaluation: evaluation).reasons

        // B and C would need elementary and then the two-year intermediate: done in 2025 at the earliest.
        XCTAssertEqual(reasons.map(\.kind), [.nobodyEligible, .nobodyEligible])
        XCTAssertEqual(reasons.map(\.year), [2023, 2024])
        XCTAssertEqual(reasons.map(\.causes), [[.retiresFirst: 2], [.retiresFirst: 2]])
        XCTAssertEqual(reasons[0].detail(in: scenario),
                       "2 of the cohort cannot reach it by 2023 (retires_first 2); 1 can; 1 of the shortfall cannot be closed")
        // Members who hold the level are among those who can: never fewer than the referee counts attained.
        for reason in reasons where reason.kind == .nobodyEligible {
            let row = evaluation.attainment.first { $0.targetIndex == reason.targetIndex && $0.year == reason.year }
            XCTAssertGreaterThanOrEqual(reason.reachable, row?.attained ?? .max, "\(reason.year)")
        }
    }

    // MARK: PlanChanges.between

    /// Re-planning 2024–2025 of QN-2, QN-3, QN-4, QN-10 with what happened in 2022–2023:
    /// QN-4 left in 2023, QN-3 completed elementary in 2022, QN-10 dropped elementary in 2023, QN-2 earned IT
    /// basic elsewhere, QN-9 joined.
    private func replanned() throws -> (scenario: Scenario, history: ReplanHistory) {
        let original = base([official("QN-2"), official("QN-3"), official("QN-4"), official("QN-10")])
        let actuals = [
            event(.left, "QN-4", year: 2023, row: 2),
            event(.completed, "QN-3", "PT-E", 2022, row: 3),
            event(.dropped, "QN-10", "PT-E", 2023, row: 4),
            event(.changed, "QN-2", year: 2023, row: 5, change: .level(.it, 1)),
            event(.joined, "QN-9", year: 2024, row: 6, official: official("QN-9")),
        ]
        return try Replan.scenario(original, actuals: actuals, from: 2024)
    }

    /// "kind official course previous→new", years as "–" when absent; the reasons are compared separately.
    private func lines(_ changes: [PlanChange]) -> [String] {
        changes.map { "\($0.kind.rawValue) \($0.officialID) \($0.courseID) \($0.previousYear.map(String.init) ?? "–")→\($0.newYear.map(String.init) ?? "–")" }
    }

    private func start(_ officialID: String, _ courseID: String, _ year: Int) -> ScheduledStart {
        ScheduledStart(officialID: officialID, courseID: courseID, year: year)
    }

    func testChangesNameWhyEachAssignmentWasAddedRemovedOrMoved() throws {
        var (scenario, history) = try replanned()
        // Officials: QN-2 0, QN-3 1, QN-9 2, QN-10 3. Courses: PT-E 0, PT-I 1, IT-B 2.
        XCTAssertEqual(scenario.officials.map(\.id), ["QN-2", "QN-3", "QN-9", "QN-10"])
        scenario.locks = Locks(pins: [Pin(official: 1, course: 2, year: 2025, source: "locks.csv:2"),
                                      Pin(official: 3, course: 2, year: 2025, source: "locks.csv:4")],
                               forbids: [Forbid(official: 0, course: 0, source: "locks.csv:3")])
        let previous = [
            start("QN-10", "PT-E", 2023),  // before 2024: ignored, so the re-planned one is added, not moved
            start("QN-2", "PT-I", 2023),   // before 2024: ignored, not removed
            start("QN-2", "IT-B", 2025),
            start("QN-2", "PT-E", 2024),
            start("QN-3", "PT-E", 2024),
            start("QN-3", "PT-I", 2024),   // kept in the same year: not listed
            start("QN-3", "IT-B", 2024),
            start("QN-4", "IT-B", 2024),
        ]
        let plan = Plan(starts: [
            CourseStart(official: 1, course: 1, year: 2024),
            CourseStart(official: 1, course: 2, year: 2025),
            CourseStart(official: 2, course: 0, year: 2024),
            CourseStart(official: 3, course: 2, year: 2025),
            CourseStart(official: 3, course: 0, year: 2024),
        ])
        XCTAssertEqual(PlanEvaluation(scenario: scenario, plan: plan).violations, [], "the re-plan itself is valid")

        let changes = PlanChanges.between(previous: previous, replanned: plan, scenario: scenario, history: history)
        XCTAssertEqual(lines(changes), [
            "removed QN-2 IT-B 2025→–",
            "removed QN-2 PT-E 2024→–",
            "moved QN-3 IT-B 2024→2025",
            "removed QN-3 PT-E 2024→–",
            "removed QN-4 IT-B 2024→–",
            "added QN-9 PT-E –→2024",
            "added QN-10 IT-B –→2025",
            "added QN-10 PT-E –→2024",
        ], "by official id in natural order (QN-9 before QN-10), then course id")
        XCTAssertEqual(changes.map(\.reason), [
            .alreadyQualified,
            .forbidden("locks.csv:3"),
            .pinned("locks.csv:2"),
            .alreadyTaken(2022),
            .leftService(2023),
            .newOfficial,
            .pinned("locks.csv:4"),
            .rescheduledAfterDrop(2023),
        ])
    }

    func testKeptAndEarlierStartsAreNotChanges() throws {
        let (scenario, history) = try replanned()
        let previous = [start("QN-3", "PT-I", 2024), start("QN-2", "PT-E", 2022), start("QN-9", "IT-B", 2023)]
        let plan = Plan(starts: [CourseStart(official: 1, course: 1, year: 2024)])
        XCTAssertEqual(PlanChanges.between(previous: previous, replanned: plan, scenario: scenario, history: history), [])
    }

    func testMovedWithoutAPinAndAKnownLaterDeparture() throws {
        // QN-3 will leave at the end of 2024 (a known departure): intermediate 2024–2025 no longer fits, so it
        // is removed as not eligible. QN-10's IT basic moves without a pin: re-planned.
        let original = base([official("QN-3", levels: [.politicalTheory: 1]), official("QN-10")])
        let (scenario, history) = try Replan.scenario(original, actuals: [event(.left, "QN-3", year: 2024, row: 2)], from: 2024)
        let previous = [start("QN-3", "PT-I", 2024), start("QN-10", "IT-B", 2024)]
        let plan = Plan(starts: [CourseStart(official: 1, course: 2, year: 2025)])
        let changes = PlanChanges.between(previous: previous, replanned: plan, scenario: scenario, history: history)
        XCTAssertEqual(lines(changes), ["removed QN-3 PT-I 2024→–", "moved QN-10 IT-B 2024→2025"])
        XCTAssertEqual(changes.map(\.reason), [.notEligible, .replanned])
    }
}
