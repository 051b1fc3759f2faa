import CadreDomain

/// A generated province: the scenario a planner reads, and the map it was drawn on.
public struct GeneratedProvince: Sendable {
    public var scenario: Scenario
    /// Every district-level unit, Lý Sơn (no commune level) included; empty for the 2026 map, which has none.
    public var districts: [District]
    /// The commune-level units that have officials, in output order.
    public var communes: [Commune]
    /// What meeting every required target on time would cost, by deadline; the budget is a share of it.
    public var onTimeCost: [Int: Double]
}

/// A synthetic province shaped like Quảng Ngãi in 2022. At 5,300 officials it is that province: 173 communes,
/// 3,619 cadres and civil servants (1,106 women, 98 under 30) and 1,681 part-time workers. Fewer officials
/// sample its communes; more repeat its districts with a numeric suffix. The same N and seed give the same
/// province on every machine.
public struct ProvinceGenerator: Sendable {
    public var officials: Int
    public var seed: UInt64
    /// The scenario's name, and so its file name (`<name>.yaml`).
    public var name: String
    public var layout: Layout

    /// The map a province is drawn on.
    public enum Layout: String, Sendable, CaseIterable {
        /// 13 districts and 173 communes when the resolution was adopted; planned from 1 January 2022.
        case province2022 = "2022"
        /// The merged province of 1 July 2025: 96 communes, no districts; planned from 1 January 2026.
        case province2026 = "2026"
    }

    public init(officials: Int, seed: UInt64, name: String = "baseline", layout: Layout = .province2022) {
        precondition(officials >= 0, "the number of officials cannot be negative")
        self.officials = officials
        self.seed = seed
        self.name = name
        self.layout = layout
    }

    // The 2022 province, and the figures the resolution states about it [V].
    static let referenceOfficials = 5_300
    static let referenceCommunes = 173
    static let referenceCadres = 3_619
    static let referenceWomen = 1_106
    static let referenceUnder30 = 98

    public static let baseYear = 2022
    public static let horizon = 2030
    /// The yearly budget pays this share of what meeting every required target on time would cost [E].
    public static let budgetShare = 0.6
    public static let maxTrainingDays = 120

    public func generate() -> GeneratedProvince {
        switch layout {
        case .province2022: generate2022()
        case .province2026: generate2026()
        }
    }

    private func generate2022() -> GeneratedProvince {
        let cadreTotal = Self.scaled(officials, Self.referenceCadres, per: Self.referenceOfficials)
        let partTimeTotal = officials - cadreTotal
        let (districts, communes) = Self.layout(
            communeCount: Self.scaled(officials, Self.referenceCommunes, per: Self.referenceOfficials),
            cadres: cadreTotal, partTime: partTimeTotal, seed: seed)

        var random = SeededRandom(seed: seed)
        var staffRandom = random.fork()
        let cadreCounts = Self.apportion(
            cadreTotal, caps: communes.map(\.cadreQuota), random: &staffRandom, vacancies: 0...2)
        let partTimeCounts = Self.apportion(
            partTimeTotal, caps: communes.map(\.partTimeQuota), random: &staffRandom, vacancies: 1...5)

        var drafter = OfficialsDrafter(random: random.fork())
        let roster = drafter.draft(
            communes: communes, cadreCounts: cadreCounts, partTimeCounts: partTimeCounts,
            women: Self.scaled(cadreTotal, Self.referenceWomen, per: Self.referenceCadres),
            under30: Self.scaled(cadreTotal, Self.referenceUnder30, per: Self.referenceCadres))

        let seatScale = Double(max(officials, 1)) / Double(Self.referenceOfficials)
        let courses = CourseCatalogue.courses(seatScale: seatScale)
        let targets = ResolutionTargets.all
        let onTime = OnTimeCost.estimate(officials: roster, courses: courses, targets: targets, baseYear: Self.baseYear)
        let scenario = Scenario(
            name: name, baseYear: Self.baseYear, horizon: Self.horizon, officials: roster, courses: courses,
            targets: targets, budget: Self.budget(onTimeCost: onTime), carryOver: false,
            maxTrainingDays: Self.maxTrainingDays)
        return GeneratedProvince(scenario: scenario, districts: districts, communes: communes, onTimeCost: onTime)
    }

    /// round(value × part / whole) in integers, so that the reference figures come out exactly.
    static func scaled(_ value: Int, _ part: Int, per whole: Int) -> Int {
        (2 * value * part + whole) / (2 * whole)
    }

    /// Each deadline's cost spread over the years leading to it, times the budget share, in steps of 10 million VND.
    static func budget(onTimeCost: [Int: Double]) -> [Int: Double] {
        var budget: [Int: Double] = [:]
        var start = baseYear
        for deadline in onTimeCost.keys.sorted() where deadline >= start {
            let perYear = budgetShare * onTimeCost[deadline]! / Double(deadline - start + 1)
            for year in start...deadline { budget[year] = (perYear / 1e7).rounded() * 1e7 }
            start = deadline + 1
        }
        for year in baseYear...horizon where budget[year] == nil { budget[year] = 0 }
        return budget
    }

    /// Counts per commune within their caps, summing to `total` (or to all the caps when it exceeds them).
    /// Each commune starts a few posts short of its quota; the difference is then spread round-robin.
    static func apportion(_ total: Int, caps: [Int], random: inout SeededRandom, vacancies: ClosedRange<Int>) -> [Int] {
        var counts = caps.map { max(0, $0 - random.int(in: vacancies)) }
        var order = Array(caps.indices)
        random.shuffle(&order)
        var difference = total - counts.reduce(0, +)
        while difference != 0 {
            var moved = false
            for i in order where difference != 0 {
                if difference > 0 && counts[i] < caps[i] {
                    counts[i] += 1
                    difference -= 1
                    moved = true
                } else if difference < 0 && counts[i] > 0 {
                    counts[i] -= 1
                    difference += 1
                    moved = true
                }
            }
            if !moved { break }
        }
        return counts
    }
}
