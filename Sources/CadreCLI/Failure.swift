import CadreDomain
import CadreGLPK
import CadreIO
import CadreLinearModel
import CadrePlanner
import CadreReport
import Foundation

/// The one place errors become messages and exit codes.
struct Failure {
    var message: String
    var code: Int32

    static let badInput: Int32 = 1
    /// The search ended before the gap was reached — time limit, stop request, or no method left — with the
    /// outputs written; also a second stop signal, which writes nothing.
    static let searchEndedEarly: Int32 = 2
    static let internalFailure: Int32 = 3

    /// A search whose outputs are written exits 0 only when it reached the gap.
    static func code(for stoppedBy: StopReason) -> Int32 {
        stoppedBy == .gap ? 0 : searchEndedEarly
    }

    static func classify(_ error: Error) -> Failure? {
        switch error {
        case let input as InputError:
            return Failure(message: input.description, code: badInput)
        case let output as OutputFolderError:
            return Failure(message: "cadreplan: \(output.message)", code: badInput)
        case let replan as ReplanProblems:
            return Failure(message: replan.description, code: badInput)
        case let conflicts as LockConflictError:
            return Failure(message: "cadreplan: \(conflicts.description)", code: badInput)
        case let usage as UsageError:
            return Failure(message: "cadreplan: \(usage.message)", code: badInput)
        case let planning as PlanningError:
            return Failure(message: "cadreplan: \(planning.description)", code: internalFailure)
        case let model as ModelError:
            return Failure(message: "cadreplan: model error: \(model)", code: internalFailure)
        case let solver as GLPKError:
            return Failure(message: "cadreplan: GLPK: \(solver)", code: internalFailure)
        case let workbook as WorkbookError:
            return Failure(message: "cadreplan: \(workbook.message)", code: internalFailure)
        case let cocoa as CocoaError:
            return Failure(message: "cadreplan: \(cocoa.localizedDescription)", code: badInput)
        default:
            return nil
        }
    }
}

/// A bad argument noticed after parsing (a missing file, an impossible combination).
struct UsageError: Error {
    var message: String
}
