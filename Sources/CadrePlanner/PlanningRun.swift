import CadreDomain
import CadreLinearModel
import Foundation

/// One solve of one scenario: column generation on the master problem, then branch and cut on the
/// columns found, first for the least weighted shortfall and then for the least spending at that
/// shortfall. Lives on one thread, like the solver session it owns.
final class PlanningRun {
    enum Phase { case shortfall, spending }

    /// Officials with at most this many sequences get all of them as columns at once; the optimum over
    /// them is then exact, not priced.
    static let completeSequenceLimit = 48
    /// Weight of the tie rules, in millions of VND per start: small enough never to outweigh a real
    /// difference in cost, large enough to decide between equal ones.
    static let tieWeight = 1e-6

    let scenario: Scenario
    let options: PlannerOptions
    let progress: ((SearchProgress) -> Void)?
    let started: Date
    private(set) var master: MasterProblem
    let session: any SolverSession
    /// Officials whose every sequence is a column.
    private let complete: [Bool]
    private(set) var phase: Phase = .shortfall
    private(set) var hitDeadline = false

    init(scenario: Scenario, solver: any Solver, options: PlannerOptions, progress: ((SearchProgress) -> Void)?) throws {
        self.started = Date()
        self.scenario = scenario
        self.options = options
        self.progress = progress
        let (profiles, coverage) = ProfileBuilder.build(scenario)
        var master = MasterProblem(scenario: scenario, profiles: profiles, coverage: coverage)
        var complete = Array(repeating: true, count: profiles.count)
        for profile in profiles where !profile.isIdle {
            let search = SequenceSearch(profile: profile, baseYear: scenario.baseYear, yearCount: scenario.years.count,
                                        maxTrainingDays: scenario.maxTrainingDays)
            if let all = search.all(limit: Self.completeSequenceLimit) {
                for sequence in all { _ = master.add(sequence, of: profile.official, cost: 0) }
            } else {
                complete[profile.official] = false
            }
        }
        try master.model.validate()
        self.master = master
        self.complete = complete
        self.session = try solver.open(master.model)
    }

    func deadline(atFraction fraction: Double) -> Date {
        started.addingTimeInterval(options.timeLimit * fraction)
    }

    var elapsed: TimeInterval { Date().timeIntervalSince(started) }

    // MARK: Phases

    /// Switches the objective to spending, with the weighted shortfall capped at `primaryCap`.
    func enterSpendingPhase(primaryCap: Double) throws {
        phase = .spending
        master.setPrimaryCap(primaryCap + 1e-6 * max(1, abs(primaryCap)))
        try session.setRowBounds(master.primaryRow, lower: -.infinity, upper: master.model.rows[master.primaryRow].upper)
        var costs = master.model.variables.map { _ in 0.0 }
        for (index, column) in master.columns.enumerated() {
            let cost = sequenceCost(column.sequence, of: column.official)
            costs[master.firstSequenceVariable + index] = cost
            master.setCost(ofColumn: index, cost)
        }
        master.zeroShortfallCosts()
        try session.setCosts(costs)
    }

    private static func startCost(
        _ scenario: Scenario, _ profile: PlanningProfile, _ candidate: Int, _ year: Int, phase: Phase
    ) -> Double {
        guard phase == .spending else { return 0 }
        let official = scenario.officials[profile.official]
        let course = scenario.courses[profile.candidates[candidate].course]
        let span = Double(max(1, scenario.horizon - scenario.baseYear + 1))
        let serviceLeft = Double(max(0, official.lastServiceYear - year))
        let tie = 4 * (official.hasPlannedTitle ? 0 : 1) + 2 * (1 - min(1, serviceLeft / 40)) + Double(year - scenario.baseYear) / span
        return course.cost / MasterProblem.moneyScale + Self.tieWeight * tie
    }

    func sequenceCost(_ sequence: CourseSequence, of official: Int) -> Double {
        sequence.starts.reduce(0) { $0 + Self.startCost(scenario, master.profiles[official], $1.candidate, $1.year, phase: phase) }
    }

    // MARK: Column generation

    struct Relaxation {
        var result: RelaxationResult
        /// A valid lower bound on the whole problem (not just the columns found): the Lagrangian bound.
        var lowerBound: Double
    }

