import CadreDomain
import Foundation

/// Simulated annealing over whole members: move one member of a group from one of its sequences (or from
/// no training) to another, and, when the money of some year stands in the way, pair that move with a second
/// one that frees money in that year (a member who spends then drops to a cheaper sequence or to none).
/// Rounding the relaxation leaves the yearly budgets a few million short of full and the plan a few people
/// short of the best; filling the budgets takes trades between targets that the greedy polish cannot make.
/// Works on counts alone, checking money, seats, district caps and group sizes on every move, so each state
/// it passes through is a plan. Deterministic: a fixed seed and a fixed number of moves.
struct MemberAnnealing {
    struct Column {
        var group: Int
        var coverage: [Int]
        /// VND per year of the horizon.
        var spending: [Double]
        /// Seat keys: course × years + year offset.
        var seats: [Int]
        var caps: [Int]
    }

    var columns: [Column]
    var columnsOfGroup: [[Int]]
    var groupSize: [Int]
    /// People still needed per coverage row (required less already met).
    var need: [Int]
    var weights: [Double]
    /// VND per year.
    var budget: [Double]
    var carryOver: Bool
    var fixedSpending: [Double]
    /// Seats per seat key, and those fixed courses already hold.
    var seatLimit: [Int]
    var fixedSeats: [Int]
    /// Upper bound per cap row (indexed by row; unused rows are never touched).
    var capLimit: [Int: Int]

    /// The state of a search: counts and everything they use.
    private struct State {
        var count: [Int]
        var idle: [Int]
        var covered: [Int]
        var spent: [Double]
        var seatsUsed: [Int]
        var capUsed: [Int: Int]
        var shortfall: Double
    }

    /// The best counts found within `moves` moves (or by the deadline), never worse than `start`.
    func improved(_ start: [Int: Int], moves: Int, seed: UInt64, until deadline: Date) -> [Int: Int] {
        var state = initialState(start)
        var best = state.count
        var bestShortfall = state.shortfall
        let weightScale = weights.filter { $0 > 0 }.min() ?? 1
        let hot = Self.startTemperature * weightScale, cold = Self.endTemperature * weightScale
        var random = SeededRandom(seed: seed)
        let movable = groupSize.indices.filter { groupSize[$0] > 0 && !columnsOfGroup[$0].isEmpty }
        let spendersIn = budget.indices.map { k in columns.indices.filter { columns[$0].spending[k] > 0 } }
        guard !movable.isEmpty else { return start }
        for step in 0..<moves {
            if step % 4096 == 0, Date() >= deadline { break }
            let temperature = hot * pow(cold / hot, Double(step) / Double(moves))
            guard let first = randomMove(in: movable, state, &random) else { continue }
            var plan = [first]
            if !fitsMoney(state, plan) {
                // Only an improving move is worth a second move to pay for it.
                guard shortfallChange(state, plan) < 0 else { continue }
                var bestSecond: (Move, Double)?
                let year = overspentYear(state, first)
                for _ in 0..<Self.secondMoveTries {
                    guard let second = freeingMove(in: year, spenders: spendersIn[year], state, &random) else { continue }
                    let pair = [first, second]
                    guard !conflict(first, second), fitsMoney(state, pair), fitsSeatsAndCaps(state, pair) else { continue }
                    let change = shortfallChange(state, pair)
                    if bestSecond == nil || change < bestSecond!.1 { bestSecond = (second, change) }
                }
                guard let (second, _) = bestSecond else { continue }
                plan.append(second)
            } else if !fitsSeatsAndCaps(state, plan) {
                continue
            }
            let change = shortfallChange(state, plan)
            guard change <= 1e-9 || random.unit() < exp(-change / temperature) else { continue }
            for move in plan { apply(move, to: &state) }
            state.shortfall += change
            if state.shortfall < bestShortfall - 1e-9 {
                bestShortfall = state.shortfall
                best = state.count
            }
        }
        var counts: [Int: Int] = [:]
        for (column, count) in best.enumerated() where count > 0 { counts[column] = count }
        return counts
    }

    static let startTemperature = 0.5
    static let endTemperature = 0.05
    static let secondMoveTries = 24

    /// One member of `group` leaves `from` for `to`; -1 is no training.
    private struct Move {
        var group: Int
        var from: Int
        var to: Int
    }

    private func conflict(_ a: Move, _ b: Move) -> Bool {
        // Two moves out of the same column must find two members in it.
        a.group == b.group && a.from == b.from
    }

    private func randomMove(in movable: [Int], _ state: State, _ random: inout SeededRandom) -> Move? {
        let group = random.element(of: movable)
        let options = columnsOfGroup[group]
        // A member drawn uniformly: idle ones first, then by column.
        var member = random.int(in: 0...(groupSize[group] - 1))
        var from = -1
        if member >= state.idle[group] {
            member -= state.idle[group]
            for column in options {
                if member < state.count[column] { from = column; break }
                member -= state.count[column]
            }
        }
        let pick = random.int(in: 0...options.count)
        let to = pick == options.count ? -1 : options[pick]
        return to == from ? nil : Move(group: group, from: from, to: to)
    }

