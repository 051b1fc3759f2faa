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
    /// enough for GLPK. `settled`: whether GLPK finished the search, so that no plan means there is none.
    func windowNeighbourhood(_ window: Set<Int>, around incumbent: [Double], below cap: Double, nodeLimit: Int,
                             until deadline: Date) throws -> (values: [Double]?, settled: Bool) {
        func outside(_ column: Int) -> [CourseSequence.Start] { master.columns[column].sequence.starts.filter { !window.contains($0.year) } }
        var kept = Array(repeating: Set<[CourseSequence.Start]>([[]]), count: master.groups.count)
        for column in master.columns.indices where value(incumbent, column: column) > 0.5 {
            kept[master.columns[column].group].insert(outside(column))
        }
        let shut = master.columns.indices.filter { !kept[master.columns[$0].group].contains(outside($0)) }
        let result = try searchShutting(shut, below: cap, nodeLimit: nodeLimit, until: deadline)
        trace("window \(window.sorted()): \(master.columns.count - shut.count) of \(master.columns.count) columns, \(result.status.rawValue) objective \(result.objective)")
        return (solution(found: result), result.status == .optimal || result.status == .infeasible)
    }

    /// Windows of `SearchTuning.windowYears` consecutive years, searched in turn (for at most `nodeLimit` of GLPK's
    /// nodes each) for a plan better than the incumbent by `step`, until a whole round of them finds none. Horizons no
    /// longer than a window have none.
    func windowDescent(from incumbent: [Double], step: Double, nodeLimit: Int, until deadline: Date) throws -> [Double] {
        var round = WindowRound(windows: windows(nodeLimit: nodeLimit, splitNodeLimit: nil))
        var best = incumbent
        while let found = try searchWindows(&round, around: best, step: step, until: deadline) {
            best = found
            report(best: primaryValue(of: best))
        }
        trace("windows: \(objective(of: incumbent)) → \(objective(of: best))")
        return best
    }

    /// Searches `round`'s windows in turn from where it stands, until one holds a plan better than `incumbent` by
    /// `step` (returned), or a whole turn of them has found none or `interrupted` says so (nil). The windows of two
    /// runs end the turn once `SearchTuning.unsettledSplitWindows` of them have not settled: the province's windows
    /// are then too large for their node budget.
    func searchWindows(_ round: inout WindowRound, around incumbent: [Double], step: Double, until deadline: Date,
                       unless interrupted: () -> Bool = { false }) throws -> [Double]? {
        let value = objective(of: incumbent)
        var unsettledSplits = 0
        while !round.isExhausted, !options.stop.endsSearch(due: deadline), !interrupted() {
            let window = round.windows[round.next]
            round.next = (round.next + 1) % round.windows.count
            let searched = try windowNeighbourhood(window.years, around: incumbent, below: value - step, nodeLimit: window.nodeLimit,
                                                   until: deadline)
            if let found = searched.values, objective(of: found) < value - SearchTuning.improvement {
                round.fruitless = 0
                return found
            }
            round.fruitless += 1
            if !window.isRun, !searched.settled {
                unsettledSplits += 1
                if unsettledSplits >= SearchTuning.unsettledSplitWindows { break }
            }
        }
        return nil
    }

    /// The windows of `SearchTuning.windowYears` years within the plan's: every run of consecutive years, then, with
    /// a `splitNodeLimit`, every two runs a year or more apart, the nearest first. None when the plan's years fit in
    /// one window.
    func windows(nodeLimit: Int, splitNodeLimit: Int?) -> [Window] {
        let width = SearchTuning.windowYears
        let years = scenario.baseYear...scenario.horizon
        guard years.count > width else { return [] }
        let runs = (years.lowerBound...(years.upperBound - width + 1)).map { Window(years: Set($0..<($0 + width)), nodeLimit: nodeLimit) }
        guard let splitNodeLimit else { return runs }
        var pairs: [(gap: Int, first: Int, size: Int, years: Set<Int>)] = []
        for size in 1..<width {
            for gap in 1...(years.count - width) {
                for first in years.lowerBound...(years.upperBound - width - gap + 1) {
                    let second = first + size + gap
                    pairs.append((gap, first, size, Set(first..<(first + size)).union(second..<(second + width - size))))
                }
            }
        }
        return runs + pairs.sorted { ($0.gap, $0.first, $0.size) < ($1.gap, $1.first, $1.size) }
            .map { Window(years: $0.years, nodeLimit: splitNodeLimit) }
    }
}

/// The years whose starts a window frees, and how many of GLPK's nodes its search may take.
struct Window: Equatable {
    var years: Set<Int>
    var nodeLimit: Int

    /// Whether the years follow one another.
    var isRun: Bool { years.count == (years.max() ?? 0) - (years.min() ?? 0) + 1 }
}

/// Where a turn through the windows stands: the next window, and how many in a row have found nothing.
struct WindowRound {
    let windows: [Window]
    var next = 0
    var fruitless = 0

    var isExhausted: Bool { fruitless >= windows.count }
}
