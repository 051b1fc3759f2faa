import CadreDomain

/// One post of a commune's establishment.
struct Post: Sendable, Hashable {
    var title: String
    var category: Category
}

/// Commune titles [V] and the order in which a commune with fewer staff than its quota fills them [E].
enum CommunePosts {
    static let partySecretary = "Bí thư Đảng ủy"
    static let deputyPartySecretary = "Phó Bí thư Đảng ủy"
    static let councilChair = "Chủ tịch HĐND"
    static let councilViceChair = "Phó Chủ tịch HĐND"
    static let committeeChair = "Chủ tịch UBND"
    static let committeeViceChair = "Phó Chủ tịch UBND"

    static let frontChair = "Chủ tịch UBMTTQ"
    static let youthSecretary = "Bí thư Đoàn TNCS Hồ Chí Minh"
    static let womenChair = "Chủ tịch Hội LHPN"
    static let farmersChair = "Chủ tịch Hội Nông dân"
    static let veteransChair = "Chủ tịch Hội CCB"

    static let police = "Trưởng Công an"
    static let military = "Chỉ huy trưởng Quân sự"
    static let office = "Văn phòng – thống kê"
    static let land = "Địa chính – xây dựng – môi trường"
    static let finance = "Tài chính – kế toán"
    static let justice = "Tư pháp – hộ tịch"
    static let culture = "Văn hóa – xã hội"

    static let keyTitles = [
        partySecretary, deputyPartySecretary, councilChair, councilViceChair, committeeChair, committeeViceChair,
    ]

    /// Cadres and civil servants, most essential first; a commune of k staff holds the first k.
    /// Wards have no Farmers' Association [E]; a second finance officer takes its place.
    static func cadrePosts(for kind: CommuneKind) -> [Post] {
        let key = keyTitles.map { Post(title: $0, category: .keyCadre) }
        let massOrgs = (kind == .ward
            ? [frontChair, womenChair, youthSecretary, veteransChair]
            : [frontChair, womenChair, youthSecretary, veteransChair, farmersChair])
            .map { Post(title: $0, category: .massOrgCadre) }
        let civil = [police, military, office, land, finance, justice, culture]
            .map { Post(title: $0, category: .civilServant) }
        // Titles that take a second holder when the quota allows.
        let seconds = [Post(title: committeeViceChair, category: .keyCadre)]
            + (kind == .ward ? [office, land, justice, culture, finance] : [office, land, justice, culture])
            .map { Post(title: $0, category: .civilServant) }
        return key + massOrgs + civil + seconds
    }

    /// Part-time posts [E], most common first; 14 = the largest part-time quota.
    static func partTimePosts(for kind: CommuneKind) -> [Post] {
        let titles = kind == .ward
            ? ["Văn phòng Đảng ủy", "Phó Chỉ huy trưởng Quân sự", "Phó Chủ tịch UBMTTQ", "Phó Bí thư Đoàn",
               "Phó Chủ tịch Hội LHPN", "Phó Chủ tịch Hội CCB", "Chủ tịch Hội Khuyến học", "Chủ tịch Hội Người cao tuổi",
               "Chủ tịch Hội Chữ thập đỏ", "Thủ quỹ – văn thư – lưu trữ", "Phụ trách Đài truyền thanh",
               "Quản lý Nhà văn hóa", "Tổ chức – kiểm tra Đảng", "Tuyên giáo Đảng ủy"]
            : ["Văn phòng Đảng ủy", "Phó Chỉ huy trưởng Quân sự", "Phó Chủ tịch UBMTTQ", "Phó Bí thư Đoàn",
               "Phó Chủ tịch Hội LHPN", "Phó Chủ tịch Hội CCB", "Phó Chủ tịch Hội Nông dân",
               "Chủ tịch Hội Người cao tuổi", "Chủ tịch Hội Chữ thập đỏ", "Thủ quỹ – văn thư – lưu trữ",
               "Phụ trách Đài truyền thanh", "Quản lý Nhà văn hóa", "Nhân viên thú y", "Nhân viên khuyến nông"]
        return titles.map { Post(title: $0, category: .partTime) }
    }

    /// The posts of a commune of the two-level government (from 1 July 2025) [E: its establishment was not
    /// retrieved]: the key and mass-organisation titles the resolution's cohorts name, then the civil servants
    /// of the larger merged commune — several holders to a post, the Party office and the public service
    /// centre added, no commune police chief (the police are no longer commune civil servants [E]).
    /// Most essential first; a commune of k staff holds the first k, and no commune has more than 48.
    static func mergedCommunePosts(for kind: CommuneKind) -> [Post] {
        let key = [partySecretary, deputyPartySecretary, councilChair, councilViceChair, committeeChair,
                   committeeViceChair, committeeViceChair, deputyPartySecretary]
            .map { Post(title: $0, category: .keyCadre) }
        let massOrgs = (kind == .ward
            ? [frontChair, womenChair, youthSecretary, veteransChair]
            : [frontChair, womenChair, youthSecretary, veteransChair, farmersChair])
            .map { Post(title: $0, category: .massOrgCadre) }
        let economy = kind == .ward ? "Kinh tế – hạ tầng – đô thị" : "Kinh tế"
        let partyOffice = "Văn phòng Đảng ủy"
        let serviceCentre = "Trung tâm phục vụ hành chính công"
        let round = [office, economy, culture, finance, land, justice, partyOffice, serviceCentre]
        let civil = [military] + round + round + round + [office, economy, culture, serviceCentre, land, finance]
            + round + [economy, culture]
        return key + massOrgs + civil.map { Post(title: $0, category: .civilServant) }
    }
}
