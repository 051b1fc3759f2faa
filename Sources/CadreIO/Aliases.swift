import CadreDomain

/// The Vietnamese names that spreadsheets at the school use for the contract's columns and values.
///
/// Every table maps an alias, written as `Aliases.key` turns it (lower case, NFC, runs of spaces made one
/// space, no spaces around), to the contract's own name. Matching is exact on that key: Vietnamese spelled
/// without its diacritics (`trung cap`) is not matched, because dropping diacritics merges words that differ
/// (`ca`, `cá`, `cà`, `cả`, `cạ` are five words), and a wrong guess would plan with a wrong level silently.
/// The contract's English names always work too.
enum Aliases {
    /// The form in which headers and values are compared. Text from files is already NFC (see `CSVReader`).
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: Column headers

    static let officialsColumns: [String: String] = [
        "mã": "id", "mã cán bộ": "id", "mã số": "id",
        "họ và tên": "full_name", "họ tên": "full_name",
        "giới tính": "gender",
        "năm sinh": "birth_year",
        "dân tộc": "ethnicity",
        "đối tượng": "category", "nhóm": "category",
        "chức danh": "title", "chức vụ": "title",
        "chức danh quy hoạch": "planned_title",
        "đảng viên": "party_member",
        "cấp ủy viên": "party_committee", "đảng ủy viên": "party_committee",
        "huyện": "district", "huyện, thị xã, thành phố": "district",
        "xã": "commune", "xã, phường, thị trấn": "commune",
        "khu vực": "area", "địa bàn": "area",
        "vùng dân tộc thiểu số": "minority_area", "vùng dtts": "minority_area",
        "số năm công tác vùng dtts": "minority_area_years",
        "số năm công tác vùng dân tộc thiểu số": "minority_area_years",
        "trình độ chuyên môn": "education",
        "lý luận chính trị": "political_theory",
        "quản lý nhà nước": "state_management",
        "tin học": "it",
        "ngoại ngữ": "foreign_language",
        "tiếng dân tộc": "ethnic_language",
        "nghiệp vụ đoàn thể": "mass_org_training",
        "cập nhật kiến thức": "leadership_update",
        "năm nghỉ": "leaves_year", "năm thôi công tác": "leaves_year", "năm nghỉ hưu": "leaves_year",
    ]

    /// Filter columns are named as in targets.csv, where the same filters appear.
    static let coursesColumns: [String: String] = filterColumns.merging([
        "mã": "id", "mã lớp": "id", "mã khóa học": "id", "mã khoá học": "id",
        "tên": "name", "tên lớp": "name", "tên khóa học": "name", "tên khoá học": "name",
        "lĩnh vực": "family",
        "cấp": "grants", "trình độ đạt được": "grants",
        "yêu cầu": "requires", "trình độ yêu cầu": "requires",
        "số năm": "years",
        "số ngày": "days", "số ngày học": "days",
        "kinh phí": "cost", "chi phí": "cost", "học phí": "cost",
        "chỉ tiêu": "seats", "số chỗ": "seats",
        "cơ sở đào tạo": "provider", "đơn vị đào tạo": "provider",
        "chỉ đảng viên": "party_member_only",
    ]) { _, own in own }

    static let targetsColumns: [String: String] = filterColumns.merging([
        "mã": "id", "mã chỉ tiêu": "id", "số hiệu": "id",
        "thời hạn": "deadline", "hạn": "deadline", "năm đạt": "deadline",
        "chỉ cấp ủy viên": "party_committee_only",
        "chỉ diện quy hoạch": "planned_title_only", "chỉ người trong quy hoạch": "planned_title_only",
        "số năm công tác vùng dtts tối thiểu": "min_minority_area_years",
        "điều kiện": "requirement", "yêu cầu": "requirement",
        "tỷ lệ": "share", "tỉ lệ": "share",
        "loại": "kind", "tính chất": "kind",
        "trọng số": "weight",
        "nhãn": "label_vi", "nội dung": "label_vi", "tên chỉ tiêu": "label_vi",
        "nhãn tiếng anh": "label_en", "tên tiếng anh": "label_en",
    ]) { _, own in own }