    /// Prices sequences for every official until no column improves the relaxation enough, or the deadline.
    func generateColumns(until deadline: Date) throws -> Relaxation {
        var lowerBound = -Double.infinity
        while true {
            let lp = try session.solveRelaxation(options: SolveOptions(deadline: deadline, verbose: options.verbose))
            guard lp.status == .optimal else {
                throw PlanningError.solver("the relaxation ended \(lp.status.rawValue)")
            }
            let priced = price(duals: lp.duals)
            var improvement = 0.0
            var newColumns: [Variable] = []
            for (official, found) in priced.enumerated() {
                guard let (sequence, value) = found else { continue }
                let gain = value + lp.duals[master.convexityRow[official]]
                guard gain > 1e-9 else { continue }
                improvement += gain
                if let variable = master.add(sequence, of: official, cost: sequenceCost(sequence, of: official)) {
                    newColumns.append(variable)
                }
            }
            lowerBound = max(lowerBound, lp.objective - improvement)
            progress?(SearchProgress(elapsed: elapsed, incumbent: nil, bound: lowerBound))
            let closeEnough = lp.objective - lowerBound <= 0.1 * options.relativeGap * max(1, abs(lp.objective))
            if !newColumns.isEmpty { try session.addVariables(newColumns) }
            if newColumns.isEmpty || closeEnough || Date() >= deadline {
                if !newColumns.isEmpty && !closeEnough { hitDeadline = true }
                return Relaxation(result: lp, lowerBound: newColumns.isEmpty ? lp.objective : lowerBound)
            }
        }
    }

