import CadreDomain
import CadreGenerator
import CadreIO
import Foundation
import XCTest

/// The shipped province against the public facts of Quảng Ngãi in 2022.
final class ProvinceFactsTests: XCTestCase {
    static let province = SampleFolders.quangNgai.generator.generate()
    /// Read back through the contract's reader, as the planner will see it.
    static let shipped = Result { try ScenarioLoader.load(path: SampleFolders.quangNgai.scenarioFile).scenario }

    func shipped() throws -> Scenario { try Self.shipped.get() }

    func testThirteenDistrictsAndTheirCommunes() throws {
        // wards / towns / communes per district-level unit, from the facts table.
        let expected: [String: [Int]] = [
            "TP Quảng Ngãi": [9, 0, 14], "TX Đức Phổ": [8, 0, 7], "Bình Sơn": [0, 1, 21], "Sơn Tịnh": [0, 0, 11],
            "Tư Nghĩa": [0, 2, 12], "Nghĩa Hành": [0, 1, 11], "Mộ Đức": [0, 1, 12], "Ba Tơ": [0, 1, 18],
            "Minh Long": [0, 0, 5], "Sơn Hà": [0, 1, 13], "Sơn Tây": [0, 0, 9], "Trà Bồng": [0, 1, 15], "Lý Sơn": [0, 0, 0],
        ]
        let province = Self.province
        XCTAssertEqual(province.districts.map(\.name).sorted(), expected.keys.sorted())
        XCTAssertEqual(province.districts.first { $0.name == "Lý Sơn" }?.kind, .island)
        XCTAssertEqual(province.districts.filter { $0.kind == .mountain }.count, 5)
        XCTAssertEqual(province.districts.filter { $0.kind == .lowland }.count, 5)

        // Counted from officials.csv: a commune is there when someone works in it.
        var split: [String: [Int]] = [:]
        let units = Set(try shipped().officials.map { [$0.district, $0.commune, $0.area.rawValue] })
        for unit in units {
            let column = ["ward": 0, "town": 1, "plains": 2, "mountain": 2][unit[2]]!
            split[unit[0], default: [0, 0, 0]][column] += 1
        }
        split["Lý Sơn"] = [0, 0, 0]
        XCTAssertEqual(split, expected)
        XCTAssertEqual(units.count, 173)
        XCTAssertEqual(units.filter { $0[2] == "ward" }.count, 17)
        XCTAssertEqual(units.filter { $0[2] == "town" }.count, 8)
        XCTAssertEqual(units.filter { $0[2] == "plains" || $0[2] == "mountain" }.count, 148)

        let mountainDistricts: Set = ["Ba Tơ", "Minh Long", "Sơn Hà", "Sơn Tây", "Trà Bồng"]
        for unit in units where unit[1].hasPrefix("Xã ") {
            XCTAssertEqual(unit[2], mountainDistricts.contains(unit[0]) ? "mountain" : "plains", "\(unit)")
        }
        XCTAssertTrue(units.allSatisfy { $0[1].hasPrefix("Phường ") == ($0[2] == "ward") })
    }

    func testStaffingTotalsAndQuotas() throws {
        let officials = try shipped().officials
        XCTAssertEqual(officials.count, 5_300)
        let cadres = officials.filter { $0.category != .partTime }
        XCTAssertEqual(cadres.count, 3_619)
        XCTAssertEqual(cadres.filter { $0.gender == .female }.count, 1_106)
        XCTAssertEqual(cadres.filter { $0.age(in: 2022) < 30 }.count, 98)
        let partTime = officials.count - cadres.count
        XCTAssertTrue((1_600...1_800).contains(partTime), "\(partTime) part-time workers")

        let byCommune = Dictionary(grouping: officials) { "\($0.district)|\($0.commune)" }
        for commune in Self.province.communes {
            let staff = byCommune["\(commune.district)|\(commune.name)"] ?? []
            XCTAssertFalse(staff.isEmpty, commune.name)
            let cadreCount = staff.filter { $0.category != .partTime }.count
            XCTAssertLessThanOrEqual(cadreCount, [23, 21, 19][commune.type - 1], commune.name)
            XCTAssertLessThanOrEqual(staff.count - cadreCount, [14, 12, 10][commune.type - 1], commune.name)
            XCTAssertEqual(staff.filter { $0.title == "Bí thư Đảng ủy" }.count, 1, commune.name)
            XCTAssertTrue(staff.allSatisfy { $0.area == commune.area })
        }
        XCTAssertEqual(Set(Self.province.communes.map(\.type)), [1, 2, 3])
    }

