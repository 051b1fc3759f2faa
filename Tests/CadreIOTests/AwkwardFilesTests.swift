import CadreDomain
import Foundation
import XCTest
@testable import CadreIO

/// Files as people really have them, each with exactly what the readers make of it.
final class AwkwardFilesTests: XCTestCase {
    private var fixtureOfficials: [Official] { readOfficials(Data(Fixtures.officials.utf8)).0 }

    static let vietnameseOfficials = """
    Mã cán bộ;Họ và tên;Giới tính;Năm sinh;Dân tộc;Đối tượng;Chức danh;Chức danh quy hoạch;Đảng viên;Cấp ủy viên;Huyện, thị xã, thành phố;Xã, phường, thị trấn;Khu vực;Vùng dân tộc thiểu số;Số năm công tác vùng DTTS;Trình độ chuyên môn;Lý luận chính trị;Quản lý nhà nước;Tin học;Ngoại ngữ;Tiếng dân tộc;Nghiệp vụ đoàn thể;Cập nhật kiến thức;Năm nghỉ
    CB1;Nguyễn Văn An;Nam;1975;Kinh;Cán bộ chủ chốt;Chủ tịch UBND;Bí thư Đảng ủy;có;x;Mường Tè;Ka Lăng;Miền núi;Có;12;Đại học;Trung cấp;Chuyên viên;Cơ bản;Bậc 2;Đã học;không;có;
    CB2;Lò Thị Bình;nữ;1988;Thái;công chức;Công chức Tư pháp;;không;KHÔNG;Mường Tè;Thu Lũm;miền núi;có;5;cao đẳng;không;không;không;0;thành thạo;có;không;2040

    """

    // MARK: Vietnamese spreadsheets

