internal import CGLPK
import CadreLinearModel
import Foundation

/// One model loaded into a GLPK problem object.
///
/// Every input is checked in Swift before GLPK sees it: GLPK reports misuse through `glp_error`, which
/// aborts the process. Duals follow `RelaxationResult`: reduced cost d_j = c_j − Σ_i dual_i·a_ij, so in
/// a minimisation a binding ≥ row has dual ≥ 0 and a binding ≤ row has dual ≤ 0 (GLPK's own sign).
public final class GLPKSession: SolverSession {
    private let problem: OpaquePointer
    private let owner: pthread_t
    /// A copy of what GLPK holds, to validate new columns and to check starting solutions.
    private var model: LinearModel
    private var names: Set<String> = []
    private var hasBasis = false
    /// The problem's basic solution is optimal for its current data, so branch and cut can start.
    private var relaxationIsOptimal = false
    private var searching = false

    /// Whether GLPK took the last starting solution as its incumbent (for tests and diagnostics).
    internal private(set) var lastStartAccepted = false
    /// GLPK's simplex iteration count, cumulative over the session (shows warm starts in tests).
    internal var simplexIterations: Int { Int(glp_get_it_cnt(problem)) }

    init(model source: LinearModel) throws {
        try source.validate()
        for variable in source.variables { try Self.checkIntegerBounds(variable) }
        owner = pthread_self()
        glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        model = LinearModel(name: source.name)
        glp_set_obj_dir(problem, GLP_MIN)
        let problemName = String(source.name.unicodeScalars.filter { $0.isASCII && $0.value > 32 && $0.value < 127 }.prefix(255))
        if !problemName.isEmpty { glp_set_prob_name(problem, problemName) }
        if !source.rows.isEmpty { glp_add_rows(problem, Int32(source.rows.count)) }
        for (index, row) in source.rows.enumerated() {
            model.addRow(row)
            glp_set_row_name(problem, Int32(index + 1), row.name)
            applyRowBounds(index)
        }
        load(source.variables)
    }

    deinit {
        // GLPK's memory belongs to the creating thread's environment; freeing it from another thread
        // would abort the process, so a session released elsewhere leaks its problem instead.
        if pthread_equal(owner, pthread_self()) != 0 { glp_delete_prob(problem) }
    }

    public var currentModel: LinearModel { model }

    public func addVariables(_ variables: [Variable]) throws {
        try checkAccess()
        try model.validateNew(variables, besides: names)
        for variable in variables { try Self.checkIntegerBounds(variable) }
        load(variables)
    }

    public func setRowBounds(_ row: Int, lower: Double, upper: Double) throws {
        try checkAccess()
        try model.validateRowBounds(row, lower: lower, upper: upper)
        model.setRowBounds(row, lower: lower, upper: upper)
        applyRowBounds(row)
        relaxationIsOptimal = false
    }

    public func setVariableBounds(_ index: Int, lower: Double, upper: Double) throws {
        try checkAccess()
        try model.validateVariableBounds(index, lower: lower, upper: upper)
        model.setVariableBounds(index, lower: lower, upper: upper)
        let (effectiveLower, effectiveUpper) = Self.effectiveBounds(model.variables[index])
        let bounds = Self.glpkBounds(effectiveLower, effectiveUpper)
        glp_set_col_bnds(problem, Int32(index + 1), bounds.type, bounds.lower, bounds.upper)
        relaxationIsOptimal = false
    }

    public func setCosts(_ costs: [Double]) throws {
        try checkAccess()
        try model.validateCosts(costs)
        for (index, cost) in costs.enumerated() {
            model.setCost(index, cost)
            glp_set_obj_coef(problem, Int32(index + 1), cost)
        }
        relaxationIsOptimal = false
    }

    public func solveRelaxation(options: SolveOptions) throws -> RelaxationResult {
        try checkAccess()
        let status = try relax(options)
        guard status == .optimal else {
            let objective: Double = switch status {
            case .infeasible: .infinity
            case .unbounded: -.infinity
            default: .nan
            }
            return RelaxationResult(status: status, objective: objective, values: [], duals: [])
        }
        return RelaxationResult(
            status: .optimal,
            objective: glp_get_obj_val(problem),
            values: (0..<model.variables.count).map { glp_get_col_prim(problem, Int32($0 + 1)) },
            duals: (0..<model.rows.count).map { glp_get_row_dual(problem, Int32($0 + 1)) })
    }

