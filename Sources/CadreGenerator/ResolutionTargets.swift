import CadreDomain

/// The targets of the 2022 Quảng Ngãi resolution (section II.2.2), 25-1 … 25-16 and 30-1 … 30-11, with the
/// leadership update of 25-4 as its own cohort (25-4b). Readings are documented in Scenarios/quang-ngai-2022/README.md.
enum ResolutionTargets {
    /// A person short for one year costs ten times more on a required target than on a strive target.
    static let requiredWeight = 10.0
    static let striveWeight = 1.0
    /// "More than 50 %": the contract takes ⌈share × cohort⌉, so a hair above one half.
    static let majority = 0.500001
    /// 25-14 names no share ("strive to apply IT"): 80 % [E].
    static let striveITShare = 0.8

    static let cadresAndCivilServants: Set<Category> = [.keyCadre, .massOrgCadre, .civilServant]
    static let urbanOrPlains: Set<Area> = [.ward, .town, .plains, .island]

    static var all: [Target] {
        func target(
            _ id: String, _ categories: Set<Category>, _ requirement: String, share: Double = 1,
            areas: Set<Area> = [], maxAge: Int? = nil, kinhOnly: Bool = false, minorityAreaOnly: Bool = false,
            partyCommitteeOnly: Bool = false, plannedTitleOnly: Bool = false, minMinorityAreaYears: Double? = nil,
            strive: Bool = false, vi: String, en: String
        ) -> Target {
            let conditions = requirement.split(separator: "&").map { part -> LevelCondition in
                let sides = part.split(separator: ">=").map(String.init)
                let family = Family(rawValue: sides[0])!
                return LevelCondition(family: family, level: family.level(named: sides[1])!)
            }
            return Target(
                id: id, deadline: id.hasPrefix("25-") ? 2025 : 2030, categories: categories, areas: areas,
                maxAge: maxAge, kinhOnly: kinhOnly, minorityAreaOnly: minorityAreaOnly,
                partyCommitteeOnly: partyCommitteeOnly, plannedTitleOnly: plannedTitleOnly,
                minMinorityAreaYears: minMinorityAreaYears, requirement: Requirement(conditions), share: share,
                kind: strive ? .strive : .required, weight: strive ? striveWeight : requiredWeight,
                labelVi: vi, labelEn: en)
        }
        let key: Set<Category> = [.keyCadre]
        let massOrg: Set<Category> = [.massOrgCadre]
        let civil: Set<Category> = [.civilServant]
        let partTime: Set<Category> = [.partTime]
        let all = cadresAndCivilServants
        return [
            target("25-1", key, "education>=university", areas: urbanOrPlains,
                   vi: "Cán bộ chủ chốt ở phường, thị trấn, xã đồng bằng có trình độ đại học",
                   en: "Key cadres in wards, towns and plains communes hold a university degree"),
            target("25-2", key, "education>=college", areas: [.mountain],
                   vi: "Cán bộ chủ chốt ở xã miền núi có trình độ cao đẳng trở lên",
                   en: "Key cadres in mountain communes hold a college degree or higher"),
            target("25-3", key, "political_theory>=intermediate",
                   vi: "Cán bộ chủ chốt có trình độ trung cấp lý luận chính trị trở lên",
                   en: "Key cadres hold intermediate political theory or higher"),
            target("25-4", key, "state_management>=specialist",
                   vi: "Cán bộ chủ chốt được bồi dưỡng quản lý nhà nước ngạch chuyên viên",
                   en: "Key cadres trained in state management at specialist rank"),
            target("25-4b", [], "leadership_update>=yes", plannedTitleOnly: true,
                   vi: "Người trong quy hoạch chức danh chủ chốt được bồi dưỡng cập nhật kiến thức theo chức danh quy hoạch",
                   en: "People planned for a key title complete the leadership update for that title"),
            target("25-5", massOrg, "education>=intermediate",
                   vi: "Cán bộ các tổ chức chính trị – xã hội có trình độ trung cấp trở lên",
                   en: "Socio-political organisation cadres hold an intermediate qualification or higher"),
            target("25-6", massOrg, "mass_org>=yes", share: 0.7,
                   vi: "70% cán bộ các tổ chức chính trị – xã hội được bồi dưỡng nghiệp vụ công tác đoàn thể",
                   en: "70% of socio-political organisation cadres trained in mass-organisation work"),
            target("25-7", massOrg, "political_theory>=elementary",
                   vi: "Cán bộ các tổ chức chính trị – xã hội có trình độ sơ cấp lý luận chính trị trở lên",
                   en: "Socio-political organisation cadres hold elementary political theory or higher"),
            target("25-8", civil, "education>=university", areas: urbanOrPlains,
                   vi: "Công chức ở phường, thị trấn, xã đồng bằng có trình độ đại học",
                   en: "Civil servants in wards, towns and plains communes hold a university degree"),
            target("25-9", civil, "education>=college", areas: [.mountain],
                   vi: "Công chức ở xã miền núi có trình độ cao đẳng trở lên",
                   en: "Civil servants in mountain communes hold a college degree or higher"),
            target("25-10", civil, "state_management>=specialist", share: 0.7,
                   vi: "70% công chức được bồi dưỡng quản lý nhà nước ngạch chuyên viên",
                   en: "70% of civil servants trained in state management at specialist rank"),
            target("25-11", civil, "political_theory>=elementary",
                   vi: "Công chức có trình độ sơ cấp lý luận chính trị trở lên",
                   en: "Civil servants hold elementary political theory or higher"),
            target("25-12", partTime, "education>=intermediate",
                   vi: "Người hoạt động không chuyên trách có trình độ trung cấp trở lên",
                   en: "Part-time workers hold an intermediate qualification or higher"),
            target("25-13", partTime, "political_theory>=elementary", share: majority,
                   vi: "Đa số người hoạt động không chuyên trách có trình độ sơ cấp lý luận chính trị trở lên",
                   en: "A majority of part-time workers hold elementary political theory or higher"),
            target("25-14", all, "it>=basic", share: striveITShare, strive: true,
                   vi: "Phấn đấu cán bộ, công chức ứng dụng được công nghệ thông tin trong công việc (chuẩn cơ bản)",
                   en: "Strive: cadres and civil servants apply IT in their work (basic standard)"),
            target("25-15", all, "foreign_language>=1", areas: [.ward, .town], maxAge: 39,
                   vi: "Cán bộ, công chức dưới 40 tuổi ở phường, thị trấn tham gia học ngoại ngữ",
                   en: "Cadres and civil servants under 40 in wards and towns take part in foreign-language study"),
            target("25-16", all, "ethnic_language>=studied", share: 0.5, kinhOnly: true, minorityAreaOnly: true,
                   strive: true,
                   vi: "Phấn đấu 50% cán bộ, công chức người Kinh công tác ở vùng đồng bào dân tộc thiểu số học tiếng dân tộc",
                   en: "Strive: 50% of Kinh cadres and civil servants in ethnic-minority areas take an ethnic-language course"),
            target("30-1", key, "education>=university",
                   vi: "Cán bộ chủ chốt có trình độ đại học",
                   en: "Key cadres hold a university degree"),
            target("30-2", [], "political_theory>=intermediate", partyCommitteeOnly: true,
                   vi: "Cấp ủy viên cấp ủy cơ sở có trình độ trung cấp lý luận chính trị trở lên",
                   en: "Members of grassroots Party committees hold intermediate political theory or higher"),
            target("30-3", massOrg, "education>=college",
                   vi: "Cán bộ các tổ chức chính trị – xã hội có trình độ cao đẳng trở lên",
                   en: "Socio-political organisation cadres hold a college degree or higher"),
            target("30-4", massOrg, "mass_org>=yes",
                   vi: "Cán bộ các tổ chức chính trị – xã hội được bồi dưỡng nghiệp vụ công tác đoàn thể",
                   en: "Socio-political organisation cadres trained in mass-organisation work"),
            target("30-5", massOrg, "political_theory>=intermediate",
                   vi: "Cán bộ các tổ chức chính trị – xã hội có trình độ trung cấp lý luận chính trị trở lên",
                   en: "Socio-political organisation cadres hold intermediate political theory or higher"),
            target("30-6", civil, "education>=university", areas: [.mountain],
                   vi: "Công chức ở xã miền núi có trình độ đại học",
                   en: "Civil servants in mountain communes hold a university degree"),
            target("30-7", all, "state_management>=specialist",
                   vi: "Cán bộ, công chức được bồi dưỡng quản lý nhà nước ngạch chuyên viên",
                   en: "Cadres and civil servants trained in state management at specialist rank"),
            target("30-8", partTime, "education>=college&political_theory>=elementary", share: 0.5, strive: true,
                   vi: "Phấn đấu 50% người hoạt động không chuyên trách có trình độ cao đẳng trở lên và sơ cấp lý luận chính trị",
                   en: "Strive: 50% of part-time workers hold a college degree and elementary political theory"),
            target("30-9", all, "it>=basic",
                   vi: "Cán bộ, công chức đạt chuẩn kỹ năng công nghệ thông tin phục vụ chính quyền điện tử",
                   en: "Cadres and civil servants meet the IT skill standard for e-government work"),
            target("30-10", key, "foreign_language>=3", share: 0.4, areas: [.ward, .town], maxAge: 39,
                   vi: "40% cán bộ chủ chốt dưới 40 tuổi ở phường, thị trấn sử dụng ngoại ngữ trong môi trường quốc tế (bậc 3)",
                   en: "40% of key cadres under 40 in wards and towns use a foreign language at work (level 3)"),
            target("30-11", all, "ethnic_language>=fluent", share: 0.5, kinhOnly: true, minMinorityAreaYears: 3,
                   vi: "50% cán bộ, công chức người Kinh công tác từ 3 năm ở vùng dân tộc thiểu số nghe, nói được tiếng dân tộc",
                   en: "50% of Kinh cadres and civil servants with 3+ years in ethnic-minority areas hear and speak the local language"),
        ]
    }
}
