import CadreDomain
import CadreGenerator
import CadreGLPK
import CadreLinearModel
@testable import CadrePlanner
import XCTest

/// Trades worked out by hand: plans that one member's move, or a move paired with one release, cannot reach.
final class TradeTests: XCTestCase {
    private let million = 1e6

    private func column(group: Int, covers rows: [Int], spending: [Double]) -> MemberSearch.Column {
        MemberSearch.Column(group: group, coverage: rows, spending: spending.map { $0 * million }, seats: [], caps: [])
    }

    /// Column 0: the heavy member's sequence, 4 million in each of three years, covering row 0; columns 1–3: a
    /// light member's 8-million course in year 1, 2 or 3, covering row 1.
    private func heavyAndThreeLight() -> [MemberSearch.Column] {
        [column(group: 0, covers: [0], spending: [4, 4, 4])]
            + (0..<3).map { year in column(group: 1, covers: [1], spending: (0..<3).map { $0 == year ? 8 : 0 }) }
    }

    private func search(columns: [MemberSearch.Column], groupSize: [Int], need: [Int], weights: [Double],
                        budget: [Double], carryOver: Bool = false) -> MemberSearch {
        var columnsOfGroup = Array(repeating: [Int](), count: groupSize.count)
        for (index, column) in columns.enumerated() { columnsOfGroup[column.group].append(index) }
        return MemberSearch(
            columns: columns, columnsOfGroup: columnsOfGroup, groupSize: groupSize, need: need, weights: weights,
            money: MoneyLedger(budgets: budget.map { $0 * million }, carryOver: carryOver), fixedSpending: budget.map { _ in 0 },
            seatLimit: [], fixedSeats: [], capLimit: [:])
    }

    private func shortfall(_ counts: [Int: Int], _ search: MemberSearch) -> Double {
        var covered = Array(repeating: 0, count: search.need.count)
        for (column, count) in counts { for row in search.columns[column].coverage { covered[row] += count } }
        return search.need.indices.reduce(0) { $0 + search.weights[$1] * Double(max(0, search.need[$1] - covered[$1])) }
    }

    private func spending(_ counts: [Int: Int], _ search: MemberSearch) -> [Double] {
        search.money.budgets.indices.map { k in counts.reduce(0) { $0 + search.columns[$1.key].spending[k] * Double($1.value) } }
    }

    /// Three light members (weight 1), each on an 8-million course in a different year of three with 10 million
    /// each; one heavy member (weight 10) idle, whose sequence needs 4 million in every year. Taking the heavy
    /// one needs all three light ones to give up: shortfall 10 → 3. With fewer released some year overspends.
    func testOneHeavyMoveIsPaidByReleasesInEveryYearItOverfills() {
        let columns = heavyAndThreeLight()
        let search = search(columns: columns, groupSize: [1, 3], need: [1, 3], weights: [10, 1], budget: [10, 10, 10])
        let start = [1: 1, 2: 1, 3: 1]
        XCTAssertEqual(shortfall(start, search), 10)
        let traded = search.traded(start, until: Date().addingTimeInterval(60))
        XCTAssertEqual(traded, [0: 1])
        XCTAssertEqual(shortfall(traded, search), 3)
        for (money, budget) in zip(spending(traded, search), search.money.budgets) { XCTAssertLessThanOrEqual(money, budget) }
        XCTAssertEqual(search.traded(traded, until: Date().addingTimeInterval(60)), traded, "no trade is left")
    }

    /// The same province with money carried over: what the heavy sequence overspends in one year the years
    /// before left unspent, so one release pays for it (10 → 1), and no running total is overspent.
    func testWithCarryOverOneReleaseIsEnough() {
        let columns = heavyAndThreeLight()
        let search = search(columns: columns, groupSize: [1, 3], need: [1, 3], weights: [10, 1], budget: [10, 10, 10], carryOver: true)
        let traded = search.traded([1: 1, 2: 1, 3: 1], until: Date().addingTimeInterval(60))
        XCTAssertEqual(shortfall(traded, search), 1)
        XCTAssertEqual(traded[0], 1)
        var spent = 0.0, available = 0.0
        for (money, budget) in zip(spending(traded, search), search.money.budgets) {
            spent += money
            available += budget
            XCTAssertLessThanOrEqual(spent, available)
        }
    }

    /// One member on a 10-million sequence covers a target of weight 15; two idle members could each cover a
    /// weight-10 target for 5 million. Neither alone pays for the release; both together do: 20 → 15.
    func testOneDearReleaseIsSpentOnTwoGainsThatNeitherPaysAlone() {
        let columns = [
            column(group: 0, covers: [1], spending: [10]),
            column(group: 1, covers: [0], spending: [5]),
        ]
        let search = search(columns: columns, groupSize: [1, 2], need: [2, 1], weights: [10, 15], budget: [10])
        let start = [0: 1]
        XCTAssertEqual(shortfall(start, search), 20)
        let traded = search.traded(start, until: Date().addingTimeInterval(60))
        XCTAssertEqual(traded, [1: 2])
        XCTAssertEqual(shortfall(traded, search), 15)
    }

    /// A trade that would gain less than it loses is not made: the heavy target weighs only 2 here, and the
    /// three light members it needs released weigh 3.
    func testATradeThatLosesMoreThanItGainsIsNotMade() {
        let columns = heavyAndThreeLight()
        let search = search(columns: columns, groupSize: [1, 3], need: [1, 3], weights: [2, 1], budget: [10, 10, 10])
        let start = [1: 1, 2: 1, 3: 1]
        XCTAssertEqual(search.traded(start, until: Date().addingTimeInterval(60)), start)
    }

    /// On a generated province: trades after rounding obey every rule, never worsen the plan, and give the same
    /// plan twice.
    func testTradesOnAProvinceObeyEveryRuleAndAreDeterministic() throws {
        let province = ProvinceGenerator(officials: 400, seed: 11).generate().scenario
        let run = try PlanningRun(scenario: province, solver: GLPKSolver(), options: PlannerOptions(timeLimit: 60, relativeGap: 0),
                                  progress: nil)
        let root = try run.generateColumns(until: Date().addingTimeInterval(30))
        let start = run.solution(run.polished(run.counts(of: run.roundedSolution(from: root.result.values))))
        let traded = run.traded(start, until: Date().addingTimeInterval(60))
        let evaluation = PlanEvaluation(scenario: province, plan: run.plan(of: traded))
        XCTAssertEqual(evaluation.violations, [])
        XCTAssertEqual(evaluation.objective, run.primaryValue(of: traded), accuracy: 1e-6)
        XCTAssertLessThanOrEqual(run.primaryValue(of: traded), run.primaryValue(of: start))
        XCTAssertGreaterThanOrEqual(run.primaryValue(of: traded), root.lowerBound - 1e-6)
        XCTAssertEqual(run.traded(start, until: Date().addingTimeInterval(60)), traded)
    }
}
