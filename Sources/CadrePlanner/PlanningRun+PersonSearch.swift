import CadreDomain
import CadreLinearModel
import Foundation

/// On small provinces, the per-person model (`PersonModel`) in GLPK's branch and cut, asked only for plans better
/// than the incumbent.
///
/// Its relaxation is no tighter than the master's (60 officials, seed 1: 213.9 against the Lagrangian 214), but it
/// holds every plan, so its tree's bound holds for every plan without listing sequences, and GLPK's cuts and
/// preprocessing raise it where the master's sequence columns give them nothing to work on. The incumbent enters
/// as a cap on the weighted shortfall (one less than the incumbent's, the objective being whole) rather than as a
/// starting solution: a cap lets GLPK presolve, and measured with glpsol on 40 officials (seed 1) it proves the
/// optimum 70 in 0.9 s, where the model without it found no proof in 60 s.
extension PlanningRun {
    /// Whether this province is small enough for the exact searches (branch and price, the per-person model), and
    /// the objective suits them: whole, so a better plan is better by one, and the shortfall's, with free
    /// shortfalls (as for the completion).
    var searchesExactly: Bool { canCompleteColumns && objectiveIsWhole && isSmall }

    /// The finder, where it searches the priced columns (before the windows and the neighbourhoods, and in branch and
    /// price's tree): on provinces of `SearchTuning.finderOfficials` officials; nil elsewhere.
    var activeFinder: (any Solver & Sendable)? {
        (options.finderOfficials ?? SearchTuning.finderOfficials).contains(scenario.officials.count) ? finder : nil
    }

    /// Whether the province has few enough officials for the exact searches.
    var isSmall: Bool { scenario.officials.count <= (options.exactSearchOfficials ?? SearchTuning.exactSearchOfficials) }

    /// Whether `plan`'s spending phase starts with branch and price: the same provinces, with the shortfall settled
    /// and every shortfall free (`min-budget` caps them, and its spending is its answer, searched as before). The
    /// spending relaxation's bound is weak on them (40 officials, seed 5: 119.1 against the optimum 128 millions), and
    /// neither the neighbourhoods nor branch and cut over the columns prove anything over every plan, so the phase
    /// used to search its whole share for nothing.
    var searchesSpendingExactly: Bool { phase == .spending && shortfallsAreFree && isSmall }

    /// The per-person model of this province and who searches it, or nil when no search takes it.
    ///
    /// The finder (HiGHS) beside branch and price's tree (`finderSearcher`); built at the master's root, whose
    /// relaxation gives it the reach of its starts (`PersonProblem.fix`). On 40–50 officials too, where the finder does
    /// not search the priced columns: with the starts fixed HiGHS alone proved five of their optima in 0–4 s, and
    /// `plan --gap 0` proved 14 provinces of 40–50 officials in 93 s against 173, one of them (50 officials, seed 3:
    /// 260) that GLPK's search after the tree left at 261 (`Benchmarks/results.md`).
    ///
    /// Otherwise GLPK after the tree, where the finder does not search the priced columns (at most 50 officials, or
    /// no finder) and the model has at most `SearchTuning.personModelColumns`. Where the finder does, GLPK's search
    /// after the tree found no plan in 222 runs of 60–120 officials (traces of 3–6 Dec 2026) and raised the tree's
    /// bound once, so the tree keeps the time.
    ///
    /// Identical officials are ordered only for GLPK. HiGHS finds their symmetry itself, and the ordering rows slowed
    /// it: alone on one thread, the weighted shortfall capped one below the optimum, it proved 9 provinces of 60–120
    /// officials in 182 s without them, against 224 s and one unproven with them (only 80 officials, seed 3, was
    /// faster with them). Beside the tree, 60 officials seed 9 is proven at 53–54 s without them, where the search's
    /// bound stayed at 328–329 with them (`Benchmarks/results.md`).
    ///
    /// In the spending phase only the finder's search beside the tree, its objective the phase's (`spendingObjective`),
    /// and on models of up to `SearchTuning.personModelColumns`: the spending tree runs alone, with no search of the
    /// priced columns beside it, so the search takes a core nothing else uses. 120 officials, seeds 1 and 2, then have
    /// their least spending proven, where they ended 1.1 % and 0.8 % short; 80–100 officials end as before.
    func personProblem() throws -> PersonProblem? {
        var (model, starts) = PersonModel.built(scenario)
        func notSearched() -> PersonProblem? {
            trace("person model: \(model.variables.count) columns, not searched")
            return nil
        }
        guard model.variables.count <= SearchTuning.personModelColumns else { return notSearched() }
        if finder != nil, let searcher = finderSearcher(columns: model.variables.count) {
            let cappedRows = phase == .shortfall ? [CappedRow(row: master.primaryRow, unit: nil)]
                : spendingObjective(of: &model, starts: starts)
            return PersonProblem(model: model, starts: starts, cappedRows: cappedRows, reach: try startReach(of: starts, in: model),
                                 searcher: searcher)
        }
        guard phase == .shortfall, activeFinder == nil else { return notSearched() }
        PersonModel.orderIdentical(&model, starts: starts, identical: master.groups.map(\.members))
        return PersonProblem(model: model, starts: starts, cappedRows: [CappedRow(row: master.primaryRow, unit: nil)],
                             reach: nil, searcher: .glpkAfterTree)
    }

