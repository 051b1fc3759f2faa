import CadreDomain

/// A target-year whose count an official can change: they are in its cohort that year, the year is
/// measured, and they do not already meet the requirement.
struct Membership: Sendable, Hashable {
    /// Index of the coverage row in the master problem.
    var coverageRow: Int
    var year: Int
    /// The conditions still unmet at the start, on the profile's local family slots.
    var conditions: [SlotLevel]
}

/// A family slot of a profile at or above a level.
struct SlotLevel: Sendable, Hashable {
    var slot: Int
    var level: Int
}

/// A course an official may usefully start, with the years it may start in.
struct Candidate: Sendable, Hashable {
    var course: Int
    var slot: Int
    var grants: Int
    var requires: Int
    var years: Int
    var days: Int
    var costPerYear: Double
    /// Start years in which the course admits the official and completes in time.
    var startYears: [Int]
    /// The same years as bits, by offset from the base year.
    var startYearMask: UInt64
    /// A course the official takes whatever the plan (running from before the base year, or pinned): never
    /// started by the search, only placed where it is fixed.
    var isFixed = false
}

/// A fixed course in the profile: its candidate and start year (before the base year when still running).
struct FixedStart: Sendable, Hashable {
    var candidate: Int
    var year: Int
}

/// A start the previous plan made, which the spending phase prefers to keep.
struct PreferredStart: Sendable, Hashable, Comparable {
    var candidate: Int
    var year: Int
    static func < (lhs: PreferredStart, rhs: PreferredStart) -> Bool { (lhs.candidate, lhs.year) < (rhs.candidate, rhs.year) }
}

/// What the model sees of one official: the families that matter to them (slots), the courses that can
/// raise those, and the target-years they could count toward. Courses that help no target are never
/// candidates: a plan never buys training no target asks for.
struct PlanningProfile: Sendable {
    var official: Int
    /// Families with at least one unmet condition the official could still meet.
    var families: [Family]
    var initialLevels: [Int]
    var candidates: [Candidate]
    /// Candidates grouped by slot.
    var candidatesBySlot: [[Int]]
    /// Memberships grouped by year offset from the base year.
    var membershipsByYear: [[Membership]]
    var lastPlanYear: Int

    /// What the tie rules see of the official that pricing must keep apart (planned title); service left only
    /// nudges the cost, and members of a group are priced with their own.
    var tieClass: [Int]
    var fixedStarts: [FixedStart] = []
    /// Years (bits by offset) in which a fixed course is attended.
    var fixedAttendanceMask: UInt64 = 0
    /// Index of the official's district among the capped ones, when a cap applies to it.
    var cappedDistrict: Int?
    var preferred: [PreferredStart] = []

    var isIdle: Bool { !candidates.contains { !$0.isFixed } || membershipsByYear.allSatisfy(\.isEmpty) }

    /// Officials with equal keys have the same sequences at the same prices: price one, use it for all.
    var pricingKey: PricingKey {
        PricingKey(initialLevels: initialLevels, candidates: candidates, membershipsByYear: membershipsByYear,
                   lastPlanYear: lastPlanYear, tieClass: tieClass, fixedStarts: fixedStarts,
                   cappedDistrict: cappedDistrict, preferred: preferred)
    }
}

struct PricingKey: Hashable {
    var initialLevels: [Int]
    var candidates: [Candidate]
    var membershipsByYear: [[Membership]]
    var lastPlanYear: Int
    var tieClass: [Int]
    var fixedStarts: [FixedStart]
    var cappedDistrict: Int?
    var preferred: [PreferredStart]
}

/// The coverage rows of the master problem: one per measured target-year whose requirement some
/// member does not already meet.
struct CoverageIndex: Sendable {
    struct Key: Hashable { var target: Int; var year: Int }
    var rows: [Key] = []
    var required: [Int] = []
    /// Members meeting the requirement whatever the plan (already qualified at the start).
    var alreadyMet: [Int] = []
    var rowOf: [Key: Int] = [:]

    /// People each row still needs the plan to qualify: required less already met.
    var needed: [Int] { zip(required, alreadyMet).map { $0 - $1 } }
}

