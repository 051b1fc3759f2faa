import CadreDomain
import CadreGenerator
import CadreIO
import Foundation
import XCTest

/// The shipped 2026 province against the facts of the reorganisation of 1 July 2025.
final class Province2026FactsTests: XCTestCase {
    static let province = SampleFolders.quangNgai2026.generator.generate()
    static let shipped = Result { try ScenarioLoader.load(path: SampleFolders.quangNgai2026.scenarioFile).scenario }

    func shipped() throws -> Scenario { try Self.shipped.get() }

    /// The units the facts file names [V]; the rest are numbered placeholders within a former district.
    static let named: Set = ["Đặc khu Lý Sơn", "Xã Đăk Long", "Xã Ba Xa", "Xã Rờ Kơi", "Xã Mô Rai", "Xã Ia Đal"]
    static let formerQuangNgai = [
        "TP Quảng Ngãi", "TX Đức Phổ", "Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức", "Ba Tơ", "Minh Long",
        "Sơn Hà", "Sơn Tây", "Trà Bồng",
    ]
    static let formerKonTum = [
        "TP Kon Tum", "Đăk Hà", "Đăk Tô", "Ngọc Hồi", "Đăk Glei", "Sa Thầy", "Kon Rẫy", "Kon Plông", "Tu Mơ Rông", "Ia H'Drai",
    ]

    /// Every unit named in officials.csv is on the list: a real name, or "Xã số NN (former district cũ)" /
    /// "Phường số N (former district cũ)" numbered without gaps.
    func testNinetySixUnitsEightySixCommunesNineWardsOneSpecialZone() throws {
        let officials = try shipped().officials
        let units = Set(officials.map(\.commune))
        XCTAssertEqual(units.count, 96)
        XCTAssertTrue(officials.allSatisfy { $0.district == $0.commune }, "the school sends each commune its lists")
        XCTAssertEqual(units.filter { $0.hasPrefix("Xã ") }.count, 86)
        XCTAssertEqual(units.filter { $0.hasPrefix("Phường ") }.count, 9)
        XCTAssertEqual(units.filter { $0.hasPrefix("Đặc khu ") }, ["Đặc khu Lý Sơn"])

        let former = Self.formerQuangNgai + Self.formerKonTum
        var listed = Self.named
        for number in 1...81 {
            for district in former { listed.insert("Xã số \(number < 10 ? "0" : "")\(number) (\(district) cũ)") }
        }
        for number in 1...9 {
            for district in former { listed.insert("Phường số \(number) (\(district) cũ)") }
        }
        XCTAssertEqual(units.subtracting(listed), [], "units outside the list")
        XCTAssertTrue(Self.named.isSubset(of: units))
        let numbers = units.compactMap { $0.hasPrefix("Xã số ") ? Int($0.dropFirst(6).prefix(2)) : nil }.sorted()
        XCTAssertEqual(numbers, Array(1...81))

        // Former Quảng Ngãi: 49 xã, 6 phường and Lý Sơn; former Kon Tum: 37 xã and 3 phường.
        func count(_ prefix: String, in districts: [String]) -> Int {
            units.filter { unit in unit.hasPrefix(prefix) && districts.contains { unit.hasSuffix("(\($0) cũ)") } }.count
        }
        let konTumNamed = ["Xã Đăk Long", "Xã Ba Xa", "Xã Rờ Kơi", "Xã Mô Rai", "Xã Ia Đal"]
        XCTAssertEqual(count("Xã ", in: Self.formerQuangNgai), 49)
        XCTAssertEqual(count("Phường ", in: Self.formerQuangNgai), 6)
        XCTAssertEqual(count("Xã ", in: Self.formerKonTum) + konTumNamed.count, 37)
        XCTAssertEqual(count("Phường ", in: Self.formerKonTum), 3)

        let areaOf = Dictionary(officials.map { ($0.commune, $0.area) }) { first, _ in first }
        XCTAssertEqual(areaOf["Đặc khu Lý Sơn"], .island)
        XCTAssertTrue(units.allSatisfy { ($0.hasPrefix("Phường ")) == (areaOf[$0] == .ward) })
        XCTAssertFalse(areaOf.values.contains(.town), "no thị trấn since 1 July 2025")
        for unit in units where Self.formerKonTum.contains(where: { unit.hasSuffix("(\($0) cũ)") }) || konTumNamed.contains(unit) {
            XCTAssertTrue(areaOf[unit] == .mountain || areaOf[unit] == .ward, unit)
        }
    }

    func testKonTumPeoplesAndTheirLanguageCourses() throws {
        let scenario = try shipped()
        let peoples = Set(scenario.officials.map(\.ethnicity))
        XCTAssertTrue(["Kinh", "Hrê", "Cor", "Xơ Đăng", "Ba Na", "Giẻ Triêng", "Gia Rai"].allSatisfy(peoples.contains), "\(peoples)")
        let languageCourses = Set(scenario.courses.filter { $0.family == .ethnicLanguage }.map(\.id))
        XCTAssertEqual(languageCourses, [
            "TDT-BNA-1", "TDT-BNA-2", "TDT-COR-1", "TDT-COR-2", "TDT-GRA-1", "TDT-GRA-2", "TDT-GTR-1", "TDT-GTR-2",
            "TDT-HRE-1", "TDT-HRE-2", "TDT-XDA-1", "TDT-XDA-2",
        ])
        XCTAssertTrue(scenario.courses.allSatisfy { !$0.provider.contains("cấp huyện") }, "no district political centres")
        let kinhInMinorityAreas = scenario.officials.filter { $0.isKinh && $0.minorityArea }
        XCTAssertGreaterThan(kinhInMinorityAreas.count, 300)
    }

    func testTheYearsPlannedAndWhatIsLeftOfThe2022Resolution() throws {
        let scenario = try shipped()
        XCTAssertEqual(scenario.baseYear, 2026)
        XCTAssertEqual(scenario.horizon, 2030)
        XCTAssertEqual(scenario.unitLabel, .commune)
        XCTAssertEqual(scenario.officials.count, 3_600)
        XCTAssertFalse(scenario.officials.contains { $0.category == .partTime })
        XCTAssertFalse(scenario.targets.contains { ["25-12", "25-13", "30-8"].contains($0.id) })
        XCTAssertEqual(scenario.targets.count, 25)
        XCTAssertEqual(Set(scenario.budget.keys), Set(2026...2030))
        XCTAssertTrue(scenario.officials.allSatisfy { $0.isInService(in: 2026) })
        XCTAssertEqual(Set(scenario.officials.map(\.id)).count, scenario.officials.count)
    }

    /// Four years of training: most 2025 targets are nearly met at 1 January 2026, none of them all the way.
    func testLevelsReflectFourYearsOfTraining() throws {
        let scenario = try shipped()
        for target in scenario.targets where target.deadline == 2025 {
            let cohort = scenario.officials.filter { target.cohortIncludes($0, in: 2026, baseYear: 2026) }
            guard !cohort.isEmpty else { continue }
            let meeting = Double(cohort.filter { target.requirement.isMet(by: $0.levels) }.count) / Double(cohort.count)
            XCTAssertGreaterThan(meeting, 0.6, target.id)
        }
    }

    func testTheSameSeedGivesTheSameProvince() {
        let again = SampleFolders.quangNgai2026.generator.generate()
        XCTAssertEqual(again.scenario.officials, Self.province.scenario.officials)
        XCTAssertEqual(again.scenario.budget, Self.province.scenario.budget)
    }
}