    public func solveInteger(options: SolveOptions, start: [Double]?, heuristic: NodeHeuristic?,
                             progress: ((SearchProgress) -> Void)?) throws -> IntegerResult {
        try checkAccess()
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else { throw SessionMisuse.invalidGap(options.relativeGap) }
        let started = Date()
        let usableStart = try start.flatMap { try checkedStart($0) }
        lastStartAccepted = false
        // Stopped already: not even the relaxation, which GLPK's simplex would run to its end.
        guard !options.stop.isRequested else {
            return finish(.noSolution, objective: .infinity, values: [],
                          bound: relaxationIsOptimal ? glp_get_obj_val(problem) : -.infinity, start: usableStart)
        }

        // Without presolve, GLPK's branch and cut starts from an optimal basis we provide.
        if !options.presolve {
            let status = try relax(options)
            switch status {
            case .optimal: break
            case .infeasible: return IntegerResult(status: .infeasible, objective: .infinity, bound: .infinity, values: [])
            case .unbounded: return IntegerResult(status: .unbounded, objective: -.infinity, bound: -.infinity, values: [])
            default: return finish(status, objective: .infinity, values: [], bound: -.infinity, start: usableStart)
            }
        }
        let rootBound = relaxationIsOptimal ? glp_get_obj_val(problem) : -.infinity
        guard let timeLimit = Self.milliseconds(until: options.deadline) else {
            return finish(.noSolution, objective: .infinity, values: [], bound: rootBound, start: usableStart)
        }

        // The presolved problem numbers its columns differently, so it cannot take our start.
        let context = SearchContext(deadline: options.deadline, stop: options.stop, started: started, bound: rootBound,
                                    start: options.presolve ? nil : usableStart?.values, goodEnough: options.goodEnough,
                                    boundGoal: options.boundGoal, nodeLimit: options.nodeLimit,
                                    heuristic: options.presolve ? nil : heuristic,
                                    feasibleSolution: { [model] values in
                                        values.count == model.variables.count ? Self.feasible(values, in: model)?.values : nil
                                    },
                                    progress: progress)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        parameters.mip_gap = options.relativeGap
        parameters.tm_lim = timeLimit
        parameters.br_tech = switch options.branching {
        case .driebeckTomlin: GLP_BR_DTH
        case .pseudoCost: GLP_BR_PCH
        }
        parameters.bt_tech = GLP_BT_BLB
        parameters.fp_heur = GLP_OFF
        // Cuts stay off unless asked for (GLPK's default): on 0/1 multi-knapsacks of 40 and 60 items every cut family
        // made glpsol slower, and all of them together did not finish the 60-item proof in 10 s
        // against 2.3 s without.
        // Which families pay depends on the problem: without MIR cuts 40 officials (seed 3) were proven optimal
        // in 9 s instead of 21, but seed 1 took 15 s instead of 0.7.
        func flag(_ family: CutFamilies) -> Int32 { options.cuts.contains(family) ? GLP_ON : GLP_OFF }
        parameters.gmi_cuts = flag(.gomoryMixedInteger)
        parameters.mir_cuts = flag(.mixedIntegerRounding)
        // GLPK 5.0's cover-cut generator calls glp_add_cols with no columns, which aborts the process, when presolve
        // has removed every column (a window of a tiny province did); nothing tells beforehand that it will.
        parameters.cov_cuts = options.presolve ? GLP_OFF : flag(.cover)
        parameters.clq_cuts = flag(.clique)
        parameters.cb_func = { tree, info in searchCallback(tree, info) }
        parameters.cb_info = Unmanaged.passUnretained(context).toOpaque()
        searching = true
        let code = withTerminal(verbose: options.verbose) {
            withExtendedLifetime(context) { glp_intopt(problem, &parameters) }
        }
        searching = false
        // Branch and cut restores the problem's data but not necessarily an optimal basis.
        relaxationIsOptimal = false
        lastStartAccepted = context.startAccepted

        let status = try solveStatus(of: .intopt, returnCode: code, solutionStatus: glp_mip_status(problem))
        switch status {
        case .optimal, .feasible: break
        case .infeasible: return IntegerResult(status: .infeasible, objective: .infinity, bound: .infinity, values: [])
        case .unbounded: return IntegerResult(status: .unbounded, objective: -.infinity, bound: -.infinity, values: [])
        case .noSolution, .failed: return finish(status, objective: .infinity, values: [], bound: context.bound, start: usableStart)
        }
        let objective = glp_mip_obj_val(problem)
        let values = (0..<model.variables.count).map { glp_mip_col_val(problem, Int32($0 + 1)) }
        var bound = context.bound
        if code == 0 {
            bound = objective
        } else if code == GLP_EMIPGAP {
            // GLPK stopped because |objective − bound| ≤ gap·(|objective| + ε): that bounds the bound.
            bound = max(bound, objective - options.relativeGap * (abs(objective) + Double.ulpOfOne))
        }
        return finish(status, objective: objective, values: values, bound: bound, start: usableStart)
    }

