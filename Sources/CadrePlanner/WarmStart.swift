import CadreDomain

/// What an earlier run hands a new run of the same officials and courses (a what-if variant: other budgets,
/// seats or costs): its plan, which becomes the new run's first incumbent once repaired to the new money and
/// seats, and the sequences its master problem held, which become columns before any pricing. Neither changes
/// the model — its groups, rows and objective are the cold run's — only where the search starts, so whatever
/// a warm run finds obeys the same rules and is judged by the same referee.
public struct WarmStart: Sendable {
    /// The earlier plan; starts of courses fixed in the new run (running or pinned) are left to it.
    public var plan: Plan
    /// Each earlier group's sequences as (course, start year) lists, and each official's earlier group (−1: none).
    /// Empty when only the plan is known (a run read back from its folder).
    var sequencesByGroup: [[[CourseYear]]]
    var groupOfOfficial: [Int]

    /// A warm start from a plan alone: the plan's own sequences are the columns it brings.
    public init(plan: Plan) {
        self.plan = plan
        sequencesByGroup = []
        groupOfOfficial = []
    }

    init(plan: Plan, sequencesByGroup: [[[CourseYear]]], groupOfOfficial: [Int]) {
        self.plan = plan
        self.sequencesByGroup = sequencesByGroup
        self.groupOfOfficial = groupOfOfficial
    }
}

/// A course start as the domain names it, apart from who: course index and start year.
struct CourseYear: Hashable, Sendable, Comparable {
    var course: Int
    var year: Int
    static func < (lhs: CourseYear, rhs: CourseYear) -> Bool { (lhs.year, lhs.course) < (rhs.year, rhs.course) }
}
