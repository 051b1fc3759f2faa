import CadreDomain
import CadrePlanner
import Foundation

/// The outputs this module adds to a plan's folder, by relative path: `plan.xlsx`, `report.html`,
/// `districts.csv`, `officials_plan.csv`, and the rosters as papers to print (`RosterPapers`).
public enum ReportFiles {
    /// Every file is written on its own, on every core: the 115 roster papers of the sample are most of a
    /// what-if run's writing time.
    public static func files(for result: PlanningResult, language: ReportLanguage = .vi) throws -> [String: Data] {
        // Once for the CSV and the workbook's sheet alike.
        let officialPlans = OfficialPlan.all(plan: result.plan, scenario: result.scenario)
        // The workbook is the heaviest, so it goes first.
        let jobs: [(path: String, write: () throws -> Data)] = [
            ("plan.xlsx", { try WorkbookWriter.data(for: result, language: language, officialPlans: officialPlans) }),
            ("report.html", { ReportWriter.data(for: result, language: language) }),
            ("districts.csv", { DistrictAllocation(plan: result.plan, scenario: result.scenario).csv(result.scenario) }),
            ("officials_plan.csv", { OfficialPlan.csv(officialPlans) }),
        ] + RosterPapers.papers(for: result, language: language)
        let written = try ParallelJobs.run(jobs.count) { try jobs[$0].write() }
        return Dictionary(uniqueKeysWithValues: zip(jobs.map(\.path), written))
    }
}
