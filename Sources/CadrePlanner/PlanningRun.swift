import CadreDomain
import CadreLinearModel
import Foundation

/// One solve of one scenario: column generation on the master problem, then integer plans by rounding, member
/// searches and (only while the gap is open) neighbourhoods and branch and cut on the columns found — first for
/// the least weighted shortfall, then for the least spending at that shortfall. Lives on one thread, like the
/// solver session it owns.
final class PlanningRun {
    enum Phase { case shortfall, spending }

    /// Groups with at most this many sequences get all of them as columns at once; the optimum over
    /// them is then exact, not priced. Large provinces list only the smallest sets, to keep the master small.
    static func completeSequenceLimit(officials: Int) -> Int { officials <= 1_000 ? 48 : 4 }
    /// Weight of the tie rules, in millions of VND per start: small enough never to outweigh a real
    /// difference in cost, large enough to decide between equal ones.
    static let tieWeight = 1e-6
    /// Time any relaxation may take past the deadline, so that even a tiny time limit returns a plan.
    static let graceSeconds = 5.0
    /// States kept per year by the cheap pricing of the early rounds.
    static let pricingBeam = 64

    let scenario: Scenario
    let options: PlannerOptions
    let progress: ((PlanningProgress) -> Void)?
    let started: Date
    private(set) var master: MasterProblem
    let session: any SolverSession
    /// Groups whose every sequence is a column.
    private(set) var complete: [Bool]
    private(set) var phase: Phase = .shortfall
    /// Some search stopped at its deadline rather than at the gap.
    private(set) var hitDeadline = false

    func noteDeadline() { hitDeadline = true }

    /// What ended the search, once it is over. A stop request ends every search at once, so when one came it
    /// is what ended this one, even if a deadline had cut an earlier part short.
    func stopReason(gapReached: Bool) -> StopReason {
        if gapReached { return .gap }
        if options.stop.isRequested { return .stopRequest }
        return hitDeadline ? .timeLimit : .searchExhausted
    }

    /// What the caller was last told: the weighted shortfall's best plan and bound, and the phase.
    private var reported = PlanningProgress(phase: .relaxation)

    /// Tells the caller how the search stands. Values of the spending objective are not the shortfall's, so
    /// the spending phase only repeats the shortfall it keeps.
    func report(best: Double? = nil, bound: Double? = nil) {
        if phase == .shortfall {
            if let best { reported.best = min(reported.best ?? .infinity, best) }
            if let bound, bound.isFinite { reported.bound = max(reported.bound ?? -.infinity, strengthened(bound)) }
        }
        progress?(reported)
    }

    /// Moves the reported phase on: column generation for the shortfall is `relaxation`, its integer search
    /// `shortfall`, and everything after the shortfall is settled `spending`.
    private func report(_ next: PlanningPhase) {
        guard reported.phase != next else { return }
        reported.phase = next
        progress?(reported)
    }

    /// Weight of keeping one start of the previous plan, in millions of VND: worth more than ten of the dearest
    /// courses, so the spending phase changes a previous plan only where that saves a great deal.
    let stabilityWeight: Double
    /// The same preference while shortfall is minimised, too small for all kept starts together to outweigh one
    /// person short: among the many plans of equal shortfall, the relaxation then leans to the previous one, and
    /// the spending phase starts from a plan that already keeps most of it.
    let shortfallPhasePreference: Double

