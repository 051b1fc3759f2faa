import CadreDomain

/// Draws the officials of the chosen communes. Every share and range below is an estimate [E] picked so the
/// province looks like the resolution describes it: most key cadres already near the 2025 standards, civil
/// servants in mountain communes and part-time workers far from them.
struct OfficialsDrafter {
    var random: SeededRandom
    var baseYear = ProvinceGenerator.baseYear
    var horizon = ProvinceGenerator.horizon
    var idPrefix = "QN-"
    /// Cadre and civil-servant posts of a commune, most essential first: the 2022 establishment by default.
    var cadrePosts: (Commune) -> [Post] = { CommunePosts.cadrePosts(for: $0.kind) }

    private struct Slot {
        var commune: Int
        var post: Post
    }

    mutating func draft(
        communes: [Commune], cadreCounts: [Int], partTimeCounts: [Int], women: Int, under30: Int
    ) -> [Official] {
        var slots: [Slot] = []
        for (c, commune) in communes.enumerated() {
            let posts = cadrePosts(commune).prefix(cadreCounts[c])
                + CommunePosts.partTimePosts(for: commune.kind).prefix(partTimeCounts[c])
            slots += posts.map { Slot(commune: c, post: $0) }
        }
        let cadreSlots = slots.indices.filter { slots[$0].post.category != .partTime }

        // The resolution's counts hold exactly: every Women's Union chair is a woman, the other women and the
        // under-30s fall on the titles where they are common.
        let womenChairs = cadreSlots.filter { slots[$0].post.title == CommunePosts.womenChair }
        var isWoman = Set(womenChairs)
        isWoman.formUnion(pick(
            women - womenChairs.count, from: cadreSlots.filter { !isWoman.contains($0) },
            weight: { Self.womanWeight(slots[$0].post.title) }))
        let isYoung = Set(pick(under30, from: cadreSlots, weight: { Self.youngWeight(slots[$0].post.title) }))

        let idWidth = max(5, String(slots.count).count)
        var officials: [Official] = []
        officials.reserveCapacity(slots.count)
        for (index, slot) in slots.enumerated() {
            let commune = communes[slot.commune]
            let post = slot.post
            let gender: Gender = post.category == .partTime
                ? (random.chance(Self.partTimeWomanShare(post.title)) ? .female : .male)
                : (isWoman.contains(index) ? .female : .male)
            let age = drawAge(post: post, gender: gender, young: post.category == .partTime ? nil : isYoung.contains(index))
            let minority = commune.people.map { random.chance($0.share) } ?? false
            let people = minority ? commune.people : nil
            var official = Official(
                id: idPrefix + String(repeating: "0", count: idWidth - String(index + 1).count) + String(index + 1),
                fullName: PersonNames.make(gender: gender, people: people, random: &random), gender: gender,
                birthYear: baseYear - age, ethnicity: people?.ethnicity ?? "Kinh", category: post.category,
                title: post.title, district: commune.district, commune: commune.name, area: commune.area,
                minorityArea: commune.minorityArea)
            official.minorityAreaYears = !commune.minorityArea ? 0
                : minority ? max(1, min(age - 22, 30))
                : random.int(in: 0...max(0, min(age - 22, 25)))
            official.partyMember = random.chance(Self.partyShare(post))
            official.partyCommittee = official.partyMember && random.chance(Self.committeeShare(post))
            if official.partyMember && age <= 50 && random.chance(Self.plannedShare(post)) {
                official.plannedTitle = plannedTitle(for: post)
            }
            official.levels = drawLevels(official, age: age)
            if random.chance(0.03) {
                let leaves = random.int(in: (baseYear + 1)...(horizon - 1))
                if leaves < official.lastServiceYear { official.leavesYear = leaves }
            }
            officials.append(official)
        }
        return officials
    }

    /// `count` of `candidates`, each more likely the heavier it is (ranked by uniform ÷ weight: plain IEEE
    /// arithmetic, the same on every machine).
    private mutating func pick(_ count: Int, from candidates: [Int], weight: (Int) -> Double) -> [Int] {
        guard count > 0 else { return [] }
        var keyed = candidates.map { (key: random.unit() / weight($0), index: $0) }
        keyed.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return keyed.prefix(count).map(\.index)
    }

    static func womanWeight(_ title: String) -> Double {
        switch title {
        case CommunePosts.culture, CommunePosts.finance, CommunePosts.office: 3
        case CommunePosts.justice, CommunePosts.youthSecretary: 2
        case CommunePosts.councilViceChair, CommunePosts.frontChair: 1.2
        case CommunePosts.land: 0.7
        case CommunePosts.farmersChair: 0.4
        case CommunePosts.police, CommunePosts.military, CommunePosts.veteransChair: 0.02
        default: 0.5
        }
    }

