import CadreDomain
import CadreLinearModel
import Foundation

/// The objective of each phase — the weighted shortfall, then spending at that shortfall — and what a plan
/// scores under it.
extension PlanningRun {
    /// Switches the objective to spending, with the weighted shortfall capped at `primaryCap`. A plan within
    /// `settledWithin` (millions of VND) of the bound then ends the search, whatever gap was asked.
    func enterSpendingPhase(primaryCap: Double, settledWithin: Double = 0) throws {
        phase = .spending
        spendingSettledWithin = settledWithin
        report(.spending)
        bestNodePlan = nil
        master.setPrimaryCap(primaryCap + SearchTuning.relativeSlack * max(1, abs(primaryCap)))
        try session.setRowBounds(master.primaryRow, lower: -.infinity, upper: master.model.rows[master.primaryRow].upper)
        var costs = master.model.variables.map { _ in 0.0 }
        for (index, column) in master.columns.enumerated() {
            let cost = sequenceCost(column.sequence, of: column.group)
            costs[master.firstSequenceVariable + index] = cost
            master.setCost(ofColumn: index, cost)
        }
        master.zeroShortfallCosts()
        try session.setCosts(costs)
    }

    /// Holds every coverage row's shortfall at most at `caps[row]`, in the model and in the solver.
    func capShortfalls(_ caps: [Double]) throws {
        for (row, cap) in caps.enumerated() {
            master.capShortfall(ofRow: row, at: cap)
            try session.setVariableBounds(master.shortfallVariables.lowerBound + row, lower: 0, upper: cap)
        }
    }

    /// Whether a solution keeps every shortfall within its bound (only `min-budget` sets any) and the weighted
    /// shortfall within the spending phase's cap: the plans the heuristics build keep money, seats and group
    /// sizes by construction, but only this says they may stand.
    func withinShortfallCaps(_ values: [Double]) -> Bool {
        master.shortfallVariables.allSatisfy { values[$0] <= master.model.variables[$0].upper + SearchTuning.improvement }
            && primaryValue(of: values) <= master.model.rows[master.primaryRow].upper + SearchTuning.improvement
    }

    /// A start's objective cost: nothing while shortfall is minimised; then its cost in millions, nudged by
    /// the tie rules (planned title, service left of the group's first member, earlier years).
    static func startCost(
        _ scenario: Scenario, _ profile: PlanningProfile, _ candidate: Int, _ year: Int, phase: Phase,
        preference: (shortfall: Double, spending: Double)
    ) -> Double {
        let keeps = profile.preferred.contains(PreferredStart(candidate: candidate, year: year))
        guard phase == .spending else { return keeps ? -preference.shortfall : 0 }
        let official = scenario.officials[profile.official]
        let course = scenario.courses[profile.candidates[candidate].course]
        let span = Double(max(1, scenario.horizon - scenario.baseYear + 1))
        let serviceLeft = Double(max(0, official.lastServiceYear - year))
        let tie = 4 * (official.hasPlannedTitle ? 0 : 1) + 2 * (1 - min(1, serviceLeft / 40)) + Double(year - scenario.baseYear) / span
        assert(tie >= 0 && tie <= maximumTie)
        return course.cost / MasterProblem.moneyScale + SearchTuning.tieWeight * tie - (keeps ? preference.spending : 0)
    }

    /// The largest nudge of the tie rules on one start, in units of `SearchTuning.tieWeight`.
    static let maximumTie = 7.0

    func sequenceCost(_ sequence: CourseSequence, of group: Int) -> Double {
        sequence.starts.reduce(0) { $0 + startCost($1, of: group) }
    }

    /// A start's objective cost for the members of `group`, under the current phase (`startCost(_:_:_:_:phase:preference:)`).
    func startCost(_ start: CourseSequence.Start, of group: Int) -> Double {
        Self.startCost(scenario, master.groups[group].profile, start.candidate, start.year, phase: phase,
                       preference: (shortfallPhasePreference, stabilityWeight))
    }

    /// Σ cost × value under the current objective.
    func objective(of values: [Double]) -> Double {
        zip(master.model.variables, values).reduce(0) { $0 + $1.0.cost * $1.1 }
    }

    /// A lower bound made as tight as the objective's values allow: weighted shortfall is never negative,
    /// and with whole weights it is a whole number, so a bound of 176.2 proves 177. Spending is a whole number of
    /// `spendingGrain`'s money unit plus the tie rules' nudges, so a bound of 215.87 millions proves 216 when every
    /// course costs a multiple of 500,000 VND.
    func strengthened(_ bound: Double) -> Double {
        guard phase == .shortfall else {
            guard let grain = spendingGrain else { return bound }
            return max(bound, ((bound - grain.ties) / grain.unit - SearchTuning.wholeness).rounded(.up) * grain.unit)
        }
        let whole = master.shortfallWeights.allSatisfy { $0 == $0.rounded() }
        return max(0, whole ? (bound - SearchTuning.wholeness).rounded(.up) : bound)
    }

    /// What every plan's spending objective is made of: a whole number of `unit` (millions of VND, the greatest
    /// common divisor of the courses' costs) plus at most `ties` from the tie rules' nudges, which are never negative.
    /// Nil when that tells nothing: a previous plan to keep (its starts pay less), costs not whole in VND, or nudges
    /// that may add up to half a unit or more.
    static func spendingGrain(_ scenario: Scenario, groups: [OfficialGroup]) -> (unit: Double, ties: Double)? {
        guard groups.allSatisfy({ $0.profile.preferred.isEmpty }) else { return nil }
        var divisor = 0
        for course in scenario.courses {
            guard course.cost >= 0, course.cost == course.cost.rounded(), course.cost < 1e15 else { return nil }
            divisor = greatestCommonDivisor(divisor, Int(course.cost))
        }
        guard divisor > 0 else { return nil }
        let unit = Double(divisor) / MasterProblem.moneyScale
        let starts = groups.reduce(0) { $0 + $1.members.count * $1.profile.candidates.count }
        let ties = SearchTuning.tieWeight * maximumTie * Double(starts)
        return ties < unit / 2 ? (unit, ties) : nil
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }

    /// Σ weight × shortfall of a solution.
    func primaryValue(of values: [Double]) -> Double {
        master.shortfallVariables.reduce(0.0) {
            $0 + master.shortfallWeights[$1 - master.shortfallVariables.lowerBound] * values[$1]
        }
    }

    /// The objective at which a plan is close enough to `bound` (see `gapOpen`).
    func goodEnough(_ bound: Double) -> Double {
        let withinGap = bound >= 0 ? bound / (1 - options.relativeGap) : bound * (1 - options.relativeGap)
        return max(withinGap, bound + spendingSettledWithin)
    }

    /// Whether `incumbent` is not yet close enough to `bound`: beyond the gap asked, and in the spending phase
    /// beyond what settles it.
    func gapOpen(incumbent: Double, bound: Double) -> Bool {
        relativeGap(incumbent: incumbent, bound: bound) > options.relativeGap && incumbent - bound > spendingSettledWithin
    }
}
