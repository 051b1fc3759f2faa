/// Which of the four explanations holds for a target-year's shortfall. Cases are in reporting order.
public enum ShortfallReasonKind: String, Sendable, CaseIterable, Comparable {
    case nobodyEligible = "nobody_eligible"
    case seats
    case money
    case heavierTarget = "heavier_target"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Why one cohort member cannot meet a requirement by a year, whatever the money.
public enum EligibilityCause: String, Sendable, CaseIterable, Comparable {
    /// No chain of courses they may take reaches the level at all, however long they had.
    case noEligibleCourse = "no_eligible_course"
    /// A chain exists and ends while they are still in service, but after the year measured.
    case notEnoughYears = "not_enough_years"
    /// A chain exists, but it cannot end before they leave service (or the horizon).
    case retiresFirst = "retires_first"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One course whose intakes were full in the years listed.
public struct FullCourse: Sendable, Equatable {
    public var course: Int
    public var years: [Int]

    public init(course: Int, years: [Int]) {
        self.course = course
        self.years = years
    }
}

/// One reason for one target-year's shortfall, with the numbers behind it. Only the fields of its kind are set.
public struct ShortfallReason: Sendable, Equatable {
    public var targetIndex: Int
    public var year: Int
    public var shortfall: Int
    public var kind: ShortfallReasonKind

    /// nobody_eligible: cohort members who cannot meet the requirement by `year`.
    public var unreachable = 0
    /// nobody_eligible: cohort members who still could (those who did included).
    public var reachable = 0
    /// nobody_eligible: the part of the shortfall no plan can close: required − reachable, at most the shortfall.
    public var impossible = 0
    public var causes: [EligibilityCause: Int] = [:]
    /// seats: courses able to serve an unmet member, full in years whose intakes could still finish by `year`.
    public var fullCourses: [FullCourse] = []
    /// money: years up to `year` whose spending is within 1 % of what was available.
    public var bindingYears: [Int] = []
    /// heavier_target: targets of higher weight with no shortfall in `year`.
    public var heavierTargets: [Int] = []

    public init(targetIndex: Int, year: Int, shortfall: Int, kind: ShortfallReasonKind) {
        self.targetIndex = targetIndex
        self.year = year
        self.shortfall = shortfall
        self.kind = kind
    }

