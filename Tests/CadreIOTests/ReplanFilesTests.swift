import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

/// locks.csv and actuals.csv: the files of decisions already taken and of what really happened.
final class ReplanFilesTests: XCTestCase {
    // MARK: Helpers

    /// The fixture officials and courses, plus CB3 in another district: officials CB1, CB2, CB3 are indices
    /// 0, 1, 2; courses SC-LLCT, TC-LLCT, TIENG-THAI are 0, 1, 2. Years 2022…2026.
    private var scenario: Scenario {
        var officials = readOfficials(Fixtures.officials).0
        var third = officials[0]
        third.id = "CB3"
        third.district = "Sìn Hồ"
        officials.append(third)
        return Scenario(
            name: "t", baseYear: 2022, horizon: 2026, officials: officials, courses: readCourses(Fixtures.courses).0,
            targets: [], budget: [:])
    }

    private func readLocks(_ text: String, scenario: Scenario? = nil) -> (Locks, [String]) {
        var problems: [InputProblem] = []
        let locks = LocksReader.read(Data(text.utf8), file: "locks.csv", scenario: scenario ?? self.scenario, problems: &problems)
        return (locks, problems.map(\.description))
    }

    private func readActuals(_ text: String) -> ([ActualEvent], [String]) {
        var problems: [InputProblem] = []
        let events = ActualsReader.read(Data(text.utf8), file: "actuals.csv", problems: &problems)
        return (events, problems.map(\.description))
    }

