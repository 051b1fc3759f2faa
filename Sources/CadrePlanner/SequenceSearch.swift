import CadreDomain

/// The per-official dynamic program over years: state = each family slot's level and running course.
/// It finds the sequence of most value under given prices, or lists every sequence when there are few.
/// Within a year, slots are decided one after another (carrying the days used), so the work grows with
/// the sum, not the product, of the choices per slot.
struct SequenceSearch {
    let profile: PlanningProfile
    let baseYear: Int
    let yearCount: Int
    let maxTrainingDays: Int
    /// The profile's candidates and memberships as flat arrays of numbers, for the dynamic program's inner loops,
    /// which read them millions of times a round: a `Candidate` or `Membership` holds an array, so reading one
    /// whole may retain and release it, and a membership's conditions are checked without a closure.
    private let grants: [Int]
    private let requires: [Int]
    private let daysOf: [Int]
    private let yearsOf: [Int]
    private let startYearMask: [UInt64]
    /// Memberships of year offset k are `membershipStart[k]..<membershipStart[k + 1]`; the conditions of
    /// membership m are `conditionStart[m]..<conditionStart[m + 1]`.
    private let membershipStart: [Int]
    private let membershipRow: [Int]
    private let conditionStart: [Int]
    private let conditionSlot: [Int]
    private let conditionLevel: [Int]

    init(profile: PlanningProfile, baseYear: Int, yearCount: Int, maxTrainingDays: Int) {
        self.profile = profile
        self.baseYear = baseYear
        self.yearCount = yearCount
        self.maxTrainingDays = maxTrainingDays
        grants = profile.candidates.map(\.grants)
        requires = profile.candidates.map(\.requires)
        daysOf = profile.candidates.map(\.days)
        yearsOf = profile.candidates.map(\.years)
        startYearMask = profile.candidates.map(\.startYearMask)
        var membershipStart = [0]
        var membershipRow: [Int] = []
        var conditionStart = [0]
        var conditionSlot: [Int] = []
        var conditionLevel: [Int] = []
        for memberships in profile.membershipsByYear {
            for membership in memberships {
                membershipRow.append(membership.coverageRow)
                for condition in membership.conditions {
                    conditionSlot.append(condition.slot)
                    conditionLevel.append(condition.level)
                }
                conditionStart.append(conditionSlot.count)
            }
            membershipStart.append(membershipRow.count)
        }
        self.membershipStart = membershipStart
        self.membershipRow = membershipRow
        self.conditionStart = conditionStart
        self.conditionSlot = conditionSlot
        self.conditionLevel = conditionLevel
    }

    /// Whether a profile fits the packed state; larger ones cannot occur with the contract's ladders.
    static func fits(_ profile: PlanningProfile, baseYear: Int) -> Bool {
        profile.families.count <= SlotStates.maxSlots && profile.candidates.count <= SlotStates.maxCandidates
            && profile.families.allSatisfy { $0.highestLevel <= SlotStates.maxLevel }
            && profile.lastPlanYear - baseYear <= SlotStates.maxYearOffset
    }

    private struct Partial {
        var states: SlotStates
        var days: Int
        var value: Double
        var parent: Int
        var started: UInt64
    }

    private struct Node {
        var value: Double
        var parent: Int
        var started: UInt64
    }