    /// The cause most of the unreachable members share; ties go to the earlier case.
    public var dominantCause: EligibilityCause? {
        causes.filter { $0.value > 0 }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// A language-neutral account for `reasons.csv`, with ids and numbers a planner can check.
    public func detail(in scenario: Scenario) -> String {
        switch kind {
        case .nobodyEligible:
            let causeText = EligibilityCause.allCases.compactMap { cause in
                causes[cause].map { "\(cause.rawValue) \($0)" }
            }.joined(separator: ", ")
            return "\(unreachable) of the cohort cannot reach it by \(year) (\(causeText)); "
                + "\(reachable) can; \(impossible) of the shortfall cannot be closed"
        case .seats:
            return fullCourses.map { "\(scenario.courses[$0.course].id) full in \(ShortfallReasons.yearRanges($0.years))" }
                .joined(separator: "; ")
        case .money:
            return "spending within 1 % of the budget in \(ShortfallReasons.yearRanges(bindingYears))"
        case .heavierTarget:
            let weight = scenario.targets[targetIndex].weight
            return heavierTargets.map {
                "\(scenario.targets[$0].id) (weight \(Self.number(scenario.targets[$0].weight)) > \(Self.number(weight))) met"
            }.joined(separator: "; ")
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Explains every measured target-year with a shortfall in a plan, from the scenario and the plan alone:
/// what no budget could fix (the cohort cannot reach the level in time), and which limits the plan ran into
/// (full intakes, spent budgets) and whether heavier targets took what there was.
///
/// Reachability ignores the training-days cap and other families' courses (each condition is judged on its
/// own ladder), so it never calls a member unreachable who could in fact get there.
public struct ShortfallReasons: Sendable {
    /// In target order, then year, then reason kind.
    public let reasons: [ShortfallReason]

    /// Spending at or above this share of what was available counts as the budget binding.
    public static let bindingShare = 0.99

    public init(scenario: Scenario, plan: Plan) {
        self.init(scenario: scenario, plan: plan, evaluation: PlanEvaluation(scenario: scenario, plan: plan))
    }

    public init(scenario: Scenario, plan: Plan, evaluation: PlanEvaluation) {
        let intakes = scenario.intakes
        var trainees = Array(repeating: 0, count: intakes.count)
        for start in plan.starts where intakes.contains(year: start.year) { trainees[intakes.index(course: start.course, year: start.year)] += 1 }
        let endLevels = scenario.levelsAtEnd(with: plan)

        let money = MoneyLedger(scenario).years(spending: evaluation.budget.map(\.spent))
        let bindingYears = zip(evaluation.budget, money).filter { row, year in
            row.spent + MoneyLedger.tolerance >= Self.bindingShare * year.available
        }.map { row, _ in row.year }
        let rowsByKey = Dictionary(evaluation.attainment.map { ([$0.targetIndex, $0.year], $0) }) { first, _ in first }

        var reasons: [ShortfallReason] = []
        for row in evaluation.attainment.sorted(by: { ($0.targetIndex, $0.year) < ($1.targetIndex, $1.year) })
        where row.isMeasured && row.shortfall > 0 {
            let target = scenario.targets[row.targetIndex]
            let year = row.year
            var causes: [EligibilityCause: Int] = [:]
            var unreachable = 0
            var usefulCourses: Set<Int> = []
            for (o, official) in scenario.officials.enumerated()
            where target.cohortIncludes(official, in: year, baseYear: scenario.baseYear) {
                let levels = endLevels[o][year - scenario.baseYear]
                if target.requirement.isMet(by: levels) { continue }
                var cause: EligibilityCause?
                var useful: Set<Int> = []
                for condition in target.requirement.conditions where official.levels[condition.family] < condition.level {
                    let ladder = Ladder(scenario: scenario, official: official, family: condition.family, level: condition.level)
                    if let why = ladder.cause(by: year) {
                        // The most fundamental obstacle names the member: no course before too few years before retirement.
                        cause = min(cause ?? why, why)
                    } else {
                        useful.formUnion(ladder.usefulCourses(by: year))
                    }
                }
                if let cause {
                    unreachable += 1
                    causes[cause, default: 0] += 1
                } else {
                    usefulCourses.formUnion(useful)
                }
            }
            let cohort = row.cohort
            let reachable = cohort - unreachable
            let impossible = min(row.shortfall, max(0, row.required - reachable))

            var found: [ShortfallReason] = []
            if impossible > 0 {
                var reason = ShortfallReason(targetIndex: row.targetIndex, year: year, shortfall: row.shortfall, kind: .nobodyEligible)
                reason.unreachable = unreachable
                reason.reachable = reachable
                reason.impossible = impossible
                reason.causes = causes
                found.append(reason)
            }
            let full: [FullCourse] = usefulCourses.sorted().compactMap { c in
                let course = scenario.courses[c]
                let last = year - course.years + 1
                guard last >= scenario.baseYear else { return nil }
                let years = (scenario.baseYear...last).filter { trainees[intakes.index(course: c, year: $0)] >= course.seats }
                return years.isEmpty ? nil : FullCourse(course: c, years: years)
            }
            if !full.isEmpty {
                var reason = ShortfallReason(targetIndex: row.targetIndex, year: year, shortfall: row.shortfall, kind: .seats)
                reason.fullCourses = full
                found.append(reason)
            }
            let binding = bindingYears.filter { $0 <= year }
            if !binding.isEmpty {
                var reason = ShortfallReason(targetIndex: row.targetIndex, year: year, shortfall: row.shortfall, kind: .money)
                reason.bindingYears = binding
                found.append(reason)
            }
            if !full.isEmpty || !binding.isEmpty {
                let heavier = scenario.targets.indices.filter { other in
                    guard other != row.targetIndex, scenario.targets[other].weight > target.weight,
                          let otherRow = rowsByKey[[other, year]] else { return false }
                    return otherRow.isMeasured && otherRow.shortfall == 0 && otherRow.required > 0
                }
                if !heavier.isEmpty {
                    var reason = ShortfallReason(targetIndex: row.targetIndex, year: year, shortfall: row.shortfall, kind: .heavierTarget)
                    reason.heavierTargets = heavier
                    found.append(reason)
                }
            }
            reasons += found
        }
        self.reasons = reasons
    }

    /// The reasons for one target-year, in reporting order.
    public func reasons(target: Int, year: Int) -> [ShortfallReason] {
        reasons.filter { $0.targetIndex == target && $0.year == year }
    }

    /// Years as a reader writes them: consecutive runs joined by an en dash (`2022–2025, 2028`).
    public static func yearRanges(_ years: [Int]) -> String {
        var parts: [String] = []
        var runStart: Int?
        var previous: Int?
        for year in Set(years).sorted() {
            if let p = previous, year == p + 1 {
                previous = year
                continue
            }
            if let s = runStart, let p = previous { parts.append(s == p ? String(s) : "\(s)–\(p)") }
            runStart = year
            previous = year
        }
        if let s = runStart, let p = previous { parts.append(s == p ? String(s) : "\(s)–\(p)") }
        return parts.joined(separator: ", ")
    }
}

/// One official's ladder in one family: which levels they can hold by which year, taking only courses they
/// may start (filters, prerequisites, raising the level), one at a time, from the base year on, finishing
/// while in service and by the horizon.
struct Ladder {
    let scenario: Scenario
    let official: Official
    let family: Family
    let level: Int
    let courses: [Int]

    init(scenario: Scenario, official: Official, family: Family, level: Int) {
        self.scenario = scenario
        self.official = official
        self.family = family
        self.level = level
        courses = scenario.courses.indices.filter { scenario.courses[$0].family == family }
    }

    /// The earliest start of course `c` from a level held by the end of `heldBy`, finishing by `finishBy`.
    private func earliestStart(_ c: Int, heldBy: Int, finishBy: Int) -> Int? {
        let course = scenario.courses[c]
        let first = max(heldBy + 1, scenario.baseYear)
        let last = finishBy - course.years + 1
        guard first <= last else { return nil }
        return (first...last).first { course.admits(official, startingIn: $0) }
    }

    /// Earliest year by whose end each level is held, when every course must finish by `finishBy`.
    private func earliest(finishBy: Int) -> [Int: Int] {
        var held: [Int: Int] = [official.levels[family]: scenario.baseYear - 1]
        var changed = true
        while changed {
            changed = false
            for (from, year) in held {
                for c in courses {
                    let course = scenario.courses[c]
                    guard course.grants > from, (course.requires ?? 0) <= from,
                          let start = earliestStart(c, heldBy: year, finishBy: finishBy) else { continue }
                    let done = course.completionYear(startingIn: start)
                    if done < held[course.grants] ?? Int.max {
                        held[course.grants] = done
                        changed = true
                    }
                }
            }
        }
        return held
    }

    private func reaches(finishBy: Int) -> Bool {
        earliest(finishBy: finishBy).contains { $0.key >= level }
    }

    /// Nil when the level can be held by the end of `year`; otherwise what stands in the way.
    func cause(by year: Int) -> EligibilityCause? {
        if reaches(finishBy: min(year, official.lastServiceYear, scenario.horizon)) { return nil }
        // Without any time limit (a start in some year the age filters still allow).
        if !reaches(finishBy: scenario.baseYear + 200) { return .noEligibleCourse }
        return reaches(finishBy: min(official.lastServiceYear, scenario.horizon)) ? .notEnoughYears : .retiresFirst
    }

    /// Courses on some chain that reaches the level by the end of `year`.
    func usefulCourses(by year: Int) -> Set<Int> {
        let finishBy = min(year, official.lastServiceYear, scenario.horizon)
        let forward = earliest(finishBy: finishBy)
        // latest[l]: the last year by whose end holding l still leaves time to reach the level.
        var latest: [Int: Int] = [:]
        for l in 0...max(level, family.highestLevel) where l >= level { latest[l] = finishBy }
        var changed = true
        while changed {
            changed = false
            for from in forward.keys where from < level {
                for c in courses {
                    let course = scenario.courses[c]
                    guard course.grants > from, (course.requires ?? 0) <= from, let by = latest[course.grants] else { continue }
                    let lastStart = by - course.years + 1
                    guard lastStart >= scenario.baseYear,
                          let start = (scenario.baseYear...lastStart).reversed().first(where: { course.admits(official, startingIn: $0) })
                    else { continue }
                    if start - 1 > latest[from] ?? Int.min {
                        latest[from] = start - 1
                        changed = true
                    }
                }
            }
        }
        var useful: Set<Int> = []
        for (from, heldBy) in forward where from < level {
            for c in courses {
                let course = scenario.courses[c]
                guard course.grants > from, (course.requires ?? 0) <= from, let by = latest[course.grants],
                      earliestStart(c, heldBy: heldBy, finishBy: by) != nil else { continue }
                useful.insert(c)
            }
        }
        return useful
    }
}
