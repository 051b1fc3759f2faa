@testable import CadreCLI
import CadreDomain
import CadreGLPK
import CadreHiGHS
import CadreIO
import CadreLinearModel
import CadrePlanner
import CadreServer
import _CadreTestSupport
import XCTest

/// The contract's exit codes as `Failure` decides them, for failures a real run cannot be made to meet on
/// demand: the solver's, through `ScriptedSolver`.
final class ExitStatusTests: XCTestCase {
    /// One official short of the one course a target asks for: the planner has a column to solve for.
    private let scenario = Scenario(
        name: "one", baseYear: 2022, horizon: 2024,
        officials: [Official(id: "A", fullName: "Nguyễn Văn A", gender: .male, birthYear: 1980, category: .keyCadre)],
        courses: [Course(id: "PT-E", family: .politicalTheory, grants: 1, cost: 1_000_000)],
        targets: [Target(id: "T", deadline: 2023, requirement: Requirement([LevelCondition(family: .politicalTheory, level: 1)]),
                         share: 1)],
        budget: [2022: 5_000_000, 2023: 5_000_000, 2024: 5_000_000])

    private func planningFailure(_ solver: ScriptedSolver, file: StaticString = #filePath, line: UInt = #line) -> Error? {
        do {
            _ = try Planner(solver: solver, options: PlannerOptions(timeLimit: 5)).plan(scenario)
            XCTFail("the plan succeeded on a solver that never solves", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// A relaxation that ends in any way but optimal leaves the planner nothing to build on: the run fails with a
    /// planning error, which is the program's failure (3), never the input's (1) nor a stop (2).
    func testARelaxationThatDoesNotSolveIsAnInternalFailure() throws {
        for status in [SolveStatus.failed, .infeasible, .unbounded, .noSolution] {
            let solver = ScriptedSolver(relaxations: [.status(status)])
            let error = try XCTUnwrap(planningFailure(solver), "\(status)")
            XCTAssertTrue(error is PlanningError, "\(status): \(error)")
            XCTAssertEqual(Array(solver.calls.prefix(2)), [.open, .relaxation], "\(status): the solver was asked")
            let failure = Failure(error)
            XCTAssertEqual(failure.status, .internalFailure, "\(status)")
            XCTAssertEqual(failure.message, "cadreplan: \(error)", "\(status)")
        }
    }

    /// A backend that fails outright: its error reaches the command unchanged and ends it with 3, naming GLPK.
    func testABackendErrorIsAnInternalFailure() throws {
        let glpk = GLPKError.unexpectedReturn(routine: "glp_simplex", code: 5)
        let solver = ScriptedSolver(relaxations: [.failure(glpk)])
        let error = try XCTUnwrap(planningFailure(solver))
        XCTAssertEqual(error as? GLPKError, glpk)
        let failure = Failure(error)
        XCTAssertEqual(failure.status, .internalFailure)
        XCTAssertEqual(failure.message, "cadreplan: GLPK: glp_simplex returned code 5")
    }

    /// HiGHS, the finder beside GLPK, fails the same way: 3, naming HiGHS, never the input's 1 (before `SolverFailure`
    /// its errors fell through to the argument parser's case and ended the run as bad input).
    func testTheFindersErrorIsAnInternalFailureNamingHiGHS() {
        let failure = Failure(HiGHSError.refused(routine: "Highs_passModel"))
        XCTAssertEqual(failure.status, .internalFailure)
        XCTAssertEqual(failure.message, "cadreplan: HiGHS: Highs_passModel was refused")
    }

    /// A backend the command line has never heard of is reported by the name it gives, and a session used against
    /// the solver contract is the program's failure whichever backend noticed it.
    func testAnyBackendsFailureAndASessionMisusedAreInternalFailures() {
        struct ThirdSolverFailure: SolverFailure {
            var solverName: String { "CBC" }
            var description: String { "the branch and cut gave up" }
        }
        let third = Failure(ThirdSolverFailure())
        XCTAssertEqual(third.status, .internalFailure)
        XCTAssertEqual(third.message, "cadreplan: CBC: the branch and cut gave up")
        for misuse in [SessionMisuse.wrongThread, .startLength(expected: 3, got: 1), .invalidGap(-1)] {
            let failure = Failure(misuse)
            XCTAssertEqual(failure.status, .internalFailure, "\(misuse)")
            XCTAssertEqual(failure.message, "cadreplan: \(misuse)")
        }
    }

    /// A model the planner built wrong never reaches a backend; it is the program's failure.
    func testAnInvalidModelIsAnInternalFailure() {
        var model = LinearModel(name: "broken")
        model.addRow(.atLeast(1, name: "r"))
        model.addVariable(Variable(name: "x", entries: [Entry(row: 3, coefficient: 1)]))
        XCTAssertThrowsError(try ScriptedSolver(relaxations: []).open(model)) { error in
            let failure = Failure(error)
            XCTAssertEqual(failure.status, .internalFailure)
            XCTAssertEqual(failure.message, "cadreplan: model error: variable x names row 3 of 1")
        }
    }

    func testWritesTheFileSystemRefusesAreInternalFailuresAndRefusalsAreBadInput() {
        let cannot = Failure(OutputError.cannotWrite(path: "out/plan", reason: "Not a directory"))
        XCTAssertEqual(cannot.status, .internalFailure)
        XCTAssertEqual(cannot.message, "cadreplan: cannot write \"out/plan\": Not a directory")
        for refusal in [OutputError.notAFolder("out"), .notWrittenByCadreplan("out"), .holdsInput(folder: "in", input: "in/a.yaml")] {
            XCTAssertEqual(Failure(refusal).status, .badInput, "\(refusal)")
        }
    }

    /// The users file the same way: a write turned down is 3, a wrong name or password is the user's to fix.
    func testAUsersFileThatCannotBeWrittenIsAnInternalFailure() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let blocker = scratch.appendingPathComponent("blocker")
        try Data("a file, not a folder\n".utf8).write(to: blocker)
        let users = UsersFile(path: blocker.appendingPathComponent("users.json"))
        XCTAssertThrowsError(try users.add(name: "an", role: .planner, districts: [], password: "long enough")) { error in
            XCTAssertEqual(error as? UsersFileError, .cannotWrite(path: users.path.path, reason: "its folder cannot be made"))
            let failure = Failure(error)
            XCTAssertEqual(failure.status, .internalFailure)
            XCTAssertEqual(failure.message, "cadreplan: cannot write \(users.path.path): its folder cannot be made")
        }
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "a file, not a folder\n")
        let fine = UsersFile(path: scratch.appendingPathComponent("users.json"))
        XCTAssertThrowsError(try fine.add(name: "an nguyen", role: .planner, districts: [], password: "long enough")) { error in
            XCTAssertEqual(error as? UsersFileError, .invalidName("an nguyen"))
            XCTAssertEqual(Failure(error).status, .badInput)
        }
        XCTAssertThrowsError(try fine.remove(name: "binh")) { error in
            XCTAssertEqual(Failure(error).status, .badInput)
            XCTAssertEqual(Failure(error).message, "cadreplan: \(fine.path.path) has no user “binh”")
        }
    }

    /// Only a search that reached the gap exits 0; how it stopped otherwise is 2, and nothing more is said.
    func testASearchStoppedBeforeTheGapExitsTwoQuietly() {
        for reason in StopReason.allCases where reason != .gap {
            let failure = Failure(CLIError.searchStopped(by: reason))
            XCTAssertEqual(failure.status, .searchEndedEarly, "\(reason)")
            XCTAssertNil(failure.message, "\(reason)")
        }
    }

    func testTheWorstRunDecidesForCompareAndSweep() {
        XCTAssertEqual(ExitStatus.worst([.success, .searchEndedEarly, .internalFailure]), .internalFailure)
        XCTAssertEqual(ExitStatus.worst([.internalFailure, .badInput, .searchEndedEarly]), .badInput)
        XCTAssertEqual(ExitStatus.worst([.success, .searchEndedEarly]), .searchEndedEarly)
        XCTAssertEqual(ExitStatus.worst([.success, .success]), .success)
        XCTAssertEqual(ExitStatus.worst([]), .success)
        // A child that crashed (killed by a signal) ended outside the contract: that is an internal failure.
        XCTAssertEqual(ExitStatus(childCode: 11), .internalFailure)
        XCTAssertEqual(ExitStatus(childCode: 2), .searchEndedEarly)
        XCTAssertEqual(Failure(CLIError.runsEnded(worst: .badInput)).status, .badInput)
    }

    func testUsageErrorsAreBadInput() {
        let failure = Failure(CLIError.usage("no official X in s.yaml"))
        XCTAssertEqual(failure.status, .badInput)
        XCTAssertEqual(failure.message, "cadreplan: no official X in s.yaml")
    }
}
