import CadreDomain

/// Prices the master asks a sequence to pay or earns it, in model units.
struct SequencePrices: Sendable {
    /// Dual of each coverage row (≥ 0: what one more qualified member is worth).
    var coverage: [Double]
    /// Dual of each year's budget row (≤ 0), per unit of money.
    var budget: [Double]
    /// Dual of each intake's seat row (≤ 0), by intake.
    var seats: [Double]
    var intakes: Intakes
    /// Dual of each district-year cap row (≤ 0, 0 where no cap), indexed capped district × yearCount + year offset.
    var districtCaps: [Double] = []
    /// Objective cost of starting a candidate in a year, already in model units (phase dependent).
    var startCost: @Sendable (_ profile: PlanningProfile, _ candidate: Int, _ year: Int) -> Double
}
