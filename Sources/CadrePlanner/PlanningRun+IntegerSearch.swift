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
        func gapOpen() -> Bool { relativeGap(incumbent: objective(of: best), bound: bound) > options.relativeGap }
        trace("heuristics: objective \(objective(of: best)) bound \(bound)")
        report(best: primaryValue(of: best), bound: bound)
        let within = !gapOpen()
        if phase == .shortfall, !within || options.relativeGap <= SearchTuning.tightGap {
            // A third of the search time: the best corner comes early, later rounds rarely beat it. Provinces the
            // per-person model searches whole leave it the time the corners' neighbourhoods would take (40 officials,
            // seed 6: 384 small searches, 2 s, and the proof came at 12.8 s instead of 3.4 s).
            let until = Date(timeIntervalSinceNow: SearchTuning.cornersShare * searchUntil.timeIntervalSinceNow)
            let other = try perturbedRoundings(goodEnough: within ? -.infinity : goodEnough(bound), until: until,
                                               rounds: SearchTuning.cornerRounds(within: within, gap: options.relativeGap),
                                               start: best, refine: within ? nil : { [self] in traded($0, until: until) },
                                               searchesNeighbourhoods: !within && !canSearchPersons)
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
        // Small provinces search the per-person model, which holds every plan; the master's neighbourhoods and
        // branch and cut prove nothing over every plan, so they leave it a share of the time (40 officials, seed 3:
        // branch and cut spent 4.5 s proving 93 optimal over 377 columns, where the optimum is 83; seed 5: the
        // neighbourhoods never settled and took all of it).
        // Built only when a step below will run: each of them needs the gap still open.
        let persons = canSearchPersons && gapOpen() ? personProblem() : nil
        if gapOpen(), !options.stop.endsSearch(due: searchUntil) {
            let until = persons == nil ? searchUntil
                : Date(timeIntervalSinceNow: SearchTuning.descentShareBeforePersons * searchUntil.timeIntervalSinceNow)
            let descent = try neighbourhoodDescent(from: best, goodEnough: goodEnough(bound), until: until)
            best = descent.values
            if let proven = descent.bound, columnsAreComplete { bound = max(bound, strengthened(proven)) }
            report(best: primaryValue(of: best), bound: bound)
        }
        // Still open only when the deadline came: branch and cut then returns at once and records it. Before the
        // per-person search it has a share of the time: over the master's columns it may find plans the
        // neighbourhoods missed (40 officials, seed 2: 295 against 302), and settled it proves nothing over every plan.
        if gapOpen() {
            let until = persons == nil ? searchUntil
                : Date(timeIntervalSinceNow: SearchTuning.masterSearchShareBeforePersons * searchUntil.timeIntervalSinceNow)
            let search = try solveInteger(start: best, goodEnough: goodEnough(bound), until: until, recordsDeadline: persons == nil)
            if !search.values.isEmpty && search.objective < objective(of: best) { best = search.values }
            if let node = bestNodePlan, withinShortfallCaps(node), objective(of: node) < objective(of: best) - SearchTuning.improvement { best = node }
            if columnsAreComplete { bound = max(bound, strengthened(min(search.bound, objective(of: best)))) }
            report(best: primaryValue(of: best), bound: bound)
        }
        // Time left and the gap open: the columns so far were not enough, so complete them. Last, because its
        // branch and cut may not settle in the time left, and a better incumbent (from annealing and the
        // neighbourhoods, which on small provinces end in seconds) narrows what must be listed.
        // Small provinces search the per-person model instead: it holds every plan, so its bound needs no listing.
        if let persons, gapOpen() {
            if !options.stop.endsSearch(due: searchUntil),
               let searched = try personSearch(from: best, bound: bound, in: persons, until: searchUntil) {
                (best, bound) = searched
            } else if Date() >= searchUntil {
                // The search's own deadline came first; branch and cut on its share did not record it.
                noteDeadline()
            }
        }
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

    /// `recordsDeadline`: whether `deadline` is the search's own, so that reaching it is what ended the search.
    func solveInteger(start: [Double]?, goodEnough: Double? = nil, until deadline: Date, recordsDeadline: Bool = true) throws -> IntegerResult {
        let result = try session.solveInteger(
            options: SolveOptions(deadline: deadline, relativeGap: options.relativeGap, verbose: options.verbose,
                                  goodEnough: goodEnough, stop: options.stop),
            start: start, heuristic: nodeRounding, progress: { [self] search in
                // The tree's bound holds for every plan only when the columns hold every sequence.
                report(best: search.incumbent, bound: columnsAreComplete ? search.bound : nil)
            })
        if recordsDeadline, result.status == .feasible || result.status == .noSolution, Date() >= deadline { hitDeadline = true }
        trace("integer: \(result.status.rawValue) objective \(result.objective) bound \(result.bound)")
        return result
    }
}
