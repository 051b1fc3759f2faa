import CadreDomain
import CadreLinearModel
import Foundation

/// Column generation: the master's relaxation, and the sequences its duals price, across every core.
extension PlanningRun {
    struct Relaxation {
        var result: RelaxationResult
        /// A valid lower bound on the whole problem (not just the columns found): the Lagrangian bound.
        var lowerBound: Double
        /// No column could improve the relaxation: it is the optimum over every sequence.
        var converged: Bool
    }

    /// Prices sequences for every group until no column improves the relaxation enough, `maxRounds`
    /// pricing rounds, or the deadline.
    func generateColumns(until deadline: Date, maxRounds: Int = .max) throws -> Relaxation {
        var lowerBound = -Double.infinity
        var round = 0
        // Cheap beam-limited pricing until it finds nothing, then exact pricing, which alone gives a bound.
        var exact = false
        var previousObjective = Double.infinity
        while true {
            // A relaxation is always solved, even past the deadline: without one there is no plan to return.
            let lpDeadline = max(deadline, Date().addingTimeInterval(SearchTuning.graceSeconds))
            let lp = try session.solveRelaxation(options: SolveOptions(deadline: lpDeadline, verbose: options.verbose))
            guard lp.status == .optimal else { return Relaxation(result: lp, lowerBound: lowerBound, converged: false) }
            // A stop takes the relaxation as it stands, without an exact round to buy a bound: the plan comes first.
            if round >= maxRounds || options.stop.isRequested {
                return Relaxation(result: lp, lowerBound: lowerBound, converged: false)
            }
            round += 1
            let pricingStarted = Date()
            let priced = price(duals: lp.duals, beam: exact ? nil : SearchTuning.pricingBeam)
            let pricingSeconds = Date().timeIntervalSince(pricingStarted)
            var newColumns: [Variable] = []
            for (g, found) in priced.enumerated() {
                guard let (sequence, value) = found, gain(ofGroup: g, sequenceValue: value, duals: lp.duals) > SearchTuning.improvement,
                      let variable = master.add(sequence, of: g, cost: sequenceCost(sequence, of: g)) else { continue }
                newColumns.append(variable)
            }
            // Only exact pricing finds each group's best sequence, which the bound needs.
            if exact {
                let bestValues = priced.indices.compactMap { g in priced[g].map { (group: g, value: $0.1) } }
                lowerBound = max(lowerBound, lagrangianBound(objective: lp.objective, duals: lp.duals, bestValues: bestValues))
            }
            trace("columns: \(exact ? "exact" : "beam") lp \(lp.objective) bound \(lowerBound) added \(newColumns.count) total \(master.columns.count) pricing \(String(format: "%.2f", pricingSeconds))s")
            report(bound: lowerBound)
            if !newColumns.isEmpty { try session.addVariables(newColumns) }
            // What the integer search could notice of the relaxation.
            let noticeable = SearchTuning.relaxationGapShare * options.relativeGap * max(1, abs(lp.objective))
            let closeEnough = lp.objective - lowerBound <= noticeable
            // A cheap round that moved the relaxation by less than that has only dust left to find (the spending
            // phase's tie nudges, a millionth of a VND each): the exact round decides.
            let stalled = previousObjective - lp.objective <= noticeable
            previousObjective = lp.objective
            if (newColumns.isEmpty || (stalled && round > 1)) && !exact {
                exact = true
                continue
            }
            if !exact && options.stop.endsSearch(due: deadline) {
                // Out of time on the cheap rounds: one exact round still buys a bound over every plan.
                exact = true
                continue
            }
            if newColumns.isEmpty || closeEnough || round >= maxRounds || options.stop.endsSearch(due: deadline) {
                return Relaxation(result: lp, lowerBound: newColumns.isEmpty ? lp.objective : lowerBound,
                                  converged: newColumns.isEmpty || closeEnough)
            }
        }
    }

