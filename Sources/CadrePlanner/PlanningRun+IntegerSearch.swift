import CadreDomain
import CadreLinearModel
import Foundation

/// One phase's integer search: which heuristics run, in what order and with what share of the time, and when
/// branch and cut takes over.
extension PlanningRun {
    struct IntegerPlan {
        var values: [Double]
        var objective: Double
        /// A valid lower bound on the phase's objective over every plan.
        var bound: Double
        var gap: Double { relativeGap(incumbent: objective, bound: bound) }
    }

    /// The best integer plan this phase finds: the incumbent carried in, the rounded relaxation and its
    /// polished form, and then, only if the gap is still open, branch and cut from the best of them.
    func bestInteger(root: Relaxation, incumbent: [Double]?, searchUntil: Date) throws -> IntegerPlan {
        if phase == .shortfall { report(.shortfall) }
        var found: [[Double]] = incumbent.map { [$0] } ?? []
        let rounded = roundedSolution(from: root.result.values)
        found.append(rounded)
        found.append(solution(polished(counts(of: rounded))))
        let candidates = found.map(padded).filter(withinShortfallCaps)
        guard var best = candidates.min(by: { objective(of: $0) < objective(of: $1) }) else {
            throw PlanningError.noIntegerPlan
        }
        var bound = strengthened(root.lowerBound)
        func gapOpen() -> Bool { self.gapOpen(incumbent: objective(of: best), bound: bound) }
        trace("heuristics: objective \(objective(of: best)) bound \(bound)")
        report(best: primaryValue(of: best), bound: bound)
        let within = !gapOpen()
        // Small provinces are searched exactly instead (branch and price, then the per-person model): the master's
        // neighbourhoods and branch and cut over its columns prove nothing over every plan (40 officials, seed 3:
        // branch and cut spent 4.5 s proving 93 optimal over 377 columns, where the optimum is 83; seed 5: the
        // neighbourhoods never settled and took all of the time).
        let small = searchesExactly
        // How much better a plan must be to count: a whole person where the objective is whole.
        let step = objectiveIsWhole ? 1 - SearchTuning.wholeness : SearchTuning.improvement
        // The finder over every column priced so far, beside the corners, the trades and the annealing, and before the
        // windows and the neighbourhoods: HiGHS finds there plans they find late or never (1,000 officials, seed 1:
        // 3,828, where the corners and trades ended at 3,846 after 17 s). A plan of its that reaches the gap ends the
        // member searches and corners at once. Branch and price runs it beside its tree instead.
        var finderSearch: BackgroundSearch?
        if !small, phase == .shortfall, let finder = activeFinder, !within, !options.stop.endsSearch(due: searchUntil) {
            heuristicsStop = StopRequest(following: options.stop)
            finderSearch = startColumnSearch(by: finder, below: objective(of: best) - step, goodEnough: goodEnough(bound),
                                             until: Date(timeIntervalSinceNow: SearchTuning.columnSearchShare * searchUntil.timeIntervalSinceNow),
                                             reachingGoalRequests: heuristicsStop)
        }
        defer {
            _ = finderSearch?.end()
            heuristicsStop = options.stop
        }
        if phase == .shortfall, !within || options.relativeGap <= SearchTuning.tightGap {
            // A third of the search time: the best corner comes early, later rounds rarely beat it; less where the
            // windows follow. Provinces the per-person model searches whole leave it the time the corners'
            // neighbourhoods would take (40 officials, seed 6: 384 small searches, 2 s, and the proof came at 12.8 s
            // instead of 3.4 s).
            let share = searchesWindows ? SearchTuning.cornersShareBeforeWindows : SearchTuning.cornersShare
            let until = Date(timeIntervalSinceNow: share * searchUntil.timeIntervalSinceNow)
            let other = try perturbedRoundings(goodEnough: within ? -.infinity : goodEnough(bound), until: until,
                                               rounds: SearchTuning.cornerRounds(within: within, gap: options.relativeGap),
                                               start: best, refine: within ? nil : { [self] in traded($0, until: until) },
                                               searchesNeighbourhoods: !within && !searchesExactly)
                .filter { withinShortfallCaps($0) }
                .min { objective(of: $0) < objective(of: $1) }
            if let other, objective(of: other) < objective(of: best) - SearchTuning.improvement { best = other }
            trace("perturbed roundings: objective \(objective(of: best))")
            // Trades make the plans rounding misses (1,000 officials: 3,503 → 3,495 in 0.1 s); half of what is
            // left at most, because on 100,000 officials each sweep takes seconds. Once the corners reached a
            // loose gap they are not needed (a what-if at 0.5 % spent a second on them for 0.1 %).
            if gapOpen() || options.relativeGap <= SearchTuning.tightGap {
                best = traded(best, until: Date(timeIntervalSinceNow: SearchTuning.tradesShare * searchUntil.timeIntervalSinceNow))
                report(best: primaryValue(of: best))
            }
        }
        if phase == .shortfall, gapOpen(), !options.stop.endsSearch(due: searchUntil) {
            let members = master.groups.reduce(0) { $0 + $1.members.count }
            best = annealed(best, moves: min(SearchTuning.annealingMoves, SearchTuning.annealingMovesPerMember * members),
                            until: Date(timeIntervalSinceNow: SearchTuning.annealingShare * searchUntil.timeIntervalSinceNow))
            best = traded(best, until: Date(timeIntervalSinceNow: SearchTuning.tradesAfterAnnealingShare * searchUntil.timeIntervalSinceNow))
            report(best: primaryValue(of: best))
        }
        // While the gap is open the finder's search ends by itself: at its goal, over its columns, or at its share of
        // the time. Once the plans beside it have closed the gap, it is not needed.
        if let search = finderSearch {
            finderSearch = nil
            heuristicsStop = options.stop
            let result = try (gapOpen() ? search.wait() : search.end()).get()
            trace("column search: \(search.columns) columns, \(result.status.rawValue) objective \(result.objective)")
            if let found = solution(found: result), objective(of: found) < objective(of: best) - SearchTuning.improvement { best = found }
            report(best: primaryValue(of: best))
        }
        // Branch and price proves the spending of small provinces (40 officials, seed 5: in 4.2 s, where the
        // neighbourhoods searched 8.8 s and proved nothing). The neighbourhoods below take what time it leaves, when
        // its tree closes with nodes it cannot split.
        // The finder searches the per-person model for the least spending beside the tree, as for the least shortfall:
        // it proves 60 officials seed 8's 218 millions in 7 s, where the tree's bound stayed 10 millions below for the
        // phase's 26 s, and finds and proves seed 9's 445.5 in 4 s, where the tree ended at 447.5
        // (`Benchmarks/results.md`).
        if searchesSpendingExactly, gapOpen(), !options.stop.endsSearch(due: searchUntil) {
            let persons = try personProblem()
            (best, bound) = try branchAndPrice(from: best, bound: bound, until: searchUntil, recordsDeadline: false, persons: persons)
        }
        // Before the neighbourhoods, which hold most groups whole: the windows re-time many at once (300 officials,
        // seed 2: 1,144 to 1,139, and the neighbourhoods then 1,138, where alone they stayed at 1,144).
        if phase == .shortfall, searchesWindows, gapOpen(),
           !options.stop.endsSearch(due: searchUntil) {
            best = try windowDescent(from: best, step: step,
                                     nodeLimit: SearchTuning.windowNodes,
                                     until: Date(timeIntervalSinceNow: SearchTuning.windowShare * searchUntil.timeIntervalSinceNow))
            report(best: primaryValue(of: best))
        }
        if !small, gapOpen(), !options.stop.endsSearch(due: searchUntil) {
            let descent = try neighbourhoodDescent(from: best, goodEnough: goodEnough(bound), until: searchUntil)
            best = descent.values
            if let proven = descent.bound, columnsAreComplete { bound = max(bound, strengthened(proven)) }
            report(best: primaryValue(of: best), bound: bound)
        }
        // Still open only when the deadline came: branch and cut then returns at once and records it.
        if !small, gapOpen() {
            let search = try solveInteger(start: best, goodEnough: goodEnough(bound), until: searchUntil)
            if !search.values.isEmpty && search.objective < objective(of: best) { best = search.values }
            if let node = bestNodePlan, withinShortfallCaps(node), objective(of: node) < objective(of: best) - SearchTuning.improvement { best = node }
            if columnsAreComplete { bound = max(bound, strengthened(min(search.bound, objective(of: best)))) }
            report(best: primaryValue(of: best), bound: bound)
        }
        // Built only when a step below will run: each of them needs the gap still open.
        let persons = small && gapOpen() ? try personProblem() : nil
        // Branch and price raises the bound node by node (60 officials, seed 1: from the relaxation's 214 to 226, the
        // optimum, in 3 s, where the per-person model's tree stayed at 223 for 22 s) and finds plans by its
        // neighbourhoods; the per-person model's branch and cut, capped below the incumbent, finds others (40
        // officials, seed 8: 245 in 3.5 s after branch and price stopped at 255), so each has a share.
        // The finder's search of the per-person model runs beside the tree, GLPK's after it (`personProblem`).
        let personsAfterTree = persons?.searcher == .glpkAfterTree ? persons : nil
        if small, gapOpen(), !options.stop.endsSearch(due: searchUntil) {
            let until = personsAfterTree == nil ? searchUntil
                : Date(timeIntervalSinceNow: SearchTuning.branchAndPriceShare * searchUntil.timeIntervalSinceNow)
            (best, bound) = try branchAndPrice(from: best, bound: bound, until: until, recordsDeadline: personsAfterTree == nil, persons: persons)
        }
        if let persons = personsAfterTree, gapOpen() {
            if !options.stop.endsSearch(due: searchUntil),
               let searched = try personSearch(from: best, bound: bound, in: persons, until: searchUntil) {
                (best, bound) = searched
            } else if Date() >= searchUntil {
                // The search's own deadline came first; branch and price on its share did not record it.
                noteDeadline()
            }
        }
        // Time left and the gap open: the columns so far were not enough, so complete them. Last, because its
        // branch and cut may not settle in the time left, and a better incumbent (from annealing and the
        // neighbourhoods) narrows what must be listed.
        if canCompleteColumns, gapOpen(), !options.stop.endsSearch(due: searchUntil) {
            (best, bound) = try completedSearch(from: best, bound: bound, until: searchUntil)
        }
        return IntegerPlan(values: best, objective: objective(of: best), bound: bound)
    }

