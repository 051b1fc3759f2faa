import CadreDomain
import CadreGenerator
import CadreGLPK
import CadreLinearModel
@testable import CadrePlanner
import XCTest
import _CadreTestSupport

/// What-if variants started from an earlier run (`WarmStart`): judged by the referee, against cold runs of the
/// same variant, and along a sweep of growing budgets.
final class WarmStartTests: XCTestCase {
    private let province = ProvinceGenerator(officials: 400, seed: 11).generate().scenario

    private func plan(_ scenario: Scenario, gap: Double, from warm: WarmStart? = nil) throws -> PlanningResult {
        try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 120, relativeGap: gap)).plan(scenario, warmStart: warm)
    }

    private func scaled(_ scenario: Scenario, budget factor: Double = 1, seats seatFactor: Double = 1) -> Scenario {
        var variant = scenario
        variant.budget = Dictionary(uniqueKeysWithValues: scenario.years.map { ($0, (scenario.budget(in: $0) * factor).rounded()) })
        for c in variant.courses.indices { variant.courses[c].seats = Int((Double(scenario.courses[c].seats) * seatFactor).rounded(.down)) }
        return variant
    }

    /// Each variant planned warm and cold to a 5 % gap (which the heuristics reach without branch and cut, so the
    /// test is quick in a debug build): both plans obey every rule of the variant, and since each proves its own
    /// plan within 5 % of the optimum, neither may be more than that above the other.
    func testWarmVariantsObeyEveryRuleAndMatchColdOnesWithinTheGap() throws {
        let gap = 0.05
        let earlier = try plan(province, gap: gap)
        let handover = try XCTUnwrap(earlier.handover)
        for variant in [scaled(province, budget: 0.7), scaled(province, budget: 1.3), scaled(province, seats: 0.5)] {
            for warm in [handover, WarmStart(plan: earlier.plan)] {
                let warmResult = try plan(variant, gap: gap, from: warm)
                let cold = try plan(variant, gap: gap)
                XCTAssertEqual(PlanEvaluation(scenario: variant, plan: warmResult.plan).violations, [])
                XCTAssertEqual(warmResult.status, .optimal)
                XCTAssertEqual(cold.status, .optimal)
                XCTAssertLessThanOrEqual(warmResult.objective * (1 - gap), cold.objective + 1e-6)
                XCTAssertLessThanOrEqual(cold.objective * (1 - gap), warmResult.objective + 1e-6)
            }
        }
    }

    /// Climbing the budget from the plan below, the weighted shortfall never rises — even at a gap so loose that
    /// the search stops at its first plan within 30 %, where a cold run of each factor could land anywhere in it.
    func testMoreMoneyStartedFromThePlanBelowNeverRaisesTheShortfall() throws {
        var warm: WarmStart?
        var previous = Double.infinity
        for factor in [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1] {
            let result = try plan(scaled(province, budget: factor), gap: 0.3, from: warm)
            XCTAssertLessThanOrEqual(result.objective, previous, "× \(factor)")
            XCTAssertEqual(result.evaluation.violations, [])
            previous = result.objective
            warm = result.handover
        }
    }

    /// The earlier plan is the first incumbent: with money to spare for it, a warm run never ends above it, even
    /// when stopped before it has searched at all.
    func testAStoppedWarmRunStillReturnsNoWorseThanTheEarlierPlan() throws {
        let earlier = try plan(scaled(province, budget: 0.8), gap: 0.05)
        let stop = StopRequest()
        stop.request()
        let stopped = try Planner(solver: GLPKSolver(), options: PlannerOptions(timeLimit: 120, relativeGap: 0, stop: stop))
            .plan(province, warmStart: earlier.handover)
        XCTAssertLessThanOrEqual(stopped.objective, earlier.objective)
        XCTAssertEqual(stopped.evaluation.violations, [])
    }

    /// Every sequence the listing makes reads back from its courses and years as itself; starts the course rules
    /// forbid read as nothing.
    func testSequencesReadBackFromCoursesAndYearsOnlyWhenTheRulesAllowThem() throws {
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(), progress: nil)
        var checked = 0
        for group in run.master.groups.prefix(60) {
            let search = SequenceSearch(profile: group.profile, baseYear: province.baseYear, yearCount: province.years.count,
                                        maxTrainingDays: province.maxTrainingDays)
            guard let all = search.all(limit: 2_000) else { continue }
            for sequence in all {
                let starts = sequence.starts.map { CourseYear(course: group.profile.candidates[$0.candidate].course, year: $0.year) }
                XCTAssertEqual(search.sequence(of: starts), sequence)
                checked += 1
                guard let first = starts.first else { continue }
                // The same course again the next year: a level gained cannot be gained twice.
                XCTAssertNil(search.sequence(of: starts + [CourseYear(course: first.course, year: first.year + 1)]))
                // A course no target asks of this official is no candidate.
                let useless = province.courses.indices.first { c in !group.profile.candidates.contains { $0.course == c } }
                if let useless { XCTAssertNil(search.sequence(of: starts + [CourseYear(course: useless, year: province.baseYear)])) }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// A warm start from other officials maps nothing it should not: officials are matched by index, so a
    /// shuffled earlier plan still gives a plan that obeys every rule.
    func testAPlanOfOtherOfficialsStillGivesAPlanThatObeysEveryRule() throws {
        let earlier = try plan(province, gap: 0.05)
        var rng = SeededRandom(seed: 5)
        let count = province.officials.count
        let shuffled = Plan(starts: earlier.plan.starts.map {
            CourseStart(official: Int(rng.next() % UInt64(count)), course: $0.course, year: $0.year)
        })
        let result = try plan(scaled(province, budget: 0.9), gap: 0.05, from: WarmStart(plan: shuffled))
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(PlanEvaluation(scenario: scaled(province, budget: 0.9), plan: result.plan).violations, [])
    }
}

/// The pricing's own state table against Swift's dictionary.
final class StateIndexTests: XCTestCase {
    func testItFindsWhatADictionaryFindsThroughEveryGrowth() {
        var rng = SeededRandom(seed: 9)
        var index = StateIndex(expected: 1)
        var reference: [String: Int] = [:]
        for position in 0..<20_000 {
            var states = SlotStates()
            let slot = Int(rng.next() % 8)
            states.set(slot, level: Int(rng.next() % 4), running: Int(rng.next() % 3) - 1, completes: Int(rng.next() % 3))
            states.set((slot + 3) % 8, level: Int(rng.next() % 3))
            let days = Int(rng.next() % 4) * 30
            let key = "\(states.packed.0)-\(states.packed.1)-\(days)"
            let found = index.position(of: states, days: days, orInsert: position)
            XCTAssertEqual(found, reference[key])
            if reference[key] == nil { reference[key] = position }
        }
        XCTAssertLessThan(reference.count, 20_000, "keys must repeat for the lookups to be tested")
    }

    /// A search empties one table year by year: a reset forgets every state, whether it keeps the table's storage
    /// (a smaller expectation) or takes larger storage, and the table agrees with a dictionary after it.
    func testAResetForgetsEveryStateWhetherItKeepsItsStorageOrNot() {
        var rng = SeededRandom(seed: 7)
        var index = StateIndex(expected: 4)
        for expected in [3_000, 1, 4] {
            index.reset(expected: expected)
            var reference: [String: Int] = [:]
            for position in 0..<2_000 {
                var states = SlotStates()
                for slot in 0..<3 { states.set(slot, level: Int(rng.next() % 4), running: Int(rng.next() % 3) - 1, completes: 1) }
                let days = Int(rng.next() % 3) * 10
                let key = "\(states.packed.0)-\(states.packed.1)-\(days)"
                XCTAssertEqual(index.position(of: states, days: days, orInsert: position), reference[key], "expected \(expected)")
                if reference[key] == nil { reference[key] = position }
            }
            XCTAssertGreaterThan(reference.count, 100, "enough states for the table to grow after the reset")
        }
    }
}
