import CadreDomain
import CadreLinearModel
import Foundation

/// Branch and price on member counts: the master's relaxation, priced exactly at every node, is the bound, and a
/// node splits on how many members of a group start one course in one year.
///
/// Branch and cut over the master's columns proves nothing about sequences never priced, and over the per-person
/// model it searches every way of handing the same courses to identical officials. Here the columns come from the
/// pricing dynamic program at every node, so a node's Lagrangian bound holds for every plan within its branches,
/// and a branch on a group's count of one start cannot be undone by swapping identical members.
///
/// A branch is a row of its own, "members of group g starting candidate c in year y ≥ k" (or ≤ k). Its dual enters
/// the dynamic program as a price on that start for that group only, so pricing keeps to the node. A "≥" row has
/// an artificial column of large cost: the columns so far may not be able to meet it, and pricing needs a feasible
/// relaxation to find those that can. So has each coverage row where its shortfall is held down: by a branch, or in
/// the spending phase by the cap on the weighted shortfall (a node whose relaxation found no columns to meet the cap
/// used to keep its parent's bound in the proof, which left 60 officials, seed 1, unproven at 215.5 against 218.5
/// millions).
extension PlanningRun {
    /// Searches for a plan better than `incumbent` by a whole step (in the spending phase, by more than what settles
    /// it) until the deadline. Returns the best plan and the bound proven over every plan; a node whose relaxation the
    /// solver could not solve keeps its parent's bound in it. `recordsDeadline`: whether `deadline` is the search's
    /// own, so that reaching it is what ended the search.
    func branchAndPrice(from incumbent: [Double], bound startBound: Double, until deadline: Date,
                        recordsDeadline: Bool = true, persons: PersonProblem? = nil) throws -> (values: [Double], bound: Double) {
        var tree = try CountBranching(run: self)
        var best = incumbent
        var bestValue = objective(of: best)
        // Only plans better by a whole step matter: the shortfall is whole, and spending within what settles it.
        let step = phase == .shortfall ? 1 - SearchTuning.wholeness : spendingSettledWithin
        func cutoff() -> Double { bestValue - step }
        var open = [CountNode(limits: [:], bound: startBound, depth: 0, serial: 0)]
        /// Seconds spent on the nodes' relaxations and on each kind of search for plans, for the trace.
        typealias Seconds = (nodes: Double, neighbourhoods: Double, windows: Double, pricedColumns: Double)
        var spent: Seconds = (0, 0, 0, 0)
        func timed<T>(_ part: WritableKeyPath<Seconds, Double>, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            defer { spent[keyPath: part] += Date().timeIntervalSince(start) }
            return try body()
        }
        // The child nearest the relaxation is searched next (a dive, which finds plans) until its branch closes; then
        // the open node of least bound (which raises the bound).
        var plunge: CountNode?
        var serial = 0
        var nodes = 0
        var unresolved = Double.infinity
        /// Where the bound last rose.
        var raised = (bound: startBound, node: 0)
        /// The last search of the priced columns: under which bound and incumbent, over how many columns.
        var searched: (bound: Double, incumbent: Double, columns: Int)?
        /// The last search of the priced columns below the incumbent that found nothing: under which incumbent, over
        /// how many columns.
        var fruitlessBelow: (incumbent: Double, columns: Int)?
        /// The last turn through the windows: under which incumbent, over how many columns.
        var windowed: (incumbent: Double, columns: Int)?
        /// The finder's search of every column priced so far, beside the tree (shortfall phase only), and how many
        /// columns its last search was over.
        var finderSearch: BackgroundSearch?
        var finderSearchedColumns: Int?
        let treeWindows = windows(nodeLimit: SearchTuning.windowNodesInTree, splitNodeLimit: SearchTuning.splitWindowNodesInTree)
        /// The columns each of the last nodes' relaxations used, for the support neighbourhoods.
        var recentSupports: [Set<Int>] = []
        /// When the next relaxation neighbourhood is due, and how many nodes after it the one after.
        var neighbourhood = (due: 1, interval: SearchTuning.branchAndPriceNeighbourhoodEvery)
        /// Whether the master has grown by `share` of the columns it had then.
        func columnsGrew(since columns: Int, by share: Double) -> Bool { Double(master.columns.count) >= (1 + share) * Double(columns) }
        /// What the finder's search of the per-person model has proven over every plan (`searchPersonsBeside`).
        var personBound = -Double.infinity
        func openBound() -> Double { max(personBound, min(unresolved, plunge?.bound ?? .infinity, open.lazy.map(\.bound).min() ?? .infinity)) }
        /// What the tree proves so far over every plan.
        func proven() -> Double { strengthened(min(openBound(), bestValue)) }
        func take(_ plan: [Double]) {
            guard withinShortfallCaps(plan), objective(of: plan) < bestValue - SearchTuning.improvement else { return }
            best = plan
            bestValue = objective(of: plan)
            trace("branch and price: node \(nodes), plan \(bestValue)")
            report(best: primaryValue(of: best))
        }
        /// Takes the plan of the finder's search that has ended.
        func collect(_ search: BackgroundSearch, _ outcome: Result<IntegerResult, any Error>) throws {
            let result = try outcome.get()
            trace("branch and price: finder over \(search.columns) columns, cap \(search.cap): \(result.status.rawValue) objective \(result.objective)")
            if let found = solution(found: result) { take(found) }
        }
        // The finder searches every column priced so far beside the tree, on a thread of its own, and once a search
        // has ended, searches again when the tree has priced half as many columns again: the tree prices the columns a
        // better plan needs, and HiGHS finds it over them where the windows and the tree's neighbourhoods do not (60
        // officials, seed 9: 333, the per-person model's optimum, over 494 columns, where the root's 327 held 334 at
        // best). Beside the tree, not in its turn: its searches took up to 40 % of the time, and the tree's nodes,
        // which prove, were waiting (100 officials, seed 3: 14 of 32 s). A search is not ended for more columns: HiGHS
        // finds its plans late (120 officials, seed 2: 477 at 4 s, 470 at 14 s), and ended at every growth of the
        // columns the searches found 475 where one found 470. Not where the finder searches the per-person model beside
        // the tree (below): on two cores the three threads shared them, and without the column searches 11 provinces of
        // 60–80 officials ended sooner or the same in two runs (60 officials, seed 2: 8.2 and 9.0 s against 14.0 and
        // 14.7; seed 3: 8.2 and 23.1 against 18.1 and 32.2; 80 officials, seed 2: 306, the optimum, proven at 46.7 and
        // 47.7 s, where both runs with them ended at 316 unproven).
        defer { if let search = finderSearch { _ = search.end() } }
        // The finder also searches the per-person model beside the tree, capped a step below the incumbent (a person, or
        // in the spending phase what settles it; `PlanningRun.personProblem` gives the phase's objective): it holds every
        // plan, so "none under the cap" proves the incumbent, and HiGHS's cuts and preprocessing prove there what the
        // tree's count branches do not (60 officials, seed 2: 136 proven at 9 s, where the tree's bound stayed at
        // 135 for the minute; seed 8: 485, the optimum, found at 13 s and proven at 30 s, where the tree stayed at
        // 488). Only on per-person models HiGHS settles within the minute (`personProblem`); on larger ones only once
        // the first search of the priced columns has ended, under its plan (`finderSearcher`).
        // Once the search has ended, again only under a better incumbent.
        var personSearch: (search: BackgroundSearch, incumbent: Double)?
        var personSearchedBelow: Double?
        defer { if let running = personSearch { _ = running.search.end() } }
        /// Whether the finder searches the per-person model beside the tree; then neither its searches of the priced
        /// columns nor GLPK's run (above, and where the bound stalls), but for the first where it waits for that.
        let personsBeside = persons?.searcher.searchesBesideTree == true
        let personsWait = persons?.searcher == .finderAfterColumnSearch
        /// Whether a search of the priced columns beside the tree has started and ended.
        func columnSearchEnded() -> Bool { finderSearchedColumns != nil && finderSearch == nil }
        func searchPersonsBeside() throws {
            guard personsBeside, let finder, let persons, !personsWait || columnSearchEnded() else { return }
            if let running = personSearch {
                if let values = running.search.takeIncumbent(), let read = try columns(ofPersonPlan: values, starts: persons.starts) {
                    take(read)
                }
                guard let outcome = running.search.result else { return }
                personSearch = nil
                let result = try outcome.get()
                trace("branch and price: person model under \(running.search.cap): \(result.status.rawValue) objective \(result.objective), bound \(result.bound)")
                if !result.values.isEmpty, let read = try columns(ofPersonPlan: result.values, starts: persons.starts) { take(read) }
                if let proven = bound(overEveryPlan: result, cappedBelow: running.incumbent) { personBound = max(personBound, proven) }
            }
            guard personSearch == nil, proven() < bestValue, personSearchedBelow.map({ bestValue < $0 }) ?? true,
                  !options.stop.endsSearch(due: deadline) else { return }
            personSearchedBelow = bestValue
            personSearch = (startPersonSearch(by: finder, in: persons, below: cutoff(), until: deadline), bestValue)
        }
        func searchColumnsBeside() throws {
            guard phase == .shortfall, !personsBeside || personsWait, let finder = activeFinder else { return }
            if let search = finderSearch {
                if let values = search.takeIncumbent() { take(solution(counts(of: values))) }
                guard let outcome = search.result else { return }
                finderSearch = nil
                try collect(search, outcome)
            }
            if personsWait, columnSearchEnded() { return }
            let grown = finderSearchedColumns.map { columnsGrew(since: $0, by: SearchTuning.finderColumnGrowth) } ?? true
            guard grown, proven() < bestValue, !options.stop.endsSearch(due: deadline) else { return }
            finderSearchedColumns = master.columns.count
            let until = min(deadline, Date(timeIntervalSinceNow: SearchTuning.columnSearchShare * deadline.timeIntervalSinceNow))
            finderSearch = startColumnSearch(by: finder, below: cutoff(), goodEnough: goodEnough(proven()), until: until)
        }
        while true {
            try searchPersonsBeside()
            try searchColumnsBeside()
            if let next = plunge, strengthened(next.bound) > cutoff() { plunge = nil }
            // Near the incumbent what is left is mostly the proof, which needs no node above the bound's level.
            if let next = plunge, phase == .shortfall, bestValue - proven() <= SearchTuning.levelPlungeReach,
               strengthened(next.bound) > proven() {
                open.append(next)
                plunge = nil
            }
            if !gapOpen(incumbent: bestValue, bound: proven()) { break }
            if options.stop.endsSearch(due: deadline) {
                if recordsDeadline && Date() >= deadline { hitDeadline = true }
                break
            }
            let node: CountNode
            if let next = plunge {
                node = next
                plunge = nil
            } else {
                guard let next = open.indices.min(by: { (open[$0].bound, -open[$0].depth, open[$0].serial) < (open[$1].bound, -open[$1].depth, open[$1].serial) }),
                      strengthened(open[next].bound) <= cutoff() else {
                    open.removeAll()
                    break
                }
                node = open.remove(at: next)
            }
            nodes += 1
            let relaxation = try timed(\.nodes) {
                try tree.apply(node.limits)
                return try tree.relax(cutoff: cutoff(), until: deadline)
            }
            guard let relaxed = relaxation else {
                unresolved = min(unresolved, node.bound)
                continue
            }
            guard strengthened(relaxed.bound) <= cutoff() else { continue }
            let values = tree.masterValues(relaxed.values)
            take(solution(polished(counts(of: roundedSolution(from: values)))))
            // A plan at the bound's level is seldom one node's rounding, but lies among the columns nearby nodes use.
            // Not where the finder searches every priced column beside the tree: there this neighbourhood and the
            // relaxation's below found no plan in 655 searches (36 runs of 60–120 officials), and took up to 6 of a
            // proof's 15 s (80 officials, seed 2); without them 100 officials, seed 3, were proven at 12.9 s, not 21.
            if phase == .shortfall, activeFinder == nil {
                recentSupports.append(Set(master.columns.indices.filter { self.value(values, column: $0) > SearchTuning.wholeness }))
                if recentSupports.count > SearchTuning.supportNeighbourhoodEvery { recentSupports.removeFirst() }
                if nodes % SearchTuning.supportNeighbourhoodEvery == 0, strengthened(relaxed.bound) >= bestValue - 1 {
                    let columns = recentSupports.reduce(into: Set(counts(of: best).keys)) { $0.formUnion($1) }
                    if let found = try timed(\.neighbourhoods, { try supportNeighbourhood(columns, below: cutoff(), until: deadline) }) {
                        take(found)
                    }
                }
            }
            switch tree.split(relaxed.values) {
            case .whole:
                take(solution(counts(of: values)))
            case .unsplittable:
                // Whole shortfalls and start counts but split columns: no branch of these kinds separates them, so
                // the node's bound stays in the proof.
                unresolved = min(unresolved, relaxed.bound)
            case .on(let key, let value):
                let floor = Int(value.rounded(.down))
                let nearer = value - Double(floor) < 0.5 ? 0 : 1
                for (side, limit) in [BranchLimit(lower: 0, upper: floor), BranchLimit(lower: floor + 1, upper: .max)].enumerated() {
                    var limits = node.limits
                    let limit = (limits[key] ?? BranchLimit(lower: 0, upper: .max)).intersected(with: limit)
                    guard limit.lower <= limit.upper else { continue }
                    limits[key] = limit
                    serial += 1
                    let child = CountNode(limits: limits, bound: max(node.bound, relaxed.bound), depth: node.depth + 1, serial: serial)
                    if side == nearer { plunge = child } else { open.append(child) }
                }
            }
            // Deep in the tree few groups are split, and branch and cut over those, the others held, finds the
            // re-timings of several groups at once that no rounding makes (60 officials, seed 1: 226, the optimum,
            // after 191 nodes, where every other search stayed at 235). Every so many nodes, since each is costlier
            // than a node, and more rarely while they find nothing. Capped below the incumbent, as the priced columns
            // are. Not in the spending phase: there they found no plan on any of 15 small provinces and took up to 7 s
            // of its time (40 officials, seed 2), while the tree finds and proves the least spending by itself. Nor
            // beside the finder (above).
            if nodes >= neighbourhood.due, phase == .shortfall, activeFinder == nil {
                let before = bestValue
                if let found = try timed(\.neighbourhoods, {
                    try relaxationNeighbourhood(values, heldAtZero: [], goodEnough: goodEnough(openBound()),
                                                below: cutoff(), nodeLimit: SearchTuning.branchAndPriceNeighbourhoodNodes,
                                                until: deadline)
                }) {
                    take(found)
                }
                neighbourhood.interval = bestValue < before ? SearchTuning.branchAndPriceNeighbourhoodEvery
                    : min(2 * neighbourhood.interval, SearchTuning.branchAndPriceNeighbourhoodSparsest)
                neighbourhood.due = nodes + neighbourhood.interval
            }
            if nodes % 50 == 0 { report(best: primaryValue(of: best), bound: min(openBound(), bestValue)) }
            // A bound that stops rising is often the optimum's already, and the plan is missing, not the proof; by
            // then the tree has priced the columns it needs, and branch and cut over all of them finds it where the
            // nodes' roundings and neighbourhoods take hundreds of nodes more (40 officials, seed 3: 83 at node 50
            // instead of node 1,111; seed 8: 245 in 1.1 s, which nothing in the tree had found by node 1,021).
            let bound = proven()
            if bound > raised.bound {
                raised = (bound, nodes)
                trace("branch and price: node \(nodes), bound \(bound)")
            }
            // Once for each bound, and under the same incumbent only over many more columns than last time.
            let worthSearching = searched.map { last in
                bound > last.bound && (bestValue < last.incumbent
                    || columnsGrew(since: last.columns, by: SearchTuning.pricedColumnGrowth))
            } ?? true
            // The windows re-time many groups at once, which is how the better plans of these provinces differ from
            // the incumbent (60 officials, seed 2: 147 to 136, the optimum, in one window at 1.5 s, where the tree's
            // own neighbourhoods found 138 at 21 s). Once per incumbent, and again over twice the columns unless the
            // finder searches beside the tree: it searches every column again as they grow, and those rounds had found
            // nothing while taking the nodes' time (60 officials, seed 9: windows 18 s of the tree's 45, nodes 14 s;
            // without them nodes 22 s). The runs of consecutive years first, then the windows of two runs, which reach
            // years far apart.
            let worthWindows = windowed.map { last in
                bestValue < last.incumbent
                    || (activeFinder == nil && columnsGrew(since: last.columns, by: SearchTuning.windowColumnGrowth))
            } ?? true
            // The bound has not risen for a while: the plan may be what is missing (while the gap is open, which a
            // window's plan may close before the priced columns are searched).
            let stalled = phase == .shortfall && nodes - raised.node >= SearchTuning.branchAndPriceStallNodes
            // The first better plan a window finds goes back to the tree at once, which may prove it (60 officials, seed
            // 4: 262 at 1.6 s, proven by the tree 1 s later, where the rest of the windows spent 4.5 s proving there
            // was none better), and the windows are searched again at the next stall under the new incumbent; the priced
            // columns are searched then too.
            let incumbentBeforeWindows = bestValue
            if stalled, worthWindows, bound < bestValue {
                windowed = (bestValue, master.columns.count)
                var round = WindowRound(windows: treeWindows)
                // A round takes seconds, and the finder's plan should not wait for it (80 officials, seed 2: 306, the
                // optimum, found at 9.4 s and taken at 12.7 s, after the round).
                if let found = try timed(\.windows, {
                    try searchWindows(&round, around: best, step: step, until: deadline,
                                      unless: { finderSearch?.holdsIncumbent(below: bestValue - step) == true })
                }) {
                    trace("windows: \(bestValue) → \(objective(of: found))")
                    take(found)
                }
            }
            // Not where the finder searches the per-person model beside the tree, which finds these plans and proves
            // them: without these searches 11 provinces of 40–50 officials were proven in 74 s, against 82 and 84 in two
            // runs with them, and none later but by the machine's noise (50 officials, seed 3: 42.5 s against 41.4 and 36.2).
            if stalled, bestValue == incumbentBeforeWindows, worthSearching, bound < bestValue,
               scenario.officials.count <= SearchTuning.pricedColumnSearchOfficials, !personsBeside {
                searched = (bound, bestValue, master.columns.count)
                // First for a plan near the bound: capped that tightly GLPK either proves there is none over these
                // columns or finds one, mostly in a fraction of a second, where capped below the incumbent it may
                // search its whole node budget and find nothing (40 officials, seed 5: the optimum 192 found under
                // 193, after four searches below 202 had each spent their budget in vain). Then, when there is none
                // near the bound, for any plan better than the incumbent; under the same incumbent only over half as many
                // columns again as such a search that found nothing (40 officials, seed 2: two searches of 0.4 and 1.1 s
                // over 562 and 664 columns after 489 found nothing, and the optimum was the incumbent).
                let nearBound = bound + (SearchTuning.pricedColumnNearBound * (bestValue - bound)).rounded(.down) + SearchTuning.wholeness
                let found = try timed(\.pricedColumns) { () -> [Double]? in
                    if nearBound < cutoff(), let found = try pricedColumnSearch(below: nearBound, goodEnough: bound, until: deadline) {
                        return found
                    }
                    if let last = fruitlessBelow, last.incumbent == bestValue,
                       !columnsGrew(since: last.columns, by: SearchTuning.pricedColumnBelowGrowth) {
                        return nil
                    }
                    let found = try pricedColumnSearch(below: cutoff(), goodEnough: bound, until: deadline)
                    if found == nil { fruitlessBelow = (bestValue, master.columns.count) }
                    return found
                }
                if let found { take(found) }
            }
        }
        // What the finder found by the end is the tree's too.
        if let search = finderSearch {
            finderSearch = nil
            try collect(search, search.end())
        }
        trace("branch and price: \(nodes) nodes, \(open.count) open, \(tree.countRows) count rows, plan \(bestValue), bound \(proven()), unsplit \(unresolved), seconds \(spent)")
        return (padded(best), max(startBound, proven()))
    }

