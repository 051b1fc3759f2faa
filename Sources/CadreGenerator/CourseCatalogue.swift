import CadreDomain

/// The courses the resolution's targets need. Lengths follow the facts file; every cost, seat count and day
/// count is an estimate [E] the user edits in courses.csv (or overrides in the scenario).
enum CourseCatalogue {
    static let districtCentre = "Trung tâm chính trị cấp huyện"
    static let provincialSchool = "Trường Chính trị tỉnh"

    /// Seats are given for the 2022 province (5,300 officials) and scale with the size of the province:
    /// a national run needs as many classes per official as a provincial one.
    /// The merged province (from 1 July 2025) has no district political centres: the provincial school teaches
    /// what they taught [E], and Kon Tum's languages join the catalogue.
    static func courses(seatScale: Double, mergedProvince: Bool = false) -> [Course] {
        let localCentre = mergedProvince ? provincialSchool : districtCentre
        func seats(_ base: Int) -> Int {
            // Rounded up to a multiple of 5, never below one small class.
            max(5, Int((Double(base) * seatScale / 5).rounded(.up)) * 5)
        }
        func course(
            _ id: String, _ name: String, _ family: Family, grants: String, requires: String? = nil, years: Int = 1,
            days: Int, cost: Double, seats base: Int, provider: String, categories: Set<Category> = [],
            kinhOnly: Bool = false, minorityAreaOnly: Bool = false, partyMemberOnly: Bool = false
        ) -> Course {
            Course(
                id: id, name: name, family: family, grants: family.level(named: grants)!,
                requires: requires.map { family.level(named: $0)! }, years: years, days: days, cost: cost,
                seats: seats(base), provider: provider, categories: categories, kinhOnly: kinhOnly,
                minorityAreaOnly: minorityAreaOnly, partyMemberOnly: partyMemberOnly)
        }

        let university = "Trường đại học (vừa làm vừa học)"
        let college = "Trường cao đẳng, trung cấp (vừa làm vừa học)"
        let languageCentre = "Trung tâm ngoại ngữ, trường đại học"
        var catalogue = [
            course("TC-CM", "Trung cấp chuyên môn (vừa làm vừa học)", .education, grants: "intermediate", years: 2,
                   days: 45, cost: 14_000_000, seats: 300, provider: college),
            course("CD-CM", "Cao đẳng chuyên môn (vừa làm vừa học)", .education, grants: "college", years: 3,
                   days: 50, cost: 30_000_000, seats: 150, provider: college),
            course("CD-CM-LT", "Cao đẳng liên thông từ trung cấp", .education, grants: "college",
                   requires: "intermediate", years: 2, days: 50, cost: 20_000_000, seats: 200, provider: college),
            course("DH-CM", "Đại học (vừa làm vừa học)", .education, grants: "university", years: 4,
                   days: 60, cost: 48_000_000, seats: 200, provider: university),
            course("DH-CM-LT", "Đại học liên thông từ cao đẳng", .education, grants: "university",
                   requires: "college", years: 2, days: 60, cost: 26_000_000, seats: 250, provider: university),
            course("SC-LLCT", "Sơ cấp lý luận chính trị", .politicalTheory, grants: "elementary",
                   days: 30, cost: 4_000_000, seats: 1_200, provider: localCentre),
            // 6–8 months full-time, taught part-time over about 18 months: two calendar years.
            course("TC-LLCT", "Trung cấp lý luận chính trị (không tập trung)", .politicalTheory,
                   grants: "intermediate", requires: "elementary", years: 2, days: 80, cost: 16_000_000, seats: 300,
                   provider: provincialSchool, partyMemberOnly: true),
            course("QLNN-CV", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên", .stateManagement, grants: "specialist",
                   days: 35, cost: 5_000_000, seats: 800, provider: provincialSchool),
            course("QLNN-CVC", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", .stateManagement,
                   grants: "principal", requires: "specialist", days: 45, cost: 8_000_000, seats: 100,
                   provider: provincialSchool),
            course("TH-CB", "Chuẩn kỹ năng sử dụng CNTT cơ bản", .it, grants: "basic",
                   days: 15, cost: 2_000_000, seats: 1_500, provider: "Trung tâm tin học, đào tạo trực tuyến"),
            course("TH-NC", "Chuẩn kỹ năng sử dụng CNTT nâng cao", .it, grants: "advanced", requires: "basic",
                   days: 20, cost: 3_500_000, seats: 300, provider: "Trung tâm tin học, đào tạo trực tuyến"),
        ]
        // One level of the 6-level frame a year; the upper levels are dearer and rarer.
        for level in 1...6 {
            catalogue.append(course(
                "NN-\(level)", "Ngoại ngữ bậc \(level)/6", .foreignLanguage, grants: String(level),
                requires: level == 1 ? nil : String(level - 1), days: 60,
                cost: level <= 3 ? 6_000_000 : 8_000_000, seats: [400, 300, 200, 50, 50, 50][level - 1],
                provider: languageCentre))
        }
        // The district centres teach the local language; the catalogue cannot tie a course to a district.
        // Kon Tum's Xơ Đăng share the Ca Dong course [E]; Ba Na, Giẻ Triêng and Gia Rai courses [E: where they exist].
        let languages = mergedProvince
            ? [("TDT-BNA", "Ba Na", 60), ("TDT-COR", "Cor", 50), ("TDT-GRA", "Gia Rai", 40), ("TDT-GTR", "Giẻ Triêng", 30),
               ("TDT-HRE", "Hrê", 150), ("TDT-XDA", "Xơ Đăng", 100)]
            : [("TDT-COR", "Cor", 50), ("TDT-HRE", "Hrê", 150), ("TDT-XDA", "Xơ Đăng", 50)]
        for (stem, language, seatCount) in languages {
            catalogue.append(course(
                "\(stem)-1", "Tiếng \(language) (học phần cơ bản)", .ethnicLanguage, grants: "studied",
                days: 50, cost: 6_000_000, seats: seatCount, provider: localCentre,
                kinhOnly: true, minorityAreaOnly: true))
            catalogue.append(course(
                "\(stem)-2", "Tiếng \(language) (nghe, nói thành thạo)", .ethnicLanguage, grants: "fluent",
                requires: "studied", days: 50, cost: 7_000_000, seats: seatCount, provider: localCentre,
                kinhOnly: true, minorityAreaOnly: true))
        }
        catalogue += [
            course("NV-DT", "Nghiệp vụ công tác đoàn thể", .massOrg, grants: "yes", days: 10, cost: 2_500_000,
                   seats: 300, provider: "Cơ quan tỉnh của các tổ chức chính trị – xã hội",
                   categories: [.massOrgCadre]),
            // Open to all: whom it counts for is the planned-title target's business.
            course("CN-QH", "Bồi dưỡng cập nhật kiến thức lãnh đạo, quản lý theo chức danh quy hoạch",
                   .leadershipUpdate, grants: "yes", days: 10, cost: 3_000_000, seats: 300,
                   provider: provincialSchool),
        ]
        return catalogue
    }
}