    init(scenario: Scenario, solver: any Solver, options: PlannerOptions, progress: ((PlanningProgress) -> Void)?,
         previous: [CourseStart] = []) throws {
        let conflicts = LockConflicts.find(in: scenario)
        if !conflicts.isEmpty { throw LockConflictError(conflicts: conflicts) }
        self.started = Date()
        self.scenario = scenario
        self.options = options
        self.progress = progress
        self.stabilityWeight = 10 * (scenario.courses.map(\.cost).max() ?? 0) / MasterProblem.moneyScale + 1
        self.shortfallPhasePreference = 0.5 * (scenario.targets.map(\.weight).filter { $0 > 0 }.min() ?? 1) / Double(max(1, previous.count))
        let (profiles, coverage) = ProfileBuilder.build(scenario, preferred: previous)
        let groups = Self.group(profiles, scenario: scenario)
        var master = MasterProblem(scenario: scenario, groups: groups, coverage: coverage)
        var complete = Array(repeating: true, count: groups.count)
        let limit = options.listingLimit ?? Self.completeSequenceLimit(officials: profiles.count)
        for (g, group) in groups.enumerated() {
            guard SequenceSearch.fits(group.profile, baseYear: scenario.baseYear) else {
                throw PlanningError.inconsistent("official \(scenario.officials[group.members[0]].id) has more courses to choose from than the planner handles")
            }
            let search = SequenceSearch(profile: group.profile, baseYear: scenario.baseYear, yearCount: scenario.years.count,
                                        maxTrainingDays: scenario.maxTrainingDays)
            if let all = search.all(limit: limit) {
                for sequence in all { _ = master.add(sequence, of: g, cost: 0) }
            } else {
                complete[g] = false
            }
        }
        try master.model.validate()
        self.master = master
        self.complete = complete
        self.session = try solver.open(master.model)
        trace("model: \(profiles.count) officials in \(groups.count) groups, \(master.model.rows.count) rows, \(master.columns.count) listed columns")
        // The first relaxation may take long and reports nothing until it is solved.
        progress?(reported)
    }

    /// Officials with choices, gathered by what pricing sees; members in the tie rules' order.
    private static func group(_ profiles: [PlanningProfile], scenario: Scenario) -> [OfficialGroup] {
        var index: [PricingKey: Int] = [:]
        var groups: [OfficialGroup] = []
        for profile in profiles where !profile.isIdle {
            let key = profile.pricingKey
            if let g = index[key] {
                groups[g].members.append(profile.official)
            } else {
                index[key] = groups.count
                groups.append(OfficialGroup(profile: profile, members: [profile.official]))
            }
        }
        for g in groups.indices {
            groups[g].members.sort { tiePrecedes($0, $1, scenario.officials) }
            groups[g].profile.official = groups[g].members[0]
        }
        return groups
    }

    /// The tie rules' order between two officials: planned title first, then longer service left, then file order.
    static func tiePrecedes(_ a: Int, _ b: Int, _ officials: [Official]) -> Bool {
        let oa = officials[a], ob = officials[b]
        if oa.hasPlannedTitle != ob.hasPlannedTitle { return oa.hasPlannedTitle }
        if oa.lastServiceYear != ob.lastServiceYear { return oa.lastServiceYear > ob.lastServiceYear }
        return a < b
    }

    /// A point `fraction` of the way from the start of planning to the end of the time the limit leaves it.
    func deadline(atFraction fraction: Double) -> Date {
        let end = (options.clockStarted ?? started).addingTimeInterval(options.timeLimit - options.keptForWriting)
        return started.addingTimeInterval(max(0, end.timeIntervalSince(started)) * fraction)
    }

    var elapsed: TimeInterval { Date().timeIntervalSince(started) }

    /// Whether the columns hold every sequence of every group, so the integer optimum over them is exact.
    var columnsAreComplete: Bool { !complete.contains(false) }

    // MARK: Phases

    /// Switches the objective to spending, with the weighted shortfall capped at `primaryCap`.
    func enterSpendingPhase(primaryCap: Double) throws {
        phase = .spending
        report(.spending)
        bestNodePlan = nil
        master.setPrimaryCap(primaryCap + 1e-6 * max(1, abs(primaryCap)))
        try session.setRowBounds(master.primaryRow, lower: -.infinity, upper: master.model.rows[master.primaryRow].upper)
        var costs = master.model.variables.map { _ in 0.0 }
        for (index, column) in master.columns.enumerated() {
            let cost = sequenceCost(column.sequence, of: column.group)
            costs[master.firstSequenceVariable + index] = cost
            master.setCost(ofColumn: index, cost)
        }
        master.zeroShortfallCosts()
        try session.setCosts(costs)
    }

    /// Holds every coverage row's shortfall at most at `caps[row]`, in the model and in the solver.
    func capShortfalls(_ caps: [Double]) throws {
        for (row, cap) in caps.enumerated() {
            master.capShortfall(ofRow: row, at: cap)
            try session.setVariableBounds(master.shortfallVariables.lowerBound + row, lower: 0, upper: cap)
        }
    }