    /// Branch and cut over every column priced so far, for a plan of at most `cap` (near the bound, or one below the
    /// incumbent), for a node budget: a plan, or nil.
    private func pricedColumnSearch(below cap: Double, goodEnough: Double, until deadline: Date) throws -> [Double]? {
        let result = try withPrimaryCapped(at: cap) {
            try presolvedSearch(goodEnough: goodEnough, nodeLimit: SearchTuning.pricedColumnSearchNodes, until: deadline)
        }
        trace("branch and price: priced columns (\(master.columns.count)), cap \(cap): \(result.status.rawValue) objective \(result.objective)")
        return solution(found: result)
    }
}

/// What a node branches on: a coverage row's shortfall, or how many members of a group start one candidate in
/// one year. Shortfalls first: they are what the objective counts.
enum BranchKey: Hashable, Comparable {
    case shortfall(row: Int)
    case count(group: Int, year: Int, candidate: Int)

    static func < (a: BranchKey, b: BranchKey) -> Bool {
        switch (a, b) {
        case let (.shortfall(x), .shortfall(y)): return x < y
        case (.shortfall, .count): return true
        case (.count, .shortfall): return false
        case let (.count(g1, y1, c1), .count(g2, y2, c2)): return (g1, y1, c1) < (g2, y2, c2)
        }
    }
}