    /// Rounds and polishes a node's relaxation, as the root's: GLPK finds integer plans only where a node's
    /// relaxation happens to be whole, which on these models is almost never.
    /// Polishing may move groups a neighbourhood holds fixed, so GLPK refuses such a plan; the best of them
    /// is kept here instead, and the descent takes it when it beats the neighbourhood's.
    func nodeRounding(_ relaxation: [Double]) -> [Double]? {
        let values = solution(polished(counts(of: roundedSolution(from: relaxation))))
        guard withinShortfallCaps(values) else { return nil }
        if bestNodePlan.map({ objective(of: values) < objective(of: $0) - SearchTuning.improvement }) ?? true { bestNodePlan = values }
        return values
    }

    func solveInteger(start: [Double]?, goodEnough: Double? = nil, until deadline: Date) throws -> IntegerResult {
        let result = try session.solveInteger(
            options: SolveOptions(deadline: deadline, relativeGap: options.relativeGap, verbose: options.verbose,
                                  goodEnough: goodEnough, stop: options.stop),
            start: start, heuristic: nodeRounding, progress: { [self] search in
                // The tree's bound holds for every plan only when the columns hold every sequence.
                report(best: search.incumbent, bound: columnsAreComplete ? search.bound : nil)
            })
        if result.status == .feasible || result.status == .noSolution, Date() >= deadline { hitDeadline = true }
        trace("integer: \(result.status.rawValue) objective \(result.objective) bound \(result.bound)")
        return result
    }
}
