import CadreDomain

public enum DistrictKind: String, Sendable, CaseIterable {
    case city, town, lowland, mountain, island
}

/// A district-level unit (thành phố, thị xã, huyện).
public struct District: Sendable, Hashable {
    public var name: String
    public var kind: DistrictKind
}

/// Phường, thị trấn or xã; since 1 July 2025 also the special zone (đặc khu) Lý Sơn.
public enum CommuneKind: String, Sendable, CaseIterable {
    case ward, town, commune, specialZone
}

/// An ethnic minority as it shows among a commune's officials.
struct LocalPeople: Sendable, Hashable {
    var ethnicity: String
    /// Family names with their weights [E].
    var familyNames: [WeightedName]
    /// Share of the commune's officials who belong to it [E].
    var share: Double
    var nameStyle: NameStyle = .familyMiddleGiven
}

/// How the officials of a people write their names [E].
enum NameStyle: Sendable, Hashable {
    /// Family, middle (mostly Văn / Thị), given: Kinh, Hrê, Cor, Ca Dong.
    case familyMiddleGiven
    /// "A" before a man's given name, "Y" before a woman's: Xơ Đăng, Ba Na, Giẻ Triêng of Kon Tum.
    case genderPrefix
    /// Family name and given name, no middle name: Gia Rai (Siu, Ksor, Rơ Châm, …).
    case familyGiven
}