    /// locks.csv. `mã` alone is not taken: in this file it could mean the official or the course.
    static let locksColumns: [String: String] = [
        "loại": "action", "thao tác": "action", "hành động": "action",
        "mã cán bộ": "official_id", "mã số cán bộ": "official_id",
        "mã lớp": "course_id", "mã khóa học": "course_id", "mã khoá học": "course_id",
        "năm": "year",
        "huyện": "district", "huyện, thị xã, thành phố": "district",
        "số người tối đa": "max_trainees", "số học viên tối đa": "max_trainees", "tối đa": "max_trainees",
        "ghi chú": "note",
    ]

    /// actuals.csv: its own columns, and those of officials.csv for the officials that join (`id` excepted:
    /// a newcomer's id is `official_id`, so the aliases of `id` name `official_id` here).
    static let actualsColumns: [String: String] = officialsColumns.filter { $0.value != "id" }.merging([
        "sự kiện": "event", "loại": "event", "diễn biến": "event", "biến động": "event",
        "mã cán bộ": "official_id", "mã số cán bộ": "official_id", "mã số": "official_id",
        "mã lớp": "course_id", "mã khóa học": "course_id", "mã khoá học": "course_id",
        "năm": "year",
        "cột": "field", "mục thay đổi": "field", "nội dung thay đổi": "field",
        "giá trị": "value", "giá trị mới": "value",
        "ghi chú": "note",
    ]) { _, own in own }

    /// reorganisation.csv: the headers a provincial decision's annex is likely to be copied under.
    static let reorganisationColumns: [String: String] = [
        "xa_cu": "old_commune", "xã cũ": "old_commune", "xã, phường, thị trấn cũ": "old_commune",
        "don_vi_cu": "old_unit", "đơn vị cũ": "old_unit", "huyện cũ": "old_unit",
        "xa_moi": "new_commune", "xã mới": "new_commune", "xã, phường mới": "new_commune",
        "don_vi_moi": "new_unit", "đơn vị mới": "new_unit",
        "khu_vuc_moi": "new_area", "khu vực mới": "new_area", "địa bàn mới": "new_area",
        "vung_dtts_moi": "new_minority_area", "vùng dtts mới": "new_minority_area",
        "vùng dân tộc thiểu số mới": "new_minority_area",
        "ghi chú": "note",
    ]

    private static let filterColumns: [String: String] = [
        "đối tượng": "categories",
        "khu vực": "areas", "địa bàn": "areas",
        "tuổi tối đa": "max_age",
        "chỉ người kinh": "kinh_only", "chỉ dân tộc kinh": "kinh_only",
        "chỉ vùng dtts": "minority_area_only", "chỉ vùng dân tộc thiểu số": "minority_area_only",
    ]

    // MARK: Values

    static let yesNo: [String: String] = ["có": "yes", "x": "yes", "không": "no"]

    static let gender: [String: String] = ["nam": "male", "nữ": "female"]

    static let category: [String: String] = [
        "cán bộ chủ chốt": "key_cadre", "cán bộ đoàn thể": "mass_org_cadre",
        "công chức": "civil_servant", "không chuyên trách": "part_time",
    ]

    static let area: [String: String] = [
        "phường": "ward", "thị trấn": "town", "đồng bằng": "plains", "miền núi": "mountain", "hải đảo": "island",
    ]

    static let targetKind: [String: String] = ["bắt buộc": "required", "phấn đấu": "strive"]

    /// locks.csv `action`.
    static let lockAction: [String: String] = [
        "ghim": "pin", "cố định": "pin", "chốt": "pin",
        "cấm": "forbid", "không cử": "forbid", "không cử học": "forbid", "loại trừ": "forbid",
        "giới hạn": "cap", "trần": "cap", "hạn mức": "cap",
    ]

