import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

/// reorganisation.csv: where each old commune went when the map changed, applied to every official at once.
final class ReorganisationFileTests: XCTestCase {
    /// CB1 in Ka Lăng and CB2 in Thu Lũm (both Mường Tè), as Fixtures.officials has them; courses SC-LLCT, TC-LLCT.
    private var scenario: Scenario {
        Scenario(
            name: "t", baseYear: 2022, horizon: 2030, officials: readOfficials(Fixtures.officials).0,
            courses: readCourses(Fixtures.courses).0, targets: [], budget: [:])
    }

    private func read(_ text: String) -> (Reorganisation, [String]) {
        var problems: [InputProblem] = []
        let reorganisation = ReorganisationReader.read(Data(text.utf8), file: "reorganisation.csv", problems: &problems)
        return (reorganisation, problems.map(\.description))
    }

    func testEnglishAndVietnameseHeadersReadTheSameMoves() throws {
        let english = read("""
        old_commune,old_unit,new_commune,new_unit,new_area,note
        Ka Lăng,Mường Tè,Xã Mường Tè,Xã Mường Tè,mountain,merged 1 July 2025
        Thu Lũm,Mường Tè,Xã Mường Tè,Xã Mường Tè,,
        """)
        XCTAssertEqual(english.1, [])
        let vietnamese = read("""
        Xã cũ,Đơn vị cũ,Xã mới,Đơn vị mới,Khu vực mới,Ghi chú
        Ka Lăng,Mường Tè,Xã Mường Tè,Xã Mường Tè,miền núi,sáp nhập 1/7/2025
        Thu Lũm,Mường Tè,Xã Mường Tè,Xã Mường Tè,,
        """)
        XCTAssertEqual(vietnamese.1, [])
        let ascii = read("""
        xa_cu,don_vi_cu,xa_moi,don_vi_moi
        Ka Lăng,Mường Tè,Xã Mường Tè,Xã Mường Tè
        Thu Lũm,Mường Tè,Xã Mường Tè,Xã Mường Tè
        """)
        XCTAssertEqual(ascii.1, [])
        XCTAssertEqual(english.0.moves.map(\.source), ["reorganisation.csv:2", "reorganisation.csv:3"])
        XCTAssertEqual(english.0.moves[0].newArea, .mountain)
        XCTAssertNil(english.0.moves[1].newArea)
        for other in [vietnamese.0, ascii.0] {
            XCTAssertEqual(other.moves.map(\.oldCommune), ["Ka Lăng", "Thu Lũm"])
            XCTAssertEqual(other.moves.map(\.newCommune), ["Xã Mường Tè", "Xã Mường Tè"])
        }
        XCTAssertEqual(vietnamese.0.moves[0].newArea, .mountain)
    }

    func testEveryProblemIsReportedWithItsLineAndColumn() {
        let (reorganisation, problems) = read("""
        old_commune,old_unit,new_commune,new_unit,new_area,new_minority_area
        Ka Lăng,Mường Tè,Xã Mường Tè,Xã Mường Tè,,
        ,Mường Tè,Xã Mường Tè,Xã Mường Tè,,
        Thu Lũm,Mường Tè,,Xã Mường Tè,hill,maybe
        Ka Lăng,Mường Tè,Xã Pa Ủ,Xã Pa Ủ,,
        Thu Lũm,,Xã Mường Tè,Xã Mường Tè,,
        """)
        XCTAssertEqual(problems, [
            "reorganisation.csv:3: old_commune: is empty",
            "reorganisation.csv:4: new_commune: is empty",
            "reorganisation.csv:4: new_area: \"hill\" is not one of ward, town, plains, mountain, island",
            "reorganisation.csv:4: new_minority_area: \"maybe\" is not one of yes, no",
            "reorganisation.csv:5: old_commune: \"Ka Lăng\" of \"Mường Tè\" already has a row (line 2); an old commune goes to one new commune",
            "reorganisation.csv:6: old_unit: is empty",
        ])
        XCTAssertEqual(reorganisation.moves.map(\.source), ["reorganisation.csv:2"])
    }

    func testAMissingColumnIsNamedAtTheHeader() {
        let (_, problems) = read("""
        old_commune,new_commune,new_unit
        Ka Lăng,Xã Mường Tè,Xã Mường Tè
        """)
        XCTAssertEqual(problems, ["reorganisation.csv:1: old_unit: the column is missing from the header"])
    }

    func testACommuneOfTheOfficialsMissingFromTheFileIsNamed() throws {
        let (reorganisation, problems) = read("""
        old_commune,old_unit,new_commune,new_unit
        Ka Lăng,Mường Tè,Xã Mường Tè,Xã Mường Tè
        """)
        XCTAssertEqual(problems, [])
        XCTAssertThrowsError(try reorganisation.apply(to: scenario)) { error in
            XCTAssertEqual((error as? InputError)?.problems.map(\.description), [
                "reorganisation.csv: old_commune: no row for \"Thu Lũm\" of \"Mường Tè\", where CB2 work; "
                    + "every commune of the officials needs a row saying where it went (or keeps its name)",
            ])
        }
    }

    /// Everything but the place stays: the re-plan's history (a course completed under the old commune) counts,
    /// and an official already recorded under a new commune (a newcomer of the re-plan year) is left there.
    func testOfficialsMoveWithTheirHistory() throws {
        var before = scenario
        var newcomer = before.officials[1]
        newcomer.id = "CB9"
        newcomer.district = "Xã Mường Tè"
        newcomer.commune = "Xã Mường Tè"
        before.officials.append(newcomer)
        let events = [
            ActualEvent(kind: .completed, officialID: "CB2", courseID: "SC-LLCT", year: 2022, source: "actuals.csv:2"),
            ActualEvent(kind: .running, officialID: "CB1", courseID: "TC-LLCT", year: 2025, source: "actuals.csv:3"),
        ]
        let replanned = try Replan.scenario(before, actuals: events, from: 2026).scenario
        let (reorganisation, problems) = read("""
        old_commune,old_unit,new_commune,new_unit,new_area,new_minority_area
        Ka Lăng,Mường Tè,Xã Mường Tè,Xã Mường Tè,,
        Thu Lũm,Mường Tè,Xã Mường Tè,Xã Mường Tè,plains,no
        """)
        XCTAssertEqual(problems, [])
        let after = try reorganisation.apply(to: replanned)

        XCTAssertEqual(after.officials.map(\.id), replanned.officials.map(\.id))
        XCTAssertEqual(after.officials.map(\.commune), ["Xã Mường Tè", "Xã Mường Tè", "Xã Mường Tè"])
        XCTAssertEqual(after.officials.map(\.district), ["Xã Mường Tè", "Xã Mường Tè", "Xã Mường Tè"])
        XCTAssertEqual(after.officials.map(\.levels), replanned.officials.map(\.levels))
        XCTAssertEqual(after.officials[1].levels[.politicalTheory], Family.politicalTheory.level(named: "elementary"))
        XCTAssertEqual(after.officials[0].area, .mountain, "an empty new_area keeps the official's own")
        XCTAssertEqual(after.officials[1].area, .plains)
        XCTAssertEqual(after.officials[1].minorityArea, false)
        XCTAssertEqual(after.officials[1].minorityAreaYears, replanned.officials[1].minorityAreaYears)
        XCTAssertEqual(after.ongoing, replanned.ongoing)
        XCTAssertFalse(after.ongoing.isEmpty, "CB1's running course is still running")
        XCTAssertEqual(after.baseYear, 2026)
    }
}