/// `lower ≤ value ≤ upper`; `Int.max` is no upper limit.
struct BranchLimit: Equatable {
    var lower: Int
    var upper: Int

    func intersected(with other: BranchLimit) -> BranchLimit {
        BranchLimit(lower: max(lower, other.lower), upper: min(upper, other.upper))
    }
}

struct CountNode {
    var limits: [BranchKey: BranchLimit]
    /// The parent's bound until this node's relaxation is solved.
    var bound: Double
    var depth: Int
    /// Creation order: the last tie rule, so the same tree is searched every time.
    var serial: Int
}

/// The master with one row per branched start count and an artificial column per limited row, in a solver session
/// of its own. Its columns are the master's, at the same indices, with the artificial columns and the columns
/// priced since its last rebuild after them.
struct CountBranching {
    enum Split {
        case whole
        case unsplittable
        case on(BranchKey, Double)
    }

    let run: PlanningRun
    private var session: any SolverSession
    /// How many columns the session has: the next one added goes there.
    private var sessionColumns: Int
    /// The session's column of each master variable.
    private var sessionIndex: [Int]
    /// Count rows, and the artificial column of each count row and of each coverage row.
    private var countRow: [BranchKey: Int]
    private var artificial: [BranchKey: Int]
    private var counts: [BranchKey] = []
    private var applied: [BranchKey: BranchLimit] = [:]
    /// What an artificial column costs per member: more than every target's weight on every member together, so
    /// that a relaxation using one is worse than any plan.
    private let artificialCost: Double

