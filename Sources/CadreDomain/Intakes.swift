/// Intakes — one course started in one year planned — numbered densely, course after course, so that counts
/// per intake (seats taken, seat rows, seat prices) live in plain arrays. The one numbering of the referee,
/// the reasons and the planner.
public struct Intakes: Sendable, Equatable {
    public let baseYear: Int
    public let yearCount: Int
    public let courseCount: Int

    public init(_ scenario: Scenario) {
        baseYear = scenario.baseYear
        yearCount = scenario.years.count
        courseCount = scenario.courses.count
    }

    public var count: Int { courseCount * yearCount }

    /// The intake of `course` started in `year`, a year planned.
    @inlinable
    public func index(course: Int, year: Int) -> Int { index(course: course, offset: year - baseYear) }

    /// The intake of `course` started `offset` years after the base year.
    @inlinable
    public func index(course: Int, offset: Int) -> Int { course * yearCount + offset }

    public func contains(year: Int) -> Bool { year >= baseYear && year - baseYear < yearCount }

    public func course(of intake: Int) -> Int { intake / yearCount }
    public func year(of intake: Int) -> Int { baseYear + intake % yearCount }
}

extension Scenario {
    public var intakes: Intakes { Intakes(self) }
}
