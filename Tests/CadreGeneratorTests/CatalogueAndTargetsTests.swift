import CadreDomain
import CadreGenerator
import CadreIO
import Foundation
import XCTest

final class CatalogueAndTargetsTests: XCTestCase {
    static let scenario = Result { try ScenarioLoader.load(path: SampleFolders.quangNgai.scenarioFile).scenario }

    func testEveryTargetOfTheResolutionWithItsKind() throws {
        let targets = try Self.scenario.get().targets
        let resolution = (1...16).map { "25-\($0)" } + (1...11).map { "30-\($0)" }
        XCTAssertEqual(resolution.count, 27)
        // 25-4's leadership update for the planned title is a cohort of its own.
        XCTAssertEqual(targets.map(\.id), Array(resolution[..<4]) + ["25-4b"] + Array(resolution[4...]))
        XCTAssertEqual(targets.filter { $0.kind == .strive }.map(\.id), ["25-14", "25-16", "30-8"])
        for target in targets {
            XCTAssertEqual(target.deadline, target.id.hasPrefix("25-") ? 2025 : 2030, target.id)
            XCTAssertEqual(target.weight, target.kind == .required ? 10 : 1, target.id)
            XCTAssertFalse(target.labelVi.isEmpty || target.labelEn.isEmpty, target.id)
        }
        let byID = Dictionary(uniqueKeysWithValues: targets.map { ($0.id, $0) })
        XCTAssertEqual(byID["25-4b"]?.plannedTitleOnly, true)
        XCTAssertEqual(byID["30-2"]?.partyCommitteeOnly, true)
        XCTAssertEqual(byID["30-11"]?.minMinorityAreaYears, 3)
        XCTAssertEqual(byID["30-11"]?.kinhOnly, true)
        XCTAssertEqual(byID["25-16"]?.minorityAreaOnly, true)
        XCTAssertEqual(byID["30-10"]?.areas, [.ward, .town])
        XCTAssertEqual(byID["30-10"]?.maxAge, 39)
        XCTAssertEqual(byID["30-10"]?.requirement.text, "foreign_language>=3")
        XCTAssertEqual(byID["25-15"]?.requirement.text, "foreign_language>=1")
        XCTAssertEqual(byID["30-8"]?.requirement.text, "education>=college&political_theory>=elementary")
        XCTAssertEqual(byID["25-2"]?.areas, [.mountain])
        XCTAssertTrue(byID["25-1"]!.areas.isSuperset(of: [.ward, .town, .plains]))
        // "More than half": of 10 part-time workers, 6.
        let majority = try XCTUnwrap(byID["25-13"])
        XCTAssertEqual(majority.requiredCount(cohortSize: 10), 6)
        XCTAssertEqual(majority.requiredCount(cohortSize: 11), 6)
        XCTAssertEqual(byID["25-6"]?.requiredCount(cohortSize: 10), 7)
    }

    func testCatalogueReachesEveryRequiredLevel() throws {
        let scenario = try Self.scenario.get()
        let courses = scenario.courses
        XCTAssertEqual(Set(courses.map(\.id)).count, courses.count)
        for course in courses {
            XCTAssertGreaterThan(course.cost, 0, course.id)
            XCTAssertGreaterThan(course.seats, 0, course.id)
            XCTAssertFalse(course.provider.isEmpty, course.id)
            XCTAssertLessThanOrEqual(course.days, scenario.maxTrainingDays, course.id)
            if let requires = course.requires { XCTAssertLessThan(requires, course.grants, course.id) }
        }
        // From level 0 with every course open, the levels a chain of courses reaches in each family.
        var reachable: [Family: Set<Int>] = [:]
        for family in Family.allCases {
            var levels: Set<Int> = [0]
            var grew = true
            while grew {
                let next = levels.union(courses.filter { course in
                    course.family == family && levels.contains { $0 >= (course.requires ?? 0) }
                }.map(\.grants))
                grew = next != levels
                levels = next
            }
            reachable[family] = levels
        }
        for target in scenario.targets {
            for condition in target.requirement.conditions {
                XCTAssertTrue(reachable[condition.family]!.contains { $0 >= condition.level }, "\(target.id) \(condition)")
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: courses.map { ($0.id, $0) })
        XCTAssertEqual(byID["TC-LLCT"]?.partyMemberOnly, true)
        XCTAssertEqual(byID["TC-LLCT"]?.requires, Family.politicalTheory.level(named: "elementary"))
        XCTAssertEqual(byID["NV-DT"]?.categories, [.massOrgCadre])
        for level in 2...6 { XCTAssertEqual(byID["NN-\(level)"]?.requires, level - 1) }
        let ethnic = courses.filter { $0.family == .ethnicLanguage }
        XCTAssertEqual(ethnic.count, 6)
        XCTAssertTrue(ethnic.allSatisfy { $0.kinhOnly && $0.minorityAreaOnly })
        // Plenty of seats at the district centres, fewer at the provincial school.
        XCTAssertGreaterThan(byID["SC-LLCT"]!.seats, byID["TC-LLCT"]!.seats)
    }

    func testSeatsGrowWithTheProvince() {
        let small = ProvinceGenerator(officials: 300, seed: 1).generate().scenario.courses
        let large = ProvinceGenerator(officials: 20_000, seed: 1).generate().scenario.courses
        for (s, l) in zip(small, large) {
            XCTAssertEqual(s.id, l.id)
            XCTAssertEqual(s.cost, l.cost)
            XCTAssertLessThan(s.seats, l.seats, s.id)
        }
    }
}
