import CadreDomain
import CadreIO
import Foundation
import XCTest

/// The contract's "Stopping and progress": `stopped_by`, the exit rule, the stop rule (SIGINT, SIGTERM) and
/// `--progress json`, checked on the built `cadreplan`. Time bounds are generous: debug builds are slow and the
/// machine is shared.
final class StopAndProgressTests: CLITestCase {
    private func cadreplan(_ arguments: String..., timeout: Double = 120,
                           file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, in: scratch.url, timeout: timeout, file: file, line: line)
    }

    static let phases = ["reading", "relaxation", "shortfall", "spending", "writing"]

    // MARK: stopped_by and the exit rule

    func testReachedGapExitsZeroStoppedByGap() throws {
        let scenario = try ScenarioText.write(to: scratch.path("tiny"))
        let run = try cadreplan("plan", scenario, "--out", scratch.path("out"), "--quiet")
        XCTAssertEqual(run.code, 0, run.transcript)
        let summary = try readJSON(scratch.path("out/summary.json"))
        XCTAssertEqual(summary["status"] as? String, "optimal")
        XCTAssertEqual(summary["stopped_by"] as? String, "gap")
        XCTAssertEqual(summary["stopped_by_time_limit"] as? Bool, false)
    }

    /// 30 officials with a 10 % gap: the quick methods leave the bound over the columns found 12.8 % below the
    /// plan (before the exit rule this exited 0 with status `feasible`, and then 2, `search_exhausted`); the
    /// per-person search (30 officials is a small province) raises the bound within the gap, long before the limit —
    /// the exact completion did so before it.
    func testSearchBelowTheGapWithTimeLeftGoesOnUntilTheCompletionProvesIt() throws {
        let generated = try cadreplan("generate", "--officials", "30", "--seed", "3", "--out", scratch.path("gen"))
        XCTAssertEqual(generated.code, 0, generated.transcript)
        let run = try cadreplan("plan", scratch.path("gen/baseline.yaml"), "--out", scratch.path("out"), "--gap", "0.1",
                                "--time-limit", "600", "--quiet", timeout: 700)
        XCTAssertEqual(run.code, 0, run.transcript)
        let summary = try readJSON(scratch.path("out/summary.json"))
        XCTAssertEqual(summary["stopped_by"] as? String, "gap")
        XCTAssertEqual(summary["status"] as? String, "optimal")
        XCTAssertEqual(summary["stopped_by_time_limit"] as? Bool, false)
        XCTAssertLessThanOrEqual(try XCTUnwrap(number(summary["gap"])), 0.1)
        XCTAssertLessThan(try XCTUnwrap(number(summary["seconds"])), 300, "it ended long before the limit")
    }

    // MARK: --progress json

    func testProgressLinesParseComeEverySecondInPhaseOrderAndEndWithDone() throws {
        let generated = try cadreplan("generate", "--officials", "30", "--seed", "3", "--out", scratch.path("gen"))
        XCTAssertEqual(generated.code, 0, generated.transcript)
        let run = try RunningCLI(["plan", scratch.path("gen/baseline.yaml"), "--out", scratch.path("out"), "--gap", "0.1",
                                  "--time-limit", "600", "--progress", "json", "--quiet"], in: scratch.url)
        let code = try XCTUnwrap(run.exitCode(timeout: 700), "the run did not end")
        let lines = run.received
        XCTAssertGreaterThan(lines.count, 2)
        let objects = try lines.map { received in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(received.line.utf8)) as? [String: Any], received.line)
        }
        // The first line comes at once, so that a reader shows the run from its start.
        XCTAssertLessThan(lines[0].at.timeIntervalSince(run.started), 2)
        XCTAssertEqual(objects[0]["phase"] as? String, "reading")
        for (earlier, later) in zip(lines, lines.dropFirst()) {
            XCTAssertLessThanOrEqual(later.at.timeIntervalSince(earlier.at), 1.5, "\(earlier.line) → \(later.line)")
        }
        let progress = objects.dropLast()
        for (object, received) in zip(progress, lines) {
            XCTAssertEqual(Set(object.keys), ["elapsed", "phase", "best", "bound", "gap"], received.line)
            XCTAssertTrue(received.line.hasPrefix("{\"elapsed\": "), "the contract's key order: \(received.line)")
            if let best = number(object["best"]), let bound = number(object["bound"]) { XCTAssertLessThanOrEqual(bound, best + 1e-6) }
        }
        var seen: [String] = []
        for phase in progress.compactMap({ $0["phase"] as? String }) where seen.last != phase { seen.append(phase) }
        XCTAssertEqual(seen, Self.phases, "every phase once, in order")

        let done = try XCTUnwrap(objects.last)
        XCTAssertEqual(done["event"] as? String, "done")
        XCTAssertEqual((done["exit"] as? NSNumber)?.int32Value, code)
        XCTAssertEqual(code, 0, "the completion proves the gap")
        let summary = try readJSON(scratch.path("out/summary.json"))
        XCTAssertEqual(done["status"] as? String, summary["status"] as? String)
        XCTAssertEqual(number(done["objective"]), number(summary["objective"]))
        XCTAssertEqual(number(done["gap"]), number(summary["gap"]))
        XCTAssertEqual(done["stopped_by"] as? String, "gap")
        XCTAssertNil(done["error"])
    }

    /// A reader always gets a done line: a missing file (exit 1) and an argument that does not parse.
    func testFailuresEndWithADoneLineThatSaysWhy() throws {
        for arguments in [["plan", scratch.path("missing.yaml")], ["plan", scratch.path("missing.yaml"), "--gap", "2"]] {
            let run = try CLI.run(arguments + ["--progress", "json"], in: scratch.url)
            XCTAssertEqual(run.code, 1, run.transcript)
            let last = try XCTUnwrap(run.stderr.split(separator: "\n").last.map(String.init))
            let done = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any], last)
            XCTAssertEqual(done["event"] as? String, "done")
            XCTAssertEqual((done["exit"] as? NSNumber)?.intValue, 1)
            XCTAssertEqual(done["status"] as? String, "failed")
            XCTAssertTrue(done["objective"] is NSNull)
            XCTAssertTrue(done["gap"] is NSNull)
            XCTAssertFalse((done["error"] as? String ?? "").isEmpty, last)
        }
    }

    // MARK: The stop rule

    /// A province whose search with no gap runs the whole limit; planned in the background.
    private func startLongPlan(out: String) throws -> RunningCLI {
        if !FileManager.default.fileExists(atPath: scratch.path("gen/baseline.yaml")) {
            let generated = try cadreplan("generate", "--officials", "5000", "--seed", "3", "--out", scratch.path("gen"))
            XCTAssertEqual(generated.code, 0, generated.transcript)
        }
        return try RunningCLI(["plan", scratch.path("gen/baseline.yaml"), "--out", out, "--gap", "0", "--time-limit", "120",
                               "--progress", "json", "--quiet"], in: scratch.url)
    }

    /// Waits for `phase`, so that the signal reaches a search.
    private func wait(for phase: String, in run: RunningCLI) throws {
        let line = run.waitForLine(timeout: 120) { $0.contains("\"phase\": \"\(phase)\"") }
        XCTAssertNotNil(line, "no phase \(phase): \(run.received.map(\.line))")
    }

    /// Signalled in the integer search, so that the plan written is the search's, not a first relaxation's
    /// rounding (which, stopped early on 5,000 officials, may train nobody).
    func testSIGINTWritesTheBestPlanWholeAndExitsTwo() throws {
        let out = scratch.path("out")
        let run = try startLongPlan(out: out)
        try wait(for: "shortfall", in: run)
        let signalled = Date()
        run.signal(SIGINT)
        let code = try XCTUnwrap(run.exitCode(timeout: 90), "the run did not end after SIGINT")
        // The limit was 120 s away; reading the remaining relaxation and writing 5,000 officials in a debug build
        // take a few seconds.
        XCTAssertLessThan(Date().timeIntervalSince(signalled), 45)
        XCTAssertEqual(code, 2)

        let summary = try readJSON(out + "/summary.json")
        XCTAssertEqual(summary["stopped_by"] as? String, "stop_request")
        XCTAssertEqual(summary["status"] as? String, "feasible")
        XCTAssertEqual(summary["stopped_by_time_limit"] as? Bool, false)
        for name in ["schedule.csv", "attainment.csv", "budget.csv", "intakes.csv", "plan.xlsx", "report.html", OutputFolder.markerName] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) written")
        }
        // The referee recounts the written schedule against the inputs.
        let scenario = try ScenarioLoader.load(path: scratch.path("gen/baseline.yaml")).scenario
        let officials = Dictionary(uniqueKeysWithValues: scenario.officials.enumerated().map { ($1.id, $0) })
        let courses = Dictionary(uniqueKeysWithValues: scenario.courses.enumerated().map { ($1.id, $0) })
        let starts = try PlanReader.starts(folder: out).map { start in
            CourseStart(official: try XCTUnwrap(officials[start.officialID]), course: try XCTUnwrap(courses[start.courseID]),
                        year: start.year)
        }
        XCTAssertFalse(starts.isEmpty)
        let evaluation = PlanEvaluation(scenario: scenario, plan: Plan(starts: starts))
        XCTAssertEqual(evaluation.violations, [])
        XCTAssertEqual(evaluation.objective, try XCTUnwrap(number(summary["objective"])), accuracy: 1e-6)

        let done = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(run.received.last).line.utf8)) as? [String: Any])
        XCTAssertEqual(done["event"] as? String, "done")
        XCTAssertEqual((done["exit"] as? NSNumber)?.intValue, 2)
        XCTAssertEqual(done["stopped_by"] as? String, "stop_request")
    }

    /// A second signal within 2 s leaves at once: nothing written, and a folder written before stays as it was.
    func testSecondSignalWithinTwoSecondsLeavesAtOnceWritingNothing() throws {
        let fresh = scratch.path("fresh")
        let first = try startLongPlan(out: fresh)
        try wait(for: "relaxation", in: first)
        first.signal(SIGINT)
        usleep(50_000)
        let signalled = Date()
        first.signal(SIGTERM)
        XCTAssertEqual(first.exitCode(timeout: 30), 2)
        XCTAssertLessThan(Date().timeIntervalSince(signalled), 10)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh), "nothing is written")
        let done = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(first.received.last).line.utf8)) as? [String: Any])
        XCTAssertEqual(done["event"] as? String, "done")
        XCTAssertEqual((done["exit"] as? NSNumber)?.intValue, 2)
        XCTAssertFalse((done["error"] as? String ?? "").isEmpty)

        let kept = scratch.path("kept")
        let earlier = try cadreplan("plan", scratch.path("gen/baseline.yaml"), "--out", kept, "--time-limit", "5", "--quiet")
        XCTAssertTrue([0, 2].contains(earlier.code), earlier.transcript)
        let before = try snapshot(of: kept)
        let second = try startLongPlan(out: kept)
        try wait(for: "relaxation", in: second)
        second.signal(SIGTERM)
        usleep(50_000)
        second.signal(SIGINT)
        XCTAssertEqual(second.exitCode(timeout: 30), 2)
        XCTAssertEqual(try snapshot(of: kept), before, "the folder written before is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".fresh") || $0.hasPrefix(".kept") }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }

    /// A stop ends `sweep`'s running plans (each writes its best plan), starts none of the queued ones, still
    /// writes its table, and exits 2; its own progress lines count the runs.
    func testStoppedSweepWritesWhatFinishedAndMarksTheRestNotRun() throws {
        let scenario = packageRoot.appendingPathComponent("Scenarios/small/small.yaml").path
        let out = scratch.path("sweep")
        let run = try RunningCLI(["sweep", scenario, "--from", "1", "--to", "1.2", "--step", "0.1", "--out", out, "--gap", "0",
                                  "--time-limit", "300", "--progress", "json", "--quiet"], in: scratch.url)
        let searching = run.waitForLine(timeout: 120) { $0.contains("\"shortfall\"") }
        XCTAssertNotNil(searching, "the runs never reached their search: \(run.received.map(\.line))")
        run.signal(SIGINT)
        let code = try XCTUnwrap(run.exitCode(timeout: 120), "the sweep did not end after SIGINT")
        XCTAssertEqual(code, 2)

        let sweep = try OutputCSV(path: out + "/sweep.csv")
        XCTAssertEqual(sweep.rows.map { $0["factor"]! }, ["1", "1.1", "1.2"])
        // Three factors climb in one lane, each from the one below: the first was stopped in its search, the
        // others never started.
        XCTAssertNotEqual(sweep.rows.first?["status"], "not_run")
        XCTAssertEqual(sweep.rows.last?["status"], "not_run")
        for row in sweep.rows {
            XCTAssertEqual(row["exit_code"], "2")
            let folder = out + "/x\(row["factor"]!)"
            if row["status"] == "not_run" {
                XCTAssertFalse(FileManager.default.fileExists(atPath: folder))
            } else {
                XCTAssertEqual(row["status"], "feasible")
                XCTAssertEqual(try readJSON(folder + "/summary.json")["stopped_by"] as? String, "stop_request")
            }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/sweep.html"))

        let objects = run.received.compactMap { try? JSONSerialization.jsonObject(with: Data($0.line.utf8)) as? [String: Any] }
        XCTAssertEqual(objects.count, run.received.count, "every line is JSON: \(run.received.map(\.line))")
        let progress = objects.dropLast()
        XCTAssertTrue(progress.allSatisfy { ($0["runs"] as? NSNumber)?.intValue == 3 })
        XCTAssertTrue(progress.contains { ($0["phase"] as? String) == "writing" })
        let done = try XCTUnwrap(objects.last)
        XCTAssertEqual(done["event"] as? String, "done")
        XCTAssertEqual((done["exit"] as? NSNumber)?.intValue, 2)
        XCTAssertEqual(done["stopped_by"] as? String, "stop_request")
    }
}

/// A `cadreplan` run the test talks to while it runs: its standard error read as it comes, each line with the
/// moment it arrived, and signals sent to it.
final class RunningCLI: @unchecked Sendable {
    private let process = Process()
    private let condition = NSCondition()
    private var lines: [(line: String, at: Date)] = []
    private var ended = false
    let started: Date

    init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = try CLI.executable.get()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        started = Date()
        try process.run()
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let data = errors.fileHandleForReading.availableData
                if data.isEmpty { break }
                pending.append(data)
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<end], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...end)
                    condition.lock()
                    lines.append((line, Date()))
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock()
            ended = true
            condition.broadcast()
            condition.unlock()
        }
    }

    var received: [(line: String, at: Date)] {
        condition.lock()
        defer { condition.unlock() }
        return lines
    }

    /// The first line that passes `test`, waiting at most `timeout` seconds; nil if none came.
    func waitForLine(timeout: Double, where test: (String) -> Bool) -> String? {
        let limit = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = lines.first(where: { test($0.line) }) { return found.line }
            if ended || !condition.wait(until: limit) { return nil }
        }
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit code once the run has ended and its output is read; nil after `timeout` seconds (the run is then
    /// killed).
    func exitCode(timeout: Double) -> Int32? {
        let limit = Date().addingTimeInterval(timeout)
        condition.lock()
        while !ended && condition.wait(until: limit) {}
        let finished = ended
        condition.unlock()
        guard finished else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
