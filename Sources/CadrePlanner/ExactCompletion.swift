import CadreDomain
import CadreLinearModel
import Foundation

/// Makes the shortfall search exact where that is affordable, by completing the columns rather than hoping
/// pricing found them.
///
/// Pricing sees only the relaxation's duals, so the master may lack sequences the best integer plan needs, and
/// branch and cut over the columns it has proves nothing about the others. But under any duals every plan's
/// objective is at least the Lagrangian bound plus, for each member, how far their sequence's reduced cost lies
/// above their group's best. So every sequence of a plan better than the incumbent lies within
/// (incumbent − bound) of its group's best: list all of those with the pricing dynamic program
/// (`SequenceEnumeration`), and branch and cut over them, settled, is the optimum over every plan.
///
/// When that set is too large, a smaller reach r is listed instead: a plan using any sequence left out is worth
/// more than bound + r, so branch and cut settled over the smaller set still raises the bound to
/// min(its own bound, bound + r). The reach grows round by round while time is left.
extension PlanningRun {
    /// Whether the completion runs: it reads the relaxation's reduced costs as bounds, which is sound only while
    /// every shortfall may grow freely (`min-budget` caps them; `startReach`), and only for the shortfall, whose
    /// whole steps bound what it lists. The spending phase has branch and price and the per-person search instead.
    var canCompleteColumns: Bool { phase == .shortfall && shortfallsAreFree }

    /// Whether every shortfall may grow freely: `min-budget` caps them.
    var shortfallsAreFree: Bool {
        master.shortfallVariables.allSatisfy { master.model.variables[$0].upper == .infinity }
    }

    /// Whether every plan's objective is a whole number: whole weights and no previous plan to lean to. Then a
    /// better plan is better by at least one.
    var objectiveIsWhole: Bool {
        master.shortfallWeights.allSatisfy { $0 == $0.rounded() } && master.groups.allSatisfy { $0.profile.preferred.isEmpty }
    }

    /// Completes the columns round by round and lets branch and cut settle over them, from `incumbent`, until the
    /// gap is reached, the deadline comes, or the listing grows past what branch and cut can take (then the
    /// search is exhausted). Returns the best plan and the bound proven over every plan.
    func completedSearch(from incumbent: [Double], bound startBound: Double, until deadline: Date) throws -> (values: [Double], bound: Double) {
        var best = incumbent
        var bound = startBound
        var limit = SearchTuning.firstCompletionLimit
        var round = 0
        func open() -> Bool { gapOpen(incumbent: objective(of: best), bound: bound) }
        while canCompleteColumns, open(), !options.stop.endsSearch(due: deadline), limit <= SearchTuning.largestCompletionLimit {
            round += 1
            let lp = try session.solveRelaxation(options: SolveOptions(
                deadline: max(deadline, Date().addingTimeInterval(SearchTuning.graceSeconds)), verbose: options.verbose))
            guard lp.status == .optimal else { break }
            let prices = sequencePrices(duals: lp.duals)
            let listed = master.groups.indices.filter { !complete[$0] }
            let enumerations = listed.map { sequenceEnumeration(ofGroup: $0, prices: prices) }
            // Each listed group's best gain under these duals (complete groups have every column in the
            // relaxation, so none of theirs gains), and the Lagrangian bound they give.
            let bestValues = listed.indices.map { (group: listed[$0], value: enumerations[$0].bestValue) }
            let bestGain = bestValues.map { max(0, gain(ofGroup: $0.group, sequenceValue: $0.value, duals: lp.duals)) }
            let lagrangian = lagrangianBound(objective: lp.objective, duals: lp.duals, bestValues: bestValues)
            bound = max(bound, strengthened(lagrangian))
            let incumbentValue = objective(of: best)
            let step = objectiveIsWhole ? 1.0 : 0.0
            // A better plan's sequences lie this far, at most, above their groups' best.
            let needed = incumbentValue - step - lagrangian + SearchTuning.reachTolerance
            if needed <= SearchTuning.reachTolerance {
                // No plan can beat the incumbent by a whole step: it is optimal.
                bound = max(bound, incumbentValue)
                break
            }
            var reach = needed
            var found: [[(sequence: CourseSequence, value: Double)]]? = nil
            while found == nil {
                found = listing(enumerations, groups: listed, gains: bestGain, duals: lp.duals, reach: reach, limit: limit)
                if found == nil { reach /= 4 }
                if reach < SearchTuning.reachTolerance { break }
            }
            guard let found else {
                trace("completion \(round): more than \(limit) sequences even within \(reach)")
                limit *= 4
                continue
            }
            var added: [Variable] = []
            for (i, g) in listed.enumerated() {
                for (sequence, _) in found[i] {
                    if let variable = addColumn(sequence, of: g) { added.append(variable) }
                }
            }
            if !added.isEmpty { try session.addVariables(added) }
            let whole = reach >= needed
            trace("completion \(round): lagrangian \(lagrangian) incumbent \(incumbentValue) reach \(reach) of \(needed), "
                  + "\(found.reduce(0) { $0 + $1.count }) listed, \(added.count) new, \(master.columns.count) columns")
            best = padded(best)
            let search = try solveInteger(start: best, goodEnough: goodEnough(bound), until: deadline)
            if !search.values.isEmpty, search.objective < objective(of: best) - SearchTuning.improvement { best = search.values }
            if let node = bestNodePlan, withinShortfallCaps(node), objective(of: node) < objective(of: best) - SearchTuning.improvement { best = node }
            let settled = search.status == .optimal && Date() < deadline && !options.stop.isRequested
            if settled {
                // Plans over the listed columns are bounded by the search; any other plan uses a sequence
                // more than `reach` above its group's best.
                let beyond = step > 0 ? (lagrangian + reach - SearchTuning.boundDust).rounded(.down) + 1 : lagrangian + reach - SearchTuning.boundDust
                let proven = whole ? search.bound : min(search.bound, beyond)
                bound = max(bound, strengthened(min(proven, objective(of: best))))
            }
            report(best: primaryValue(of: best), bound: bound)
            trace("completion \(round): \(search.status.rawValue), objective \(objective(of: best)) bound \(bound)")
            if !settled || whole { break }
            limit *= 4
        }
        return (best, bound)
    }

    /// The listing of one group's sequences under `prices`.
    func sequenceEnumeration(ofGroup g: Int, prices: SequencePrices) -> SequenceEnumeration {
        SequenceEnumeration(
            search: SequenceSearch(profile: master.groups[g].profile, baseYear: scenario.baseYear,
                                   yearCount: master.yearCount, maxTrainingDays: scenario.maxTrainingDays),
            prices: prices, moneyScale: MasterProblem.moneyScale)
    }

    /// Each listed group's sequences within `reach` of its best gain (those already columns included), or nil
    /// when they number more than `limit` in all.
    private func listing(_ enumerations: [SequenceEnumeration], groups: [Int], gains: [Double], duals: [Double],
                         reach: Double, limit: Int) -> [[(sequence: CourseSequence, value: Double)]]? {
        var left = limit
        var found: [[(sequence: CourseSequence, value: Double)]] = []
        for (i, g) in groups.enumerated() {
            // gain = value + the group's size dual, so the floor on the value is best gain − reach − that dual.
            let floor = gains[i] - reach - duals[master.convexityRow[g]]
            guard let sequences = enumerations[i].sequences(worthAtLeast: floor, limit: left) else { return nil }
            left -= sequences.count
            found.append(sequences)
        }
        return found
    }
}
