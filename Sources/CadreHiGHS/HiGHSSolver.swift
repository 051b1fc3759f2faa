internal import CHiGHS
import CadreLinearModel
import Foundation

/// The HiGHS backend (MIT; built from the sources in CHiGHS). The planner keeps GLPK for its relaxations and pricing,
/// and asks HiGHS for the integer searches over the master's columns, where HiGHS's presolve, restarts and sub-MIPs
/// find plans GLPK's branch and cut does not (100 officials, seed 3: 436 over the relaxation's 680 columns in 3 s,
/// where GLPK stays at 445 for a minute).
public struct HiGHSSolver: Solver, Sendable {
    public init() {}

    public var name: String { "HiGHS \(HIGHS_VERSION_MAJOR).\(HIGHS_VERSION_MINOR).\(HIGHS_VERSION_PATCH)" }

    public func open(_ model: LinearModel) throws -> any SolverSession {
        try HiGHSSession(model: model)
    }
}

/// Failures of the backend itself. A model is validated first (`ModelError`) and a session used against its contract
/// is a `SessionMisuse`; an infeasible model or a time limit is a `SolveStatus`.
public enum HiGHSError: SolverFailure, Equatable {
    /// A call HiGHS refused although the model was validated first; `routine` names it.
    case refused(routine: String)
    case writeFailed(path: String)

    public var solverName: String { "HiGHS" }

    public var description: String {
        switch self {
        case let .refused(routine): "\(routine) was refused"
        case let .writeFailed(path): "could not write the model to \(path)"
        }
    }
}

/// One model loaded into a HiGHS instance. Models are validated in Swift first, as for GLPK. Duals follow
/// `RelaxationResult`: reduced cost = cost − Σ dual × coefficient, which is HiGHS's own convention.
public final class HiGHSSession: SolverSession {
    private let highs: UnsafeMutableRawPointer
    private let owner: pthread_t
    /// A copy of what HiGHS holds, to validate changes and check starting solutions.
    private var model: LinearModel
    private var names: Set<String> = []

    init(model source: LinearModel) throws {
        try source.validate()
        owner = pthread_self()
        guard let instance = Highs_create() else { throw HiGHSError.refused(routine: "Highs_create") }
        highs = instance
        model = LinearModel(name: source.name)
        try call("output_flag", Highs_setBoolOptionValue(highs, "output_flag", 0))
        // HiGHS prints to standard output, which is the command's; its log, when asked for, goes through the callback to
        // standard error, as GLPK's does.
        try call("log_to_console", Highs_setBoolOptionValue(highs, "log_to_console", 0))
        // One thread: the same search on every machine, and no pool beside GLPK's work. HiGHS keeps its task executor
        // per calling thread (thread-local in 1.14.0), so sessions on different threads search at once without
        // sharing one.
        try call("threads", Highs_setIntOptionValue(highs, "threads", 1))
        let rowLower = source.rows.map(\.lower)
        let rowUpper = source.rows.map(\.upper)
        try call("Highs_addRows", Highs_addRows(highs, HighsInt(source.rows.count), rowLower, rowUpper, 0, nil, nil, nil))
        for row in source.rows { model.addRow(row) }
        try load(source.variables)
    }

    deinit { Highs_destroy(highs) }

    public var currentModel: LinearModel { model }

    public func addVariables(_ variables: [Variable]) throws {
        try checkAccess()
        try model.validateNew(variables, besides: names)
        try load(variables)
    }

    public func setRowBounds(_ row: Int, lower: Double, upper: Double) throws {
        try checkAccess()
        try model.validateRowBounds(row, lower: lower, upper: upper)
        try call("Highs_changeRowBounds", Highs_changeRowBounds(highs, HighsInt(row), lower, upper))
        model.setRowBounds(row, lower: lower, upper: upper)
    }

    public func setVariableBounds(_ index: Int, lower: Double, upper: Double) throws {
        try checkAccess()
        try model.validateVariableBounds(index, lower: lower, upper: upper)
        try call("Highs_changeColBounds", Highs_changeColBounds(highs, HighsInt(index), lower, upper))
        model.setVariableBounds(index, lower: lower, upper: upper)
    }

    public func setCosts(_ costs: [Double]) throws {
        try checkAccess()
        try model.validateCosts(costs)
        if !costs.isEmpty {
            try call("Highs_changeColsCostByRange", Highs_changeColsCostByRange(highs, 0, HighsInt(costs.count - 1), costs))
        }
        for (index, cost) in costs.enumerated() { model.setCost(index, cost) }
    }

    public func solveRelaxation(options: SolveOptions) throws -> RelaxationResult {
        try checkAccess()
        try configure(options, integer: false)
        let status = try run(options: options, progress: nil).status
        guard status == .optimal else {
            let objective: Double = status == .infeasible ? .infinity : status == .unbounded ? -.infinity : .nan
            return RelaxationResult(status: status, objective: objective, values: [], duals: [])
        }
        let (values, duals) = solution()
        return RelaxationResult(status: .optimal, objective: Highs_getObjectiveValue(highs), values: values, duals: duals)
    }

