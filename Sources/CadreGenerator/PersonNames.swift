import CadreDomain

/// Vietnamese full names: family name, middle name, given name.
enum PersonNames {
    /// Kinh family names in Quảng Ngãi [V] (the rest of the mass spread over common names [E]).
    static let kinhFamilies: [WeightedName] = [
        WeightedName("Nguyễn", 38), WeightedName("Trần", 11), WeightedName("Lê", 9.5), WeightedName("Huỳnh", 5),
        WeightedName("Phạm", 6), WeightedName("Phan", 4.5), WeightedName("Võ", 3.9), WeightedName("Đặng", 2),
        WeightedName("Bùi", 2), WeightedName("Đỗ", 1.4), WeightedName("Hồ", 1.3), WeightedName("Ngô", 1.3),
        WeightedName("Dương", 1), WeightedName("Trương", 1.6), WeightedName("Đinh", 1), WeightedName("Hoàng", 0.9),
        WeightedName("Vũ", 0.8), WeightedName("Lương", 0.8), WeightedName("Đoàn", 0.8), WeightedName("Cao", 0.7),
        WeightedName("Mai", 0.7), WeightedName("Châu", 0.6), WeightedName("Lâm", 0.5), WeightedName("Thái", 0.5),
        WeightedName("Tạ", 0.5), WeightedName("Lưu", 0.4), WeightedName("Tô", 0.4),
    ]
    /// Văn for men and Thị for women [E], with the other common middle names.
    static let maleMiddles: [WeightedName] = [
        WeightedName("Văn", 55), WeightedName("Tấn", 8), WeightedName("Minh", 7), WeightedName("Đình", 6),
        WeightedName("Ngọc", 5), WeightedName("Quang", 5), WeightedName("Hữu", 5), WeightedName("Công", 4),
        WeightedName("Đức", 3), WeightedName("Xuân", 2),
    ]
    static let femaleMiddles: [WeightedName] = [
        WeightedName("Thị", 72), WeightedName("Thu", 6), WeightedName("Ngọc", 6), WeightedName("Thanh", 5),
        WeightedName("Kim", 4), WeightedName("Mỹ", 4), WeightedName("Hồng", 3),
    ]
    static let maleGiven = [
        "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hậu", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Lâm",
        "Lộc", "Long", "Minh", "Nam", "Nghĩa", "Phát", "Phong", "Phúc", "Quang", "Quốc", "Sơn", "Tài", "Tâm", "Thành",
        "Thắng", "Thanh", "Thông", "Tiến", "Tín", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Vũ",
    ]
    static let femaleGiven = [
        "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng", "Hương", "Lan", "Lệ",
        "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngọc", "Nhàn", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
        "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Vân", "Xuân", "Yến",
    ]
    /// Given names kept from the local languages, used by some minority officials [E].
    static let localMaleGiven = ["Bưng", "Đuốc", "Mớt", "Rít", "Trôi", "Lây", "Nhích", "Pho", "Tró", "Gôi"]
    static let localFemaleGiven = ["Bía", "Nhiu", "Thía", "Dyếp", "Bơ", "Nhí", "Xí", "Tơ"]

    /// Given names of the Kon Tum peoples [E].
    static let highlandMaleGiven = ["Blưu", "Kheo", "Pôl", "Thuyên", "Hyên", "Nhoi", "Tăng", "Rin", "Sang", "Hùng", "Đức", "Thiên"]
    static let highlandFemaleGiven = ["Blanh", "Hơ", "Drin", "Nhíp", "Phương", "Hằng", "Ngoan", "Hlen", "Bé", "Ly"]

    static func make(gender: Gender, people: LocalPeople?, random: inout SeededRandom) -> String {
        switch people?.nameStyle {
        case .genderPrefix?:
            return (gender == .male ? "A " : "Y ")
                + random.element(of: gender == .male ? highlandMaleGiven : highlandFemaleGiven)
        case .familyGiven?:
            let families = people!.familyNames
            let family = families[random.pick(weights: families.map(\.weight))].name
            return family + " " + random.element(of: gender == .male ? highlandMaleGiven : highlandFemaleGiven)
        case .familyMiddleGiven?, nil:
            break
        }
        let families = people?.familyNames ?? kinhFamilies
        let family = families[random.pick(weights: families.map(\.weight))].name
        let middles = gender == .male ? maleMiddles : femaleMiddles
        // Minority officials use Văn / Thị almost always [E].
        let middle = people != nil && random.chance(0.9)
            ? (gender == .male ? "Văn" : "Thị")
            : middles[random.pick(weights: middles.map(\.weight))].name
        let given: String
        if people != nil && random.chance(0.35) {
            given = random.element(of: gender == .male ? localMaleGiven : localFemaleGiven)
        } else {
            given = random.element(of: gender == .male ? maleGiven : femaleGiven)
        }
        return "\(family) \(middle) \(given)"
    }
}