    public func write(_ format: ModelFormat, to path: String) throws {
        try checkAccess()
        glp_term_out(GLP_OFF)
        let code = switch format {
        case .mps: glp_write_mps(problem, GLP_MPS_FILE, nil, path)
        case .lp: glp_write_lp(problem, nil, path)
        }
        guard code == 0 else { throw GLPKError.writeFailed(format: format.rawValue, path: path) }
    }

    // MARK: - Loading

    private func load(_ variables: [Variable]) {
        guard !variables.isEmpty else { return }
        let first = glp_add_cols(problem, Int32(variables.count))
        for (offset, variable) in variables.enumerated() {
            let column = first + Int32(offset)
            model.addVariable(variable)
            names.insert(variable.name)
            glp_set_col_name(problem, column, variable.name)
            // GLP_BV would reset the bounds to 0…1 and lose a binary fixed at 1.
            glp_set_col_kind(problem, column, variable.kind == .continuous ? GLP_CV : GLP_IV)
            let (lower, upper) = Self.effectiveBounds(variable)
            let bounds = Self.glpkBounds(lower, upper)
            glp_set_col_bnds(problem, column, bounds.type, bounds.lower, bounds.upper)
            glp_set_obj_coef(problem, column, variable.cost)
            let rows: [Int32] = [0] + variable.entries.map { Int32($0.row + 1) }
            let coefficients: [Double] = [0] + variable.entries.map(\.coefficient)
            glp_set_mat_col(problem, column, Int32(variable.entries.count), rows, coefficients)
        }
        // New columns enter non-basic at a bound, so the basis stays valid for a warm start.
        relaxationIsOptimal = false
    }

    private func applyRowBounds(_ index: Int) {
        let bounds = Self.glpkBounds(model.rows[index].lower, model.rows[index].upper)
        glp_set_row_bnds(problem, Int32(index + 1), bounds.type, bounds.lower, bounds.upper)
    }

