internal import CGLPK
import CadreLinearModel
import Foundation

/// What GLPK's branch-and-cut callback needs and what it learns. The C callback cannot capture, so
/// this object travels through `cb_info` and must stay alive for the whole `glp_intopt` call.
/// Nothing in the callback can throw: it only reads the tree, hands over the start and stops the search.
final class SearchContext {
    private let deadline: Date
    private let stop: StopRequest
    private let started: Date
    private let progress: ((SearchProgress) -> Void)?
    private let goodEnough: Double?
    private let boundGoal: Double?
    /// The starting solution with a dummy element 0, because GLPK arrays are 1-based; nil once handed over.
    private var start: [Double]?
    private var lastReport = Date.distantPast
    private let heuristic: NodeHeuristic?
    private let nodeLimit: Int?
    /// The solution, made exact, when it keeps every bound and row of the model as it stands; else nil.
    private let feasibleSolution: ([Double]) -> [Double]?

    private(set) var startAccepted = false
    /// The best lower bound seen; GLPK exposes the tree's bound only inside the callback.
    private(set) var bound: Double
    private(set) var incumbent: Double?

    init(deadline: Date, stop: StopRequest, started: Date, bound: Double, start: [Double]?, goodEnough: Double? = nil,
         boundGoal: Double? = nil, nodeLimit: Int? = nil, heuristic: NodeHeuristic?, feasibleSolution: @escaping ([Double]) -> [Double]?,
         progress: ((SearchProgress) -> Void)?) {
        self.deadline = deadline
        self.stop = stop
        self.heuristic = heuristic
        self.feasibleSolution = feasibleSolution
        self.goodEnough = goodEnough
        self.boundGoal = boundGoal
        self.nodeLimit = nodeLimit
        self.started = started
        self.bound = bound
        self.start = start.map { [0] + $0 }
        self.progress = progress
    }

    func handle(_ tree: OpaquePointer) {
        let now = Date()
        // tm_lim does not bound the whole run, so the one deadline is enforced here, and so are a stop request and
        // the node budget.
        if stop.endsSearch(due: deadline) || spentNodeBudget(tree) {
            observe(tree)
            glp_ios_terminate(tree)
            return
        }
        switch glp_ios_reason(tree) {
        case GLP_IHEUR:
            if let start {
                self.start = nil
                startAccepted = glp_ios_heur_sol(tree, start) == 0
            } else if let heuristic {
                // Without presolve the tree's problem has our columns, in our order.
                let problem = glp_ios_get_prob(tree)
                let relaxation = (1...max(1, glp_get_num_cols(problem))).map { glp_get_col_prim(problem, $0) }
                // GLPK takes whatever it is given as the new incumbent, feasible or not.
                if let found = heuristic(relaxation), let feasible = feasibleSolution(found) {
                    _ = glp_ios_heur_sol(tree, [0] + feasible)
                }
            }
        case GLP_IBINGO where goodEnough != nil:
            observe(tree)
            if let incumbent, let goodEnough, incumbent <= goodEnough { glp_ios_terminate(tree) }
        case GLP_ISELECT, GLP_IBINGO:
            // Reading the best node walks the active list: do it, and report, at most five times a second.
            guard now.timeIntervalSince(lastReport) >= 0.2 else { return }
            lastReport = now
            observe(tree)
            progress?(SearchProgress(elapsed: now.timeIntervalSince(started), incumbent: incumbent,
                                     bound: bound.isFinite ? bound : nil))
            // Once the search has an incumbent of its own, its gap (mip_gap) measures by that instead.
            if let boundGoal, incumbent == nil, bound >= boundGoal { glp_ios_terminate(tree) }
        default:
            break
        }
    }

    /// Counted when the search picks its next node, so the budget ends it between nodes.
    private func spentNodeBudget(_ tree: OpaquePointer) -> Bool {
        guard let nodeLimit, glp_ios_reason(tree) == GLP_ISELECT else { return false }
        var created: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &created)
        return created >= nodeLimit
    }

    private func observe(_ tree: OpaquePointer) {
        let problem = glp_ios_get_prob(tree)
        if glp_mip_status(problem) == GLP_FEAS { incumbent = glp_mip_obj_val(problem) }
        let node = glp_ios_best_node(tree)
        guard node != 0 else { return }
        let nodeBound = glp_ios_node_bound(tree, node)
        // A node whose LP is not solved yet has bound -DBL_MAX, which says nothing.
        guard nodeBound > -Double.greatestFiniteMagnitude else { return }
        // Nodes pruned against the incumbent are gone from the tree, so the incumbent caps the bound.
        bound = max(bound, min(nodeBound, incumbent ?? .infinity))
    }
}

/// GLPK's branch-and-cut callback; the context arrives through `cb_info`.
func searchCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
}

/// GLPK's terminal hook, used only when verbose: passes each fragment (not whole lines) to standard error.
func forwardTerminalText(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    if let text { FileHandle.standardError.write(Data(bytes: text, count: strlen(text))) }
    return 1  // non-zero: GLPK must not print it itself
}