    /// Whether a solution keeps every shortfall within its bound (only `min-budget` sets any) and the weighted
    /// shortfall within the spending phase's cap: the plans the heuristics build keep money, seats and group
    /// sizes by construction, but only this says they may stand.
    func withinShortfallCaps(_ values: [Double]) -> Bool {
        master.shortfallVariables.allSatisfy { values[$0] <= master.model.variables[$0].upper + 1e-9 }
            && primaryValue(of: values) <= master.model.rows[master.primaryRow].upper + 1e-9
    }

    /// A start's objective cost: nothing while shortfall is minimised; then its cost in millions, nudged by
    /// the tie rules (planned title, service left of the group's first member, earlier years).
    private static func startCost(
        _ scenario: Scenario, _ profile: PlanningProfile, _ candidate: Int, _ year: Int, phase: Phase,
        preference: (shortfall: Double, spending: Double)
    ) -> Double {
        let keeps = profile.preferred.contains(PreferredStart(candidate: candidate, year: year))
        guard phase == .spending else { return keeps ? -preference.shortfall : 0 }
        let official = scenario.officials[profile.official]
        let course = scenario.courses[profile.candidates[candidate].course]
        let span = Double(max(1, scenario.horizon - scenario.baseYear + 1))
        let serviceLeft = Double(max(0, official.lastServiceYear - year))
        let tie = 4 * (official.hasPlannedTitle ? 0 : 1) + 2 * (1 - min(1, serviceLeft / 40)) + Double(year - scenario.baseYear) / span
        return course.cost / MasterProblem.moneyScale + Self.tieWeight * tie - (keeps ? preference.spending : 0)
    }

    func sequenceCost(_ sequence: CourseSequence, of group: Int) -> Double {
        sequence.starts.reduce(0) {
            $0 + Self.startCost(scenario, master.groups[group].profile, $1.candidate, $1.year, phase: phase,
                                preference: (shortfallPhasePreference, stabilityWeight))
        }
    }

