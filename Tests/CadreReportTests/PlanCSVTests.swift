import CadreDomain
import CadreIO
import Foundation
import XCTest
@testable import CadreReport

final class PlanCSVTests: XCTestCase {
    func testReportFilesAreTheFourNewOutputsAndTheRosterPapers() throws {
        let files = try ReportFiles.files(for: ReportFixtures.handMade())
        XCTAssertEqual(files.keys.sorted(), [
            "districts.csv", "officials_plan.csv", "plan.xlsx", "report.html", "rosters/2022_TC-LLCT.xlsx",
            "rosters/2023_QLNN-CV.xlsx", "rosters/2023_TC-LLCT.xlsx", "rosters/2024_QLNN-CV.xlsx",
            "rosters/districts/Ba_To.xlsx", "rosters/districts/Binh_Son.xlsx",
        ])
        for name in ["districts.csv", "officials_plan.csv"] {
            XCTAssertTrue(files[name]!.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with the UTF-8 BOM")
        }
    }

    func testDistrictsCSVCountsTraineesPerIntakeAndDistrict() throws {
        let files = try ReportFiles.files(for: ReportFixtures.handMade())
        let csv = try ReportFixtures.csvRows(files["districts.csv"])
        XCTAssertEqual(csv.header, ["year", "course_id", "district", "trainees"])
        XCTAssertEqual(csv.rows, [
            ["2022", "TC-LLCT", "Ba Tơ", "1"],
            ["2023", "QLNN-CV", "Ba Tơ", "1"],
            ["2023", "TC-LLCT", "Bình Sơn", "1"],
            ["2024", "QLNN-CV", "Ba Tơ", "1"],
        ])
    }

    func testDistrictsAddUpToTheIntakes() throws {
        let result = try ReportFixtures.planned(seed: 3)
        let districts = try ReportFixtures.csvRows(try ReportFiles.files(for: result)["districts.csv"])
        let intakes = try ReportFixtures.csvRows(PlanWriter.files(for: result)["intakes.csv"])
        var sums: [String: Int] = [:]
        for row in districts.rows { sums[row[0] + " " + row[1], default: 0] += Int(row[3])! }
        XCTAssertEqual(sums, Dictionary(uniqueKeysWithValues: intakes.rows.map { ($0[0] + " " + $0[1], Int($0[2])!) }))
    }

    func testOfficialsPlanListsCoursesAndTargetsAtTheHorizon() throws {
        let csv = try ReportFixtures.csvRows(try ReportFiles.files(for: ReportFixtures.handMade())["officials_plan.csv"])
        XCTAssertEqual(csv.header, ["official_id", "full_name", "district", "commune", "courses", "targets"])
        XCTAssertEqual(csv.rows.map(\.first), ["A1", "A2", "A10"], "every official with a course, ids in natural order")
        XCTAssertEqual(csv.rows[0][4], "2022 TC-LLCT; 2024 QLNN-CV")
        XCTAssertEqual(csv.rows[0][5], "25-3; 25-10")
        XCTAssertEqual(csv.rows[1][5], "25-3", "no state management course, so not 25-10")
    }

    func testOfficialPlanGivesTheYearsARequirementIsMet() {
        let result = ReportFixtures.handMade()
        let plan = OfficialPlan(officialIndex: 1, plan: result.plan, scenario: result.scenario)
        XCTAssertEqual(plan.enrolments.map(\.completes), [2024])
        let standings = plan.standings(in: result.scenario)
        let theory = standings.first { $0.target.id == "25-3" }
        XCTAssertEqual(theory?.cohortYears, [2022, 2023, 2024, 2025])
        XCTAssertEqual(theory?.metYears, [2024, 2025], "counts from the end of the year the two-year course completes")
        XCTAssertEqual(standings.first { $0.target.id == "25-10" }?.metYears, [])
        XCTAssertEqual(plan.targetsAtHorizon, standings.filter { $0.metYears.last == result.scenario.horizon }.map(\.target.id).sorted(by: naturallyPrecedes))
        XCTAssertTrue(plan.targetsAtHorizon.contains("25-3"))
    }

    func testScheduleFileReadsBackThePlan() throws {
        let result = ReportFixtures.handMade()
        let data = try XCTUnwrap(PlanWriter.files(for: result)["schedule.csv"])
        XCTAssertEqual(try ScheduleFile.plan(from: data, file: "schedule.csv", scenario: result.scenario), result.plan)
        let unknown = Data("\u{FEFF}year,official_id,course_id\n2023,ZZ,TC-LLCT\n".utf8)
        XCTAssertThrowsError(try ScheduleFile.plan(from: unknown, file: "schedule.csv", scenario: result.scenario)) { error in
            XCTAssertTrue(String(describing: error).contains("ZZ"), String(describing: error))
        }
    }
}