    /// The best sequence of each incompletely listed official under the duals (nil where nothing to price).
    private func price(duals: [Double]) -> [(CourseSequence, Double)?] {
        let master = self.master
        let phase = self.phase
        let yearCount = master.yearCount
        var seatDuals = Array(repeating: 0.0, count: scenario.courses.count * yearCount)
        for (i, row) in master.seatRow.enumerated() where row >= 0 { seatDuals[i] = duals[row] }
        let coverageDuals = Array(duals[0..<master.coverage.rows.count])
        let budgetDuals = Array(duals[master.firstBudgetRow..<(master.firstBudgetRow + yearCount)])
        let prices = SequencePrices(
            coverage: coverageDuals, budget: budgetDuals, seats: seatDuals,
            startCost: { [scenario] profile, candidate, year in Self.startCost(scenario, profile, candidate, year, phase: phase) })
        let todo = master.profiles.indices.filter { !complete[$0] }
        nonisolated(unsafe) var results = [(CourseSequence, Double)?](repeating: nil, count: master.profiles.count)
        let scenario = self.scenario
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for position in stride(from: worker, to: todo.count, by: workers) {
                    let profile = master.profiles[todo[position]]
                    let search = SequenceSearch(profile: profile, baseYear: scenario.baseYear, yearCount: yearCount,
                                                maxTrainingDays: scenario.maxTrainingDays)
                    out[todo[position]] = search.best(prices: prices, moneyScale: MasterProblem.moneyScale)
                }
            }
        }
        return results
    }

    // MARK: Integer solutions

    /// A feasible integer solution near the relaxation: each official keeps their heaviest column that
    /// still fits the money and seats left, taking officials in the order of the tie rules.
    func roundedSolution(from values: [Double]) -> [Double] {
        var byOfficial: [Int: [(column: Int, weight: Double)]] = [:]
        for (index, column) in master.columns.enumerated() {
            let value = values.indices.contains(master.firstSequenceVariable + index) ? values[master.firstSequenceVariable + index] : 0
            if value > 1e-6 { byOfficial[column.official, default: []].append((index, value)) }
        }
        let officials = byOfficial.keys.sorted { a, b in
            let wa = byOfficial[a]!.map(\.weight).max()!, wb = byOfficial[b]!.map(\.weight).max()!
            let ia = wa > 1 - 1e-6, ib = wb > 1 - 1e-6
            if ia != ib { return ia }
            let oa = scenario.officials[a], ob = scenario.officials[b]
            if oa.hasPlannedTitle != ob.hasPlannedTitle { return oa.hasPlannedTitle }
            if oa.lastServiceYear != ob.lastServiceYear { return oa.lastServiceYear > ob.lastServiceYear }
            return a < b
        }
        var chosen: [Int] = []
        var spent = Array(repeating: 0.0, count: master.yearCount)
        var seatsUsed: [Int: Int] = [:]
        for official in officials {
            for (column, _) in byOfficial[official]!.sorted(by: { ($0.weight, -$0.column) > ($1.weight, -$1.column) }) {
                let sequence = master.columns[column].sequence
                let spending = master.effects(of: sequence, of: official).spending
                let trial = zip(spent, spending).map { $0 + $1 }
                guard fitsBudget(trial) else { continue }
                let seatKeys = sequence.starts.map { start -> Int in
                    master.profiles[official].candidates[start.candidate].course * master.yearCount + start.year - scenario.baseYear
                }
                guard seatKeys.allSatisfy({ seatsUsed[$0, default: 0] + 1 <= scenario.courses[$0 / master.yearCount].seats }) else { continue }
                for key in seatKeys { seatsUsed[key, default: 0] += 1 }
                spent = trial
                chosen.append(column)
                break
            }
        }
        return solution(choosing: chosen)
    }

    /// The full variable vector for a choice of sequence columns: shortfalls and carry follow from it.
    func solution(choosing chosen: [Int]) -> [Double] {
        var values = Array(repeating: 0.0, count: master.model.variables.count)
        var covered = Array(repeating: 0, count: master.coverage.rows.count)
        var spent = Array(repeating: 0.0, count: master.yearCount)
        for column in chosen {
            values[master.firstSequenceVariable + column] = 1
            let (official, sequence) = master.columns[column]
            let effects = master.effects(of: sequence, of: official)
            for row in effects.coverageRows { covered[row] += 1 }
            for k in spent.indices { spent[k] += effects.spending[k] }
        }
        for r in master.coverage.rows.indices {
            let needed = master.coverage.required[r] - master.coverage.alreadyMet[r]
            values[master.shortfallVariables.lowerBound + r] = Double(max(0, needed - covered[r]))
        }
        var carried = 0.0
        for (k, variable) in master.carryVariables.enumerated() {
            carried = max(0, carried + (scenario.budget(in: scenario.baseYear + k) - spent[k]) / MasterProblem.moneyScale)
            values[variable] = carried
        }
        return values
    }

    private func fitsBudget(_ spent: [Double]) -> Bool {
        var available = 0.0
        for (k, money) in spent.enumerated() {
            let budget = scenario.budget(in: scenario.baseYear + k)
            available = scenario.carryOver ? available + budget : budget
            if money > available + PlanEvaluation.moneyTolerance { return false }
            if scenario.carryOver { available -= money }
        }
        return true
    }

    func solveInteger(start: [Double]?, until deadline: Date) throws -> IntegerResult {
        let result = try session.solveInteger(
            options: SolveOptions(deadline: deadline, relativeGap: options.relativeGap, verbose: options.verbose),
            start: start, progress: progress.map { report in { [started] p in
                report(SearchProgress(elapsed: Date().timeIntervalSince(started), incumbent: p.incumbent, bound: p.bound))
            } })
        if result.status == .feasible { hitDeadline = true }
        return result
    }

    /// Whether the columns hold every sequence of every official, so the integer optimum over them is exact.
    var columnsAreComplete: Bool { !complete.contains(false) }

    /// The chosen columns of a solution.
    func chosenColumns(_ values: [Double]) -> [Int] {
        master.columns.indices.filter { values.indices.contains(master.firstSequenceVariable + $0) && values[master.firstSequenceVariable + $0] > 0.5 }
    }

    func plan(choosing chosen: [Int]) -> Plan {
        var starts: [CourseStart] = []
        for column in chosen {
            let (official, sequence) = master.columns[column]
            for start in sequence.starts {
                starts.append(CourseStart(official: official, course: master.profiles[official].candidates[start.candidate].course, year: start.year))
            }
        }
        return Plan(starts: starts)
    }

    func padded(_ values: [Double]) -> [Double] {
        values + Array(repeating: 0, count: max(0, master.model.variables.count - values.count))
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
