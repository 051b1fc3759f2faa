/// Positions of the dynamic program's states by their packed words (and days used): an open-addressing table
/// with a multiplicative hash. Pricing looks states up millions of times a round, and Swift's `Dictionary`
/// spent most of that in its seeded SipHash (half of a plan's CPU on the sample province). Only positions are
/// stored — the states themselves stay in the caller's arrays, in the order they were made — so the search's
/// result does not depend on this table.
struct StateIndex {
    private var words0: [UInt64]
    private var words1: [UInt64]
    private var days: [Int32]
    /// Position + 1; 0 marks an empty bucket.
    private var positions: [Int32]
    private var mask: Int
    private var count = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < 2 * expected { capacity <<= 1 }
        words0 = Array(repeating: 0, count: capacity)
        words1 = Array(repeating: 0, count: capacity)
        days = Array(repeating: 0, count: capacity)
        positions = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Stores `position` for the state, replacing any stored before.
    mutating func set(_ states: SlotStates, days used: Int = 0, to position: Int) {
        let bucket = probe(states, used)
        if positions[bucket] == 0 { store(states, used, at: bucket) }
        positions[bucket] = Int32(position + 1)
    }

    /// The position stored for the state, or nil after storing `position` for it.
    mutating func position(of states: SlotStates, days used: Int = 0, orInsert position: Int) -> Int? {
        let bucket = probe(states, used)
        if positions[bucket] != 0 { return Int(positions[bucket]) - 1 }
        store(states, used, at: bucket)
        positions[bucket] = Int32(position + 1)
        return nil
    }

    /// The state's bucket, or the empty one where it would go (making room first).
    private mutating func probe(_ states: SlotStates, _ used: Int) -> Int {
        if 2 * (count + 1) > positions.count { grow() }
        let (a, b) = states.packed
        var bucket = Self.bucket(a, b, used, mask: mask)
        while positions[bucket] != 0 && !(words0[bucket] == a && words1[bucket] == b && days[bucket] == Int32(used)) {
            bucket = (bucket + 1) & mask
        }
        return bucket
    }

    private mutating func store(_ states: SlotStates, _ used: Int, at bucket: Int) {
        (words0[bucket], words1[bucket]) = states.packed
        days[bucket] = Int32(used)
        count += 1
    }

    private static func bucket(_ a: UInt64, _ b: UInt64, _ used: Int, mask: Int) -> Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= (b &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(truncatingIfNeeded: used) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    private mutating func grow() {
        let old = (words0, words1, days, positions)
        let capacity = positions.count * 2
        words0 = Array(repeating: 0, count: capacity)
        words1 = Array(repeating: 0, count: capacity)
        days = Array(repeating: 0, count: capacity)
        positions = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        count = 0
        for bucket in old.3.indices where old.3[bucket] != 0 {
            var target = Self.bucket(old.0[bucket], old.1[bucket], Int(old.2[bucket]), mask: mask)
            while positions[target] != 0 { target = (target + 1) & mask }
            words0[target] = old.0[bucket]
            words1[target] = old.1[bucket]
            days[target] = old.2[bucket]
            positions[target] = old.3[bucket]
            count += 1
        }
    }
}
