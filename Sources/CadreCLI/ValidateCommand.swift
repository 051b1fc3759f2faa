import ArgumentParser
import CadreDomain
import CadreIO
import CadreReport
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Checks every input of a scenario and lists every problem.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Language of labels: vi or en.")
    var lang: ReportLanguage = .vi

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        printWarnings(loaded.warnings)
        let conflicts = LockConflicts.find(in: loaded.scenario)
        if !conflicts.isEmpty { throw LockConflictError(conflicts: conflicts) }
        let labels = Wording(language: lang)
        let s = loaded.scenario
        print(labels.text(
            "Hợp lệ: \(s.officials.count) cán bộ, \(s.courses.count) khóa học, \(s.targets.count) mục tiêu, \(s.baseYear)–\(s.horizon).",
            "Valid: \(s.officials.count) officials, \(s.courses.count) courses, \(s.targets.count) targets, \(s.baseYear)–\(s.horizon)."))
    }
}
