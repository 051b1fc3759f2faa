import CadreDomain
@testable import CadreIO
import Foundation
import XCTest

/// Lists as offices keep them ("danh sách trích ngang"): the fixtures in Tests/Fixtures/office-lists are the
/// small scenario's officials written by make_lists.py with openpyxl, and must read to the same officials.
final class OfficeListTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/office-lists")
    static let smallScenario = fixtures.appendingPathComponent("../../../Scenarios/small/small.yaml").standardized.path

    // MARK: The fixtures read to the contract's officials

    func testTheCommunesWorkbookReadsToTheContractsOfficialsOneByOne() throws {
        let contract = try ScenarioLoader.load(path: Self.smallScenario).scenario.officials
        let loaded = try ScenarioLoader.load(path: Self.fixtures.appendingPathComponent("small-list.yaml").path)
        let list = loaded.scenario.officials
        XCTAssertEqual(list.count, 300)
        XCTAssertEqual(list.count, contract.count)
        for (fromList, fromContract) in zip(list, contract) {
            XCTAssertEqual(fromList, fromContract, fromContract.id)
        }
        // The signature blocks of the ten sheets are one warning, naming the sheets.
        XCTAssertEqual(loaded.warnings.count, 1, "\(loaded.warnings)")
        XCTAssertEqual(loaded.warnings.first?.sheet, "Tịnh Ấn Tây")
        XCTAssertTrue(loaded.warnings.first?.message.contains("40 rows hold neither an id nor a name") == true, "\(loaded.warnings)")
    }

    func testTheProvinceCSVReadsToTheSameOfficialsWithIdsMadeFromThem() throws {
        let contract = try ScenarioLoader.load(path: Self.smallScenario).scenario.officials
        let loaded = try ScenarioLoader.load(path: Self.fixtures.appendingPathComponent("small-list-csv.yaml").path)
        var list = loaded.scenario.officials
        XCTAssertEqual(Set(list.map(\.id)).count, 300)
        // 17/09/1970, Xã Tịnh Ấn Tây, Trần Minh Việt.
        XCTAssertEqual(list.first { $0.fullName == "Trần Minh Việt" && $0.commune == "Xã Tịnh Ấn Tây" }?.id, "TINHANTAY-19700917-TRANMINHVIET")
        func place(_ official: Official) -> String { "\(official.commune)|\(official.fullName)|\(official.birthYear)|\(official.title)" }
        let byPlace = Dictionary(uniqueKeysWithValues: contract.map { (place($0), $0) })
        XCTAssertEqual(byPlace.count, 300)
        for index in list.indices {
            guard let expected = byPlace[place(list[index])] else { return XCTFail("\(place(list[index])) is not in officials.csv") }
            list[index].id = expected.id
            XCTAssertEqual(list[index], expected, expected.id)
        }
        XCTAssertEqual(loaded.warnings.map(\.line), [308])
    }

    func testWithoutTheCommunesFileEachSheetSaysWhatIsMissingAndWhere() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("small-list.xlsx"))
        var problems: [InputProblem] = []
        let officials = OfficialsReader.read(data, file: "small-list.xlsx", problems: &problems)
        XCTAssertEqual(officials, [])
        XCTAssertEqual(problems.filter { $0.field == "area" }.count, 10)
        XCTAssertEqual(problems.first?.description,
                       "small-list.xlsx [Tịnh Ấn Tây]:7: area: the list has no area or minority area; name the province's communes file in the scenario (communes: communes.csv)")
    }

    // MARK: Unknown things are reported once

    /// A list of `count` officials in the shape of the province CSV, with `politicalTheory` in every row.
    static func list(count: Int, politicalTheory: (Int) -> String, title: (Int) -> String = { _ in "Công chức Tư pháp - Hộ tịch" },
                     extraHeader: String = "", commune: String = "Xã Tịnh Ấn Tây") -> Data {
        var lines = [
            "ĐẢNG ỦY \(commune.uppercased()),,,,,,,,",
            "DANH SÁCH TRÍCH NGANG CÁN BỘ,,,,,,,,",
            "STT,Họ và tên,\"Ngày, tháng, năm sinh\",,Dân tộc,Chức vụ,Trình độ,,\(extraHeader)",
            ",,Nam,Nữ,,,Chuyên môn,Lý luận chính trị,",
        ]
        for k in 1...count {
            lines.append("\(k),Nguyễn Văn \(k),\(k % 28 + 1)/03/1980,,Kinh,\(title(k)),ĐH Luật,\(politicalTheory(k)),")
        }
        lines.append(",NGƯỜI LẬP BIỂU,,,,,,,")
        return Data(lines.joined(separator: "\n").utf8)
    }

    static let communes = CommunesFile(communes: [
        .init(district: "TP Quảng Ngãi", name: "Xã Tịnh Ấn Tây", area: .plains, minorityArea: false),
        .init(district: "Ba Tơ", name: "Xã Ba Điền", area: .mountain, minorityArea: true),
        .init(district: "Ba Tơ", name: "Thị trấn Ba Tơ", area: .town, minorityArea: true),
        .init(district: "Sơn Hà", name: "Xã Sơn Hải", area: .mountain, minorityArea: true),
        .init(district: "Bình Sơn", name: "Xã Bình Hải", area: .plains, minorityArea: false),
        .init(district: "Tư Nghĩa", name: "Xã Bình Hải", area: .plains, minorityArea: false),
    ])

    private func read(_ data: Data, mapping: OfficeListMapping = .none) -> (officials: [Official], errors: [InputProblem], warnings: [InputProblem]) {
        var problems: [InputProblem] = []
        let officials = OfficialsReader.read(
            data, file: "list.csv", settings: OfficeListSettings(mapping: mapping, communes: Self.communes), problems: &problems)
        return (officials, problems.filter { $0.severity == .error }, problems.filter { $0.severity == .warning })
    }

    func testThreeHundredRowsWithOneUnknownSpellingGiveOneMessage() {
        let data = Self.list(count: 300, politicalTheory: { $0 == 150 ? "Sơ cấp" : "Trung học chính trị" })
        let (officials, errors, _) = read(data)
        XCTAssertEqual(officials.count, 1)
        XCTAssertEqual(errors.map(\.description), [
            "list.csv:5: political_theory: column H \"Trình độ / Lý luận chính trị\": \"Trung học chính trị\" (rows 5, 6, 7 and 296 more) is not one of "
                + "none, elementary, intermediate, advanced; write a value it names, or map it under values: political_theory: in the scenario",
        ])

        let mapped = read(data, mapping: OfficeListMapping(values: ["political_theory": ["trung HỌC chính trị": "intermediate"]]))
        XCTAssertEqual(mapped.errors, [])
        XCTAssertEqual(mapped.officials.count, 300)
        XCTAssertEqual(mapped.officials.filter { $0.levels[.politicalTheory] == 2 }.count, 299)
    }

    func testAHeaderItCannotPlaceIsOneWarningAndTheUserCanPlaceIt() throws {
        let data = Self.list(count: 3, politicalTheory: { _ in "" }, extraHeader: "Ngày vào Đảng CT")
        let (officials, errors, warnings) = read(data)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(officials.count, 3)
        XCTAssertEqual(warnings.filter { $0.message.contains("not a column") }.map(\.description), [
            "list.csv:3: warning: column I \"Ngày vào Đảng CT\" is not a column CadrePlan reads and is ignored (if it is one, map it under columns: in the scenario)",
        ])
        let inspection = OfficialsReader.inspect(data, file: "list.csv", settings: OfficeListSettings(communes: Self.communes))
        XCTAssertEqual(inspection.unplacedHeaders.map(\.text), ["Ngày vào Đảng CT"])
        XCTAssertEqual(inspection.unplacedHeaders.map(\.column), ["I"])

        let placed = OfficialsReader.inspect(
            data, file: "list.csv",
            settings: OfficeListSettings(mapping: OfficeListMapping(columns: ["ngày vào đảng ct": "party_admission"]), communes: Self.communes))
        XCTAssertEqual(placed.unplacedHeaders, [])
    }

    func testTheWorkspaceCanListUnreadValuesOnce() {
        let data = Self.list(count: 20, politicalTheory: { $0.isMultiple(of: 2) ? "Trung học chính trị" : "Trung cấp" })
        let inspection = OfficialsReader.inspect(data, file: "list.csv", settings: OfficeListSettings(communes: Self.communes))
        XCTAssertEqual(inspection.unreadValues.map(\.value), ["Trung học chính trị"])
        XCTAssertEqual(inspection.unreadValues.first?.count, 10)
        XCTAssertEqual(inspection.unreadValues.first?.field, "political_theory")
        XCTAssertEqual(inspection.unreadValues.first?.firstRows.map(\.line), [6, 8, 10])
    }

    // MARK: A cell that could be two levels

    func testACellThatCouldBeTwoLevelsIsAnErrorNamingBoth() {
        XCTAssertEqual(LevelSpellings.read("Tiếng Anh B", family: .foreignLanguage), .ambiguous([(3, "b"), (4, "b")]))
        XCTAssertEqual(LevelSpellings.read("Cử nhân Luật, Thạc sĩ", family: .education), .ambiguous([(4, "cử nhân"), (5, "thạc sĩ")]))
        XCTAssertEqual(LevelSpellings.read("x", family: .ethnicLanguage), .ambiguous([(1, "x"), (2, "x")]))

        let data = Self.list(count: 2, politicalTheory: { $0 == 1 ? "Sơ cấp/Trung cấp LLCT" : "TC" })
        let (officials, errors, _) = read(data)
        XCTAssertEqual(officials.map(\.fullName), ["Nguyễn Văn 2"])
        XCTAssertEqual(errors.map(\.description), [
            "list.csv:5: political_theory: column H \"Trình độ / Lý luận chính trị\": \"Sơ cấp/Trung cấp LLCT\" (row 5) could be "
                + "elementary (\"sơ cấp\") or intermediate (\"trung cấp\"); write a value it names, or map it under values: political_theory: in the scenario",
        ])
    }

    func testLevelsAsPeopleWriteThem() {
        let cases: [(String, Family, Int)] = [
            ("TC", .politicalTheory, 2), ("Trung cấp LLCT", .politicalTheory, 2), ("Trung cấp LLCT - HC", .politicalTheory, 2),
            ("Cử nhân chính trị", .politicalTheory, 3), ("Cao cấp", .politicalTheory, 3), ("SC", .politicalTheory, 1),
            ("ĐH", .education, 4), ("ĐH Luật", .education, 4), ("Đại học Luật", .education, 4), ("Đại học Kinh tế", .education, 4),
            ("CĐ", .education, 3), ("ThS", .education, 5), ("Thạc sĩ Quản lý kinh tế", .education, 5), ("12/12", .education, 0),
            ("9/12", .education, 0), ("THPT", .education, 0), ("Trung cấp Kế toán", .education, 2), ("Kỹ sư Xây dựng", .education, 4),
            ("CV", .stateManagement, 1), ("CVC", .stateManagement, 2), ("Chuyên viên chính", .stateManagement, 2),
            ("Chuẩn cơ bản", .it, 1), ("Ứng dụng CNTT cơ bản", .it, 1), ("Tin học B", .it, 1), ("Nâng cao", .it, 2),
            ("Tiếng Anh B1", .foreignLanguage, 3), ("A2", .foreignLanguage, 2), ("Bậc 4", .foreignLanguage, 4),
            ("Tiếng Hrê (đã học)", .ethnicLanguage, 1), ("Tiếng Cor (thành thạo)", .ethnicLanguage, 2),
            ("x", .massOrg, 1), ("x", .leadershipUpdate, 1), ("2021", .leadershipUpdate, 1),
        ]
        for (text, family, level) in cases {
            XCTAssertEqual(LevelSpellings.read(text, family: family), .level(level), "\(text) as \(family)")
        }
        XCTAssertEqual(LevelSpellings.read("Đang học Đại học", family: .education), .unknown)
        XCTAssertEqual(LevelSpellings.read("Giỏi", family: .it), .unknown)
        XCTAssertEqual(LevelSpellings.read("TC LLCT cũ", family: .politicalTheory), .level(2))
    }

    func testDatesAsListsWriteThem() {
        XCTAssertEqual(ListDates.read("17/06/1970"), .init(year: 1970, month: 6, day: 17))
        XCTAssertEqual(ListDates.read("7-6-1970"), .init(year: 1970, month: 6, day: 7))
        XCTAssertEqual(ListDates.read("17.06.1970"), .init(year: 1970, month: 6, day: 17))
        XCTAssertEqual(ListDates.read("1970-06-17 00:00:00"), .init(year: 1970, month: 6, day: 17))
        XCTAssertEqual(ListDates.read("06/1970"), .init(year: 1970, month: 6))
        XCTAssertEqual(ListDates.read("1970"), .init(year: 1970))
        XCTAssertEqual(ListDates.read("25736"), .init(year: 1970, month: 6, day: 17)) // an Excel date cell
        XCTAssertNil(ListDates.read("31/02/1970"))
        XCTAssertNil(ListDates.read("17/06/70"))
        XCTAssertNil(ListDates.read("Nam"))
    }

    // MARK: The category from the title

    func testTheCategoryComesFromTheTitle() {
        let cases: [(String, CadreDomain.Category?)] = [
            ("Bí thư Đảng ủy", .keyCadre), ("Phó Bí thư Thường trực Đảng ủy", .keyCadre), ("Phó CT UBND xã", .keyCadre),
            ("Chủ tịch Hội đồng nhân dân", .keyCadre), ("Phó Chủ tịch HĐND", .keyCadre), ("Chủ tịch Uỷ ban nhân dân", .keyCadre),
            ("Chủ tịch Ủy ban MTTQ Việt Nam xã", .massOrgCadre), ("Bí thư Đoàn TNCS Hồ Chí Minh", .massOrgCadre),
            ("Chủ tịch Hội LHPN", .massOrgCadre), ("Chủ tịch Hội Nông dân", .massOrgCadre), ("Chủ tịch Hội CCB", .massOrgCadre),
            ("Trưởng Công an xã", .civilServant), ("Chỉ huy trưởng BCH Quân sự", .civilServant),
            ("Công chức Văn phòng - Thống kê", .civilServant), ("Địa chính - Nông nghiệp - Xây dựng và Môi trường", .civilServant),
            ("Tài chính – kế toán", .civilServant), ("Tư pháp - hộ tịch", .civilServant), ("Văn hoá - Xã hội", .civilServant),
            ("Phó Chỉ huy trưởng Quân sự", .partTime), ("Phó Chủ tịch UBMTTQ", .partTime), ("Phó Bí thư Đoàn", .partTime),
            ("Phó Chủ tịch Hội Nông dân", .partTime), ("Văn phòng Đảng uỷ", .partTime), ("Chủ tịch Hội Người cao tuổi", .partTime),
            ("Quản lý Nhà văn hóa", .partTime), ("Tổ chức – kiểm tra Đảng", .partTime), ("Nhân viên khuyến nông", .partTime), ("Thủ quỹ – văn thư – lưu trữ", .partTime), ("Phó Trưởng Công an", .partTime),
            ("Trưởng thôn", nil), ("Bí thư Chi bộ thôn 3", nil), ("Cán bộ", nil),
        ]
        for (title, category) in cases {
            XCTAssertEqual(TitleCategories.category(ofTitle: title, overrides: [:]), category, title)
        }
        let overrides = OfficeListMapping(titles: ["trưởng THÔN": .partTime]).titles
        XCTAssertEqual(TitleCategories.category(ofTitle: "Trưởng thôn", overrides: overrides), .partTime)
    }

    func testATitleOfUnknownCategoryIsOneErrorUntilTheScenarioGivesIt() {
        let data = Self.list(count: 4, politicalTheory: { _ in "TC" }, title: { $0 == 2 ? "Chủ tịch UBND" : "Trưởng thôn" })
        let (officials, errors, _) = read(data)
        XCTAssertEqual(officials.map(\.category), [.keyCadre])
        XCTAssertEqual(errors.map(\.description), [
            "list.csv:5: category: from the title column F \"Chức vụ\": \"Trưởng thôn\" (rows 5, 7, 8) is not one of a commune title whose "
                + "category is known; give it under titles: in the scenario (key_cadre, mass_org_cadre, civil_servant, part_time)",
        ])
        let given = read(data, mapping: OfficeListMapping(titles: ["Trưởng thôn": .partTime]))
        XCTAssertEqual(given.errors, [])
        XCTAssertEqual(given.officials.map(\.category), [.partTime, .keyCadre, .partTime, .partTime])
    }

    // MARK: The communes file

    func testTheCommuneComesFromTheTitleRowsAndItsAreaFromTheCommunesFile() {
        let (officials, errors, _) = read(Self.list(count: 2, politicalTheory: { _ in "" }, commune: "Xã Ba Điền"))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(officials.map(\.commune), ["Xã Ba Điền", "Xã Ba Điền"])
        XCTAssertEqual(officials.first?.district, "Ba Tơ")
        XCTAssertEqual(officials.first?.area, .mountain)
        XCTAssertEqual(officials.first?.minorityArea, true)
        XCTAssertEqual(officials.first?.id, "BADIEN-19800302-NGUYENVAN1")
    }

    func testACommuneInTwoDistrictsMustBeToldApart() {
        let (officials, errors, _) = read(Self.list(count: 1, politicalTheory: { _ in "" }, commune: "Xã Bình Hải"))
        XCTAssertEqual(officials, [])
        XCTAssertEqual(errors.first?.field, "commune")
        XCTAssertTrue(errors.first?.message.contains("several districts (Bình Sơn, Tư Nghĩa)") == true, "\(errors)")

        let named = Data(String(decoding: Self.list(count: 1, politicalTheory: { _ in "" }, commune: "Xã Bình Hải"), as: UTF8.self)
            .replacingOccurrences(of: "DANH SÁCH", with: "HUYỆN BÌNH SƠN - DANH SÁCH").utf8)
        let told = read(named)
        XCTAssertEqual(told.errors, [])
        XCTAssertEqual(told.officials.first?.district, "Bình Sơn")
    }

    func testACommuneColumnIsMatchedAgainstTheCommunesFile() {
        let csv = """
        STT,Họ và tên,Năm sinh,Giới tính,Dân tộc,Chức vụ,Đơn vị
        1,Đinh Văn Một,1980,Nam,Hrê,Chủ tịch UBND,UBND xã Sơn Hải
        2,Đinh Thị Hai,1985,Nữ,Hrê,Phó Chủ tịch UBND,Sơn Hải
        3,Đinh Văn Ba,1985,Nam,Hrê,Phó Chủ tịch UBND,Xã Không Có
        """
        let (officials, errors, warnings) = read(Data(csv.utf8))
        XCTAssertEqual(officials.map(\.commune), ["Xã Sơn Hải", "Xã Sơn Hải"])
        XCTAssertEqual(officials.map(\.area), [.mountain, .mountain])
        XCTAssertEqual(errors.map(\.description), [
            "list.csv:4: commune: column G \"Đơn vị\": \"Xã Không Có\" (row 4) is not one of a commune of the communes file; "
                + "write a value it names, or map it under values: commune: in the scenario",
        ])
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].message.hasPrefix("the list has no column for party_member, minority_area_years, education"), warnings[0].message)
    }

    func testTheCommunesFileReadsLikeTheOtherTables() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("communes.csv"))
        var problems: [InputProblem] = []
        let file = CommunesFile.read(data, file: "communes.csv", problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(file.communes.count, 10)
        XCTAssertEqual(file.commune(named: "TỊNH ẤN TÂY"), .found(.init(district: "TP Quảng Ngãi", name: "Xã Tịnh Ấn Tây", area: .plains, minorityArea: false)))

        var bad: [InputProblem] = []
        _ = CommunesFile.read(Data("Xã,Khu vực,Vùng DTTS\nXã A,núi,có\n".utf8), file: "communes.csv", problems: &bad)
        XCTAssertEqual(bad.map(\.description), ["communes.csv:2: area: \"núi\" is not one of ward, town, plains, mountain, island"])
    }

    // MARK: The scenario's keys

    func testTheScenarioKeysReachTheReader() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("officials.csv", """
        Mã CB,Họ và tên,"Ngày, tháng, năm sinh",Giới tính,Dân tộc,Chức vụ,Lý luận chính trị,Xếp loại
        A1,Đinh Văn Một,02/03/1980,Nam,Hrê,Trưởng thôn,Trung học chính trị,Tốt
        """)
        try folder.write("communes.csv", "Xã,Huyện,Khu vực,Vùng DTTS\nXã Sơn Hải,Sơn Hà,miền núi,có\n")
        try folder.write("courses.csv", Fixtures.courses)
        try folder.write("targets.csv", Fixtures.targets)
        try folder.write("list.yaml", Fixtures.scenario + """
        communes: communes.csv
        columns: { "Mã CB": id, "Xếp loại": ignore }
        values: { political_theory: { "Trung học chính trị": intermediate } }
        titles: { "Trưởng thôn": part_time }

        """)
        try folder.write("officials-title.csv", "ĐẢNG ỦY XÃ SƠN HẢI\n" + (try String(contentsOfFile: folder.path + "/officials.csv", encoding: .utf8)))
        try folder.write("list-title.yaml", "extends: list.yaml\nofficials: officials-title.csv\n")
        let loaded = try ScenarioLoader.load(path: folder.path + "/list-title.yaml")
        XCTAssertEqual(loaded.scenario.officials.map(\.id), ["A1"])
        XCTAssertEqual(loaded.scenario.officials.first?.category, .partTime)
        XCTAssertEqual(loaded.scenario.officials.first?.levels[.politicalTheory], 2)
        XCTAssertEqual(loaded.scenario.officials.first?.area, .mountain)
        XCTAssertEqual(loaded.files.communes, folder.path + "/communes.csv")

        try folder.write("wrong.yaml", Fixtures.scenario + """
        columns: { "Mã CB": identifier }
        values: { political_theory: { "Trung học chính trị": medium }, rank: { a: b } }
        titles: { "Trưởng thôn": village }

        """)
        XCTAssertThrowsError(try ScenarioLoader.load(path: folder.path + "/wrong.yaml")) { error in
            let messages = (error as? InputError)?.problems.map(\.message) ?? []
            XCTAssertTrue(messages.contains { $0.hasPrefix("\"identifier\" is not one of id, full_name") }, "\(messages)")
            XCTAssertTrue(messages.contains("\"medium\" is not one of none, elementary, intermediate, advanced"), "\(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("\"rank\" is not a column of officials.csv") }, "\(messages)")
            XCTAssertTrue(messages.contains("\"village\" is not one of key_cadre, mass_org_cadre, civil_servant, part_time"), "\(messages)")
        }
    }

    func testTheContractsFormStillReadsByTheContractsRules() {
        // Missing columns are named as before, not filled in as a list's would be.
        var problems: [InputProblem] = []
        let header = Fixtures.officialsHeader.replacingOccurrences(of: ",category", with: "")
        _ = OfficialsReader.read(Data("\(header)\n".utf8), file: "officials.csv", problems: &problems)
        XCTAssertEqual(problems.map(\.description), ["officials.csv:1: category: the column is missing from the header"])

        // The user's mapping applies to it too.
        let renamed = Fixtures.officials.replacingOccurrences(of: "id,full_name", with: "Mã CB,full_name")
            .replacingOccurrences(of: "intermediate,specialist", with: "Trung học chính trị,specialist")
        problems = []
        let officials = OfficialsReader.read(
            Data(renamed.utf8), file: "officials.csv",
            settings: OfficeListSettings(mapping: OfficeListMapping(columns: ["mã cb": "id"], values: ["political_theory": ["Trung học chính trị": "intermediate"]])),
            problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(officials.map(\.id), ["CB1", "CB2"])
        XCTAssertEqual(officials.first?.levels[.politicalTheory], 2)
    }
}
