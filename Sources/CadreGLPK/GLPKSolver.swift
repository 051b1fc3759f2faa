internal import CGLPK
import CadreLinearModel

/// The GLPK backend. GLPK is GPL-3: a program linking it is distributed under the GPL.
public struct GLPKSolver: Solver, Sendable {
    public init() {}

    /// "GLPK 5.0": the contract names the solver with the version actually loaded.
    public var name: String { "GLPK \(Self.libraryVersion)" }

    /// Loads the model into a new GLPK problem. The session must be used, and released, on the
    /// calling thread: Debian's GLPK keeps its memory in a per-thread environment.
    public func open(_ model: LinearModel) throws -> any SolverSession {
        if let versionMismatch = Self.versionMismatch { throw versionMismatch }
        return try GLPKSession(model: model)
    }

    static let libraryVersion = String(cString: glp_version())

    /// The parameter structs (glp_smcp, glp_iocp) are laid out by the header we compiled against;
    /// a different library version could read them differently, so refuse to run rather than guess.
    static let versionMismatch: GLPKError? = {
        let header = "\(GLP_MAJOR_VERSION).\(GLP_MINOR_VERSION)"
        return libraryVersion == header ? nil : .versionMismatch(header: header, library: libraryVersion)
    }()
}

/// Failures of the backend itself. A model GLPK cannot accept is reported earlier, as a `ModelError`, and a session
/// used against its contract as a `SessionMisuse`; an infeasible model or a time limit is a `SolveStatus`, not an error.
public enum GLPKError: SolverFailure, Equatable {
    /// glpk.h and libglpk disagree.
    case versionMismatch(header: String, library: String)
    /// A session method was called from the progress closure, while GLPK was using the problem.
    case calledDuringSearch
    /// A return code that cannot arise from a validated model; `routine` names the GLPK call.
    case unexpectedReturn(routine: String, code: Int32)
    case writeFailed(format: String, path: String)

    public var solverName: String { "GLPK" }

    public var description: String {
        switch self {
        case let .versionMismatch(header, library): "compiled against GLPK \(header) but running with \(library)"
        case .calledDuringSearch: "a GLPK session was used from its own progress report"
        case let .unexpectedReturn(routine, code): "\(routine) returned code \(code)"
        case let .writeFailed(format, path): "could not write the model as \(format) to \(path)"
        }
    }
}
