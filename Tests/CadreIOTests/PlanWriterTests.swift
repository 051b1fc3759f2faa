import CadreDomain
import CadrePlanner
import Foundation
import XCTest
@testable import CadreIO

final class PlanWriterTests: XCTestCase {
    /// The fixture scenario with CB1 and CB2 on SC-LLCT in 2022 and CB2 on the two-year TC-LLCT from 2023.
    private func result(stoppedBy: StopReason = .timeLimit) throws -> PlanningResult {
        let folder = try TemporaryFolder(self)
        let scenario = try ScenarioLoader.load(path: try folder.writeScenario()).scenario
        let plan = Plan(starts: [
            CourseStart(official: 1, course: 1, year: 2023),
            CourseStart(official: 1, course: 0, year: 2022),
            CourseStart(official: 0, course: 0, year: 2022),
        ])
        let evaluation = PlanEvaluation(scenario: scenario, plan: plan)
        return PlanningResult(
            scenario: scenario, plan: plan, evaluation: evaluation, status: .feasible, objective: 12.5,
            totalCost: evaluation.totalCost, gap: 0.0123, seconds: 1.5, solverName: "GLPK 5.0", variables: 10,
            constraints: 20, stoppedBy: stoppedBy)
    }

    private func text(_ files: [String: Data], _ name: String) -> String {
        let data = files[name] ?? Data()
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) starts with a BOM")
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }

    func testFilesAndHeadersAreTheContracts() throws {
        let files = PlanWriter.files(for: try result())
        XCTAssertEqual(files.keys.sorted(), [
            "attainment.csv", "budget.csv", "intakes.csv", "rosters/2022_SC-LLCT.csv", "rosters/2023_TC-LLCT.csv",
            "schedule.csv", "summary.json",
        ])
        let headers = [
            "schedule.csv": "year,official_id,full_name,district,commune,course_id,course_name,family,grants,completes,cost",
            "attainment.csv": "target_id,year,cohort,required,attained,shortfall",
            "budget.csv": "year,budget,spent,carried",
            "intakes.csv": "year,course_id,trainees,seats,cost",
            "rosters/2022_SC-LLCT.csv": "official_id,full_name,gender,birth_year,title,commune,district",
        ]
        for (name, header) in headers {
            XCTAssertEqual(text(files, name).components(separatedBy: "\n").first, header, name)
        }
    }

    func testRows() throws {
        let files = PlanWriter.files(for: try result())
        XCTAssertEqual(text(files, "schedule.csv"), """
        year,official_id,full_name,district,commune,course_id,course_name,family,grants,completes,cost
        2022,CB1,Nguyễn Văn An,Mường Tè,Ka Lăng,SC-LLCT,Sơ cấp lý luận chính trị,political_theory,elementary,2022,4000000
        2022,CB2,Lò Thị Bình,Mường Tè,Thu Lũm,SC-LLCT,Sơ cấp lý luận chính trị,political_theory,elementary,2022,4000000
        2023,CB2,Lò Thị Bình,Mường Tè,Thu Lũm,TC-LLCT,"Trung cấp lý luận chính trị, hệ tập trung",political_theory,intermediate,2024,30000000

        """)
        XCTAssertEqual(text(files, "budget.csv"), """
        year,budget,spent,carried
        2022,6000000000,8000000,5992000000
        2023,6000000000,15000000,11977000000
        2024,0,15000000,11962000000
        2025,0,0,11962000000
        2026,0,0,11962000000

        """)
        XCTAssertEqual(text(files, "intakes.csv"), """
        year,course_id,trainees,seats,cost
        2022,SC-LLCT,2,200,8000000
        2023,TC-LLCT,1,100,30000000

        """)
        XCTAssertEqual(text(files, "rosters/2022_SC-LLCT.csv"), """
        official_id,full_name,gender,birth_year,title,commune,district
        CB1,Nguyễn Văn An,male,1975,Chủ tịch UBND,Ka Lăng,Mường Tè
        CB2,Lò Thị Bình,female,1988,Công chức Tư pháp,Thu Lũm,Mường Tè

        """)
        let attainment = text(files, "attainment.csv").split(separator: "\n").dropFirst()
        XCTAssertEqual(attainment.map { $0.split(separator: ",").prefix(2).joined(separator: ",") }, [
            "25-2,2022", "25-2,2023", "25-2,2024", "25-2,2025", "25-2,2026",
            "25-10,2022", "25-10,2023", "25-10,2024", "25-10,2025", "25-10,2026",
        ])
        XCTAssertEqual(attainment[attainment.startIndex + 5], "25-10,2022,1,1,1,0")
    }

    func testSummary() throws {
        let planned = try result()
        let files = PlanWriter.files(for: planned)
        let officials = InputDigest.officials(planned.scenario.officials)
        let courses = InputDigest.courses(planned.scenario.courses)
        XCTAssertEqual(String(decoding: files["summary.json"]!, as: UTF8.self), """
        {
          "base_year": 2022,
          "constraints": 20,
          "courses_digest": "\(courses)",
          "gap": 0.0123,
          "horizon": 2026,
          "objective": 12.5,
          "officials_digest": "\(officials)",
          "scenario": "baseline",
          "seconds": 1.5,
          "solver": "GLPK 5.0",
          "spending_gap": null,
          "starts": 3,
          "status": "feasible",
          "stopped_by": "time_limit",
          "stopped_by_time_limit": true,
          "total_cost": 38000000,
          "variables": 10
        }

        """)
        let json = try JSONSerialization.jsonObject(with: files["summary.json"]!) as? [String: Any]
        XCTAssertEqual(json?["total_cost"] as? Int, 38_000_000)
    }

    /// `stopped_by` takes the contract's words; the older `stopped_by_time_limit` says the same for tools that read it.
    func testStoppedByAndTheOlderKeyAgree() throws {
        let expected: [StopReason: String] = [
            .gap: "gap", .timeLimit: "time_limit", .stopRequest: "stop_request", .searchExhausted: "search_exhausted",
        ]
        XCTAssertEqual(Set(expected.keys), Set(StopReason.allCases))
        for (reason, word) in expected {
            let data = PlanWriter.files(for: try result(stoppedBy: reason))["summary.json"]!
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(json["stopped_by"] as? String, word)
            XCTAssertEqual(json["stopped_by_time_limit"] as? Bool, reason == .timeLimit, word)
        }
    }

    func testStatusWords() {
        XCTAssertEqual(PlanWriter.statusWord(.optimal), "optimal")
        XCTAssertEqual(PlanWriter.statusWord(.feasible), "feasible")
        XCTAssertEqual(PlanWriter.statusWord(.infeasible), "infeasible")
        XCTAssertEqual(PlanWriter.statusWord(.noSolution), "failed")
        XCTAssertEqual(PlanWriter.statusWord(.unbounded), "failed")
    }

    func testSameResultSameBytes() throws {
        let result = try result()
        XCTAssertEqual(PlanWriter.files(for: result), PlanWriter.files(for: result))
    }

    func testIntakesWhoseIdsCollideAsFileNamesGetDistinctRosters() throws {
        var result = try result()
        result.scenario.courses[0].id = "TC/LLCT"
        result.scenario.courses[1].id = "TC_LLCT"
        result.plan = Plan(starts: [CourseStart(official: 0, course: 0, year: 2022), CourseStart(official: 1, course: 1, year: 2022)])
        let names = PlanWriter.files(for: result).keys.filter { $0.hasPrefix("rosters/") }.sorted()
        XCTAssertEqual(names, ["rosters/2022_TC_LLCT-2.csv", "rosters/2022_TC_LLCT.csv"])
    }

    // MARK: Read back

    /// What `compare` and `sweep` read from a run's folder is what the writer put there.
    func testTheReaderReadsBackWhatTheWriterWrote() throws {
        let result = try result()
        let folder = try TemporaryFolder(self).path + "/out"
        try OutputFolder(path: folder).write(PlanWriter.files(for: result), inputFiles: [])
        let outcome = try XCTUnwrap(PlanReader.outcome(folder: folder))
        XCTAssertEqual(outcome.status, "feasible")
        XCTAssertEqual(outcome.objective, 12.5)
        XCTAssertEqual(outcome.gap, 0.0123)
        XCTAssertEqual(outcome.totalCost, result.totalCost)
        XCTAssertEqual(outcome.stoppedBy, "time_limit")
        XCTAssertEqual(outcome.horizon, result.scenario.horizon)
        XCTAssertEqual(outcome.targetIds, result.scenario.targets.map(\.id).sorted(by: naturallyPrecedes))
        for row in result.evaluation.attainment {
            let read = outcome.attainment[result.scenario.targets[row.targetIndex].id]?[row.year]
            XCTAssertEqual(read, PlanOutcome.Row(cohort: row.cohort, required: row.required, attained: row.attained,
                                                 shortfall: row.shortfall), "\(row)")
        }
        XCTAssertEqual(outcome.attainment.values.map(\.count).reduce(0, +), result.evaluation.attainment.count)
        XCTAssertEqual(outcome.spent, Dictionary(uniqueKeysWithValues: result.evaluation.budget.map { ($0.year, $0.spent) }))
        // The schedule's starts, in its row order, by id.
        let scenario = result.scenario
        XCTAssertEqual(try PlanReader.starts(folder: folder), PlanWriter.scheduleOrder(result.plan, scenario).map {
            ScheduledStart(officialID: scenario.officials[$0.official].id, courseID: scenario.courses[$0.course].id, year: $0.year)
        })
    }

    func testAFolderWithoutASummaryHasNoOutcome() throws {
        let folder = try TemporaryFolder(self)
        XCTAssertNil(PlanReader.outcome(folder: folder.path))
        XCTAssertNil(PlanReader.outcome(folder: folder.path + "/missing"))
    }

    /// The reader finds the files under the names the writer gives them.
    func testWriterAndReaderShareTheFileNames() throws {
        let names = Set(PlanWriter.files(for: try result()).keys)
        for name in [PlanFileName.schedule, PlanFileName.attainment, PlanFileName.budget, PlanFileName.intakes, PlanFileName.summary] {
            XCTAssertTrue(names.contains(name), name)
        }
        XCTAssertTrue(names.contains { $0.hasPrefix(PlanFileName.rosters + "/") })
        XCTAssertEqual(PlanReader.schedulePath(in: "out/x"), "out/x/" + PlanFileName.schedule)
    }
}