struct WeightedName: Sendable, Hashable {
    var name: String
    var weight: Double
    init(_ name: String, _ weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// A commune-level unit and what its staffing depends on.
public struct Commune: Sendable, Hashable {
    public var name: String
    public var district: String
    public var kind: CommuneKind
    public var area: Area
    /// Loại 1, 2 or 3: sets the 2022 quotas.
    public var type: Int
    public var minorityArea: Bool
    var people: LocalPeople?
    var inMountainDistrict: Bool

    /// Most cadres + civil servants for the commune type (2022).
    public var cadreQuota: Int { Commune.cadreQuotas[type - 1] }
    /// Most part-time workers for the commune type (2022).
    public var partTimeQuota: Int { Commune.partTimeQuotas[type - 1] }

    public static let cadreQuotas = [23, 21, 19]
    public static let partTimeQuotas = [14, 12, 10]
}

/// The district-level units of Quảng Ngãi in 2022 with their commune-level units [V]: the list the
/// generator samples from (smaller N) or repeats (larger N).
enum QuangNgai2022 {
    struct DistrictRow {
        var name: String
        var kind: DistrictKind
        var wards: [String] = []
        var towns: [String] = []
        var communes: [String] = []
        /// Everyone's local minority in a mountain district.
        var people: LocalPeople? = nil
        /// Lowland communes bordering the mountains with a minority population [E].
        var minorityCommunes: [String: LocalPeople] = [:]
    }

    static let hre = LocalPeople(
        ethnicity: "Hrê", familyNames: [WeightedName("Đinh", 85), WeightedName("Phạm", 15)], share: 0.75)
    static let hreBaTo = LocalPeople(
        ethnicity: "Hrê", familyNames: [WeightedName("Phạm", 60), WeightedName("Đinh", 35), WeightedName("Huỳnh", 5)], share: 0.75)
    static let xoDang = LocalPeople(
        ethnicity: "Xơ Đăng", familyNames: [WeightedName("Đinh", 90), WeightedName("Hồ", 10)], share: 0.85)
    static let cor = LocalPeople(
        ethnicity: "Cor", familyNames: [WeightedName("Đinh", 50), WeightedName("Hồ", 50)], share: 0.70)

    /// Minority share in a mountain district's town and in the lowland border communes [E].
    static let townMinorityShare = 0.35
    static let borderMinorityShare = 0.25

    static func border(_ people: LocalPeople) -> LocalPeople {
        var people = people
        people.share = borderMinorityShare
        return people
    }

    static let districts: [DistrictRow] = [
        DistrictRow(
            name: "TP Quảng Ngãi", kind: .city,
            wards: ["Chánh Lộ", "Lê Hồng Phong", "Nghĩa Chánh", "Nghĩa Lộ", "Nguyễn Nghiêm", "Quảng Phú",
                    "Trần Hưng Đạo", "Trần Phú", "Trương Quang Trọng"],
            communes: ["Nghĩa An", "Nghĩa Dõng", "Nghĩa Dũng", "Nghĩa Hà", "Nghĩa Phú", "Tịnh An", "Tịnh Ấn Đông",
                       "Tịnh Ấn Tây", "Tịnh Châu", "Tịnh Hòa", "Tịnh Khê", "Tịnh Kỳ", "Tịnh Long", "Tịnh Thiện"]),
        DistrictRow(
            name: "TX Đức Phổ", kind: .town,
            wards: ["Nguyễn Nghiêm", "Phổ Hòa", "Phổ Minh", "Phổ Ninh", "Phổ Quang", "Phổ Thạnh", "Phổ Văn", "Phổ Vinh"],
            communes: ["Phổ An", "Phổ Châu", "Phổ Cường", "Phổ Khánh", "Phổ Nhơn", "Phổ Phong", "Phổ Thuận"],
            minorityCommunes: ["Phổ Phong": border(hreBaTo)]),
        DistrictRow(
            name: "Bình Sơn", kind: .lowland, towns: ["Châu Ổ"],
            communes: ["Bình An", "Bình Chánh", "Bình Châu", "Bình Chương", "Bình Dương", "Bình Đông", "Bình Hải",
                       "Bình Hiệp", "Bình Hòa", "Bình Khương", "Bình Long", "Bình Minh", "Bình Mỹ", "Bình Nguyên",
                       "Bình Phước", "Bình Tân Phú", "Bình Thanh", "Bình Thạnh", "Bình Thuận", "Bình Trị", "Bình Trung"],
            minorityCommunes: ["Bình An": border(cor)]),
        DistrictRow(
            name: "Sơn Tịnh", kind: .lowland,
            communes: ["Tịnh Bắc", "Tịnh Bình", "Tịnh Đông", "Tịnh Giang", "Tịnh Hà", "Tịnh Hiệp", "Tịnh Minh",
                       "Tịnh Phong", "Tịnh Sơn", "Tịnh Thọ", "Tịnh Trà"]),
        DistrictRow(
            name: "Tư Nghĩa", kind: .lowland, towns: ["La Hà", "Sông Vệ"],
            communes: ["Nghĩa Điền", "Nghĩa Hiệp", "Nghĩa Hòa", "Nghĩa Kỳ", "Nghĩa Lâm", "Nghĩa Mỹ", "Nghĩa Phương",
                       "Nghĩa Sơn", "Nghĩa Thắng", "Nghĩa Thuận", "Nghĩa Thương", "Nghĩa Trung"],
            minorityCommunes: ["Nghĩa Lâm": border(hre), "Nghĩa Sơn": border(hre)]),
        DistrictRow(
            name: "Nghĩa Hành", kind: .lowland, towns: ["Chợ Chùa"],
            communes: ["Hành Dũng", "Hành Đức", "Hành Minh", "Hành Nhân", "Hành Phước", "Hành Thiện", "Hành Thịnh",
                       "Hành Thuận", "Hành Tín Đông", "Hành Tín Tây", "Hành Trung"],
            minorityCommunes: ["Hành Dũng": border(hre), "Hành Tín Đông": border(hre), "Hành Tín Tây": border(hre)]),
        DistrictRow(
            name: "Mộ Đức", kind: .lowland, towns: ["Mộ Đức"],
            communes: ["Đức Chánh", "Đức Hiệp", "Đức Hòa", "Đức Lân", "Đức Lợi", "Đức Minh", "Đức Nhuận", "Đức Phong",
                       "Đức Phú", "Đức Tân", "Đức Thạnh", "Đức Thắng"]),
        DistrictRow(
            name: "Ba Tơ", kind: .mountain, towns: ["Ba Tơ"],
            communes: ["Ba Bích", "Ba Cung", "Ba Dinh", "Ba Điền", "Ba Động", "Ba Giang", "Ba Khâm", "Ba Lế", "Ba Liên",
                       "Ba Nam", "Ba Ngạc", "Ba Thành", "Ba Tiêu", "Ba Tô", "Ba Trang", "Ba Vì", "Ba Vinh", "Ba Xa"],
            people: hreBaTo),
        DistrictRow(
            name: "Minh Long", kind: .mountain,
            communes: ["Long Hiệp", "Long Mai", "Long Môn", "Long Sơn", "Thanh An"], people: hre),
        DistrictRow(
            name: "Sơn Hà", kind: .mountain, towns: ["Di Lăng"],
            communes: ["Sơn Ba", "Sơn Bao", "Sơn Cao", "Sơn Giang", "Sơn Hạ", "Sơn Hải", "Sơn Kỳ", "Sơn Linh",
                       "Sơn Nham", "Sơn Thành", "Sơn Thượng", "Sơn Thủy", "Sơn Trung"],
            people: hre),
        DistrictRow(
            name: "Sơn Tây", kind: .mountain,
            communes: ["Sơn Bua", "Sơn Dung", "Sơn Lập", "Sơn Liên", "Sơn Long", "Sơn Màu", "Sơn Mùa", "Sơn Tân",
                       "Sơn Tinh"],
            people: xoDang),
        DistrictRow(
            name: "Trà Bồng", kind: .mountain, towns: ["Trà Xuân"],
            communes: ["Hương Trà", "Sơn Trà", "Trà Bình", "Trà Bùi", "Trà Giang", "Trà Hiệp", "Trà Lâm", "Trà Phong",
                       "Trà Phú", "Trà Sơn", "Trà Tân", "Trà Tây", "Trà Thanh", "Trà Thủy", "Trà Xinh"],
            people: cor),
        // One-level government since 2020: no commune officials.
        DistrictRow(name: "Lý Sơn", kind: .island),
    ]
}
