import CadreDomain
import CadreGLPK
import CadreLinearModel
@testable import CadrePlanner
import XCTest
import _CadreTestSupport

/// The exact completion: listing every sequence within reach of its group's best (`SequenceEnumeration`), and
/// branch and cut over them proving the optimum even where the relaxation never prices what the optimum needs.
final class ExactCompletionTests: XCTestCase {
    /// One official, one year, 5 M VND. Course X (IT, 6 M) meets a target of weight 6, course Y (a foreign
    /// language, 4 M) one of weight 3. The relaxation takes 5/6 of X (worth 5 against Y's 3), and once money
    /// is priced at 1 per million no sequence gains, so pricing stops with X and X+Y as columns — neither
    /// affordable whole. The optimum, Y alone (shortfall 6), is a sequence the relaxation never prices.
    static func knapsackOfOne() -> Scenario {
        let courses = [
            Course(id: "X", name: "Tin học", family: .it, grants: 1, requires: nil, years: 1, days: 10,
                   cost: 6_000_000, seats: 5),
            Course(id: "Y", name: "Ngoại ngữ", family: .foreignLanguage, grants: 1, requires: nil, years: 1, days: 10,
                   cost: 4_000_000, seats: 5),
        ]
        let official = Official(id: "A", fullName: "Người A", gender: .female, birthYear: 1985, category: .keyCadre,
                                plannedTitle: "", partyMember: true, levels: Levels())
        let targets = [
            Target(id: "P", deadline: 2022, requirement: Requirement([LevelCondition(family: .it, level: 1)]), share: 1,
                   kind: .required, weight: 6),
            Target(id: "Q", deadline: 2022, requirement: Requirement([LevelCondition(family: .foreignLanguage, level: 1)]),
                   share: 1, kind: .required, weight: 3),
        ]
        return Scenario(name: "knapsack", baseYear: 2022, horizon: 2022, officials: [official], courses: courses,
                        targets: targets, budget: [2022: 5_000_000], carryOver: false, maxTrainingDays: 120)
    }

    /// Nothing listed up front: every column must come from pricing or from the completion.
    private func options(gap: Double) -> PlannerOptions {
        var options = PlannerOptions(timeLimit: 60, relativeGap: gap)
        options.listingLimit = 0
        // These provinces are small enough for the exact searches, which would settle them before the completion.
        options.exactSearchOfficials = 0
        return options
    }

    func testTheKnapsackOptimumNeedsASequenceTheRelaxationNeverPrices() throws {
        let scenario = Self.knapsackOfOne()
        let run = try PlanningRun(scenario: scenario, solver: GLPKSolver(), options: options(gap: 0), progress: nil)
        let root = try run.generateColumns(until: Date().addingTimeInterval(30))
        XCTAssertTrue(root.converged)
        let courseOf = { (sequence: CourseSequence) in
            sequence.starts.map { scenario.courses[run.master.groups[0].profile.candidates[$0.candidate].course].id }
        }
        let priced = Set(run.master.columns.map { courseOf($0.sequence) })
        XCTAssertFalse(priced.contains(["Y"]), "pricing alone never reaches Y: \(priced)")

        let result = try Planner(solver: GLPKSolver(), options: options(gap: 0)).plan(scenario)
        XCTAssertEqual(result.evaluation.violations, [])
        XCTAssertEqual(result.objective, 6)
        XCTAssertEqual(result.plan.starts.map { scenario.courses[$0.course].id }, ["Y"])
        XCTAssertEqual(result.gap, 0, "the completion proves it")
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.stoppedBy, .gap)
        XCTAssertEqual(result.objective, ExhaustiveSearch.optimum(scenario).objective)
    }

    /// Every tiny province, with nothing listed up front, is planned to its brute-force optimum and proved so.
    func testWithNothingListedUpFrontPlanStillProvesTheBruteForceOptimum() throws {
        var checked = 0
        for seed in 0..<30 {
            let scenario = TinyScenarios.random(seed: UInt64(seed))
            let result = try Planner(solver: GLPKSolver(), options: options(gap: 0)).plan(scenario)
            XCTAssertEqual(result.evaluation.violations, [], "seed \(seed)")
            XCTAssertEqual(result.objective, ExhaustiveSearch.optimum(scenario).objective, accuracy: 1e-6, "seed \(seed)")
            XCTAssertEqual(result.gap, 0, "seed \(seed)")
            XCTAssertEqual(result.stoppedBy, .gap, "seed \(seed)")
            checked += 1
        }
        XCTAssertEqual(checked, 30)
    }

    /// The listing against brute force: with no floor it is every sequence, its best is pricing's best, and a
    /// floor keeps exactly the sequences worth that much.
    func testListingAgreesWithEverySequenceAndWithPricing() throws {
        for seed in 0..<20 {
            let scenario = TinyScenarios.random(seed: UInt64(seed))
            let run = try PlanningRun(scenario: scenario, solver: GLPKSolver(), options: options(gap: 0), progress: nil)
            let root = try run.generateColumns(until: Date().addingTimeInterval(30))
            guard root.result.status == .optimal else { continue }
            let prices = run.sequencePrices(duals: root.result.duals)
            for group in run.master.groups {
                let search = SequenceSearch(profile: group.profile, baseYear: scenario.baseYear, yearCount: scenario.years.count,
                                            maxTrainingDays: scenario.maxTrainingDays)
                let everything = try XCTUnwrap(search.all(limit: 100_000)).filter { !$0.isEmpty }
                let listing = SequenceEnumeration(search: search, prices: prices, moneyScale: MasterProblem.moneyScale)
                let all = try XCTUnwrap(listing.sequences(worthAtLeast: -.infinity, limit: 100_000))
                XCTAssertEqual(Set(all.map(\.sequence)), Set(everything), "seed \(seed)")
                XCTAssertEqual(all.count, everything.count, "seed \(seed): each sequence once")
                let best = search.best(prices: prices, moneyScale: MasterProblem.moneyScale)
                XCTAssertEqual(max(0, listing.bestValue), best.value, accuracy: 1e-9, "seed \(seed)")
                let values = all.map(\.value).sorted(by: >)
                guard values.count > 1 else { continue }
                let floor = values[values.count / 2]
                let kept = try XCTUnwrap(listing.sequences(worthAtLeast: floor, limit: 100_000))
                XCTAssertEqual(Set(kept.map(\.sequence)), Set(all.filter { $0.value >= floor - 1e-9 }.map(\.sequence)), "seed \(seed)")
                XCTAssertNil(listing.sequences(worthAtLeast: -.infinity, limit: all.count - 1), "seed \(seed): over the limit")
            }
        }
    }
}
