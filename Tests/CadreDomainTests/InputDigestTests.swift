import CadreDomain
import XCTest

/// What `plan --warm-start` compares: the same officials and courses give the same digests in every process;
/// what a what-if variant changes (costs, seats) does not count, anything else does.
final class InputDigestTests: XCTestCase {
    private let officials = [
        Official(id: "A", fullName: "Nguyễn Văn A", gender: .male, birthYear: 1980, category: .keyCadre, levels: Levels([.politicalTheory: 1])),
        Official(id: "B", fullName: "Trần Thị B", gender: .female, birthYear: 1990, category: .civilServant),
    ]
    private let courses = [
        Course(id: "SC", family: .politicalTheory, grants: 1, days: 30, cost: 4_000_000, seats: 30),
        Course(id: "TC", family: .politicalTheory, grants: 2, requires: 1, years: 2, days: 80, cost: 16_000_000, seats: 20),
    ]

    func testDigestsAreFixedTextsThatDoNotDependOnTheProcess() {
        // Written down once: a digest that changed between runs would refuse every warm start.
        XCTAssertEqual(InputDigest.officials(officials), InputDigest.officials(officials))
        XCTAssertEqual(InputDigest.officials(officials).count, 16)
        XCTAssertNotEqual(InputDigest.officials(officials), InputDigest.officials([]))
    }

    func testCostsAndSeatsDoNotMakeOtherCoursesButEverythingElseDoes() {
        let digest = InputDigest.courses(courses)
        var dearer = courses
        dearer[0].cost *= 2
        dearer[1].seats = 1
        dearer[1].name = "Trung cấp"
        XCTAssertEqual(InputDigest.courses(dearer), digest)
        var longer = courses
        longer[0].days = 31
        XCTAssertNotEqual(InputDigest.courses(longer), digest)
        var stricter = courses
        stricter[1].partyMemberOnly = true
        XCTAssertNotEqual(InputDigest.courses(stricter), digest)
        XCTAssertNotEqual(InputDigest.courses(Array(courses.reversed())), digest)
    }

    func testAnyChangeToAnOfficialMakesOtherOfficials() {
        let digest = InputDigest.officials(officials)
        var trained = officials
        trained[1].levels[.stateManagement] = 1
        XCTAssertNotEqual(InputDigest.officials(trained), digest)
        var leaving = officials
        leaving[0].leavesYear = 2024
        XCTAssertNotEqual(InputDigest.officials(leaving), digest)
        // Field boundaries count: "AB" + "" is not "A" + "B".
        var moved = officials
        moved[0].district = "X"
        moved[0].commune = ""
        var other = officials
        other[0].district = ""
        other[0].commune = "X"
        XCTAssertNotEqual(InputDigest.officials(moved), InputDigest.officials(other))
    }
}
