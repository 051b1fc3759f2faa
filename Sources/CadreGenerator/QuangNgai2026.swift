import CadreDomain

/// Quảng Ngãi since 1 July 2025: the old province merged with Kon Tum, two levels of government, 96
/// commune-level units — 86 xã, 9 phường and the special zone Lý Sơn [V]. Former Quảng Ngãi: 49 xã,
/// 6 phường and Lý Sơn; former Kon Tum: 37 xã and 3 phường [V].
///
/// The facts file names only Lý Sơn and the five Kon Tum communes that kept their boundaries; every other unit
/// is named by its number and the former district its territory lies in ("Xã số 12 (Ba Tơ cũ)") — a
/// placeholder to replace with the name in Resolution 1677/NQ-UBTVQH15. How many new units lie in each former
/// district, and which people lives where in Kon Tum, are estimates [E].
enum QuangNgai2026 {
    struct FormerDistrict {
        var name: String
        var formerProvince: String
        var terrain: Area
        var wards: Int
        var communes: Int
        /// Units whose real name the facts file gives [V], counted among `communes`.
        var named: [String] = []
        /// The local peoples of its communes, taken in turn [E]; empty: no minority area (bar `borderCommunes`).
        var peoples: [LocalPeople] = []
        /// Plains communes that took in the 2022 border communes with a minority population [E].
        var borderCommunes = 0
    }

    // Kon Tum's peoples [E: the facts file names them; shares and family names were not retrieved].
    static let xoDangKonTum = LocalPeople(
        ethnicity: "Xơ Đăng", familyNames: [], share: 0.6, nameStyle: .genderPrefix)
    static let baNa = LocalPeople(ethnicity: "Ba Na", familyNames: [], share: 0.6, nameStyle: .genderPrefix)
    static let gieTrieng = LocalPeople(ethnicity: "Giẻ Triêng", familyNames: [], share: 0.6, nameStyle: .genderPrefix)
    static let giaRai = LocalPeople(
        ethnicity: "Gia Rai",
        familyNames: [WeightedName("Siu", 30), WeightedName("Ksor", 25), WeightedName("Rơ Châm", 20),
                      WeightedName("Rơ Mah", 15), WeightedName("Kpă", 10)],
        share: 0.5, nameStyle: .familyGiven)
    /// Minority share among the officials of a Kon Tum ward [E].
    static let wardMinorityShare = 0.25

    static let formerDistricts: [FormerDistrict] = [
        FormerDistrict(name: "TP Quảng Ngãi", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 3, communes: 5),
        FormerDistrict(name: "TX Đức Phổ", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 3, communes: 1,
                       peoples: [QuangNgai2022.border(QuangNgai2022.hreBaTo)], borderCommunes: 1),
        FormerDistrict(name: "Bình Sơn", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 0, communes: 7,
                       peoples: [QuangNgai2022.border(QuangNgai2022.cor)], borderCommunes: 1),
        FormerDistrict(name: "Sơn Tịnh", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 0, communes: 3),
        FormerDistrict(name: "Tư Nghĩa", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 0, communes: 4,
                       peoples: [QuangNgai2022.border(QuangNgai2022.hre)], borderCommunes: 1),
        FormerDistrict(name: "Nghĩa Hành", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 0, communes: 4,
                       peoples: [QuangNgai2022.border(QuangNgai2022.hre)], borderCommunes: 2),
        FormerDistrict(name: "Mộ Đức", formerProvince: "Quảng Ngãi", terrain: .plains, wards: 0, communes: 4),
        FormerDistrict(name: "Ba Tơ", formerProvince: "Quảng Ngãi", terrain: .mountain, wards: 0, communes: 7,
                       peoples: [QuangNgai2022.hreBaTo]),
        FormerDistrict(name: "Minh Long", formerProvince: "Quảng Ngãi", terrain: .mountain, wards: 0, communes: 2,
                       peoples: [QuangNgai2022.hre]),
        FormerDistrict(name: "Sơn Hà", formerProvince: "Quảng Ngãi", terrain: .mountain, wards: 0, communes: 5,
                       peoples: [QuangNgai2022.hre]),
        FormerDistrict(name: "Sơn Tây", formerProvince: "Quảng Ngãi", terrain: .mountain, wards: 0, communes: 3,
                       peoples: [QuangNgai2022.xoDang]),
        FormerDistrict(name: "Trà Bồng", formerProvince: "Quảng Ngãi", terrain: .mountain, wards: 0, communes: 4,
                       peoples: [QuangNgai2022.cor]),
        FormerDistrict(name: "TP Kon Tum", formerProvince: "Kon Tum", terrain: .mountain, wards: 3, communes: 3,
                       peoples: [baNa]),
        FormerDistrict(name: "Đăk Hà", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 4,
                       peoples: [xoDangKonTum, baNa]),
        FormerDistrict(name: "Đăk Tô", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 3,
                       peoples: [xoDangKonTum]),
        FormerDistrict(name: "Ngọc Hồi", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 3,
                       peoples: [gieTrieng]),
        FormerDistrict(name: "Đăk Glei", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 5,
                       named: ["Đăk Long"], peoples: [gieTrieng, xoDangKonTum]),
        FormerDistrict(name: "Sa Thầy", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 5,
                       named: ["Mô Rai", "Rờ Kơi"], peoples: [giaRai]),
        FormerDistrict(name: "Kon Rẫy", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 3,
                       peoples: [baNa, xoDangKonTum]),
        // The facts file lists Ba Xa among Kon Tum's unchanged communes without its district: placed here [E].
        FormerDistrict(name: "Kon Plông", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 4,
                       named: ["Ba Xa"], peoples: [xoDangKonTum]),
        FormerDistrict(name: "Tu Mơ Rông", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 4,
                       peoples: [xoDangKonTum]),
        FormerDistrict(name: "Ia H'Drai", formerProvince: "Kon Tum", terrain: .mountain, wards: 0, communes: 3,
                       named: ["Ia Đal"], peoples: [giaRai]),
    ]

