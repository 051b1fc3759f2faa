import CadreDomain

/// One official's whole plan as the master problem sees it: the candidates started and when.
struct CourseSequence: Hashable, Sendable {
    /// (candidate index in the profile, start year), sorted by year then candidate.
    var starts: [Start]

    struct Start: Hashable, Sendable, Comparable {
        var candidate: Int
        var year: Int
        static func < (lhs: Start, rhs: Start) -> Bool { (lhs.year, lhs.candidate) < (rhs.year, rhs.candidate) }
    }

    init(starts: [Start]) { self.starts = starts.sorted() }

    var isEmpty: Bool { starts.isEmpty }
}
