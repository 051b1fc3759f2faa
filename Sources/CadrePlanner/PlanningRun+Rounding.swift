import CadreDomain
import CadreLinearModel
import Foundation

/// Integer plans from a relaxation: rounding within money, seats, caps and group sizes, then polishing.
extension PlanningRun {
    /// Members per column of a solution (index by column).
    typealias Counts = [Int: Int]

    func value(_ values: [Double], column: Int) -> Double {
        let index = master.firstSequenceVariable + column
        return values.indices.contains(index) ? values[index] : 0
    }

    /// Money, seats, group sizes and district caps used by the counts already chosen (and by fixed courses);
    /// one place checks them all.
    struct Ledger {
        var spent: [Double]
        var seatsUsed: [Int: Int]
        var groupUsed: [Int: Int] = [:]
        var capUsed: [Int: Int] = [:]
    }

    func emptyLedger() -> Ledger {
        Ledger(spent: master.fixedSpending, seatsUsed: master.fixedSeats)
    }

    /// Adds `count` members on `column` to the ledger if money, seats and the group's size allow.
    func take(_ count: Int, of column: Int, into ledger: inout Ledger) -> Bool {
        guard count > 0 else { return true }
        let (group, sequence) = master.columns[column]
        guard ledger.groupUsed[group, default: 0] + count <= master.groups[group].members.count else { return false }
        let effects = master.columnEffects[column]
        guard effects.capRows.allSatisfy({ Double(ledger.capUsed[$0, default: 0] + count) <= master.model.rows[$0].upper + SearchTuning.improvement }) else {
            return false
        }
        let trial = zip(ledger.spent, effects.spending).map { $0 + $1 * Double(count) }
        guard master.money.fits(trial) else { return false }
        let keys = intakes(of: sequence, of: group)
        guard keys.allSatisfy({ ledger.seatsUsed[$0, default: 0] + count <= scenario.courses[master.intakes.course(of: $0)].seats }) else {
            return false
        }
        ledger.spent = trial
        for key in keys { ledger.seatsUsed[key, default: 0] += count }
        for row in effects.capRows { ledger.capUsed[row, default: 0] += count }
        ledger.groupUsed[group, default: 0] += count
        return true
    }

    /// A feasible integer solution near the relaxation: whole parts first, then the largest fractions,
    /// each only while money and seats allow.
    func roundedSolution(from values: [Double]) -> [Double] {
        var ledger = emptyLedger()
        var counts: Counts = [:]
        let used = master.columns.indices.filter { value(values, column: $0) > SearchTuning.wholeness }
        for column in used {
            var whole = Int((value(values, column: column) + SearchTuning.wholeness).rounded(.down))
            while whole > 0 && !take(whole, of: column, into: &ledger) { whole -= 1 }
            if whole > 0 { counts[column] = whole }
        }
        let fractions = used.map { ($0, value(values, column: $0) - (value(values, column: $0) + SearchTuning.wholeness).rounded(.down)) }
            .filter { $0.1 > SearchTuning.wholeness }
            .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
        for (column, _) in fractions where take(1, of: column, into: &ledger) { counts[column, default: 0] += 1 }
        return solution(counts)
    }

    /// The full variable vector for member counts per column: shortfalls and carry follow from it.
    func solution(_ counts: Counts) -> [Double] {
        var values = Array(repeating: 0.0, count: master.model.variables.count)
        var covered = Array(repeating: 0, count: master.coverage.rows.count)
        var spent = master.fixedSpending
        for (column, count) in counts where count > 0 {
            values[master.firstSequenceVariable + column] = Double(count)
            let effects = master.columnEffects[column]
            for row in effects.coverageRows { covered[row] += count }
            for k in spent.indices { spent[k] += effects.spending[k] * Double(count) }
        }
        for (r, needed) in master.coverage.needed.enumerated() {
            values[master.shortfallVariables.lowerBound + r] = Double(max(0, needed - covered[r]))
        }
        let money = master.money.years(spending: spent)
        for (k, variable) in master.carryVariables.enumerated() { values[variable] = money[k].carried / MasterProblem.moneyScale }
        return values
    }

    func counts(of values: [Double]) -> Counts {
        var counts: Counts = [:]
        for column in master.columns.indices {
            let count = Int(value(values, column: column).rounded())
            if count > 0 { counts[column] = count }
        }
        return counts
    }

    func intakes(of sequence: CourseSequence, of group: Int) -> [Int] {
        sequence.starts.map { master.intakes.index(course: master.groups[group].profile.candidates[$0.candidate].course, year: $0.year) }
    }

