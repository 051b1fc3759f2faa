import ArgumentParser
import CadreDomain
import CadreIO
import CadreLinearModel
import CadrePlanner
import CadreReport
import CadreServer
import Foundation

/// The contract's exit codes.
enum ExitStatus: Int32, Sendable {
    /// The plan is proven within the gap.
    case success = 0
    case badInput = 1
    /// The search ended before the gap was reached — time limit, stop request, or no method left — with the
    /// outputs written; also a second stop signal, which writes nothing.
    case searchEndedEarly = 2
    case internalFailure = 3

    /// A child `cadreplan`'s exit code; one outside the contract (a crash) is an internal failure.
    init(childCode: Int32) {
        self = ExitStatus(rawValue: childCode) ?? .internalFailure
    }

    /// The worst of several runs: bad input first, then failures, then searches ended before the gap.
    static func worst(_ statuses: [ExitStatus]) -> ExitStatus {
        [.badInput, .internalFailure, .searchEndedEarly].first(where: statuses.contains) ?? .success
    }
}

/// How a command of this executable ends short of success by its own decision, rather than by an error of a
/// module below.
enum CLIError: Error {
    /// A bad argument noticed after parsing (a missing file, an impossible combination).
    case usage(String)
    /// The outputs are written and reported; the search stopped before the gap was reached.
    case searchStopped(by: StopReason)
    /// `compare` or `sweep` wrote its tables; `worst` is how the worst of its runs ended.
    case runsEnded(worst: ExitStatus)
}

/// The one place a thrown error becomes an exit status and what the command says about it.
struct Failure {
    var status: ExitStatus
    /// Nil when the command has already said all it needs to.
    var message: String?

    init(_ error: Error) {
        switch error {
        case let ending as CLIError:
            switch ending {
            case let .usage(text): (status, message) = (.badInput, "cadreplan: \(text)")
            case .searchStopped: (status, message) = (.searchEndedEarly, nil)
            case let .runsEnded(worst): (status, message) = (worst, nil)
            }
        case let input as InputError:
            (status, message) = (.badInput, input.description)
        case let output as OutputError:
            // Refusing a folder protects the user's files from their own arguments; a write the file system
            // turns down is not bad input.
            if case .cannotWrite = output { status = .internalFailure } else { status = .badInput }
            message = "cadreplan: \(output)"
        case let users as UsersFileError:
            if case .cannotWrite = users { status = .internalFailure } else { status = .badInput }
            message = "cadreplan: \(users)"
        case let replan as ReplanProblems:
            (status, message) = (.badInput, replan.description)
        case let conflicts as LockConflictError:
            (status, message) = (.badInput, "cadreplan: \(conflicts.description)")
        // Whatever the case: a planning error is never the input's fault.
        case let planning as PlanningError:
            (status, message) = (.internalFailure, "cadreplan: \(planning.description)")
        case let model as ModelError:
            (status, message) = (.internalFailure, "cadreplan: model error: \(model)")
        case let solver as any SolverFailure:
            (status, message) = (.internalFailure, "cadreplan: \(solver.solverName): \(solver)")
        case let misuse as SessionMisuse:
            (status, message) = (.internalFailure, "cadreplan: \(misuse)")
        case let workbook as WorkbookError:
            (status, message) = (.internalFailure, "cadreplan: \(workbook.message)")
        // Every output is written through `OutputFolder` or `OutputFile`: what is left is reading a file the
        // command line named.
        case let cocoa as CocoaError:
            (status, message) = (.badInput, "cadreplan: \(cocoa.localizedDescription)")
        default:
            // The argument parser's own errors (a missing argument, a bad option value).
            (status, message) = (.badInput, CadrePlanCommand.fullMessage(for: error))
        }
    }
}