    /// `cuts`, `branching` and `heuristic` are GLPK's choices: HiGHS makes its own, and ignores them.
    public func solveInteger(options: SolveOptions, start: [Double]?, heuristic: NodeHeuristic?,
                             progress: ((SearchProgress) -> Void)?) throws -> IntegerResult {
        try checkAccess()
        try configure(options, integer: true)
        if let start {
            guard start.count == model.variables.count else { throw SessionMisuse.startLength(expected: model.variables.count, got: start.count) }
            // HiGHS checks the start itself and drops one that breaks a row.
            try call("Highs_setSolution", Highs_setSolution(highs, start, nil, nil, nil))
        }
        let (status, hasSolution) = try run(options: options, progress: progress)
        var bound = -Double.infinity
        try call("mip_dual_bound", Highs_getDoubleInfoValue(highs, "mip_dual_bound", &bound))
        guard hasSolution else {
            let empty: SolveStatus = status == .optimal || status == .feasible ? .noSolution : status
            return IntegerResult(status: empty, objective: .nan, bound: status == .infeasible ? .infinity : bound, values: [])
        }
        let values = solution().values
        let objective = zip(model.variables, values).reduce(0) { $0 + $1.0.cost * $1.1 }
        return IntegerResult(status: status, objective: objective, bound: min(bound, objective), values: values)
    }

    public func write(_ format: ModelFormat, to path: String) throws {
        try checkAccess()
        // HiGHS chooses the format by the file's extension.
        guard path.hasSuffix(".\(format.rawValue)"), Highs_writeModel(highs, path) != kHighsStatusError else {
            throw HiGHSError.writeFailed(path: path)
        }
    }

    // MARK: - Loading

    private func load(_ variables: [Variable]) throws {
        guard !variables.isEmpty else { return }
        var starts: [HighsInt] = []
        var indices: [HighsInt] = []
        var values: [Double] = []
        for variable in variables {
            starts.append(HighsInt(indices.count))
            for entry in variable.entries {
                indices.append(HighsInt(entry.row))
                values.append(entry.coefficient)
            }
        }
        let first = model.variables.count
        try call("Highs_addCols", Highs_addCols(highs, HighsInt(variables.count), variables.map(\.cost), variables.map(\.lower),
                                                variables.map(\.upper), HighsInt(indices.count), starts, indices, values))
        var integrality = variables.map { $0.kind == .continuous ? kHighsVarTypeContinuous : kHighsVarTypeInteger }
        try call("Highs_changeColsIntegralityByRange",
                 Highs_changeColsIntegralityByRange(highs, HighsInt(first), HighsInt(first + variables.count - 1), &integrality))
        for variable in variables {
            model.addVariable(variable)
            names.insert(variable.name)
        }
    }

    // MARK: - Solving

    private func configure(_ options: SolveOptions, integer: Bool) throws {
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else { throw SessionMisuse.invalidGap(options.relativeGap) }
        try call("output_flag", Highs_setBoolOptionValue(highs, "output_flag", options.verbose ? 1 : 0))
        try call("solve_relaxation", Highs_setBoolOptionValue(highs, "solve_relaxation", integer ? 0 : 1))
        try call("presolve", Highs_setStringOptionValue(highs, "presolve", integer || options.presolve ? "on" : "off"))
        try call("mip_rel_gap", Highs_setDoubleOptionValue(highs, "mip_rel_gap", options.relativeGap))
        let nodes = options.nodeLimit.map { HighsInt(clamping: $0) } ?? HighsInt.max
        try call("mip_max_nodes", Highs_setIntOptionValue(highs, "mip_max_nodes", nodes))
        let seconds = options.deadline.timeIntervalSinceNow
        try call("time_limit", Highs_setDoubleOptionValue(highs, "time_limit", seconds.isFinite ? max(0.001, seconds) : .infinity))
    }

