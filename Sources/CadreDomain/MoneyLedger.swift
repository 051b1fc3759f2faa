/// The one money rule, which the referee, the reasons, the lock checks and the planner's searches all ask: a year
/// may spend its budget and, with carry-over, whatever earlier years left unspent (never a debt: a year that
/// spends more than it had carries nothing on); it overspends when it spends more than that by over `tolerance`.
public struct MoneyLedger: Sendable, Equatable {
    /// VND per year planned, by offset from the base year.
    public let budgets: [Double]
    public let carryOver: Bool

    /// VND a year may spend past what it has before it counts as overspent: costs split over a course's years
    /// leave fractions of a VND that must not turn a plan that fits into one that does not.
    public static let tolerance = 0.5

    public init(budgets: [Double], carryOver: Bool) {
        self.budgets = budgets
        self.carryOver = carryOver
    }

    public init(_ scenario: Scenario) {
        self.init(budgets: scenario.years.map { scenario.budget(in: $0) }, carryOver: scenario.carryOver)
    }

    /// One year of the rule: what it had (its budget and what came in) and what it carries on.
    public struct Year: Sendable, Equatable {
        public var available: Double
        public var spent: Double
        public var carried: Double

        @usableFromInline
        init(available: Double, spent: Double, carried: Double) {
            self.available = available
            self.spent = spent
            self.carried = carried
        }

        public var isOverspent: Bool { spent > available + MoneyLedger.tolerance }
        /// VND spent beyond what the year had and the tolerance; 0 when it fits.
        public var overspending: Double { max(0, spent - available - MoneyLedger.tolerance) }
    }

    /// The year after `carriedIn` came in and `spent` went out: the rule itself.
    @inlinable
    public func year(_ offset: Int, spent: Double, carriedIn: Double) -> Year {
        let available = budgets[offset] + carriedIn
        return Year(available: available, spent: spent, carried: carryOver ? max(0, available - spent) : 0)
    }

    /// Every year planned for spending per year (by offset).
    public func years(spending: [Double]) -> [Year] {
        var carried = 0.0
        return spending.indices.map { k in
            let year = year(k, spent: spending[k], carriedIn: carried)
            carried = year.carried
            return year
        }
    }

    /// Whether no year overspends.
    public func fits(_ spending: [Double]) -> Bool {
        var carried = 0.0
        for k in spending.indices {
            let year = year(k, spent: spending[k], carriedIn: carried)
            if year.isOverspent { return false }
            carried = year.carried
        }
        return true
    }

    /// VND each year overspends (0 where it fits).
    public func overspending(_ spending: [Double]) -> [Double] {
        var carried = 0.0
        return spending.indices.map { k in
            let year = year(k, spent: spending[k], carriedIn: carried)
            carried = year.carried
            return year.overspending
        }
    }

    /// VND year `offset` overspends by its own budget alone, as if nothing were carried into it: without
    /// carry-over this is the rule, and a search may ask it of one year without walking the others.
    @inlinable
    public func overspending(_ spent: Double, ownBudgetOf offset: Int) -> Double {
        year(offset, spent: spent, carriedIn: 0).overspending
    }
}
