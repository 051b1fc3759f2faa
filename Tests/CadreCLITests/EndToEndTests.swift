import CadreDomain
import CadreIO
import Foundation
import XCTest

/// End-to-end tests: the built `cadreplan` runs as a subprocess on scenario folders written to a temporary
/// folder, and its exit codes, messages and output files are checked against the contract.
final class EndToEndTests: CLITestCase {
    private func cadreplan(_ arguments: String..., timeout: Double = 120,
                           file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, in: scratch.url, timeout: timeout, file: file, line: line)
    }

    static let headers: [String: String] = [
        "schedule.csv": "year,official_id,full_name,district,commune,course_id,course_name,family,grants,completes,cost",
        "attainment.csv": "target_id,year,cohort,required,attained,shortfall",
        "budget.csv": "year,budget,spent,carried",
        "intakes.csv": "year,course_id,trainees,seats,cost",
    ]

    // MARK: 1. Recount

    /// Plans a generated province, then recounts attainment, objective, spending and intakes from schedule.csv
    /// and the input files alone, and compares with every row the planner wrote.
    func testPlanOutputsRecountFromScheduleAndInputs() throws {
        let generated = try cadreplan("generate", "--officials", "100", "--seed", "7", "--out", scratch.path("gen"))
        XCTAssertEqual(generated.code, 0, generated.transcript)
        try planAndRecount(folder: scratch.path("gen"), scenarioFile: "baseline.yaml", out: scratch.path("plan"),
                           timeLimit: "8", scenarioName: "baseline")
    }

    /// The same recount with carry-over: money left in one year is spent in the next, never more than that.
    func testPlanOutputsRecountWithCarryOver() throws {
        try ScenarioText.write(
            to: scratch.path("carry"), name: "carry", budget: [2022: 26_000_000, 2023: 0, 2024: 0], carryOver: true)
        try planAndRecount(folder: scratch.path("carry"), scenarioFile: "carry.yaml", out: scratch.path("plan"),
                           timeLimit: "20", scenarioName: "carry")
    }

    private func planAndRecount(folder: String, scenarioFile: String, out: String, timeLimit: String,
                                scenarioName: String) throws {
        let scenarioPath = folder + "/" + scenarioFile
        let planned = try cadreplan("plan", scenarioPath, "--out", out, "--time-limit", timeLimit, "--quiet")
        XCTAssert([0, 2].contains(planned.code), planned.transcript)
        let summary = try readJSON(out + "/summary.json")
        if planned.code == 2 {
            XCTAssertEqual(summary["status"] as? String, "feasible", "exit 2 must come with a feasible plan")
            XCTAssertTrue(["time_limit", "search_exhausted"].contains(summary["stopped_by"] as? String), "\(summary)")
        } else {
            XCTAssertEqual(summary["status"] as? String, "optimal", "exit 0 means the gap was reached")
            XCTAssertEqual(summary["stopped_by"] as? String, "gap")
        }

        // Inputs, read by the product's readers but with nothing of the planner.
        var problems: [InputProblem] = []
        let officials = OfficialsReader.read(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/officials.csv")), file: "officials.csv", problems: &problems)
        let courses = CoursesReader.read(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/courses.csv")), file: "courses.csv", problems: &problems)
        let targets = TargetsReader.read(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/targets.csv")), file: "targets.csv", problems: &problems)
        XCTAssertEqual(problems.filter { $0.severity == .error }, [])
        XCTAssertFalse(officials.isEmpty)
        let settings = try simpleYAML(scenarioPath)
        let baseYear = try XCTUnwrap(Int(settings.scalars["base_year"] ?? ""))
        let horizon = try XCTUnwrap(Int(settings.scalars["horizon"] ?? ""))
        let carryOver = settings.scalars["carry_over"] == "true"
        let years = Array(baseYear...horizon)
        let officialByID = Dictionary(uniqueKeysWithValues: officials.map { ($0.id, $0) })
        let courseByID = Dictionary(uniqueKeysWithValues: courses.map { ($0.id, $0) })

        // Every CSV: BOM and the contract's header.
        for (name, header) in Self.headers {
            let csv = try OutputCSV(path: out + "/" + name)
            XCTAssertTrue(csv.hasBOM, "\(name) must start with the UTF-8 BOM")
            XCTAssertEqual(csv.header.joined(separator: ","), header, name)
        }
        let rosterFolder = out + "/rosters"
        // Beside each CSV roster, the same list as a paper to print (and a folder of each district's papers).
        let rosterFiles = try FileManager.default.contentsOfDirectory(atPath: rosterFolder)
        let rosterNames = rosterFiles.filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(Set(rosterFiles), Set(rosterNames + rosterNames.map { $0.dropLast(4) + ".xlsx" } + ["districts"]))
        for name in rosterNames {
            XCTAssertTrue(try OutputCSV(path: rosterFolder + "/" + name).hasBOM, "rosters/\(name) must start with the UTF-8 BOM")
        }

        // Schedule: each row against the inputs, and the levels it gives.
        let schedule = try OutputCSV(path: out + "/schedule.csv")
        XCTAssertFalse(schedule.rows.isEmpty, "a budgeted province should get some training")
        var completions: [String: [(year: Int, family: Family, level: Int)]] = [:]
        var spent = Dictionary(uniqueKeysWithValues: years.map { ($0, 0.0) })
        var scheduleCost = 0.0
        var intakeCount: [String: Int] = [:]
        var previousYear = Int.min
        for (index, row) in schedule.rows.enumerated() {
            let where_ = "schedule.csv row \(index + 2)"
            let year = try XCTUnwrap(Int(row["year"] ?? ""), where_)
            let completes = try XCTUnwrap(Int(row["completes"] ?? ""), where_)
            let cost = try XCTUnwrap(Double(row["cost"] ?? ""), where_)
            let family = try XCTUnwrap(Family(rawValue: row["family"] ?? ""), where_)
            let level = try XCTUnwrap(family.level(named: row["grants"] ?? ""), where_)
            let id = row["official_id"] ?? ""
            let official = try XCTUnwrap(officialByID[id], "\(where_): unknown official \(id)")
            let course = try XCTUnwrap(courseByID[row["course_id"] ?? ""], "\(where_): unknown course")
            XCTAssertGreaterThanOrEqual(year, previousYear, "\(where_): rows sorted by year")
            previousYear = year
            XCTAssertEqual(row["full_name"], official.fullName, where_)
            XCTAssertEqual(row["district"], official.district, where_)
            XCTAssertEqual(row["commune"], official.commune, where_)
            XCTAssertEqual(row["course_name"], course.name, where_)
            XCTAssertEqual(family, course.family, where_)
            XCTAssertEqual(level, course.grants, where_)
            XCTAssertEqual(completes, year + course.years - 1, where_)
            XCTAssertEqual(cost, course.cost, accuracy: 0.005, where_)
            XCTAssertTrue(years.contains(year) && completes <= horizon, "\(where_): within base_year…horizon")
            XCTAssertLessThanOrEqual(completes, official.lastServiceYear, "\(where_): completes while in service")
            completions[id, default: []].append((completes, family, level))
            let span = completes - year + 1
            for attended in year...completes where spent[attended] != nil { spent[attended]! += cost / Double(span) }
            scheduleCost += cost
            intakeCount["\(year) \(course.id)", default: 0] += 1
        }

        // Attainment: recount every target in every year.
        func levels(of official: Official, atEndOf year: Int) -> Levels {
            var levels = official.levels
            for completion in completions[official.id] ?? [] where completion.year <= year {
                levels[completion.family] = max(levels[completion.family], completion.level)
            }
            return levels
        }
        let attainment = try OutputCSV(path: out + "/attainment.csv")
        var written: [String: [String: String]] = [:]
        for row in attainment.rows {
            let key = "\(row["target_id"] ?? "") \(row["year"] ?? "")"
            XCTAssertNil(written[key], "attainment.csv repeats \(key)")
            written[key] = row
        }
        XCTAssertEqual(attainment.rows.count, targets.count * years.count, "every target, every year")
        var objective = 0.0
        var mismatches: [String] = []
        for target in targets {
            for year in years {
                var cohort = 0
                var attained = 0
                for official in officials where target.cohortIncludes(official, in: year, baseYear: baseYear) {
                    cohort += 1
                    let held = levels(of: official, atEndOf: year)
                    if target.requirement.conditions.allSatisfy({ held[$0.family] >= $0.level }) { attained += 1 }
                }
                let required = max(0, Int((target.share * Double(cohort) - 1e-9).rounded(.up)))
                let shortfall = max(0, required - attained)
                if year >= max(target.deadline, baseYear) { objective += target.weight * Double(shortfall) }
                let expected = ["\(cohort)", "\(required)", "\(attained)", "\(shortfall)"]
                guard let row = written["\(target.id) \(year)"] else {
                    mismatches.append("\(target.id) \(year): missing")
                    continue
                }
                let got = ["cohort", "required", "attained", "shortfall"].map { row[$0] ?? "" }
                if got != expected { mismatches.append("\(target.id) \(year): wrote \(got), recount \(expected)") }
            }
        }
        XCTAssertEqual(mismatches, [], "attainment.csv differs from the recount")

        // Summary.
        let summaryObjective = try XCTUnwrap(number(summary["objective"]))
        XCTAssertEqual(summaryObjective, objective, accuracy: 1e-6 * max(1, objective), "objective = Σ weight × shortfall")
        XCTAssertEqual(try XCTUnwrap(number(summary["total_cost"])), scheduleCost, accuracy: 0.5, "total_cost = Σ schedule cost")
        XCTAssertEqual(summary["solver"] as? String, "GLPK 5.0")
        XCTAssertEqual(summary["scenario"] as? String, scenarioName)
        for key in ["gap", "seconds", "variables", "constraints"] { XCTAssertNotNil(number(summary[key]), "summary.json \(key)") }

        // Budget: the schedule's spending, spread over each course's years, within each year's budget plus
        // what the year before carried in (when carry-over is on).
        let budget = try OutputCSV(path: out + "/budget.csv")
        XCTAssertEqual(budget.rows.compactMap { Int($0["year"] ?? "") }, years)
        var carriedIn = 0.0
        for row in budget.rows {
            guard let year = Int(row["year"] ?? ""), let rowBudget = Double(row["budget"] ?? ""),
                  let rowSpent = Double(row["spent"] ?? ""), let carried = Double(row["carried"] ?? "") else {
                XCTFail("budget.csv row \(row) does not read as numbers")
                continue
            }
            XCTAssertEqual(rowBudget, settings.budget[year] ?? 0, accuracy: 0.005, "budget.csv budget \(year) = the scenario's")
            XCTAssertEqual(rowSpent, spent[year]!, accuracy: 0.01, "budget.csv spent \(year) = the schedule's spending")
            let available = rowBudget + carriedIn
            XCTAssertLessThanOrEqual(rowSpent, available + 0.5, "spent ≤ budget + carried in, \(year)")
            XCTAssertEqual(carried, carryOver ? max(0, available - rowSpent) : 0, accuracy: 0.01, "carried \(year)")
            carriedIn = carried
        }

        // Intakes: one row per course start group, seats kept, cost = trainees × course cost; one roster each.
        let intakes = try OutputCSV(path: out + "/intakes.csv")
        var intakeRows: [String: Int] = [:]
        for row in intakes.rows {
            let key = "\(row["year"] ?? "") \(row["course_id"] ?? "")"
            guard let trainees = Int(row["trainees"] ?? ""), let seats = Int(row["seats"] ?? ""),
                  let cost = Double(row["cost"] ?? ""), let course = courseByID[row["course_id"] ?? ""] else {
                XCTFail("intakes.csv row \(row) does not read")
                continue
            }
            intakeRows[key] = trainees
            XCTAssertEqual(seats, course.seats, key)
            XCTAssertLessThanOrEqual(trainees, seats, "\(key): seats")
            XCTAssertEqual(cost, Double(trainees) * course.cost, accuracy: 0.5, key)
        }
        XCTAssertEqual(intakeRows, intakeCount, "intakes.csv = schedule.csv grouped by year and course")
        XCTAssertEqual(rosterNames.count, intakeCount.count, "one roster per intake")
        var rosterRows = 0
        for name in rosterNames { rosterRows += try OutputCSV(path: rosterFolder + "/" + name).rows.count }
        XCTAssertEqual(rosterRows, schedule.rows.count, "every trainee on one roster")
    }

    // MARK: 2. export-model against glpsol

    /// The exported LP and free MPS models, solved by glpsol on their own, reach the objective `plan` reports.
    func testExportedModelsSolveToThePlannedObjective() throws {
        let glpsol = "/usr/bin/glpsol"
        guard FileManager.default.isExecutableFile(atPath: glpsol) else {
            throw XCTSkip("glpsol is not installed at \(glpsol)")
        }
        let scenario = try ScenarioText.write(to: scratch.path("tiny"))
        let planned = try cadreplan("plan", scenario, "--out", scratch.path("plan"), "--gap", "0", "--time-limit", "30", "--quiet")
        XCTAssertEqual(planned.code, 0, planned.transcript)
        let summary = try readJSON(scratch.path("plan/summary.json"))
        XCTAssertEqual(summary["status"] as? String, "optimal")
        let planObjective = try XCTUnwrap(number(summary["objective"]))
        XCTAssertGreaterThan(planObjective, 0, "the tight budget should leave some shortfall")

        for (format, flag) in [("lp", "--lp"), ("mps", "--freemps")] {
            let model = scratch.path("model.\(format)")
            let exported = try cadreplan("export-model", scenario, "--format", format, "--out", model, "--quiet")
            XCTAssertEqual(exported.code, 0, exported.transcript)
            XCTAssertTrue(FileManager.default.fileExists(atPath: model), "\(format) written")
            let report = scratch.path("glpsol-\(format).txt")
            let solver = Process()
            solver.executableURL = URL(fileURLWithPath: glpsol)
            solver.arguments = [flag, model, "-o", report]
            solver.currentDirectoryURL = scratch.url
            let log = scratch.url.appendingPathComponent("glpsol-\(format).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let logHandle = try FileHandle(forWritingTo: log)
            solver.standardOutput = logHandle
            solver.standardError = logHandle
            try solver.run()
            solver.waitUntilExit()
            try logHandle.close()
            let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            XCTAssertEqual(solver.terminationStatus, 0, "glpsol \(flag): \(logText)")
            let text = try String(contentsOf: URL(fileURLWithPath: report), encoding: .utf8)
            XCTAssertTrue(text.contains("INTEGER OPTIMAL"), "glpsol \(flag) should prove optimality:\n\(text.prefix(400))")
            let objective = try XCTUnwrap(Self.glpsolObjective(text), "no objective in glpsol's report:\n\(text.prefix(400))")
            XCTAssertEqual(objective, planObjective, accuracy: 1e-6, "glpsol \(flag) optimum = plan's objective")
        }
    }

    /// `Objective:  obj = 48 (MINimum)` in glpsol's printed solution.
    static func glpsolObjective(_ report: String) -> Double? {
        for line in report.split(separator: "\n") where line.hasPrefix("Objective:") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                .split(separator: " ").first.map(String.init) ?? ""
            return Double(value)
        }
        return nil
    }

    // MARK: 3. Exit codes and messages

    func testValidateListsEveryProblemAndPlanWritesNothing() throws {
        var officials = ScenarioText.tinyOfficials
        // File line 3 is the second official, line 4 the third (line 1 is the header).
        officials[1] = officials[1].replacingOccurrences(of: ",university,none,none,", with: ",university,trung cap,none,")
        officials[2] = officials[2].replacingOccurrences(of: ",male,", with: ",man,")
        let scenario = try ScenarioText.write(to: scratch.path("bad"), officials: officials)

        let validated = try cadreplan("validate", scenario)
        XCTAssertEqual(validated.code, 1, validated.transcript)
        XCTAssertTrue(validated.stderr.contains("officials.csv:3: political_theory"), validated.transcript)
        XCTAssertTrue(validated.stderr.contains("trung cap"), "the message quotes the bad value: \(validated.transcript)")
        XCTAssertTrue(validated.stderr.contains("officials.csv:4: gender"), validated.transcript)

        let out = scratch.path("bad-plan")
        let planned = try cadreplan("plan", scenario, "--out", out, "--quiet")
        XCTAssertEqual(planned.code, 1, planned.transcript)
        XCTAssertTrue(planned.stderr.contains("officials.csv:3: political_theory"), planned.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "plan on bad input writes no output folder")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("bad-plan") }
        XCTAssertEqual(leftovers, [], "no staging folder left behind")
    }

    func testValidateCleanScenarioExitsZero() throws {
        let scenario = try ScenarioText.write(to: scratch.path("tiny"))
        let validated = try cadreplan("validate", scenario, "--lang", "en")
        XCTAssertEqual(validated.code, 0, validated.transcript)
        XCTAssertTrue(validated.stdout.contains("6 officials"), validated.transcript)
    }

    func testBadArgumentsExitOne() throws {
        let scenario = try ScenarioText.write(to: scratch.path("tiny"))
        let out = scratch.path("never")
        let cases: [[String]] = [
            ["plan", scenario, "--out", out, "--no-such-option"],
            ["plan", scenario, "--out", out, "--time-limit", "abc"],
            ["plan", scenario, "--out", out, "--time-limit", "-1"],
            ["plan", scenario, "--out", out, "--gap", "1.5"],
            ["plan", scenario, "--out", out, "--lang", "fr"],
            ["plan", scratch.path("missing.yaml"), "--out", out],
            ["export-model", scenario, "--format", "xlsx", "--out", scratch.path("never.model")],
            ["no-such-command"],
            ["validate"],
        ]
        for arguments in cases {
            let run = try CLI.run(arguments, in: scratch.url)
            XCTAssertEqual(run.code, 1, "cadreplan \(arguments.joined(separator: " ")): \(run.transcript)")
            XCTAssertFalse(run.stderr.isEmpty, "cadreplan \(arguments.joined(separator: " ")) says why on stderr")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("never.model")))
    }

    /// The contract: exit 2 when the time limit ends the search, with the outputs written and the gap reported.
    func testTimeLimitOnTheSampleProvinceExitsTwoWithAFeasiblePlan() throws {
        let sample = packageRoot.appendingPathComponent("Scenarios/quang-ngai-2022/baseline.yaml").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: sample), sample)
        let out = scratch.path("sample")
        let planned = try cadreplan("plan", sample, "--out", out, "--time-limit", "0.5", "--quiet")
        XCTAssertEqual(planned.code, 2, "plan --time-limit 0.5 on the 5,300-official sample (took \(planned.seconds) s): \(planned.transcript)")
        guard FileManager.default.fileExists(atPath: out + "/summary.json") else {
            return XCTFail("no summary.json written after a time-limited run")
        }
        let summary = try readJSON(out + "/summary.json")
        XCTAssertEqual(summary["status"] as? String, "feasible")
        XCTAssertEqual(summary["stopped_by"] as? String, "time_limit")
        XCTAssertEqual(summary["stopped_by_time_limit"] as? Bool, true)
        XCTAssertGreaterThan(try XCTUnwrap(number(summary["gap"])), 0)
        // How long it took is a benchmark's business (Benchmarks/), not a test's: debug builds are slow.
        for name in Self.headers.keys {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) written")
        }
    }

    // MARK: 4. Outputs never over inputs

    func testPlanRefusesToWriteIntoTheScenarioFolderOrAboveIt() throws {
        let folder = scratch.path("scenario")
        let scenario = try ScenarioText.write(to: folder)
        let before = try snapshot(of: scratch.url.path)

        for arguments in [
            ["plan", scenario, "--out", folder, "--quiet"],
            ["plan", scenario, "--out", folder + "/", "--quiet"],
            ["plan", scenario, "--out", folder, "--force", "--quiet"],
            ["plan", scenario, "--out", scratch.url.path, "--force", "--quiet"],  // the folder holding the scenario folder
            ["plan", "scenario/tiny.yaml", "--out", "scenario", "--quiet"],  // relative paths
            ["plan", "scenario/tiny.yaml", "--out", "./scenario/../scenario", "--force", "--quiet"],
        ] {
            let run = try CLI.run(arguments, in: scratch.url)
            XCTAssertEqual(run.code, 1, "cadreplan \(arguments.joined(separator: " ")): \(run.transcript)")
            XCTAssertTrue(run.stderr.contains("refusing"), run.transcript)
        }
        for (format, input) in [("lp", "officials.csv"), ("mps", "tiny.yaml")] {
            let run = try cadreplan("export-model", scenario, "--format", format, "--out", folder + "/" + input)
            XCTAssertEqual(run.code, 1, "export-model over \(input): \(run.transcript)")
        }
        let after = try snapshot(of: scratch.url.path)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "no file added or removed")
        XCTAssertEqual(after, before, "every input file unchanged")
    }

    func testPlanRefusesAFolderItDidNotWriteUnlessForced() throws {
        let scenario = try ScenarioText.write(to: scratch.path("tiny"))
        let out = scratch.path("work")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let notes = Data("Ghi chú của phòng Nội vụ\n".utf8)
        try notes.write(to: URL(fileURLWithPath: out + "/notes.txt"))

        let refused = try cadreplan("plan", scenario, "--out", out, "--quiet")
        XCTAssertEqual(refused.code, 1, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("refusing"), refused.transcript)
        XCTAssertEqual(try snapshot(of: out), ["notes.txt": notes], "the folder is left as it was")

        let forced = try cadreplan("plan", scenario, "--out", out, "--force", "--quiet")
        XCTAssertEqual(forced.code, 0, forced.transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/schedule.csv"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/summary.json"))
    }

    func testSecondPlanReplacesTheOutputFolder() throws {
        let first = try ScenarioText.write(to: scratch.path("a"), name: "first")
        // The same staff with more money: a different plan.
        let second = try ScenarioText.write(
            to: scratch.path("b"), name: "second", budget: [2022: 40_000_000, 2023: 40_000_000, 2024: 40_000_000])
        let out = scratch.path("out")
        let run1 = try cadreplan("plan", first, "--out", out, "--quiet")
        XCTAssertEqual(run1.code, 0, run1.transcript)
        let firstSchedule = try Data(contentsOf: URL(fileURLWithPath: out + "/schedule.csv"))
        try Data("stale".utf8).write(to: URL(fileURLWithPath: out + "/stale.txt"))
        try Data("stale".utf8).write(to: URL(fileURLWithPath: out + "/rosters/1999_OLD.csv"))

        let run2 = try cadreplan("plan", second, "--out", out, "--quiet")
        XCTAssertEqual(run2.code, 0, run2.transcript)
        let summary = try readJSON(out + "/summary.json")
        XCTAssertEqual(summary["scenario"] as? String, "second")
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/schedule.csv")), firstSchedule,
                          "the schedule is the second scenario's")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/stale.txt"), "replaced as a whole")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/rosters/1999_OLD.csv"), "replaced as a whole")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        XCTAssertEqual(siblings.filter { $0.hasPrefix(".out.") }, [], "no staging or old copy left beside it")
    }

    // MARK: 5. Determinism

    func testPlanTwiceGivesTheSameFiles() throws {
        let scenario = try writeMediumScenario()
        var snapshots: [[String: Data]] = []
        for name in ["one", "two"] {
            let run = try cadreplan("plan", scenario, "--out", scratch.path(name), "--time-limit", "30", "--quiet")
            XCTAssertEqual(run.code, 0, "the medium scenario should be solved to the gap: \(run.transcript)")
            snapshots.append(try snapshot(of: scratch.path(name)))
        }
        let (one, two) = (snapshots[0], snapshots[1])
        XCTAssertEqual(one.keys.sorted(), two.keys.sorted(), "same files, rosters included")
        XCTAssertFalse(try OutputCSV(path: scratch.path("one/schedule.csv")).rows.isEmpty, "something is planned")
        for name in one.keys.sorted() where name != "summary.json" {
            XCTAssertEqual(one[name], two[name], "\(name) differs between two runs")
        }
        func withoutSeconds(_ data: Data?) -> String {
            String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n")
                .filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
        }
        XCTAssertEqual(withoutSeconds(one["summary.json"]), withoutSeconds(two["summary.json"]),
                       "summary.json differs in more than seconds")
    }

    func testShowAgreesWithOfficialsPlanOnCoursesAndTargetsCounted() throws {
        let scenario = try writeMediumScenario()
        let planned = try cadreplan("plan", scenario, "--out", scratch.path("out"), "--time-limit", "30", "--quiet")
        XCTAssertEqual(planned.code, 0, planned.transcript)
        let rows = try OutputCSV(path: scratch.path("out/officials_plan.csv")).rows
        let counted = try XCTUnwrap(rows.first { !($0["targets"] ?? "").isEmpty }, "someone counts toward a target")
        let id = try XCTUnwrap(counted["official_id"])
        let shown = try cadreplan("show", scenario, id, "--out", scratch.path("out"), "--lang", "en")
        XCTAssertEqual(shown.code, 0, shown.transcript)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        for course in (counted["courses"] ?? "").components(separatedBy: "; ") {
            let parts = course.split(separator: " ")
            XCTAssertTrue(lines.contains { $0.hasPrefix("  \(parts[0])") && $0.contains(" \(parts[1]) ") }, "\(course) shown")
        }
        // Every target counted in the horizon year shows met years that run to 2025.
        for target in (counted["targets"] ?? "").components(separatedBy: "; ") {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix("  \(target) ") }, "\(target) shown")
            let met = try XCTUnwrap(line.components(separatedBy: " → ").last?.split(separator: " ").first)
            XCTAssertTrue(met.hasSuffix("2025"), line)
        }
    }

    /// Thirty officials over 2022–2025: small enough to solve to the gap in a second, with something planned.
    private func writeMediumScenario() throws -> String {
        try ScenarioText.write(
            to: scratch.path("medium"), name: "medium", horizon: 2025,
            budget: [2022: 40_000_000, 2023: 30_000_000, 2024: 30_000_000, 2025: 20_000_000],
            officials: ScenarioText.mediumOfficials(count: 30, seed: 11), courses: ScenarioText.mediumCourses,
            targets: ScenarioText.mediumTargets)
    }

    func testRowOrderOfTheInputsDoesNotChangeTheOutputs() throws {
        let officials = ScenarioText.mediumOfficials(count: 30, seed: 11)
        let budget = [2022: 40_000_000, 2023: 30_000_000, 2024: 30_000_000, 2025: 20_000_000]
        let inOrder = try ScenarioText.write(
            to: scratch.path("ordered"), name: "medium", horizon: 2025, budget: budget, officials: officials,
            courses: ScenarioText.mediumCourses, targets: ScenarioText.mediumTargets)
        let reversed = try ScenarioText.write(
            to: scratch.path("reversed"), name: "medium", horizon: 2025, budget: budget, officials: officials.reversed(),
            courses: ScenarioText.mediumCourses.reversed(), targets: ScenarioText.mediumTargets.reversed())
        var snapshots: [[String: Data]] = []
        for (scenario, out) in [(inOrder, "out-ordered"), (reversed, "out-reversed")] {
            let run = try cadreplan("plan", scenario, "--out", scratch.path(out), "--time-limit", "30", "--quiet")
            XCTAssertEqual(run.code, 0, run.transcript)
            snapshots.append(try snapshot(of: scratch.path(out)))
        }
        XCTAssertEqual(snapshots[0].keys.sorted(), snapshots[1].keys.sorted())
        for name in snapshots[0].keys.sorted() where name != "summary.json" {
            XCTAssertEqual(snapshots[0][name], snapshots[1][name], "\(name) depends on the order of input rows")
        }
    }

    // MARK: 6. generate

    func testGenerateIsReproducible() throws {
        var folders: [[String: Data]] = []
        for name in ["g1", "g2"] {
            let run = try cadreplan("generate", "--officials", "300", "--seed", "2022", "--out", scratch.path(name))
            XCTAssertEqual(run.code, 0, run.transcript)
            folders.append(try snapshot(of: scratch.path(name)))
        }
        XCTAssertEqual(folders[0].keys.sorted(), ["baseline.yaml", "courses.csv", "officials.csv", "targets.csv"])
        XCTAssertEqual(folders[0].keys.sorted(), folders[1].keys.sorted())
        for name in folders[0].keys.sorted() {
            XCTAssertEqual(folders[0][name], folders[1][name], "\(name) differs between two runs with the same seed")
        }
        let officials = try OutputCSV(path: scratch.path("g1/officials.csv"))
        XCTAssertTrue(officials.hasBOM)
        XCTAssertEqual(officials.rows.count, 300, "--officials 300 writes 300 officials")

        let validated = try cadreplan("validate", scratch.path("g1/baseline.yaml"))
        XCTAssertEqual(validated.code, 0, "a generated province is clean input: \(validated.transcript)")

        let other = try cadreplan("generate", "--officials", "300", "--seed", "2023", "--out", scratch.path("g3"))
        XCTAssertEqual(other.code, 0, other.transcript)
        XCTAssertNotEqual(try snapshot(of: scratch.path("g3"))["officials.csv"], folders[0]["officials.csv"],
                          "another seed, another province")

        let intoFull = try cadreplan("generate", "--officials", "300", "--seed", "2022", "--out", scratch.path("g1"))
        XCTAssertEqual(intoFull.code, 1, "generate refuses a folder that is not empty: \(intoFull.transcript)")
        XCTAssertEqual(try snapshot(of: scratch.path("g1")), folders[0], "and leaves it unchanged")
    }

    // MARK: Helpers

    /// The scalar keys and the budget of a scenario file as `generate` and `ScenarioText` write it.
    private func simpleYAML(_ path: String) throws -> (scalars: [String: String], budget: [Int: Double]) {
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        var scalars: [String: String] = [:]
        var budget: [Int: Double] = [:]
        var inBudget = false
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix(" ") {
                if inBudget, let year = Int(key) { budget[year] = Double(value) }
            } else {
                inBudget = key == "budget"
                scalars[key] = value
            }
        }
        return (scalars, budget)
    }
}
