/// Fingerprints of what a plan was made for, written into `summary.json` so that a later run can tell whether an
/// earlier one planned the same officials and courses (`plan --warm-start`). Stable across processes and machines,
/// unlike Swift's `Hasher`, which is seeded afresh in every process. A fingerprint for spotting a different file,
/// not a defence against a forged one.
public enum InputDigest {
    /// Every field of every official, in file order.
    public static func officials(_ officials: [Official]) -> String {
        var digest = FNV1a()
        for official in officials {
            digest.add(official.id, official.fullName, official.gender.rawValue, String(official.birthYear), official.ethnicity,
                       official.category.rawValue, official.title, official.plannedTitle, String(official.partyMember),
                       String(official.partyCommittee), official.district, official.commune, official.area.rawValue,
                       String(official.minorityArea), String(official.minorityAreaYears),
                       official.levels.ranks.map(String.init).joined(separator: ","), official.leavesYear.map(String.init) ?? "")
            digest.endRecord()
        }
        return digest.hex
    }

    /// What makes a course the same course: everything but its cost and seats (which a what-if variant changes)
    /// and its name and provider (which only label it).
    public static func courses(_ courses: [Course]) -> String {
        var digest = FNV1a()
        for course in courses {
            digest.add(course.id, course.family.rawValue, String(course.grants), course.requires.map(String.init) ?? "",
                       String(course.years), String(course.days), course.categories.map(\.rawValue).sorted().joined(separator: ","),
                       course.areas.map(\.rawValue).sorted().joined(separator: ","), course.maxAge.map(String.init) ?? "",
                       String(course.kinhOnly), String(course.minorityAreaOnly), String(course.partyMemberOnly))
            digest.endRecord()
        }
        return digest.hex
    }
}

/// 64-bit FNV-1a over fields kept apart by separator bytes no text field holds.
private struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func byte(_ value: UInt8) {
        state = (state ^ UInt64(value)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ fields: String...) {
        for field in fields {
            for value in field.utf8 { byte(value) }
            byte(0x1f)
        }
    }

    mutating func endRecord() { byte(0x1e) }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
