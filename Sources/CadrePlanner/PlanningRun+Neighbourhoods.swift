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

extension PlanningRun {
    /// The neighbourhood a relaxation points at: every group the relaxation plans whole keeps that plan, and only
    /// the groups it splits between sequences are searched, by branch and cut with Gomory's cuts, for a fixed
    /// number of nodes. The relaxation is nearly whole on these models (the sample at budget × 1.4: 25 of 3,798
    /// columns fractional, in 8 to 12 groups), and its budget years bind so tightly that the plans within the gap
    /// are a re-timing of a few groups at once that no rounding or member move makes: the corners, trades and
    /// random neighbourhoods stayed at 7,962 for a minute, where a neighbourhood of 12 groups holds 7,958 (bound
    /// 7,952). Which corner's neighbourhood holds such a plan is luck (3 of the first 19 corners); GLPK settles
    /// most in a few hundred nodes with Gomory's cuts and pseudo-cost branching, and in 10 s did not settle some
    /// without them. A node budget, not a time limit, so that the plan found does not depend on the machine.
    /// `heldAtZero`: columns fixed at zero by the caller, left so; `cap`: the most weighted shortfall a plan found may
    /// have (none: the master's own). Nil when the relaxation is whole or splits too many groups for a short search,
    /// or when the search finds no plan.
    func relaxationNeighbourhood(_ relaxation: [Double], heldAtZero held: Set<Int>, goodEnough: Double,
                                 below cap: Double? = nil, nodeLimit: Int = SearchTuning.relaxationNeighbourhoodNodes,
                                 until deadline: Date) throws -> [Double]? {
        // Columns added since the relaxation was solved (polishing can add some) are at zero in it.
        func relaxed(_ variable: Int) -> Double { variable < relaxation.count ? relaxation[variable] : 0 }
        var split = Set<Int>()
        for (column, entry) in master.columns.enumerated() where !held.contains(column) {
            let value = relaxed(master.firstSequenceVariable + column)
            if abs(value - value.rounded()) > SearchTuning.wholeness { split.insert(entry.group) }
        }
        guard !split.isEmpty, split.count <= SearchTuning.relaxationNeighbourhoodGroups else { return nil }
        defer {
            for column in master.columns.indices where !held.contains(column) {
                try? session.setVariableBounds(master.firstSequenceVariable + column, lower: 0, upper: .infinity)
            }
        }
        for (column, entry) in master.columns.enumerated() where !split.contains(entry.group) && !held.contains(column) {
            let variable = master.firstSequenceVariable + column
            let count = relaxed(variable).rounded()
            try session.setVariableBounds(variable, lower: count, upper: count)
        }
        let result = try withPrimaryCapped(at: cap) {
            try presolvedSearch(goodEnough: goodEnough, nodeLimit: nodeLimit, until: deadline)
        }
        trace("relaxation neighbourhood: \(split.count) groups, \(result.status.rawValue) objective \(result.objective)")
        return solution(found: result)
    }

    /// The columns branch and price's last nodes' relaxations used, and the incumbent's (`columns`), searched by branch
    /// and cut capped at `cap`: a plan at the bound's level is often a rounding of no single node's relaxation, yet
    /// lies among the sequences the nodes around it use (100 officials: 379 over 159 such columns, where the windows,
    /// which hold every group's starts outside five years as the incumbent has them, found it only over 2,896). Nil
    /// when no plan under the cap is found within `SearchTuning.supportNeighbourhoodNodes` of GLPK's nodes.
    func supportNeighbourhood(_ columns: Set<Int>, below cap: Double, until deadline: Date) throws -> [Double]? {
        let shut = master.columns.indices.filter { !columns.contains($0) }
        let result = try searchShutting(shut, below: cap, nodeLimit: SearchTuning.supportNeighbourhoodNodes, until: deadline)
        trace("support neighbourhood: \(master.columns.count - shut.count) of \(master.columns.count) columns, \(result.status.rawValue) objective \(result.objective)")
        return solution(found: result)
    }

    /// The plan a neighbourhood's branch and cut found, as whole counts; nil when it found none, or when the plan breaks
    /// a cap on a shortfall (`withinShortfallCaps`).
    func solution(found result: IntegerResult) -> [Double]? {
        guard !result.values.isEmpty else { return nil }
        let values = solution(counts(of: result.values))
        return withinShortfallCaps(values) ? values : nil
    }