    /// When the finder searches a per-person model of `columns` columns (at most `SearchTuning.personModelColumns`)
    /// beside branch and price's tree; nil where it does not.
    ///
    /// From the tree's first node while the model has at most `SearchTuning.personSearchBesideColumns`. Larger models
    /// only once the finder's first search of the priced columns has ended:
    /// under the heuristics' incumbent HiGHS neither finds nor proves on them within the minute, while that search finds
    /// a plan near the optimum within seconds, and under its cap the fixing (`PersonProblem.fix`) leaves HiGHS a model
    /// it settles. 120 officials, seed 1, was proven at 28–37 s in four runs and seed 2 at 28–42 s in three, where
    /// both ended unproven, and 150 seed 1 in two of three (35–41 s); 80 seed 1 ended at 338 instead of 337, both
    /// unproven, as the searches of the priced columns that found 337 no longer follow (`Benchmarks/results.md`).
    func finderSearcher(columns: Int) -> PersonSearcher? {
        if phase == .spending || columns <= (options.personSearchBesideColumns ?? SearchTuning.personSearchBesideColumns) {
            return .finderBesideTree
        }
        return activeFinder == nil ? nil : .finderAfterColumnSearch
    }

    /// Makes `model`'s objective the spending phase's, with the weighted shortfall held within the phase's cap.
    /// Returns the rows a search caps below the incumbent: spending as the master counts it (each start's course in
    /// millions, nudged by the tie rules for the official's group), and, where every plan spends a whole number of the
    /// courses' common cost (`spendingGrain`), the courses' cost alone, its cap rounded down to that number.
    ///
    /// There the objective is the courses' cost alone too: HiGHS then rounds its bound up to the next whole amount, as
    /// `strengthened` does, which the nudges (a millionth of a million per start) would stop. Under the caps the least
    /// cost is still a bound on the master's spending, the nudges being never negative. 50 officials, seed 3: with the
    /// nudges, and the one row, the search's bound stayed at 259.0002 millions under a cap of 259.9992 for 19 s.
    private func spendingObjective(of model: inout LinearModel, starts: [PersonModel.StartVariable]) -> [CappedRow] {
        for variable in model.variables.indices { model.setCost(variable, 0) }
        let primary = master.model.rows[master.primaryRow]
        model.setRowBounds(master.primaryRow, lower: primary.lower, upper: primary.upper)
        let groupOf = groupOfOfficial()
        var spending: [(variable: Int, coefficient: Double)] = []
        var courseCosts: [(variable: Int, coefficient: Double)] = []
        for start in starts {
            let courseCost = scenario.courses[start.course].cost / MasterProblem.moneyScale
            // A start the master has no candidate for is never read back; its course's cost alone, without the
            // nudges, which are never negative, keeps what the search proves a bound.
            let cost = masterStart(of: start, groupOf: groupOf).map { startCost($0.start, of: $0.group) } ?? courseCost
            model.setCost(start.variable, spendingGrain == nil ? cost : courseCost)
            spending.append((start.variable, cost))
            courseCosts.append((start.variable, courseCost))
        }
        let counted = CappedRow(row: model.addRow(Row(name: "spending"), entries: spending), unit: nil)
        guard let grain = spendingGrain else { return [counted] }
        return [counted, CappedRow(row: model.addRow(Row(name: "course_costs"), entries: courseCosts), unit: grain.unit)]
    }