    /// actuals.csv `event`.
    static let actualEvent: [String: String] = [
        "hoàn thành": "completed", "đã hoàn thành": "completed", "đã học xong": "completed",
        "đang học": "running",
        "bỏ học": "dropped", "thôi học": "dropped",
        "nghỉ": "left", "thôi việc": "left", "nghỉ hưu": "left", "chuyển đi": "left",
        "mới": "joined", "tuyển mới": "joined", "mới tuyển": "joined", "chuyển đến": "joined",
        "thay đổi": "changed", "điều chỉnh": "changed",
    ]

    /// courses.csv `family`: the officials' column headers of each family name it too.
    static let family: [String: String] = Dictionary(
        uniqueKeysWithValues: Family.allCases.map { family in
            officialsColumns.filter { $0.value == family.officialsColumn }.map { ($0.key, family.rawValue) }
        }.joined())

    /// Level names of each family. `không` is each family's lowest level.
    static let levels: [Family: [String: String]] = [
        .education: [
            "không": "none", "sơ cấp": "elementary", "trung cấp": "intermediate", "cao đẳng": "college",
            "đại học": "university", "sau đại học": "postgraduate", "thạc sĩ": "postgraduate", "tiến sĩ": "postgraduate",
        ],
        .politicalTheory: [
            "không": "none", "sơ cấp": "elementary", "trung cấp": "intermediate", "cao cấp": "advanced",
            "cử nhân": "advanced",
        ],
        .stateManagement: [
            "không": "none", "chuyên viên": "specialist", "chuyên viên chính": "principal",
            "chuyên viên cao cấp": "senior",
        ],
        .it: ["không": "none", "cơ bản": "basic", "nâng cao": "advanced"],
        // The national six-level frame: bậc 1–6, matching CEFR A1–C2.
        .foreignLanguage: [
            "không": "0", "bậc 1": "1", "bậc 2": "2", "bậc 3": "3", "bậc 4": "4", "bậc 5": "5", "bậc 6": "6",
            "a1": "1", "a2": "2", "b1": "3", "b2": "4", "c1": "5", "c2": "6",
        ],
        .ethnicLanguage: ["không": "none", "đã học": "studied", "thành thạo": "fluent"],
        .massOrg: yesNo,
        .leadershipUpdate: yesNo,
    ]
}

/// A closed list of values that Vietnamese spreadsheets may name with their own words.
protocol VietnameseAliased: RawRepresentable, CaseIterable where RawValue == String {
    static var aliases: [String: String] { get }
}

extension VietnameseAliased {
    /// The value `text` names, in English or Vietnamese, regardless of letter case.
    static func named(_ text: String) -> Self? {
        if let value = Self(rawValue: text) { return value }
        let key = Aliases.key(text)
        return Self(rawValue: key) ?? aliases[key].flatMap(Self.init(rawValue:))
    }
}

extension Gender: VietnameseAliased { static var aliases: [String: String] { Aliases.gender } }
extension CadreDomain.Category: VietnameseAliased { static var aliases: [String: String] { Aliases.category } }
extension Area: VietnameseAliased { static var aliases: [String: String] { Aliases.area } }
extension TargetKind: VietnameseAliased { static var aliases: [String: String] { Aliases.targetKind } }
extension Family: VietnameseAliased { static var aliases: [String: String] { Aliases.family } }
extension ActualEvent.Kind: VietnameseAliased { static var aliases: [String: String] { Aliases.actualEvent } }

extension Family {
    /// The level `text` names, in English or Vietnamese, regardless of letter case.
    func level(spelled text: String) -> Int? {
        if let level = level(named: text) { return level }
        let key = Aliases.key(text)
        return level(named: key) ?? Aliases.levels[self]?[key].flatMap { level(named: $0) }
    }
}