    /// Branch and cut over the master with the columns `shut` held at zero and the weighted shortfall capped at `cap`,
    /// for at most `nodeLimit` of GLPK's nodes; the columns are open again afterwards. Presolve drops the shut columns,
    /// and the cuts are what settles such a search: glpsol did not settle a window of 60 officials (seed 3) in 20 s
    /// without them, and did in 0.6–6.9 s with them.
    func searchShutting(_ shut: [Int], below cap: Double, nodeLimit: Int, until deadline: Date) throws -> IntegerResult {
        let variables = shut.map { master.firstSequenceVariable + $0 }
        defer { for variable in variables { try? session.setVariableBounds(variable, lower: 0, upper: .infinity) } }
        for variable in variables { try session.setVariableBounds(variable, lower: 0, upper: 0) }
        return try withPrimaryCapped(at: cap) {
            try presolvedSearch(goodEnough: -.infinity, nodeLimit: nodeLimit, cuts: .all, branching: .driebeckTomlin,
                                until: deadline)
        }
    }

    /// The weighted shortfall's row bound under a search's `cap`: a cap never loosens the master's own.
    func primaryUpper(cappedAt cap: Double) -> Double { min(cap, master.model.rows[master.primaryRow].upper) }

    /// Runs `search` with the primary objective's row capped at `cap` (none: as it stands), and restores the row.
    /// A cap below the incumbent keeps GLPK from spending its nodes on plans no better than it.
    func withPrimaryCapped<Result>(at cap: Double?, _ search: () throws -> Result) throws -> Result {
        guard let cap else { return try search() }
        let uncapped = master.model.rows[master.primaryRow].upper
        try session.setRowBounds(master.primaryRow, lower: -.infinity, upper: primaryUpper(cappedAt: cap))
        defer { try? session.setRowBounds(master.primaryRow, lower: -.infinity, upper: uncapped) }
        return try search()
    }

    /// GLPK's branch and cut on the master as it stands, for at most `nodeLimit` nodes. Presolve shrinks the problem
    /// to the columns left free, which is what makes each node cheap; it takes no start and no node heuristic, and
    /// the callers need neither.
    func presolvedSearch(goodEnough: Double, nodeLimit: Int, cuts: CutFamilies = .gomoryMixedInteger,
                         branching: Branching = .pseudoCost, until deadline: Date) throws -> IntegerResult {
        try session.solveInteger(options: searchOptions(goodEnough: goodEnough, nodeLimit: nodeLimit, cuts: cuts, branching: branching,
                                                        until: deadline),
                                 start: nil, heuristic: nil, progress: nil)
    }

    /// The finder's search of every column priced so far for a plan of at most `cap`, until the deadline or a plan of
    /// at most `goodEnough`: on a thread of its own, in a session of its own opened on a copy of the master as `session`
    /// holds it now (the columns it holds shut included), so the caller goes on meanwhile. `reachingGoalRequests` is
    /// asked to stop once the search holds a plan of at most `goodEnough`.
    func startColumnSearch(by finder: any Solver & Sendable, below cap: Double, goodEnough: Double, until deadline: Date,
                           reachingGoalRequests goalReached: StopRequest? = nil) -> BackgroundSearch {
        var model = session.currentModel
        model.setRowBounds(master.primaryRow, lower: -.infinity, upper: primaryUpper(cappedAt: cap))
        let options = searchOptions(goodEnough: goodEnough, nodeLimit: nil, cuts: [], branching: .pseudoCost, until: deadline)
        return BackgroundSearch(finder: finder, model: model, columns: master.columns.count, cap: cap, options: options,
                                reachingGoalRequests: goalReached)
    }

    private func searchOptions(goodEnough: Double, nodeLimit: Int?, cuts: CutFamilies, branching: Branching,
                               until deadline: Date) -> SolveOptions {
        SolveOptions(deadline: deadline, relativeGap: 0, presolve: true, verbose: options.verbose, goodEnough: goodEnough,
                     stop: options.stop, cuts: cuts, branching: branching, nodeLimit: nodeLimit)
    }
}