    /// How far above the Lagrangian bound of the master's relaxation, as it stands, every plan making each start of
    /// the per-person model lies; nil when the relaxation is not solved to optimality.
    ///
    /// Under the relaxation's duals each plan is worth at least the bound plus, for each official, how far their
    /// sequence's value lies below their group's best (`completedSearch`). So a plan making a start is worth at least
    /// the bound plus how far the best sequence making it lies below the best of all. Sound in either phase while
    /// every shortfall may grow freely: the argument needs every column but the sequences at zero with a reduced
    /// cost of at least zero, which a capped shortfall (`min-budget`) need not have.
    func startReach(of starts: [PersonModel.StartVariable], in model: LinearModel) throws -> StartReach? {
        guard shortfallsAreFree else { return nil }
        let lp = try session.solveRelaxation(options: SolveOptions(
            deadline: Date().addingTimeInterval(SearchTuning.graceSeconds), verbose: options.verbose))
        guard lp.status == .optimal else { return nil }
        let prices = sequencePrices(duals: lp.duals)
        let enumerations = master.groups.indices.map { sequenceEnumeration(ofGroup: $0, prices: prices) }
        let lagrangian = lagrangianBound(objective: lp.objective, duals: lp.duals,
                                         bestValues: enumerations.indices.map { (group: $0, value: enumerations[$0].bestValue) })
        let belowBest = enumerations.map { enumeration in
            let best = enumeration.bestValue
            return enumeration.bestValueByStart().mapValues { best - $0 }
        }
        let groupOf = groupOfOfficial()
        var above = [Double](repeating: 0, count: model.variables.count)
        for start in starts {
            guard let (g, sequenceStart) = masterStart(of: start, groupOf: groupOf) else { continue }
            // A start no sequence makes is in no plan.
            above[start.variable] = belowBest[g][sequenceStart] ?? .infinity
        }
        return StartReach(lagrangian: lagrangian, above: above)
    }

    /// The group of each official the master plans.
    func groupOfOfficial() -> [Int: Int] {
        var groupOf: [Int: Int] = [:]
        for (g, group) in master.groups.enumerated() { for member in group.members { groupOf[member] = g } }
        return groupOf
    }

    /// The start of the master that a start binary of the per-person model stands for, with the official's group
    /// (`groupOf`: `groupOfOfficial()`); nil when the official is in no group or their profile has no candidate for it.
    func masterStart(of start: PersonModel.StartVariable, groupOf: [Int: Int]) -> (group: Int, start: CourseSequence.Start)? {
        guard let g = groupOf[start.official],
              let candidate = master.groups[g].profile.candidates.firstIndex(where: {
                  !$0.isFixed && $0.course == start.course && $0.startYears.contains(start.year)
              }) else { return nil }
        return (g, CourseSequence.Start(candidate: candidate, year: start.year))
    }