    var countRows: Int { counts.count }

    init(run: PlanningRun) throws {
        self.run = run
        let members = run.master.groups.reduce(0) { $0 + $1.members.count }
        artificialCost = 10 * Double(max(1, members)) * max(1, run.master.shortfallWeights.reduce(0, +))
        (session, sessionColumns, countRow, artificial) = try Self.open(run: run, counts: [], artificialCost: artificialCost)
        sessionIndex = Array(run.master.model.variables.indices)
    }

    /// Sets every limited row and variable to the node's limits, adding the count rows the node needs first.
    mutating func apply(_ limits: [BranchKey: BranchLimit]) throws {
        let missing = limits.keys.filter { if case .count = $0 { return countRow[$0] == nil } else { return false } }.sorted()
        if !missing.isEmpty { try rebuild(adding: missing) }
        for key in Set(applied.keys).union(limits.keys).sorted() {
            let limit = limits[key]
            guard applied[key] != limit else { continue }
            applied[key] = limit
            let lower = Double(limit?.lower ?? 0)
            let upper = limit.map { $0.upper == .max ? Double.infinity : Double($0.upper) } ?? .infinity
            switch key {
            case .shortfall(let row):
                try session.setVariableBounds(run.master.shortfallVariables.lowerBound + row, lower: lower, upper: upper)
                // Too small a shortfall for the columns so far is met by the artificial column until pricing finds better.
                try session.setVariableBounds(artificial[key]!, lower: 0,
                                              upper: Self.coverTakesArtificial(shortfallUpper: upper, phase: run.phase) ? .infinity : 0)
            case .count:
                try session.setRowBounds(countRow[key]!, lower: limit == nil ? -.infinity : lower, upper: upper)
                try session.setVariableBounds(artificial[key]!, lower: 0, upper: lower > 0 ? .infinity : 0)
            }
        }
    }
    /// The node's relaxation, priced until no sequence improves it; nil when the solver failed. Its bound is the
    /// Lagrangian one and is returned early once it passes `cutoff`.
    mutating func relax(cutoff: Double, until deadline: Date) throws -> (values: [Double], bound: Double)? {
        // Polishing adds columns to the master too.
        let missing = sessionIndex.count..<run.master.model.variables.count
        if !missing.isEmpty { try addToSession(missing.map { $0 - run.master.firstSequenceVariable }) }
        while true {
            let lp = try session.solveRelaxation(options: SolveOptions(
                deadline: max(deadline, Date().addingTimeInterval(SearchTuning.graceSeconds)), verbose: run.options.verbose))
            // Every limited row can take an artificial column, so what is left to refuse every plan is the spending
            // phase's cap on the weighted shortfall against shortfalls held up by branches: it does not depend on the
            // columns not yet priced, and the node holds no plan.
            if lp.status == .infeasible { return (lp.values, .infinity) }
            guard lp.status == .optimal else { return nil }
            var startDuals = [Int: [CourseSequence.Start: Double]]()
            for key in counts {
                guard case let .count(group, year, candidate) = key, abs(lp.duals[countRow[key]!]) > SearchTuning.valueDust else { continue }
                startDuals[group, default: [:]][CourseSequence.Start(candidate: candidate, year: year)] = lp.duals[countRow[key]!]
            }
            let master = run.master
            let priced = run.price(duals: Array(lp.duals[0..<master.model.rows.count]), beam: nil, startDuals: startDuals)
            var improving = false
            var added: [Int] = []
            for (g, found) in priced.enumerated() {
                guard let (sequence, value) = found, run.gain(ofGroup: g, sequenceValue: value, duals: lp.duals) > SearchTuning.improvement else { continue }
                improving = true
                if run.addColumn(sequence, of: g) != nil { added.append(run.master.columns.count - 1) }
            }
            let lagrangian = run.lagrangianBound(objective: lp.objective, duals: lp.duals,
                                                 bestValues: priced.indices.compactMap { g in priced[g].map { (group: g, value: $0.1) } })
            if !added.isEmpty {
                try run.session.addVariables(added.map { run.master.model.variables[run.master.firstSequenceVariable + $0] })
                try addToSession(added)
            }
            if run.strengthened(lagrangian) > cutoff { return (lp.values, lagrangian) }
            if added.isEmpty { return (lp.values, improving ? lagrangian : lp.objective) }
            if Date() >= deadline || run.options.stop.isRequested { return (lp.values, lagrangian) }
        }
    }

