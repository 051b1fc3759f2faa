import CadreDomain
import XCTest
@testable import CadrePlanner

final class CandidateHeapTests: XCTestCase {
    /// The polishing's lazy greedy over the heap takes the same columns in the same order as over the sorted list it
    /// replaced (a column moved back before the first of no higher score; the head kept in place), on random scores
    /// with many ties, scores that fall as columns are taken, and takes that fail.
    func testTheHeapTakesWhatTheSortedListTook() {
        var moved = 0, taken = 0
        for seed in 0..<200 {
            var random = SeededRandom(seed: UInt64(seed))
            let columns = random.int(in: 1...60)
            let initial = (0..<columns).map { _ in Double(random.int(in: 0...6)) }
            // What a column scores after `taken` takes in all, and whether its take succeeds: fixed per seed, and
            // never above its score before (scores only fall as coverage grows).
            let fall = (0..<columns).map { _ in (0..<200).map { _ in Double(random.int(in: 0...2)) } }
            let fails = (0..<columns).map { _ in (0..<200).map { _ in random.chance(0.2) } }
            func rescored(_ column: Int, _ stale: Double, _ step: Int) -> Double { max(0, stale - fall[column][step % 200]) }

            var listTaken: [Int] = []
            do {
                var pending = initial.indices.map { ($0, initial[$0]) }.filter { $0.1 > 0 }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
                var next = 0, step = 0
                while next < pending.count, step < 2_000 {
                    step += 1
                    let column = pending[next].0
                    let fresh = rescored(column, pending[next].1, step)
                    if fresh <= 0 {
                        next += 1
                    } else if next + 1 < pending.count && fresh < pending[next + 1].1 {
                        var position = next + 1
                        while position + 1 < pending.count && pending[position + 1].1 > fresh { position += 1 }
                        moved += 1
                        pending.remove(at: next)
                        pending.insert((column, fresh), at: position)
                    } else if !fails[column][step % 200] {
                        listTaken.append(column)
                        pending[next].1 = fresh
                    } else {
                        next += 1
                    }
                }
            }
            var heapTaken: [Int] = []
            do {
                var pending = CandidateHeap(initial.indices.compactMap { initial[$0] > 0 ? CandidateHeap.Entry(column: $0, score: initial[$0], order: $0) : nil })
                var step = 0
                while let candidate = pending.pop(), step < 2_000 {
                    step += 1
                    let fresh = rescored(candidate.column, candidate.score, step)
                    guard fresh > 0 else { continue }
                    if let next = pending.top, fresh < next.score {
                        pending.pushAhead(candidate.column, score: fresh)
                    } else if !fails[candidate.column][step % 200] {
                        heapTaken.append(candidate.column)
                        pending.pushAhead(candidate.column, score: fresh)
                    }
                }
            }
            XCTAssertEqual(heapTaken, listTaken, "seed \(seed)")
            taken += listTaken.count
        }
        // Both ways of going on were walked many times: columns moved back, and columns taken.
        XCTAssertGreaterThan(moved, 1_000)
        XCTAssertGreaterThan(taken, 1_000)
    }

    /// Pops come highest score first, then lowest order, and a pushed entry goes ahead of every entry of its score.
    func testPopsByScoreThenOrderAndPushesAheadOfEqualScores() {
        var heap = CandidateHeap([
            .init(column: 0, score: 1, order: 0), .init(column: 1, score: 3, order: 1),
            .init(column: 2, score: 3, order: 2), .init(column: 3, score: 2, order: 3),
        ])
        heap.pushAhead(4, score: 2)
        var popped: [Int] = []
        while let entry = heap.pop() { popped.append(entry.column) }
        XCTAssertEqual(popped, [1, 2, 4, 3, 0])
    }
}
