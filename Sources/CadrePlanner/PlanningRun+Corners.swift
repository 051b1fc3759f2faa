import CadreDomain
import CadreLinearModel
import Foundation

extension PlanningRun {
    /// The relaxation has many optimal corners, and their roundings differ by much more than the corners do
    /// (on the sample province, from 0.1 % to 1.3 % above the bound): solve it again with each column's cost
    /// nudged by a fixed-seed random amount, and round and polish each corner found, until one is within the
    /// gap, the rounds run out or the deadline comes. The costs are restored after.
    ///
    /// With `refine`, the best corner so far is refined at the rounds `SearchTuning.refinesCorner` names, when it is
    /// new since the last refinement and better than `start`; the corners end once a refined plan is good enough.
    /// The corners soon come within a few people of the gap and then rarely improve, where a refined early corner
    /// often closes it: the sample at × 0.7 of its budget reached 38,001 at corner 15 and 38,000 at corner 281, and
    /// only the trades after all 400 closed the gap (11 s); trading the best of the first eight corners does (2.5 s).
    /// A refined plan is not refined again: the search would stay in its local optimum (× 0.7 then stuck at 37,996).
    ///
    /// With `searchesNeighbourhoods`, from round `SearchTuning.firstCornerNeighbourhood` on, each corner's relaxation
    /// also names a neighbourhood (`relaxationNeighbourhood`) whose best plan follows the corner's rounding: at × 1.4
    /// of the sample's budget the plans within the gap lie in a few corners' neighbourhoods and no rounding or trade
    /// reaches them (corner 36 holds 7,958: 3.6 s to the gap, where the search ran to its limit before).
    func perturbedRoundings(goodEnough: Double, until deadline: Date, rounds: Int = SearchTuning.perturbedRounds,
                            start: [Double]? = nil, refine: (([Double]) -> [Double])? = nil,
                            searchesNeighbourhoods: Bool = false) throws -> [[Double]] {
        let costs = master.model.variables.map(\.cost)
        let outOfReach = try columnsOutOfReach(ofNudges: SearchTuning.perturbation, until: deadline)
        for column in outOfReach { try session.setVariableBounds(master.firstSequenceVariable + column, lower: 0, upper: 0) }
        defer {
            for column in outOfReach { try? session.setVariableBounds(master.firstSequenceVariable + column, lower: 0, upper: .infinity) }
            try? session.setCosts(costs)
            _ = try? session.solveRelaxation(options: SolveOptions(deadline: Date().addingTimeInterval(SearchTuning.graceSeconds), verbose: options.verbose))
        }
        var random = SeededRandom(seed: SearchTuning.seed)
        var found: [[Double]] = []
        // Keeps a plan and says whether it ends the corners.
        func keep(_ plan: [Double]) -> Bool {
            found.append(plan)
            return objective(of: plan) <= goodEnough
        }
        let heldAtZero = Set(outOfReach)
        var bestCorner = start
        var improvedSinceRefined = false
        var round = 0
        while !heuristicsStop.endsSearch(due: deadline) && round < rounds {
            round += 1
            var nudged = costs
            for column in master.columns.indices { nudged[master.firstSequenceVariable + column] += SearchTuning.perturbation * random.unit() }
            try session.setCosts(nudged)
            let lp = try session.solveRelaxation(options: SolveOptions(deadline: deadline, verbose: options.verbose))
            guard lp.status == .optimal else { break }
            let rounded = roundedSolution(from: lp.values)
            let polishedValues = solution(polished(counts(of: rounded)))
            trace("perturbed \(round): polished \(primaryValue(of: polishedValues))")
            if keep(polishedValues) { break }
            if searchesNeighbourhoods, round >= SearchTuning.firstCornerNeighbourhood {
                // Branch and cut weighs plans by their true costs, not the nudged ones.
                try session.setCosts(costs)
                if let searched = try relaxationNeighbourhood(lp.values, heldAtZero: heldAtZero, goodEnough: goodEnough, until: deadline) {
                    trace("perturbed \(round): neighbourhood \(primaryValue(of: searched))")
                    if keep(searched) { break }
                }
            }
            if withinShortfallCaps(polishedValues), bestCorner.map({ objective(of: polishedValues) < objective(of: $0) - SearchTuning.improvement }) ?? true {
                bestCorner = polishedValues
                improvedSinceRefined = true
            }
            // Not after the last round: the search refines the best of all the corners then.
            if let refine, let corner = bestCorner, improvedSinceRefined, round < rounds, SearchTuning.refinesCorner(round) {
                improvedSinceRefined = false
                if keep(refine(corner)) { break }
            }
        }
        return found
    }

    /// Columns unused by the relaxation whose reduced cost is far beyond nudges of at most `nudge`: the corners the
    /// nudges reach lie among the columns near the relaxation, and GLPK's simplex leaves a column fixed at 0 out of
    /// its iterations. A what-if run holds every column of the runs before it; at × 1.4 of the sample's budget, warm
    /// in a sweep, 2,500 of its 5,300 columns cost more than 0.1 over the relaxation (and none between 0.01 and
    /// 0.1), and without them each corner took half the time and came out the same.
    private func columnsOutOfReach(ofNudges nudge: Double, until deadline: Date) throws -> [Int] {
        let root = try session.solveRelaxation(options: SolveOptions(deadline: deadline, verbose: options.verbose))
        guard root.status == .optimal else { return [] }
        let variables = master.model.variables
        return master.columns.indices.filter { column in
            let variable = master.firstSequenceVariable + column
            guard root.values[variable] <= SearchTuning.wholeness else { return false }
            let reduced = variables[variable].entries.reduce(variables[variable].cost) { $0 - root.duals[$1.row] * $1.coefficient }
            return reduced > SearchTuning.outOfReachNudges * nudge
        }
    }
}
