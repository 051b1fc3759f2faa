import Foundation

/// What a solve returns; a time limit or an infeasible model is a status, not an error.
public enum SolveStatus: String, Sendable, Equatable {
    /// Solved to the requested gap.
    case optimal
    /// A solution exists, but the search stopped (time limit or stop request) before the gap was reached.
    case feasible
    case infeasible
    case unbounded
    /// Stopped (time limit or stop request) before any solution was found.
    case noSolution
    case failed
}

public struct SolveOptions: Sendable {
    /// Wall-clock moment by which the solve must return.
    public var deadline: Date
    /// Relative MIP gap at which the search stops.
    public var relativeGap: Double
    public var presolve: Bool
    /// Pass the solver's own messages to standard error.
    public var verbose: Bool
    /// Stop the integer search as soon as a solution this good is found (the caller knows a bound the
    /// solver does not).
    public var goodEnough: Double?
    /// Ends an integer search before its deadline, with the best solution found. A relaxation runs to its end
    /// (GLPK's simplex has no callback to stop it from).
    public var stop: StopRequest
    /// The general cut families the integer search may add. None by default: on the master problem's
    /// knapsack-like rows they slow the search; the per-person model needs them to raise its bound.
    public var cuts: CutFamilies
    /// Stop the integer search as soon as its bound reaches this (the caller holds a solution the model leaves
    /// out, and this bound proves it within the caller's gap): the solver's own gap needs an incumbent of its own.
    public var boundGoal: Double?
    /// How the integer search picks the variable to branch on.
    public var branching: Branching
    /// Stop the integer search once it has created this many nodes: a budget of work, unlike the deadline the same
    /// on every machine, for searches whose result must not depend on the machine's speed.
    public var nodeLimit: Int?

    public init(deadline: Date = .distantFuture, relativeGap: Double = 1e-3, presolve: Bool = false, verbose: Bool = false,
                goodEnough: Double? = nil, stop: StopRequest = StopRequest(), cuts: CutFamilies = [], boundGoal: Double? = nil,
                branching: Branching = .driebeckTomlin, nodeLimit: Int? = nil) {
        self.deadline = deadline
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.verbose = verbose
        self.goodEnough = goodEnough
        self.stop = stop
        self.cuts = cuts
        self.boundGoal = boundGoal
        self.branching = branching
        self.nodeLimit = nodeLimit
    }
}

/// Branching rules of a branch and cut.
public enum Branching: Sendable {
    /// Driebeck and Tomlin's: the variable whose rounding worsens the objective most, by a dual simplex step.
    case driebeckTomlin
    /// Pseudo-costs: the variable whose branchings have raised the bound most so far.
    case pseudoCost
}

/// Cut families a branch and cut may add, named as the literature names them; a backend without one ignores it.
public struct CutFamilies: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let gomoryMixedInteger = CutFamilies(rawValue: 1 << 0)
    public static let mixedIntegerRounding = CutFamilies(rawValue: 1 << 1)
    public static let cover = CutFamilies(rawValue: 1 << 2)
    public static let clique = CutFamilies(rawValue: 1 << 3)
    public static let all: CutFamilies = [.gomoryMixedInteger, .mixedIntegerRounding, .cover, .clique]
}

public struct RelaxationResult: Sendable {
    public var status: SolveStatus
    public var objective: Double
    /// Values of the variables, by index.
    public var values: [Double]
    /// Row duals in the convention reduced cost = cost − Σ dual × coefficient.
    public var duals: [Double]

    public init(status: SolveStatus, objective: Double, values: [Double], duals: [Double]) {
        self.status = status
        self.objective = objective
        self.values = values
        self.duals = duals
    }
}

public struct IntegerResult: Sendable {
    public var status: SolveStatus
    /// Meaningful when `values` is non-empty.
    public var objective: Double
    /// The best bound the search proved (a lower bound, since models minimise).
    public var bound: Double
    public var values: [Double]

    public init(status: SolveStatus, objective: Double, bound: Double, values: [Double]) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.values = values
    }
}