    func testCategoriesFollowTitles() throws {
        let officials = try shipped().officials
        let keyTitles: Set = [
            "Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Chủ tịch HĐND", "Phó Chủ tịch HĐND", "Chủ tịch UBND", "Phó Chủ tịch UBND",
        ]
        let massOrgTitles: Set = [
            "Chủ tịch UBMTTQ", "Bí thư Đoàn TNCS Hồ Chí Minh", "Chủ tịch Hội LHPN", "Chủ tịch Hội Nông dân", "Chủ tịch Hội CCB",
        ]
        let civilTitles: Set = [
            "Trưởng Công an", "Chỉ huy trưởng Quân sự", "Văn phòng – thống kê", "Địa chính – xây dựng – môi trường",
            "Tài chính – kế toán", "Tư pháp – hộ tịch", "Văn hóa – xã hội",
        ]
        XCTAssertEqual(Set(officials.filter { $0.category == .keyCadre }.map(\.title)), keyTitles)
        XCTAssertEqual(Set(officials.filter { $0.category == .massOrgCadre }.map(\.title)), massOrgTitles)
        XCTAssertEqual(Set(officials.filter { $0.category == .civilServant }.map(\.title)), civilTitles)
        XCTAssertTrue(officials.filter { $0.category == .partTime }.allSatisfy {
            !keyTitles.contains($0.title) && !massOrgTitles.contains($0.title) && !civilTitles.contains($0.title)
        })
        XCTAssertTrue(officials.filter { $0.title == "Chủ tịch Hội LHPN" }.allSatisfy { $0.gender == .female })
        XCTAssertTrue(keyTitles.contains(where: { title in officials.contains { $0.plannedTitle == title } }))
        XCTAssertTrue(officials.allSatisfy { $0.plannedTitle.isEmpty || keyTitles.contains($0.plannedTitle) })

        func share(_ category: CadreDomain.Category, _ property: (Official) -> Bool) -> Double {
            let group = officials.filter { $0.category == category }
            return Double(group.filter(property).count) / Double(group.count)
        }
        XCTAssertGreaterThan(share(.keyCadre, \.partyMember), 0.95)
        XCTAssertGreaterThan(share(.keyCadre, \.partyMember), share(.civilServant, \.partyMember))
        XCTAssertGreaterThan(share(.civilServant, \.partyMember), share(.partTime, \.partyMember))
        XCTAssertGreaterThan(share(.keyCadre, \.partyCommittee), 0.8)
        XCTAssertTrue(officials.allSatisfy { !$0.partyCommittee || $0.partyMember })
        XCTAssertGreaterThan(share(.massOrgCadre, \.hasPlannedTitle), 0.05)
        XCTAssertGreaterThan(share(.civilServant, \.hasPlannedTitle), 0.05)
    }

    func testMinoritiesLiveWhereTheyDoAndBearTheirNames() throws {
        let officials = try shipped().officials
        let peoples = ["Ba Tơ": "Hrê", "Minh Long": "Hrê", "Sơn Hà": "Hrê", "Sơn Tây": "Xơ Đăng", "Trà Bồng": "Cor"]
        for (district, people) in peoples {
            let staff = officials.filter { $0.district == district }
            XCTAssertTrue(staff.allSatisfy(\.minorityArea), district)
            let minority = staff.filter { !$0.isKinh }
            XCTAssertGreaterThan(Double(minority.count) / Double(staff.count), 0.5, district)
            XCTAssertEqual(Set(minority.map(\.ethnicity)), [people], district)
            // Đinh / Phạm / Hồ, as the facts file has it (a few Huỳnh among the Hrê of Ba Tơ).
            let families = Dictionary(grouping: minority) { String($0.fullName.split(separator: " ")[0]) }
            XCTAssertTrue(Set(families.keys).isSubset(of: ["Đinh", "Phạm", "Hồ", "Huỳnh"]), "\(district): \(families.keys.sorted())")
            let commonest = families.max { ($0.value.count, $0.key) < ($1.value.count, $1.key) }!.key
            let expected: Set = district == "Ba Tơ" ? ["Phạm"] : district == "Trà Bồng" ? ["Đinh", "Hồ"] : ["Đinh"]
            XCTAssertTrue(expected.contains(commonest), "\(district): \(commonest)")
            XCTAssertTrue(minority.allSatisfy { $0.levels[.ethnicLanguage] == 2 }, district)
        }
        let lowland = officials.filter { peoples[$0.district] == nil }
        XCTAssertTrue(lowland.contains { $0.minorityArea }, "lowland communes bordering the mountains")
        XCTAssertGreaterThan(Double(lowland.filter(\.minorityArea).count) / Double(lowland.count), 0.01)
        XCTAssertLessThan(Double(lowland.filter(\.minorityArea).count) / Double(lowland.count), 0.1)
        XCTAssertTrue(officials.allSatisfy { $0.minorityArea || $0.minorityAreaYears == 0 })

        let kinh = officials.filter(\.isKinh)
        let nguyen = Double(kinh.filter { $0.fullName.hasPrefix("Nguyễn ") }.count) / Double(kinh.count)
        XCTAssertEqual(nguyen, 0.38, accuracy: 0.04)
        XCTAssertGreaterThan(kinh.filter { $0.gender == .male && $0.fullName.split(separator: " ")[1] == "Văn" }.count,
                             kinh.filter { $0.gender == .male }.count / 2)
        XCTAssertGreaterThan(kinh.filter { $0.gender == .female && $0.fullName.split(separator: " ")[1] == "Thị" }.count,
                             kinh.filter { $0.gender == .female }.count / 2)
    }

