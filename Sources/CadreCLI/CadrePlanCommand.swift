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
    /// 1 bad input or arguments, 2 time limit before the gap, 3 internal or solver failure.
    static func main() {
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as CadreExit {
            code = exit.code
        } catch let error as ExitCode {
            code = error.rawValue
        } catch {
            code = Self.report(error)
        }
        Foundation.exit(code)
    }

    private static func report(_ error: Error) -> Int32 {
        let argumentCode = exitCode(for: error)
        if argumentCode == .success {
            print(fullMessage(for: error))
            return 0
        }
        if let failure = Failure.classify(error) {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            return failure.code
        }
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        return 1
    }
}

/// Leaves with a given exit code after the command has said what it needed to.
struct CadreExit: Error {
    var code: Int32
}