    static func youngWeight(_ title: String) -> Double {
        switch title {
        case CommunePosts.youthSecretary: 10
        case CommunePosts.culture, CommunePosts.justice, CommunePosts.office: 1.5
        case CommunePosts.land, CommunePosts.finance, CommunePosts.military: 1
        case CommunePosts.police: 0.3
        case CommunePosts.frontChair, CommunePosts.farmersChair, CommunePosts.veteransChair: 0.02
        default: 0.1
        }
    }

    static func partTimeWomanShare(_ title: String) -> Double {
        if title == "Phó Chủ tịch Hội LHPN" { return 1 }
        if title == "Phó Chủ tịch Hội CCB" || title == "Phó Chỉ huy trưởng Quân sự" { return 0.02 }
        return 0.35
    }

    /// Oldest age in service in the base year under the contract's retirement rule.
    static func oldestInService(_ gender: Gender, baseYear: Int) -> Int {
        var age = 70
        while age > 18 && (baseYear - age) + Official.retirementAgeInWholeYears(gender: gender, birthYear: baseYear - age) < baseYear {
            age -= 1
        }
        return age
    }

    private mutating func drawAge(post: Post, gender: Gender, young: Bool?) -> Int {
        if young == true {
            return random.int(in: (post.title == CommunePosts.youthSecretary ? 25 : 23)...29)
        }
        var (low, high): (Int, Int)
        switch post.title {
        case CommunePosts.partySecretary, CommunePosts.councilChair, CommunePosts.committeeChair, CommunePosts.frontChair:
            (low, high) = (38, 60)
        case CommunePosts.youthSecretary: (low, high) = (30, 35)
        case CommunePosts.veteransChair, "Phó Chủ tịch Hội CCB": (low, high) = (45, 60)
        case "Chủ tịch Hội Người cao tuổi": (low, high) = (50, 60)
        case "Phó Bí thư Đoàn": (low, high) = (20, 32)
        default:
            switch post.category {
            case .keyCadre: (low, high) = (32, 58)
            case .massOrgCadre: (low, high) = (30, 58)
            case .civilServant: (low, high) = (30, 57)
            case .partTime: (low, high) = (20, 60)
            }
        }
        high = min(high, Self.oldestInService(gender, baseYear: baseYear))
        if young == false { low = max(low, 30) }
        if low > high { low = max(young == false ? 30 : 20, high - 5) }
        // Triangular: most officials in mid-career.
        let spread = Double(high - low + 1) * (random.unit() + random.unit()) / 2
        return min(high, low + Int(spread))
    }

    static func partyShare(_ post: Post) -> Double {
        switch post.title {
        case CommunePosts.partySecretary, CommunePosts.deputyPartySecretary, CommunePosts.councilChair,
             CommunePosts.committeeChair, "Văn phòng Đảng ủy", "Tổ chức – kiểm tra Đảng", "Tuyên giáo Đảng ủy":
            return 1
        case CommunePosts.police, CommunePosts.military: return 0.95
        default:
            switch post.category {
            case .keyCadre: return 0.97
            case .massOrgCadre: return 0.9
            case .civilServant: return 0.65
            case .partTime: return 0.4
            }
        }
    }

    static func committeeShare(_ post: Post) -> Double {
        switch post.title {
        case CommunePosts.partySecretary, CommunePosts.deputyPartySecretary, CommunePosts.councilChair,
             CommunePosts.committeeChair:
            return 1
        case CommunePosts.frontChair: return 0.95
        case CommunePosts.police, CommunePosts.military: return 0.8
        case "Văn phòng Đảng ủy": return 0.3
        default:
            switch post.category {
            case .keyCadre: return 0.85
            case .massOrgCadre: return 0.8
            case .civilServant: return 0.12
            case .partTime: return 0.02
            }
        }
    }

    static func plannedShare(_ post: Post) -> Double {
        switch post.title {
        case CommunePosts.partySecretary: return 0
        case CommunePosts.deputyPartySecretary: return 0.35
        case CommunePosts.committeeChair: return 0.2
        case CommunePosts.councilChair: return 0.1
        default:
            switch post.category {
            case .keyCadre: return 0.3
            case .massOrgCadre: return 0.25
            case .civilServant: return 0.12
            case .partTime: return 0
            }
        }
    }

