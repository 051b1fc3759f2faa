import CadreDomain

/// The category of a commune title, for lists that give the title and not the category.
///
/// The rules follow the resolution and Decree 33/2023/NĐ-CP's lists of commune posts: key cadres are Bí thư and
/// Phó Bí thư Đảng ủy, Chủ tịch and Phó Chủ tịch of HĐND and of UBND; socio-political organisation cadres the
/// heads (not the deputies) of UBMTTQ, Đoàn, Hội LHPN, Hội Nông dân and Hội CCB; civil servants Trưởng Công an,
/// Chỉ huy trưởng Quân sự, Văn phòng - thống kê, Địa chính - xây dựng (- đô thị - môi trường, - nông
/// nghiệp), Tài chính - kế toán, Tư pháp - hộ tịch and Văn hóa - xã hội. A title is part-time only when it is
/// one of the part-time posts provinces set under that decree (the deputies above, Văn phòng Đảng ủy, the
/// smaller associations, the treasury, radio, cultural house and veterinary posts, …); any other title is not
/// guessed, and the scenario's `titles:` gives its category.
///
/// Titles are compared word by word in one spelling, with the usual abbreviations spelt out, so that
/// `Phó CT UBND xã`, `Phó Chủ tịch Ủy ban nhân dân` and `Phó Chủ tịch UBND` are one title.
enum TitleCategories {
    /// The category of `title`: the scenario's own table first (`titles:`), then the rules; nil when neither
    /// knows it.
    static func category(ofTitle title: String, overrides: [String: CadreDomain.Category]) -> CadreDomain.Category? {
        if let given = overrides[key(title)] { return given }
        return rules(Words(title))
    }

    /// Whether the title sits on the commune Party committee by its nature (its secretary and deputies).
    static func isOnPartyCommittee(_ title: String) -> Bool {
        let words = Words(title)
        return words.has("bí thư") && words.has("đảng ủy") && !words.has("đoàn") && !words.has("chi bộ")
    }

    /// The form in which `titles:` keys and titles are matched.
    static func key(_ title: String) -> String { Spelling.unified(Aliases.key(title)) }

    private static func rules(_ t: Words) -> CadreDomain.Category? {
        let vice = t.startsWith("phó")
        if isOnPartyCommittee(t.text) { return .keyCadre }
        if t.has("chủ tịch") && (t.has("hội đồng nhân dân") || t.has("ủy ban nhân dân")) { return .keyCadre }

        let massOrganisation = t.has("mặt trận tổ quốc") || t.has("đoàn thanh niên") || t.has("bí thư đoàn")
            || t.has("hội liên hiệp phụ nữ") || t.has("hội phụ nữ") || t.has("hội nông dân") || t.has("hội cựu chiến binh")
        if massOrganisation { return vice ? .partTime : .massOrgCadre }

        if t.has("văn phòng đảng ủy") || t.has("nhà văn hóa") || t.has("công an viên") { return .partTime }
        if t.has("công an") && t.has("trưởng") { return vice ? .partTime : .civilServant }
        if t.has("chỉ huy trưởng") && t.has("quân sự") { return vice ? .partTime : .civilServant }
        if !vice && (t.has("văn phòng") || t.has("địa chính") || t.has("tài chính") || t.has("tư pháp") || t.has("văn hóa")) {
            return .civilServant
        }
        if partTimePosts.contains(where: t.has) || (vice && t.has("hội")) { return .partTime }
        return nil
    }

    private static let partTimePosts = [
        "hội người cao tuổi", "hội chữ thập đỏ", "hội khuyến học", "hội cựu thanh niên xung phong", "hội làm vườn",
        "thủ quỹ", "văn thư", "lưu trữ", "truyền thanh", "thú y", "khuyến nông", "lao động thương binh",
        "ban tổ chức", "ủy ban kiểm tra", "tổ chức kiểm tra", "tuyên giáo", "dân vận", "dân số", "kế hoạch giao thông",
    ]

    /// A title's words in one spelling, abbreviations spelt out, for matching whole words and phrases.
    private struct Words {
        /// Space-separated, with a space at each end, so that `has(" hội ")` cannot match inside `hội đồng`.
        let padded: String
        let text: String

        init(_ title: String) {
            text = title
            let words = Spelling.words(TitleCategories.key(title)).flatMap { Self.spelledOut[$0] ?? [$0] }
            padded = " " + words.joined(separator: " ") + " "
        }

        func has(_ phrase: String) -> Bool {
            // `hội` alone must not be found in `hội đồng nhân dân`.
            if phrase == "hội" { return padded.replacingOccurrences(of: " hội đồng ", with: " ").contains(" hội ") }
            return padded.contains(" " + Spelling.unified(phrase) + " ")
        }

        func startsWith(_ word: String) -> Bool { padded.hasPrefix(" " + word + " ") }

        private static let spelledOut: [String: [String]] = {
            let table: [String: String] = [
                "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "đu": "đảng ủy", "đủy": "đảng ủy",
                "ubmttq": "mặt trận tổ quốc", "mttq": "mặt trận tổ quốc", "mttqvn": "mặt trận tổ quốc",
                "lhpn": "liên hiệp phụ nữ", "hlhpn": "hội liên hiệp phụ nữ", "hpn": "hội phụ nữ",
                "hnd": "hội nông dân", "ccb": "cựu chiến binh", "hccb": "hội cựu chiến binh",
                "tn": "thanh niên", "tncs": "thanh niên cộng sản", "đtn": "đoàn thanh niên",
                "ct": "chủ tịch", "pct": "phó chủ tịch", "bt": "bí thư", "pbt": "phó bí thư",
                "chtqs": "chỉ huy trưởng quân sự", "chtbchqs": "chỉ huy trưởng quân sự", "qs": "quân sự",
                "bchqs": "ban chỉ huy quân sự", "vp": "văn phòng", "tk": "thống kê", "lđtbxh": "lao động thương binh xã hội",
            ]
            return table.mapValues { Spelling.words(Spelling.unified($0)) }
        }()
    }
}
