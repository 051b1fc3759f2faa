import CadreDomain
import CadreLinearModel

/// The per-person integer program: one binary per official, course and start year, and every planning rule as
/// rows, minimising the weighted shortfall. At province size it is far too large for GLPK, so `plan` searches it
/// only on small provinces (`PlanningRun.personSearch`); it also lets any solver check a plan's shortfall on
/// provinces up to a few thousand officials (`export-model --form person`, `Benchmarks/person_compare.sh`).
///
/// It shares the planner's reading of the rules but not its decomposition: the courses and years each official
/// may start come from the same profiles (eligibility, age, service, horizon, forbids, and only courses that
/// raise a level some target of theirs asks for — others cannot lower a shortfall), and the coupling rows
/// (target-years, budgets, seats, district caps) are the master problem's, with the same right-hand sides.
/// Everything the master leaves to the pricing dynamic program is a row here: each course once, one course of
/// a family at a time, training days per year, prerequisites held by the year before, each course raising the
/// level, pinned courses not pre-empted.
enum PersonModel {
    /// One official's start of one course in one year, and its binary.
    struct StartVariable {
        var variable: Int
        var official: Int
        var course: Int
        var year: Int
    }

    static func build(_ scenario: Scenario) -> LinearModel { built(scenario).model }

    /// The model, and which official, course and year each start binary stands for (to read a plan back).
    static func built(_ scenario: Scenario) -> (model: LinearModel, starts: [StartVariable]) {
        var startVariables: [StartVariable] = []
        let (profiles, coverage) = ProfileBuilder.build(scenario)
        let active = profiles.filter { !$0.isIdle }
        // One group per official: the master's rows then hold for one person each.
        let master = MasterProblem(scenario: scenario, groups: active.map { OfficialGroup(profile: $0, members: [$0.official]) },
                                   coverage: coverage)
        var model = master.model
        model.name = "cadreplan_person"
        let yearCount = master.yearCount
        let baseYear = scenario.baseYear
        for profile in active {
            let o = profile.official
            let official = "\(o)"
            // Each slot's level at the end of each year offset from fixed courses alone (and the start).
            var fixedLevel = profile.initialLevels.map { Array(repeating: $0, count: yearCount) }
            var fixedDays = Array(repeating: 0, count: yearCount)
            for fixed in profile.fixedStarts {
                let candidate = profile.candidates[fixed.candidate]
                let completes = fixed.year + candidate.years - 1
                for k in 0..<yearCount where baseYear + k >= completes {
                    fixedLevel[candidate.slot][k] = max(fixedLevel[candidate.slot][k], candidate.grants)
                }
                for year in fixed.year...completes where year >= baseYear && year - baseYear < yearCount { fixedDays[year - baseYear] += candidate.days }
            }
            func levelBefore(_ slot: Int, year: Int) -> Int {
                year - 1 < baseYear ? profile.initialLevels[slot] : fixedLevel[slot][year - 1 - baseYear]
            }
            // The starts that may exist at all: a course that cannot raise the level, or whose prerequisite nothing
            // can give by then, or that would pre-empt a pinned course of its family, has no variable.
            // This official's columns, built whole before they enter the model (a column's entries are fixed once added).
            var columns: [Variable] = []
            func column(_ variable: Variable) -> Int {
                columns.append(variable)
                return columns.count - 1
            }
            func put(_ variable: Int, _ row: Int, _ coefficient: Double) { columns[variable].entries.append(Entry(row: row, coefficient: coefficient)) }
            struct Start { var candidate: Int; var year: Int; var variable: Int }
            var starts: [Start] = []
            for (c, candidate) in profile.candidates.enumerated() where !candidate.isFixed {
                for year in candidate.startYears {
                    let held = levelBefore(candidate.slot, year: year)
                    guard held < candidate.grants else { continue }
                    let preempts = profile.fixedStarts.contains { fixed in
                        let pinned = profile.candidates[fixed.candidate]
                        return fixed.year >= baseYear && pinned.slot == candidate.slot && candidate.grants >= pinned.grants
                            && year + candidate.years - 1 < fixed.year
                    }
                    guard !preempts else { continue }
                    let variable = column(Variable(name: "x_\(official)_\(candidate.course)_\(year)", kind: .binary))
                    starts.append(Start(candidate: c, year: year, variable: variable))
                }
            }
            guard !starts.isEmpty else { continue }
            func completes(_ start: Start) -> Int { start.year + profile.candidates[start.candidate].years - 1 }
            func attends(_ start: Start, _ year: Int) -> Bool { (start.year...completes(start)).contains(year) }

            // Money, seats.
            for start in starts {
                let candidate = profile.candidates[start.candidate]
                for year in start.year...completes(start) where year - baseYear < yearCount {
                    put(start.variable, master.firstBudgetRow + year - baseYear, candidate.costPerYear / MasterProblem.moneyScale)
                }
                put(start.variable, master.seatRow[master.intakes.index(course: candidate.course, year: start.year)], 1)
            }
            // Each course at most once.
            for c in profile.candidates.indices {
                let of = starts.filter { $0.candidate == c }
                guard of.count > 1 else { continue }
                let row = model.addRow(.atMost(1, name: "once_\(official)_\(profile.candidates[c].course)"))
                for start in of { put(start.variable, row, 1) }
            }
            for k in 0..<yearCount {
                let year = baseYear + k
                let attending = starts.filter { attends($0, year) }
                // One course of a family at a time.
                for slot in profile.families.indices {
                    let of = attending.filter { profile.candidates[$0.candidate].slot == slot }
                    guard of.count > 1 else { continue }
                    let row = model.addRow(.atMost(1, name: "family_\(official)_\(slot)_\(year)"))
                    for start in of { put(start.variable, row, 1) }
                }
                // Training days, fixed courses' days included.
                let days = attending.reduce(0) { $0 + profile.candidates[$1.candidate].days }
                if fixedDays[k] + days > scenario.maxTrainingDays {
                    let row = model.addRow(.atMost(Double(scenario.maxTrainingDays - fixedDays[k]), name: "days_\(official)_\(year)"))
                    for start in attending { put(start.variable, row, Double(profile.candidates[start.candidate].days)) }
                }
                // A district cap counts an official once in a year they attend any course they would not anyway.
                if let district = profile.cappedDistrict, profile.fixedAttendanceMask & (1 << UInt64(k)) == 0,
                   master.capRow[district * yearCount + k] >= 0, !attending.isEmpty {
                    let away = column(Variable(name: "away_\(official)_\(year)", kind: .binary,
                                               entries: [Entry(row: master.capRow[district * yearCount + k], coefficient: 1)]))
                    let row = model.addRow(.atMost(0, name: "attends_\(official)_\(year)"))
                    put(away, row, -Double(attending.count))
                    for start in attending { put(start.variable, row, 1) }
                }
            }
            // Completed by the end of `year`, reaching `level` in `slot`.
            func reaching(_ slot: Int, _ level: Int, by year: Int) -> [Start] {
                starts.filter { profile.candidates[$0.candidate].slot == slot && profile.candidates[$0.candidate].grants >= level && completes($0) <= year }
            }
            for start in starts {
                let candidate = profile.candidates[start.candidate]
                let name = "\(official)_\(candidate.course)_\(start.year)"
                // Prerequisite held by the end of the year before: by fixed courses, or by a course of the plan.
                if levelBefore(candidate.slot, year: start.year) < candidate.requires {
                    let row = model.addRow(.atMost(0, name: "requires_\(name)"))
                    put(start.variable, row, 1)
                    for earlier in reaching(candidate.slot, candidate.requires, by: start.year - 1) { put(earlier.variable, row, -1) }
                }
                // Raises the level: nothing of the plan reached it before. One row per earlier start, not one for
                // all: two earlier starts may both reach the level (elementary, then intermediate) when this one is
                // not taken, which a single row Σ ≤ 1 forbade (300 officials, seed 2: it cut off `plan`'s 1,145 and
                // left HiGHS an "optimum" of 1,166). Pairs rather than one weighted row keep the relaxation tight.
                for (j, earlier) in reaching(candidate.slot, candidate.grants, by: start.year - 1).enumerated() {
                    let row = model.addRow(.atMost(1, name: "raises_\(name)_\(j)"))
                    put(start.variable, row, 1)
                    put(earlier.variable, row, 1)
                }
            }
            // Counted in a target-year only when every unmet condition is reached by its end.
            for (k, memberships) in profile.membershipsByYear.enumerated() {
                for membership in memberships {
                    let open = membership.conditions.filter { fixedLevel[$0.slot][k] < $0.level }
                    let ways = open.map { reaching($0.slot, $0.level, by: baseYear + k) }
                    guard !ways.contains(where: \.isEmpty) else { continue }
                    let met = column(Variable(name: "met_\(official)_\(membership.coverageRow)", upper: 1,
                                              entries: [Entry(row: membership.coverageRow, coefficient: 1)]))
                    for (j, way) in ways.enumerated() {
                        let row = model.addRow(.atMost(0, name: "meets_\(official)_\(membership.coverageRow)_\(j)"))
                        put(met, row, 1)
                        for start in way { put(start.variable, row, -1) }
                    }
                }
            }
            let first = model.variables.count
            for variable in columns { model.addVariable(variable) }
            for start in starts {
                startVariables.append(StartVariable(variable: first + start.variable, official: o,
                                                    course: profile.candidates[start.candidate].course, year: start.year))
            }
        }
        return (model, startVariables)
    }

