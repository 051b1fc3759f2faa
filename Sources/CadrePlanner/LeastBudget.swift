import CadreDomain
import CadreLinearModel
import Foundation

/// What `min-budget` finds: the cheapest plan that leaves no counted target short wherever money can help,
/// the yearly spending it takes, and the target-years no budget can bring to zero.
public struct LeastBudgetResult: Sendable {
    /// The plan, measured against the scenario with exactly `yearlyBudget` (so `budget` = spending).
    public var planning: PlanningResult
    /// Spending per year of the plan, rounded up to whole VND so that it is a budget the plan fits in.
    public var yearlyBudget: [Int: Double]
    public var total: Double { yearlyBudget.values.reduce(0, +) }
    /// Counted target-years still short in the plan: with unlimited money no plan does better on them.
    public var unmeetable: [Attainment]
    /// Proven relative gap of the least shortfall under unlimited money (0: the unmeetable list is exact).
    public var shortfallGap: Double
    /// Proven relative gap of the spending (0: no cheaper plan meets the same targets).
    public var spendingGap: Double
    public var includeStrive: Bool

    /// Whether `target` is held to zero shortfall.
    public func counts(_ target: Target) -> Bool { target.kind == .required || includeStrive }
}

extension Planner {
    /// The least total spending for which every `required` target (and every `strive` one when
    /// `includeStrive`) has no shortfall in any measured year, solved in the planner's own terms.
    ///
    /// Phase 1 plans a copy of the scenario with more money each year than every official could spend on every
    /// course, uncounted targets weighted 0: its shortfall is what no budget can avoid. Phase 2 keeps each
    /// target-year's shortfall at most at that (zero on every target-year money can meet) and minimises spending.
    /// Because phase 1 minimises the weighted sum, a target-year it leaves short might be met alone at the
    /// expense of another one competing for the same seats or training days: "unmeetable" means "not together
    /// with the rest".
    public func leastBudget(_ scenario: Scenario, includeStrive: Bool) throws -> LeastBudgetResult {
        var unlimited = scenario
        let allCourses = scenario.courses.reduce(0.0) { $0 + $1.cost }
        let plenty = (Double(scenario.officials.count) * allCourses).rounded(.up) + MasterProblem.moneyScale
        unlimited.budget = Dictionary(uniqueKeysWithValues: scenario.years.map { ($0, plenty) })
        unlimited.carryOver = false
        let counts = { (target: Target) in target.kind == .required || includeStrive }
        for index in unlimited.targets.indices where !counts(unlimited.targets[index]) {
            unlimited.targets[index].weight = 0
        }

        let run = try PlanningRun(scenario: unlimited, solver: solver, finder: finder, options: options, progress: progress)
        var values: [Double] = []
        var shortfallGap = 0.0
        var spendingGap = 0.0
        if !run.master.model.variables.isEmpty {
            let shortfallRoot = try run.generateColumns(until: run.deadline(atFraction: SearchTuning.leastBudgetColumnsShare))
            guard shortfallRoot.result.status == .optimal else {
                throw PlanningError.relaxationEnded(shortfallRoot.result.status)
            }
            if !shortfallRoot.converged { run.noteDeadline() }
            let shortfall = try run.bestInteger(root: shortfallRoot, incumbent: nil, searchUntil: run.deadline(atFraction: SearchTuning.leastBudgetSearchShare))
            shortfallGap = shortfall.gap
            // Shortfalls are whole numbers; the solver's may carry rounding dust. Uncounted targets stay free:
            // phase 1 may have met them by chance, at no cost to its objective.
            let caps = run.master.shortfallVariables.map { variable in
                let row = variable - run.master.shortfallVariables.lowerBound
                return counts(unlimited.targets[run.master.coverage.rows[row].target]) ? shortfall.values[variable].rounded() : .infinity
            }
            values = shortfall.values
            if options.stop.isRequested {
                // The spending is this command's answer: not searched, it is not proven either.
                spendingGap = .infinity
            } else {
                try run.enterSpendingPhase(primaryCap: run.primaryValue(of: shortfall.values))
                try run.capShortfalls(caps)
                let spendingEnd = run.deadline(atFraction: SearchTuning.spendingEndShare)
                let spendingRoot = try run.generateColumns(until: Date(timeIntervalSinceNow: SearchTuning.spendingColumnsShare * spendingEnd.timeIntervalSinceNow))
                if spendingRoot.result.status == .optimal {
                    let spending = try run.bestInteger(root: spendingRoot, incumbent: shortfall.values, searchUntil: spendingEnd)
                    values = spending.values
                    spendingGap = spending.gap
                } else {
                    spendingGap = .nan
                }
            }
        }
        let plan = run.master.model.variables.isEmpty ? Plan.empty : run.plan(of: values)

        let spent = PlanEvaluation(scenario: unlimited, plan: plan).budget
        var exact = scenario
        exact.budget = Dictionary(uniqueKeysWithValues: spent.map { ($0.year, ($0.spent - SearchTuning.wholeness).rounded(.up)) })
        exact.budget = exact.budget.mapValues { max(0, $0) }
        let evaluation = PlanEvaluation(scenario: exact, plan: plan)
        if let broken = evaluation.violations.first {
            throw PlanningError.breaksRule(broken, leastBudget: true)
        }
        let counted = { (row: Attainment) in
            counts(scenario.targets[row.targetIndex]) && row.isMeasured && row.shortfall > 0
        }
        let reached = shortfallGap <= options.relativeGap + SearchTuning.gapSlack && !(spendingGap > options.relativeGap + SearchTuning.gapSlack)
        var planning = PlanningResult(
            scenario: exact, plan: plan, evaluation: evaluation, status: reached ? .optimal : .feasible,
            objective: evaluation.objective, totalCost: evaluation.totalCost, gap: shortfallGap, seconds: run.elapsed,
            solverName: solver.name, variables: run.master.model.variables.count,
            constraints: run.master.model.rows.count, stoppedBy: run.stopReason(gapReached: reached))
        planning.spendingGap = spendingGap
        return LeastBudgetResult(
            planning: planning, yearlyBudget: exact.budget, unmeetable: evaluation.attainment.filter(counted),
            shortfallGap: shortfallGap, spendingGap: spendingGap, includeStrive: includeStrive)
    }
}