    /// Branch and cut over the per-person model for a plan better than `incumbent`, until the deadline. Returns the
    /// best plan (the incumbent, or GLPK's read back into columns) and the bound proven over every plan; nil when
    /// GLPK failed.
    func personSearch(from incumbent: [Double], bound startBound: Double, in persons: PersonProblem,
                      until deadline: Date) throws -> (values: [Double], bound: Double)? {
        var model = persons.model
        let starts = persons.starts
        let incumbentValue = objective(of: incumbent)
        // Only plans better by a whole person: none such proves the incumbent optimal. Under the cap GLPK has no
        // incumbent of its own to measure the gap by until it finds a better plan, so the tree's bound reaching
        // the incumbent's gap ends the search (30 officials, seed 3, gap 10 %: it ends at 155 ≥ 154.8 after 1.3 s,
        // where without it the search went on to the time limit).
        let cap = incumbentValue - 1
        guard cap >= -SearchTuning.wholeness else { return (incumbent, incumbentValue) }
        persons.cap(&model, below: cap + SearchTuning.wholeness)
        let opened = try solver.open(model)
        trace("person model: \(model.rows.count) rows, \(model.variables.count) columns, cap \(cap)")
        let result = try opened.solveInteger(
            options: SolveOptions(deadline: deadline, relativeGap: options.relativeGap, presolve: true, verbose: options.verbose,
                                  goodEnough: goodEnough(startBound), stop: options.stop, cuts: .all,
                                  boundGoal: incumbentValue - options.relativeGap * abs(incumbentValue)),
            start: nil, heuristic: nil, progress: { [self] search in
                // Plans the cap leaves out are no better than the incumbent.
                report(best: search.incumbent, bound: search.bound.map { min($0, incumbentValue) })
            })
        trace("person model: \(result.status.rawValue), objective \(result.objective), bound \(result.bound)")
        guard let proven = bound(overEveryPlan: result, cappedBelow: incumbentValue) else { return nil }
        var best = incumbent
        if result.status != .infeasible {
            if !result.values.isEmpty, let read = try columns(ofPersonPlan: result.values, starts: starts),
               objective(of: read) < incumbentValue - SearchTuning.improvement {
                best = read
            }
            let settled = result.status == .optimal && Date() < deadline && !options.stop.isRequested
            if !settled && Date() >= deadline { hitDeadline = true }
        }
        return (best, max(startBound, proven.isFinite ? strengthened(proven) : startBound))
    }

    /// What a search of the per-person model with the weighted shortfall capped below `incumbent` proves over every
    /// plan: its bound covers the plans under the cap, and every other plan is no better than the incumbent, so none
    /// under the cap proves the incumbent. Nil when the search proves nothing (it failed).
    func bound(overEveryPlan result: IntegerResult, cappedBelow incumbent: Double) -> Double? {
        switch result.status {
        case .infeasible: incumbent
        case .optimal, .feasible, .noSolution: min(result.bound, incumbent)
        case .unbounded, .failed: nil
        }
    }

    /// The finder's search of the per-person model for a plan of at most `cap`, on a thread of its own
    /// (`BackgroundSearch`); its plans are read back with `columns(ofPersonPlan:starts:)` on the run's thread.
    func startPersonSearch(by finder: any Solver & Sendable, in persons: PersonProblem, below cap: Double,
                           until deadline: Date) -> BackgroundSearch {
        var model = persons.model
        persons.cap(&model, below: cap)
        let fixed = persons.fix(&model, below: cap)
        trace("person model beside the tree: \(fixed) of \(persons.starts.count) starts fixed at 0 under \(cap)")
        let options = SolveOptions(deadline: deadline, relativeGap: 0, presolve: true, verbose: options.verbose, stop: options.stop)
        return BackgroundSearch(finder: finder, model: model, columns: model.variables.count, cap: cap, options: options)
    }