    /// The problems of loading `path` with the folder's path left out, or [] when it loads without warnings.
    private func problems(loading path: String, in folder: TemporaryFolder) -> [String] {
        do {
            return try ScenarioLoader.load(path: path).warnings.map(\.description)
        } catch let error as InputError {
            return error.problems.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    static let locksHeader = "action,official_id,course_id,year,district,max_trainees,note"

    // MARK: locks.csv

    func testACleanLocksFileReadsToIndicesAndSources() {
        let (locks, problems) = readLocks("""
        \(Self.locksHeader)
        pin,CB2,TC-LLCT,2023,,,class list sent in December
        forbid,CB1,TIENG-THAI,,,,already speaks Thai
        forbid,CB3,,2024,,,maternity leave

        forbid,CB1,SC-LLCT,2025,,,
        cap,,,2024,  mường tè ,1,
        pin,CB3,SC-LLCT,2022,,,
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(locks, Locks(
            pins: [
                Pin(official: 1, course: 1, year: 2023, source: "locks.csv:2"),
                Pin(official: 2, course: 0, year: 2022, source: "locks.csv:8"),
            ],
            forbids: [
                Forbid(official: 0, course: 2, year: nil, source: "locks.csv:3"),
                Forbid(official: 2, course: nil, year: 2024, source: "locks.csv:4"),
                Forbid(official: 0, course: 0, year: 2025, source: "locks.csv:6"),
            ],
            // The district as the officials spell it, so the planner's exact comparison finds them.
            caps: [DistrictCap(district: "Mường Tè", year: 2024, maxTrainees: 1, source: "locks.csv:7")]))
    }

    func testOnlyActionIsARequiredColumn() {
        XCTAssertEqual(readLocks("official_id,course_id,year\nCB1,SC-LLCT,2023\n").1, [
            "locks.csv:1: action: the column is missing from the header",
        ])
        let (locks, problems) = readLocks("action,district,year,max_trainees\ncap,Sìn Hồ,2026,0\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(locks, Locks(caps: [DistrictCap(district: "Sìn Hồ", year: 2026, maxTrainees: 0, source: "locks.csv:2")]))
        // A column the action needs but the file leaves out is reported at the row, like an empty one.
        let (none, missing) = readLocks("action,official_id\npin,CB1\n")
        XCTAssertEqual(missing, [
            "locks.csv:2: course_id: is empty; a pin row needs official_id, course_id, year",
            "locks.csv:2: year: is empty; a pin row needs official_id, course_id, year",
        ])
        XCTAssertEqual(none, Locks.none)
    }

    func testEachKindOfBadLockRowIsReportedAtItsLineAndField() {
        let (locks, problems) = readLocks("""
        \(Self.locksHeader)
        pinn,CB1,SC-LLCT,2023,,,
        ,CB1,SC-LLCT,2023,,,
        pin,CB1,SC-LLCT,,,,
        pin,CB9,SC-LLCT,2023,,,
        pin,CB1,TC-LLTC,2023,,,
        pin,CB1,SC-LLCT,2031,,,
        pin,CB1,SC-LLCT,2023,,5,
        forbid,CB1,,,,,no reason
        cap,CB1,,2024,Mường Tè,3,
        cap,,,2024,Mường Tê,3,
        cap,,,2024,Mường Tè,-1,
        cap,,,2024,Mường Tè,,
        pin,CB2,SC-LLCT,2023,,,
        pin,CB2,SC-LLCT,2023,,,again
        forbid,CB1,,twenty,,,
        """)
        XCTAssertEqual(problems, [
            "locks.csv:2: action: \"pinn\" is not one of pin, forbid, cap",
            "locks.csv:3: action: is empty; write pin, forbid, cap",
            "locks.csv:4: year: is empty; a pin row needs official_id, course_id, year",
            "locks.csv:5: official_id: \"CB9\" is not an official of the scenario",
            "locks.csv:6: course_id: \"TC-LLTC\" is not a course of the scenario",
            "locks.csv:7: year: 2031 is outside base_year…horizon (2022…2026)",
            "locks.csv:8: max_trainees: \"5\" does not belong to a pin row (max_trainees is for cap rows); is the action right?",
            "locks.csv:9: course_id: is empty and so is year; a forbid row needs a course, a year or both",
            "locks.csv:10: official_id: \"CB1\" does not belong to a cap row (official_id is for pin and forbid rows); is the action right?",
            "locks.csv:11: district: \"Mường Tê\" is not the district of any official (the districts are Mường Tè, Sìn Hồ)",
            "locks.csv:12: max_trainees: -1 is not between 0 and 1000000",
            "locks.csv:13: max_trainees: is empty; a cap row needs district, year, max_trainees",
            "locks.csv:15: course_id: is the same pin as line 14; give each pin once",
            "locks.csv:16: year: \"twenty\" is not a whole number",
        ])
        // Rows with a problem are left out; the others are kept.
        XCTAssertEqual(locks, Locks(pins: [Pin(official: 1, course: 0, year: 2023, source: "locks.csv:14")]))
    }

    func testVietnameseHeadersAndActions() {
        let (locks, problems) = readLocks("""
        Loại;Mã cán bộ;Mã khóa học;Năm;Huyện;Số người tối đa;Ghi chú
        Ghim;CB1;TC-LLCT;2023;;;đã gửi danh sách
        cố định;CB2;SC-LLCT;2022;;;
        Cấm;CB2;;2025;;;nghỉ thai sản
        không cử;CB3;TIENG-THAI;;;;
        Giới hạn;;;2023;Sìn Hồ;2;
        trần;;;2024;Sìn Hồ;1;
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(locks, Locks(
            pins: [
                Pin(official: 0, course: 1, year: 2023, source: "locks.csv:2"),
                Pin(official: 1, course: 0, year: 2022, source: "locks.csv:3"),
            ],
            forbids: [
                Forbid(official: 1, course: nil, year: 2025, source: "locks.csv:4"),
                Forbid(official: 2, course: 2, year: nil, source: "locks.csv:5"),
            ],
            caps: [
                DistrictCap(district: "Sìn Hồ", year: 2023, maxTrainees: 2, source: "locks.csv:6"),
                DistrictCap(district: "Sìn Hồ", year: 2024, maxTrainees: 1, source: "locks.csv:7"),
            ]))
        XCTAssertEqual(readLocks("Thao tác,mã cán bộ,mã lớp,năm\nxóa,CB1,SC-LLCT,2023\n").1, [
            "locks.csv:2: action: \"xóa\" is not one of pin, forbid, cap",
        ])
    }

    func testLocksAndActualsReadFromAWorkbook() throws {
        var problems: [InputProblem] = []
        let locksBook = try XLSXFixture.workbook(rows: [
            ["Loại", "Mã cán bộ", "Mã khóa học", "Năm", "Huyện", "Số người tối đa"],
            ["ghim", "CB3", "TC-LLCT", "2024"],
            ["trần", "", "", "2030", "Sìn Hồ", "2"],
        ])
        let locks = LocksReader.read(locksBook, file: "locks.xlsx", scenario: scenario, problems: &problems)
        XCTAssertEqual(problems.map(\.description), ["locks.xlsx:3: year: 2030 is outside base_year…horizon (2022…2026)"])
        XCTAssertEqual(locks, Locks(pins: [Pin(official: 2, course: 1, year: 2024, source: "locks.xlsx:2")]))

        problems = []
        let actualsBook = try XLSXFixture.workbook(rows: [
            ["Sự kiện", "Mã cán bộ", "Mã lớp", "Năm"],
            ["đang học", "CB1", "TC-LLCT", "2023"],
        ])
        let events = ActualsReader.read(actualsBook, file: "actuals.xlsx", problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(events, [ActualEvent(kind: .running, officialID: "CB1", courseID: "TC-LLCT", year: 2023, source: "actuals.xlsx:2")])
    }

    func testLocksKeyIsReadByTheLoaderAgainstSortedOfficialsAndCourses() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario + "locks: locks.csv\n")
        // officials.csv lists CB2 first; the scenario sorts by id, and the indices follow the sorted list.
        let lines = Fixtures.officials.split(separator: "\n")
        try folder.write("officials.csv", "\(lines[0])\n\(lines[2])\n\(lines[1])\n")
        try folder.write("locks.csv", "action,official_id,course_id,year\npin,CB2,TIENG-THAI,2024\nforbid,CB1,,2023\n")
        let loaded = try ScenarioLoader.load(path: path)
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(loaded.scenario.officials.map(\.id), ["CB1", "CB2"])
        let locksFile = folder.path + "/locks.csv"
        XCTAssertEqual(loaded.scenario.locks, Locks(
            pins: [Pin(official: 1, course: 2, year: 2024, source: locksFile + ":2")],
            forbids: [Forbid(official: 0, year: 2023, source: locksFile + ":3")]))
        XCTAssertEqual(loaded.files.locks, locksFile)
        XCTAssertEqual(loaded.files.all.last, locksFile)
        XCTAssertEqual(loaded.files.all.count, 5)
    }

    func testLocksKeyIsInheritedThroughExtendsRelativeToTheFileNamingIt() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario(Fixtures.scenario + "locks: locks.csv\n")
        try folder.write("locks.csv", "action,district,year,max_trainees\ncap,Mường Tè,2025,4\n")
        let child = try folder.write("variants/short.yaml", "extends: ../baseline.yaml\nname: short\nhorizon: 2024\n")
        XCTAssertEqual(problems(loading: child, in: folder), [
            // Paths keep the form the user gave, as for the other tables.
            "variants/../locks.csv:2: year: 2025 is outside base_year…horizon (2022…2024)",
        ])
        try folder.write("variants/short.yaml", "extends: ../baseline.yaml\nname: short\n")
        let loaded = try ScenarioLoader.load(path: child)
        XCTAssertEqual(loaded.scenario.locks, Locks(caps: [
            DistrictCap(district: "Mường Tè", year: 2025, maxTrainees: 4, source: folder.path + "/variants/../locks.csv:2"),
        ]))
        XCTAssertEqual(loaded.files.locks, folder.path + "/variants/../locks.csv")
        // A scenario without the key has no locks, and no locks file among its inputs.
        let plain = try ScenarioLoader.load(path: folder.write("plain.yaml", Fixtures.scenario))
        XCTAssertEqual(plain.scenario.locks, Locks.none)
        XCTAssertNil(plain.files.locks)
        XCTAssertEqual(plain.files.all.count, 4)
    }

    func testLocksProblemsThroughTheLoader() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario + "locks: missing.csv\n")
        XCTAssertEqual(problems(loading: path, in: folder), [
            "baseline.yaml:11: locks: cannot read \"missing.csv\": no such file",
        ])
        // While officials.csv has an error, a lock naming the official of the dropped row is not reported
        // again; the locks file's own mistakes are.
        try folder.writeScenario(Fixtures.scenario + "locks: locks.csv\n")
        try folder.write("officials.csv", Fixtures.officials.replacingOccurrences(of: "CB2,Lò Thị Bình,female", with: "CB2,Lò Thị Bình,f"))
        try folder.write("locks.csv", "action,official_id,course_id,year\npin,CB2,SC-LLCT,2023\npin,CB1,NOPE,2023\n")
        XCTAssertEqual(problems(loading: path, in: folder), [
            "officials.csv:3: gender: \"f\" is not one of male, female",
            "locks.csv:3: course_id: \"NOPE\" is not a course of the scenario",
        ])
    }

    func testReadLocksAgainstAReplannedScenario() throws {
        let folder = try TemporaryFolder(self)
        let file = try folder.write("locks.csv", """
        action,official_id,course_id,year,district,max_trainees
        pin,CB1,SC-LLCT,2023,,
        cap,,,2022,Sìn Hồ,0
        pin,CB3,TC-LLCT,2024,,
        forbid,CB1,TIENG-THAI,,,
        cap,,,2025,Sìn Hồ,2
        """)
        // Re-planned from 2024; CB2 has left, so CB1 and CB3 are now indices 0 and 1.
        var replanned = scenario
        replanned.baseYear = 2024
        replanned.officials.remove(at: 1)
        // Rows about 2022 and 2023 are history and left out.
        XCTAssertEqual(try ScenarioLoader.readLocks(path: file, for: replanned), Locks(
            pins: [Pin(official: 1, course: 1, year: 2024, source: file + ":4")],
            forbids: [Forbid(official: 0, course: 2, source: file + ":5")],
            caps: [DistrictCap(district: "Sìn Hồ", year: 2025, maxTrainees: 2, source: file + ":6")]))

        try folder.write("locks.csv", "action,official_id,year\nforbid,CB2,2025\n")
        XCTAssertThrowsError(try ScenarioLoader.readLocks(path: file, for: replanned)) { error in
            XCTAssertEqual((error as? InputError)?.problems.map(\.description), [
                "\(file):2: official_id: \"CB2\" is not an official of the re-planned scenario",
            ])
        }
        XCTAssertThrowsError(try ScenarioLoader.readLocks(path: folder.path + "/none.csv", for: replanned)) { error in
            XCTAssertEqual((error as? InputError)?.problems.map(\.description), [
                "\(folder.path)/none.csv: cannot be read: no such file",
            ])
        }
    }

    // MARK: actuals.csv

    static let actualsHeader = "event,official_id,course_id,year,field,value,note,"
        + Fixtures.officialsHeader.replacingOccurrences(of: "id,", with: "", options: .anchored)

    /// A row of actuals.csv with the officials.csv columns left empty.
    private static func event(_ fields: String) -> String {
        fields + String(repeating: ",", count: Fixtures.officialsHeader.split(separator: ",").count - 1)
    }

    /// CB2's columns of the fixture officials.csv, after the id.
    private static let newcomerColumns =
        "Lò Thị Bình,female,1988,Thái,civil_servant,Công chức Tư pháp,,no,no,Mường Tè,Thu Lũm,mountain,yes,5,college,none,none,none,0,fluent,yes,no,2040"

    func testEachEventKindReadsToItsEvent() {
        let (events, problems) = readActuals("""
        \(Self.actualsHeader)
        \(Self.event("completed,CB1,SC-LLCT,2022,,,"))
        \(Self.event("running,CB1,TC-LLCT,2023,,,two-year course"))
        \(Self.event("dropped,CB2,TIENG-THAI,2023,,,"))
        \(Self.event("left,CB2,,2023,,,moved to the district"))
        joined,CB9,,2024,,,replaces CB2,\(Self.newcomerColumns)
        \(Self.event("changed,CB1,,2023,title,Bí thư Đảng ủy,"))
        """)
        XCTAssertEqual(problems, [])
        var newcomer = readOfficials(Fixtures.officials).0[1]
        newcomer.id = "CB9"
        XCTAssertEqual(events, [
            ActualEvent(kind: .completed, officialID: "CB1", courseID: "SC-LLCT", year: 2022, source: "actuals.csv:2"),
            ActualEvent(kind: .running, officialID: "CB1", courseID: "TC-LLCT", year: 2023, source: "actuals.csv:3"),
            ActualEvent(kind: .dropped, officialID: "CB2", courseID: "TIENG-THAI", year: 2023, source: "actuals.csv:4"),
            ActualEvent(kind: .left, officialID: "CB2", year: 2023, source: "actuals.csv:5"),
            ActualEvent(kind: .joined, officialID: "CB9", year: 2024, official: newcomer, source: "actuals.csv:6"),
            ActualEvent(kind: .changed, officialID: "CB1", year: 2023, change: .title("Bí thư Đảng ủy"), source: "actuals.csv:7"),
        ])
    }

    func testAJoinedOfficialIsReadWithLevelsAndAnOptionalYear() {
        let (events, problems) = readActuals("""
        Sự kiện;Mã cán bộ;Năm;Họ và tên;Giới tính;Năm sinh;Dân tộc;Đối tượng;Chức danh;Đảng viên;Cấp ủy viên;Huyện;Xã;Khu vực;Vùng DTTS;Số năm công tác vùng DTTS;Trình độ chuyên môn;Lý luận chính trị;Quản lý nhà nước;Tin học;Ngoại ngữ;Tiếng dân tộc;Nghiệp vụ đoàn thể;Cập nhật kiến thức
        tuyển mới;CB10;;Vàng A Dình;nam;1995;Mông;công chức;Công chức Văn hóa;có;không;Mường Tè;Ka Lăng;miền núi;có;0;đại học;sơ cấp;chuyên viên;nâng cao;B1;thành thạo;không;có
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(events, [ActualEvent(
            kind: .joined, officialID: "CB10",
            official: Official(
                id: "CB10", fullName: "Vàng A Dình", gender: .male, birthYear: 1995, ethnicity: "Mông",
                category: .civilServant, title: "Công chức Văn hóa", partyMember: true, district: "Mường Tè",
                commune: "Ka Lăng", area: .mountain, minorityArea: true, minorityAreaYears: 0,
                levels: Levels([
                    .education: 4, .politicalTheory: 1, .stateManagement: 1, .it: 2, .foreignLanguage: 3,
                    .ethnicLanguage: 2, .massOrg: 0, .leadershipUpdate: 1,
                ])),
            source: "actuals.csv:2")])
    }

    func testChangedRowsParseTheirValueAsOfficialsCsvDoes() {
        let (events, problems) = readActuals("""
        event,official_id,year,field,value
        changed,CB2,2023,political_theory,trung cấp
        changed,CB1,,planned_title,
        changed,CB2,2024,Chức danh quy hoạch,Phó Chủ tịch UBND
        changed,CB2,,leaves_year,
        changed,CB1,,leaves_year,2027
        thay đổi,CB1,,Đảng viên,không
        changed,CB1,,area,hải đảo
        changed,CB1,,foreign_language,B2
        changed,CB1,,mass_org_training,yes
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(events.map(\.change), [
            .level(.politicalTheory, 2), .plannedTitle(""), .plannedTitle("Phó Chủ tịch UBND"), .leavesYear(nil),
            .leavesYear(2027), .partyMember(false), .area(.island), .level(.foreignLanguage, 4), .level(.massOrg, 1),
        ])
        XCTAssertEqual(events.map(\.year), [2023, nil, 2024, nil, nil, nil, nil, nil, nil])
        XCTAssertEqual(events.map(\.source), (2...10).map { "actuals.csv:\($0)" })
    }

    func testEachKindOfBadActualRowIsReportedAtItsLineAndField() {
        let (events, problems) = readActuals("""
        event,official_id,course_id,year,field,value,note
        finished,CB1,SC-LLCT,2022,,,
        completed,CB1,,2022,,,
        completed,CB1,SC-LLCT,,,,
        running,,TC-LLCT,2023,,,
        left,CB2,,,,,
        left,CB2,SC-LLCT,2023,,,
        changed,CB1,,,gender,female,
        changed,CB1,,,Năm sinh,1976,
        changed,CB1,,,id,CB7,
        changed,CB1,,,minority_area_years,3,
        changed,CB1,,,rank,high,
        changed,CB1,,,,,
        changed,CB1,,,title,,
        changed,CB1,,,political_theory,trung cap,
        changed,CB1,,,leaves_year,soon,
        dropped,CB1,SC-LLCT,2023,title,x,
        completed,CB1,SC-LLCT,2022,,,
        """)
        XCTAssertEqual(problems, [
            "actuals.csv:2: event: \"finished\" is not one of completed, running, dropped, left, joined, changed",
            "actuals.csv:3: course_id: is empty; a completed row names the course",
            "actuals.csv:4: year: is empty; give the year the course started",
            "actuals.csv:5: official_id: is empty",
            "actuals.csv:6: year: is empty; give the last year in service",
            "actuals.csv:7: course_id: \"SC-LLCT\" does not belong to a left row (course_id is for completed, running, dropped rows); is the event right?",
            "actuals.csv:8: field: gender cannot be changed: it is fixed; if officials.csv has it wrong, correct it there",
            "actuals.csv:9: field: birth_year cannot be changed: it is fixed; if officials.csv has it wrong, correct it there",
            "actuals.csv:10: field: id cannot be changed: an official keeps their id; record a left row for the old id and a joined row for the new one",
            "actuals.csv:11: field: minority_area_years cannot be changed: the re-plan counts the years since the base year itself; if officials.csv has it wrong, correct it there",
            "actuals.csv:12: field: \"rank\" is not a column of officials.csv that can change (full_name, ethnicity, category, title, party_member, party_committee, district, commune, area, minority_area, education, political_theory, state_management, it, foreign_language, ethnic_language, mass_org_training, leadership_update, planned_title, leaves_year)",
            "actuals.csv:13: field: is empty; name the officials.csv column that changed (full_name, ethnicity, category, title, party_member, party_committee, district, commune, area, minority_area, education, political_theory, state_management, it, foreign_language, ethnic_language, mass_org_training, leadership_update, planned_title, leaves_year)",
            "actuals.csv:14: value: is empty; give the new title",
            "actuals.csv:15: value: \"trung cap\" is not one of none, elementary, intermediate, advanced",
            "actuals.csv:16: value: \"soon\" is not a whole number",
            "actuals.csv:17: field: \"title\" does not belong to a dropped row (field is for changed rows); is the event right?",
            "actuals.csv:17: value: \"x\" does not belong to a dropped row (value is for changed rows); is the event right?",
        ])
        // Only the clean row is kept.
        XCTAssertEqual(events, [
            ActualEvent(kind: .completed, officialID: "CB1", courseID: "SC-LLCT", year: 2022, source: "actuals.csv:18"),
        ])
    }

    func testAJoinedRowNeedsTheOfficialsColumns() {
        let missing = OfficialsReader.requiredColumns.filter { $0 != "id" }
        XCTAssertEqual(readActuals("event,official_id,year\njoined,CB9,2024\nleft,CB1,2030\n").1,
            missing.map { "actuals.csv:2: \($0): is not a column of the file; a joined row needs every column of officials.csv" })
        // The columns are there but a value is wrong or missing: the same messages as officials.csv gives.
        let (events, problems) = readActuals("""
        \(Self.actualsHeader)
        joined,CB9,,2024,,,,\(Self.newcomerColumns.replacingOccurrences(of: "female,1988", with: ",1988").replacingOccurrences(of: "college,none", with: "college,trung cap"))
        """)
        XCTAssertEqual(problems, [
            "actuals.csv:2: political_theory: \"trung cap\" is not one of none, elementary, intermediate, advanced",
            "actuals.csv:2: gender: \"\" is not one of male, female",
        ])
        XCTAssertEqual(events, [])
    }

    func testOnlyEventAndOfficialIDAreRequiredColumns() {
        XCTAssertEqual(readActuals("official,course_id,year\nCB1,SC-LLCT,2022\n").1, [
            "actuals.csv:1: event: the column is missing from the header",
            "actuals.csv:1: official_id: the column is missing from the header",
        ])
        let (events, problems) = readActuals("Diễn biến,Mã số,Mã lớp,Năm\nhoàn thành,CB1,SC-LLCT,2022\nĐang học,CB2,TC-LLCT,2023\nbỏ học,CB2,TIENG-THAI,2023\nnghỉ hưu,CB1,,2024\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(events, [
            ActualEvent(kind: .completed, officialID: "CB1", courseID: "SC-LLCT", year: 2022, source: "actuals.csv:2"),
            ActualEvent(kind: .running, officialID: "CB2", courseID: "TC-LLCT", year: 2023, source: "actuals.csv:3"),
            ActualEvent(kind: .dropped, officialID: "CB2", courseID: "TIENG-THAI", year: 2023, source: "actuals.csv:4"),
            ActualEvent(kind: .left, officialID: "CB1", year: 2024, source: "actuals.csv:5"),
        ])
    }
}