    /// Adds to `model` (`built`'s, with its `starts`), for each official and the next in file order of the same class
    /// of `identical` (officials the planner cannot tell apart, as a master group's members: swapping their whole plans
    /// changes no row and no objective), the row Σ (j+1)·x_first,j ≥ Σ (j+1)·x_next,j over their starts in the same
    /// order. Some swap of any plan meets every such row, so the optimum stays; what goes is the copies of each plan
    /// branch and cut would otherwise search one by one (60 officials are 28 groups). With them `plan --gap 0` proves
    /// 40 officials seed 3 optimal (83) in about 11 s, where it ended at 93 after 30 s (README, "Identical officials
    /// ordered"). Only GLPK's search takes them: HiGHS detects the symmetry itself and was slower with them
    /// (`PlanningRun.personProblem`). The export leaves them out: fixed to one of `plan`'s schedules, the exported model
    /// must accept it whichever of two identical officials it trains.
    static func orderIdentical(_ model: inout LinearModel, starts: [StartVariable], identical: [[Int]]) {
        // Identical officials have the same starts in the same order, so position j is the same start for both.
        var startsOf: [Int: [Int]] = [:]
        for start in starts { startsOf[start.official, default: []].append(start.variable) }
        for officials in identical {
            let ordered = officials.sorted().filter { startsOf[$0] != nil }
            for (first, next) in zip(ordered, ordered.dropFirst()) {
                let entries = startsOf[first]!.enumerated().map { (variable: $0.element, coefficient: Double($0.offset + 1)) }
                    + startsOf[next]!.enumerated().map { (variable: $0.element, coefficient: -Double($0.offset + 1)) }
                model.addRow(.atLeast(0, name: "order_\(first)_\(next)"), entries: entries)
            }
        }
    }
}
