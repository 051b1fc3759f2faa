@testable import CadrePlanner
import CadreDomain
import XCTest

final class StateIndexTests: XCTestCase {
    /// Against a dictionary of the same keys: every lookup agrees through the table's growth, and a reset forgets
    /// every state, whether the table keeps its storage (smaller expectation) or takes larger storage.
    func testPositionsAgreeWithADictionaryAcrossGrowthAndResets() {
        var random = SeededRandom(seed: 7)
        var index = StateIndex(expected: 4)
        for (round, expected) in [3_000, 1, 4].enumerated() {
            index.reset(expected: expected)
            var truth: [[Int]: Int] = [:]
            var inserted = 0
            for _ in 0..<2_000 {
                var states = SlotStates()
                var key: [Int] = []
                for slot in 0..<3 {
                    let level = Int(random.unit() * 4)
                    let running = Int(random.unit() * 3) - 1
                    states.set(slot, level: level, running: running, completes: running < 0 ? 0 : 1)
                    key += [level, running]
                }
                let days = Int(random.unit() * 3) * 10
                key.append(days)
                let found = index.position(of: states, days: days, orInsert: inserted)
                if let known = truth[key] {
                    XCTAssertEqual(found, known, "round \(round)")
                } else {
                    XCTAssertNil(found, "round \(round): a state never stored, or stored before the reset")
                    truth[key] = inserted
                    inserted += 1
                }
            }
            XCTAssertGreaterThan(inserted, 100, "round \(round): enough distinct states to make the table grow")
        }
    }
}