    func testTextKeepsPrecomposedDiacritics() throws {
        for name in ["officials.csv", "courses.csv", "targets.csv"] {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: SampleFolders.quangNgai.path + "/" + name))
            XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) starts with a BOM")
            let text = try XCTUnwrap(String(data: data, encoding: .utf8))
            XCTAssertEqual(text, text.precomposedStringWithCanonicalMapping, "\(name) is NFC")
            XCTAssertFalse(text.contains("\r"), "\(name) has LF line ends")
        }
        XCTAssertTrue(try shipped().officials.contains { $0.fullName.contains("ễ") })
    }

    func testAgesAndService() throws {
        let officials = try shipped().officials
        XCTAssertTrue(officials.allSatisfy { $0.isInService(in: 2022) && $0.age(in: 2022) >= 18 })
        let retiring = officials.filter { $0.lastServiceYear < 2030 }.count
        XCTAssertTrue((200...1_500).contains(retiring), "\(retiring) leave before 2030")
        let withLeavesYear = officials.filter { $0.leavesYear != nil }.count
        XCTAssertGreaterThan(withLeavesYear, 0)
        XCTAssertLessThan(withLeavesYear, officials.count / 10)
        XCTAssertTrue(officials.allSatisfy { $0.leavesYear.map { $0 > 2022 && $0 < 2030 } ?? true })
    }

    /// Before any training: one 2025 target already met, some nearly, some far off.
    func testStartingLevelsLeaveWorkToDo() throws {
        let scenario = try shipped()
        let evaluation = PlanEvaluation(scenario: scenario, plan: .empty)
        var gapIn2025: [String: Double] = [:]
        for (index, target) in scenario.targets.enumerated() where target.deadline == 2025 {
            let row = evaluation.attainment.first { $0.targetIndex == index && $0.year == 2025 }!
            gapIn2025[target.id] = Double(row.shortfall) / Double(max(1, row.required))
        }
        XCTAssertEqual(gapIn2025["25-14"], 0, "IT: already met")
        XCTAssertLessThan(gapIn2025["25-3"]!, 0.1, "political theory of key cadres: nearly")
        XCTAssertLessThan(gapIn2025["25-13"]!, 0.1, "political theory of part-time workers: nearly")
        XCTAssertGreaterThan(gapIn2025["25-4b"]!, 0.5, "leadership update: far off")
        XCTAssertGreaterThan(gapIn2025["25-12"]!, 0.25, "part-time education: far off")
        XCTAssertGreaterThan(evaluation.objective, 0)
    }

    /// The budget pays for part of what the required targets need on time, not all of it.
    func testBudgetFallsShortOfMeetingEverythingOnTime() throws {
        let scenario = try shipped()
        let province = Self.province
        XCTAssertEqual(scenario.budget, province.scenario.budget)
        XCTAssertEqual(Set(scenario.budget.keys), Set(2022...2030))
        let byDeadline = province.onTimeCost
        let budgetTo2025 = (2022...2025).map { scenario.budget(in: $0) }.reduce(0, +)
        XCTAssertEqual(budgetTo2025 / byDeadline[2025]!, ProvinceGenerator.budgetShare, accuracy: 0.01)
        let budgetAfter = (2026...2030).map { scenario.budget(in: $0) }.reduce(0, +)
        XCTAssertEqual(budgetAfter / byDeadline[2030]!, ProvinceGenerator.budgetShare, accuracy: 0.01)
        XCTAssertFalse(scenario.carryOver)
        XCTAssertEqual(scenario.maxTrainingDays, 120)
    }
}