    private static func glpkBounds(_ lower: Double, _ upper: Double) -> (type: Int32, lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        // GLPK rejects a double bound with lower = upper.
        case (true, true): (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    private static func effectiveBounds(_ variable: Variable) -> (lower: Double, upper: Double) {
        variable.kind == .binary ? (max(0, variable.lower), min(1, variable.upper)) : (variable.lower, variable.upper)
    }

    /// glp_intopt refuses integer columns with fractional bounds, so such a model is invalid here.
    private static func checkIntegerBounds(_ variable: Variable) throws {
        guard variable.kind != .continuous else { return }
        let (lower, upper) = effectiveBounds(variable)
        let integral = { (bound: Double) in !bound.isFinite || bound == bound.rounded() }
        guard lower <= upper, integral(lower), integral(upper) else {
            throw ModelError.fractionalIntegerBounds(variable: variable.name, lower: lower, upper: upper)
        }
    }

    // MARK: - Solving

    /// Solves the LP relaxation with primal simplex, warm-started from the current basis.
    private func relax(_ options: SolveOptions) throws -> SolveStatus {
        if relaxationIsOptimal { return .optimal }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        // Presolve would leave no basis to warm-start from or to begin branch and cut with.
        parameters.presolve = GLP_OFF
        let code = withTerminal(verbose: options.verbose) { () -> Int32? in
            if !hasBasis {
                glp_adv_basis(problem, 0)
                hasBasis = true
            }
            guard let limit = Self.milliseconds(until: options.deadline) else { return nil }
            parameters.tm_lim = limit
            let code = glp_simplex(problem, &parameters)
            switch code {
            case GLP_EBADB, GLP_ESING, GLP_ECOND:
                // The basis left by branch and cut or by changed data does not factorise: start afresh once.
                glp_adv_basis(problem, 0)
                guard let limit = Self.milliseconds(until: options.deadline) else { return nil }
                parameters.tm_lim = limit
                return glp_simplex(problem, &parameters)
            default:
                return code
            }
        }
        guard let code else { return .noSolution }
        let status = try solveStatus(of: .simplex, returnCode: code, solutionStatus: glp_get_status(problem))
        relaxationIsOptimal = status == .optimal
        return status
    }

    /// The caller's start, rounded where the model wants integers, or nil if it breaks a bound by more
    /// than 1e-6: GLPK takes whatever it is handed as its incumbent without checking.
    private func checkedStart(_ start: [Double]) throws -> (values: [Double], objective: Double)? {
        guard start.count == model.variables.count else {
            throw SessionMisuse.startLength(expected: model.variables.count, got: start.count)
        }
        return Self.feasible(start, in: model)
    }

    /// The solution with its integers made exact, and its objective, when it keeps every bound and row of
    /// `model`; else nil.
    private static func feasible(_ start: [Double], in model: LinearModel) -> (values: [Double], objective: Double)? {
        let tolerance = { (bound: Double) in 1e-6 * max(1, abs(bound)) }
        var values = start
        var activity = [Double](repeating: 0, count: model.rows.count)
        var objective = 0.0
        for (index, variable) in model.variables.enumerated() {
            var value = start[index]
            guard value.isFinite else { return nil }
            if variable.kind != .continuous {
                guard abs(value - value.rounded()) <= 1e-6 else { return nil }
                value = value.rounded()  // glp_ios_heur_sol rejects integers that are not exact
            }
            let (lower, upper) = Self.effectiveBounds(variable)
            guard value >= lower - tolerance(lower), value <= upper + tolerance(upper) else { return nil }
            values[index] = value
            objective += variable.cost * value
            for entry in variable.entries { activity[entry.row] += entry.coefficient * value }
        }
        for (row, level) in zip(model.rows, activity) {
            guard level >= row.lower - tolerance(row.lower), level <= row.upper + tolerance(row.upper) else { return nil }
        }
        return (values, objective)
    }

    /// Returns the caller's start instead of GLPK's result when it is better, or when GLPK stopped
    /// before finding anything: a start the caller paid for must not be lost to a deadline.
    private func finish(_ status: SolveStatus, objective: Double, values: [Double], bound: Double,
                        start: (values: [Double], objective: Double)?) -> IntegerResult {
        var result = IntegerResult(status: status, objective: objective, bound: bound, values: values)
        if let start, status == .optimal || status == .feasible || status == .noSolution,
           values.isEmpty || start.objective < objective {
            result.values = start.values
            result.objective = start.objective
            if status == .noSolution { result.status = .feasible }
        }
        if !result.values.isEmpty { result.bound = min(result.bound, result.objective) }
        return result
    }

    private func withTerminal<T>(verbose: Bool, _ body: () throws -> T) rethrows -> T {
        guard verbose else {
            glp_term_out(GLP_OFF)
            return try body()
        }
        glp_term_hook(forwardTerminalText, nil)
        glp_term_out(GLP_ON)
        defer {
            glp_term_out(GLP_OFF)
            glp_term_hook(nil, nil)
        }
        return try body()
    }

    private func checkAccess() throws {
        guard pthread_equal(owner, pthread_self()) != 0 else { throw SessionMisuse.wrongThread }
        // GLPK owns the problem object while it searches; changing it from a progress report would abort.
        guard !searching else { throw GLPKError.calledDuringSearch }
    }

    /// GLPK takes time limits as whole milliseconds in an int; nil once the deadline has passed.
    private static func milliseconds(until deadline: Date) -> Int32? {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return nil }
        return Int32(min((remaining * 1000).rounded(.up), Double(Int32.max)))
    }
}
