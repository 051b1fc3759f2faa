import CadreDomain

/// The 2026 sample: the merged province at 1 January 2026, after four years of training under the 2022
/// resolution. 1 January 2026 rather than 2027: the levels then are the 2022 sample's province after 2022–2025,
/// the years the resolution's 2025 deadlines covered, and a school that plans in 2026 records 2026 as actuals
/// and re-plans from 2027 as every year.
extension ProvinceGenerator {
    public static let baseYear2026 = 2026
    /// About 37 cadres and civil servants per new unit [E]; at this N the sample has all 96 units.
    static let referenceOfficials2026 = 3_600
    /// Of an official short of a target in 2025, the chance that 2022–2025 brought them to it [E]: most 2025
    /// targets nearly met, the 2030 ones started.
    static let trainedBy2025Share = 0.75
    static let trainedTowards2030Share = 0.3

    func generate2026() -> GeneratedProvince {
        var random = SeededRandom(seed: seed)
        let layoutRandom = SeededRandom(seed: seed ^ 0x5157_4E47_4149_2026)
        var count = max(1, Self.scaled(officials, QuangNgai2026.units.count, per: Self.referenceOfficials2026))
        var units = Self.units2026(count: count, random: layoutRandom)
        while units.map(\.staff.upperBound).reduce(0, +) < officials {
            count += 1
            units = Self.units2026(count: count, random: layoutRandom)
        }
        var staffRandom = random.fork()
        let staff = Self.apportion(
            officials, caps: units.map(\.staff.upperBound), random: &staffRandom, vacancies: 0...8)
        var drafter = OfficialsDrafter(
            random: random.fork(), baseYear: Self.baseYear2026, horizon: Self.horizon,
            cadrePosts: { CommunePosts.mergedCommunePosts(for: $0.kind) })
        let communes = units.map(\.commune)
        var roster = drafter.draft(
            communes: communes, cadreCounts: staff, partTimeCounts: communes.map { _ in 0 },
            women: Self.scaled(officials, Self.referenceWomen, per: Self.referenceCadres),
            under30: Self.scaled(officials, Self.referenceUnder30, per: Self.referenceCadres))

        // Part-time commune posts were largely discontinued in 2025 [E]: their targets have no one to count.
        let targets = ResolutionTargets.all.filter { $0.categories != [.partTime] }
        var progressRandom = random.fork()
        Self.trainSince2022(&roster, targets: targets, random: &progressRandom)

        let courses = CourseCatalogue.courses(
            seatScale: Double(max(officials, 1)) / Double(Self.referenceOfficials), mergedProvince: true)
        let onTime = OnTimeCost.estimate(officials: roster, courses: courses, targets: targets, baseYear: Self.baseYear2026)
        // The 2025 deadlines are past: what they still need is spread over 2026–2030 with the 2030 targets'.
        let perYear = Self.budgetShare * onTime.values.reduce(0, +) / Double(Self.horizon - Self.baseYear2026 + 1)
        let budget = Dictionary(uniqueKeysWithValues: (Self.baseYear2026...Self.horizon).map { ($0, (perYear / 1e7).rounded() * 1e7) })
        let scenario = Scenario(
            name: name, baseYear: Self.baseYear2026, horizon: Self.horizon, officials: roster, courses: courses,
            targets: targets, budget: budget, carryOver: false, maxTrainingDays: Self.maxTrainingDays,
            unitLabel: .commune)
        return GeneratedProvince(scenario: scenario, districts: [], communes: communes, onTimeCost: onTime)
    }

    /// `count` units: all 96 as often as they fit (copies get a numeric suffix), then a seeded choice among them.
    static func units2026(count: Int, random: SeededRandom) -> [QuangNgai2026.Unit] {
        var random = random
        let all = QuangNgai2026.units
        var chosen: [QuangNgai2026.Unit] = []
        for copy in 1...max(1, (count + all.count - 1) / all.count) {
            var order = Array(all.indices)
            random.shuffle(&order)
            for index in order.prefix(min(all.count, count - (copy - 1) * all.count)).sorted() {
                var unit = all[index]
                if copy > 1 {
                    unit.commune.name += " \(copy)"
                    unit.commune.district = unit.commune.name
                }
                chosen.append(unit)
            }
        }
        return chosen
    }

    /// Four years of the resolution: each official short of a target in 2025 reaches it with a set chance.
    static func trainSince2022(_ officials: inout [Official], targets: [Target], random: inout SeededRandom) {
        for target in targets {
            let chance = target.deadline <= 2025 ? trainedBy2025Share : trainedTowards2030Share
            for index in officials.indices
            where target.cohortIncludes(officials[index], in: baseYear2026, baseYear: baseYear2026)
                && !target.requirement.isMet(by: officials[index].levels) {
                guard random.chance(chance) else { continue }
                // Intermediate political theory is taught to Party members only: no one else got it since 2022.
                let closed = target.requirement.conditions.contains {
                    $0.family == .politicalTheory && $0.level > 1 && !officials[index].partyMember
                }
                if closed { continue }
                for condition in target.requirement.conditions {
                    officials[index].levels[condition.family] = max(officials[index].levels[condition.family], condition.level)
                }
            }
        }
    }
}
