import CadreDomain

/// Lists every sequence of one official worth at least a floor under given prices. Pricing finds only the best
/// sequence under the relaxation's duals; the best integer plan may need sequences that are never best for any
/// duals the relaxation passes through. Every sequence of a plan better than the incumbent has a reduced cost
/// within (incumbent − bound) of the group's best, so listing all of those makes branch and cut over them exact.
///
/// A depth-first walk over the years, pruned by the best value any completion of a state can still add (a
/// backward dynamic program over the same states, memoised): the work grows with what is listed, not with
/// every sequence there is.
final class SequenceEnumeration {
    let search: SequenceSearch
    let prices: SequencePrices
    let moneyScale: Double
    /// Each candidate's start price per year offset.
    private let startPrices: [[Double]]
    /// Best value still to come from a year offset onwards, by the states at its start.
    private var future: [[SlotStates: Double]]

    init(search: SequenceSearch, prices: SequencePrices, moneyScale: Double) {
        self.search = search
        self.prices = prices
        self.moneyScale = moneyScale
        let profile = search.profile
        let lastOffset = max(-1, profile.lastPlanYear - search.baseYear)
        startPrices = (0...max(0, lastOffset)).map { k in
            profile.candidates.indices.map { search.startPrice($0, year: search.baseYear + k, prices: prices, moneyScale: moneyScale) }
        }
        future = Array(repeating: [:], count: max(0, lastOffset + 1))
    }

    /// One year's choice from some states: the states at the end of the year, the starts made, and what they
    /// earn that year (coverage of the year's end, less start prices and the attendance price).
    private struct YearChoice {
        var ended: SlotStates
        var starts: [CourseSequence.Start]
        var value: Double
    }

    private func choices(from states: SlotStates, yearOffset k: Int) -> [YearChoice] {
        let profile = search.profile
        let year = search.baseYear + k
        guard let placed = search.placingFixedStarts(in: states, year: year) else { return [] }
        var result: [YearChoice] = []
        func choose(_ slot: Int, _ states: SlotStates, days: Int, starts: [CourseSequence.Start], value: Double) {
            guard slot < profile.families.count else {
                let ended = search.endOfYear(states, yearOffset: k)
                let earned = search.reward(ended, yearOffset: k, prices: prices) + search.attendancePrice(states, yearOffset: k, prices: prices)
                result.append(YearChoice(ended: ended, starts: starts, value: value + earned))
                return
            }
            choose(slot + 1, states, days: days, starts: starts, value: value)
            guard states.running(slot) < 0 else { return }
            for c in profile.candidatesBySlot[slot] where search.canStart(c, from: states, slot: slot, year: year, days: days) {
                var next = states
                next.set(slot, level: states.level(slot), running: c, completes: k + profile.candidates[c].years - 1)
                choose(slot + 1, next, days: days + profile.candidates[c].days,
                       starts: starts + [CourseSequence.Start(candidate: c, year: year)], value: value - startPrices[k][c])
            }
        }
        choose(0, placed, days: search.busyDays(placed), starts: [], value: 0)
        return result
    }

    /// The most value any completion from `states` at the start of year offset `k` can add (−∞ when none can
    /// be completed, as when a chosen course blocks a pinned one).
    private func bestFuture(_ states: SlotStates, yearOffset k: Int) -> Double {
        guard k < future.count else { return 0 }
        if let known = future[k][states] { return known }
        var best = -Double.infinity
        for choice in choices(from: states, yearOffset: k) {
            best = max(best, choice.value + bestFuture(choice.ended, yearOffset: k + 1))
        }
        future[k][states] = best
        return best
    }

    /// The best value of any sequence (the empty one scores 0, unless fixed courses make it impossible).
    var bestValue: Double { bestFuture(search.initialStates(), yearOffset: 0) }

    /// For each start some complete sequence makes, the most any such sequence is worth: a forward pass over the
    /// states the backward program reaches, each choice joined to the best completion after it.
    func bestValueByStart() -> [CourseSequence.Start: Double] {
        var best: [CourseSequence.Start: Double] = [:]
        var reached: [SlotStates: Double] = [search.initialStates(): 0]
        for k in 0..<future.count {
            var next: [SlotStates: Double] = [:]
            for (states, value) in reached {
                for choice in choices(from: states, yearOffset: k) {
                    let rest = bestFuture(choice.ended, yearOffset: k + 1)
                    guard rest > -Double.infinity else { continue }
                    let through = value + choice.value
                    for start in choice.starts { best[start] = max(best[start] ?? -Double.infinity, through + rest) }
                    next[choice.ended] = max(next[choice.ended] ?? -Double.infinity, through)
                }
            }
            reached = next
        }
        return best
    }

    /// Every non-empty sequence worth at least `floor`, with its value, in a fixed order; nil when there are
    /// more than `limit`.
    func sequences(worthAtLeast floor: Double, limit: Int) -> [(sequence: CourseSequence, value: Double)]? {
        var found: [(sequence: CourseSequence, value: Double)] = []
        var tooMany = false
        func walk(_ states: SlotStates, yearOffset k: Int, starts: [CourseSequence.Start], value: Double) {
            if tooMany { return }
            guard k < future.count else {
                guard !starts.isEmpty else { return }
                found.append((CourseSequence(starts: starts), value))
                if found.count > limit { tooMany = true }
                return
            }
            for choice in choices(from: states, yearOffset: k) {
                let reached = value + choice.value
                // A small tolerance: the prices are a simplex's duals, exact only to its tolerances.
                guard reached + bestFuture(choice.ended, yearOffset: k + 1) >= floor - SearchTuning.improvement else { continue }
                walk(choice.ended, yearOffset: k + 1, starts: starts + choice.starts, value: reached)
                if tooMany { return }
            }
        }
        walk(search.initialStates(), yearOffset: 0, starts: [], value: 0)
        return tooMany ? nil : found
    }
}
