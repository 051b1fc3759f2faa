import CadreDomain
import Foundation

extension MemberSearch {
    /// How far the current state with some moves overfills the plan: millions of VND over the budgets (each
    /// year, or each running total with carry-over), plus a thousand per seat or capped trainee over.
    struct Overuse {
        var spent: [Double]
        /// Millions over, per year.
        var over: [Double]
        var overYears: UInt64 = 0
        var seatsUsed: [Int: Int] = [:]
        var capUsed: [Int: Int] = [:]
        /// Seats and caps over, counted.
        var overPlaces = 0
        let base: State

        init(state: State) {
            base = state
            spent = state.spent
            over = Array(repeating: 0, count: state.spent.count)
        }

        var excess: Double { over.reduce(0, +) + 1000 * Double(overPlaces) }

        private func seats(_ key: Int) -> Int { seatsUsed[key] ?? base.seatsUsed[key] }
        private func caps(_ row: Int) -> Int { capUsed[row] ?? base.capUsed[row, default: 0] }

        /// Millions over the budget per year were `delta` spent on top.
        private func moneyOver(_ search: MemberSearch, with delta: [Double]) -> [Double] {
            search.moneyOver(zip(spent, delta).map { $0 + $1 })
        }

        /// How many more places a key goes over its limit when `delta` are added to `used` (negative: fewer).
        private static func placesOver(used: Int, delta: Int, limit: Int) -> Int {
            max(0, used + delta - limit) - max(0, used - limit)
        }

        /// How much the table's move at `index` would lower the excess without adding to it anywhere; nil when
        /// it adds somewhere (a release shifting money into a full year trades one hole for another, and the
        /// greedy rarely fills the new one; a gain added once the excess is nil then does not fit).
        func relief(of index: Int, in table: MoveTable, checkingPlaces: Bool, of search: MemberSearch) -> Double? {
            var change = 0.0
            let years = spent.count
            if search.money.carryOver {
                let after = moneyOver(search, with: Array(table.spending[(index * years)..<((index + 1) * years)]))
                for k in after.indices {
                    if after[k] > over[k] + SearchTuning.improvement { return nil }
                    change += after[k] - over[k]
                }
            } else {
                // `moneyOver` year by year, only where the move spends differently: this runs for every release
                // on every step of `paid`.
                for k in 0..<years {
                    let delta = table.spending[index * years + k]
                    guard delta != 0 else { continue }
                    let after = search.money.overspending(spent[k] + delta, ownBudgetOf: k) / 1e6
                    if after > over[k] + SearchTuning.improvement { return nil }
                    change += after - over[k]
                }
            }
            guard checkingPlaces else { return -change }
            let places = table.footprints[index]
            for (key, delta) in places.seats {
                let step = Self.placesOver(used: seats(key), delta: delta, limit: search.seatLimit[key])
                if step > 0 { return nil }
                change += 1000 * Double(step)
            }
            for (row, delta) in places.caps {
                let step = Self.placesOver(used: caps(row), delta: delta, limit: search.capLimit[row, default: .max])
                if step > 0 { return nil }
                change += 1000 * Double(step)
            }
            return -change
        }

        mutating func add(_ footprint: Footprint, of search: MemberSearch) {
            over = moneyOver(search, with: footprint.spending)
            for k in spent.indices { spent[k] += footprint.spending[k] }
            overYears = 0
            for k in over.indices where over[k] > SearchTuning.valueDust { overYears |= 1 << UInt64(k) }
            for (key, delta) in footprint.seats {
                overPlaces += Self.placesOver(used: seats(key), delta: delta, limit: search.seatLimit[key])
                seatsUsed[key] = seats(key) + delta
            }
            for (row, delta) in footprint.caps {
                overPlaces += Self.placesOver(used: caps(row), delta: delta, limit: search.capLimit[row, default: .max])
                capUsed[row] = caps(row) + delta
            }
        }
    }
}
