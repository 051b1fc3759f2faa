import CadreLinearModel

/// A `Solver` that answers from a script instead of solving: tests make the planner and the commands meet
/// statuses and failures that GLPK gives only on huge or broken models. Models are validated on the way in, as
/// every backend must; values are all zero, duals too, so only the status carries meaning.
public final class ScriptedSolver: Solver {
    /// How one solve ends.
    public enum Answer {
        case status(SolveStatus)
        /// The backend itself fails, as GLPK does with a `GLPKError` (a `SolverFailure`).
        case failure(any Error)
    }

    /// What a session was asked, in order.
    public enum Call: Equatable {
        case open, addVariables, setRowBounds, setVariableBounds, setCosts, relaxation, integer, write
    }

    public let name = "scripted"
    /// Every call of every session this solver opened.
    public private(set) var calls: [Call] = []
    private var relaxations: [Answer]
    private var integerSearches: [Answer]

    /// Solves take the answers in order; once a script runs out, every further solve ends `failed`.
    public init(relaxations: [Answer], integerSearches: [Answer] = []) {
        self.relaxations = relaxations
        self.integerSearches = integerSearches
    }

    public func open(_ model: LinearModel) throws -> any SolverSession {
        try model.validate()
        calls.append(.open)
        return Session(model: model, solver: self)
    }

    fileprivate func record(_ call: Call) { calls.append(call) }

    fileprivate func nextRelaxation() -> Answer { relaxations.isEmpty ? .status(.failed) : relaxations.removeFirst() }
    fileprivate func nextIntegerSearch() -> Answer { integerSearches.isEmpty ? .status(.failed) : integerSearches.removeFirst() }

    private final class Session: SolverSession {
        private var model: LinearModel
        private let solver: ScriptedSolver

        init(model: LinearModel, solver: ScriptedSolver) {
            self.model = model
            self.solver = solver
        }

        var currentModel: LinearModel { model }

        func addVariables(_ variables: [Variable]) throws {
            solver.record(.addVariables)
            for variable in variables {
                try model.validate(variable)
                model.addVariable(variable)
            }
        }

        func setRowBounds(_ row: Int, lower: Double, upper: Double) throws {
            solver.record(.setRowBounds)
            guard model.rows.indices.contains(row) else { throw ModelError.rowOutOfRange(row, rowCount: model.rows.count) }
            model.setRowBounds(row, lower: lower, upper: upper)
        }

        func setVariableBounds(_ variable: Int, lower: Double, upper: Double) throws {
            solver.record(.setVariableBounds)
            guard model.variables.indices.contains(variable) else {
                throw ModelError.variableOutOfRange(variable, variableCount: model.variables.count)
            }
            model.setVariableBounds(variable, lower: lower, upper: upper)
        }

        func setCosts(_ costs: [Double]) throws {
            solver.record(.setCosts)
            guard costs.count == model.variables.count else {
                throw ModelError.costCount(given: costs.count, variableCount: model.variables.count)
            }
            for (index, cost) in costs.enumerated() { model.setCost(index, cost) }
        }

        func solveRelaxation(options: SolveOptions) throws -> RelaxationResult {
            solver.record(.relaxation)
            switch solver.nextRelaxation() {
            case let .failure(error): throw error
            case let .status(status):
                return RelaxationResult(status: status, objective: 0, values: zeros(model.variables.count),
                                        duals: zeros(model.rows.count))
            }
        }

        func solveInteger(options: SolveOptions, start: [Double]?, heuristic: NodeHeuristic?,
                          progress: ((SearchProgress) -> Void)?) throws -> IntegerResult {
            solver.record(.integer)
            switch solver.nextIntegerSearch() {
            case let .failure(error): throw error
            case let .status(status):
                let found = status == .optimal || status == .feasible
                return IntegerResult(status: status, objective: found ? 0 : .infinity, bound: found ? 0 : -.infinity,
                                     values: found ? zeros(model.variables.count) : [])
            }
        }

        /// Writes nothing: a script has no model text to give.
        func write(_ format: ModelFormat, to path: String) throws {
            solver.record(.write)
        }

        private func zeros(_ count: Int) -> [Double] { Array(repeating: 0, count: count) }
    }
}