    /// The master's variable values from the session's.
    func masterValues(_ values: [Double]) -> [Double] {
        sessionIndex.map { value(values, $0) }
    }

    /// A relaxation cut short by the deadline predates the columns priced from it: those count as zero.
    private func value(_ values: [Double], _ index: Int) -> Double {
        index < values.count ? values[index] : 0
    }

    /// What to branch on: the shortfall, or else the start count, whose fraction is nearest a half (ties by the
    /// keys' order).
    func split(_ values: [Double]) -> Split {
        let master = run.master
        var fractional: [BranchKey: Double] = [:]
        for (r, variable) in master.shortfallVariables.enumerated() {
            fractional[.shortfall(row: r)] = value(values, sessionIndex[variable])
        }
        var splitColumns = false
        var starts: [BranchKey: Double] = [:]
        for (column, entry) in master.columns.enumerated() {
            let value = value(values, sessionIndex[master.firstSequenceVariable + column])
            guard value > SearchTuning.wholeness else { continue }
            if abs(value - value.rounded()) > SearchTuning.wholeness { splitColumns = true }
            for start in entry.sequence.starts {
                starts[.count(group: entry.group, year: start.year, candidate: start.candidate), default: 0] += value
            }
        }
        guard splitColumns else { return .whole }
        for candidates in [fractional, starts] {
            var chosen: (key: BranchKey, value: Double, score: Double)?
            for (key, value) in candidates {
                let fraction = value - value.rounded(.down)
                let score = min(fraction, 1 - fraction)
                guard score > SearchTuning.wholeness else { continue }
                if chosen.map({ score > $0.score + SearchTuning.valueDust || (abs(score - $0.score) <= SearchTuning.valueDust && key < $0.key) }) ?? true {
                    chosen = (key, value, score)
                }
            }
            if let chosen { return .on(chosen.key, chosen.value) }
        }
        return .unsplittable
    }