    static let specialZone = "Lý Sơn"

    struct Unit {
        var commune: Commune
        /// Where its territory lay before 1 July 2025 (Lý Sơn: itself).
        var formerDistrict: String
        var konTum: Bool

        /// Cadres and civil servants [E: not retrieved]: merged communes keep the staff of the units they
        /// absorbed for a transition, less those who retired or left by 2026.
        var staff: ClosedRange<Int> {
            switch commune.kind {
            case .ward, .town: 34...42
            case .specialZone: 38...42
            case .commune: konTum ? 28...38 : 34...44
            }
        }
    }

    /// The 96 units in the order of the list above, Lý Sơn last; numbered xã and phường where the real name is
    /// not in the facts file. A unit's `district` is the unit itself: with no district level, the school sends
    /// each commune its own lists.
    static let units: [Unit] = {
        var units: [Unit] = []
        var wardNumber = 0
        var communeNumber = 0
        for former in formerDistricts {
            let konTum = former.formerProvince == "Kon Tum"
            func add(_ name: String, _ kind: CommuneKind, _ area: Area, _ people: LocalPeople?) {
                let commune = Commune(
                    name: name, district: name, kind: kind, area: area, type: 1, minorityArea: people != nil,
                    people: people, inMountainDistrict: former.terrain == .mountain)
                units.append(Unit(commune: commune, formerDistrict: former.name, konTum: konTum))
            }
            for _ in 0..<former.wards {
                wardNumber += 1
                var people = former.peoples.first
                people?.share = wardMinorityShare
                add("Phường số \(wardNumber) (\(former.name) cũ)", .ward, .ward, konTum ? people : nil)
            }
            let placeholders = former.communes - former.named.count
            for index in 0..<former.communes {
                let name: String
                if index < placeholders {
                    communeNumber += 1
                    name = "Xã số \(communeNumber < 10 ? "0" : "")\(communeNumber) (\(former.name) cũ)"
                } else {
                    name = "Xã " + former.named[index - placeholders]
                }
                let minority = former.terrain == .mountain || index < former.borderCommunes
                let people = minority && !former.peoples.isEmpty ? former.peoples[index % former.peoples.count] : nil
                add(name, .commune, former.terrain, people)
            }
        }
        let name = "Đặc khu \(specialZone)"
        units.append(Unit(
            commune: Commune(name: name, district: name, kind: .specialZone, area: .island, type: 1, minorityArea: false,
                             people: nil, inMountainDistrict: false),
            formerDistrict: specialZone, konTum: false))
        return units
    }()
}
