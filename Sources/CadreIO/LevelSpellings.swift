import CadreDomain

/// Levels as offices write them in their lists: abbreviations (`TC`, `ĐH`, `CVC`), a level with its field,
/// major or language before or after it (`Đại học Luật`, `Trung cấp LLCT - HC`, `Tiếng Anh B1`), general
/// schooling (`12/12`, `THPT`) for no professional degree, and `x` for a yes.
///
/// A cell is read only when every level it names is the same one: `Cử nhân Luật, Thạc sĩ` or `Tiếng Anh B`
/// (B1 or B2?) could mean two levels, and is reported naming both rather than guessed. Words that are not a
/// level (the field, the major, the language) are passed over, except those saying the level is not held yet.
enum LevelSpellings {
    enum Reading: Equatable {
        case level(Int)
        /// The levels the cell could mean, lowest first, with the words that named each.
        case ambiguous([(level: Int, words: String)])
        case unknown

        static func == (lhs: Reading, rhs: Reading) -> Bool {
            switch (lhs, rhs) {
            case (.level(let a), .level(let b)): a == b
            case (.unknown, .unknown): true
            case (.ambiguous(let a), .ambiguous(let b)): a.map(\.level) == b.map(\.level) && a.map(\.words) == b.map(\.words)
            default: false
            }
        }
    }

