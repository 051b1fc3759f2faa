import CadreDomain

/// A rough price of meeting every required target on time, from the catalogue costs and the gap between
/// each official's levels and the targets: targets in deadline order, each cohort taken in its deadline year;
/// a full-share target lifts everyone short of it, a partial one the cheapest members it needs. Each lift is
/// priced by the cheapest chain of courses the official may take. It ignores seats, days and the
/// timing of multi-year courses: it sizes the budget, it does not plan.
enum OnTimeCost {
    /// VND by deadline year.
    static func estimate(officials: [Official], courses: [Course], targets: [Target], baseYear: Int) -> [Int: Double] {
        var levels = officials.map(\.levels)
        var cost: [Int: Double] = [:]
        var prices = PriceBook(courses: courses, year: baseYear)
        let ordered = targets.filter { $0.kind == .required }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        for target in ordered {
            let year = max(target.deadline, baseYear)
            let cohort = officials.indices.filter { target.cohortIncludes(officials[$0], in: year, baseYear: baseYear) }
            var meeting = 0
            var short: [(price: Double, official: Int)] = []
            for o in cohort {
                if target.requirement.isMet(by: levels[o]) {
                    meeting += 1
                    continue
                }
                let price = target.requirement.conditions.reduce(0.0) { total, condition in
                    total + prices.chain(officials[o], condition.family, from: levels[o][condition.family], to: condition.level)
                }
                if price.isFinite { short.append((price, o)) }
            }
            let needed = max(0, target.requiredCount(cohortSize: cohort.count) - meeting)
            short.sort { ($0.price, $0.official) < ($1.price, $1.official) }
            for (price, o) in short.prefix(needed) {
                cost[target.deadline, default: 0] += price
                for condition in target.requirement.conditions {
                    levels[o][condition.family] = max(levels[o][condition.family], condition.level)
                }
            }
        }
        return cost
    }
}

/// Prices of course chains, remembered by everything course eligibility looks at: a province of 100,000
/// officials has only a few hundred distinct cases.
private struct PriceBook {
    let courses: [Course]
    let year: Int
    private var known: [Key: Double] = [:]

    private struct Key: Hashable {
        var family: Family, from: Int, to: Int
        var category: CadreDomain.Category, area: Area, age: Int, kinh: Bool, minorityArea: Bool, partyMember: Bool
    }

    init(courses: [Course], year: Int) {
        self.courses = courses
        self.year = year
    }

    /// Cheapest sum of course costs taking the official from one level to at least another; infinite when
    /// no chain of courses open to them gets there.
    mutating func chain(_ official: Official, _ family: Family, from: Int, to: Int) -> Double {
        guard from < to else { return 0 }
        let key = Key(
            family: family, from: from, to: to, category: official.category, area: official.area,
            age: official.age(in: year), kinh: official.isKinh, minorityArea: official.minorityArea,
            partyMember: official.partyMember)
        if let price = known[key] { return price }
        let open = courses.filter { $0.family == family && $0.admits(official, startingIn: year) }
        var best = Array(repeating: Double.infinity, count: family.levelNames.count)
        best[from] = 0
        for level in from..<best.count where best[level].isFinite {
            for course in open where (course.requires ?? 0) <= level && course.grants > level {
                best[course.grants] = min(best[course.grants], best[level] + course.cost)
            }
        }
        let price = best[to...].min() ?? .infinity
        known[key] = price
        return price
    }
}
