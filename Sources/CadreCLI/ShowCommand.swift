import ArgumentParser
import CadreDomain
import CadreIO
import CadreReport
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Shows one official's planned courses, year by year, and the targets they count toward.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Argument(help: "The official's id.")
    var officialId: String

    @Option(name: .long, help: "The folder `plan` wrote (default: out/<scenario name>/).")
    var out: String?

    @Option(name: .long, help: "Language of labels: vi or en.")
    var lang: ReportLanguage = .vi

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        let scenario = loaded.scenario
        let schedulePath = PlanReader.schedulePath(in: out ?? "out/\(scenario.name)")
        guard FileManager.default.fileExists(atPath: schedulePath) else {
            throw CLIError.usage("no plan at \(schedulePath): run `cadreplan plan` first or give --out")
        }
        let plan = try ScheduleFile.plan(
            from: try Data(contentsOf: URL(fileURLWithPath: schedulePath)), file: schedulePath, scenario: scenario)
        guard let index = scenario.officials.firstIndex(where: { $0.id == officialId }) else {
            throw CLIError.usage("no official \(officialId) in \(self.scenario)")
        }
        let officialPlan = OfficialPlan(officialIndex: index, plan: plan, scenario: scenario)
        print(OfficialCard(plan: officialPlan, standings: officialPlan.standings(in: scenario), labels: Wording(language: lang)).text)
    }
}

/// One official's plan as the terminal shows it.
struct OfficialCard {
    let plan: OfficialPlan
    let standings: [OfficialPlan.Standing]
    let labels: Wording

    var text: String {
        let official = plan.official
        var lines = [
            "\(official.id)  \(official.fullName)",
            "\(official.title.isEmpty ? "" : official.title + ", ")\(official.commune), \(official.district)",
            "\(labels.text("Sinh năm", "Born")) \(official.birthYear) · \(labels.text("công tác đến hết", "in service to the end of")) \(official.lastServiceYear)",
            "",
            labels.text("Khóa học:", "Courses:"),
        ]
        if plan.enrolments.isEmpty { lines.append("  " + labels.text("(không có khóa nào trong kế hoạch)", "(none in the plan)")) }
        let courseWidth = plan.enrolments.map(\.course.id.count).max() ?? 0
        for enrolment in plan.enrolments {
            let span = enrolment.completes == enrolment.year ? "\(enrolment.year)     " : "\(enrolment.year)–\(enrolment.completes)"
            lines.append("  \(span)  \(padded(enrolment.course.id, courseWidth))  \(enrolment.course.name)")
        }
        lines += ["", labels.text("Chỉ tiêu (năm thuộc đối tượng → năm đạt yêu cầu):", "Targets (years in the cohort → years meeting the requirement):")]
        if standings.isEmpty { lines.append("  " + labels.text("(không thuộc đối tượng chỉ tiêu nào)", "(in no target's cohort)")) }
        let targetWidth = standings.map(\.target.id.count).max() ?? 0
        for standing in standings {
            let met = standing.metYears.isEmpty ? labels.text("chưa đạt", "not met") : yearRanges(standing.metYears)
            let label = labels.language == .vi ? standing.target.labelVi : standing.target.labelEn
            lines.append("  \(padded(standing.target.id, targetWidth))  \(yearRanges(standing.cohortYears)) → \(met)  \(label)")
        }
        return lines.joined(separator: "\n")
    }
}

private func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

/// `2024–2026, 2029`.
func yearRanges(_ years: [Int]) -> String {
    var parts: [String] = []
    var index = 0
    while index < years.count {
        var end = index
        while end + 1 < years.count && years[end + 1] == years[end] + 1 { end += 1 }
        parts.append(end == index ? String(years[index]) : "\(years[index])–\(years[end])")
        index = end + 1
    }
    return parts.joined(separator: ", ")
}