    /// The level of `family` that `text` names. Empty text is `.unknown`: what an empty cell means is the
    /// caller's to say.
    static func read(_ text: String, family: Family) -> Reading {
        if text.isEmpty { return .unknown }
        if let level = family.level(spelled: text) { return .level(level) }
        let key = Spelling.unified(Aliases.key(text))
        if family == .education, isGeneralSchooling(key) { return .level(0) }
        if family.isYesNo, ListDates.isDateOrYear(text) { return .level(1) }

        let words = Spelling.words(key)
        if words.contains(where: { notYetHeld.contains($0) }) { return .unknown }
        let table = phrases[family] ?? [:]
        var found: [(level: Int, words: String)] = []
        var i = 0
        while i < words.count {
            var matched = false
            for length in stride(from: min(longestPhrase, words.count - i), through: 1, by: -1) {
                let phrase = words[i..<i + length].joined(separator: " ")
                guard let levels = table[phrase] else { continue }
                for level in levels where !found.contains(where: { $0.level == level }) {
                    found.append((level, phrase))
                }
                i += length
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        switch found.count {
        case 0: return .unknown
        case 1: return .level(found[0].level)
        default: return .ambiguous(found.sorted { $0.level < $1.level })
        }
    }

    /// `12/12`, `9/12`, `10/10`: the grade of general schooling, which lists give where there is no degree.
    private static func isGeneralSchooling(_ key: String) -> Bool {
        if ["thpt", "thcs", "phổ thông", "tốt nghiệp thpt", "phổ thông trung học"].contains(key) { return true }
        let parts = key.split(separator: "/")
        return parts.count == 2 && ["10", "12"].contains(parts[1]) && Int(parts[0]).map { (1...12).contains($0) } == true
    }

    /// `Đang học Đại học`: the level is not held, so the cell is not read as it.
    private static let notYetHeld: Set<String> = ["đang", "dự", "sẽ"]

    private static let longestPhrase = 4

    /// Each phrase with the levels it may mean (two for a phrase that is itself ambiguous).
    private static let phrases: [Family: [String: [Int]]] = {
        func table(_ entries: [(String, [Int])]) -> [String: [Int]] {
            Dictionary(entries.map { (Spelling.unified($0.0), $0.1) }) { first, _ in first }
        }
        let yes: [(String, [Int])] = [("x", [1]), ("có", [1]), ("đã học", [1]), ("đã bồi dưỡng", [1]), ("rồi", [1]),
                                      ("không", [0]), ("chưa", [0])]
        return [
            .education: table([
                ("không", [0]), ("chưa qua đào tạo", [0]), ("chưa", [0]),
                ("sơ cấp", [1]), ("sc", [1]),
                ("trung cấp", [2]), ("tc", [2]),
                ("cao đẳng", [3]), ("cđ", [3]),
                ("đại học", [4]), ("đh", [4]), ("cử nhân", [4]), ("cn", [4]), ("kỹ sư", [4]), ("ks", [4]),
                ("bác sĩ", [4]), ("bs", [4]), ("dược sĩ", [4]), ("kiến trúc sư", [4]),
                ("sau đại học", [5]), ("thạc sĩ", [5]), ("ths", [5]), ("tiến sĩ", [5]), ("ts", [5]), ("cao học", [5]),
            ]),
            .politicalTheory: table([
                ("không", [0]), ("chưa", [0]),
                ("sơ cấp", [1]), ("sc", [1]),
                ("trung cấp", [2]), ("tc", [2]),
                ("cao cấp", [3]), ("cc", [3]), ("cử nhân", [3]), ("cn", [3]),
            ]),
            .stateManagement: table([
                ("không", [0]), ("chưa", [0]),
                ("chuyên viên", [1]), ("cv", [1]), ("ngạch chuyên viên", [1]),
                ("chuyên viên chính", [2]), ("cvc", [2]),
                ("chuyên viên cao cấp", [3]), ("cvcc", [3]),
            ]),
            // Certificates A, B and C of the old programme count as the basic standard of Circular 03/2014.
            .it: table([
                ("không", [0]), ("chưa", [0]),
                ("cơ bản", [1]), ("văn phòng", [1]), ("a", [1]), ("b", [1]), ("c", [1]),
                ("nâng cao", [2]),
            ]),
            // The six-level frame is CEFR's; a bare band letter names two of its levels.
            .foreignLanguage: table([
                ("không", [0]), ("chưa", [0]),
                ("bậc 1", [1]), ("bậc 2", [2]), ("bậc 3", [3]), ("bậc 4", [4]), ("bậc 5", [5]), ("bậc 6", [6]),
                ("a1", [1]), ("a2", [2]), ("b1", [3]), ("b2", [4]), ("c1", [5]), ("c2", [6]),
                ("a", [1, 2]), ("b", [3, 4]), ("c", [5, 6]),
            ]),
            // A tick says the language is known without saying how well.
            .ethnicLanguage: table([
                ("không", [0]), ("chưa", [0]),
                ("đã học", [1]), ("đã qua lớp", [1]), ("chứng chỉ", [1]),
                ("thành thạo", [2]), ("thông thạo", [2]), ("nghe nói được", [2]), ("giao tiếp được", [2]), ("biết", [2]),
                ("x", [1, 2]),
            ]),
            .massOrg: table(yes),
            .leadershipUpdate: table(yes),
        ]
    }()
}

extension Family {
    var isYesNo: Bool { self == .massOrg || self == .leadershipUpdate }
}

/// Vietnamese text put in one spelling for comparing: the two tone placements in use (`hoá`/`hóa`,
/// `uỷ`/`ủy`) made one, and dashes and punctuation between words made spaces.
enum Spelling {
    static func unified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previous: Character?
        for character in text {
            // The old style puts the tone on the second vowel of oa, oe, uy; the new one on the first.
            if let prior = previous, let (base, toned) = oldStyleTone[character], prior == base.0 {
                result.removeLast()
                result.append(toned)
                result.append(base.1)
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }

    /// Words of a key (`Aliases.key` form), split at spaces, dashes and punctuation.
    static func words(_ key: String) -> [String] {
        key.split(whereSeparator: { separators.contains($0) }).map(String.init)
    }

    private static let separators: Set<Character> = [" ", "-", "–", "—", "/", ",", ";", ":", "(", ")", "+", ".", "&"]

    /// A toned second vowel → (first vowel, second vowel untoned) and the toned first vowel, for o+a, o+e, u+y.
    private static let oldStyleTone: [Character: ((Character, Character), Character)] = {
        var table: [Character: ((Character, Character), Character)] = [:]
        let tones: [(a: Character, e: Character, y: Character, o: Character, u: Character)] = [
            ("à", "è", "ỳ", "ò", "ù"), ("á", "é", "ý", "ó", "ú"), ("ả", "ẻ", "ỷ", "ỏ", "ủ"),
            ("ã", "ẽ", "ỹ", "õ", "ũ"), ("ạ", "ẹ", "ỵ", "ọ", "ụ"),
        ]
        for tone in tones {
            table[tone.a] = (("o", "a"), tone.o)
            table[tone.e] = (("o", "e"), tone.o)
            table[tone.y] = (("u", "y"), tone.u)
        }
        return table
    }()
}
