/// One official starting one course in one year. Indices point into the scenario's arrays.
public struct CourseStart: Hashable, Sendable, Comparable {
    public var official: Int
    public var course: Int
    public var year: Int

    public init(official: Int, course: Int, year: Int) {
        self.official = official
        self.course = course
        self.year = year
    }

    public static func < (lhs: CourseStart, rhs: CourseStart) -> Bool {
        (lhs.year, lhs.official, lhs.course) < (rhs.year, rhs.official, rhs.course)
    }
}

/// A training plan: who starts which course in which year.
public struct Plan: Sendable, Equatable {
    public var starts: [CourseStart]

    public init(starts: [CourseStart]) { self.starts = starts.sorted() }

    public static let empty = Plan(starts: [])
}

/// How far one target gets in one year.
public struct Attainment: Sendable, Equatable {
    public var targetIndex: Int
    public var year: Int
    public var cohort: Int
    public var required: Int
    public var attained: Int
    public var shortfall: Int { max(0, required - attained) }
    /// Whether this year's shortfall enters the objective (the deadline has come).
    public var isMeasured: Bool
}

public struct YearBudget: Sendable, Equatable {
    public var year: Int
    public var budget: Double
    public var spent: Double
    /// Unspent money moved into the next year (0 without carry-over).
    public var carried: Double
}

/// A broken planning rule, named for a reader.
public struct RuleViolation: Sendable, Equatable, CustomStringConvertible {
    public var rule: String
    public var detail: String
    public var description: String { "\(rule): \(detail)" }

    public init(rule: String, detail: String) {
        self.rule = rule
        self.detail = detail
    }
}
