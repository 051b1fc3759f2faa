import CadreDomain
import CadrePlanner
import Foundation

/// The outputs this module adds to a plan's folder, by relative path: `plan.xlsx`, `report.html`,
/// `districts.csv` and `officials_plan.csv`.
public enum ReportFiles {
    public static func files(for result: PlanningResult, language: ReportLanguage = .vi) throws -> [String: Data] {
        // Once for the CSV and the workbook's sheet alike.
        let officialPlans = OfficialPlan.all(plan: result.plan, scenario: result.scenario)
        return [
            "plan.xlsx": try WorkbookWriter.data(for: result, language: language, officialPlans: officialPlans),
            "report.html": ReportWriter.data(for: result, language: language),
            "districts.csv": DistrictAllocation(plan: result.plan, scenario: result.scenario).csv(result.scenario),
            "officials_plan.csv": OfficialPlan.csv(officialPlans),
        ]
    }
}
