import CadreLinearModel
import Foundation

extension PlanningRun {
    /// Whether the shortfall's search runs the window descent on its own, between the corners and the neighbourhoods:
    /// on provinces above branch and price's (which searches the windows in its tree) up to `windowOfficials`.
    var searchesWindows: Bool { !searchesExactly && scenario.officials.count <= SearchTuning.windowOfficials }

    /// Branch and cut over the columns that leave each group's starts outside `window` as one of its members has them
    /// in `incumbent` (or start nothing outside it), with the weighted shortfall capped at `cap`: every group may
    /// re-time and change its courses inside the window at once. Nil when no plan under the cap is found within
    /// `nodeLimit` of GLPK's nodes.
    ///
    /// On small provinces every year's budget is spent to within a few million, and a better plan moves money from
    /// year to year by re-timing the courses of many groups, to pay for one more trainee somewhere: 60 officials,
    /// seed 3, 273 to 271 moves nine members of eight of the 27 groups, two of them onto a course nobody took. Holding
    /// most groups whole, as the other neighbourhoods do, misses that (one of twelve random neighbourhoods of eight or
    /// twelve free groups held a better plan, HiGHS on each); holding the years outside a window keeps the search small
    /// enough for GLPK.
    func windowNeighbourhood(_ window: ClosedRange<Int>, around incumbent: [Double], below cap: Double, nodeLimit: Int,
                             until deadline: Date) throws -> [Double]? {
        func outside(_ column: Int) -> [CourseSequence.Start] { master.columns[column].sequence.starts.filter { !window.contains($0.year) } }
        var kept = Array(repeating: Set<[CourseSequence.Start]>([[]]), count: master.groups.count)
        for column in master.columns.indices where value(incumbent, column: column) > 0.5 {
            kept[master.columns[column].group].insert(outside(column))
        }
        let shut = master.columns.indices.filter { !kept[master.columns[$0].group].contains(outside($0)) }
            .map { master.firstSequenceVariable + $0 }
        defer { for variable in shut { try? session.setVariableBounds(variable, lower: 0, upper: .infinity) } }
        for variable in shut { try session.setVariableBounds(variable, lower: 0, upper: 0) }
        // Presolve drops the shut columns, and the cuts are what settles a window: glpsol did not settle one of 60
        // officials (seed 3) in 20 s without them, and did in 0.6–6.9 s with them.
        let result = try withPrimaryCapped(at: cap) {
            try presolvedSearch(goodEnough: -.infinity, nodeLimit: nodeLimit, cuts: .all, branching: .driebeckTomlin,
                                until: deadline)
        }
        trace("window \(window.lowerBound)–\(window.upperBound): \(master.columns.count - shut.count) of \(master.columns.count) columns, \(result.status.rawValue) objective \(result.objective)")
        guard !result.values.isEmpty else { return nil }
        let values = solution(counts(of: result.values))
        return withinShortfallCaps(values) ? values : nil
    }

    /// Windows of `SearchTuning.windowYears` years from the first plan year on, each searched in turn (for at most
    /// `nodeLimit` of GLPK's nodes) for a plan better than the incumbent by `step`, until a whole round of them finds
    /// none, or with `returnsFirst` until one does. Horizons no longer than a window have none.
    func windowDescent(from incumbent: [Double], step: Double, nodeLimit: Int, returnsFirst: Bool = false,
                       until deadline: Date) throws -> [Double] {
        let width = SearchTuning.windowYears
        guard scenario.horizon - scenario.baseYear + 1 > width else { return incumbent }
        let firstYears = Array(scenario.baseYear...(scenario.horizon - width + 1))
        var best = incumbent
        var bestValue = objective(of: best)
        var next = 0
        var fruitless = 0
        while fruitless < firstYears.count, !options.stop.endsSearch(due: deadline) {
            let window = firstYears[next]...(firstYears[next] + width - 1)
            next = (next + 1) % firstYears.count
            if let found = try windowNeighbourhood(window, around: best, below: bestValue - step, nodeLimit: nodeLimit, until: deadline),
               objective(of: found) < bestValue - SearchTuning.improvement {
                best = found
                bestValue = objective(of: found)
                fruitless = 0
                report(best: primaryValue(of: best))
                if returnsFirst { break }
            } else {
                fruitless += 1
            }
        }
        trace("windows: \(objective(of: incumbent)) → \(bestValue)")
        return best
    }
}
