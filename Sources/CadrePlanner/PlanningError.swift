import CadreDomain
import CadreLinearModel

/// Why the planner could not return a plan. Each case carries what went wrong, so a caller can tell one from
/// another by type and data; `description` is the message a user reads. Every case is the planner's failure,
/// not the input's: the input's problems are `LockConflictError` and the readers' errors.
public enum PlanningError: Error, CustomStringConvertible, Equatable {
    /// The solver ended the root relaxation with this status instead of an optimum.
    case relaxationEnded(SolveStatus)
    /// This official has more candidate courses, families or years than the sequence search packs.
    case tooManyChoices(officialID: String)
    /// No integer plan the heuristics made keeps the shortfall caps of the phase.
    case noIntegerPlan
    /// The referee's weighted shortfall of the plan is above what the solver reported.
    case recountDiffers(recounted: Double, solver: Double)
    /// The plan breaks this rule by the referee's count (`leastBudget`: against the budget it found).
    case breaksRule(RuleViolation, leastBudget: Bool)

    public var description: String {
        switch self {
        case .relaxationEnded(let status):
            "solver failure: the relaxation ended \(status.rawValue)"
        case .tooManyChoices(let officialID):
            "internal inconsistency: official \(officialID) has more courses to choose from than the planner handles"
        case .noIntegerPlan:
            "internal inconsistency: no integer plan keeps the shortfall found"
        case .recountDiffers(let recounted, let solver):
            "internal inconsistency: the plan recounts to \(recounted), the solver said \(solver)"
        case .breaksRule(let violation, let leastBudget):
            "internal inconsistency: the \(leastBudget ? "least-budget plan" : "plan") breaks a rule: \(violation)"
        }
    }
}