    // MARK: Column generation

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
        while true {
            // A relaxation is always solved, even past the deadline: without one there is no plan to return.
            let lpDeadline = max(deadline, Date().addingTimeInterval(Self.graceSeconds))
            let lp = try session.solveRelaxation(options: SolveOptions(deadline: lpDeadline, verbose: options.verbose))
            guard lp.status == .optimal else { return Relaxation(result: lp, lowerBound: lowerBound, converged: false) }
            // A stop takes the relaxation as it stands, without an exact round to buy a bound: the plan comes first.
            if round >= maxRounds || options.stop.isRequested {
                return Relaxation(result: lp, lowerBound: lowerBound, converged: false)
            }
            round += 1
            let pricingStarted = Date()
            let priced = price(duals: lp.duals, beam: exact ? nil : Self.pricingBeam)
            let pricingSeconds = Date().timeIntervalSince(pricingStarted)
            // Lagrangian bound: each group could move all its members to its best sequence.
            var improvement = 0.0
            var newColumns: [Variable] = []
            for (g, found) in priced.enumerated() {
                guard let (sequence, value) = found else { continue }
                let gain = value + lp.duals[master.convexityRow[g]]
                guard gain > 1e-9 else { continue }
                improvement += gain * Double(master.groups[g].members.count)
                if let variable = master.add(sequence, of: g, cost: sequenceCost(sequence, of: g)) {
                    newColumns.append(variable)
                }
            }
            if exact { lowerBound = max(lowerBound, lp.objective - improvement) }
            trace("columns: \(exact ? "exact" : "beam") lp \(lp.objective) bound \(lowerBound) added \(newColumns.count) total \(master.columns.count) pricing \(String(format: "%.2f", pricingSeconds))s")
            report(bound: lowerBound)
            if !newColumns.isEmpty { try session.addVariables(newColumns) }
            let closeEnough = lp.objective - lowerBound <= 0.1 * options.relativeGap * max(1, abs(lp.objective))
            if newColumns.isEmpty && !exact {
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

    /// The best sequence of each incompletely listed group under the duals (nil where nothing to price).
    private func price(duals: [Double], beam: Int?) -> [(CourseSequence, Double)?] {
        let master = self.master
        let yearCount = master.yearCount
        let prices = sequencePrices(duals: duals)
        // Heaviest searches first, handed out one at a time, so no worker is left with the long tail.
        let todo = master.groups.indices.filter { !complete[$0] }
            .sorted { (master.groups[$0].profile.candidates.count, $1) > (master.groups[$1].profile.candidates.count, $0) }
        nonisolated(unsafe) var found = [(CourseSequence, Double)?](repeating: nil, count: master.groups.count)
        let scenario = self.scenario
        let nextJob = JobCounter()
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let position = nextJob.next(below: todo.count) {
                    let search = SequenceSearch(profile: master.groups[todo[position]].profile, baseYear: scenario.baseYear,
                                                yearCount: yearCount, maxTrainingDays: scenario.maxTrainingDays)
                    out[todo[position]] = search.best(prices: prices, moneyScale: MasterProblem.moneyScale, beam: beam)
                }
            }
        }
        return found
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

    // MARK: Integer solutions

    /// Members per column of a solution (index by column).
    typealias Counts = [Int: Int]

    private func value(_ values: [Double], column: Int) -> Double {
        let index = master.firstSequenceVariable + column
        return values.indices.contains(index) ? values[index] : 0
    }

    /// Money, seats, group sizes and district caps used by the counts already chosen (and by fixed courses);
    /// one place checks them all.
    private struct Ledger {
        var spent: [Double]
        var seatsUsed: [Int: Int]
        var groupUsed: [Int: Int] = [:]
        var capUsed: [Int: Int] = [:]
    }

    private func emptyLedger() -> Ledger {
        Ledger(spent: master.fixedSpending, seatsUsed: master.fixedSeats)
    }

    /// Adds `count` members on `column` to the ledger if money, seats and the group's size allow.
    private func take(_ count: Int, of column: Int, into ledger: inout Ledger) -> Bool {
        guard count > 0 else { return true }
        let (group, sequence) = master.columns[column]
        guard ledger.groupUsed[group, default: 0] + count <= master.groups[group].members.count else { return false }
        let effects = master.columnEffects[column]
        guard effects.capRows.allSatisfy({ Double(ledger.capUsed[$0, default: 0] + count) <= master.model.rows[$0].upper + 1e-9 }) else {
            return false
        }
        let trial = zip(ledger.spent, effects.spending).map { $0 + $1 * Double(count) }
        guard master.money.fits(trial) else { return false }
        let keys = intakes(of: sequence, of: group)
        guard keys.allSatisfy({ ledger.seatsUsed[$0, default: 0] + count <= scenario.courses[master.intakes.course(of: $0)].seats }) else {
            return false
        }
        ledger.spent = trial
        for key in keys { ledger.seatsUsed[key, default: 0] += count }
        for row in effects.capRows { ledger.capUsed[row, default: 0] += count }
        ledger.groupUsed[group, default: 0] += count
        return true
    }

    /// A feasible integer solution near the relaxation: whole parts first, then the largest fractions,
    /// each only while money and seats allow.
    func roundedSolution(from values: [Double]) -> [Double] {
        var ledger = emptyLedger()
        var counts: Counts = [:]
        let used = master.columns.indices.filter { value(values, column: $0) > 1e-6 }
        for column in used {
            var whole = Int((value(values, column: column) + 1e-6).rounded(.down))
            while whole > 0 && !take(whole, of: column, into: &ledger) { whole -= 1 }
            if whole > 0 { counts[column] = whole }
        }
        let fractions = used.map { ($0, value(values, column: $0) - (value(values, column: $0) + 1e-6).rounded(.down)) }
            .filter { $0.1 > 1e-6 }
            .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
        for (column, _) in fractions where take(1, of: column, into: &ledger) { counts[column, default: 0] += 1 }
        return solution(counts)
    }

    /// The full variable vector for member counts per column: shortfalls and carry follow from it.
    func solution(_ counts: Counts) -> [Double] {
        var values = Array(repeating: 0.0, count: master.model.variables.count)
        var covered = Array(repeating: 0, count: master.coverage.rows.count)
        var spent = master.fixedSpending
        for (column, count) in counts where count > 0 {
            values[master.firstSequenceVariable + column] = Double(count)
            let effects = master.columnEffects[column]
            for row in effects.coverageRows { covered[row] += count }
            for k in spent.indices { spent[k] += effects.spending[k] * Double(count) }
        }
        for (r, needed) in master.coverage.needed.enumerated() {
            values[master.shortfallVariables.lowerBound + r] = Double(max(0, needed - covered[r]))
        }
        let money = master.money.years(spending: spent)
        for (k, variable) in master.carryVariables.enumerated() { values[variable] = money[k].carried / MasterProblem.moneyScale }
        return values
    }

    func counts(of values: [Double]) -> Counts {
        var counts: Counts = [:]
        for column in master.columns.indices {
            let count = Int(value(values, column: column).rounded())
            if count > 0 { counts[column] = count }
        }
        return counts
    }

    private func intakes(of sequence: CourseSequence, of group: Int) -> [Int] {
        sequence.starts.map { master.intakes.index(course: master.groups[group].profile.candidates[$0.candidate].course, year: $0.year) }
    }

    /// Local repair of an integer choice: first drop members whose every target-year is over-covered
    /// (dearest first: money freed at no loss), then add members where one more covers the most weighted
    /// shortfall per VND, as long as money, seats and group sizes allow — while shortfall is minimised, as far
    /// as that goes; in the spending phase only until the shortfall is back within its cap (rounding the
    /// relaxation down leaves it short, and a plan over the cap is no plan at all).
    func polished(_ start: Counts) -> Counts {
        var counts = start
        var covered = Array(repeating: 0, count: master.coverage.rows.count)
        let needed = master.coverage.needed
        let effects = master.columnEffects
        for (column, count) in counts { for row in effects[column].coverageRows { covered[row] += count } }
        for column in counts.keys.sorted(by: { (effects[$0].spending.reduce(0, +), $1) > (effects[$1].spending.reduce(0, +), $0) }) {
            while counts[column, default: 0] > 0 && effects[column].coverageRows.allSatisfy({ covered[$0] > needed[$0] }) {
                counts[column]! -= 1
                for row in effects[column].coverageRows { covered[row] -= 1 }
            }
        }
        counts = counts.filter { $0.value > 0 }
        let cap = master.model.rows[master.primaryRow].upper
        func weightedShortfall() -> Double {
            master.coverage.rows.indices.reduce(0.0) { $0 + master.shortfallWeights[$1] * Double(max(0, needed[$1] - covered[$1])) }
        }
        if phase == .spending && weightedShortfall() <= cap { return counts }
        var ledger = emptyLedger()
        for (column, count) in counts.sorted(by: { $0.key < $1.key }) { _ = take(count, of: column, into: &ledger) }
        func score(_ column: Int) -> Double {
            let gain = effects[column].coverageRows.reduce(0.0) { $0 + (covered[$1] < needed[$1] ? master.shortfallWeights[$1] : 0) }
            return gain / (1 + effects[column].spending.reduce(0, +) / MasterProblem.moneyScale)
        }
        // Lazy greedy: scores only fall as coverage grows, so a column whose fresh score still beats the
        // next stale one is the best, and the list is sorted once.
        var pending = master.columns.indices.map { ($0, score($0)) }.filter { $0.1 > 0 }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
        var next = 0
        while next < pending.count {
            let column = pending[next].0
            let fresh = score(column)
            if fresh <= 0 {
                next += 1
            } else if next + 1 < pending.count && fresh < pending[next + 1].1 {
                var position = next + 1
                while position + 1 < pending.count && pending[position + 1].1 > fresh { position += 1 }
                pending.remove(at: next)
                pending.insert((column, fresh), at: position)
            } else if take(1, of: column, into: &ledger) {
                counts[column, default: 0] += 1
                for row in effects[column].coverageRows { covered[row] += 1 }
                pending[next].1 = fresh
                if phase == .spending && weightedShortfall() <= cap { break }
            } else {
                next += 1
            }
        }
        return counts
    }

    /// The relaxation has many optimal corners, and their roundings differ by much more than the corners do
    /// (on the sample province, from 0.1 % to 1.3 % above the bound): solve it again with each column's cost
    /// nudged by a fixed-seed random amount, and round and polish each corner found, until one is within the
    /// gap, the rounds run out or the deadline comes. The costs are restored after.
    func perturbedRoundings(goodEnough: Double, until deadline: Date, rounds: Int = perturbedRounds) throws -> [[Double]] {
        let costs = master.model.variables.map(\.cost)
        defer {
            try? session.setCosts(costs)
            _ = try? session.solveRelaxation(options: SolveOptions(deadline: Date().addingTimeInterval(Self.graceSeconds), verbose: options.verbose))
        }
        var random = SeededRandom(seed: 2022)
        var found: [[Double]] = []
        var round = 0
        while !options.stop.endsSearch(due: deadline) && round < rounds {
            round += 1
            var nudged = costs
            for column in master.columns.indices { nudged[master.firstSequenceVariable + column] += Self.perturbation * random.unit() }
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

    /// The incumbent improved by member-wise simulated annealing (see `MemberSearch`), then polished.
    func annealed(_ incumbent: [Double], moves: Int, until deadline: Date) -> [Double] {
        let counts = memberSearch().improved(counts(of: incumbent), moves: moves, seed: 2022, until: deadline)
        return kept(solution(polished(counts)), over: incumbent, by: "annealing")
    }

    /// The incumbent improved by trades (`MemberSearch.traded`), then polished.
    func traded(_ incumbent: [Double], until deadline: Date) -> [Double] {
        let counts = memberSearch().traded(counts(of: incumbent), until: deadline)
        return kept(solution(polished(counts)), over: incumbent, by: "trades")
    }

    private func kept(_ result: [Double], over incumbent: [Double], by search: String) -> [Double] {
        trace("\(search): \(primaryValue(of: incumbent)) → \(primaryValue(of: result))")
        return objective(of: result) < objective(of: incumbent) - 1e-9 && withinShortfallCaps(result) ? result : incumbent
    }

    private func memberSearch() -> MemberSearch {
        var columnsOfGroup = Array(repeating: [Int](), count: master.groups.count)
        let columns = master.columns.enumerated().map { index, entry in
            columnsOfGroup[entry.group].append(index)
            let effects = master.columnEffects[index]
            return MemberSearch.Column(group: entry.group, coverage: effects.coverageRows, spending: effects.spending,
                                       seats: intakes(of: entry.sequence, of: entry.group), caps: effects.capRows)
        }
        let seatCount = master.intakes.count
        var fixedSeats = Array(repeating: 0, count: seatCount)
        for (key, used) in master.fixedSeats { fixedSeats[key] = used }
        var capLimit: [Int: Int] = [:]
        for row in master.capRow where row >= 0 { capLimit[row] = Int((master.model.rows[row].upper + 1e-9).rounded(.down)) }
        return MemberSearch(
            columns: columns, columnsOfGroup: columnsOfGroup, groupSize: master.groups.map(\.members.count),
            need: master.coverage.needed,
            weights: master.shortfallWeights,
            money: master.money, fixedSpending: master.fixedSpending,
            seatLimit: (0..<seatCount).map { scenario.courses[master.intakes.course(of: $0)].seats }, fixedSeats: fixedSeats,
            capLimit: capLimit, stop: options.stop)
    }

    /// Moves of the annealing: a fixed number, so that the same province gives the same plan (2,000 per
    /// official with a choice, at most two million: 2 s on 1,000 officials).
    static let annealingMoves = 2_000_000
    static let annealingMovesPerMember = 2_000

    /// Size of the nudge, in weighted-shortfall units per column: any positive amount picks another corner.
    static let perturbation = 0.005
    static let perturbedRounds = 400
    /// Corners still tried once a plan is within a tight gap (the contract's 0.1 % or less): a planner asking
    /// that much wants the best plan, and on large provinces these rounds find plans better than the proof
    /// needs (100,000 officials: 374,647 → 374,602 for 10 s of a 54-s run). A fixed count, like the rest.
    static let roundsWithinGap = 16
    static let tightGap = 0.001

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
        var random = SeededRandom(seed: 2022)
        var freeShare = Self.initialFreeShare
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
            let seconds = whole ? max(Self.neighbourhoodSeconds, 0.5 * deadline.timeIntervalSinceNow) : Self.neighbourhoodSeconds
            let subDeadline = min(deadline, Date().addingTimeInterval(seconds))
            let result = try session.solveInteger(
                options: SolveOptions(deadline: subDeadline, relativeGap: whole ? options.relativeGap : 0, verbose: options.verbose,
                                      goodEnough: goodEnough, stop: options.stop),
                start: best, heuristic: nodeRounding, progress: nil)
            let settled = result.status == .optimal && Date() < subDeadline
            freeShare = settled ? min(1, freeShare * 1.25) : max(Self.smallestFreeShare, freeShare * 0.8)
            for candidate in [result.values.isEmpty ? nil : solution(counts(of: result.values)), bestNodePlan].compactMap({ $0 })
            where objective(of: candidate) < bestObjective - 1e-9 && withinShortfallCaps(candidate) {
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

    static let initialFreeShare = 0.15
    static let smallestFreeShare = 0.03
    static let neighbourhoodSeconds = 1.5

    /// Σ cost × value under the current objective.
    func objective(of values: [Double]) -> Double {
        zip(master.model.variables, values).reduce(0) { $0 + $1.0.cost * $1.1 }
    }

    /// A lower bound made as tight as the objective's values allow: weighted shortfall is never negative,
    /// and with whole weights it is a whole number, so a bound of 176.2 proves 177.
    func strengthened(_ bound: Double) -> Double {
        guard phase == .shortfall else { return bound }
        let whole = master.shortfallWeights.allSatisfy { $0 == $0.rounded() }
        return max(0, whole ? (bound - 1e-6).rounded(.up) : bound)
    }

    /// Σ weight × shortfall of a solution.
    func primaryValue(of values: [Double]) -> Double {
        master.shortfallVariables.reduce(0.0) {
            $0 + master.shortfallWeights[$1 - master.shortfallVariables.lowerBound] * values[$1]
        }
    }

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
            throw PlanningError.inconsistent("no integer plan keeps the shortfall found")
        }
        var bound = strengthened(root.lowerBound)
        trace("heuristics: objective \(objective(of: best)) bound \(bound)")
        report(best: primaryValue(of: best), bound: bound)
        let within = relativeGap(incumbent: objective(of: best), bound: bound) <= options.relativeGap
        if phase == .shortfall, !within || options.relativeGap <= Self.tightGap {
            // A third of the search time: the best corner comes early, later rounds rarely beat it.
            let until = Date(timeIntervalSinceNow: 0.35 * searchUntil.timeIntervalSinceNow)
            let other = try perturbedRoundings(goodEnough: within ? -.infinity : goodEnough(bound), until: until,
                                               rounds: within ? Self.roundsWithinGap : Self.perturbedRounds)
                .filter { withinShortfallCaps($0) }
                .min { objective(of: $0) < objective(of: $1) }
            if let other, objective(of: other) < objective(of: best) - 1e-9 { best = other }
            trace("perturbed roundings: objective \(objective(of: best))")
            // Trades make the plans rounding misses (1,000 officials: 3,503 → 3,495 in 0.1 s); half of what is
            // left at most, because on 100,000 officials each sweep takes seconds.
            best = traded(best, until: Date(timeIntervalSinceNow: 0.5 * searchUntil.timeIntervalSinceNow))
            report(best: primaryValue(of: best))
        }
        if phase == .shortfall, relativeGap(incumbent: objective(of: best), bound: bound) > options.relativeGap,
           !options.stop.endsSearch(due: searchUntil) {
            let members = master.groups.reduce(0) { $0 + $1.members.count }
            best = annealed(best, moves: min(Self.annealingMoves, Self.annealingMovesPerMember * members),
                            until: Date(timeIntervalSinceNow: 0.25 * searchUntil.timeIntervalSinceNow))
            best = traded(best, until: Date(timeIntervalSinceNow: 0.25 * searchUntil.timeIntervalSinceNow))
            report(best: primaryValue(of: best))
        }
        if relativeGap(incumbent: objective(of: best), bound: bound) > options.relativeGap, !options.stop.endsSearch(due: searchUntil) {
            let descent = try neighbourhoodDescent(from: best, goodEnough: goodEnough(bound), until: searchUntil)
            best = descent.values
            if let proven = descent.bound, columnsAreComplete { bound = max(bound, strengthened(proven)) }
            report(best: primaryValue(of: best), bound: bound)
        }
        // Still open only when the deadline came: branch and cut then returns at once and records it.
        if relativeGap(incumbent: objective(of: best), bound: bound) > options.relativeGap {
            let search = try solveInteger(start: best, goodEnough: goodEnough(bound), until: searchUntil)
            if !search.values.isEmpty && search.objective < objective(of: best) { best = search.values }
            if let node = bestNodePlan, withinShortfallCaps(node), objective(of: node) < objective(of: best) - 1e-9 { best = node }
            if columnsAreComplete { bound = max(bound, strengthened(min(search.bound, objective(of: best)))) }
            report(best: primaryValue(of: best), bound: bound)
        }
        // Time left and the gap open: the columns so far were not enough, so complete them. Last, because its
        // branch and cut may not settle in the time left, and a better incumbent (from annealing and the
        // neighbourhoods, which on small provinces end in seconds) narrows what must be listed.
        if canCompleteColumns, relativeGap(incumbent: objective(of: best), bound: bound) > options.relativeGap,
           !options.stop.endsSearch(due: searchUntil) {
            (best, bound) = try completedSearch(from: best, bound: bound, until: searchUntil)
        }
        return IntegerPlan(values: best, objective: objective(of: best), bound: bound)
    }

    /// The objective at which a plan is within the requested gap of `bound`.
    func goodEnough(_ bound: Double) -> Double {
        bound >= 0 ? bound / (1 - options.relativeGap) : bound * (1 - options.relativeGap)
    }

    /// Rounds and polishes a node's relaxation, as the root's: GLPK finds integer plans only where a node's
    /// relaxation happens to be whole, which on these models is almost never.
    /// Polishing may move groups a neighbourhood holds fixed, so GLPK refuses such a plan; the best of them
    /// is kept here instead, and the descent takes it when it beats the neighbourhood's.
    func nodeRounding(_ relaxation: [Double]) -> [Double]? {
        let values = solution(polished(counts(of: roundedSolution(from: relaxation))))
        guard withinShortfallCaps(values) else { return nil }
        if bestNodePlan.map({ objective(of: values) < objective(of: $0) - 1e-9 }) ?? true { bestNodePlan = values }
        return values
    }

    var bestNodePlan: [Double]?

    func solveInteger(start: [Double]?, goodEnough: Double? = nil, until deadline: Date) throws -> IntegerResult {
        let result = try session.solveInteger(
            options: SolveOptions(deadline: deadline, relativeGap: options.relativeGap, verbose: options.verbose,
                                  goodEnough: goodEnough, stop: options.stop),
            start: start, heuristic: nodeRounding, progress: { [self] search in
                // The tree's bound holds for every plan only when the columns hold every sequence.
                report(best: search.incumbent, bound: columnsAreComplete ? search.bound : nil)
            })
        if (result.status == .feasible || result.status == .noSolution) && Date() >= deadline { hitDeadline = true }
        trace("integer: \(result.status.rawValue) objective \(result.objective) bound \(result.bound)")
        return result
    }

    /// The plan of a solution: each group's counts handed to its members in the tie rules' order, the
    /// earliest-starting sequences first.
    func plan(of values: [Double]) -> Plan {
        var byGroup: [Int: [(column: Int, count: Int)]] = [:]
        for (column, count) in counts(of: values) { byGroup[master.columns[column].group, default: []].append((column, count)) }
        var starts: [CourseStart] = []
        for (group, columns) in byGroup {
            var members = master.groups[group].members[...]
            let ordered = columns.sorted {
                let (a, b) = (master.columns[$0.column].sequence.starts, master.columns[$1.column].sequence.starts)
                return (a.first?.year ?? 0, $0.column) < (b.first?.year ?? 0, $1.column)
            }
            for (column, count) in ordered {
                let sequence = master.columns[column].sequence
                for official in members.prefix(count) {
                    for start in sequence.starts {
                        starts.append(CourseStart(
                            official: official, course: master.groups[group].profile.candidates[start.candidate].course, year: start.year))
                    }
                }
                members = members.dropFirst(count)
            }
        }
        return Plan(starts: starts + scenario.locks.pins.map(\.start))
    }

    func padded(_ values: [Double]) -> [Double] {
        values + Array(repeating: 0, count: max(0, master.model.variables.count - values.count))
    }

    /// Timings for benchmarks and diagnosis, on standard error when CADREPLAN_TRACE is set.
    func trace(_ message: @autoclosure () -> String) {
        guard Self.tracing else { return }
        FileHandle.standardError.write(Data(String(format: "[%7.3fs] ", elapsed).appending(message() + "\n").utf8))
    }

    private static let tracing = ProcessInfo.processInfo.environment["CADREPLAN_TRACE"] != nil
}

/// Hands out job numbers to worker threads.
private final class JobCounter: @unchecked Sendable {
    private var issued = 0
    private let lock = NSLock()

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard issued < count else { return nil }
        issued += 1
        return issued - 1
    }
}

public enum PlanningError: Error, CustomStringConvertible {
    case solver(String)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .solver(let message): "solver failure: \(message)"
        case .inconsistent(let message): "internal inconsistency: \(message)"
        }
    }
}
