import CadreGLPK
import CadreLinearModel
import Foundation
import XCTest
import _CadreTestSupport
@testable import CadreHiGHS

final class HiGHSSessionTests: XCTestCase {
    private func open(_ model: LinearModel) throws -> any SolverSession { try HiGHSSolver().open(model) }

    func testNameCarriesTheBuiltVersion() {
        XCTAssertEqual(HiGHSSolver().name, "HiGHS 1.14.0")
    }

    func testRelaxationOptimumAndDualSignsFollowTheContract() throws {
        let model = ModelFixtures.smallLP()
        let result = try open(model).solveRelaxation(options: SolveOptions())
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 9, accuracy: 1e-9)
        XCTAssertEqual(result.values, [3, 1, 0])
        // Worked out in ModelFixtures.smallLP: the ≥ row's dual 3, the ≤ row's −1.
        XCTAssertEqual(result.duals[0], 3, accuracy: 1e-9)
        XCTAssertEqual(result.duals[1], -1, accuracy: 1e-9)
    }

    func testAddedColumnsBoundsAndCostsChangeTheOptimumAndTheCurrentModel() throws {
        let session = try open(ModelFixtures.smallLP())
        // w costs 2.5 < 3, so it replaces y: 6 + 2.5.
        try session.addVariables([Variable(name: "w", cost: 2.5, entries: [Entry(row: 0, coefficient: 1)])])
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, 8.5, accuracy: 1e-9)
        // x capped at 1 by its bound: x = 1, w = 3.
        try session.setVariableBounds(0, lower: 0, upper: 1)
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, 2 + 7.5, accuracy: 1e-9)
        // Cover 2 instead of 4, and z free of cost: z takes it all.
        try session.setRowBounds(0, lower: 2, upper: .infinity)
        try session.setCosts([2, 3, 0, 2.5])
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, 0, accuracy: 1e-9)
        let model = session.currentModel
        XCTAssertEqual(model.variables.map(\.name), ["x", "y", "z", "w"])
        XCTAssertEqual(model.variables[0].upper, 1)
        XCTAssertEqual(model.rows[0].lower, 2)
        XCTAssertEqual(model.variables.map(\.cost), [2, 3, 0, 2.5])
    }

    func testKnapsackIntegerOptimumDiffersFromItsRelaxation() throws {
        let session = try open(ModelFixtures.knapsack())
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, -22, accuracy: 1e-9)
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.bound, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
        // With a fixed: a + b is the best that holds it.
        let fixed = try open(ModelFixtures.knapsack(fixA: true)).solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        XCTAssertEqual(fixed.objective, -19, accuracy: 1e-9)
    }

    func testInfeasibleAndUnboundedAreStatuses() throws {
        var infeasible = LinearModel(name: "infeasible")
        infeasible.addRow(.atLeast(5, name: "need"))
        infeasible.addVariable(Variable(name: "x", kind: .integer, upper: 2, cost: 1, entries: [Entry(row: 0, coefficient: 1)]))
        XCTAssertEqual(try open(infeasible).solveInteger(options: SolveOptions(), start: nil, progress: nil).status, .infeasible)
        XCTAssertEqual(try open(infeasible).solveRelaxation(options: SolveOptions()).status, .infeasible)
        var unbounded = LinearModel(name: "unbounded")
        unbounded.addRow(.atLeast(1, name: "need"))
        unbounded.addVariable(Variable(name: "x", cost: -1, entries: [Entry(row: 0, coefficient: 1)]))
        XCTAssertEqual(try open(unbounded).solveRelaxation(options: SolveOptions()).status, .unbounded)
    }

    /// Small integer programs with "at most" and "at least" rows, checked against every point of the box and against
    /// GLPK.
    func testIntegerOptimaMatchEnumerationAndGLPK() throws {
        for seed in UInt64(1)...12 {
            var random = SeededGenerator(seed: seed)
            var model = LinearModel(name: "random \(seed)")
            let variables = 6
            var coefficients: [[Double]] = []
            for row in 0..<4 {
                coefficients.append((0..<variables).map { _ in Double(random.next(in: 0...9)) })
                let total = coefficients[row].reduce(0, +)
                model.addRow(row < 3 ? .atMost((total * 1.2).rounded(.down), name: "cap\(row)") : .atLeast((total * 0.8).rounded(.up), name: "need"))
            }
            for index in 0..<variables {
                let cost = Double(random.next(in: 0...20)) - 15
                model.addVariable(Variable(name: "v\(index)", kind: .integer, upper: 3, cost: cost,
                                           entries: (0..<4).map { Entry(row: $0, coefficient: coefficients[$0][index]) }))
            }
            var best = Double.infinity
            for code in 0..<(1 << (2 * variables)) {
                let point = (0..<variables).map { Double((code >> (2 * $0)) & 3) }
                if ModelFixtures.isFeasible(model, point) { best = min(best, ModelFixtures.objective(model, point)) }
            }
            let highs = try open(model).solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
            let glpk = try GLPKSolver().open(model).solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
            guard best.isFinite else {
                XCTAssertEqual(highs.status, .infeasible, "seed \(seed)")
                continue
            }
            XCTAssertEqual(highs.status, .optimal, "seed \(seed)")
            XCTAssertEqual(highs.objective, best, accuracy: 1e-9, "seed \(seed)")
            XCTAssertEqual(glpk.objective, best, accuracy: 1e-9, "seed \(seed)")
            XCTAssertTrue(ModelFixtures.isFeasible(model, highs.values), "seed \(seed)")
        }
    }

    func testAGoodEnoughPlanEndsTheSearchAsReached() throws {
        let hard = ModelFixtures.hardKnapsack()
        let greedy = ModelFixtures.greedyStart(hard.model, weights: hard.weights, capacities: hard.capacities)
        let goodEnough = ModelFixtures.objective(hard.model, greedy)
        let began = Date()
        let result = try open(hard.model).solveInteger(options: SolveOptions(deadline: began.addingTimeInterval(60), relativeGap: 0,
                                                                             goodEnough: goodEnough),
                                                       start: nil, progress: nil)
        XCTAssertLessThan(Date().timeIntervalSince(began), 30, "the deadline was a minute away")
        XCTAssertEqual(result.status, .feasible, "ended before its gap was proven")
        XCTAssertLessThanOrEqual(result.objective, goodEnough + 1e-9)
        XCTAssertTrue(ModelFixtures.isFeasible(hard.model, result.values))
    }

    func testDeadlineAndStopRequestEndTheSearch() throws {
        let hard = ModelFixtures.hardKnapsack()
        var began = Date()
        let timed = try open(hard.model).solveInteger(options: SolveOptions(deadline: began.addingTimeInterval(1), relativeGap: 0),
                                                      start: nil, progress: nil)
        XCTAssertLessThan(Date().timeIntervalSince(began), 3)
        XCTAssertTrue([.feasible, .noSolution].contains(timed.status), "\(timed.status)")
        if timed.status == .feasible {
            XCTAssertTrue(ModelFixtures.isFeasible(hard.model, timed.values))
            XCTAssertLessThanOrEqual(timed.bound, timed.objective + 1e-9)
        }
        let stop = StopRequest()
        stop.request()
        began = Date()
        let stopped = try open(hard.model).solveInteger(options: SolveOptions(deadline: began.addingTimeInterval(60), relativeGap: 0, stop: stop),
                                                        start: nil, progress: nil)
        XCTAssertLessThan(Date().timeIntervalSince(began), 10, "the deadline was a minute away")
        XCTAssertTrue([.feasible, .noSolution].contains(stopped.status), "\(stopped.status)")
    }

    /// Each new incumbent is reported at once with its values, in the model's columns: each obeys every row, its
    /// objective is the one reported, each is better than the one before, and the last is what the search returns.
    func testEachNewIncumbentIsReportedWithItsValues() throws {
        let hard = ModelFixtures.hardKnapsack()
        var incumbents: [(objective: Double, values: [Double])] = []
        let result = try open(hard.model).solveInteger(options: SolveOptions(deadline: Date().addingTimeInterval(2), relativeGap: 0),
                                                       start: nil) { report in
            if let values = report.values, let objective = report.incumbent { incumbents.append((objective, values)) }
        }
        XCTAssertFalse(incumbents.isEmpty)
        for (objective, values) in incumbents {
            XCTAssertEqual(values.count, hard.model.variables.count)
            XCTAssertTrue(ModelFixtures.isFeasible(hard.model, values))
            XCTAssertEqual(ModelFixtures.objective(hard.model, values), objective, accuracy: 1e-6)
        }
        XCTAssertEqual(zip(incumbents, incumbents.dropFirst()).filter { $1.objective >= $0.objective }.count, 0, "each better")
        XCTAssertTrue([.feasible, .optimal].contains(result.status), "\(result.status)")
        XCTAssertEqual(incumbents.last?.objective ?? .nan, result.objective, accuracy: 1e-6)
    }

    func testAStartIsKeptOrBettered() throws {
        let hard = ModelFixtures.hardKnapsack()
        let greedy = ModelFixtures.greedyStart(hard.model, weights: hard.weights, capacities: hard.capacities)
        let stop = StopRequest()
        stop.request()
        let result = try open(hard.model).solveInteger(options: SolveOptions(relativeGap: 0, stop: stop), start: greedy, progress: nil)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertLessThanOrEqual(result.objective, ModelFixtures.objective(hard.model, greedy) + 1e-9)
        XCTAssertThrowsError(try open(hard.model).solveInteger(options: SolveOptions(), start: [1], progress: nil))
    }

    func testInvalidInputThrowsBeforeHiGHSSeesIt() throws {
        var bad = ModelFixtures.smallLP()
        bad.addRow(Row(name: "backwards", lower: 2, upper: 1))
        XCTAssertThrowsError(try open(bad))
        let session = try open(ModelFixtures.smallLP())
        XCTAssertThrowsError(try session.setVariableBounds(7, lower: 0, upper: 1))
        XCTAssertThrowsError(try session.setRowBounds(0, lower: 3, upper: 1))
        XCTAssertThrowsError(try session.setCosts([1]))
        XCTAssertThrowsError(try session.addVariables([Variable(name: "x", entries: [Entry(row: 0, coefficient: 1)])]), "x is taken")
        XCTAssertThrowsError(try session.addVariables([Variable(name: "w"), Variable(name: "w")]))
        XCTAssertThrowsError(try session.solveInteger(options: SolveOptions(relativeGap: -1), start: nil, progress: nil))
        // Still usable after the refusals.
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, 9, accuracy: 1e-9)
    }

    /// Searches on two threads run at once: one stopped while another thread's runs does not wait for it, but ends at
    /// once (the planner ends its finder's searches while others run beside the tree, and `sweep`'s lanes each have theirs).
    func testAStoppedSearchDoesNotWaitForAnotherThreadsSearch() throws {
        let hard = ModelFixtures.hardKnapsack()
        let running = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = try? HiGHSSolver().open(hard.model).solveInteger(options: SolveOptions(deadline: Date().addingTimeInterval(4), relativeGap: 0),
                                                                 start: nil) { _ in running.signal() }
            done.signal()
        }.start()
        XCTAssertEqual(running.wait(timeout: .now() + 10), .success, "the other search reports while it runs")
        let stop = StopRequest()
        stop.request()
        let began = Date()
        let stopped = try open(ModelFixtures.knapsack()).solveInteger(options: SolveOptions(relativeGap: 0, stop: stop), start: nil, progress: nil)
        XCTAssertLessThan(Date().timeIntervalSince(began), 2, "the other search had seconds left")
        if !stopped.values.isEmpty { XCTAssertTrue(ModelFixtures.isFeasible(ModelFixtures.knapsack(), stopped.values)) }
        done.wait()
        let afterwards = try open(ModelFixtures.knapsack()).solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        XCTAssertEqual(afterwards.objective, -21, accuracy: 1e-9, "HiGHS is free again")
    }

    /// `sweep` and `compare` plan on two threads, each with its own sessions: both threads' searches come out right.
    func testSessionsOnTwoThreadsEachSolveTheirOwn() throws {
        let group = DispatchGroup()
        let lock = NSLock()
        nonisolated(unsafe) var objectives: [[Double]] = [[], []]
        for thread in 0..<2 {
            group.enter()
            Thread {
                for _ in 0..<20 {
                    let result = try? HiGHSSolver().open(ModelFixtures.knapsack(fixA: thread == 1))
                        .solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
                    lock.withLock { objectives[thread].append(result?.objective ?? .nan) }
                }
                group.leave()
            }.start()
        }
        group.wait()
        XCTAssertEqual(objectives[0], Array(repeating: -21, count: 20))
        XCTAssertEqual(objectives[1], Array(repeating: -19, count: 20))
    }

    func testUseFromAnotherThreadThrows() throws {
        nonisolated(unsafe) let session = try open(ModelFixtures.smallLP())
        nonisolated(unsafe) var refusal: Error?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try session.solveRelaxation(options: SolveOptions()) } catch { refusal = error }
            done.signal()
        }
        thread.start()
        done.wait()
        XCTAssertEqual(refusal as? SessionMisuse, .wrongThread)
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).status, .optimal)
    }
}
