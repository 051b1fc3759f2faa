import CadreDomain
import CadreLinearModel
import Foundation

extension PlanningRun {
    /// The relaxation has many optimal corners, and their roundings differ by much more than the corners do
    /// (on the sample province, from 0.1 % to 1.3 % above the bound): solve it again with each column's cost
    /// nudged by a fixed-seed random amount, and round and polish each corner found, until one is within the
    /// gap, the rounds run out or the deadline comes. The costs are restored after.
    func perturbedRoundings(goodEnough: Double, until deadline: Date, rounds: Int = SearchTuning.perturbedRounds) throws -> [[Double]] {
        let costs = master.model.variables.map(\.cost)
        defer {
            try? session.setCosts(costs)
            _ = try? session.solveRelaxation(options: SolveOptions(deadline: Date().addingTimeInterval(SearchTuning.graceSeconds), verbose: options.verbose))
        }
        var random = SeededRandom(seed: SearchTuning.seed)
        var found: [[Double]] = []
        var round = 0
        while !options.stop.endsSearch(due: deadline) && round < rounds {
            round += 1
            var nudged = costs
            for column in master.columns.indices { nudged[master.firstSequenceVariable + column] += SearchTuning.perturbation * random.unit() }
            try session.setCosts(nudged)
            let lp = try session.solveRelaxation(options: SolveOptions(deadline: deadline, verbose: options.verbose))
            guard lp.status == .optimal else { break }
            let rounded = roundedSolution(from: lp.values)
            let polishedValues = solution(polished(counts(of: rounded)))
            trace("perturbed \(round): polished \(primaryValue(of: polishedValues))")
            found.append(polishedValues)
            if objective(of: polishedValues) <= goodEnough { break }
        }
        return found
    }
}
