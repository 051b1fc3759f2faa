import CadreDomain
import Foundation

/// Trades between members (see `MemberSearch`): one gain paid for by as many releases as it takes, or one
/// release spent on as many gains as fit.
extension MemberSearch {
    /// Trades, best first, until none is left or the deadline: one member's move that lowers the shortfall
    /// (a weighted target gained), paid for by other members who give up training or take a cheaper sequence
    /// in the years and classes the move overfills — as many as it takes, chosen greedily by loss per million
    /// freed, and made only when what they lose is less than the move gains. The annealing pairs a move with
    /// one release at most; the plans it misses pay for one person on a heavy target with several people
    /// on light ones, spread over the years (1,000 officials: four members off a 4-million course in three
    /// different years for one member on a 23-million sequence).
    func traded(_ start: [Int: Int], until deadline: Date) -> [Int: Int] {
        var state = initialState(start)
        let movable = movableGroups
        var improvedInSweep = true
        while improvedInSweep && !stop.endsSearch(due: deadline) {
            improvedInSweep = false
            var gains: [(move: Move, change: Double)] = []
            for group in movable {
                let froms = (state.idle[group] > 0 ? [Placement.untrained] : []) + columnsOfGroup[group].filter { state.count[$0] > 0 }.map(Placement.column)
                for from in froms {
                    for to in columnsOfGroup[group].map(Placement.column) + [.untrained] where to != from {
                        let move = Move(group: group, from: from, to: to)
                        let change = shortfallChange(state, [move])
                        if change < -SearchTuning.improvement { gains.append((move, change)) }
                    }
                }
            }
            gains.sort { ($0.change, $0.move.group, $0.move.from, $0.move.to) < ($1.change, $1.move.group, $1.move.from, $1.move.to) }
            var releases = releaseOptions(state)
            func make(_ moves: [Move]) {
                let change = shortfallChange(state, moves)
                for move in moves { apply(move, to: &state) }
                state.shortfall += change
                improvedInSweep = true
                releases = releaseOptions(state)
            }
            for (gain, _) in gains {
                if stop.endsSearch(due: deadline) { break }
                guard members(at: gain.from, of: gain.group, in: state) > 0,
                      let moves = paid(gain, state, releases) else { continue }
                make(moves)
            }
            // Gains by what they gain per million they need.
            let byYield = gains.map { gain -> (move: Move, change: Double, yield: Double) in
                let money = footprint(of: gain.move).spending.reduce(0) { $0 + max(0, $1) } / 1e6
                let change = shortfallChange(state, [gain.move])
                return (gain.move, change, change / (money + 1))
            }.filter { $0.change < -SearchTuning.improvement }
                .sorted { ($0.yield, $0.move.group, $0.move.from, $0.move.to) < ($1.yield, $1.move.group, $1.move.from, $1.move.to) }
            var gainTable = table(byYield.map { ($0.move, $0.change) })
            var release = 0
            while release < releases.loss.count {
                if stop.endsSearch(due: deadline) { break }
                if let moves = spent(release, releases, on: gainTable, state) {
                    make(moves)
                    gainTable = table(byYield.map { ($0.move, shortfallChange(state, [$0.move])) })
                    release = 0
                    continue
                }
                release += 1
            }
        }
        return Self.counts(state.count)
    }

    /// Trades of more than this many moves are not looked for: those found on generated provinces of 1,000 to
    /// 100,000 officials take up to eleven.
    static let maxTradeMoves = 12

    /// What one member's move changes besides coverage: money per year, seats, capped trainees.
    struct Footprint {
        var move: Move
        var spending: [Double]
        /// Years in which the move spends less.
        var frees: UInt64
        var seats: [(key: Int, delta: Int)]
        var caps: [(row: Int, delta: Int)]
    }

