import ArgumentParser
import CadreGLPK
import CadreIO
import CadreLinearModel
import CadrePlanner
import Foundation

extension ModelFormat: ExpressibleByArgument {}
extension ModelForm: ExpressibleByArgument {}

struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Writes an integer program of the primary objective (MPS or CPLEX LP): the master problem GLPK solves, or the per-person model.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "mps or lp.")
    var format: ModelFormat

    @Option(name: .long, help: "The file to write.")
    var out: String

    @Option(name: .long, help: "master (the problem plan solves, over course sequences) or person (one binary per official, course and start year; for checking a plan with any solver).")
    var form: ModelForm = .master

    @OptionGroup var options: SolvingOptions

    func validate() throws {
        // Not a solving command: the stop rule and progress lines are for the commands that plan.
        guard options.progress == nil else { throw ValidationError("export-model has no --progress") }
    }

    func run() throws {
        let started = Date()
        let loaded = try ScenarioLoader.load(path: scenario)
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        if loaded.files.all.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw CLIError.usage("refusing to write the model over the input file \(out)")
        }
        // Written beside the target and renamed, so a failed export leaves no half file.
        let temporary = target + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let planner = Planner(solver: GLPKSolver(),
                              options: options.plannerOptions(started: started, officials: loaded.scenario.officials.count,
                                                             stop: StopRequest()))
        try planner.exportModel(loaded.scenario, format: format, to: temporary, form: form)
        do {
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: temporary, toPath: target)
        } catch {
            throw OutputError(writing: out, failedWith: error)
        }
        if !options.quiet { print(out) }
    }
}