    /// The first year the move alone overspends (the budget of each year counted on its own).
    private func overspentYear(_ state: State, _ move: Move) -> Int {
        for k in state.spent.indices {
            let spent = state.spent[k] + (move.to >= 0 ? columns[move.to].spending[k] : 0) - (move.from >= 0 ? columns[move.from].spending[k] : 0)
            if spent > budget[k] + PlanEvaluation.moneyTolerance { return k }
        }
        return state.spent.indices.last ?? 0
    }

    /// A member who spends in `year` moves to no training or to a sequence of the group that spends less then.
    private func freeingMove(in year: Int, spenders: [Int], _ state: State, _ random: inout SeededRandom) -> Move? {
        guard !spenders.isEmpty else { return nil }
        let from = random.element(of: spenders)
        guard state.count[from] > 0 else { return nil }
        let group = columns[from].group
        let cheaper = columnsOfGroup[group].filter { columns[$0].spending[year] < columns[from].spending[year] }
        let pick = random.int(in: 0...cheaper.count)
        return Move(group: group, from: from, to: pick == cheaper.count ? -1 : cheaper[pick])
    }

    private func fitsMoney(_ state: State, _ moves: [Move]) -> Bool {
        var spent = state.spent
        for move in moves {
            if move.from >= 0 { for k in spent.indices { spent[k] -= columns[move.from].spending[k] } }
            if move.to >= 0 { for k in spent.indices { spent[k] += columns[move.to].spending[k] } }
        }
        var available = 0.0
        for (k, money) in spent.enumerated() {
            available = carryOver ? available + budget[k] : budget[k]
            if money > available + PlanEvaluation.moneyTolerance { return false }
            if carryOver { available -= money }
        }
        return true
    }

    private func fitsSeatsAndCaps(_ state: State, _ moves: [Move]) -> Bool {
        var seatChange: [Int: Int] = [:]
        var capChange: [Int: Int] = [:]
        for move in moves {
            if move.from >= 0 {
                for key in columns[move.from].seats { seatChange[key, default: 0] -= 1 }
                for row in columns[move.from].caps { capChange[row, default: 0] -= 1 }
            }
            if move.to >= 0 {
                for key in columns[move.to].seats { seatChange[key, default: 0] += 1 }
                for row in columns[move.to].caps { capChange[row, default: 0] += 1 }
            }
        }
        for (key, change) in seatChange where change > 0 && state.seatsUsed[key] + change > seatLimit[key] { return false }
        for (row, change) in capChange where change > 0 && state.capUsed[row, default: 0] + change > capLimit[row, default: .max] {
            return false
        }
        return true
    }

    private func shortfallChange(_ state: State, _ moves: [Move]) -> Double {
        var coverChange: [Int: Int] = [:]
        for move in moves {
            if move.from >= 0 { for row in columns[move.from].coverage { coverChange[row, default: 0] -= 1 } }
            if move.to >= 0 { for row in columns[move.to].coverage { coverChange[row, default: 0] += 1 } }
        }
        var change = 0.0
        for (row, delta) in coverChange where delta != 0 {
            let before = max(0, need[row] - state.covered[row])
            let after = max(0, need[row] - state.covered[row] - delta)
            change += weights[row] * Double(after - before)
        }
        return change
    }

    private func apply(_ move: Move, to state: inout State) {
        if move.from >= 0 {
            let column = columns[move.from]
            state.count[move.from] -= 1
            for row in column.coverage { state.covered[row] -= 1 }
            for k in state.spent.indices { state.spent[k] -= column.spending[k] }
            for key in column.seats { state.seatsUsed[key] -= 1 }
            for row in column.caps { state.capUsed[row, default: 0] -= 1 }
        } else {
            state.idle[move.group] -= 1
        }
        if move.to >= 0 {
            let column = columns[move.to]
            state.count[move.to] += 1
            for row in column.coverage { state.covered[row] += 1 }
            for k in state.spent.indices { state.spent[k] += column.spending[k] }
            for key in column.seats { state.seatsUsed[key] += 1 }
            for row in column.caps { state.capUsed[row, default: 0] += 1 }
        } else {
            state.idle[move.group] += 1
        }
    }

    private func initialState(_ start: [Int: Int]) -> State {
        var state = State(count: Array(repeating: 0, count: columns.count), idle: groupSize,
                          covered: Array(repeating: 0, count: need.count), spent: fixedSpending,
                          seatsUsed: fixedSeats, capUsed: [:], shortfall: 0)
        for (column, count) in start.sorted(by: { $0.key < $1.key }) where count > 0 {
            for _ in 0..<count { apply(Move(group: columns[column].group, from: -1, to: column), to: &state) }
        }
        state.shortfall = need.indices.reduce(0.0) { $0 + weights[$1] * Double(max(0, need[$1] - state.covered[$1])) }
        return state
    }
}
