internal import CGLPK
import CadreLinearModel

/// The GLPK routine whose outcome is being read: the same code means different things in each.
enum GLPKRoutine: String {
    case simplex = "glp_simplex"
    case intopt = "glp_intopt"
}

/// The one translation of GLPK's outcome into a `SolveStatus`.
///
/// `solutionStatus` is `glp_get_status` after `glp_simplex`, `glp_mip_status` after `glp_intopt`.
/// Numerical trouble (singular or ill-conditioned bases, solver failure, iteration limit) is `.failed`;
/// codes that only misuse can produce (invalid basis, invalid bounds, no root LP, objective limits we
/// never set, unknown codes) throw, because they mean this backend has a bug.
func solveStatus(of routine: GLPKRoutine, returnCode: Int32, solutionStatus: Int32) throws -> SolveStatus {
    switch (routine, returnCode) {
    case (.simplex, 0):
        switch solutionStatus {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default: return .failed
        }
    case (.intopt, 0):
        switch solutionStatus {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        default: return .failed
        }
    case (.intopt, GLP_EMIPGAP):
        // The requested relative gap was reached: that is what "optimal" means in SolveOptions.
        return .optimal
    case (.simplex, GLP_ETMLIM):
        // A basis that is feasible but not optimal is of no use to the caller.
        return .noSolution
    case (.intopt, GLP_ETMLIM), (.intopt, GLP_ESTOP):
        return solutionStatus == GLP_FEAS ? .feasible : .noSolution
    case (_, GLP_ENOPFS):
        return .infeasible
    case (_, GLP_ENODFS):
        // Only the presolver reports it: the relaxation has no dual feasible solution, so the model is
        // unbounded or infeasible, and GLPK does not say which.
        return .unbounded
    case (_, GLP_ESING), (_, GLP_ECOND), (_, GLP_EFAIL), (_, GLP_EITLIM):
        return .failed
    default:
        throw GLPKError.unexpectedReturn(routine: routine.rawValue, code: returnCode)
    }
}
