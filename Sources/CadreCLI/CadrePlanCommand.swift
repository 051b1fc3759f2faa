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

    /// Runs a command and ends with the contract's exit code, which `Failure` decides for every error.
    /// `--progress json` ends with a done line whatever happened.
    static func main() {
        let status: ExitStatus
        var message: String?
        do {
            var command = try parseAsRoot()
            try command.run()
            status = .success
        } catch where exitCode(for: error) == .success {
            // --help, --version: the parser's answer, not a failure.
            print(fullMessage(for: error))
            status = .success
        } catch {
            let failure = Failure(error)
            if let text = failure.message { CommandProgress.message(text) }
            (status, message) = (failure.status, failure.message)
        }
        CommandProgress.finish(exit: status, error: message)
        Foundation.exit(status.rawValue)
    }
}
