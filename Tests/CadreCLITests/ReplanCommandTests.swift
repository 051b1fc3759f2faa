import Foundation
import XCTest

/// `replan` (and the locks every planning command keeps) run as a user would, on tiny scenarios whose plans
/// are worked out by hand: two to four officials, three courses, a horizon of three or four years, money and
/// seats to spare unless a test says otherwise, and `--gap 0` so that the plan is the optimum, ties and all.
final class ReplanCommandTests: CLITestCase {
    private func cadreplan(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, in: scratch.url, timeout: 180, file: file, line: line)
    }

    /// Exact and unhurried: the tiny models are solved to optimality long before the limit.
    private let solving = ["--time-limit", "60", "--gap", "0", "--lang", "en"]

    // MARK: Scenario text

    /// SC (1 year) gives elementary political theory; TC (2 years, Party members only) needs it and gives
    /// intermediate; QL (1 year) gives specialist state management. Together at most 115 days a year.
    private static let courses = [
        "SC,Sơ cấp lý luận chính trị,political_theory,elementary,,1,30,4000000,3,Trung tâm chính trị huyện,,,,no,no,no",
        "TC,Trung cấp lý luận chính trị,political_theory,intermediate,elementary,2,80,16000000,2,Trường Chính trị tỉnh,,,,no,no,yes",
        "QL,Bồi dưỡng quản lý nhà nước,state_management,specialist,,1,35,5000000,3,Trường Chính trị tỉnh,,,,no,no,no",
    ]

    private static let tinh = (district: "Sơn Tịnh", commune: "Xã Tịnh Hà")
    private static let ha = (district: "Sơn Hà", commune: "Xã Sơn Hạ")

    /// One officials.csv row (the columns after `id` are those a `joined` row of actuals.csv repeats). Everyone is
    /// a man born in 1980 (in service to 2042), so the tie rules can tell officials apart only by file order.
    private static func official(
        _ id: String, _ name: String, _ category: String, party: Bool = false,
        place: (district: String, commune: String) = tinh, political: String = "none", state: String = "none"
    ) -> String {
        ([id] + officialColumns(name, category, party: party, place: place, political: political, state: state))
            .joined(separator: ",")
    }

    private static func officialColumns(
        _ name: String, _ category: String, party: Bool = false,
        place: (district: String, commune: String) = tinh, political: String = "none", state: String = "none"
    ) -> [String] {
        [name, "male", "1980", "Kinh", category, "Chức danh", "", party ? "yes" : "no", "no", place.district,
         place.commune, "plains", "no", "0", "university", political, state, "basic", "0", "none", "no", "no", ""]
    }

    /// One targets.csv row: `share` of the officials of `category` meet `requirement` from `deadline` on.
    private static func target(_ id: String, deadline: Int, category: String, _ requirement: String,
                               share: String = "1", weight: Int = 5) -> String {
        "\(id),\(deadline),\(category),,,no,no,no,no,,\(requirement),\(share),required,\(weight),Mục tiêu \(id),Target \(id)"
    }

    /// Writes `<name>.yaml` with its tables into `folder` (money to spare every year), and locks.csv when given.
    @discardableResult
    private func writeScenario(
        _ folder: String, name: String = "tiny", baseYear: Int = 2024, horizon: Int, officials: [String],
        targets: [String], locks: [String]? = nil
    ) throws -> String {
        let budget = Dictionary(uniqueKeysWithValues: (baseYear...horizon).map { ($0, 100_000_000) })
        let path = try ScenarioText.write(
            to: scratch.path(folder), name: name, baseYear: baseYear, horizon: horizon, budget: budget,
            officials: officials, courses: Self.courses, targets: targets)
        if let locks {
            let text = (["action,official_id,course_id,year,district,max_trainees,note"] + locks).joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.path(folder + "/locks.csv")))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("locks: locks.csv\n".utf8))
            try handle.close()
        }
        return path
    }

    static let actualsHeader = "event,official_id,course_id,year,field,value,note"

    /// Writes actuals.csv (`rows` under `header`) at `path` in the scratch folder; returns its full path.
    @discardableResult
    private func writeActuals(_ path: String, _ rows: [String], header: String = actualsHeader) throws -> String {
        let full = scratch.path(path)
        try Data((([header] + rows).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    // MARK: Reading the outputs

    private struct Start: Hashable, CustomStringConvertible {
        var year: Int
        var official: String
        var course: String
        var description: String { "\(year) \(official) \(course)" }
    }

    private struct Row {
        var start: Start
        var completes: Int
        var district: String
    }

    private func schedule(_ folder: String) throws -> [Row] {
        try OutputCSV(path: scratch.path(folder + "/schedule.csv")).rows.map { row in
            Row(start: Start(year: Int(row["year"] ?? "") ?? -1, official: row["official_id"] ?? "", course: row["course_id"] ?? ""),
                completes: Int(row["completes"] ?? "") ?? -1, district: row["district"] ?? "")
        }
    }

    private func starts(_ folder: String) throws -> Set<Start> { Set(try schedule(folder).map(\.start)) }

    /// Officials of `district` attending some course of the schedule in `year` (starting or continuing).
    private func trainees(of district: String, in year: Int, _ rows: [Row]) -> Set<String> {
        Set(rows.filter { $0.district == district && $0.start.year <= year && year <= $0.completes }.map(\.start.official))
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: scratch.path(path)) }

    // MARK: 1. A dropped course is planned again

    func testDroppedCourseIsRescheduledFromTheReplanYear() throws {
        let scenario = try writeScenario("drop", horizon: 2026, officials: [
            Self.official("A-01", "Nguyễn Văn An", "civil_servant"),
            Self.official("A-02", "Trần Văn Bình", "civil_servant"),
        ], targets: [Self.target("E", deadline: 2024, category: "civil_servant", "political_theory>=elementary")])

        let planned = try cadreplan(["plan", scenario, "--out", scratch.path("first"), "--quiet"] + solving)
        XCTAssertEqual(planned.code, 0, planned.transcript)
        // Both are short in 2024 and SC has three seats: both start it at once.
        XCTAssertEqual(try starts("first"), [Start(year: 2024, official: "A-01", course: "SC"),
                                             Start(year: 2024, official: "A-02", course: "SC")])

        let actuals = try writeActuals("actuals.csv", ["dropped,A-01,SC,2024,,,gave up in March", "completed,A-02,SC,2024,,,"])
        let replanned = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025", "--previous",
                                       scratch.path("first"), "--out", scratch.path("second")] + solving)
        XCTAssertEqual(replanned.code, 0, replanned.transcript)
        let again = try schedule("second")
        XCTAssertTrue(again.contains { $0.start.official == "A-01" && $0.start.course == "SC" && $0.start.year >= 2025 },
                      "A-01 takes SC again: \(again.map(\.start))")
        // Overdue since 2024, so at once; A-02 completed it and is left alone.
        XCTAssertEqual(Set(again.map(\.start)), [Start(year: 2025, official: "A-01", course: "SC")])

        let changes = try OutputCSV(path: scratch.path("second/changes.csv"))
        XCTAssertTrue(changes.hasBOM)
        XCTAssertEqual(changes.header, ["official_id", "full_name", "district", "commune", "change", "course_id", "course_name",
                                        "previous_year", "new_year", "reason", "detail"])
        // The previous plan's starts are all in 2024, before --from: only the new start is a change.
        XCTAssertEqual(changes.rows.count, 1, "\(changes.rawRows)")
        let added = try XCTUnwrap(changes.rows.first)
        XCTAssertEqual(added["official_id"], "A-01")
        XCTAssertEqual(added["full_name"], "Nguyễn Văn An")
        XCTAssertEqual(added["change"], "added")
        XCTAssertEqual(added["course_id"], "SC")
        XCTAssertEqual(added["previous_year"], "")
        XCTAssertEqual(added["new_year"], "2025")
        XCTAssertEqual(added["reason"], "dropped_earlier")
        XCTAssertTrue(added["detail"]?.contains("2024") == true, "the detail gives the year dropped: \(added)")
        XCTAssertTrue(replanned.stdout.contains("1 added, 0 removed, 0 moved"), replanned.transcript)

        // Only the years re-planned are in the outputs.
        let attainment = try OutputCSV(path: scratch.path("second/attainment.csv"))
        XCTAssertEqual(Set(attainment.rows.compactMap { $0["year"] }), ["2025", "2026"])
        XCTAssertTrue(attainment.rows.allSatisfy { $0["shortfall"] == "0" }, "\(attainment.rawRows)")
    }

    // MARK: 2. --previous keeps what it can

    func testPreviousPlanIsKeptWhereTheTieRulesWouldChooseOtherwise() throws {
        // X-01 and X-02 cannot be told apart; one of them needs SC by 2026. Y-01 needs QL by 2027.
        let scenario = try writeScenario("keep", horizon: 2027, officials: [
            Self.official("X-01", "Lê Văn Cường", "part_time"),
            Self.official("X-02", "Phạm Văn Dũng", "part_time"),
            Self.official("Y-01", "Hoàng Văn Em", "civil_servant"),
        ], targets: [
            Self.target("P", deadline: 2026, category: "part_time", "political_theory>=elementary", share: "0.5"),
            Self.target("Q", deadline: 2027, category: "civil_servant", "state_management>=specialist"),
        ])
        let planned = try cadreplan(["plan", scenario, "--out", scratch.path("first"), "--quiet"] + solving)
        XCTAssertEqual(planned.code, 0, planned.transcript)
        // The tie rules: the first in file order, in the earliest year.
        XCTAssertEqual(try starts("first"), [Start(year: 2024, official: "X-01", course: "SC"),
                                             Start(year: 2024, official: "Y-01", course: "QL")])

        // The previous plan as the district edited it: the other official, and later years, equally good.
        let previous = scratch.path("first/schedule.csv")
        let header = try OutputCSV(path: previous).header.joined(separator: ",")
        try Data(([
            "\u{FEFF}" + header,
            "2026,X-02,Phạm Văn Dũng,Sơn Tịnh,Xã Tịnh Hà,SC,Sơ cấp lý luận chính trị,political_theory,elementary,2026,4000000",
            "2027,Y-01,Hoàng Văn Em,Sơn Tịnh,Xã Tịnh Hà,QL,Bồi dưỡng quản lý nhà nước,state_management,specialist,2027,5000000",
        ].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: previous))
        let actuals = try writeActuals("actuals.csv", [])

        let kept = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025", "--previous",
                                  scratch.path("first"), "--out", scratch.path("kept")] + solving)
        XCTAssertEqual(kept.code, 0, kept.transcript)
        XCTAssertEqual(try starts("kept"), [Start(year: 2026, official: "X-02", course: "SC"),
                                            Start(year: 2027, official: "Y-01", course: "QL")])
        let changes = try OutputCSV(path: scratch.path("kept/changes.csv"))
        XCTAssertEqual(changes.header.first, "official_id", "changes.csv is written, with its header")
        XCTAssertEqual(changes.rawRows, [], "nothing changed")
        XCTAssertTrue(kept.stdout.contains("0 added, 0 removed, 0 moved"), kept.transcript)

        let fresh = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025",
                                   "--out", scratch.path("fresh"), "--quiet"] + solving)
        XCTAssertEqual(fresh.code, 0, fresh.transcript)
        XCTAssertEqual(try starts("fresh"), [Start(year: 2025, official: "X-01", course: "SC"),
                                             Start(year: 2025, official: "Y-01", course: "QL")],
                       "without --previous the tie rules decide")
        XCTAssertFalse(exists("fresh/changes.csv"), "changes.csv only with --previous")
        // Keeping costs nothing: the same attainment and the same money either way.
        let keptSummary = try readJSON(scratch.path("kept/summary.json"))
        let freshSummary = try readJSON(scratch.path("fresh/summary.json"))
        XCTAssertEqual(number(keptSummary["objective"]), 0)
        XCTAssertEqual(number(freshSummary["objective"]), 0)
        XCTAssertEqual(number(keptSummary["total_cost"]), number(freshSummary["total_cost"]))
    }

    // MARK: 3. Locks hold

    /// L-01 and L-02 (Sơn Tịnh) need TC by 2027; L-03 and L-04 (Sơn Hà) need SC by 2025. Unlocked, all four
    /// start in 2024. Locks: L-01 starts TC in 2025; L-02 trains in no course in 2025 (so TC must run
    /// 2026–2027); at most one of Sơn Hà trains in 2024 and one in 2025.
    private func lockedScenario(locks: Bool) throws -> String {
        try writeScenario("locked", name: locks ? "locked" : "free", horizon: 2027, officials: [
            Self.official("L-01", "Nguyễn Văn Giang", "key_cadre", party: true, political: "elementary"),
            Self.official("L-02", "Trần Văn Hải", "key_cadre", party: true, political: "elementary"),
            Self.official("L-03", "Lê Văn Khoa", "civil_servant", place: Self.ha),
            Self.official("L-04", "Đinh Văn Long", "civil_servant", place: Self.ha),
        ], targets: [
            Self.target("K", deadline: 2027, category: "key_cadre", "political_theory>=intermediate", weight: 10),
            Self.target("E", deadline: 2025, category: "civil_servant", "political_theory>=elementary"),
        ], locks: locks ? [
            "pin,L-01,TC,2025,,,danh sách đã gửi",
            "forbid,L-02,,2025,,,nghỉ thai sản",
            "cap,,,2024,sơn hà,1,",
            "cap,,,2025,Sơn Hà,1,",
        ] : nil)
    }

    private func assertLocksHold(_ rows: [Row], pinned: Bool = true, capped: [Int], file: StaticString = #filePath,
                                 line: UInt = #line) {
        let starts = rows.map(\.start)
        if pinned {
            XCTAssertTrue(starts.contains(Start(year: 2025, official: "L-01", course: "TC")), "pinned: \(starts)", file: file, line: line)
        }
        let away = rows.filter { $0.start.official == "L-02" && $0.start.year <= 2025 && 2025 <= $0.completes }
        XCTAssertEqual(away.map(\.start), [], "L-02 may not train in 2025", file: file, line: line)
        for year in capped {
            XCTAssertLessThanOrEqual(trainees(of: "Sơn Hà", in: year, rows).count, 1, "Sơn Hà in \(year): \(starts)", file: file, line: line)
        }
    }

    func testLocksHoldInPlanAndReplan() throws {
        // Without the locks every one of them would be broken: they are what shapes the plan below.
        let free = try lockedScenario(locks: false)
        let unlocked = try cadreplan(["plan", free, "--out", scratch.path("free"), "--quiet"] + solving)
        XCTAssertEqual(unlocked.code, 0, unlocked.transcript)
        XCTAssertEqual(try starts("free"), [
            Start(year: 2024, official: "L-01", course: "TC"), Start(year: 2024, official: "L-02", course: "TC"),
            Start(year: 2024, official: "L-03", course: "SC"), Start(year: 2024, official: "L-04", course: "SC"),
        ])

        let scenario = try lockedScenario(locks: true)
        let validated = try cadreplan(["validate", scenario])
        XCTAssertEqual(validated.code, 0, validated.transcript)
        let planned = try cadreplan(["plan", scenario, "--out", scratch.path("plan"), "--quiet"] + solving)
        XCTAssertEqual(planned.code, 0, planned.transcript)
        let rows = try schedule("plan")
        assertLocksHold(rows, capped: [2024, 2025])
        // Worked out: L-02's TC can only run 2026–2027; Sơn Hà takes SC one in 2024, one in 2025; no shortfall.
        XCTAssertTrue(rows.map(\.start).contains(Start(year: 2026, official: "L-02", course: "TC")), "\(rows.map(\.start))")
        XCTAssertEqual(rows.filter { $0.start.course == "SC" }.map(\.start.year).sorted(), [2024, 2025])
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(number(try readJSON(scratch.path("plan/summary.json"))["objective"]), 0)

        // The Sơn Hà official who started SC in 2024 dropped it: both now need it from 2025, one seat-year at a time.
        let dropper = try XCTUnwrap(rows.first { $0.start.course == "SC" && $0.start.year == 2024 }?.start.official)
        let actuals = try writeActuals("actuals.csv", ["dropped,\(dropper),SC,2024,,,"])
        let replanned = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025",
                                       "--out", scratch.path("replan"), "--quiet"] + solving)
        XCTAssertEqual(replanned.code, 0, replanned.transcript)
        let again = try schedule("replan")
        assertLocksHold(again, capped: [2025])
        XCTAssertTrue(again.allSatisfy { $0.start.year >= 2025 }, "\(again.map(\.start))")
        XCTAssertTrue(again.map(\.start).contains(Start(year: 2026, official: "L-02", course: "TC")), "\(again.map(\.start))")
        // One of them in 2025 (the cap), the other in 2026: one short of E in 2025 only.
        XCTAssertEqual(again.filter { $0.start.course == "SC" }.map(\.start.year).sorted(), [2025, 2026])
        let attainment = try OutputCSV(path: scratch.path("replan/attainment.csv"))
        let shortE = attainment.rows.filter { $0["target_id"] == "E" && $0["shortfall"] != "0" }
        XCTAssertEqual(shortE.map { $0["year"]! }, ["2025"], "\(attainment.rawRows)")
        XCTAssertEqual(shortE.first?["shortfall"], "1")
    }

    // MARK: 4. Conflicting locks

    func testConflictingLocksAreReportedWithTheirRows() throws {
        let scenario = try writeScenario("clash", horizon: 2027, officials: [
            Self.official("C-01", "Bùi Văn Minh", "civil_servant"),
            Self.official("C-02", "Võ Văn Nam", "key_cadre", party: true, political: "elementary"),
            Self.official("C-03", "Huỳnh Văn Phúc", "key_cadre", party: true, political: "elementary"),
            Self.official("C-04", "Đặng Văn Quang", "key_cadre", party: true, political: "elementary"),
        ], targets: [
            Self.target("K", deadline: 2027, category: "key_cadre", "political_theory>=intermediate"),
            Self.target("E", deadline: 2025, category: "civil_servant", "political_theory>=elementary"),
        ], locks: [
            "pin,C-01,SC,2025,,,",      // line 2
            "forbid,C-01,SC,2025,,,",   // line 3: rules out line 2
            "pin,C-02,TC,2025,,,",      // lines 4–6: three pins for TC's two seats
            "pin,C-03,TC,2025,,,",
            "pin,C-04,TC,2025,,,",
        ])
        let actuals = try writeActuals("actuals.csv", [])

        func assertNamesTheRows(_ run: CLI.Run, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(run.code, 1, "\(what): \(run.transcript)", file: file, line: line)
            XCTAssertTrue(run.stderr.contains("cannot all hold"), "\(what) says the locks conflict: \(run.transcript)", file: file, line: line)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            let pinAndForbid = lines.first { $0.contains("locks.csv:2") && $0.contains("locks.csv:3") }
            XCTAssertNotNil(pinAndForbid, "\(what): one line names rows 2 and 3: \(run.transcript)", file: file, line: line)
            XCTAssertTrue(pinAndForbid?.contains("forbid") == true, "\(what): \(pinAndForbid ?? "")", file: file, line: line)
            let seats = lines.first { $0.contains("locks.csv:4") && $0.contains("locks.csv:5") && $0.contains("locks.csv:6") }
            XCTAssertNotNil(seats, "\(what): one line names rows 4, 5 and 6: \(run.transcript)", file: file, line: line)
            XCTAssertTrue(seats?.contains("seats") == true, "\(what): \(seats ?? "")", file: file, line: line)
        }

        let before = try snapshot(of: scratch.url.path)
        let planned = try cadreplan(["plan", scenario, "--out", scratch.path("plan-out"), "--quiet"] + solving)
        assertNamesTheRows(planned, "plan")
        XCTAssertFalse(exists("plan-out"), "plan writes nothing")

        let replanned = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025",
                                       "--out", scratch.path("replan-out"), "--quiet"] + solving)
        assertNamesTheRows(replanned, "replan")
        XCTAssertFalse(exists("replan-out"), "replan writes nothing")

        let validated = try cadreplan(["validate", scenario])
        assertNamesTheRows(validated, "validate")
        XCTAssertEqual(try snapshot(of: scratch.url.path), before, "no file written anywhere, no staging folder left")
    }

    // MARK: 5. Bad actuals

    func testEveryProblemOfTheActualsIsReportedTogether() throws {
        let scenario = try writeScenario("bad", horizon: 2026, officials: [
            Self.official("A-01", "Nguyễn Văn An", "civil_servant"),
            Self.official("B-01", "Trần Văn Bình", "key_cadre", party: true, political: "elementary"),
        ], targets: [Self.target("K", deadline: 2026, category: "key_cadre", "political_theory>=intermediate")])
        let actuals = try writeActuals("actuals.csv", [
            "finished,A-01,SC,2024,,,",     // line 2: no such event
            "completed,B-01,TC,2024,,,",    // line 3: TC started 2024 completes 2025, not before --from 2025
            "completed,Z-99,SC,2024,,,",    // line 4: nobody of that id
        ])
        let before = try snapshot(of: scratch.url.path)
        let run = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025",
                                 "--out", scratch.path("never")] + solving)
        XCTAssertEqual(run.code, 1, run.transcript)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        func line(_ at: String) -> String? { lines.first { $0.contains(at) } }
        let event = line("actuals.csv:2:")
        XCTAssertNotNil(event, "line 2 reported: \(run.transcript)")
        XCTAssertTrue(event?.contains("actuals.csv:2: event:") == true && event?.contains("finished") == true, event ?? "")
        let tooLate = line("actuals.csv:3:")
        XCTAssertNotNil(tooLate, "line 3 reported along with line 2: \(run.transcript)")
        XCTAssertTrue(tooLate?.contains("2025") == true && tooLate?.contains("running") == true, tooLate ?? "")
        let nobody = line("actuals.csv:4:")
        XCTAssertNotNil(nobody, "line 4 reported along with line 2: \(run.transcript)")
        XCTAssertTrue(nobody?.contains("Z-99") == true, nobody ?? "")
        XCTAssertFalse(exists("never"), "no output folder")
        XCTAssertEqual(try snapshot(of: scratch.url.path), before, "nothing written")

        // The same two resolution problems alone (every row reads), and a --from outside the scenario.
        let readable = try writeActuals("actuals2.csv", ["completed,B-01,TC,2024,,,", "completed,Z-99,SC,2024,,,"])
        let second = try cadreplan(["replan", scenario, "--actuals", readable, "--from", "2025",
                                    "--out", scratch.path("never")] + solving)
        XCTAssertEqual(second.code, 1, second.transcript)
        XCTAssertTrue(second.stderr.contains("actuals2.csv:2:") && second.stderr.contains("actuals2.csv:3:"), second.transcript)
        let outside = try cadreplan(["replan", scenario, "--actuals", try writeActuals("empty.csv", []), "--from", "2030",
                                     "--out", scratch.path("never")] + solving)
        XCTAssertEqual(outside.code, 1, outside.transcript)
        XCTAssertTrue(outside.stderr.contains("--from") && outside.stderr.contains("2030"), outside.transcript)
        XCTAssertFalse(exists("never"))
    }

    // MARK: 6. Outputs never over inputs

    func testOutputFolderMayNotBeThePreviousPlan() throws {
        let scenario = try writeScenario("guard", horizon: 2026, officials: [
            Self.official("A-01", "Nguyễn Văn An", "civil_servant"),
        ], targets: [Self.target("E", deadline: 2025, category: "civil_servant", "political_theory>=elementary")])
        let planned = try cadreplan(["plan", scenario, "--out", scratch.path("first"), "--quiet"] + solving)
        XCTAssertEqual(planned.code, 0, planned.transcript)
        try FileManager.default.createDirectory(atPath: scratch.path("act"), withIntermediateDirectories: true)
        let actuals = try writeActuals("act/actuals.csv", ["completed,A-01,SC,2024,,,"])
        let before = try snapshot(of: scratch.path("first"))
        XCTAssertNotNil(before[".cadreplan-output"], "a folder cadreplan wrote, which it would otherwise replace")

        for (out, extra) in [(scratch.path("first"), []), (scratch.path("first") + "/", []), (scratch.path("first"), ["--force"]),
                             ("first", ["--force"]), ("./first/../first", [])] {
            let run = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025", "--previous",
                                     scratch.path("first"), "--out", out, "--quiet"] + extra + solving)
            XCTAssertEqual(run.code, 1, "--out \(out) \(extra): \(run.transcript)")
            XCTAssertTrue(run.stderr.contains("refusing") && run.stderr.contains("schedule.csv"), run.transcript)
        }
        XCTAssertEqual(try snapshot(of: scratch.path("first")), before, "the previous plan is left as it was")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        XCTAssertEqual(siblings.filter { $0.hasPrefix(".first.") }, [], "no staging folder left behind")

        // Nor over the actuals: the folder holding actuals.csv.
        let actualsFolder = try snapshot(of: scratch.path("act"))
        let intoActuals = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025",
                                         "--out", scratch.path("act"), "--force", "--quiet"] + solving)
        XCTAssertEqual(intoActuals.code, 1, intoActuals.transcript)
        XCTAssertTrue(intoActuals.stderr.contains("refusing") && intoActuals.stderr.contains("actuals.csv"), intoActuals.transcript)
        XCTAssertEqual(try snapshot(of: scratch.path("act")), actualsFolder)
        XCTAssertEqual(try snapshot(of: scratch.path("first")), before)

        // Elsewhere it is written.
        let elsewhere = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025", "--previous",
                                       scratch.path("first"), "--out", scratch.path("second"), "--quiet"] + solving)
        XCTAssertEqual(elsewhere.code, 0, elsewhere.transcript)
        XCTAssertTrue(exists("second/changes.csv"))
    }

    // MARK: 7. Newcomers planned, leavers gone

    func testJoinedOfficialIsPlannedAndLeaverIsInNoOutput() throws {
        let scenario = try writeScenario("staff", horizon: 2026, officials: [
            Self.official("J-01", "Nguyễn Văn Sơn", "key_cadre", party: true, political: "elementary"),
            Self.official("J-02", "Trần Thị Rời", "key_cadre", party: true, political: "elementary"),
        ], targets: [Self.target("K", deadline: 2026, category: "key_cadre", "political_theory>=intermediate", weight: 10)])
        let planned = try cadreplan(["plan", scenario, "--out", scratch.path("first"), "--quiet"] + solving)
        XCTAssertEqual(planned.code, 0, planned.transcript)
        XCTAssertEqual(try starts("first"), [Start(year: 2024, official: "J-01", course: "TC"),
                                             Start(year: 2024, official: "J-02", course: "TC")])

        // J-01 is half-way through TC, J-02 left at the end of 2024, N-01 came in 2025 already holding
        // elementary: TC at once reaches intermediate by 2026 (SC first would not).
        let header = Self.actualsHeader + "," + ScenarioText.officialsHeader.split(separator: ",").dropFirst().joined(separator: ",")
        let blanks = String(repeating: ",", count: 23)
        let newcomer = Self.officialColumns("Phan Văn Tâm", "key_cadre", party: true, place: Self.ha, political: "elementary")
        XCTAssertEqual(newcomer.count, 23)
        let actuals = try writeActuals("actuals.csv", [
            "running,J-01,TC,2024,,," + blanks,
            "left,J-02,,2024,,,chuyển công tác" + blanks,
            "joined,N-01,,2025,,,," + newcomer.joined(separator: ","),
        ], header: header)

        for (out, previous) in [("second", [] as [String]), ("third", ["--previous", scratch.path("first")])] {
            let run = try cadreplan(["replan", scenario, "--actuals", actuals, "--from", "2025", "--out", scratch.path(out),
                                     "--quiet"] + previous + solving)
            XCTAssertEqual(run.code, 0, run.transcript)
            XCTAssertEqual(try starts(out), [Start(year: 2025, official: "N-01", course: "TC")], out)
            let newRow = try XCTUnwrap(try OutputCSV(path: scratch.path(out + "/schedule.csv")).rows.first)
            XCTAssertEqual(newRow["full_name"], "Phan Văn Tâm")
            XCTAssertEqual(newRow["district"], "Sơn Hà")
            // K in 2026: J-01 (TC completes 2025) and N-01, not J-02.
            let attainment = try OutputCSV(path: scratch.path(out + "/attainment.csv"))
            let k2026 = try XCTUnwrap(attainment.rows.first { $0["target_id"] == "K" && $0["year"] == "2026" })
            XCTAssertEqual(k2026["cohort"], "2", out)
            XCTAssertEqual(k2026["attained"], "2", out)
            try assertAbsent(["J-02", "Trần Thị Rời"], from: out)
        }
        let changes = try OutputCSV(path: scratch.path("third/changes.csv"))
        XCTAssertEqual(changes.rawRows.count, 1, "\(changes.rawRows)")
        XCTAssertEqual(changes.rows.first?["official_id"], "N-01")
        XCTAssertEqual(changes.rows.first?["change"], "added")
        XCTAssertEqual(changes.rows.first?["reason"], "new_official")
    }

    /// No file of the output folder names any of `words` (the workbook read through `unzip`, when installed).
    private func assertAbsent(_ words: [String], from out: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try snapshot(of: scratch.path(out))
        XCTAssertNotNil(files["plan.xlsx"], file: file, line: line)
        XCTAssertNotNil(files["report.html"], file: file, line: line)
        for (name, data) in files {
            var texts = [String(decoding: data, as: UTF8.self)]
            if name.hasSuffix(".xlsx") {
                let unzip = "/usr/bin/unzip"
                guard FileManager.default.isExecutableFile(atPath: unzip) else { continue }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: unzip)
                process.arguments = ["-p", scratch.path(out + "/" + name)]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let inflated = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                XCTAssertFalse(inflated.isEmpty, "\(name) unzips", file: file, line: line)
                texts = [String(decoding: inflated, as: UTF8.self)]
            }
            for word in words where texts.contains(where: { $0.contains(word) }) {
                XCTFail("\(out)/\(name) names \(word)", file: file, line: line)
            }
        }
    }

    // MARK: 8. A re-plan across a reorganisation of the map

    /// Every official moves to the new commune at once; a course completed under the old commune still counts;
    /// outputs name the new units. A commune left out of the file is named, with the file, and nothing is planned.
    func testReplanAcrossAReorganisationKeepsHistoryAndNamesTheNewUnits() throws {
        let scenario = try writeScenario("merge", horizon: 2027, officials: [
            Self.official("A-01", "Nguyễn Văn An", "civil_servant"),
            Self.official("A-02", "Trần Văn Bình", "civil_servant", place: Self.ha),
        ], targets: [Self.target("E", deadline: 2025, category: "civil_servant", "political_theory>=elementary")])
        let actuals = try writeActuals("actuals.csv", ["completed,A-01,SC,2024,,,"])
        let reorganisation = try writeActuals("reorganisation.csv", [
            "Xã Tịnh Hà,Sơn Tịnh,Xã Tịnh Hà mới,Xã Tịnh Hà mới,sáp nhập",
            "Xã Sơn Hạ,Sơn Hà,Xã Sơn Hà mới,Xã Sơn Hà mới,",
        ], header: "Xã cũ,Đơn vị cũ,Xã mới,Đơn vị mới,Ghi chú")

        let run = try cadreplan(["replan", scenario, "--actuals", actuals, "--reorganisation", reorganisation,
                                 "--from", "2026", "--out", scratch.path("merged")] + solving)
        XCTAssertEqual(run.code, 0, run.transcript)
        let rows = try schedule("merged")
        XCTAssertEqual(rows.map(\.start), [Start(year: 2026, official: "A-02", course: "SC")], "A-01's SC of 2024 counts")
        XCTAssertEqual(rows.map(\.district), ["Xã Sơn Hà mới"])
        let districts = try OutputCSV(path: scratch.path("merged/districts.csv"))
        XCTAssertEqual(Set(districts.rows.compactMap { $0["district"] }), ["Xã Sơn Hà mới"])

        let partial = try writeActuals("partial.csv", ["Xã Tịnh Hà,Sơn Tịnh,Xã Tịnh Hà mới,Xã Tịnh Hà mới"],
                                       header: "xa_cu,don_vi_cu,xa_moi,don_vi_moi")
        let refused = try cadreplan(["replan", scenario, "--actuals", actuals, "--reorganisation", partial,
                                     "--from", "2026", "--out", scratch.path("refused")] + solving)
        XCTAssertEqual(refused.code, 1, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("partial.csv: old_commune: no row for \"Xã Sơn Hạ\" of \"Sơn Hà\", where A-02 work"),
                      refused.transcript)
        XCTAssertFalse(exists("refused/schedule.csv"))
    }

    // MARK: 9. The README's walkthrough on the sample province

    /// The shipped actuals and locks read cleanly against the sample, and the re-plan keeps the locks. A short
    /// time limit keeps the test quick: the plan may come back with a gap (exit 2), never with a broken lock.
    func testTheSampleProvinceReplanKeepsItsLocks() throws {
        let folder = packageRoot.appendingPathComponent("Scenarios/quang-ngai-2022").path
        let run = try cadreplan(["replan", folder + "/locked-2023.yaml", "--actuals", folder + "/actuals-2022.csv",
                                 "--from", "2023", "--out", scratch.path("sample"), "--time-limit", "3", "--quiet"])
        XCTAssertTrue([0, 2].contains(run.code), run.transcript)
        let rows = try schedule("sample")
        XCTAssertEqual(Set(rows.map(\.start.year)).min(), 2023)
        for official in ["QN-03362", "QN-03445", "QN-03647"] {
            XCTAssertTrue(rows.contains { $0.start == Start(year: 2023, official: official, course: "TC-LLCT") }, official)
        }
        for official in ["QN-00192", "QN-00408"] {
            XCTAssertFalse(rows.contains { $0.start.official == official && $0.start.year <= 2023 && 2023 <= $0.completes }, official)
        }
        XCTAssertFalse(rows.contains { $0.start.official == "QN-00919" && $0.start.course == "TC-CM" })
        XCTAssertLessThanOrEqual(trainees(of: "Trà Bồng", in: 2023, rows).count, 30, "new starts alone stay under the cap")
        let left = ["QN-00001", "QN-00444", "QN-00887"]
        XCTAssertFalse(rows.contains { left.contains($0.start.official) })
    }

    /// The README's *Across the reorganisation of 1 July 2025*: the 2022 sample planned, then re-planned from 2026
    /// with 2022–2025 as actuals and the merged communes. Short time limits keep it quick: either run may stop
    /// with a gap (exit 2); the re-plan must read everything and plan on the new map only.
    func testTheReadmeWalkthroughAcrossTheReorganisation() throws {
        let folder = packageRoot.appendingPathComponent("Scenarios/quang-ngai-2022").path
        let planned = try cadreplan(["plan", folder + "/baseline.yaml", "--gap", "0.005", "--time-limit", "5",
                                     "--out", scratch.path("baseline"), "--quiet"])
        XCTAssertTrue([0, 2].contains(planned.code), planned.transcript)
        let replanned = try cadreplan([
            "replan", folder + "/merged-2026.yaml", "--from", "2026", "--actuals", folder + "/actuals-2022-2025.csv",
            "--reorganisation", folder + "/reorganisation-2025.csv", "--gap", "0.005", "--time-limit", "5",
            "--out", scratch.path("merged"), "--quiet"])
        XCTAssertTrue([0, 2].contains(replanned.code), replanned.transcript)

        let rows = try schedule("merged")
        XCTAssertFalse(rows.isEmpty)
        XCTAssertEqual(Set(rows.map(\.start.year)).min(), 2026)
        let oldDistricts: Set = ["TP Quảng Ngãi", "TX Đức Phổ", "Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức",
                                 "Ba Tơ", "Minh Long", "Sơn Hà", "Sơn Tây", "Trà Bồng"]
        XCTAssertTrue(rows.allSatisfy { !oldDistricts.contains($0.district) && $0.district.hasSuffix(" cũ)") },
                      "lists go to the new communes: \(Set(rows.map(\.district)).sorted().prefix(5))")
        XCTAssertLessThanOrEqual(Set(rows.map(\.district)).count, 55)

        // History kept: what 2022–2025 completed is not planned again.
        let actuals = try OutputCSV(path: folder + "/actuals-2022-2025.csv").rows
        let completed = Set(actuals.filter { $0["event"] == "completed" }.map { "\($0["official_id"] ?? "") \($0["course_id"] ?? "")" })
        XCTAssertGreaterThan(completed.count, 1_000)
        let again = rows.filter { completed.contains("\($0.start.official) \($0.start.course)") }
        XCTAssertEqual(again.map(\.start), [])

        let report = try String(contentsOfFile: scratch.path("merged/report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("Phân bổ học viên theo xã, phường"))
        XCTAssertFalse(report.contains("Phân bổ học viên theo huyện"))
    }
}
