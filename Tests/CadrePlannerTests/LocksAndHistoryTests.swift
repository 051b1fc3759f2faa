import CadreDomain
import CadreGLPK
import CadreLinearModel
import _CadreTestSupport
import CadrePlanner
import XCTest

/// Locks (pins, forbids, district caps), courses still running from before the base year, and keeping a
/// previous plan: each case is small enough to work out by hand.
final class LocksAndHistoryTests: XCTestCase {
    private func plan(_ scenario: Scenario, keeping previous: [CourseStart] = []) throws -> PlanningResult {
        let result = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 30, relativeGap: 1e-9))
            .plan(scenario, keeping: previous)
        XCTAssertEqual(result.evaluation.violations, [], "the plan must obey every rule and lock")
        return result
    }

    private func official(_ id: String, district: String = "D1", levels: [Family: Int] = [:]) -> Official {
        Official(id: id, fullName: id, gender: .male, birthYear: 1980, category: .civilServant, partyMember: true,
                 district: district, levels: Levels(levels))
    }

    private func scenario(_ officials: [Official], _ courses: [Course], _ targets: [Target], base: Int = 2022,
                          horizon: Int = 2022, budget: Double = 1e12, locks: Locks = .none,
                          ongoing: [OngoingCourse] = [], maxDays: Int = 120) -> Scenario {
        Scenario(name: "locks", baseYear: base, horizon: horizon, officials: officials, courses: courses, targets: targets,
                 budget: Dictionary(uniqueKeysWithValues: (base...horizon).map { ($0, budget) }), maxTrainingDays: maxDays,
                 ongoing: ongoing, locks: locks)
    }

    private let elementary = Course(id: "PT-E", family: .politicalTheory, grants: 1, days: 30, cost: 3_000_000, seats: 10)
    private let intermediate = Course(id: "PT-I", family: .politicalTheory, grants: 2, requires: 1, years: 2, days: 40,
                                      cost: 8_000_000, seats: 10)
    private let itBasic = Course(id: "IT-B", family: .it, grants: 1, days: 10, cost: 1_000_000, seats: 10)

    private func target(_ id: String = "T", level: Int = 1, family: Family = .politicalTheory, deadline: Int = 2022,
                        share: Double = 1) -> Target {
        Target(id: id, deadline: deadline, requirement: Requirement([LevelCondition(family: family, level: level)]), share: share)
    }

    private func starts(_ result: PlanningResult) -> [String] {
        result.plan.starts.map { "\(result.scenario.officials[$0.official].id) \(result.scenario.courses[$0.course].id) \($0.year)" }
    }

    // MARK: Pins

    func testPinIsKeptEvenWhenNoTargetAsksForIt() throws {
        let locks = Locks(pins: [Pin(official: 0, course: 1, year: 2023, source: "locks.csv:2")])
        let result = try plan(scenario([official("A")], [elementary, itBasic], [target()], horizon: 2023, locks: locks))
        XCTAssertEqual(starts(result), ["A PT-E 2022", "A IT-B 2023"])
        XCTAssertEqual(result.totalCost, 4_000_000)
    }

    func testPinTakesTheSeatAnotherOfficialWouldHaveHad() throws {
        var course = elementary
        course.seats = 1
        let officials = [official("A"), official("B")]
        let free = try plan(scenario(officials, [course], [target()]))
        XCTAssertEqual(starts(free), ["A PT-E 2022"], "file order breaks the tie without a pin")
        let pinned = try plan(scenario(officials, [course], [target()],
                                       locks: Locks(pins: [Pin(official: 1, course: 0, year: 2022, source: "locks.csv:2")])))
        XCTAssertEqual(starts(pinned), ["B PT-E 2022"])
        XCTAssertEqual(pinned.objective, 1)
    }

    func testPinnedCourseCountsTowardTargetsAndLaterCoursesBuildOnIt() throws {
        // The pin gives elementary in 2022; the plan adds intermediate 2023–2024 on top for the 2024 target.
        let locks = Locks(pins: [Pin(official: 0, course: 0, year: 2022, source: "locks.csv:2")])
        let result = try plan(scenario([official("A")], [elementary, intermediate], [target(level: 2, deadline: 2024)],
                                       horizon: 2024, locks: locks))
        XCTAssertEqual(starts(result), ["A PT-E 2022", "A PT-I 2023"])
        XCTAssertEqual(result.objective, 0)
    }

    // MARK: Forbids

    func testForbiddenYearKeepsEveryCourseOutOfIt() throws {
        // Two-year intermediate started in 2022 would be attended in 2023, the forbidden year: only 2024 is left,
        // too late to complete by the 2025 horizon? No: 2024–2025 completes in 2025.
        let locks = Locks(forbids: [Forbid(official: 0, year: 2023, source: "locks.csv:2")])
        let result = try plan(scenario([official("A", levels: [.politicalTheory: 1])], [intermediate],
                                       [target(level: 2, deadline: 2025)], horizon: 2025, locks: locks))
        XCTAssertEqual(starts(result), ["A PT-I 2024"])
        let tight = try plan(scenario([official("A", levels: [.politicalTheory: 1])], [intermediate],
                                      [target(level: 2, deadline: 2024)], horizon: 2024, locks: locks))
        XCTAssertEqual(tight.plan.starts, [], "2022 runs into 2023 and 2023 is forbidden: nothing fits")
        XCTAssertEqual(tight.objective, 1)
    }

    func testForbiddenCourseLeavesTheDearerOne() throws {
        let dear = Course(id: "PT-E2", family: .politicalTheory, grants: 1, days: 30, cost: 5_000_000, seats: 10)
        let locks = Locks(forbids: [Forbid(official: 0, course: 0, source: "locks.csv:2")])
        let result = try plan(scenario([official("A")], [elementary, dear], [target()], locks: locks))
        XCTAssertEqual(starts(result), ["A PT-E2 2022"])
    }

    func testForbiddenCourseInOneYearOnlyMovesIt() throws {
        let locks = Locks(forbids: [Forbid(official: 0, course: 0, year: 2022, source: "locks.csv:2")])
        let result = try plan(scenario([official("A")], [elementary], [target(deadline: 2023)], horizon: 2023, locks: locks))
        XCTAssertEqual(starts(result), ["A PT-E 2023"])
    }

    // MARK: District caps

    func testDistrictCapLimitsTraineesEachYear() throws {
        // Three officials of D1 need elementary by 2023; at most one of them may train each year: one stays short.
        let officials = [official("A"), official("B"), official("C"), official("X", district: "D2")]
        let locks = Locks(caps: [DistrictCap(district: "D1", year: 2022, maxTrainees: 1, source: "locks.csv:2"),
                                 DistrictCap(district: "D1", year: 2023, maxTrainees: 1, source: "locks.csv:3")])
        let result = try plan(scenario(officials, [elementary], [target(deadline: 2023)], horizon: 2023, locks: locks))
        XCTAssertEqual(result.objective, 1)
        XCTAssertEqual(result.plan.starts.filter { $0.year == 2022 && $0.official < 3 }.count, 1)
        XCTAssertEqual(result.plan.starts.filter { $0.year == 2023 && $0.official < 3 }.count, 1)
        XCTAssertTrue(result.plan.starts.contains { $0.official == 3 }, "another district is not capped")
    }

    func testDistrictCapCountsEveryYearOfALongCourse() throws {
        // A needs two-year intermediate (2022–2023); B may only train in 2023 (forbidden 2022). A cap of one trainee
        // in 2023 counts A's second year, so B cannot go: one target-year short. Counting only starts would let B in.
        let officials = [official("A", levels: [.politicalTheory: 1, .it: 1]), official("B", levels: [.politicalTheory: 2])]
        let targets = [target("I", level: 2, deadline: 2023), target("E", level: 1, family: .it, deadline: 2023)]
        let forbid = Forbid(official: 1, year: 2022, source: "locks.csv:2")
        let free = try plan(scenario(officials, [intermediate, itBasic], targets, horizon: 2023, locks: Locks(forbids: [forbid])))
        XCTAssertEqual(starts(free), ["A PT-I 2022", "B IT-B 2023"])
        XCTAssertEqual(free.objective, 0)
        let cap = DistrictCap(district: "D1", year: 2023, maxTrainees: 1, source: "locks.csv:3")
        let capped = try plan(scenario(officials, [intermediate, itBasic], targets, horizon: 2023,
                                       locks: Locks(forbids: [forbid], caps: [cap])))
        XCTAssertEqual(capped.objective, 1)
        XCTAssertEqual(capped.plan.starts.count, 1)
    }

    // MARK: Courses still running

    func testRunningCourseQualifiesAtCompletionSpendsAndTakesDays() throws {
        // Re-planning 2023–2024: A attends intermediate (started 2022) until the end of 2023. It costs 4 M in
        // 2023, leaves 40 of 60 days, and A holds intermediate from 2023 without the plan buying anything.
        let running = OngoingCourse(official: 0, course: 1, startYear: 2022, source: "actuals.csv:2")
        let heavyIT = Course(id: "IT-B", family: .it, grants: 1, days: 30, cost: 1_000_000, seats: 10)
        let targets = [target("I", level: 2, deadline: 2023), target("B", level: 1, family: .it, deadline: 2023)]
        let result = try plan(scenario([official("A", levels: [.politicalTheory: 1])], [elementary, intermediate, heavyIT],
                                       targets, base: 2023, horizon: 2024, ongoing: [running], maxDays: 60))
        XCTAssertEqual(result.evaluation.budget.map(\.spent), [4_000_000, 1_000_000])
        XCTAssertEqual(starts(result), ["A IT-B 2024"], "40 + 30 days do not fit in 2023")
        XCTAssertEqual(result.objective, 1, "IT is one year late")
        let attained = result.evaluation.attainment.filter { $0.targetIndex == 0 }.map(\.attained)
        XCTAssertEqual(attained, [1, 1])
    }

    // MARK: Conflicts

    func testConflictingLocksAreReportedWithTheirRows() throws {
        var course = elementary
        course.seats = 1
        let locks = Locks(
            pins: [Pin(official: 0, course: 0, year: 2022, source: "locks.csv:2"),
                   Pin(official: 1, course: 0, year: 2022, source: "locks.csv:3"),
                   Pin(official: 2, course: 1, year: 2022, source: "locks.csv:4")],
            forbids: [Forbid(official: 0, year: 2022, source: "locks.csv:5")])
        let scenario = scenario([official("A"), official("B"), official("C")], [course, intermediate], [target()], locks: locks)
        XCTAssertThrowsError(try plan(scenario)) { error in
            guard let conflicts = (error as? LockConflictError)?.conflicts else { return XCTFail("\(error)") }
            XCTAssertEqual(conflicts.map(\.sources), [
                ["locks.csv:2", "locks.csv:5"], ["locks.csv:4"], ["locks.csv:4"], ["locks.csv:2", "locks.csv:3"],
            ])
            XCTAssertEqual(conflicts[0].message, "pins A PT-E 2022, which a forbid rules out")
            XCTAssertEqual(conflicts[1].message, "pins C PT-I 2022, but PT-I would complete in 2023, after the horizon 2022")
            XCTAssertEqual(conflicts[2].message, "pins C PT-I 2022, but C will not hold elementary in political_theory by the end of 2021, which PT-I requires (pin the course before it too)")
            XCTAssertEqual(conflicts[3].message, "2 pins start PT-E in 2022, which has 1 seats")
        }
    }

    func testRunningCoursesOverACapConflictWithIt() {
        let running = [OngoingCourse(official: 0, course: 1, startYear: 2022, source: "actuals.csv:2"),
                       OngoingCourse(official: 1, course: 1, startYear: 2022, source: "actuals.csv:3")]
        let locks = Locks(caps: [DistrictCap(district: "D1", year: 2023, maxTrainees: 1, source: "locks.csv:2")])
        let scenario = scenario([official("A", levels: [.politicalTheory: 1]), official("B", levels: [.politicalTheory: 1])],
                                [elementary, intermediate], [target()], base: 2023, horizon: 2024, locks: locks, ongoing: running)
        let conflicts = LockConflicts.find(in: scenario)
        XCTAssertEqual(conflicts.map(\.sources), [["locks.csv:2", "actuals.csv:2", "actuals.csv:3"]])
    }

    // MARK: Keeping a previous plan

    func testPreviousAssignmentsAreKeptWhenNothingIsLost() throws {
        // One seat, either official meets the 50 % target: the tie rules pick A in 2022, the previous plan had B
        // in 2023, and keeping it loses nothing.
        var course = elementary
        course.seats = 1
        let officials = [official("A"), official("B")]
        let base = scenario(officials, [course], [target(deadline: 2023, share: 0.5)], horizon: 2023)
        XCTAssertEqual(starts(try plan(base)), ["A PT-E 2022"])
        let kept = try plan(base, keeping: [CourseStart(official: 1, course: 0, year: 2023)])
        XCTAssertEqual(starts(kept), ["B PT-E 2023"])
        XCTAssertEqual(kept.objective, 0)
    }

    func testPreviousAssignmentIsGivenUpWhenKeepingItCostsAttainment() throws {
        // The previous plan started A in 2023, but the target now counts from 2022: keeping 2023 would leave
        // 2022 short, so the start moves to 2022.
        let base = scenario([official("A")], [elementary], [target(deadline: 2022)], horizon: 2023)
        let result = try plan(base, keeping: [CourseStart(official: 0, course: 0, year: 2023)])
        XCTAssertEqual(starts(result), ["A PT-E 2022"])
        XCTAssertEqual(result.objective, 0)
    }

    // MARK: Against brute force

    func testPlanMatchesExhaustiveSearchWithRandomLocks() throws {
        var planned = 0
        var refused = 0
        for seed in UInt64(1)...80 {
            let scenario = TinyScenarios.randomWithLocks(seed: seed)
            let optimum = ExhaustiveSearch.optimum(scenario)
            let conflicts = LockConflicts.find(in: scenario)
            if !conflicts.isEmpty {
                refused += 1
                XCTAssertThrowsError(try plan(scenario), "seed \(seed)")
                continue
            }
            XCTAssertTrue(optimum.objective.isFinite, "seed \(seed): no conflict was found, so some plan must keep the locks")
            let result = try plan(scenario)
            XCTAssertEqual(result.objective, optimum.objective, accuracy: 1e-9, "seed \(seed): shortfall")
            XCTAssertEqual(result.totalCost, optimum.cost, accuracy: 1, "seed \(seed): spending")
            planned += 1
        }
        XCTAssertGreaterThan(planned, 40, "most random cases must be plannable, or the test proves little")
        XCTAssertGreaterThan(refused, 0, "some random locks must conflict, or conflicts go untested here")
    }
}
