import CadreDomain
import CadreLinearModel
import Foundation

/// Searches over whole members: move one member of a group from one of its sequences (or from no training)
/// to another. Rounding the relaxation leaves the yearly budgets a few million short of full and the plan a
/// few people short of the best; filling the budgets takes trades between targets that the greedy polish
/// cannot make. Two searches make them:
/// - `improved`: simulated annealing; when the money of some year stands in the way of a move, the move is
///   paired with a second one that frees money in that year (a member who spends then drops to a cheaper
///   sequence or to none).
/// - `traded`: deterministic trades — one gain paid for by as many releases as it takes, or one release
///   spent on as many gains as fit.
/// Both work on counts alone, checking money, seats, district caps and group sizes on every move, so each
/// state they pass through is a plan; both are deterministic (a fixed seed and a fixed number of moves).
struct MemberSearch {
    struct Column {
        var group: Int
        var coverage: [Int]
        /// VND per year of the horizon.
        var spending: [Double]
        /// Intakes it takes a seat of.
        var seats: [Int]
        var caps: [Int]
    }

    var columns: [Column]
    var columnsOfGroup: [[Int]]
    var groupSize: [Int]
    /// People still needed per coverage row (required less already met).
    var need: [Int]
    var weights: [Double]
    var money: MoneyLedger
    var fixedSpending: [Double]
    /// Seats per intake, and those fixed courses already hold.
    var seatLimit: [Int]
    var fixedSeats: [Int]
    /// Upper bound per cap row (indexed by row; unused rows are never touched).
    var capLimit: [Int: Int]
    /// Ends a search before its deadline, with the best counts so far.
    var stop = StopRequest()

    /// The state of a search: counts and everything they use.
    struct State {
        var count: [Int]
        var idle: [Int]
        var covered: [Int]
        var spent: [Double]
        var seatsUsed: [Int]
        var capUsed: [Int: Int]
        var shortfall: Double
    }

    /// Groups with members and sequences to move them between.
    var movableGroups: [Int] { groupSize.indices.filter { groupSize[$0] > 0 && !columnsOfGroup[$0].isEmpty } }

    /// Members per column, as the callers keep them: only the columns in use.
    static func counts(_ count: [Int]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for (column, members) in count.enumerated() where members > 0 { counts[column] = members }
        return counts
    }

    /// One member of `group` leaves `from` for `to`.
    struct Move {
        var group: Int
        var from: Placement
        var to: Placement
    }

    /// Members of `group` at `placement` in a state.
    func members(at placement: Placement, of group: Int, in state: State) -> Int {
        placement.column.map { state.count[$0] } ?? state.idle[group]
    }

    func fitsMoney(_ state: State, _ moves: [Move]) -> Bool {
        var spent = state.spent
        for move in moves {
            if let from = move.from.column { for k in spent.indices { spent[k] -= columns[from].spending[k] } }
            if let to = move.to.column { for k in spent.indices { spent[k] += columns[to].spending[k] } }
        }
        return money.overspending(spent).allSatisfy { $0 == 0 }
    }

    /// Millions over the budget per year for `spent` VND per year (with carry-over: by the running total).
    func moneyOver(_ spent: [Double]) -> [Double] {
        money.overspending(spent).map { $0 / 1e6 }
    }

    func fitsSeatsAndCaps(_ state: State, _ moves: [Move]) -> Bool {
        var seatChange: [Int: Int] = [:]
        var capChange: [Int: Int] = [:]
        for move in moves {
            if let from = move.from.column {
                for key in columns[from].seats { seatChange[key, default: 0] -= 1 }
                for row in columns[from].caps { capChange[row, default: 0] -= 1 }
            }
            if let to = move.to.column {
                for key in columns[to].seats { seatChange[key, default: 0] += 1 }
                for row in columns[to].caps { capChange[row, default: 0] += 1 }
            }
        }
        for (key, change) in seatChange where change > 0 && state.seatsUsed[key] + change > seatLimit[key] { return false }
        for (row, change) in capChange where change > 0 && state.capUsed[row, default: 0] + change > capLimit[row, default: .max] {
            return false
        }
        return true
    }

    func shortfallChange(_ state: State, _ moves: [Move]) -> Double {
        var coverChange: [Int: Int] = [:]
        for move in moves {
            if let from = move.from.column { for row in columns[from].coverage { coverChange[row, default: 0] -= 1 } }
            if let to = move.to.column { for row in columns[to].coverage { coverChange[row, default: 0] += 1 } }
        }
        var change = 0.0
        for (row, delta) in coverChange where delta != 0 {
            let before = max(0, need[row] - state.covered[row])
            let after = max(0, need[row] - state.covered[row] - delta)
            change += weights[row] * Double(after - before)
        }
        return change
    }

    func apply(_ move: Move, to state: inout State) {
        if let from = move.from.column {
            let column = columns[from]
            state.count[from] -= 1
            for row in column.coverage { state.covered[row] -= 1 }
            for k in state.spent.indices { state.spent[k] -= column.spending[k] }
            for key in column.seats { state.seatsUsed[key] -= 1 }
            for row in column.caps { state.capUsed[row, default: 0] -= 1 }
        } else {
            state.idle[move.group] -= 1
        }
        if let to = move.to.column {
            let column = columns[to]
            state.count[to] += 1
            for row in column.coverage { state.covered[row] += 1 }
            for k in state.spent.indices { state.spent[k] += column.spending[k] }
            for key in column.seats { state.seatsUsed[key] += 1 }
            for row in column.caps { state.capUsed[row, default: 0] += 1 }
        } else {
            state.idle[move.group] += 1
        }
    }

    func initialState(_ start: [Int: Int]) -> State {
        var state = State(count: Array(repeating: 0, count: columns.count), idle: groupSize,
                          covered: Array(repeating: 0, count: need.count), spent: fixedSpending,
                          seatsUsed: fixedSeats, capUsed: [:], shortfall: 0)
        for (column, count) in start.sorted(by: { $0.key < $1.key }) where count > 0 {
            for _ in 0..<count { apply(Move(group: columns[column].group, from: .untrained, to: .column(column)), to: &state) }
        }
        state.shortfall = need.indices.reduce(0.0) { $0 + weights[$1] * Double(max(0, need[$1] - state.covered[$1])) }
        return state
    }
}
