import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

final class TableReaderTests: XCTestCase {
    // MARK: officials.csv

    func testOfficialsReadEveryColumn() {
        let (values, problems) = readOfficials(Fixtures.officials)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.count, 2)
        let an = values[0]
        XCTAssertEqual(an.id, "CB1")
        XCTAssertEqual(an.fullName, "Nguyễn Văn An")
        XCTAssertEqual(an.gender, .male)
        XCTAssertEqual(an.birthYear, 1975)
        XCTAssertEqual(an.category, .keyCadre)
        XCTAssertEqual(an.title, "Chủ tịch UBND")
        XCTAssertEqual(an.plannedTitle, "Bí thư Đảng ủy")
        XCTAssertTrue(an.partyMember && an.partyCommittee && an.minorityArea)
        XCTAssertEqual(an.district, "Mường Tè")
        XCTAssertEqual(an.area, .mountain)
        XCTAssertEqual(an.minorityAreaYears, 12)
        XCTAssertEqual(an.levels, Levels([
            .education: 4, .politicalTheory: 2, .stateManagement: 1, .it: 1, .foreignLanguage: 2,
            .ethnicLanguage: 1, .massOrg: 0, .leadershipUpdate: 1,
        ]))
        XCTAssertNil(an.leavesYear)
        XCTAssertEqual(values[1].ethnicity, "Thái")
        XCTAssertEqual(values[1].levels[.massOrg], 1)
        XCTAssertEqual(values[1].leavesYear, 2040)
    }

    func testColumnOrderIsFreeExtraColumnsAreIgnoredAndOptionalColumnsMayBeLeftOut() {
        let text = """
        note,leadership_update,mass_org_training,ethnic_language,foreign_language,it,state_management,political_theory,education,minority_area_years,minority_area,area,commune,district,party_committee,party_member,title,category,ethnicity,birth_year,gender,full_name,id
        anything,no,no,none,0,none,none,none,none,0,no,ward,P1,Q1,no,no,,part_time,Kinh,1990,female,A,X1
        """
        let (values, problems) = readOfficials(text)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.map(\.id), ["X1"])
        XCTAssertEqual(values[0].plannedTitle, "")
    }

    func testEveryProblemOfEveryRowIsReported() {
        let text = """
        \(Fixtures.officialsHeader)
        CB1,A,man,1975,Kinh,key_cadre,,,yes,yes,D,C,mountain,yes,12,university,trung cap,specialist,basic,7,studied,no,yes,
        CB2,B,female,1888,Kinh,boss,,,maybe,no,D,C,plains,no,0,college,none,none,none,0,none,no,no,1950
        CB1,C,female,1980,Kinh,civil_servant,,,no,no,D,C,plains,no,0,college,none,none,none,0,none,no,no,
        """
        let (values, problems) = readOfficials(text)
        XCTAssertEqual(values, [])
        // Within a row, problems come in the order the reader looks at columns; compare as a set.
        XCTAssertEqual(Set(problems), [
            "officials.csv:2: gender: \"man\" is not one of male, female",
            "officials.csv:2: political_theory: \"trung cap\" is not one of none, elementary, intermediate, advanced",
            "officials.csv:2: foreign_language: \"7\" is not one of 0, 1, 2, 3, 4, 5, 6",
            "officials.csv:3: birth_year: 1888 is not between 1900 and 2100",
            "officials.csv:3: category: \"boss\" is not one of key_cadre, mass_org_cadre, civil_servant, part_time",
            "officials.csv:3: party_member: \"maybe\" is not one of yes, no",
            "officials.csv:4: id: \"CB1\" is already the id on line 2",
        ])
        XCTAssertEqual(problems.count, 7)
        XCTAssertEqual(problems.map { $0.prefix(15) }, problems.map { $0.prefix(15) }.sorted(), "rows in file order")
    }

    func testMissingColumnsAreNamedOnceEach() {
        let header = Fixtures.officialsHeader.replacingOccurrences(of: "gender,", with: "").replacingOccurrences(of: ",it,", with: ",")
        let (values, problems) = readOfficials(header + "\n")
        XCTAssertEqual(values, [])
        XCTAssertEqual(problems, [
            "officials.csv:1: gender: the column is missing from the header",
            "officials.csv:1: it: the column is missing from the header",
        ])
    }

    func testEmptyIdAndLeavingBeforeBirth() {
        let text = """
        \(Fixtures.officialsHeader)
        ,A,male,1975,Kinh,key_cadre,,,yes,yes,D,C,mountain,yes,12,university,none,none,none,0,none,no,no,1970
        """
        let (_, problems) = readOfficials(text)
        XCTAssertEqual(problems, [
            "officials.csv:2: id: is empty",
            "officials.csv:2: leaves_year: 1970 is before birth_year 1975",
        ])
    }

    func testKeywordsMatchRegardlessOfCase() {
        let text = Fixtures.officials.replacingOccurrences(of: "male,1975", with: "Male,1975")
            .replacingOccurrences(of: ",yes,yes,", with: ",Yes,YES,")
        let (values, problems) = readOfficials(text)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.first?.gender, .male)
    }

    // MARK: courses.csv

    func testCoursesReadEveryColumn() {
        let (values, problems) = readCourses(Fixtures.courses)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.map(\.id), ["SC-LLCT", "TC-LLCT", "TIENG-THAI"])
        let tc = values[1]
        XCTAssertEqual(tc.name, "Trung cấp lý luận chính trị, hệ tập trung")
        XCTAssertEqual(tc.family, .politicalTheory)
        XCTAssertEqual(tc.grants, 2)
        XCTAssertEqual(tc.requires, 1)
        XCTAssertEqual(tc.years, 2)
        XCTAssertEqual(tc.days, 60)
        XCTAssertEqual(tc.cost, 30_000_000)
        XCTAssertEqual(tc.seats, 100)
        XCTAssertEqual(tc.provider, "Trường Chính trị tỉnh")
        XCTAssertEqual(tc.categories, [.keyCadre, .civilServant])
        XCTAssertEqual(tc.areas, [])
        XCTAssertEqual(tc.maxAge, 45)
        XCTAssertTrue(tc.partyMemberOnly)
        XCTAssertNil(values[0].requires)
        XCTAssertEqual(values[2].areas, [.mountain])
        XCTAssertTrue(values[2].kinhOnly && values[2].minorityAreaOnly)
    }

    func testCourseProblems() {
        let text = """
        \(Fixtures.coursesHeader)
        A,x,political_theory,university,,1,10,100,5,p,,,,no,no,no
        B,x,political_theory,elementary,intermediate,0,400,-1,2.5,p,key_cadre;chief,,,no,no,no
        C,x,mass_org,no,,1,10,"1.000.000",5,p,,moon,,no,no,no
        D,x,leadership,yes,,1,10,0,5,p,,,,no,no,no
        E,x,it,basic,,1,10,inf,5,p,,,200,no,no,no
        """
        let (values, problems) = readCourses(text)
        XCTAssertEqual(values, [])
        XCTAssertEqual(Set(problems), [
            "courses.csv:2: grants: \"university\" is not one of none, elementary, intermediate, advanced",
            "courses.csv:3: requires: \"intermediate\" is not below grants \"elementary\"",
            "courses.csv:3: years: 0 is not between 1 and 10",
            "courses.csv:3: days: 400 is not between 0 and 366",
            "courses.csv:3: cost: -1 is below 0",
            "courses.csv:3: seats: \"2.5\" is not a whole number",
            "courses.csv:3: categories: \"chief\" is not one of key_cadre, mass_org_cadre, civil_servant, part_time",
            "courses.csv:4: grants: a course must grant more than \"no\"",
            "courses.csv:4: cost: \"1.000.000\" is not a number (write digits with a decimal point, no thousands separators)",
            "courses.csv:4: areas: \"moon\" is not one of ward, town, plains, mountain, island",
            "courses.csv:5: family: \"leadership\" is not one of education, political_theory, state_management, it, foreign_language, ethnic_language, mass_org, leadership_update",
            "courses.csv:6: cost: \"inf\" is not a number (write digits with a decimal point, no thousands separators)",
            "courses.csv:6: max_age: 200 is not between 0 and 120",
        ])
        XCTAssertEqual(problems.count, 13)
    }

    func testYesNoFamiliesGrantYes() {
        let text = "\(Fixtures.coursesHeader)\nBD,Bồi dưỡng,leadership_update,yes,,1,5,1000000,50,p,,,,no,no,no\n"
        let (values, problems) = readCourses(text)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.first?.grants, 1)
    }

    // MARK: targets.csv

    func testTargetsReadEveryColumn() {
        let (values, problems) = readTargets(Fixtures.targets)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.map(\.id), ["25-10", "25-2"])
        let first = values[0]
        XCTAssertEqual(first.deadline, 2025)
        XCTAssertEqual(first.categories, [.keyCadre])
        XCTAssertEqual(first.requirement, Requirement([LevelCondition(family: .politicalTheory, level: 2)]))
        XCTAssertEqual(first.share, 1)
        XCTAssertEqual(first.kind, .required)
        XCTAssertEqual(first.weight, 10)
        XCTAssertEqual(first.labelEn, "Key cadres with intermediate political theory")
        let second = values[1]
        XCTAssertEqual(second.areas, [.mountain])
        XCTAssertTrue(second.kinhOnly && second.minorityAreaOnly && !second.partyCommitteeOnly)
        XCTAssertEqual(second.minMinorityAreaYears, 3)
        XCTAssertEqual(second.requirement.text, "political_theory>=elementary&ethnic_language>=studied")
        XCTAssertEqual(second.share, 0.5)
        XCTAssertEqual(second.kind, .strive)
        XCTAssertEqual(second.weight, 1.5)
    }

    func testTargetProblems() {
        let text = """
        \(Fixtures.targetsHeader)
        T1,2025,,,,no,no,no,no,,politcal_theory>=elementary,1.5,required,0,a,b
        T2,2025,,,,no,no,no,no,,education>=college & it>=expert & state_management,0.5,must,-2,a,b
        T3,soon,,,,no,no,no,no,-1,,0.5,strive,1,a,b
        """
        let (values, problems) = readTargets(text)
        XCTAssertEqual(values, [])
        XCTAssertEqual(Set(problems), [
            "targets.csv:2: requirement: \"politcal_theory\" is not one of education, political_theory, state_management, it, foreign_language, ethnic_language, mass_org, leadership_update",
            "targets.csv:2: weight: 0 is not above 0",
            "targets.csv:2: share: 1.5 is not between 0 and 1",
            "targets.csv:3: requirement: \"expert\" is not a level of it (none, basic, advanced); \"state_management\" is not of the form family>=level",
            "targets.csv:3: weight: -2 is not above 0",
            "targets.csv:3: kind: \"must\" is not one of required, strive",
            "targets.csv:4: requirement: is empty; write family>=level, joined by &",
            "targets.csv:4: deadline: \"soon\" is not a whole number",
            "targets.csv:4: min_minority_area_years: -1 is not between 0 and 100",
        ])
        XCTAssertEqual(problems.count, 9)
    }

    func testExcelStyleFileWithBOMCRLFAndSemicolons() {
        let text = "\u{FEFF}" + Fixtures.officials
            .replacingOccurrences(of: ",", with: ";")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let (values, problems) = readOfficials(text)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values, readOfficials(Fixtures.officials).0)
    }
}