    /// The key title one step up from the post.
    private mutating func plannedTitle(for post: Post) -> String {
        switch post.title {
        case CommunePosts.deputyPartySecretary, CommunePosts.committeeChair, CommunePosts.councilChair:
            return CommunePosts.partySecretary
        case CommunePosts.committeeViceChair: return CommunePosts.committeeChair
        case CommunePosts.councilViceChair: return CommunePosts.councilChair
        default:
            let (titles, weights) = post.category == .massOrgCadre
                ? ([CommunePosts.councilViceChair, CommunePosts.deputyPartySecretary, CommunePosts.committeeViceChair], [5.0, 3, 2])
                : ([CommunePosts.committeeViceChair, CommunePosts.committeeChair, CommunePosts.councilViceChair], [7.0, 1.5, 1.5])
            return titles[random.pick(weights: weights)]
        }
    }

    private mutating func drawLevels(_ official: Official, age: Int) -> Levels {
        let post = Post(title: official.title, category: official.category)
        let mountain = official.area == .mountain
        var levels = Levels()

        // none, elementary, intermediate, college, university, postgraduate
        let education: [Double] = switch (post.category, mountain) {
        case (.keyCadre, false): [0, 0, 6, 2, 88, 4]
        case (.keyCadre, true): [0, 1, 18, 12, 68, 1]
        case (.massOrgCadre, false): [2, 3, 20, 15, 58, 2]
        case (.massOrgCadre, true): [3, 6, 30, 15, 46, 0]
        case (.civilServant, false): [0, 0, 8, 6, 84, 2]
        case (.civilServant, true): [0, 1, 20, 16, 62, 1]
        case (.partTime, false): [20, 10, 35, 12, 23, 0]
        case (.partTime, true): [30, 12, 33, 10, 15, 0]
        }
        levels[.education] = random.pick(weights: education)
        if age < 35 && levels[.education] < 4 && random.chance(0.25) { levels[.education] += 1 }

        // none, elementary, intermediate, advanced
        let politics: [Double] = switch post.title {
        case CommunePosts.partySecretary, CommunePosts.councilChair, CommunePosts.committeeChair: [0, 3, 87, 10]
        case CommunePosts.youthSecretary: [8, 62, 30, 0]
        case CommunePosts.police, CommunePosts.military: [3, 40, 57, 0]
        case "Văn phòng Đảng ủy": [10, 50, 40, 0]
        default:
            switch post.category {
            case .keyCadre: [2, 10, 84, 4]
            case .massOrgCadre: [3, 42, 55, 0]
            case .civilServant: [15, 55, 30, 0]
            case .partTime: [55, 40, 5, 0]
            }
        }
        levels[.politicalTheory] = random.pick(weights: politics)
        // Intermediate political theory is taught to Party members; committee members mostly have it.
        if !official.partyMember { levels[.politicalTheory] = min(levels[.politicalTheory], 1) }
        if official.partyCommittee && levels[.politicalTheory] < 2 && random.chance(0.4) { levels[.politicalTheory] = 2 }

        let stateManagement: [Double] = switch post.category {
        case .keyCadre: [30, 62, 8, 0]
        case .massOrgCadre: [45, 53, 2, 0]
        case .civilServant: [38, 60, 2, 0]
        case .partTime: [80, 20, 0, 0]
        }
        levels[.stateManagement] = random.pick(weights: stateManagement)

        let it: [Double] = switch post.category {
        case .keyCadre: [18, 75, 7]
        case .massOrgCadre: [25, 70, 5]
        case .civilServant: [8, 80, 12]
        case .partTime: [40, 55, 5]
        }
        levels[.it] = random.pick(weights: it)

        let language: [Double] = switch levels[.education] {
        case 4...: [30, 25, 30, 12, 3, 0, 0]
        case 3: [45, 30, 20, 5, 0, 0, 0]
        default: [80, 15, 5, 0, 0, 0, 0]
        }
        levels[.foreignLanguage] = random.pick(weights: language)
        if age < 40 && levels[.foreignLanguage] < 4 && random.chance(0.3) { levels[.foreignLanguage] += 1 }

        if official.minorityArea {
            // Minority officials speak their language; Kinh colleagues pick it up over the years.
            levels[.ethnicLanguage] = !official.isKinh ? 2
                : random.pick(weights: official.minorityAreaYears >= 10 ? [50, 25, 25] : [75, 20, 5])
        }

        let massOrgTrained: Double = switch post.category {
        case .massOrgCadre: post.title == CommunePosts.youthSecretary ? 0.6 : 0.45
        case .partTime: post.title.hasPrefix("Phó Chủ tịch") || post.title == "Phó Bí thư Đoàn" ? 0.3 : 0
        default: 0
        }
        levels[.massOrg] = random.chance(massOrgTrained) ? 1 : 0
        levels[.leadershipUpdate] = official.hasPlannedTitle && random.chance(0.15) ? 1 : 0
        return levels
    }
}
