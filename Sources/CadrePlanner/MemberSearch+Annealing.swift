import CadreDomain
import Foundation

/// Simulated annealing over members (see `MemberSearch`).
extension MemberSearch {
    /// The best counts found within `moves` moves (or by the deadline), never worse than `start`.
    func improved(_ start: [Int: Int], moves: Int, seed: UInt64, until deadline: Date) -> [Int: Int] {
        var state = initialState(start)
        var best = state.count
        var bestShortfall = state.shortfall
        let weightScale = weights.filter { $0 > 0 }.min() ?? 1
        let hot = Self.startTemperature * weightScale, cold = Self.endTemperature * weightScale
        var random = SeededRandom(seed: seed)
        let movable = movableGroups
        let spendersIn = money.budgets.indices.map { k in columns.indices.filter { columns[$0].spending[k] > 0 } }
        guard !movable.isEmpty else { return start }
        for step in 0..<moves {
            if step % 4096 == 0, stop.endsSearch(due: deadline) { break }
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
            guard change <= SearchTuning.improvement || random.unit() < exp(-change / temperature) else { continue }
            for move in plan { apply(move, to: &state) }
            state.shortfall += change
            if state.shortfall < bestShortfall - SearchTuning.improvement {
                bestShortfall = state.shortfall
                best = state.count
            }
        }
        return Self.counts(best)
    }

    static let startTemperature = 0.5
    static let endTemperature = 0.05
    static let secondMoveTries = 24

    func conflict(_ a: Move, _ b: Move) -> Bool {
        // Two moves out of the same column must find two members in it.
        a.group == b.group && a.from == b.from
    }

    func randomMove(in movable: [Int], _ state: State, _ random: inout SeededRandom) -> Move? {
        let group = random.element(of: movable)
        let options = columnsOfGroup[group]
        // A member drawn uniformly: idle ones first, then by column.
        var member = random.int(in: 0...(groupSize[group] - 1))
        var from = Placement.untrained
        if member >= state.idle[group] {
            member -= state.idle[group]
            for column in options {
                if member < state.count[column] { from = .column(column); break }
                member -= state.count[column]
            }
        }
        let pick = random.int(in: 0...options.count)
        let to = pick == options.count ? Placement.untrained : .column(options[pick])
        return to == from ? nil : Move(group: group, from: from, to: to)
    }

    /// The first year the move alone overspends (the budget of each year counted on its own).
    func overspentYear(_ state: State, _ move: Move) -> Int {
        for k in state.spent.indices {
            let spent = state.spent[k] + (move.to.column.map { columns[$0].spending[k] } ?? 0) - (move.from.column.map { columns[$0].spending[k] } ?? 0)
            if money.year(k, spent: spent, carriedIn: 0).isOverspent { return k }
        }
        return state.spent.indices.last ?? 0
    }

    /// A member who spends in `year` moves to no training or to a sequence of the group that spends less then.
    func freeingMove(in year: Int, spenders: [Int], _ state: State, _ random: inout SeededRandom) -> Move? {
        guard !spenders.isEmpty else { return nil }
        let from = random.element(of: spenders)
        guard state.count[from] > 0 else { return nil }
        let group = columns[from].group
        let cheaper = columnsOfGroup[group].filter { columns[$0].spending[year] < columns[from].spending[year] }
        let pick = random.int(in: 0...cheaper.count)
        return Move(group: group, from: .column(from), to: pick == cheaper.count ? .untrained : .column(cheaper[pick]))
    }
}
