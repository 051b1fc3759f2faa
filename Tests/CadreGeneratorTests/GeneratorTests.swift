import CadreDomain
import CadreGenerator
import Foundation
import XCTest

final class GeneratorTests: XCTestCase {
    func files(_ generator: ProvinceGenerator) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: ScenarioFolder.files(for: generator.generate().scenario).map { ($0.name, $0.data) })
    }

    func testSameOfficialsAndSeedGiveTheSameBytes() {
        let first = files(ProvinceGenerator(officials: 1_200, seed: 7))
        XCTAssertEqual(first, files(ProvinceGenerator(officials: 1_200, seed: 7)))
        XCTAssertEqual(first.keys.sorted(), ["baseline.yaml", "courses.csv", "officials.csv", "targets.csv"])
    }

    func testAnotherSeedGivesAnotherProvince() {
        let one = files(ProvinceGenerator(officials: 1_200, seed: 7))
        let other = files(ProvinceGenerator(officials: 1_200, seed: 8))
        XCTAssertNotEqual(one["officials.csv"], other["officials.csv"])
        // The catalogue and the targets do not depend on the seed.
        XCTAssertEqual(one["courses.csv"], other["courses.csv"])
        XCTAssertEqual(one["targets.csv"], other["targets.csv"])
    }

    func testAnyNumberOfOfficials() {
        for n in [0, 1, 10, 45, 300, 5_299] {
            let scenario = ProvinceGenerator(officials: n, seed: 3).generate().scenario
            XCTAssertEqual(scenario.officials.count, n)
            XCTAssertEqual(Set(scenario.officials.map(\.id)).count, n)
        }
    }

    func testALargerProvinceRepeatsDistrictsWithinQuota() {
        let province = ProvinceGenerator(officials: 20_000, seed: 11).generate()
        let officials = province.scenario.officials
        XCTAssertEqual(officials.count, 20_000)
        XCTAssertEqual(officials.last?.id, "QN-20000")
        XCTAssertTrue((600...700).contains(province.communes.count), "\(province.communes.count) communes")
        XCTAssertTrue(province.districts.contains { $0.name == "Bình Sơn 4" })
        XCTAssertEqual(Set(province.districts.map(\.name)).count, province.districts.count)

        let cadres = officials.filter { $0.category != .partTime }
        XCTAssertEqual(Double(cadres.count) / 20_000, 3_619.0 / 5_300, accuracy: 0.001)
        XCTAssertEqual(Double(cadres.filter { $0.gender == .female }.count) / Double(cadres.count), 0.3056, accuracy: 0.001)

        let byCommune = Dictionary(grouping: officials) { "\($0.district)|\($0.commune)" }
        XCTAssertEqual(byCommune.count, province.communes.count)
        for commune in province.communes {
            let staff = byCommune["\(commune.district)|\(commune.name)"] ?? []
            let cadreCount = staff.filter { $0.category != .partTime }.count
            XCTAssertLessThanOrEqual(cadreCount, commune.cadreQuota, commune.name)
            XCTAssertLessThanOrEqual(staff.count - cadreCount, commune.partTimeQuota, commune.name)
        }
    }

    func testASmallerProvinceSamplesEveryKindOfCommune() {
        let province = ProvinceGenerator(officials: 300, seed: 2022).generate()
        XCTAssertEqual(province.communes.count, 10)
        let areas = Set(province.scenario.officials.map(\.area))
        XCTAssertTrue(areas.isSuperset(of: [.plains, .mountain]), "\(areas)")
        XCTAssertTrue(province.scenario.officials.contains { !$0.isKinh })
        XCTAssertTrue(province.scenario.officials.contains { $0.isKinh && $0.minorityArea })
    }

    func testOfficialsAreSortedAndZeroPadded() {
        let officials = ProvinceGenerator(officials: 500, seed: 5).generate().scenario.officials
        XCTAssertEqual(officials.first?.id, "QN-00001")
        XCTAssertEqual(officials.map(\.id), officials.map(\.id).sorted())
    }
}