    func testVietnameseHeadersAndValuesReadAsTheContractsOwn() {
        let (values, problems) = readOfficials(Data(Self.vietnameseOfficials.utf8))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values, fixtureOfficials)
    }

    func testTextInNFDIsReadAsNFCEverywhere() {
        let decomposed = Self.vietnameseOfficials.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(decomposed.utf8), Array(Self.vietnameseOfficials.utf8))
        let (values, problems) = readOfficials(Data(decomposed.utf8))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values, fixtureOfficials)
        XCTAssertEqual(values.first?.fullName.unicodeScalars.count, "Nguyễn Văn An".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    func testHeadersMatchIgnoringCaseAndSpaces() {
        let header = Fixtures.officialsHeader.replacingOccurrences(of: "full_name", with: "  HỌ  VÀ TÊN ")
            .replacingOccurrences(of: "gender", with: "giới tính")
        let (values, problems) = readOfficials(Data(Fixtures.officials.replacingOccurrences(of: Fixtures.officialsHeader, with: header).utf8))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values, fixtureOfficials)
    }

    func testACourseCatalogueInVietnamese() {
        let text = """
        Mã lớp;Tên lớp;Lĩnh vực;Cấp;Yêu cầu;Số năm;Số ngày;Kinh phí;Chỉ tiêu;Cơ sở đào tạo;Đối tượng;Khu vực;Tuổi tối đa;Chỉ người Kinh;Chỉ vùng DTTS;Chỉ đảng viên
        TC-LLCT;Trung cấp LLCT;Lý luận chính trị;trung cấp;sơ cấp;2;60;30000000;100;Trường Chính trị tỉnh;"cán bộ chủ chốt;công chức";;45;không;không;có
        TV;Tin học;Tin học;cơ bản;;1;10;1500000,5;30;Trung tâm;;"miền núi;hải đảo";;không;không;không
        X;Tin học;Tin học;không;;1;10;1;30;Trung tâm;;;;không;không;không
        """
        let (values, problems) = readCourses(text)
        XCTAssertEqual(problems, ["courses.csv:4: grants: a course must grant more than \"none\""])
        XCTAssertEqual(values.map(\.family), [.politicalTheory, .it])
        XCTAssertEqual(values[0].grants, 2)
        XCTAssertEqual(values[0].requires, 1)
        XCTAssertEqual(values[0].categories, [.keyCadre, .civilServant])
        XCTAssertTrue(values[0].partyMemberOnly)
        XCTAssertEqual(values[1].cost, 1_500_000.5)
        XCTAssertEqual(values[1].areas, [.mountain, .island])
    }

    func testTargetsInVietnameseWithDecimalCommas() {
        let text = """
        Mã chỉ tiêu;Thời hạn;Đối tượng;Khu vực;Tuổi tối đa;Chỉ người Kinh;Chỉ vùng DTTS;Chỉ cấp ủy viên;Chỉ diện quy hoạch;Số năm công tác vùng DTTS tối thiểu;Điều kiện;Tỷ lệ;Loại;Trọng số;Nhãn;Nhãn tiếng Anh
        25-10;2025;cán bộ chủ chốt;;;không;không;không;không;;political_theory>=intermediate;0,7;bắt buộc;10;Cán bộ chủ chốt có trung cấp LLCT;Key cadres
        25-2;2025;;miền núi;;có;có;không;không;2,5;Tiếng dân tộc>=đã học & lý luận chính trị >= sơ cấp;0.5;phấn đấu;1,5;Biết tiếng dân tộc;Ethnic language
        """
        let (values, problems) = readTargets(text)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(values.map(\.share), [0.7, 0.5])
        XCTAssertEqual(values.map(\.kind), [.required, .strive])
        XCTAssertEqual(values.map(\.weight), [10, 1.5])
        XCTAssertEqual(values[1].minMinorityAreaYears, 2.5)
        XCTAssertEqual(values[1].requirement.text, "political_theory>=elementary&ethnic_language>=studied")
    }

    func testNumbersThatAreNotPlain() {
        let row = "C,x,it,basic,,1,10,COST,5,p,,,,no,no,no"
        func costProblem(_ cost: String, semicolons: Bool) -> [String] {
            var text = Fixtures.coursesHeader + "\n" + row
            if semicolons { text = text.replacingOccurrences(of: ",", with: ";") }
            return readCourses(text.replacingOccurrences(of: "COST", with: cost)).1
        }
        XCTAssertEqual(costProblem("\"1,5\"", semicolons: false), [
            "courses.csv:2: cost: \"1,5\" is not a number (write digits with a decimal point, no thousands separators)",
        ])
        XCTAssertEqual(costProblem("1.000.000", semicolons: true), [
            "courses.csv:2: cost: \"1.000.000\" is not a number (write digits with a decimal comma or point, no thousands separators)",
        ])
        XCTAssertEqual(costProblem("\"1,000,000\"", semicolons: true), [
            "courses.csv:2: cost: \"1,000,000\" is not a number (write digits with a decimal comma or point, no thousands separators)",
        ])
        XCTAssertEqual(costProblem("15.000", semicolons: true), [
            "courses.csv:2: cost: \"15.000\" could be a decimal or a number with thousands separators; write 15000 or 15,000",
        ])
        XCTAssertEqual(costProblem("1e13", semicolons: false), [
            "courses.csv:2: cost: 1e13 is more than 1000000000000, surely a mistake",
        ])
        XCTAssertEqual(costProblem("-5", semicolons: false), ["courses.csv:2: cost: -5 is below 0"])
    }

    func testCloseButWrongVietnameseKeepsTheListOfAllowedValues() {
        let text = Self.vietnameseOfficials.replacingOccurrences(of: "Trung cấp", with: "trung cap")
            .replacingOccurrences(of: "Nam;1975", with: "Nam giới;1975")
        XCTAssertEqual(readOfficials(Data(text.utf8)).1, [
            "officials.csv:2: political_theory: \"trung cap\" is not one of none, elementary, intermediate, advanced",
            "officials.csv:2: gender: \"Nam giới\" is not one of male, female",
        ])
    }

    func testAColumnGivenTwiceUnderTwoNames() {
        let text = Fixtures.officials.replacingOccurrences(of: "leaves_year", with: "Họ tên")
        XCTAssertEqual(readOfficials(Data(text.utf8)).1, [
            "officials.csv:1: full_name: the column appears twice in the header (as \"full_name\" and \"họ tên\")",
        ])
    }

    // MARK: Encodings

    func testUTF16WithABOMIsConverted() {
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            var data = Data(encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF])
            data.append(Fixtures.officials.replacingOccurrences(of: ",", with: "\t").data(using: encoding)!)
            let (values, problems) = readOfficials(data)
            XCTAssertEqual(problems, [])
            XCTAssertEqual(values, fixtureOfficials)
        }
    }

    /// "Nguyễn Văn Đức,Lò Thị Bình,Mường Tè,Chủ tịch UBND" as iconv writes it in each encoding, or VNI by hand.
    static let legacyRows: [(String, String)] = [
        ("4e677579d46e2056a86e20a7f8632c4cdf205468de2042d76e682c4dadea6e672054cc2c4368f12074de63682055424e44",
         "officials.csv: is not UTF-8 text: it looks like TCVN3 (ABC); convert it with UniKey's converter (TCVN3 (ABC) → Unicode) or `iconv -f TCVN5712-1 -t UTF-8`"),
        ("4e677579eade6e2056e36e20d0fdec632c4c6fcc20546869f2204269cc6e682c4dfdf5cc6e672054e82c436875d2207469f263682055424e44",
         "officials.csv: is not UTF-8 text: it looks like Windows-1258; open it in Excel and save it as \"CSV UTF-8\", or convert it with `iconv -f WINDOWS-1258 -t UTF-8`"),
        // Nguye~n Va(n D-u+'c, Lo` Thi. Bi`nh, Mu+o+`ng Te`, Chu? ti.ch UBND in VNI's bytes.
        ("4e67757965e36e205661ea6e20d1f6f9632c4c6ff820546869ef204269f86e682c4df6f4f86e67205465f82c436875fb207469ef63682055424e44",
         "officials.csv: is not UTF-8 text: it looks like VNI; convert it with UniKey's converter (VNI Windows → Unicode), then save it as \"CSV UTF-8\""),
        ("4c61e96e2c20e76120766121",
         "officials.csv: is not UTF-8 text and its encoding is not recognised; open it in Excel and save it as \"CSV UTF-8\""),
    ]

    func testLegacyVietnameseEncodingsAreNamedInOneMessage() {
        for (hex, message) in Self.legacyRows {
            var data = Data((Fixtures.officialsHeader + "\n").utf8)
            for _ in 0..<3 { data.append(contentsOf: Self.bytes(hex: hex) + [0x0A]) }
            let (values, problems) = readOfficials(data)
            XCTAssertEqual(values, [])
            XCTAssertEqual(problems, [message])
        }
    }

    func testALegacyScenarioFileIsNamedToo() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeScenario()
        var data = Data("name: ".utf8)
        data.append(contentsOf: Self.bytes(hex: Self.legacyRows[1].0))
        let path = try folder.write("legacy.yaml", data)
        XCTAssertEqual(Self.problems(loading: path),
                       ["\(path): is not UTF-8 text: it looks like Windows-1258; open it in Excel and save it as \"CSV UTF-8\", or convert it with `iconv -f WINDOWS-1258 -t UTF-8`"])
    }

    static func problems(loading path: String) -> [String] {
        do {
            return try ScenarioLoader.load(path: path).warnings.map(\.description)
        } catch {
            return (error as? InputError)?.problems.map(\.description) ?? ["unexpected \(error)"]
        }
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    // MARK: Hostile files

    func testAHugeFieldIsRefusedQuickly() {
        let huge = String(repeating: "A", count: 10 << 20)
        let text = Fixtures.officials.replacingOccurrences(of: "Nguyễn Văn An", with: huge)
        let start = Date()
        let (values, problems) = readOfficials(Data(text.utf8))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(values.map(\.id), ["CB2"])
        XCTAssertEqual(problems, [
            "officials.csv:2: full_name: a field of 10485760 characters is longer than the 10000 allowed (is a closing \" missing?)",
        ])
    }

    func testAQuoteLeftOpenSwallowsTheRestOfTheFile() {
        var text = Fixtures.officials.replacingOccurrences(of: "Chủ tịch UBND", with: "\"Chủ tịch UBND")
        for i in 0..<2_000 { text += "CB\(i),\(String(repeating: "x", count: 10)),male\n" }
        XCTAssertEqual(readOfficials(Data(text.utf8)).1, [
            "officials.csv:2: a quoted field opened in this row is never closed (a \" is missing)",
            "officials.csv:2: has 7 fields but the header has 24 columns",
        ])
    }

    func testAHeaderOnlyOfNonsense() {
        XCTAssertEqual(readOfficials(Data([0x00, 0x01, 0x02])).1.count, 22, "every required column is missing")
        XCTAssertEqual(readOfficials(Data()).1, ["officials.csv: is empty: a header row is needed"])
        XCTAssertEqual(readOfficials(Data(String(repeating: "x", count: 20_000).utf8)).1, [
            "officials.csv:1: a field of 20000 characters is longer than the 10000 allowed (is a closing \" missing?)",
        ])
    }

    func testAbsurdScenarioValues() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("courses.csv", Fixtures.courses.replacingOccurrences(of: ",200,Trung tâm", with: ",0,Trung tâm"))
        func problems(_ yaml: String) throws -> [String] {
            try folder.write("officials.csv", Fixtures.officials)
            try folder.write("targets.csv", Fixtures.targets)
            let path = try folder.write("s.yaml", yaml)
            return Self.problems(loading: path).map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
        }
        let files = "officials: officials.csv\ncourses: courses.csv\ntargets: targets.csv\n"
        XCTAssertEqual(try problems("base_year: 2022\nhorizon: 2020\n" + files), ["s.yaml:2: horizon: 2020 is before base_year 2022"])
        XCTAssertEqual(try problems("base_year: 2022\nhorizon: 1000000\n" + files), ["s.yaml:2: horizon: 1000000 is not between 1990 and 2150"])
        XCTAssertEqual(try problems("base_year: 2022\nhorizon: 2030\n" + files + "budget: { 2022: -5, 2023: 1e16 }\n"), [
            "s.yaml:6: budget 2022: -5 is below 0",
            "s.yaml:6: budget 2023: 10000000000000000 is more than 1000000000000000 VND, surely a mistake",
        ])
        XCTAssertEqual(try problems("base_year: 2022\nhorizon: 2030\n" + files), [
            "courses.csv:2: warning: seats: 0 seats a year: nobody can start \"SC-LLCT\"",
        ])
    }

    func testFilesNamedInNFDAreFound() throws {
        let folder = try TemporaryFolder(self)
        let nfd = "cán bộ.csv".decomposedStringWithCanonicalMapping
        try folder.writeScenario(Fixtures.scenario.replacingOccurrences(of: "officials.csv", with: nfd))
        try folder.write(nfd, Fixtures.officials)
        XCTAssertEqual(try ScenarioLoader.load(path: folder.path + "/baseline.yaml").scenario.officials.count, 2)
    }
}
