/// SplitMix64 (Steele, Lea & Flood 2014), with the draws the generator needs built on integer and
/// IEEE arithmetic only. Swift's own `random(in:using:)` and `shuffle(using:)` are not used: their
/// algorithms may change between toolchains, and the same seed must give the same bytes everywhere.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in `range` (the modulo bias is below 2⁻⁵⁰ for the small ranges used here).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An index drawn with probability proportional to its weight.
    public mutating func pick(weights: [Double]) -> Int {
        var remaining = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    public mutating func element<T>(of items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// Fisher–Yates.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(in: 0...i))
        }
    }

    /// A child stream, so that one part of the generator drawing more numbers leaves the others unchanged.
    public mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}
