import CadreDomain

/// One official's whole plan as the master problem sees it: the candidates started and when.
struct CourseSequence: Hashable, Sendable {
    /// (candidate index in the profile, start year), sorted by year then candidate.
    var starts: [Start]

    struct Start: Hashable, Sendable, Comparable {
        var candidate: Int
        var year: Int
        static func < (lhs: Start, rhs: Start) -> Bool { (lhs.year, lhs.candidate) < (rhs.year, rhs.candidate) }
    }

    init(starts: [Start]) { self.starts = starts.sorted() }

    var isEmpty: Bool { starts.isEmpty }
}

/// Prices the master asks a sequence to pay or earns it, in model units.
struct SequencePrices: Sendable {
    /// Dual of each coverage row (≥ 0: what one more qualified member is worth).
    var coverage: [Double]
    /// Dual of each year's budget row (≤ 0), per unit of money.
    var budget: [Double]
    /// Dual of each course-year seat row (≤ 0), indexed course × yearCount + year offset.
    var seats: [Double]
    /// Objective cost of starting a candidate in a year, already in model units (phase dependent).
    var startCost: @Sendable (_ profile: PlanningProfile, _ candidate: Int, _ year: Int) -> Double
}

/// The per-official dynamic program over years: state = each family slot's level and running course.
/// It finds the sequence of most value under given prices, or lists every sequence when there are few.
struct SequenceSearch {
    let profile: PlanningProfile
    let baseYear: Int
    let yearCount: Int
    let maxTrainingDays: Int

    private struct SlotState: Hashable {
        var level: Int8
        var running: Int8   // candidate index, −1 when none
        var completes: Int16
    }

    private struct Node {
        var slots: [SlotState]
        var value: Double
        var parent: Int
        var started: [Int]
    }

    /// The sequence with the largest Σ coverage dual earned − Σ start price; the empty sequence scores 0.
    func best(prices: SequencePrices, moneyScale: Double) -> (sequence: CourseSequence, value: Double) {
        guard baseYear <= profile.lastPlanYear else { return (CourseSequence(starts: []), 0) }
        let yearsRange = baseYear...profile.lastPlanYear
        var layers: [[Node]] = [[Node(slots: initialSlots(), value: 0, parent: -1, started: [])]]
        for year in yearsRange {
            let k = year - baseYear
            var next: [Node] = []
            var indexOf: [[SlotState]: Int] = [:]
            for (parentIndex, node) in layers[layers.count - 1].enumerated() {
                forEachChoice(from: node.slots, in: year) { started, slots in
                    var value = node.value + reward(slots, yearOffset: k, prices: prices)
                    for c in started { value -= startPrice(c, year: year, prices: prices, moneyScale: moneyScale) }
                    if let existing = indexOf[slots] {
                        if value > next[existing].value + 1e-12 {
                            next[existing] = Node(slots: slots, value: value, parent: parentIndex, started: started)
                        }
                    } else {
                        indexOf[slots] = next.count
                        next.append(Node(slots: slots, value: value, parent: parentIndex, started: started))
                    }
                }
            }
            layers.append(next)
        }
        guard let last = layers.last, let bestIndex = last.indices.max(by: { last[$0].value < last[$1].value }),
              last[bestIndex].value > 1e-12, layers.count > 1 else {
            return (CourseSequence(starts: []), 0)
        }
        var starts: [CourseSequence.Start] = []
        var index = bestIndex
        var year = profile.lastPlanYear
        for layer in stride(from: layers.count - 1, to: 0, by: -1) {
            let node = layers[layer][index]
            starts += node.started.map { CourseSequence.Start(candidate: $0, year: year) }
            index = node.parent
            year -= 1
        }
        return (CourseSequence(starts: starts), last[bestIndex].value)
    }

    /// Every distinct sequence, or nil when there are more than `limit`.
    func all(limit: Int) -> [CourseSequence]? {
        guard baseYear <= profile.lastPlanYear else { return [CourseSequence(starts: [])] }
        var found: [CourseSequence] = []
        var tooMany = false
        func walk(_ slots: [SlotState], year: Int, starts: [CourseSequence.Start]) {
            if tooMany { return }
            if year > profile.lastPlanYear {
                found.append(CourseSequence(starts: starts))
                if found.count > limit { tooMany = true }
                return
            }
            forEachChoice(from: slots, in: year) { started, next in
                walk(next, year: year + 1, starts: starts + started.map { CourseSequence.Start(candidate: $0, year: year) })
            }
        }
        walk(initialSlots(), year: baseYear, starts: [])
        return tooMany ? nil : found
    }

    private func initialSlots() -> [SlotState] {
        profile.initialLevels.map { SlotState(level: Int8($0), running: -1, completes: 0) }
    }

    /// Calls `body` with each allowed set of starts in `year` and the slot states at the year's end.
    private func forEachChoice(from slots: [SlotState], in year: Int, _ body: ([Int], [SlotState]) -> Void) {
        var busyDays = 0
        for slot in slots where slot.running >= 0 { busyDays += profile.candidates[Int(slot.running)].days }
        var current = slots
        var started: [Int] = []
        func choose(_ slotIndex: Int, days: Int) {
            if slotIndex == current.count {
                var ended = current
                for i in ended.indices where ended[i].running >= 0 && Int(ended[i].completes) == year {
                    let grants = profile.candidates[Int(ended[i].running)].grants
                    ended[i].level = max(ended[i].level, Int8(grants))
                    ended[i].running = -1
                    ended[i].completes = 0
                }
                body(started, ended)
                return
            }
            choose(slotIndex + 1, days: days)
            let slot = current[slotIndex]
            guard slot.running < 0 else { return }
            for c in profile.candidatesBySlot[slotIndex] {
                let candidate = profile.candidates[c]
                guard candidate.grants > Int(slot.level), candidate.requires <= Int(slot.level),
                      days + candidate.days <= maxTrainingDays,
                      candidate.startYears.contains(year) else { continue }
                current[slotIndex] = SlotState(level: slot.level, running: Int8(c), completes: Int16(year + candidate.years - 1))
                started.append(c)
                choose(slotIndex + 1, days: days + candidate.days)
                started.removeLast()
                current[slotIndex] = slot
            }
        }
        choose(0, days: busyDays)
    }

    private func reward(_ slots: [SlotState], yearOffset: Int, prices: SequencePrices) -> Double {
        var total = 0.0
        for membership in profile.membershipsByYear[yearOffset]
        where membership.conditions.allSatisfy({ Int(slots[$0.slot].level) >= $0.level }) {
            total += prices.coverage[membership.coverageRow]
        }
        return total
    }

    private func startPrice(_ c: Int, year: Int, prices: SequencePrices, moneyScale: Double) -> Double {
        let candidate = profile.candidates[c]
        var price = prices.startCost(profile, c, year)
        let k = year - baseYear
        for offset in k..<(k + candidate.years) where offset < yearCount {
            price -= prices.budget[offset] * candidate.costPerYear / moneyScale
        }
        price -= prices.seats[candidate.course * yearCount + k]
        return price
    }
}
