/// Each family slot's level and running course, packed 16 bits a slot (level 4 bits, running candidate + 1
/// 6 bits, completion year offset 6 bits), so states hash and compare as two words.
struct SlotStates: Hashable {
    private var words: (UInt64, UInt64) = (0, 0)

    static let maxSlots = 8
    static let maxCandidates = 63
    static let maxLevel = 15
    static let maxYearOffset = 63

    static func == (lhs: SlotStates, rhs: SlotStates) -> Bool { lhs.words == rhs.words }
    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    /// The two words, for `StateIndex`.
    var packed: (UInt64, UInt64) { words }

    private func field(_ slot: Int) -> UInt64 {
        ((slot < 4 ? words.0 : words.1) >> UInt64((slot % 4) * 16)) & 0xFFFF
    }

    private mutating func setField(_ slot: Int, _ value: UInt64) {
        let shift = UInt64((slot % 4) * 16)
        if slot < 4 {
            words.0 = (words.0 & ~(0xFFFF << shift)) | (value << shift)
        } else {
            words.1 = (words.1 & ~(0xFFFF << shift)) | (value << shift)
        }
    }

    func level(_ slot: Int) -> Int { Int(field(slot) & 0xF) }
    /// The running candidate, or −1.
    func running(_ slot: Int) -> Int { Int((field(slot) >> 4) & 0x3F) - 1 }
    func completes(_ slot: Int) -> Int { Int(field(slot) >> 10) }

    mutating func set(_ slot: Int, level: Int, running: Int = -1, completes: Int = 0) {
        setField(slot, UInt64(level) | (UInt64(running + 1) << 4) | (UInt64(completes) << 10))
    }
}
