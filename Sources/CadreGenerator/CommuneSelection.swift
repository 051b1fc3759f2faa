import CadreDomain

extension ProvinceGenerator {
    /// The districts and the first `communeCount` communes of the 2022 map, repeated as often as needed, with
    /// commune types; more communes are taken while their quotas cannot hold the staff.
    static func layout(communeCount: Int, cadres: Int, partTime: Int, seed: UInt64) -> ([District], [Commune]) {
        var count = communeCount
        while true {
            var random = SeededRandom(seed: seed ^ 0x5157_4E47_4149_2022)
            let (districts, communes) = sample(communeCount: count, random: &random)
            let typed = assignTypes(communes, random: &random)
            if typed.map(\.cadreQuota).reduce(0, +) >= cadres && typed.map(\.partTimeQuota).reduce(0, +) >= partTime {
                return (districts, typed)
            }
            count += 1
        }
    }

    /// Proportional stratified sampling: the i-th of a district's n communes (in seeded random order) ranks at
    /// (i + ½) / n, so any prefix of the ranking spreads over the districts as the province does.
    static func sample(communeCount: Int, random: inout SeededRandom) -> ([District], [Commune]) {
        let rows = QuangNgai2022.districts
        let perCopy = rows.map { $0.wards.count + $0.towns.count + $0.communes.count }.reduce(0, +)
        let copies = max(1, (communeCount + perCopy - 1) / perCopy)
        var districts: [District] = []
        var chosen: [[Commune]] = []
        for copy in 1...copies {
            var ranked: [(rank: Double, district: Int, commune: Commune)] = []
            for (d, row) in rows.enumerated() {
                let name = copy == 1 ? row.name : "\(row.name) \(copy)"
                districts.append(District(name: name, kind: row.kind))
                var units = communes(of: row, districtName: name)
                random.shuffle(&units)
                for (i, unit) in units.enumerated() {
                    ranked.append(((Double(i) + 0.5) / Double(units.count), d, unit))
                }
            }
            ranked.sort { ($0.rank, $0.district) < ($1.rank, $1.district) }
            let take = max(0, min(perCopy, communeCount - (copy - 1) * perCopy))
            chosen.append(ranked.prefix(take).map(\.commune))
        }
        // Output order: district by district as the map lists them, copy after copy.
        let order = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1.name, $0) })
        var communes: [Commune] = []
        for copy in chosen {
            let listed = copy.sorted { lhs, rhs in
                let (l, r) = (order[lhs.district]!, order[rhs.district]!)
                if l != r { return l < r }
                return (lhs.kind.rank, lhs.name) < (rhs.kind.rank, rhs.name)
            }
            communes += listed
        }
        return (districts, communes)
    }

    static func communes(of row: QuangNgai2022.DistrictRow, districtName: String) -> [Commune] {
        let mountain = row.kind == .mountain
        func unit(_ name: String, _ kind: CommuneKind) -> Commune {
            var people = mountain ? row.people : row.minorityCommunes[name]
            if mountain && kind != .commune { people?.share = QuangNgai2022.townMinorityShare }
            let area: Area = switch kind {
            case .ward: .ward
            case .town: .town
            case .commune, .specialZone: mountain ? .mountain : .plains
            }
            return Commune(
                name: "\(kind.prefix) \(name)", district: districtName, kind: kind, area: area, type: 3,
                minorityArea: people != nil, people: people, inMountainDistrict: mountain)
        }
        return row.wards.map { unit($0, .ward) } + row.towns.map { unit($0, .town) } + row.communes.map { unit($0, .commune) }
    }

    static func assignTypes(_ communes: [Commune], random: inout SeededRandom) -> [Commune] {
        var typed = communes
        for group in CommuneGroup.allCases {
            let shares = group.typeShares
            var members = typed.indices.filter { typed[$0].group == group }
            random.shuffle(&members)
            var start = 0
            for (t, share) in shares.enumerated() {
                let end = t == shares.count - 1 ? members.count : min(members.count, start + Int((share * Double(members.count)).rounded()))
                for i in members[start..<end] { typed[i].type = t + 1 }
                start = end
            }
        }
        return typed
    }
}

extension CommuneKind {
    var prefix: String {
        switch self {
        case .ward: "Phường"
        case .town: "Thị trấn"
        case .commune: "Xã"
        case .specialZone: "Đặc khu"
        }
    }

    var rank: Int {
        switch self {
        case .ward: 0
        case .town: 1
        case .commune: 2
        case .specialZone: 3
        }
    }
}

enum CommuneGroup: CaseIterable {
    case mountainCommune, mountainTown, ward, lowlandTown, plainsCommune

    /// Shares of commune types 1 / 2 / 3 [E]: mountain and urban units rank higher.
    var typeShares: [Double] {
        switch self {
        case .mountainCommune: [0.7, 0.3, 0]
        case .mountainTown: [1, 0, 0]
        case .ward: [0.5, 0.5, 0]
        case .lowlandTown: [0.6, 0.4, 0]
        case .plainsCommune: [0.2, 0.5, 0.3]
        }
    }
}

extension Commune {
    var group: CommuneGroup {
        switch kind {
        case .ward: .ward
        case .town: inMountainDistrict ? .mountainTown : .lowlandTown
        case .commune, .specialZone: inMountainDistrict ? .mountainCommune : .plainsCommune
        }
    }
}