    /// The sequence with the largest Σ coverage dual earned − Σ start price; the empty sequence scores 0.
    /// With a `beam`, only that many of the best states survive each year: fast, but no longer exact.
    func best(prices: SequencePrices, moneyScale: Double, beam: Int? = nil) -> (sequence: CourseSequence, value: Double) {
        guard baseYear <= profile.lastPlanYear else { return (CourseSequence(starts: []), 0) }
        let slotCount = profile.families.count
        var layerStates: [SlotStates] = [initialStates()]
        var layers: [[Node]] = [[Node(value: 0, parent: -1, started: 0)]]
        var indexOf = StateIndex(expected: 64)
        var nodeIndex = StateIndex(expected: 64)
        for year in baseYear...profile.lastPlanYear {
            let k = year - baseYear
            // Each candidate's price this year, once, rather than once per state that could start it.
            let priceThisYear = profile.candidates.indices.map { startPrice($0, year: year, prices: prices, moneyScale: moneyScale) }
            var partials: [Partial] = []
            partials.reserveCapacity(layerStates.count)
            for (index, states) in layerStates.enumerated() {
                guard let states = placingFixedStarts(in: states, year: year) else { continue }
                partials.append(Partial(states: states, days: busyDays(states), value: layers[layers.count - 1][index].value,
                                        parent: index, started: 0))
            }
            // Partials already made never change key, so one index serves every slot of the year.
            indexOf.reset(expected: 4 * partials.count)
            for (i, partial) in partials.enumerated() { indexOf.set(partial.states, days: partial.days, to: i) }
            let yearBit = UInt64(1) << UInt64(k)
            for slot in 0..<slotCount {
                let startable = profile.candidatesBySlot[slot].filter { startYearMask[$0] & yearBit != 0 }
                guard !startable.isEmpty else { continue }
                // States made here start a course in this slot, so the loop, which extends only states with the
                // slot free, never reaches them: they can go straight into the same array.
                for i in 0..<partials.count {
                    let partial = partials[i]
                    guard partial.states.running(slot) < 0 else { continue }
                    let level = partial.states.level(slot)
                    for c in startable where canStart(c, fromLevel: level, days: partial.days) {
                        var states = partial.states
                        states.set(slot, level: level, running: c, completes: k + yearsOf[c] - 1)
                        let days = partial.days + daysOf[c]
                        let value = partial.value - priceThisYear[c]
                        if let existing = indexOf.position(of: states, days: days, orInsert: partials.count) {
                            if value > partials[existing].value + SearchTuning.valueDust {
                                partials[existing] = Partial(states: states, days: days, value: value, parent: partial.parent,
                                                             started: partial.started | (1 << UInt64(c)))
                            }
                        } else {
                            partials.append(Partial(states: states, days: days, value: value, parent: partial.parent,
                                                    started: partial.started | (1 << UInt64(c))))
                        }
                    }
                }
            }
            var states: [SlotStates] = []
            var nodes: [Node] = []
            // The reward depends on the ended state alone: counted once per state, not once per way of reaching it.
            var rewards: [Double] = []
            nodeIndex.reset(expected: partials.count)
            for partial in partials {
                let ended = endOfYear(partial.states, yearOffset: k)
                let attendance = attendancePrice(partial.states, yearOffset: k, prices: prices)
                if let existing = nodeIndex.position(of: ended, orInsert: states.count) {
                    let value = partial.value + rewards[existing] + attendance
                    if value > nodes[existing].value + SearchTuning.valueDust {
                        nodes[existing] = Node(value: value, parent: partial.parent, started: partial.started)
                    }
                } else {
                    let earned = reward(ended, yearOffset: k, prices: prices)
                    states.append(ended)
                    rewards.append(earned)
                    nodes.append(Node(value: partial.value + earned + attendance, parent: partial.parent, started: partial.started))
                }
            }
            if let beam, states.count > beam {
                let kept = states.indices.sorted { (nodes[$0].value, -$0) > (nodes[$1].value, -$1) }.prefix(beam).sorted()
                states = kept.map { states[$0] }
                nodes = kept.map { nodes[$0] }
            }
            layerStates = states
            layers.append(nodes)
        }
        let last = layers[layers.count - 1]
        guard let bestIndex = last.indices.max(by: { last[$0].value < last[$1].value }), last[bestIndex].value > SearchTuning.valueDust else {
            return (CourseSequence(starts: []), 0)
        }
        var starts: [CourseSequence.Start] = []
        var index = bestIndex
        var year = profile.lastPlanYear
        for layer in stride(from: layers.count - 1, to: 0, by: -1) {
            let node = layers[layer][index]
            for c in 0..<profile.candidates.count where node.started & (1 << UInt64(c)) != 0 {
                starts.append(CourseSequence.Start(candidate: c, year: year))
            }
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
        func walk(_ states: SlotStates, year: Int, starts: [CourseSequence.Start]) {
            if tooMany { return }
            if year > profile.lastPlanYear {
                found.append(CourseSequence(starts: starts))
                if found.count > limit { tooMany = true }
                return
            }
            let k = year - baseYear
            func choose(_ slot: Int, _ states: SlotStates, days: Int, _ starts: [CourseSequence.Start]) {
                if tooMany { return }
                guard slot < profile.families.count else {
                    walk(endOfYear(states, yearOffset: k), year: year + 1, starts: starts)
                    return
                }
                choose(slot + 1, states, days: days, starts)
                guard states.running(slot) < 0 else { return }
                for c in profile.candidatesBySlot[slot] where canStart(c, from: states, slot: slot, year: year, days: days) {
                    var next = states
                    next.set(slot, level: states.level(slot), running: c, completes: k + profile.candidates[c].years - 1)
                    choose(slot + 1, next, days: days + profile.candidates[c].days,
                           starts + [CourseSequence.Start(candidate: c, year: year)])
                }
            }
            guard let placed = placingFixedStarts(in: states, year: year) else { return }
            choose(0, placed, days: busyDays(placed), starts)
        }
        walk(initialStates(), year: baseYear, starts: [])
        return tooMany ? nil : found
    }

    /// The sequence that starts exactly these courses in these years, if the course rules allow it for this
    /// profile (admitted, prerequisite held, a level gained, days within the yearly most, one course per family
    /// at a time, completed in time); nil otherwise. Walks the same states as `all`, so a sequence it accepts is
    /// one `all` would list. Starts of the profile's fixed courses are theirs, not the sequence's.
    func sequence(of starts: [CourseYear]) -> CourseSequence? {
        let fixed = Set(profile.fixedStarts.map { CourseYear(course: profile.candidates[$0.candidate].course, year: $0.year) })
        let chosen = starts.filter { !fixed.contains($0) }
        guard chosen.allSatisfy({ $0.year >= baseYear && $0.year <= profile.lastPlanYear }) else { return nil }
        var states = initialStates()
        var picked: [CourseSequence.Start] = []
        for year in baseYear...max(baseYear, profile.lastPlanYear) where baseYear <= profile.lastPlanYear {
            let k = year - baseYear
            guard var placed = placingFixedStarts(in: states, year: year) else { return nil }
            var days = busyDays(placed)
            for start in chosen where start.year == year {
                guard let c = profile.candidates.indices.first(where: {
                    !profile.candidates[$0].isFixed && profile.candidates[$0].course == start.course
                }) else { return nil }
                let slot = profile.candidates[c].slot
                guard placed.running(slot) < 0, canStart(c, from: placed, slot: slot, year: year, days: days) else { return nil }
                placed.set(slot, level: placed.level(slot), running: c, completes: k + profile.candidates[c].years - 1)
                days += profile.candidates[c].days
                picked.append(CourseSequence.Start(candidate: c, year: year))
            }
            states = endOfYear(placed, yearOffset: k)
        }
        return CourseSequence(starts: picked)
    }

    /// Levels at the start, with the courses still running from before the base year in their slots.
    func initialStates() -> SlotStates {
        var states = SlotStates()
        for (slot, level) in profile.initialLevels.enumerated() { states.set(slot, level: level) }
        for fixed in profile.fixedStarts where fixed.year < baseYear {
            let candidate = profile.candidates[fixed.candidate]
            states.set(candidate.slot, level: states.level(candidate.slot), running: fixed.candidate,
                       completes: fixed.year + candidate.years - 1 - baseYear)
        }
        return states
    }

    /// The states with this year's pinned courses started; nil when a chosen course blocks one (its family is
    /// still attended, or it already reached the pinned course's level).
    func placingFixedStarts(in states: SlotStates, year: Int) -> SlotStates? {
        var placed = states
        for fixed in profile.fixedStarts where fixed.year == year {
            let candidate = profile.candidates[fixed.candidate]
            guard placed.running(candidate.slot) < 0, placed.level(candidate.slot) < candidate.grants else { return nil }
            placed.set(candidate.slot, level: placed.level(candidate.slot), running: fixed.candidate,
                       completes: year + candidate.years - 1 - baseYear)
        }
        return placed
    }

    /// What attending any course this year costs under a district cap, unless a fixed course has the
    /// official away that year anyway.
    func attendancePrice(_ states: SlotStates, yearOffset k: Int, prices: SequencePrices) -> Double {
        guard let district = profile.cappedDistrict, profile.fixedAttendanceMask & (1 << UInt64(k)) == 0,
              (0..<profile.families.count).contains(where: { states.running($0) >= 0 }) else { return 0 }
        return prices.districtCaps[district * yearCount + k]
    }

    func busyDays(_ states: SlotStates) -> Int {
        var days = 0
        for slot in 0..<profile.families.count where states.running(slot) >= 0 {
            days += daysOf[states.running(slot)]
        }
        return days
    }

    /// The course rules: admitted this year, prerequisite held, raises the level, within the days left.
    func canStart(_ c: Int, from states: SlotStates, slot: Int, year: Int, days: Int) -> Bool {
        canStart(c, fromLevel: states.level(slot), days: days) && startYearMask[c] & (1 << UInt64(year - baseYear)) != 0
    }

    /// The rules but the year's: pricing checks the year once for the whole slot.
    private func canStart(_ c: Int, fromLevel level: Int, days: Int) -> Bool {
        grants[c] > level && requires[c] <= level && days + daysOf[c] <= maxTrainingDays
    }

    /// Courses completing this year raise their slot's level.
    func endOfYear(_ states: SlotStates, yearOffset k: Int) -> SlotStates {
        var ended = states
        for slot in 0..<profile.families.count where states.running(slot) >= 0 && states.completes(slot) == k {
            ended.set(slot, level: max(states.level(slot), grants[states.running(slot)]))
        }
        return ended
    }

    func reward(_ states: SlotStates, yearOffset: Int, prices: SequencePrices) -> Double {
        var total = 0.0
        memberships: for m in membershipStart[yearOffset]..<membershipStart[yearOffset + 1] {
            for condition in conditionStart[m]..<conditionStart[m + 1] where states.level(conditionSlot[condition]) < conditionLevel[condition] {
                continue memberships
            }
            total += prices.coverage[membershipRow[m]]
        }
        return total
    }

    func startPrice(_ c: Int, year: Int, prices: SequencePrices, moneyScale: Double) -> Double {
        let candidate = profile.candidates[c]
        var price = prices.startCost(profile, c, year)
        let k = year - baseYear
        for offset in k..<(k + candidate.years) where offset < yearCount {
            price -= prices.budget[offset] * candidate.costPerYear / moneyScale
        }
        price -= prices.seats[prices.intakes.index(course: candidate.course, offset: k)]
        return price
    }
}
