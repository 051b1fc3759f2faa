import CadreDomain
import CadrePlanner
import Foundation

/// The outputs this module adds to a plan's folder, by relative path: `plan.xlsx`, `report.html`,
/// `districts.csv`, `officials_plan.csv`, and the rosters as papers to print (`RosterPapers`).
public enum ReportFiles {
    public static func files(for result: PlanningResult, language: ReportLanguage = .vi) throws -> [String: Data] {
        // Once for the CSV and the workbook's sheet alike.
        let officialPlans = OfficialPlan.all(plan: result.plan, scenario: result.scenario)
        let papers = try RosterPapers.files(for: result, language: language)
        return papers.merging([
            "plan.xlsx": try WorkbookWriter.data(for: result, language: language, officialPlans: officialPlans),
            "report.html": ReportWriter.data(for: result, language: language),
            "districts.csv": DistrictAllocation(plan: result.plan, scenario: result.scenario).csv(result.scenario),
            "officials_plan.csv": OfficialPlan.csv(officialPlans),
        ]) { paper, _ in paper }
    }
}