/// A snapshot of a running integer search.
public struct SearchProgress: Sendable {
    public var elapsed: TimeInterval
    public var incumbent: Double?
    public var bound: Double?
    /// The variables' values when the report is of a new incumbent and the backend hands them out (HiGHS does, at
    /// each; GLPK's reports carry none): a caller searching beside may use the plan before the search ends.
    public var values: [Double]?
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return relativeGap(incumbent: incumbent, bound: bound)
    }

    public init(elapsed: TimeInterval, incumbent: Double?, bound: Double?, values: [Double]? = nil) {
        self.elapsed = elapsed
        self.incumbent = incumbent
        self.bound = bound
        self.values = values
    }
}

/// The relative gap between a solution and a lower bound: 0 when they agree.
public func relativeGap(incumbent: Double, bound: Double) -> Double {
    let difference = max(0, incumbent - bound)
    if difference <= 1e-9 { return 0 }
    return difference / max(abs(incumbent), 1e-9)
}

public enum ModelFormat: String, Sendable, CaseIterable {
    case mps, lp
}

/// A solver backend. A backend states its name and version as the contract's `solver` field shows it.
public protocol Solver {
    var name: String { get }
    /// Loads a validated model. The session must be used on the thread that opened it.
    func open(_ model: LinearModel) throws -> any SolverSession
}

/// One loaded model. Not thread-safe: every call must come from the thread that opened it.
public protocol SolverSession: AnyObject {
    /// The model as the session holds it now: every column added and every bound and cost changed since it opened.
    /// Another backend can open it to search the same problem.
    var currentModel: LinearModel { get }
    /// Appends columns (already validated against the model's rows).
    func addVariables(_ variables: [Variable]) throws
    func setRowBounds(_ row: Int, lower: Double, upper: Double) throws
    /// Fixes or frees a column (a binary fixed at 1 has bounds 1…1).
    func setVariableBounds(_ variable: Int, lower: Double, upper: Double) throws
    func setCosts(_ costs: [Double]) throws
    /// Solves the LP relaxation (integrality ignored), warm-starting from the last basis.
    func solveRelaxation(options: SolveOptions) throws -> RelaxationResult
    /// Branch and cut from the current relaxation; `start`, when given, is a feasible solution to begin from;
    /// `heuristic`, when given, is shown the relaxation of nodes the search leaves fractional and may return a
    /// feasible integer solution from it.
    func solveInteger(options: SolveOptions, start: [Double]?, heuristic: NodeHeuristic?,
                      progress: ((SearchProgress) -> Void)?) throws -> IntegerResult
    func write(_ format: ModelFormat, to path: String) throws
}

/// A backend's own failure, which no input causes: the command line ends with its internal-failure code and names
/// the solver, so a new backend's errors are reported without the command line knowing its type.
public protocol SolverFailure: Error, CustomStringConvertible {
    /// The solver as messages name it ("GLPK", "HiGHS").
    var solverName: String { get }
}

/// Uses of a session against the `SolverSession` contract, which every backend checks alike before it calls its
/// library (GLPK aborts the process on a negative gap; a session's memory belongs to the thread that opened it).
public enum SessionMisuse: Error, Equatable, CustomStringConvertible, Sendable {
    case wrongThread
    /// A starting solution must give one value per variable.
    case startLength(expected: Int, got: Int)
    /// The relative gap must be finite and non-negative.
    case invalidGap(Double)

    public var description: String {
        switch self {
        case .wrongThread: "a solver session was used from a thread other than the one that opened it"
        case let .startLength(expected, got): "the starting solution has \(got) values for \(expected) variables"
        case let .invalidGap(gap): "relative gap \(gap) is not a finite non-negative number"
        }
    }
}

/// Turns the values of a node's relaxation into a feasible integer solution of the whole model, or nil.
public typealias NodeHeuristic = ([Double]) -> [Double]?

extension SolverSession {
    public func solveInteger(options: SolveOptions, start: [Double]?, progress: ((SearchProgress) -> Void)?) throws -> IntegerResult {
        try solveInteger(options: options, start: start, heuristic: nil, progress: progress)
    }
}
