import CadreLinearModel
import Foundation
import XCTest
import _CadreTestSupport
@testable import CadreGLPK

final class GLPKSessionTests: XCTestCase {
    private func open(_ model: LinearModel) throws -> GLPKSession {
        let session = try GLPKSolver().open(model)
        return try XCTUnwrap(session as? GLPKSession)
    }

    func testNameCarriesLibraryVersion() {
        XCTAssertEqual(GLPKSolver().name, "GLPK 5.0")
    }

    // MARK: - Linear programs

    func testRelaxationOptimumAndDualSigns() throws {
        let model = ModelFixtures.smallLP()
        let result = try open(model).solveRelaxation(options: SolveOptions())
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 9, accuracy: 1e-9)
        XCTAssertEqual(result.values[0], 3, accuracy: 1e-9)
        XCTAssertEqual(result.values[1], 1, accuracy: 1e-9)
        XCTAssertEqual(result.values[2], 0, accuracy: 1e-9)
        // The ≥ row's dual is non-negative, the ≤ row's non-positive.
        XCTAssertEqual(result.duals[0], 3, accuracy: 1e-9)
        XCTAssertEqual(result.duals[1], -1, accuracy: 1e-9)
        // Reduced cost c_j − Σ dual·a_ij: zero for the basic x and y, 2 for z at its lower bound.
        let reduced = model.variables.map { variable in
            variable.cost - variable.entries.reduce(0) { $0 + result.duals[$1.row] * $1.coefficient }
        }
        XCTAssertEqual(reduced[0], 0, accuracy: 1e-9)
        XCTAssertEqual(reduced[1], 0, accuracy: 1e-9)
        XCTAssertEqual(reduced[2], 2, accuracy: 1e-9)
    }

    func testEqualityRowIsFixedAndItsDualIsFree() throws {
        // min x  s.t.  x + y = 3, 0 ≤ y ≤ 1: x = 2; x basic gives 1 = π; y at its upper bound has d = −1.
        var model = LinearModel(name: "equality")
        model.addRow(.equal(3, name: "sum"))
        model.addVariable(Variable(name: "x", cost: 1, entries: [Entry(row: 0, coefficient: 1)]))
        model.addVariable(Variable(name: "y", upper: 1, entries: [Entry(row: 0, coefficient: 1)]))
        let result = try open(model).solveRelaxation(options: SolveOptions())
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.values, [2, 1])
        XCTAssertEqual(result.duals[0], 1, accuracy: 1e-9)
    }

    func testAddingAColumnAfterASolveWarmStartsToTheNewOptimum() throws {
        let session = try open(ModelFixtures.smallLP())
        _ = try session.solveRelaxation(options: SolveOptions())
        let iterationsBefore = session.simplexIterations
        // w costs 2.5 < π_cover = 3, so it prices out (reduced cost −0.5) and replaces y:
        // x = 3, w = 1, objective 6 + 2.5 = 8.5; then π_cover = 2.5 and π_capX = 2 − 2.5.
        try session.addVariables([Variable(name: "w", cost: 2.5, entries: [Entry(row: 0, coefficient: 1)])])
        let result = try session.solveRelaxation(options: SolveOptions())
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 8.5, accuracy: 1e-9)
        XCTAssertEqual(result.values.count, 4)
        XCTAssertEqual(result.values[1], 0, accuracy: 1e-9)
        XCTAssertEqual(result.values[3], 1, accuracy: 1e-9)
        XCTAssertEqual(result.duals[0], 2.5, accuracy: 1e-9)
        XCTAssertEqual(result.duals[1], -0.5, accuracy: 1e-9)
        // From the old basis one pivot suffices; a cold start would need more.
        XCTAssertLessThanOrEqual(session.simplexIterations - iterationsBefore, 2)
    }

    func testChangingRowBoundsAndCostsMovesTheOptimum() throws {
        let session = try open(ModelFixtures.smallLP())
        _ = try session.solveRelaxation(options: SolveOptions())
        // capX ≤ 1: x = 1, y = 3, objective 2 + 9 = 11.
        try session.setRowBounds(1, lower: -.infinity, upper: 1)
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, 11, accuracy: 1e-9)
        // z now cheapest at 1: z = 4, objective 4.
        try session.setCosts([2, 3, 1])
        let result = try session.solveRelaxation(options: SolveOptions())
        XCTAssertEqual(result.objective, 4, accuracy: 1e-9)
        XCTAssertEqual(result.values[2], 4, accuracy: 1e-9)
    }

    func testInfeasibleAndUnboundedAreStatusesNotCrashes() throws {
        // x + y ≥ 5 with x, y ≤ 1.
        var infeasible = LinearModel(name: "infeasible")
        infeasible.addRow(.atLeast(5, name: "need"))
        for name in ["x", "y"] {
            infeasible.addVariable(Variable(name: name, kind: .integer, upper: 1, cost: 1, entries: [Entry(row: 0, coefficient: 1)]))
        }
        let session = try open(infeasible)
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).status, .infeasible)
        let integer = try session.solveInteger(options: SolveOptions(), start: nil, progress: nil)
        XCTAssertEqual(integer.status, .infeasible)
        XCTAssertTrue(integer.values.isEmpty)

        var unbounded = LinearModel(name: "unbounded")
        unbounded.addVariable(Variable(name: "x", cost: -1))
        XCTAssertEqual(try open(unbounded).solveRelaxation(options: SolveOptions()).status, .unbounded)
    }

    func testIntegerInfeasibleButRelaxationFeasible() throws {
        // 2x = 1 has the LP solution x = 0.5 and no integer one.
        var model = LinearModel(name: "odd")
        model.addRow(.equal(1, name: "half"))
        model.addVariable(Variable(name: "x", kind: .integer, cost: 1, entries: [Entry(row: 0, coefficient: 2)]))
        let session = try open(model)
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, 0.5, accuracy: 1e-9)
        let result = try session.solveInteger(options: SolveOptions(), start: nil, progress: nil)
        XCTAssertEqual(result.status, .infeasible)
    }

    /// Presolve that leaves no column, with every cut family asked for: GLPK 5.0's cover-cut generator would abort
    /// the process here (glp_add_cols with none), so the backend leaves cover cuts out under presolve. The model is a
    /// window of a tiny province, where the first year's budget is spent already and presolve settles the rest.
    func testPresolveThatLeavesNoColumnWithEveryCutFamilyStillSolves() throws {
        var model = LinearModel(name: "presolved away")
        let cover2023 = model.addRow(.atLeast(1, name: "cover_2023"))
        let cover2024 = model.addRow(.atLeast(1, name: "cover_2024"))
        let budget = [0.0, 2, 2].enumerated().map { model.addRow(.atMost($0.element, name: "budget_\(2022 + $0.offset)")) }
        let seats = model.addRow(.atMost(1, name: "seats_2023"))
        let primary = model.addRow(.atMost(1.000001, name: "primary"))
        let group = [model.addRow(.atMost(1, name: "group_0")), model.addRow(.atMost(1, name: "group_1"))]
        for cover in [cover2023, cover2024] {
            model.addVariable(Variable(name: "short_\(cover)", kind: .integer, cost: 1,
                                       entries: [Entry(row: primary, coefficient: 1), Entry(row: cover, coefficient: 1)]))
        }
        model.addVariable(Variable(name: "early", kind: .integer, entries: [
            Entry(row: group[0], coefficient: 1), Entry(row: budget[0], coefficient: 2), Entry(row: budget[1], coefficient: 2),
            Entry(row: cover2023, coefficient: 1), Entry(row: cover2024, coefficient: 1)]))
        model.addVariable(Variable(name: "late", kind: .integer, entries: [
            Entry(row: group[0], coefficient: 1), Entry(row: seats, coefficient: 1), Entry(row: budget[1], coefficient: 2),
            Entry(row: budget[2], coefficient: 2), Entry(row: cover2024, coefficient: 1)]))
        model.addVariable(Variable(name: "other", kind: .integer, entries: [
            Entry(row: group[1], coefficient: 1), Entry(row: seats, coefficient: 1), Entry(row: budget[0], coefficient: 4),
            Entry(row: budget[1], coefficient: 2), Entry(row: cover2024, coefficient: 1)]))
        let session = try open(model)
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0, presolve: true, cuts: .all), start: nil, progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 1, accuracy: 1e-9, "the late start covers 2024; 2023 stays short")
        XCTAssertEqual(result.values, [1, 0, 0, 1, 0])
    }

    func testVerboseSolveStillSolves() throws {
        // Exercises the terminal hook; GLPK's log goes to standard error.
        let result = try open(ModelFixtures.smallLP()).solveRelaxation(options: SolveOptions(verbose: true))
        XCTAssertEqual(result.objective, 9, accuracy: 1e-9)
    }

    // MARK: - Integer programs

    func testKnapsackIntegerOptimumDiffersFromRelaxation() throws {
        let session = try open(ModelFixtures.knapsack())
        let relaxation = try session.solveRelaxation(options: SolveOptions())
        XCTAssertEqual(relaxation.objective, -22, accuracy: 1e-9)
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.bound, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
    }

    func testBranchAndCutAgainAfterAddingAColumn() throws {
        let session = try open(ModelFixtures.knapsack())
        XCTAssertEqual(try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil).objective, -21, accuracy: 1e-9)
        // The relaxation is solved again from whatever basis branch and cut left behind.
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).objective, -22, accuracy: 1e-9)
        // Item e (value 5, weight 1) makes a + b + e (weight 13, value 24) the unique best choice.
        try session.addVariables([Variable(name: "e", kind: .binary, cost: -5, entries: [Entry(row: 0, coefficient: 1)])])
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.values, [1, 1, 0, 0, 1])
    }

    func testRelaxationPastItsDeadlineHasNoSolution() throws {
        let result = try open(ModelFixtures.smallLP()).solveRelaxation(options: SolveOptions(deadline: Date()))
        XCTAssertEqual(result.status, .noSolution)
        XCTAssertTrue(result.values.isEmpty)
    }

    func testBinaryFixedAtOneStaysFixed() throws {
        // With a = 1 only 9 units of weight remain: b (19 in all) beats c + d (18).
        let result = try open(ModelFixtures.knapsack(fixA: true)).solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.values, [1, 1, 0, 0])
    }

    func testPresolveFindsTheSameOptimum() throws {
        let result = try open(ModelFixtures.knapsack()).solveInteger(options: SolveOptions(relativeGap: 0, presolve: true),
                                                                start: [0, 1, 1, 1], progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
    }

    /// The options the planner's relaxation neighbourhoods use: pseudo-cost branching and Gomory's cuts after
    /// presolve prove the hand-checked knapsack optimum as the defaults do.
    func testPseudoCostBranchingWithGomoryCutsFindsTheSameOptimum() throws {
        let result = try open(ModelFixtures.knapsack()).solveInteger(
            options: SolveOptions(relativeGap: 0, presolve: true, cuts: .gomoryMixedInteger, branching: .pseudoCost),
            start: nil, progress: nil)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
    }

    /// A node budget ends a search the deadline would not, at the same point on every run: the same plan twice, and
    /// a larger budget continues the same search, so its plan is never worse.
    func testNodeLimitEndsTheSearchTheSameWayEveryTime() throws {
        let hard = ModelFixtures.hardKnapsack()
        func search(nodes: Int) throws -> (result: IntegerResult, seconds: Double) {
            let began = Date()
            let result = try open(hard.model).solveInteger(
                options: SolveOptions(deadline: began.addingTimeInterval(60), relativeGap: 0, nodeLimit: nodes), start: nil, progress: nil)
            return (result, Date().timeIntervalSince(began))
        }
        let few = try search(nodes: 200)
        XCTAssertLessThan(few.seconds, 30, "ended by its nodes, long before the deadline")
        XCTAssertEqual(few.result.status, .feasible, "a plan, not proven optimal, in 200 nodes")
        XCTAssertTrue(ModelFixtures.isFeasible(hard.model, few.result.values))
        XCTAssertEqual(try search(nodes: 200).result.values, few.result.values)
        let more = try search(nodes: 2_000)
        XCTAssertLessThanOrEqual(more.result.objective, few.result.objective + 1e-9)
        XCTAssertTrue(ModelFixtures.isFeasible(hard.model, more.result.values))
    }

    func testOptimalStartIsAcceptedAndReturned() throws {
        let session = try open(ModelFixtures.knapsack())
        // The root LP is fractional, so GLPK asks for a heuristic solution and takes ours.
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: [0, 1, 1, 1], progress: nil)
        XCTAssertTrue(session.lastStartAccepted)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
    }

    func testNodeHeuristicIsAskedAndItsPlanKept() throws {
        let session = try open(ModelFixtures.knapsack())
        var asked = 0
        // The root relaxation is fractional (b, c and part of a), so GLPK asks before branching.
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil, heuristic: { relaxation in
            asked += 1
            XCTAssertEqual(relaxation.count, 4)
            return [0, 1, 1, 1]
        }, progress: nil)
        XCTAssertGreaterThan(asked, 0)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
    }

    func testNodeHeuristicsInfeasiblePlanIsRefused() throws {
        let session = try open(ModelFixtures.knapsack())
        // Every item weighs 19 > 14 and is worth 29: taken as the incumbent it would beat the true optimum.
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil,
                                              heuristic: { _ in [1, 1, 1, 1] }, progress: nil)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
    }

    func testInfeasibleStartIsSkipped() throws {
        let session = try open(ModelFixtures.knapsack())
        // Taking every item weighs 19 > 14: handed to GLPK it would have become the "optimum".
        let result = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: [1, 1, 1, 1], progress: nil)
        XCTAssertFalse(session.lastStartAccepted)
        XCTAssertEqual(result.objective, -21, accuracy: 1e-9)
        XCTAssertEqual(result.values, [0, 1, 1, 1])
    }

    func testStartComesBackWhenTheDeadlineHasPassed() throws {
        let hard = ModelFixtures.hardKnapsack()
        let start = ModelFixtures.greedyStart(hard.model, weights: hard.weights, capacities: hard.capacities)
        XCTAssertTrue(ModelFixtures.isFeasible(hard.model, start))
        let session = try open(hard.model)
        let relaxation = try session.solveRelaxation(options: SolveOptions())
        let result = try session.solveInteger(options: SolveOptions(deadline: Date(), relativeGap: 0), start: start, progress: nil)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertEqual(result.values, start)
        XCTAssertEqual(result.objective, ModelFixtures.objective(hard.model, start), accuracy: 1e-9)
        // The relaxation solved before is still a valid bound.
        XCTAssertEqual(result.bound, relaxation.objective, accuracy: 1e-6)
    }

    func testStartIsUsedUnderATinyDeadline() throws {
        let hard = ModelFixtures.hardKnapsack()
        let start = ModelFixtures.greedyStart(hard.model, weights: hard.weights, capacities: hard.capacities)
        let startObjective = ModelFixtures.objective(hard.model, start)
        let session = try open(hard.model)
        let result = try session.solveInteger(options: SolveOptions(deadline: Date(timeIntervalSinceNow: 0.3), relativeGap: 0),
                                              start: start, progress: nil)
        XCTAssertTrue(session.lastStartAccepted)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertLessThanOrEqual(result.objective, startObjective + 1e-9)
        XCTAssertTrue(ModelFixtures.isFeasible(hard.model, result.values))
        XCTAssertLessThanOrEqual(result.bound, result.objective)
        XCTAssertGreaterThan(result.bound, -.infinity)
    }

    func testWholeRunDeadlineOnAHardProblem() throws {
        let hard = ModelFixtures.hardKnapsack()
        let session = try open(hard.model)
        var reports: [SearchProgress] = []
        let began = Date()
        let result = try session.solveInteger(options: SolveOptions(deadline: began.addingTimeInterval(1), relativeGap: 0),
                                              start: nil, progress: { reports.append($0) })
        let elapsed = Date().timeIntervalSince(began)
        XCTAssertLessThan(elapsed, 2)
        XCTAssertTrue([.feasible, .noSolution].contains(result.status), "\(result.status)")
        if result.status == .feasible {
            XCTAssertTrue(ModelFixtures.isFeasible(hard.model, result.values))
            XCTAssertEqual(result.objective, ModelFixtures.objective(hard.model, result.values), accuracy: 1e-6)
            XCTAssertLessThan(result.bound, result.objective)
        }
        // At most five reports a second, each with the bound below the incumbent.
        XCTAssertFalse(reports.isEmpty)
        XCTAssertLessThanOrEqual(reports.count, 7)
        for report in reports {
            if let incumbent = report.incumbent, let bound = report.bound { XCTAssertLessThanOrEqual(bound, incumbent + 1e-9) }
        }
    }

    /// A stop asked during branch and cut (here from its own progress report, so the moment is certain) ends the
    /// search at the next callback, long before its deadline, with a feasible solution or none.
    func testStopRequestEndsBranchAndCutBeforeItsDeadline() throws {
        let hard = ModelFixtures.hardKnapsack()
        let session = try open(hard.model)
        let stop = StopRequest()
        let began = Date()
        let result = try session.solveInteger(options: SolveOptions(deadline: began.addingTimeInterval(60), relativeGap: 0, stop: stop),
                                              start: nil, progress: { _ in stop.request() })
        XCTAssertLessThan(Date().timeIntervalSince(began), 10, "the deadline was a minute away")
        XCTAssertTrue([.feasible, .noSolution].contains(result.status), "\(result.status)")
        if result.status == .feasible { XCTAssertTrue(ModelFixtures.isFeasible(hard.model, result.values)) }
    }

    /// Asked before the search, a stop returns the caller's start untouched.
    func testStopRequestedBeforeTheSearchReturnsTheStart() throws {
        let hard = ModelFixtures.hardKnapsack()
        let start = ModelFixtures.greedyStart(hard.model, weights: hard.weights, capacities: hard.capacities)
        let session = try open(hard.model)
        let stop = StopRequest()
        stop.request()
        let result = try session.solveInteger(options: SolveOptions(deadline: .distantFuture, relativeGap: 0, stop: stop),
                                              start: start, progress: nil)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertEqual(result.values, start)
    }

    func testSessionRefusesCallsFromItsOwnProgressReport() throws {
        let hard = ModelFixtures.hardKnapsack()
        let session = try open(hard.model)
        var refusal: Error?
        _ = try session.solveInteger(options: SolveOptions(deadline: Date(timeIntervalSinceNow: 0.3)), start: nil) { _ in
            do { try session.setCosts(hard.model.variables.map(\.cost)) } catch { refusal = error }
        }
        XCTAssertEqual(refusal as? GLPKError, .calledDuringSearch)
        // Once the search is over the session works again.
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).status, .optimal)
    }

    // MARK: - Files

    func testWrittenModelsSolveToTheSameObjectiveInGlpsol() throws {
        // Names legal for the model but not for CPLEX LP: GLPK's writer must replace them, not emit them.
        var model = LinearModel(name: "knapsack with odd names")
        model.addRow(.atMost(14, name: "weight[kg]"))
        for (name, value, weight) in [("item[1]", 8.0, 5.0), ("2nd", 11, 7), ("c+d", 6, 4), ("e-f:g", 4, 3)] {
            model.addVariable(Variable(name: name, kind: .binary, cost: -value, entries: [Entry(row: 0, coefficient: weight)]))
        }
        let session = try open(model)
        let ours = try session.solveInteger(options: SolveOptions(relativeGap: 0), start: nil, progress: nil)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-glpk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // GLP_MPS_FILE is free MPS, which glpsol reads with --freemps (--mps means fixed MPS).
        for (format, flag) in [(ModelFormat.mps, "--freemps"), (.lp, "--lp")] {
            let model = directory.appendingPathComponent("model.\(format.rawValue)").path
            let output = directory.appendingPathComponent("\(format.rawValue).out").path
            try session.write(format, to: model)
            let glpsol = Process()
            glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
            glpsol.arguments = [flag, model, "-o", output]
            glpsol.standardOutput = FileHandle.nullDevice
            try glpsol.run()
            glpsol.waitUntilExit()
            XCTAssertEqual(glpsol.terminationStatus, 0, format.rawValue)
            let report = try String(contentsOfFile: output, encoding: .utf8)
            let line = try XCTUnwrap(report.split(separator: "\n").first { $0.hasPrefix("Objective:") }, format.rawValue)
            // "Objective:  obj = -21 (MINimum)"
            let words = line.split(separator: " ")
            let value = try XCTUnwrap(words.firstIndex(of: "=").flatMap { Double(words[$0 + 1]) }, String(line))
            XCTAssertEqual(value, ours.objective, accuracy: 1e-9, format.rawValue)
            XCTAssertEqual(value, -21, accuracy: 1e-9, format.rawValue)
        }
    }

    func testWriteToAMissingDirectoryThrows() throws {
        let session = try open(ModelFixtures.smallLP())
        XCTAssertThrowsError(try session.write(.lp, to: "/nonexistent-cadre-dir/model.lp")) {
            XCTAssertEqual($0 as? GLPKError, .writeFailed(format: "lp", path: "/nonexistent-cadre-dir/model.lp"))
        }
    }

    // MARK: - Invalid input never reaches GLPK

    func testInvalidModelsThrowBeforeGLPK() throws {
        var nanCoefficient = ModelFixtures.smallLP()
        nanCoefficient.addVariable(Variable(name: "bad", entries: [Entry(row: 0, coefficient: .nan)]))
        XCTAssertThrowsError(try open(nanCoefficient)) { XCTAssertTrue($0 is ModelError) }

        var crossed = ModelFixtures.smallLP()
        crossed.setRowBounds(0, lower: 5, upper: 4)
        XCTAssertThrowsError(try open(crossed)) { XCTAssertTrue($0 is ModelError) }

        var outOfRange = ModelFixtures.smallLP()
        outOfRange.addVariable(Variable(name: "far", entries: [Entry(row: 7, coefficient: 1)]))
        XCTAssertThrowsError(try open(outOfRange)) { XCTAssertTrue($0 is ModelError) }

        var fractional = LinearModel(name: "fractional")
        fractional.addVariable(Variable(name: "n", kind: .integer, lower: 0.5, upper: 3))
        XCTAssertThrowsError(try open(fractional)) { XCTAssertTrue($0 is ModelError) }
    }

    func testInvalidUpdatesThrowAndLeaveTheSessionUsable() throws {
        let session = try open(ModelFixtures.smallLP())
        XCTAssertThrowsError(try session.addVariables([
            Variable(name: "fine", cost: 1, entries: [Entry(row: 0, coefficient: 1)]),
            Variable(name: "far", entries: [Entry(row: 2, coefficient: 1)]),
        ])) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.addVariables([Variable(name: "x")])) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.setRowBounds(2, lower: 0, upper: 1)) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.setRowBounds(-1, lower: 0, upper: 1)) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.setRowBounds(0, lower: 2, upper: 1)) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.setRowBounds(0, lower: .nan, upper: 1)) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.setCosts([1, 2])) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.setCosts([1, .infinity, 2])) { XCTAssertTrue($0 is ModelError) }
        XCTAssertThrowsError(try session.solveInteger(options: SolveOptions(), start: [1], progress: nil)) {
            XCTAssertEqual($0 as? SessionMisuse, .startLength(expected: 3, got: 1))
        }
        XCTAssertThrowsError(try session.solveInteger(options: SolveOptions(relativeGap: -1), start: nil, progress: nil)) {
            XCTAssertEqual($0 as? SessionMisuse, .invalidGap(-1))
        }
        // Nothing was half-applied: the first column of the rejected batch is absent.
        let result = try session.solveRelaxation(options: SolveOptions())
        XCTAssertEqual(result.values.count, 3)
        XCTAssertEqual(result.objective, 9, accuracy: 1e-9)
    }

    func testUseFromAnotherThreadThrows() throws {
        nonisolated(unsafe) let session = try open(ModelFixtures.smallLP())
        let outcome = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try session.solveRelaxation(options: SolveOptions()) } catch { outcome.error = error }
            done.signal()
        }
        thread.start()
        done.wait()
        XCTAssertEqual(outcome.error as? SessionMisuse, .wrongThread)
        XCTAssertEqual(try session.solveRelaxation(options: SolveOptions()).status, .optimal)
    }
}

private final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