    /// Local repair of an integer choice: first drop members whose every target-year is over-covered
    /// (dearest first: money freed at no loss), then add members where one more covers the most weighted
    /// shortfall per VND, as long as money, seats and group sizes allow — while shortfall is minimised, as far
    /// as that goes; in the spending phase only until the shortfall is back within its cap (rounding the
    /// relaxation down leaves it short, and a plan over the cap is no plan at all).
    func polished(_ start: Counts) -> Counts {
        var counts = start
        var covered = Array(repeating: 0, count: master.coverage.rows.count)
        let needed = master.coverage.needed
        let effects = master.columnEffects
        for (column, count) in counts { for row in effects[column].coverageRows { covered[row] += count } }
        for column in counts.keys.sorted(by: { (effects[$0].spending.reduce(0, +), $1) > (effects[$1].spending.reduce(0, +), $0) }) {
            while counts[column, default: 0] > 0 && effects[column].coverageRows.allSatisfy({ covered[$0] > needed[$0] }) {
                counts[column]! -= 1
                for row in effects[column].coverageRows { covered[row] -= 1 }
            }
        }
        counts = counts.filter { $0.value > 0 }
        let cap = master.model.rows[master.primaryRow].upper
        func weightedShortfall() -> Double {
            master.coverage.rows.indices.reduce(0.0) { $0 + master.shortfallWeights[$1] * Double(max(0, needed[$1] - covered[$1])) }
        }
        if phase == .spending && weightedShortfall() <= cap { return counts }
        var ledger = emptyLedger()
        for (column, count) in counts.sorted(by: { $0.key < $1.key }) { _ = take(count, of: column, into: &ledger) }
        func score(_ column: Int) -> Double {
            let gain = effects[column].coverageRows.reduce(0.0) { $0 + (covered[$1] < needed[$1] ? master.shortfallWeights[$1] : 0) }
            return gain / (1 + effects[column].spending.reduce(0, +) / MasterProblem.moneyScale)
        }
        // Lazy greedy: scores only fall as coverage grows, so a column whose fresh score still beats the next one's
        // (perhaps stale) score is the best. The candidates wait in a heap: a sorted list with a column moved back in
        // place took 30 s over the 160,000 columns of 1,000 officials' completion (seed 1, `--gap 0`).
        var pending = CandidateHeap(master.columns.indices.compactMap { column in
            let initial = score(column)
            return initial > 0 ? CandidateHeap.Entry(column: column, score: initial, order: column) : nil
        })
        while let candidate = pending.pop() {
            let fresh = score(candidate.column)
            guard fresh > 0 else { continue }
            if let next = pending.top, fresh < next.score {
                pending.pushAhead(candidate.column, score: fresh)
            } else if take(1, of: candidate.column, into: &ledger) {
                counts[candidate.column, default: 0] += 1
                for row in effects[candidate.column].coverageRows { covered[row] += 1 }
                pending.pushAhead(candidate.column, score: fresh)
                if phase == .spending && weightedShortfall() <= cap { break }
            }
        }
        return counts
    }
}

/// The polishing's candidates, highest score first; among equal scores, the one pushed last (`pushAhead`), then the
/// lower `order`. A candidate whose score was refreshed goes ahead of every candidate of its score, as it did in the
/// sorted list this replaces, so the plans polished are the same.
struct CandidateHeap {
    struct Entry {
        var column: Int
        var score: Double
        var order: Int
    }

    private var entries: [Entry]
    /// Orders below every column index, each lower than the last.
    private var nextAheadOrder = -1

    init(_ entries: [Entry]) {
        self.entries = entries
        for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    var top: Entry? { entries.first }

    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let first = entries.removeLast()
        if !entries.isEmpty { siftDown(0) }
        return first
    }

    mutating func pushAhead(_ column: Int, score: Double) {
        entries.append(Entry(column: column, score: score, order: nextAheadOrder))
        nextAheadOrder -= 1
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private func precedes(_ a: Entry, _ b: Entry) -> Bool {
        (a.score, -a.order) > (b.score, -b.order)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var first = parent
            let left = 2 * parent + 1, right = left + 1
            if left < entries.count && precedes(entries[left], entries[first]) { first = left }
            if right < entries.count && precedes(entries[right], entries[first]) { first = right }
            guard first != parent else { return }
            entries.swapAt(parent, first)
            parent = first
        }
    }
}