    /// The master's solution for a plan of the per-person model: each official's starts as a sequence of their
    /// group (added as a column when new), counted per group. Nil when a start has no candidate in the group's
    /// profile or the plan breaks what the master checks (money, seats, group sizes, caps): the caller then keeps
    /// its incumbent rather than trust a reading it cannot check.
    func columns(ofPersonPlan values: [Double], starts: [PersonModel.StartVariable]) throws -> [Double]? {
        let groupOf = groupOfOfficial()
        var chosen: [Int: [CourseSequence.Start]] = [:]
        for start in starts where values[start.variable] > 0.5 {
            guard let (_, sequenceStart) = masterStart(of: start, groupOf: groupOf) else { return nil }
            chosen[start.official, default: []].append(sequenceStart)
        }
        var perGroup: [Int: [CourseSequence: Int]] = [:]
        for official in chosen.keys.sorted() {
            perGroup[groupOf[official]!, default: [:]][CourseSequence(starts: chosen[official]!), default: 0] += 1
        }
        var columnOf: [Int: [CourseSequence: Int]] = [:]
        for (column, entry) in master.columns.enumerated() where perGroup[entry.group] != nil {
            columnOf[entry.group, default: [:]][entry.sequence] = column
        }
        var added: [Variable] = []
        var counts: Counts = [:]
        for g in perGroup.keys.sorted() {
            for (sequence, count) in perGroup[g]!.sorted(by: { $0.key.starts.lexicographicallyPrecedes($1.key.starts) }) {
                if let column = columnOf[g]?[sequence] {
                    counts[column] = count
                } else if let variable = addColumn(sequence, of: g) {
                    added.append(variable)
                    counts[master.columns.count - 1] = count
                } else {
                    return nil
                }
            }
        }
        if !added.isEmpty { try session.addVariables(added) }
        var ledger = emptyLedger()
        for (column, count) in counts.sorted(by: { $0.key < $1.key }) where !take(count, of: column, into: &ledger) { return nil }
        return solution(counts)
    }
}

/// The per-person model, which official, course and year each of its start binaries stands for, and how far above
/// a bound every plan making each start lies.
struct PersonProblem {
    var model: LinearModel
    var starts: [PersonModel.StartVariable]
    /// The rows of the phase's objective, which a search caps below the incumbent: the weighted shortfall's, or
    /// spending's (`PlanningRun.spendingObjective`).
    var cappedRows: [CappedRow]
    var reach: StartReach?
    var searcher: PersonSearcher

    /// Caps, in `model` (this problem's), the phase's objective at `cap`.
    func cap(_ model: inout LinearModel, below cap: Double) {
        for capped in cappedRows {
            let upper = capped.unit.map { ((cap / $0 + SearchTuning.wholeness).rounded(.down) * $0) } ?? cap
            model.setRowBounds(capped.row, lower: -.infinity, upper: upper)
        }
    }

    /// The starts no plan whose objective (the phase's) is at most `cap` makes.
    func fixedStarts(below cap: Double) -> [PersonModel.StartVariable] {
        guard let reach else { return [] }
        // A margin for the simplex's tolerances, in which the duals are exact.
        return starts.filter { reach.lagrangian + reach.above[$0.variable] > cap + SearchTuning.reachTolerance }
    }

    /// Fixes at zero, in `model` (this problem's), the starts no plan whose objective is at most `cap` makes:
    /// reduced-cost fixing by the master's relaxation, which is tighter than the per-person model's (60 officials,
    /// seed 6: 335.97 against 319.42) and prices each official's whole sequence. HiGHS, alone on one thread and capped
    /// one below the optimum, proved 11 provinces of 60–120 officials in 124 s with it against 348 s without (80
    /// officials, seed 1: 17.8 s against 119.1; `Benchmarks/results.md`). Returns how many it fixed.
    func fix(_ model: inout LinearModel, below cap: Double) -> Int {
        let fixed = fixedStarts(below: cap)
        for start in fixed { model.setVariableBounds(start.variable, lower: 0, upper: 0) }
        return fixed.count
    }
}

/// Who searches a province's per-person model, and when.
enum PersonSearcher {
    /// The finder (HiGHS), beside branch and price's tree from its first node, in place of the finder's searches of the
    /// priced columns there.
    case finderBesideTree
    /// The finder beside the tree once the finder's first search of the priced columns there has ended, in place of
    /// the searches that would follow it.
    case finderAfterColumnSearch
    /// GLPK's branch and cut, after the tree.
    case glpkAfterTree

    var searchesBesideTree: Bool { self != .glpkAfterTree }
}

/// A row of the per-person model that holds a phase's objective, and the amount every plan's value of it is a whole
/// number of (its cap is rounded down to one), or nil.
struct CappedRow {
    var row: Int
    var unit: Double?
}

/// How far above the master relaxation's Lagrangian bound every plan making each start binary lies, for fixing
/// them (`PlanningRun.startReach`).
struct StartReach {
    var lagrangian: Double
    /// By variable of the per-person model (0 for the others).
    var above: [Double]
}
