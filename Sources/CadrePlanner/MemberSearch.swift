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
            guard change <= 1e-9 || random.unit() < exp(-change / temperature) else { continue }
            for move in plan { apply(move, to: &state) }
            state.shortfall += change
            if state.shortfall < bestShortfall - 1e-9 {
                bestShortfall = state.shortfall
                best = state.count
            }
        }
        return Self.counts(best)
    }

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
                let froms = (state.idle[group] > 0 ? [-1] : []) + columnsOfGroup[group].filter { state.count[$0] > 0 }
                for from in froms {
                    for to in columnsOfGroup[group] + [-1] where to != from {
                        let move = Move(group: group, from: from, to: to)
                        let change = shortfallChange(state, [move])
                        if change < -1e-9 { gains.append((move, change)) }
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
                guard gain.from < 0 ? state.idle[gain.group] > 0 : state.count[gain.from] > 0,
                      let moves = paid(gain, state, releases) else { continue }
                make(moves)
            }
            // Gains by what they gain per million they need.
            let byYield = gains.map { gain -> (move: Move, change: Double, yield: Double) in
                let money = footprint(of: gain.move).spending.reduce(0) { $0 + max(0, $1) } / 1e6
                let change = shortfallChange(state, [gain.move])
                return (gain.move, change, change / (money + 1))
            }.filter { $0.change < -1e-9 }
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

    /// Groups with members and sequences to move them between.
    private var movableGroups: [Int] { groupSize.indices.filter { groupSize[$0] > 0 && !columnsOfGroup[$0].isEmpty } }

    /// Members per column, as the callers keep them: only the columns in use.
    private static func counts(_ count: [Int]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for (column, members) in count.enumerated() where members > 0 { counts[column] = members }
        return counts
    }

    /// Trades of more than this many moves are not looked for: those found on generated provinces of 1,000 to
    /// 100,000 officials take up to eleven.
    static let maxTradeMoves = 12

    /// What one member's move changes besides coverage: money per year, seats, capped trainees.
    private struct Footprint {
        var move: Move
        var spending: [Double]
        /// Years in which the move spends less.
        var frees: UInt64
        var seats: [(key: Int, delta: Int)]
        var caps: [(row: Int, delta: Int)]
    }

    private func footprint(of move: Move) -> Footprint {
        var spending = Array(repeating: 0.0, count: money.budgets.count)
        var seats: [Int: Int] = [:], caps: [Int: Int] = [:]
        if move.from >= 0 {
            let column = columns[move.from]
            for k in spending.indices { spending[k] -= column.spending[k] }
            for key in column.seats { seats[key, default: 0] -= 1 }
            for row in column.caps { caps[row, default: 0] -= 1 }
        }
        if move.to >= 0 {
            let column = columns[move.to]
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
    private struct MoveTable {
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
    private func releaseOptions(_ state: State) -> MoveTable {
        var found: [(move: Move, loss: Double)] = []
        for from in columns.indices where state.count[from] > 0 {
            let group = columns[from].group
            for to in [-1] + columnsOfGroup[group] where to != from {
                guard to < 0 || columns[to].spending.indices.contains(where: { columns[to].spending[$0] < columns[from].spending[$0] }) else {
                    continue
                }
                let move = Move(group: group, from: from, to: to)
                found.append((move, shortfallChange(state, [move])))
            }
        }
        found.sort { ($0.loss, $0.move.from, $0.move.to) < ($1.loss, $1.move.from, $1.move.to) }
        return table(found)
    }

    private func table(_ moves: [(move: Move, loss: Double)]) -> MoveTable {
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
    private func spent(_ release: Int, _ releases: MoveTable, on gains: MoveTable, _ state: State) -> [Move]? {
        var trial = Overuse(state: state)
        trial.add(releases.footprints[release], of: self)
        guard trial.excess <= 1e-9 else { return nil }
        var moves = [releases.moves[release]]
        var change = releases.loss[release]
        var countChange: [Int: Int] = [:], idleChange: [Int: Int] = [:]
        func note(_ move: Move) {
            if move.from >= 0 { countChange[move.from, default: 0] -= 1 } else { idleChange[move.group, default: 0] -= 1 }
            if move.to >= 0 { countChange[move.to, default: 0] += 1 } else { idleChange[move.group, default: 0] += 1 }
        }
        note(moves[0])
        for index in gains.loss.indices {
            let move = gains.moves[index]
            // The same move again, for another member, while it still fits and gains.
            while moves.count <= Self.maxTradeMoves {
                let available = move.from >= 0 ? state.count[move.from] + countChange[move.from, default: 0]
                                               : state.idle[move.group] + idleChange[move.group, default: 0]
                guard available > 0,
                      trial.relief(of: index, in: gains, checkingPlaces: true, of: self) != nil else { break }
                let next = shortfallChange(state, moves + [move])
                guard next < change - 1e-9 else { break }
                moves.append(move)
                trial.add(gains.footprints[index], of: self)
                note(move)
                change = next
            }
        }
        return change < -1e-9 && fitsMoney(state, moves) && fitsSeatsAndCaps(state, moves) ? moves : nil
    }

    /// `gain` with the releases that pay for it, or nil when none do at less than it gains.
    private func paid(_ gain: Move, _ state: State, _ releases: MoveTable) -> [Move]? {
        var trial = Overuse(state: state)
        trial.add(footprint(of: gain), of: self)
        var moves = [gain]
        var change = shortfallChange(state, moves)
        var taken: [Int: Int] = [gain.from: 1]
        while trial.excess > 1e-9 {
            guard moves.count <= Self.maxTradeMoves else { return nil }
            var best: (release: Int, score: Double)?
            for index in releases.loss.indices {
                let loss = releases.loss[index]
                // Releases are sorted by loss: past the gain still left, none can pay.
                if change + loss >= -1e-9 { break }
                let floor = (max(0, loss) + Self.lossFloor) / releases.reach[index]
                if let best, floor >= best.score { continue }
                // Money freed only in years within budget helps no one (unless a seat or cap is over).
                if !money.carryOver && releases.frees[index] & trial.overYears == 0 && trial.overPlaces == 0 { continue }
                let checkPlaces = releases.takesPlaces[index] || trial.overPlaces > 0
                guard let relief = trial.relief(of: index, in: releases, checkingPlaces: checkPlaces, of: self),
                      relief > 1e-9, state.count[releases.moves[index].from] > taken[releases.moves[index].from, default: 0] else { continue }
                let score = (max(0, loss) + Self.lossFloor) / relief
                if best == nil || score < best!.score { best = (index, score) }
            }
            guard let chosen = best?.release else { return nil }
            moves.append(releases.moves[chosen])
            trial.add(releases.footprints[chosen], of: self)
            taken[releases.moves[chosen].from, default: 0] += 1
            change = shortfallChange(state, moves)
            guard change < -1e-9 else { return nil }
        }
        return fitsMoney(state, moves) && fitsSeatsAndCaps(state, moves) ? moves : nil
    }

    /// Weighs a free release against a paid one: a release that loses nothing still costs this much, so
    /// the one freeing the most money wins among them.
    static let lossFloor = 0.01

    /// How far the current state with some moves overfills the plan: millions of VND over the budgets (each
    /// year, or each running total with carry-over), plus a thousand per seat or capped trainee over.
    private struct Overuse {
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
                    if after[k] > over[k] + 1e-9 { return nil }
                    change += after[k] - over[k]
                }
            } else {
                // `moneyOver` year by year, only where the move spends differently: this runs for every release
                // on every step of `paid`.
                for k in 0..<years {
                    let delta = table.spending[index * years + k]
                    guard delta != 0 else { continue }
                    let after = search.money.overspending(spent[k] + delta, ownBudgetOf: k) / 1e6
                    if after > over[k] + 1e-9 { return nil }
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
            for k in over.indices where over[k] > 1e-12 { overYears |= 1 << UInt64(k) }
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
            if money.year(k, spent: spent, carriedIn: 0).isOverspent { return k }
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
        return money.overspending(spent).allSatisfy { $0 == 0 }
    }

    /// Millions over the budget per year for `spent` VND per year (with carry-over: by the running total).
    private func moneyOver(_ spent: [Double]) -> [Double] {
        money.overspending(spent).map { $0 / 1e6 }
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
