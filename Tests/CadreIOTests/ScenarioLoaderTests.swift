import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

final class ScenarioLoaderTests: XCTestCase {
    /// The problems of loading `path`, as text, or [] when it loads.
    func problems(loading path: String) -> [String] {
        do {
            let loaded = try ScenarioLoader.load(path: path)
            return loaded.warnings.map(\.description)
        } catch let error as InputError {
            return error.problems.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    func testLoadsTheScenarioAndItsTables() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario()
        let loaded = try ScenarioLoader.load(path: path)
        let scenario = loaded.scenario
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(scenario.name, "baseline")
        XCTAssertEqual(scenario.years, 2022...2026)
        XCTAssertEqual(scenario.officials.map(\.id), ["CB1", "CB2"])
        XCTAssertEqual(scenario.courses.map(\.id), ["SC-LLCT", "TC-LLCT", "TIENG-THAI"])
        // Kept in id order, whatever the order of the rows in the file.
        XCTAssertEqual(scenario.targets.map(\.id), ["25-2", "25-10"])
        XCTAssertEqual(scenario.budget, [2022: 6e9, 2023: 6e9])
        XCTAssertEqual(scenario.budget(in: 2024), 0)
        XCTAssertTrue(scenario.carryOver)
        XCTAssertEqual(scenario.maxTrainingDays, 120)
        XCTAssertEqual(loaded.files, ScenarioFiles(
            scenarios: [path], officials: folder.path + "/officials.csv", courses: folder.path + "/courses.csv",
            targets: folder.path + "/targets.csv"))
    }

    func testRelativePathsStayRelativeInMessages() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario(Fixtures.scenario.replacingOccurrences(of: "targets.csv", with: "missing.csv"))
        // The test process's working folder is restored before any other test runs.
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(previous)) }
        XCTAssertEqual(problems(loading: "baseline.yaml"), [
            "baseline.yaml:6: targets: cannot read \"missing.csv\": no such file",
        ])
    }

    func testProblemsOfAllFilesAreReportedTogether() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario(Fixtures.scenario + "max_training_days: \"90\"\nbudgets: {}\n")
        try folder.write("officials.csv", Fixtures.officials.replacingOccurrences(of: "intermediate,specialist", with: "trung cap,specialist"))
        try folder.write("targets.csv", Fixtures.targets.replacingOccurrences(of: ",0.5,strive", with: ",2,strive"))
        let folderPath = folder.path
        XCTAssertEqual(problems(loading: folderPath + "/baseline.yaml"), [
            "\(folderPath)/baseline.yaml:11: max_training_days: \"90\" is quoted text; write the value without quotes",
            "\(folderPath)/baseline.yaml:12: warning: budgets: is not a scenario key (name, base_year, horizon, officials, courses, targets, locks, budget, carry_over, max_training_days, extends, seats, costs, issuer, issuer_parent, signer_title, signer_name, place, communes, columns, values, titles, unit_label); it is ignored",
            "\(folderPath)/officials.csv:2: political_theory: \"trung cap\" is not one of none, elementary, intermediate, advanced",
            "\(folderPath)/targets.csv:3: share: 2 is not between 0 and 1",
        ])
    }

    func testScenarioKeyProblems() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario("""
        base_year: 2022
        horizon: 2090
        officials: officials.csv
        courses: courses.csv
        budget:
          2021: 1000
          2023: lots
        seats: { NO-SUCH: 10 }
        carry_over: maybe

        """)
        XCTAssertEqual(problems(loading: path).map { $0.replacingOccurrences(of: folder.path + "/", with: "") }, [
            "baseline.yaml:7: budget 2023: \"lots\" is not a number",
            "baseline.yaml:9: carry_over: \"maybe\" is not true or false",
            "baseline.yaml: targets: is missing",
            "baseline.yaml:2: horizon: 2090 is more than 50 years after base_year 2022",
            "baseline.yaml:6: budget: 2021 is outside base_year…horizon (2022…2090)",
            "baseline.yaml:8: seats: \"NO-SUCH\" is not a course in courses.csv",
        ])
    }

    /// `unit_label` says what the district column names; a variant inherits it; a word outside the list is named.
    func testUnitLabelIsReadInheritedAndChecked() throws {
        let folder = try TemporaryFolder(self)
        let base = try folder.writeScenario()
        XCTAssertEqual(try ScenarioLoader.load(path: base).scenario.unitLabel, .district)
        _ = try folder.write("communes.yaml", "extends: baseline.yaml\nname: communes\nunit_label: commune\n")
        let variant = try folder.write("variant.yaml", "extends: communes.yaml\nname: variant\n")
        XCTAssertEqual(try ScenarioLoader.load(path: variant).scenario.unitLabel, .commune)
        let wrong = try folder.write("wrong.yaml", "extends: baseline.yaml\nname: wrong\nunit_label: huyện\n")
        XCTAssertEqual(problems(loading: wrong).map { $0.replacingOccurrences(of: folder.path + "/", with: "") }, [
            "wrong.yaml:3: unit_label: \"huyện\" is not one of district, cluster, commune",
        ])
    }

    func testInvalidYAMLIsReportedWithItsLine() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario("name: x\nbase_year: [2022\nhorizon: 2030\n")
        let found = problems(loading: path)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix(path + ":"), found[0])
        XCTAssertTrue(found[0].contains("is not valid YAML"), found[0])
    }

    func testBudgetAcceptsUnderscoresAndFloatsButNotQuotedNumbers() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario + "costs:\n  SC-LLCT: '5000000'\n")
        XCTAssertEqual(problems(loading: path), [
            "\(path):12: costs SC-LLCT: \"5000000\" is quoted text; write the value without quotes",
        ])
    }

    func testExtendsOverridesKeysAndMergesBudgetSeatsAndCosts() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario(Fixtures.scenario + "seats: { TC-LLCT: 300 }\ncosts: { SC-LLCT: 5000000 }\n")
        let path = try folder.write("variants/tight.yaml", """
        extends: ../baseline.yaml
        name: tight
        horizon: 2024
        budget:
          2023: 1_000_000_000
          2024: 2.5e9
        carry_over: false
        seats:
          SC-LLCT: 20
        costs: { TC-LLCT: 1e6 }

        """)
        let loaded = try ScenarioLoader.load(path: path)
        let scenario = loaded.scenario
        XCTAssertEqual(scenario.name, "tight")
        XCTAssertEqual(scenario.baseYear, 2022)
        XCTAssertEqual(scenario.horizon, 2024)
        XCTAssertEqual(scenario.budget, [2022: 6e9, 2023: 1e9, 2024: 2.5e9])
        XCTAssertFalse(scenario.carryOver)
        let courses = Dictionary(uniqueKeysWithValues: scenario.courses.map { ($0.id, $0) })
        XCTAssertEqual(courses["SC-LLCT"]?.seats, 20)
        XCTAssertEqual(courses["SC-LLCT"]?.cost, 5_000_000)
        XCTAssertEqual(courses["TC-LLCT"]?.seats, 300)
        XCTAssertEqual(courses["TC-LLCT"]?.cost, 1_000_000)
        XCTAssertEqual(courses["TIENG-THAI"]?.seats, 40)
        // Tables named by the base scenario are found next to it, not next to the variant.
        XCTAssertEqual(loaded.files.scenarios, [path, folder.path + "/variants/../baseline.yaml"])
        XCTAssertEqual(loaded.files.officials, folder.path + "/variants/../officials.csv")
    }

    func testLetterheadKeysAreOptionalAndInherited() throws {
        let folder = try TemporaryFolder(self)
        let base = try folder.writeScenario(Fixtures.scenario + """
        issuer: "TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI"
        issuer_parent: TỈNH ỦY QUẢNG NGÃI
        signer_title: HIỆU TRƯỞNG
        place: Quảng Ngãi

        """)
        XCTAssertEqual(try ScenarioLoader.load(path: folder.writeScenario(named: "plain.yaml")).scenario.letterhead, Letterhead())
        let path = try folder.write("variant.yaml", "extends: baseline.yaml\nsigner_name: Nguyễn Văn A\nplace: Đức Phổ\n")
        XCTAssertEqual(try ScenarioLoader.load(path: base).scenario.letterhead.signerName, nil)
        XCTAssertEqual(try ScenarioLoader.load(path: path).scenario.letterhead, Letterhead(
            issuer: "TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI", issuerParent: "TỈNH ỦY QUẢNG NGÃI", signerTitle: "HIỆU TRƯỞNG",
            signerName: "Nguyễn Văn A", place: "Đức Phổ"))
    }

    func testInheritedBudgetOutsideTheShorterHorizonIsOnlyAWarning() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario()
        try folder.write("base.yaml", """
        extends: baseline.yaml
        budget: { 2026: 1000 }

        """)
        let path = try folder.write("short.yaml", "extends: base.yaml\nhorizon: 2025\n")
        let loaded = try ScenarioLoader.load(path: path)
        XCTAssertEqual(loaded.scenario.budget[2026], nil)
        XCTAssertEqual(loaded.warnings.map(\.description), [
            "\(folder.path)/base.yaml:2: warning: budget: 2026 is outside base_year…horizon (2022…2025); ignored",
        ])
    }

    func testExtendsCycleIsNamed() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario(Fixtures.scenario + "extends: c.yaml\n")
        try folder.write("b.yaml", "extends: baseline.yaml\nname: b\n")
        try folder.write("c.yaml", "extends: b.yaml\n")
        let path = folder.path + "/b.yaml"
        let found = problems(loading: path).map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
        XCTAssertEqual(found, ["c.yaml:1: extends: makes a cycle: b.yaml → baseline.yaml → c.yaml → b.yaml"])
    }

    func testMissingExtendedFileIsReportedWhereItIsNamed() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.write("child.yaml", "# a variant\nextends: nowhere.yaml\n")
        let found = problems(loading: path).map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
        XCTAssertEqual(found.first, "child.yaml:2: extends: cannot read \"nowhere.yaml\": no such file")
    }

    func testMissingScenarioFile() {
        XCTAssertEqual(problems(loading: "/nonexistent/s.yaml"), ["/nonexistent/s.yaml: cannot be read: no such file"])
    }

    func testCrossFileWarnings() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario + "max_training_days: 25\n")
        try folder.write("courses.csv", Fixtures.courses.replacingOccurrences(
            of: "TC-LLCT,\"Trung cấp lý luận chính trị, hệ tập trung\",political_theory,intermediate,elementary",
            with: "TC-QLNN,Quản lý nhà nước,state_management,senior,principal"))
        try folder.write("targets.csv", Fixtures.targets.replacingOccurrences(of: "25-2,2025", with: "25-2,2031"))
        let loaded = try ScenarioLoader.load(path: path)
        XCTAssertEqual(loaded.warnings.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }, [
            "courses.csv:2: warning: days: 30 days a year is more than max_training_days 25: nobody can attend \"SC-LLCT\"",
            "courses.csv:3: warning: requires: nobody can start \"TC-QLNN\": no other course grants state_management \"principal\" and no official holds it",
            "courses.csv:3: warning: days: 60 days a year is more than max_training_days 25: nobody can attend \"TC-QLNN\"",
            "targets.csv:2: warning: requirement: no course grants political_theory \"intermediate\": only officials who hold it already count",
            "targets.csv:3: warning: deadline: 2031 is after the horizon 2026: the target is never measured",
        ])
    }

    func testLevelOnlyTaughtToPartyMembersWarnsForANonMember() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario)
        // CB1 holds intermediate political theory, which only TC-LLCT (Party members only) grants.
        try folder.write("officials.csv", Fixtures.officials.replacingOccurrences(
            of: "Chủ tịch UBND,Bí thư Đảng ủy,yes,yes", with: "Chủ tịch UBND,Bí thư Đảng ủy,no,yes"))
        let loaded = try ScenarioLoader.load(path: path)
        XCTAssertEqual(loaded.warnings.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }, [
            "officials.csv:2: warning: political_theory: \"intermediate\" is only taught to Party members, but party_member is no",
        ])
    }

    func testKeyGivenTwice() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario + "horizon: 2030\n")
        let found = problems(loading: path).map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
        XCTAssertEqual(found, ["baseline.yaml:11: horizon: is given twice (also on line 3)"])
    }

    func testInputErrorListsEveryProblemOnItsOwnLine() {
        let error = InputError(problems: [
            InputProblem(file: "a.csv", line: 3, field: "id", message: "is empty"),
            InputProblem(file: "s.yaml", message: "cannot be read: no such file"),
            InputProblem(file: "t.csv", line: 2, field: "deadline", message: "is late", severity: .warning),
        ])
        XCTAssertEqual(error.description, "a.csv:3: id: is empty\ns.yaml: cannot be read: no such file\nt.csv:2: warning: deadline: is late")
        XCTAssertEqual(error.errors.count, 2)
        XCTAssertEqual(error.warnings.count, 1)
    }
}

extension ScenarioLoaderTests {
    func testNameMustBeUsableAsAFolder() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(Fixtures.scenario.replacingOccurrences(of: "name: baseline", with: "name: a/b"))
        XCTAssertEqual(problems(loading: path), ["\(path):1: name: \"a/b\" cannot name a folder; leave out / and \\"])
    }

    func testNameDefaultsToTheFileName() throws {
        let folder = try TemporaryFolder(self)
        let path = try folder.writeScenario(
            Fixtures.scenario.replacingOccurrences(of: "name: baseline\n", with: ""), named: "kế hoạch.yml")
        XCTAssertEqual(try ScenarioLoader.load(path: path).scenario.name, "kế hoạch")
    }
}