    private mutating func addToSession(_ columns: [Int]) throws {
        let master = run.master
        var variables: [Variable] = []
        for column in columns {
            var variable = master.model.variables[master.firstSequenceVariable + column]
            variable.entries += Self.countEntries(of: column, in: master, countRow: countRow)
            variables.append(variable)
            sessionIndex.append(sessionColumns)
            sessionColumns += 1
        }
        try session.addVariables(variables)
    }

    private static func countEntries(of column: Int, in master: MasterProblem, countRow: [BranchKey: Int]) -> [Entry] {
        let (group, sequence) = master.columns[column]
        return sequence.starts.compactMap { start in
            countRow[.count(group: group, year: start.year, candidate: start.candidate)].map { Entry(row: $0, coefficient: 1) }
        }
    }

    /// Whether a coverage row's artificial column may be used: where its shortfall is held down, by a limit on it or
    /// in the spending phase by the cap on the weighted shortfall, the columns so far may not be able to meet the row.
    private static func coverTakesArtificial(shortfallUpper: Double, phase: PlanningRun.Phase) -> Bool {
        shortfallUpper < .infinity || phase == .spending
    }

    /// A new session with count rows for `missing` too. The basis is lost, which on the provinces this runs on
    /// costs milliseconds.
    private mutating func rebuild(adding missing: [BranchKey]) throws {
        counts += missing
        (session, sessionColumns, countRow, artificial) = try Self.open(run: run, counts: counts, artificialCost: artificialCost)
        sessionIndex = Array(run.master.model.variables.indices)
        applied = [:]
    }

