import Foundation
import XCTest

/// `compare` and `min-budget` run as a user would, on the tiny scenario of `ScenarioText`.
final class WhatIfCommandTests: CLITestCase {
    private func cadreplan(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, in: scratch.url, timeout: 120, file: file, line: line)
    }

    /// The tiny scenario and a copy extending it with no money at all.
    private func twoScenarios() throws -> (String, String) {
        let tiny = try ScenarioText.write(to: scratch.path("in"))
        let broke = scratch.path("in/broke.yaml")
        try Data("extends: tiny.yaml\nname: broke\nbudget:\n  2022: 0\n  2023: 0\n  2024: 0\n".utf8)
            .write(to: URL(fileURLWithPath: broke))
        return (tiny, broke)
    }

    func testCompareShowsBothScenariosAndWritesTheirNumbers() throws {
        let (tiny, broke) = try twoScenarios()
        let run = try cadreplan("compare", tiny, broke, "--out", scratch.path("cmp"), "--lang", "en", "--time-limit", "20")
        XCTAssertEqual(run.code, 0, run.transcript)
        XCTAssertTrue(run.stdout.contains("tiny") && run.stdout.contains("broke"), run.stdout)

        let compare = try OutputCSV(path: scratch.path("cmp/compare.csv"))
        XCTAssertTrue(compare.hasBOM)
        XCTAssertEqual(Set(compare.rows.map { $0["scenario"]! }), ["tiny", "broke"])
        for name in ["tiny", "broke"] {
            let attainment = try OutputCSV(path: scratch.path("cmp/\(name)/attainment.csv"))
            let rows = compare.rows.filter { $0["scenario"] == name }
            XCTAssertEqual(Set(rows.map { $0["target_id"]! }), ["T1", "T2", "T3"])
            for row in rows {
                let id = row["target_id"]!
                let horizon = attainment.rows.first { $0["target_id"] == id && $0["year"] == "2024" }!
                XCTAssertEqual(row["horizon"], "2024")
                XCTAssertEqual(row["attained_horizon"], horizon["attained"], "\(name) \(id)")
                XCTAssertEqual(row["required_horizon"], horizon["required"], "\(name) \(id)")
                XCTAssertEqual(row["attained_2030"], "", "2030 is past the horizon")
                let years = attainment.rows.filter { $0["target_id"] == id }.sorted { $0["year"]! < $1["year"]! }
                let firstMet = years.indices.first { i in years[i...].allSatisfy { $0["shortfall"] == "0" } }.map { years[$0]["year"]! }
                XCTAssertEqual(row["first_met"], firstMet ?? "", "\(name) \(id)")
            }
        }
        let totals = try OutputCSV(path: scratch.path("cmp/compare-scenarios.csv"))
        let broken = totals.rows.first { $0["scenario"] == "broke" }
        XCTAssertEqual(broken?["total_cost"], "0")
        let summary = try readJSON(scratch.path("cmp/tiny/summary.json"))
        XCTAssertEqual(Double(totals.rows.first { $0["scenario"] == "tiny" }?["total_cost"] ?? ""), number(summary["total_cost"]))

        let page = try String(contentsOfFile: scratch.path("cmp/compare.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<html lang=\"en\">"))
        XCTAssertTrue(page.contains("tiny") && page.contains("broke"))
        XCTAssertEqual(page.components(separatedBy: "<svg class=\"chart\"").count - 1, 3, "one chart per target")
        XCTAssertFalse(page.contains("http://") || page.contains("https://"))
    }

    func testCompareExitsOneOnAMissingScenarioAndStillComparesTheRest() throws {
        let (tiny, _) = try twoScenarios()
        let run = try cadreplan("compare", tiny, scratch.path("in/nowhere.yaml"), "--out", scratch.path("cmp"), "--quiet")
        XCTAssertEqual(run.code, 1, run.transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("cmp/tiny/summary.json")))
    }

    func testMinBudgetWritesAScenarioWithExactlyThatBudget() throws {
        let (tiny, _) = try twoScenarios()
        let run = try cadreplan("min-budget", tiny, "--out", scratch.path("least"), "--lang", "en")
        XCTAssertEqual(run.code, 0, run.transcript)
        let budget = try OutputCSV(path: scratch.path("least/budget.csv"))
        for row in budget.rows { XCTAssertEqual(row["budget"], row["spent"]) }
        let total = budget.rows.reduce(0.0) { $0 + Double($1["spent"]!)! }
        XCTAssertTrue(run.stdout.contains(String(Int(total))), run.stdout)

        let replanned = try cadreplan("plan", scratch.path("least/min-budget.yaml"), "--out", scratch.path("again"), "--quiet")
        XCTAssertEqual(replanned.code, 0, replanned.transcript)
        let again = try OutputCSV(path: scratch.path("again/budget.csv"))
        XCTAssertEqual(again.rows.map { $0["budget"]! }, budget.rows.map { $0["budget"]! })
        XCTAssertEqual(try readJSON(scratch.path("again/summary.json"))["scenario"] as? String, "tiny-min-budget")
    }

    func testSweepPlansEachFactorAndShortfallFallsAsMoneyGrows() throws {
        let (tiny, _) = try twoScenarios()
        let run = try cadreplan("sweep", tiny, "--from", "0", "--to", "1", "--step", "0.5", "--out", scratch.path("sweep"),
                                "--quiet", "--gap", "0")
        XCTAssertEqual(run.code, 0, run.transcript)
        let sweep = try OutputCSV(path: scratch.path("sweep/sweep.csv"))
        XCTAssertEqual(sweep.rows.map { $0["factor"]! }, ["0", "0.5", "1"])
        XCTAssertEqual(sweep.rows.map { $0["total_budget"]! }, ["0", "11500000", "23000000"])
        XCTAssertEqual(sweep.rows.first?["total_cost"], "0")
        let objectives = sweep.rows.map { Double($0["objective"]!)! }
        XCTAssertEqual(objectives, objectives.sorted(by: >), "more money never leaves more shortfall")
        let atOne = try OutputCSV(path: scratch.path("sweep/x1/attainment.csv"))
        let t1 = atOne.rows.first { $0["target_id"] == "T1" && $0["year"] == "2024" }!
        XCTAssertEqual(sweep.rows.last?["attained_T1"], t1["attained"])
        XCTAssertEqual(sweep.rows.last?["required_T1"], t1["required"])

        let page = try String(contentsOfFile: scratch.path("sweep/sweep.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<html lang=\"vi\">"))
        XCTAssertEqual(page.components(separatedBy: "data-chart=\"shortfall\"").count - 1, 1)
        XCTAssertTrue(page.contains("\(t1["attained"]!)/\(t1["required"]!)"))
    }

    /// A budget variant warm from the tiny scenario's folder plans to the same optimum as a cold run, writes the
    /// same plan and says nothing; a folder of other officials is not used, and the run says why and plans cold.
    func testWarmStartIsUsedForAVariantAndRefusedForOtherOfficials() throws {
        let (tiny, _) = try twoScenarios()
        let first = try cadreplan("plan", tiny, "--out", scratch.path("first"), "--quiet", "--gap", "0")
        XCTAssertEqual(first.code, 0, first.transcript)
        let richer = scratch.path("in/richer.yaml")
        try Data("extends: tiny.yaml\nname: richer\nbudget:\n  2022: 20000000\n  2023: 16000000\n  2024: 10000000\n".utf8)
            .write(to: URL(fileURLWithPath: richer))
        let warm = try cadreplan("plan", richer, "--warm-start", scratch.path("first"), "--out", scratch.path("warm"), "--gap", "0", "--quiet")
        let cold = try cadreplan("plan", richer, "--out", scratch.path("cold"), "--gap", "0", "--quiet")
        XCTAssertEqual(warm.code, 0, warm.transcript)
        XCTAssertEqual(cold.code, 0, cold.transcript)
        XCTAssertEqual(warm.stderr, "", "a warm start that is used says nothing")
        XCTAssertEqual(number(try readJSON(scratch.path("warm/summary.json"))["objective"]),
                       number(try readJSON(scratch.path("cold/summary.json"))["objective"]))
        for file in ["schedule.csv", "attainment.csv", "budget.csv", "intakes.csv"] {
            XCTAssertEqual(FileManager.default.contents(atPath: scratch.path("warm/\(file)")),
                           FileManager.default.contents(atPath: scratch.path("cold/\(file)")), file)
        }

        let others = try ScenarioText.write(to: scratch.path("others"), name: "others",
                                            officials: Array(ScenarioText.tinyOfficials.dropLast()))
        let refused = try cadreplan("plan", others, "--warm-start", scratch.path("first"), "--out", scratch.path("refused"),
                                    "--gap", "0", "--quiet")
        XCTAssertEqual(refused.code, 0, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("--warm-start \(scratch.path("first")) not used"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("other officials"), refused.stderr)
        let missing = try cadreplan("plan", tiny, "--warm-start", scratch.path("nowhere"), "--out", scratch.path("missing"), "--quiet", "--gap", "0")
        XCTAssertEqual(missing.code, 0, missing.transcript)
        XCTAssertTrue(missing.stderr.contains("summary.json"), missing.stderr)
    }
}
