import CadreDomain
import CadreLinearModel
import Foundation

extension PlanningRun {
    /// Large-neighbourhood search: free the columns of some of the groups, hold every other group at the
    /// incumbent's counts, and let branch and cut (with `nodeRounding` at its nodes) find the best plan of
    /// that smaller problem; keep it when it is better, and draw another neighbourhood until the deadline.
    /// One neighbourhood in two gathers groups that can serve a target left short and some other target,
    /// because the plans rounding misses trade people between targets; the rest are drawn at random. The
    /// share set free grows while branch and cut settles its neighbourhoods and shrinks when it runs out of
    /// time, so a province branch and cut can handle is soon searched whole — with half the time left and the
    /// requested gap, as plain branch and cut would be — and that search, settled, bounds every plan over the
    /// columns. Bounds are restored after.
    func neighbourhoodDescent(from incumbent: [Double], goodEnough: Double, until deadline: Date) throws -> (values: [Double], bound: Double?) {
        let groupCount = master.groups.count
        // Nobody has a choice: the one plan there is, is optimal.
        guard groupCount > 0 else { return (incumbent, objective(of: incumbent)) }
        var columnsOf = Array(repeating: [Int](), count: groupCount)
        var groupsServing = Array(repeating: Set<Int>(), count: master.coverage.rows.count)
        for (column, entry) in master.columns.enumerated() {
            columnsOf[entry.group].append(column)
            for row in master.columnEffects[column].coverageRows { groupsServing[row].insert(entry.group) }
        }
        let serving = groupsServing.map { $0.sorted() }
        defer {
            for column in master.columns.indices {
                try? session.setVariableBounds(master.firstSequenceVariable + column, lower: 0, upper: .infinity)
            }
        }
        var best = incumbent
        var bestObjective = objective(of: best)
        var random = SeededRandom(seed: SearchTuning.seed)
        var freeShare = SearchTuning.initialFreeShare
        var round = 0
        while !options.stop.endsSearch(due: deadline) && bestObjective > goodEnough {
            round += 1
            let size = min(groupCount, max(2, Int((freeShare * Double(groupCount)).rounded())))
            var free = Set<Int>()
            let short = master.coverage.rows.indices.filter { best[master.shortfallVariables.lowerBound + $0] > 0.5 }
            if round % 2 == 1, !short.isEmpty {
                var pool = serving[random.element(of: short)] + serving[random.int(in: 0...(serving.count - 1))]
                random.shuffle(&pool)
                for group in pool where free.count < size { free.insert(group) }
            }
            while free.count < size { free.insert(random.int(in: 0...(groupCount - 1))) }
            for (group, columns) in columnsOf.enumerated() {
                for column in columns {
                    let variable = master.firstSequenceVariable + column
                    let count = free.contains(group) ? nil : best[variable].rounded()
                    try session.setVariableBounds(variable, lower: count ?? 0, upper: count ?? .infinity)
                }
            }
            let whole = size == groupCount
            let seconds = whole ? max(SearchTuning.neighbourhoodSeconds, SearchTuning.wholeNeighbourhoodShare * deadline.timeIntervalSinceNow) : SearchTuning.neighbourhoodSeconds
            let subDeadline = min(deadline, Date().addingTimeInterval(seconds))
            let result = try session.solveInteger(
                options: SolveOptions(deadline: subDeadline, relativeGap: whole ? options.relativeGap : 0, verbose: options.verbose,
                                      goodEnough: goodEnough, stop: options.stop),
                start: best, heuristic: nodeRounding, progress: nil)
            let settled = result.status == .optimal && Date() < subDeadline
            freeShare = settled ? min(1, freeShare * SearchTuning.freeShareGrowth) : max(SearchTuning.smallestFreeShare, freeShare * SearchTuning.freeShareShrink)
            for candidate in [result.values.isEmpty ? nil : solution(counts(of: result.values)), bestNodePlan].compactMap({ $0 })
            where objective(of: candidate) < bestObjective - SearchTuning.improvement && withinShortfallCaps(candidate) {
                best = candidate
                bestObjective = objective(of: candidate)
                trace("neighbourhood \(round): \(free.count) of \(groupCount) groups free, objective \(bestObjective)")
            }
            report(best: primaryValue(of: best))
            // Everything free and settled: the search's bound holds for every plan over these columns.
            if settled && whole { return (best, min(result.bound, bestObjective)) }
        }
        trace("neighbourhoods: \(round), objective \(bestObjective)")
        return (best, nil)
    }
}