    /// Makes `sequence` a column of `group` at this phase's cost, unless it already is one; returns the column
    /// for the solver.
    func addColumn(_ sequence: CourseSequence, of group: Int) -> Variable? {
        master.add(sequence, of: group, cost: sequenceCost(sequence, of: group))
    }

    /// What one member of group `g` moved to a sequence worth `value` under the relaxation's duals (their prices less
    /// its cost) lowers the objective by: its reduced cost, negated. A positive gain prices the sequence in.
    func gain(ofGroup g: Int, sequenceValue value: Double, duals: [Double]) -> Double {
        value + duals[master.convexityRow[g]]
    }

    /// The Lagrangian bound under a relaxation's duals, valid over every plan: the relaxation's objective less, for each
    /// group, its members times the best gain any of its sequences offers (nothing where none gains: members may
    /// stay). `bestValues`: the value of each group's best sequence under those duals; groups left out have every
    /// sequence a column already, so none of theirs gains.
    func lagrangianBound(objective: Double, duals: [Double], bestValues: some Sequence<(group: Int, value: Double)>) -> Double {
        bestValues.reduce(objective) { bound, best in
            bound - max(0, gain(ofGroup: best.group, sequenceValue: best.value, duals: duals)) * Double(master.groups[best.group].members.count)
        }
    }

    /// The best sequence of each incompletely listed group under the master's duals (nil where nothing to price).
    /// `startDuals` are what rows outside the master (branch and price's start counts) pay one group for one
    /// start.
    func price(duals: [Double], beam: Int?,
               startDuals: [Int: [CourseSequence.Start: Double]] = [:]) -> [(CourseSequence, Double)?] {
        let master = self.master
        let yearCount = master.yearCount
        let prices = sequencePrices(duals: duals)
        // Heaviest searches first, handed out one at a time, so no worker is left with the long tail.
        let todo = master.groups.indices.filter { !complete[$0] }
            .sorted { (master.groups[$0].profile.candidates.count, $1) > (master.groups[$1].profile.candidates.count, $0) }
        let scenario = self.scenario
        let found = ParallelJobs.run(todo.count) { position in
            var groupPrices = prices
            if let paid = startDuals[todo[position]] {
                let cost = prices.startCost
                groupPrices.startCost = { profile, candidate, year in
                    cost(profile, candidate, year) - (paid[CourseSequence.Start(candidate: candidate, year: year)] ?? 0)
                }
            }
            return SequenceSearch(profile: master.groups[todo[position]].profile, baseYear: scenario.baseYear,
                                  yearCount: yearCount, maxTrainingDays: scenario.maxTrainingDays)
                .best(prices: groupPrices, moneyScale: MasterProblem.moneyScale, beam: beam)
        }
        var best = [(CourseSequence, Double)?](repeating: nil, count: master.groups.count)
        for (position, group) in todo.enumerated() { best[group] = found[position] }
        return best
    }

    /// What the master's duals ask of a sequence, in the form the dynamic programs read.
    func sequencePrices(duals: [Double]) -> SequencePrices {
        let phase = self.phase
        let yearCount = master.yearCount
        var seatDuals = Array(repeating: 0.0, count: master.intakes.count)
        for (i, row) in master.seatRow.enumerated() where row >= 0 { seatDuals[i] = duals[row] }
        let preference = (shortfall: shortfallPhasePreference, spending: stabilityWeight)
        return SequencePrices(
            coverage: Array(duals[0..<master.coverage.rows.count]),
            budget: Array(duals[master.firstBudgetRow..<(master.firstBudgetRow + yearCount)]),
            seats: seatDuals,
            intakes: master.intakes,
            districtCaps: master.capRow.map { $0 >= 0 ? duals[$0] : 0 },
            startCost: { [scenario] profile, candidate, year in
                Self.startCost(scenario, profile, candidate, year, phase: phase, preference: preference)
            })
    }
}
