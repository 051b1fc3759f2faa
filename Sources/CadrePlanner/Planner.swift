import CadreDomain
import CadreLinearModel
import Foundation

public struct PlannerOptions: Sendable {
    /// Seconds for the whole solve; the best plan found by then is returned with its gap.
    public var timeLimit: Double
    public var relativeGap: Double
    /// Let the solver print its own log to standard error.
    public var verbose: Bool

    public init(timeLimit: Double = 60, relativeGap: Double = 1e-3, verbose: Bool = false) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
    }
}

/// What `plan` produces: the plan, its recount, and how the search ended.
public struct PlanningResult: Sendable {
    public var scenario: Scenario
    public var plan: Plan
    public var evaluation: PlanEvaluation
    /// `optimal` when the gap was reached, `feasible` when the search stopped before it.
    public var status: SolveStatus
    /// The primary objective: Σ weight × shortfall.
    public var objective: Double
    public var totalCost: Double
    /// Proven relative gap of the primary objective.
    public var gap: Double
    public var seconds: Double
    public var solverName: String
    public var variables: Int
    public var constraints: Int
    /// True when the time limit, not the gap, ended the search.
    public var stoppedByTimeLimit: Bool

    public init(scenario: Scenario, plan: Plan, evaluation: PlanEvaluation, status: SolveStatus, objective: Double,
                totalCost: Double, gap: Double, seconds: Double, solverName: String, variables: Int,
                constraints: Int, stoppedByTimeLimit: Bool) {
        self.scenario = scenario
        self.plan = plan
        self.evaluation = evaluation
        self.status = status
        self.objective = objective
        self.totalCost = totalCost
        self.gap = gap
        self.seconds = seconds
        self.solverName = solverName
        self.variables = variables
        self.constraints = constraints
        self.stoppedByTimeLimit = stoppedByTimeLimit
    }
}

/// Turns a scenario into a plan with any `Solver`.
public struct Planner {
    public let solver: any Solver
    public let options: PlannerOptions
    public var progress: ((SearchProgress) -> Void)?

    public init(solver: any Solver, options: PlannerOptions = PlannerOptions(), progress: ((SearchProgress) -> Void)? = nil) {
        self.solver = solver
        self.options = options
        self.progress = progress
    }

    public func plan(_ scenario: Scenario) throws -> PlanningResult {
        fatalError("not yet built")
    }

    /// Writes the integer program the solver is given for the primary objective.
    public func exportModel(_ scenario: Scenario, format: ModelFormat, to path: String) throws {
        fatalError("not yet built")
    }
}