    /// A session of the master with a row per count in `counts`; the master's variables keep their indices, the
    /// artificial columns follow them.
    private static func open(run: PlanningRun, counts: [BranchKey], artificialCost: Double) throws
        -> (session: any SolverSession, columns: Int, countRow: [BranchKey: Int], artificial: [BranchKey: Int]) {
        let master = run.master
        // Rows are new, so every column is rebuilt with its entries in them.
        var model = LinearModel(name: "cadreplan_branches")
        for existing in master.model.rows { model.addRow(existing) }
        var countRow: [BranchKey: Int] = [:]
        for key in counts {
            guard case let .count(group, year, candidate) = key else { continue }
            countRow[key] = model.addRow(Row(name: "count_\(group)_\(candidate)_\(year)"))
        }
        for (index, variable) in master.model.variables.enumerated() {
            var variable = variable
            if index >= master.firstSequenceVariable {
                variable.entries += countEntries(of: index - master.firstSequenceVariable, in: master, countRow: countRow)
            }
            model.addVariable(variable)
        }
        var artificial: [BranchKey: Int] = [:]
        for r in master.coverage.rows.indices {
            let open = coverTakesArtificial(shortfallUpper: master.model.variables[master.shortfallVariables.lowerBound + r].upper,
                                            phase: run.phase)
            artificial[.shortfall(row: r)] = model.addVariable(Variable(
                name: "artificial_cover_\(r)", lower: 0, upper: open ? .infinity : 0, cost: artificialCost,
                entries: [Entry(row: r, coefficient: 1)]))
        }
        for key in counts {
            artificial[key] = model.addVariable(Variable(
                name: "artificial_\(model.rows[countRow[key]!].name)", lower: 0, upper: 0, cost: artificialCost,
                entries: [Entry(row: countRow[key]!, coefficient: 1)]))
        }
        try model.validate()
        return (try run.solver.open(model), model.variables.count, countRow, artificial)
    }
}
