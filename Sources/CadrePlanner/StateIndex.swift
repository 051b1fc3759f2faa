/// Positions of the dynamic program's states by their packed words (and days used): an open-addressing table
/// with a multiplicative hash. Pricing looks states up millions of times a round, and Swift's `Dictionary`
/// spent most of that in its seeded SipHash (half of a plan's CPU on the sample province). Only positions are
/// stored — the states themselves stay in the caller's arrays, in the order they were made — so the search's
/// result does not depend on this table.
///
/// A bucket holds its key and position together, so a probe reads one cache line, not one per field; and
/// `reset` empties the table for the next year of the same search without allocating it again.
struct StateIndex {
    private struct Bucket {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var days: Int32 = 0
        /// Position + 1; 0 marks an empty bucket.
        var position: Int32 = 0
    }

    private var buckets: [Bucket]
    private var mask: Int
    private var count = 0

    init(expected: Int) {
        buckets = Array(repeating: Bucket(), count: Self.capacity(for: expected))
        mask = buckets.count - 1
    }

    private static func capacity(for expected: Int) -> Int {
        var capacity = 16
        while capacity < 2 * expected { capacity <<= 1 }
        return capacity
    }

    /// Empties the table, sized for `expected` states, keeping its storage when it is large enough.
    mutating func reset(expected: Int) {
        let capacity = Self.capacity(for: expected)
        if capacity > buckets.count {
            buckets = Array(repeating: Bucket(), count: capacity)
            mask = capacity - 1
        } else {
            buckets.withUnsafeMutableBufferPointer { all in
                for bucket in all.indices { all[bucket].position = 0 }
            }
        }
        count = 0
    }

    /// Stores `position` for the state, replacing any stored before.
    mutating func set(_ states: SlotStates, days used: Int = 0, to position: Int) {
        let bucket = probe(states, used)
        if buckets[bucket].position == 0 { store(states, used, at: bucket) }
        buckets[bucket].position = Int32(position + 1)
    }

    /// The position stored for the state, or nil after storing `position` for it.
    mutating func position(of states: SlotStates, days used: Int = 0, orInsert position: Int) -> Int? {
        let bucket = probe(states, used)
        if buckets[bucket].position != 0 { return Int(buckets[bucket].position) - 1 }
        store(states, used, at: bucket)
        buckets[bucket].position = Int32(position + 1)
        return nil
    }

    /// The state's bucket, or the empty one where it would go (making room first).
    private mutating func probe(_ states: SlotStates, _ used: Int) -> Int {
        if 2 * (count + 1) > buckets.count { grow() }
        let (a, b) = states.packed
        let days = Int32(used)
        let mask = self.mask
        return buckets.withUnsafeBufferPointer { all in
            var bucket = Self.bucket(a, b, used, mask: mask)
            while all[bucket].position != 0 && !(all[bucket].word0 == a && all[bucket].word1 == b && all[bucket].days == days) {
                bucket = (bucket + 1) & mask
            }
            return bucket
        }
    }

    private mutating func store(_ states: SlotStates, _ used: Int, at bucket: Int) {
        (buckets[bucket].word0, buckets[bucket].word1) = states.packed
        buckets[bucket].days = Int32(used)
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
        let old = buckets
        buckets = Array(repeating: Bucket(), count: old.count * 2)
        mask = buckets.count - 1
        for bucket in old where bucket.position != 0 {
            var target = Self.bucket(bucket.word0, bucket.word1, Int(bucket.days), mask: mask)
            while buckets[target].position != 0 { target = (target + 1) & mask }
            buckets[target] = bucket
        }
    }
}
