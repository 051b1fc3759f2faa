import CadreDomain
import CadreIO
import Foundation
import XCTest

/// Small, valid input files as text, and a throwaway folder to write them into.
enum Fixtures {
    static let officialsHeader =
        "id,full_name,gender,birth_year,ethnicity,category,title,planned_title,party_member,party_committee,district,commune,area,minority_area,minority_area_years,education,political_theory,state_management,it,foreign_language,ethnic_language,mass_org_training,leadership_update,leaves_year"

    static let officials = """
    \(officialsHeader)
    CB1,Nguyễn Văn An,male,1975,Kinh,key_cadre,Chủ tịch UBND,Bí thư Đảng ủy,yes,yes,Mường Tè,Ka Lăng,mountain,yes,12,university,intermediate,specialist,basic,2,studied,no,yes,
    CB2,Lò Thị Bình,female,1988,Thái,civil_servant,Công chức Tư pháp,,no,no,Mường Tè,Thu Lũm,mountain,yes,5,college,none,none,none,0,fluent,yes,no,2040

    """

    static let coursesHeader =
        "id,name,family,grants,requires,years,days,cost,seats,provider,categories,areas,max_age,kinh_only,minority_area_only,party_member_only"

    static let courses = """
    \(coursesHeader)
    SC-LLCT,Sơ cấp lý luận chính trị,political_theory,elementary,,1,30,4000000,200,Trung tâm Chính trị huyện,,,,no,no,no
    TC-LLCT,"Trung cấp lý luận chính trị, hệ tập trung",political_theory,intermediate,elementary,2,60,30000000,100,Trường Chính trị tỉnh,key_cadre;civil_servant,,45,no,no,yes
    TIENG-THAI,Tiếng Thái,ethnic_language,studied,,1,20,2500000,40,Trường Chính trị tỉnh,,mountain,,yes,yes,no

    """

    static let targetsHeader =
        "id,deadline,categories,areas,max_age,kinh_only,minority_area_only,party_committee_only,planned_title_only,min_minority_area_years,requirement,share,kind,weight,label_vi,label_en"

    static let targets = """
    \(targetsHeader)
    25-10,2025,key_cadre,,,no,no,no,no,,political_theory>=intermediate,1,required,10,Cán bộ chủ chốt có trung cấp LLCT,Key cadres with intermediate political theory
    25-2,2025,,mountain,,yes,yes,no,no,3,ethnic_language>=studied&political_theory>=elementary,0.5,strive,1.5,Biết tiếng dân tộc,Know an ethnic language

    """

    static let scenario = """
    name: baseline
    base_year: 2022
    horizon: 2026
    officials: officials.csv
    courses: courses.csv
    targets: targets.csv
    budget:
      2022: 6_000_000_000
      2023: 6.0e9
    carry_over: true

    """
}

/// A fresh folder under the system's temporary folder, removed when the test ends.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init(_ test: XCTestCase) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cadreio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let url = self.url
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Data(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    /// The three tables and the scenario of `Fixtures`, with `scenario` replacing the scenario text if given.
    @discardableResult
    func writeScenario(_ scenario: String = Fixtures.scenario, named name: String = "baseline.yaml") throws -> String {
        try write("officials.csv", Fixtures.officials)
        try write("courses.csv", Fixtures.courses)
        try write("targets.csv", Fixtures.targets)
        return try write(name, scenario)
    }
}

/// One table read the way the loader reads it: the values and every problem as its message.
func readOfficials(_ data: Data, file: String = "officials.csv") -> ([Official], [String]) {
    var problems: [InputProblem] = []
    let values = OfficialsReader.read(data, file: file, problems: &problems)
    return (values, problems.map(\.description))
}

func readOfficials(_ text: String) -> ([Official], [String]) { readOfficials(Data(text.utf8)) }

func readCourses(_ text: String) -> ([Course], [String]) {
    var problems: [InputProblem] = []
    let values = CoursesReader.read(Data(text.utf8), file: "courses.csv", problems: &problems)
    return (values, problems.map(\.description))
}

func readTargets(_ text: String) -> ([Target], [String]) {
    var problems: [InputProblem] = []
    let values = TargetsReader.read(Data(text.utf8), file: "targets.csv", problems: &problems)
    return (values, problems.map(\.description))
}