    /// Runs HiGHS with a callback that ends the search at a stop request, a good-enough plan or a bound goal, and
    /// reports progress; maps HiGHS's model status onto `SolveStatus`, and says whether HiGHS holds a feasible solution.
    private func run(options: SolveOptions, progress: ((SearchProgress) -> Void)?) throws -> (status: SolveStatus, hasSolution: Bool) {
        let watch = RunWatch(options: options, columns: HighsInt(model.variables.count), progress: progress)
        let context = Unmanaged.passRetained(watch)
        defer { context.release() }
        try call("Highs_setCallback", Highs_setCallback(highs, runCallback, context.toOpaque()))
        for kind in [kHighsCallbackLogging, kHighsCallbackSimplexInterrupt, kHighsCallbackMipInterrupt, kHighsCallbackMipImprovingSolution] {
            try call("Highs_startCallback", Highs_startCallback(highs, kind))
        }
        let returned = Highs_run(highs)
        // No solution status to read (after a failed run) is no solution.
        var primal: HighsInt = 0
        _ = Highs_getIntInfoValue(highs, "primal_solution_status", &primal)
        let hasSolution = primal == kHighsSolutionStatusFeasible
        // A run HiGHS cannot complete (a numerical failure) is a status: the caller keeps what it had.
        guard returned != kHighsStatusError else { return (.failed, hasSolution) }
        let status: SolveStatus = switch Highs_getModelStatus(highs) {
        case kHighsModelStatusOptimal, kHighsModelStatusModelEmpty: .optimal
        case kHighsModelStatusInfeasible: .infeasible
        case kHighsModelStatusUnbounded, kHighsModelStatusUnboundedOrInfeasible: .unbounded
        // Also a search a good-enough plan or a bound goal ended: the gap is not proven, as with GLPK.
        case kHighsModelStatusTimeLimit, kHighsModelStatusIterationLimit, kHighsModelStatusInterrupt,
             kHighsModelStatusSolutionLimit, kHighsModelStatusObjectiveBound, kHighsModelStatusObjectiveTarget:
            hasSolution ? .feasible : .noSolution
        default: .failed
        }
        return (status, hasSolution)
    }

    private func solution() -> (values: [Double], duals: [Double]) {
        var values = [Double](repeating: 0, count: model.variables.count)
        var columnDuals = [Double](repeating: 0, count: model.variables.count)
        var rowValues = [Double](repeating: 0, count: model.rows.count)
        var duals = [Double](repeating: 0, count: model.rows.count)
        _ = Highs_getSolution(highs, &values, &columnDuals, &rowValues, &duals)
        return (values, duals)
    }

    private func call(_ routine: String, _ status: HighsInt) throws {
        guard status != kHighsStatusError else { throw HiGHSError.refused(routine: routine) }
    }

    private func checkAccess() throws {
        guard pthread_equal(owner, pthread_self()) != 0 else { throw SessionMisuse.wrongThread }
    }
}

/// What a run's callback reads and records; passed to HiGHS as the callback's user data.
private final class RunWatch {
    let options: SolveOptions
    /// How many columns the model has: the length of a solution HiGHS hands out.
    let columns: HighsInt
    let progress: ((SearchProgress) -> Void)?
    var reachedGoal = false
    var lastReport = Date.distantPast

    init(options: SolveOptions, columns: HighsInt, progress: ((SearchProgress) -> Void)?) {
        self.options = options
        self.columns = columns
        self.progress = progress
    }

    /// Whether the search must end now. `values`: a new incumbent's, which is reported at once.
    func check(kind: Int32, incumbent: Double, bound: Double, elapsed: Double, values: [Double]?) -> Bool {
        let hasIncumbent = incumbent.isFinite && abs(incumbent) < 1e29
        if let progress, let values, hasIncumbent {
            progress(SearchProgress(elapsed: elapsed, incumbent: incumbent, bound: bound.isFinite ? bound : nil, values: values))
        } else if let progress, kind == kHighsCallbackMipInterrupt, Date().timeIntervalSince(lastReport) >= 0.5 {
            lastReport = Date()
            progress(SearchProgress(elapsed: elapsed, incumbent: hasIncumbent ? incumbent : nil, bound: bound.isFinite ? bound : nil))
        }
        if let goodEnough = options.goodEnough, hasIncumbent, incumbent <= goodEnough { reachedGoal = true }
        if let goal = options.boundGoal, kind == kHighsCallbackMipInterrupt, bound >= goal { reachedGoal = true }
        return reachedGoal || options.stop.isRequested
    }
}

private let runCallback: HighsCCallbackType = { kind, message, dataOut, dataIn, user in
    guard let user else { return }
    let watch = Unmanaged<RunWatch>.fromOpaque(user).takeUnretainedValue()
    if kind == kHighsCallbackLogging {
        if watch.options.verbose, let message { FileHandle.standardError.write(Data(String(cString: message).utf8)) }
        return
    }
    guard let dataOut else { return }
    let out = dataOut.pointee
    let improving = kind == kHighsCallbackMipImprovingSolution
    let incumbent = improving ? out.objective_function_value : out.mip_primal_bound
    // The solution is in the columns of the model as loaded (HiGHS's own presolve is undone by then).
    let values = improving && watch.progress != nil && out.mip_solution != nil && out.mip_solution_size == watch.columns
        ? Array(UnsafeBufferPointer(start: out.mip_solution, count: Int(out.mip_solution_size))) : nil
    // HiGHS acts on an interrupt only in its interrupt callbacks (and asserts that no other asks for one).
    if watch.check(kind: kind, incumbent: incumbent, bound: out.mip_dual_bound, elapsed: out.running_time, values: values),
       kind == kHighsCallbackSimplexInterrupt || kind == kHighsCallbackMipInterrupt {
        dataIn?.pointee.user_interrupt = 1
    }
}