enum ProfileBuilder {
    /// Builds every official's profile and the coverage rows they touch. `preferred` holds starts of a
    /// previous plan that the spending phase should keep where it can.
    static func build(
        _ scenario: Scenario, preferred: [CourseStart] = []
    ) -> (profiles: [PlanningProfile], coverage: CoverageIndex) {
        var coverage = CoverageIndex()
        let years = Array(scenario.years)
        let fixed = scenario.fixedStarts()
        let preferredByOfficial = Dictionary(grouping: preferred, by: \.official)
        let forbidsByOfficial = Dictionary(grouping: scenario.locks.forbids, by: \.official)
        let cappedDistricts = Self.cappedDistricts(scenario)
        // Levels per year from fixed courses alone: what a member holds whatever the plan.
        var fixedLevels: [Int: [Levels]] = [:]
        for (official, starts) in fixed { fixedLevels[official] = scenario.levelsAtEnd(of: official, taking: starts) }
        // Per target-year: cohort size and members already qualified.
        var cohortSizes = Array(repeating: Array(repeating: 0, count: years.count), count: scenario.targets.count)
        var metAtStart = cohortSizes
        var pending: [[(target: Int, yearOffset: Int)]] = Array(repeating: [], count: scenario.officials.count)

        for (o, official) in scenario.officials.enumerated() {
            let timeline = fixedLevels[o]
            for (t, target) in scenario.targets.enumerated() where target.matchesFixedFilters(official) {
                let measuredFrom = target.firstMeasuredYear(baseYear: scenario.baseYear)
                let qualifiedAtStart = target.requirement.isMet(by: official.levels)
                for (k, year) in years.enumerated()
                where target.matchesYearFilters(official, in: year, baseYear: scenario.baseYear) {
                    cohortSizes[t][k] += 1
                    if qualifiedAtStart || (timeline.map { target.requirement.isMet(by: $0[k]) } ?? false) {
                        metAtStart[t][k] += 1
                    } else if year >= measuredFrom {
                        pending[o].append((t, k))
                    }
                }
            }
        }
        for t in scenario.targets.indices {
            for (k, year) in years.enumerated() where year >= scenario.targets[t].firstMeasuredYear(baseYear: scenario.baseYear) {
                let required = scenario.targets[t].requiredCount(cohortSize: cohortSizes[t][k])
                guard required > metAtStart[t][k] else { continue }
                let key = CoverageIndex.Key(target: t, year: year)
                coverage.rowOf[key] = coverage.rows.count
                coverage.rows.append(key)
                coverage.required.append(required)
                coverage.alreadyMet.append(metAtStart[t][k])
            }
        }

        var profiles: [PlanningProfile] = []
        profiles.reserveCapacity(scenario.officials.count)
        for (o, official) in scenario.officials.enumerated() {
            var profile = profile(for: o, official: official, pending: pending[o], fixed: fixed[o] ?? [],
                                  forbids: Locks(forbids: forbidsByOfficial[o] ?? []), scenario: scenario, coverage: coverage)
            if let district = cappedDistricts.firstIndex(of: official.district) { profile.cappedDistrict = district }
            profile.preferred = (preferredByOfficial[o] ?? []).compactMap { start in
                profile.candidates.firstIndex { !$0.isFixed && $0.course == start.course && $0.startYears.contains(start.year) }
                    .map { PreferredStart(candidate: $0, year: start.year) }
            }.sorted()
            profiles.append(profile)
        }
        return (profiles, coverage)
    }

    /// Districts with a cap on trainees in some year, in name order; pricing tells them apart by position.
    static func cappedDistricts(_ scenario: Scenario) -> [String] {
        Set(scenario.locks.caps.map(\.district)).sorted()
    }