    func footprint(of move: Move) -> Footprint {
        var spending = Array(repeating: 0.0, count: money.budgets.count)
        var seats: [Int: Int] = [:], caps: [Int: Int] = [:]
        if let from = move.from.column {
            let column = columns[from]
            for k in spending.indices { spending[k] -= column.spending[k] }
            for key in column.seats { seats[key, default: 0] -= 1 }
            for row in column.caps { caps[row, default: 0] -= 1 }
        }
        if let to = move.to.column {
            let column = columns[to]
            for k in spending.indices { spending[k] += column.spending[k] }
            for key in column.seats { seats[key, default: 0] += 1 }
            for row in column.caps { caps[row, default: 0] += 1 }
        }
        var frees: UInt64 = 0
        for k in spending.indices where spending[k] < 0 { frees |= 1 << UInt64(k) }
        return Footprint(move: move, spending: spending, frees: frees,
                         seats: seats.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                         caps: caps.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Moves with their shortfall change in a state (`loss`: positive for a release, negative for a gain) and
    /// their footprints, kept in flat arrays, because finding what pays for a move reads all of them many
    /// times over.
    struct MoveTable {
        var moves: [Move] = []
        /// What each loses in the state (a gain: less than zero).
        var loss: [Double] = []
        /// The most each could lower any excess: all the money it frees (with carry-over, in every later
        /// running total too) and every seat and cap place.
        var reach: [Double] = []
        var footprints: [Footprint] = []
        /// Spending change per move × year.
        var spending: [Double] = []
        var frees: [UInt64] = []
        /// Whether a move takes a seat or cap place anywhere.
        var takesPlaces: [Bool] = []
    }

    /// The releases of a state: one member of a column drops to no training or to a sequence of the group
    /// that spends less in some year; least loss first.
    func releaseOptions(_ state: State) -> MoveTable {
        var found: [(move: Move, loss: Double)] = []
        for from in columns.indices where state.count[from] > 0 {
            let group = columns[from].group
            for to in [Placement.untrained] + columnsOfGroup[group].map(Placement.column) where to != .column(from) {
                // Only to a sequence that spends less in some year: anything else frees no money.
                if let column = to.column,
                   !columns[column].spending.indices.contains(where: { columns[column].spending[$0] < columns[from].spending[$0] }) {
                    continue
                }
                let move = Move(group: group, from: .column(from), to: to)
                found.append((move, shortfallChange(state, [move])))
            }
        }
        found.sort { ($0.loss, $0.move.from, $0.move.to) < ($1.loss, $1.move.from, $1.move.to) }
        return table(found)
    }

    func table(_ moves: [(move: Move, loss: Double)]) -> MoveTable {
        var table = MoveTable()
        for (move, loss) in moves {
            let print = footprint(of: move)
            let freed = print.spending.reduce(0) { $0 + max(0, -$1) } / 1e6 * Double(money.carryOver ? money.budgets.count : 1)
            let places = print.seats.filter { $0.delta < 0 }.count + print.caps.filter { $0.delta < 0 }.count
            table.moves.append(move)
            table.loss.append(loss)
            table.reach.append(freed + 1000 * Double(places))
            table.footprints.append(print)
            table.spending += print.spending
            table.frees.append(print.frees)
            table.takesPlaces.append(print.seats.contains { $0.delta > 0 } || print.caps.contains { $0.delta > 0 })
        }
        return table
    }

    /// One release spent: a member gives up (or cheapens) training, and the money and places freed go to the
    /// moves that gain most per million, as many as fit; made when they gain more than the release loses.
    /// The mirror of `paid`: one dear sequence given up can pay for two people on heavy targets.
    func spent(_ release: Int, _ releases: MoveTable, on gains: MoveTable, _ state: State) -> [Move]? {
        var trial = Overuse(state: state)
        trial.add(releases.footprints[release], of: self)
        guard trial.excess <= SearchTuning.improvement else { return nil }
        var moves = [releases.moves[release]]
        var change = releases.loss[release]
        var countChange: [Int: Int] = [:], idleChange: [Int: Int] = [:]
        func note(_ move: Move) {
            if let from = move.from.column { countChange[from, default: 0] -= 1 } else { idleChange[move.group, default: 0] -= 1 }
            if let to = move.to.column { countChange[to, default: 0] += 1 } else { idleChange[move.group, default: 0] += 1 }
        }
        note(moves[0])
        for index in gains.loss.indices {
            let move = gains.moves[index]
            // The same move again, for another member, while it still fits and gains.
            while moves.count <= Self.maxTradeMoves {
                let available = move.from.column.map { state.count[$0] + countChange[$0, default: 0] }
                    ?? state.idle[move.group] + idleChange[move.group, default: 0]
                guard available > 0,
                      trial.relief(of: index, in: gains, checkingPlaces: true, of: self) != nil else { break }
                let next = shortfallChange(state, moves + [move])
                guard next < change - SearchTuning.improvement else { break }
                moves.append(move)
                trial.add(gains.footprints[index], of: self)
                note(move)
                change = next
            }
        }
        return change < -SearchTuning.improvement && fitsMoney(state, moves) && fitsSeatsAndCaps(state, moves) ? moves : nil
    }

    /// `gain` with the releases that pay for it, or nil when none do at less than it gains.
    func paid(_ gain: Move, _ state: State, _ releases: MoveTable) -> [Move]? {
        var trial = Overuse(state: state)
        trial.add(footprint(of: gain), of: self)
        var moves = [gain]
        var change = shortfallChange(state, moves)
        var taken: [Placement: Int] = [gain.from: 1]
        while trial.excess > SearchTuning.improvement {
            guard moves.count <= Self.maxTradeMoves else { return nil }
            var best: (release: Int, score: Double)?
            for index in releases.loss.indices {
                let loss = releases.loss[index]
                // Releases are sorted by loss: past the gain still left, none can pay.
                if change + loss >= -SearchTuning.improvement { break }
                let floor = (max(0, loss) + Self.lossFloor) / releases.reach[index]
                if let best, floor >= best.score { continue }
                // Money freed only in years within budget helps no one (unless a seat or cap is over).
                if !money.carryOver && releases.frees[index] & trial.overYears == 0 && trial.overPlaces == 0 { continue }
                let checkPlaces = releases.takesPlaces[index] || trial.overPlaces > 0
                guard let relief = trial.relief(of: index, in: releases, checkingPlaces: checkPlaces, of: self),
                      relief > SearchTuning.improvement,
                      members(at: releases.moves[index].from, of: releases.moves[index].group, in: state) > taken[releases.moves[index].from, default: 0]
                else { continue }
                let score = (max(0, loss) + Self.lossFloor) / relief
                if best == nil || score < best!.score { best = (index, score) }
            }
            guard let chosen = best?.release else { return nil }
            moves.append(releases.moves[chosen])
            trial.add(releases.footprints[chosen], of: self)
            taken[releases.moves[chosen].from, default: 0] += 1
            change = shortfallChange(state, moves)
            guard change < -SearchTuning.improvement else { return nil }
        }
        return fitsMoney(state, moves) && fitsSeatsAndCaps(state, moves) ? moves : nil
    }

    /// Weighs a free release against a paid one: a release that loses nothing still costs this much, so
    /// the one freeing the most money wins among them.
    static let lossFloor = 0.01
}
