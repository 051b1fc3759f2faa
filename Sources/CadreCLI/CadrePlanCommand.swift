import ArgumentParser
import Foundation

@main
struct CadrePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadreplan",
        abstract: "Plans the training of commune-level officials against the resolution's targets.",
        subcommands: [PlanCommand.self, ValidateCommand.self, ExportModelCommand.self, GenerateCommand.self, ShowCommand.self,
                      CompareCommand.self, MinBudgetCommand.self, SweepCommand.self, ReplanCommand.self, ServeCommand.self, UsersCommand.self])

    static let version = "1.1.0"

    /// Runs a command and turns every way of failing into the contract's exit codes:
    /// 1 bad input or arguments, 2 the search ended before the gap, 3 internal or solver failure.
    /// `--progress json` ends with a done line whatever happened.
    static func main() {
        let code: Int32
        var message: String?
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as CadreExit {
            code = exit.code
        } catch let error as ExitCode {
            code = error.rawValue
        } catch {
            (code, message) = Self.report(error)
        }
        CommandProgress.finish(exit: code, error: message)
        Foundation.exit(code)
    }

    /// Says what went wrong; returns the exit code and the message for a failure.
    private static func report(_ error: Error) -> (Int32, String?) {
        let argumentCode = exitCode(for: error)
        if argumentCode == .success {
            print(fullMessage(for: error))
            return (0, nil)
        }
        let failure = Failure.classify(error) ?? Failure(message: fullMessage(for: error), code: Failure.badInput)
        CommandProgress.message(failure.message)
        return (failure.code, failure.message)
    }
}

/// Leaves with a given exit code after the command has said what it needed to.
struct CadreExit: Error {
    var code: Int32
}