    private static func profile(
        for index: Int, official: Official, pending: [(target: Int, yearOffset: Int)], fixed: [CourseStart],
        forbids: Locks, scenario: Scenario, coverage: CoverageIndex
    ) -> PlanningProfile {
        let lastPlanYear = min(scenario.horizon, official.lastServiceYear)
        // Years in which each family is taken by a fixed course: no other course of it may be attended then.
        var fixedBusy: [Family: Set<Int>] = [:]
        var fixedAttendanceMask: UInt64 = 0
        for start in fixed {
            let course = scenario.courses[start.course]
            for year in start.year...course.completionYear(startingIn: start.year) where year >= scenario.baseYear {
                fixedBusy[course.family, default: []].insert(year)
                if year <= scenario.horizon { fixedAttendanceMask |= 1 << UInt64(year - scenario.baseYear) }
            }
        }
        let fixedCourses = Set(fixed.map(\.course))
        // Levels each family must reach for some membership.
        var thresholds: [Family: Set<Int>] = [:]
        for (t, _) in pending {
            for condition in scenario.targets[t].requirement.conditions where official.levels[condition.family] < condition.level {
                thresholds[condition.family, default: []].insert(condition.level)
            }
        }
        // Courses that cross a threshold, then (to a fixed point) the courses that lead to them.
        var startYearsCache: [Int: [Int]] = [:]
        func startYears(_ course: Course, _ c: Int) -> [Int] {
            if let known = startYearsCache[c] { return known }
            let busy = fixedBusy[course.family] ?? []
            let years = scenario.baseYear <= lastPlanYear && !fixedCourses.contains(c) ? (scenario.baseYear...lastPlanYear).filter { year in
                course.completionYear(startingIn: year) <= lastPlanYear && course.admits(official, startingIn: year)
                    && !(year...course.completionYear(startingIn: year)).contains(where: busy.contains)
                    && forbids.forbids(official: index, course: c, startingIn: year, years: course.years) == nil
            } : []
            startYearsCache[c] = years
            return years
        }
        var chosen = Set<Int>()
        for (c, course) in scenario.courses.enumerated() {
            let held = official.levels[course.family]
            guard course.grants > held, let needed = thresholds[course.family],
                  needed.contains(where: { $0 > held && $0 <= course.grants }),
                  !startYears(course, c).isEmpty else { continue }
            chosen.insert(c)
        }
        var grew = true
        while grew {
            grew = false
            let neededSteps = Set(chosen.compactMap { c -> LevelCondition? in
                let course = scenario.courses[c]
                guard let requires = course.requires, requires > official.levels[course.family] else { return nil }
                return LevelCondition(family: course.family, level: requires)
            })
            for (c, course) in scenario.courses.enumerated() where !chosen.contains(c) {
                let held = official.levels[course.family]
                if course.grants > held,
                   neededSteps.contains(where: { $0.family == course.family && $0.level > held && $0.level <= course.grants }),
                   !startYears(course, c).isEmpty {
                    chosen.insert(c)
                    grew = true
                }
            }
        }

        let families = Set(chosen.map { scenario.courses[$0].family } + fixed.map { scenario.courses[$0.course].family }).sorted()
        let slotOf = Dictionary(uniqueKeysWithValues: families.enumerated().map { ($1, $0) })
        var candidates: [Candidate] = []
        var bySlot = Array(repeating: [Int](), count: families.count)
        for c in chosen.sorted() {
            let course = scenario.courses[c]
            let slot = slotOf[course.family]!
            bySlot[slot].append(candidates.count)
            candidates.append(Candidate(
                course: c, slot: slot, grants: course.grants, requires: course.requires ?? 0, years: course.years,
                days: course.days, costPerYear: course.costPerYear, startYears: startYears(course, c),
                startYearMask: startYears(course, c).reduce(0) { $0 | (1 << UInt64($1 - scenario.baseYear)) }))
        }

        var fixedStarts: [FixedStart] = []
        for start in fixed {
            let course = scenario.courses[start.course]
            fixedStarts.append(FixedStart(candidate: candidates.count, year: start.year))
            candidates.append(Candidate(
                course: start.course, slot: slotOf[course.family]!, grants: course.grants, requires: course.requires ?? 0,
                years: course.years, days: course.days, costPerYear: course.costPerYear, startYears: [],
                startYearMask: 0, isFixed: true))
        }

        // A membership stays only when every unmet condition is in a slot (a reachable family).
        var byYear = Array(repeating: [Membership](), count: scenario.years.count)
        for (t, k) in pending {
            let year = scenario.baseYear + k
            guard let row = coverage.rowOf[CoverageIndex.Key(target: t, year: year)] else { continue }
            var conditions: [SlotLevel] = []
            var reachable = true
            for condition in scenario.targets[t].requirement.conditions where official.levels[condition.family] < condition.level {
                guard let slot = slotOf[condition.family],
                      candidates.contains(where: { $0.slot == slot && $0.grants >= condition.level }) else {
                    reachable = false
                    break
                }
                conditions.append(SlotLevel(slot: slot, level: condition.level))
            }
            if reachable { byYear[k].append(Membership(coverageRow: row, year: year, conditions: conditions)) }
        }

        return PlanningProfile(
            official: index, families: families, initialLevels: families.map { official.levels[$0] },
            candidates: candidates, candidatesBySlot: bySlot, membershipsByYear: byYear, lastPlanYear: lastPlanYear,
            tieClass: [official.hasPlannedTitle ? 1 : 0], fixedStarts: fixedStarts, fixedAttendanceMask: fixedAttendanceMask)
    }
}
