/// Decisions already taken that a plan must keep (locks.csv). Each lock names the row it came from, so a
/// conflict can point at the rows that cause it.
public struct Locks: Sendable, Equatable {
    public var pins: [Pin]
    public var forbids: [Forbid]
    public var caps: [DistrictCap]

    public init(pins: [Pin] = [], forbids: [Forbid] = [], caps: [DistrictCap] = []) {
        self.pins = pins
        self.forbids = forbids
        self.caps = caps
    }

    public static let none = Locks()

    public var isEmpty: Bool { pins.isEmpty && forbids.isEmpty && caps.isEmpty }

    /// Whether some forbid stops `official` starting `course` in `year` (the course attended `years` years).
    public func forbids(official: Int, course: Int, startingIn year: Int, years: Int) -> Forbid? {
        forbids.first { $0.official == official && $0.stops(course: course, startingIn: year, years: years) }
    }

    /// The cap on trainees of a district in a year; the smallest when several rows give one.
    public func cap(district: String, year: Int) -> DistrictCap? {
        caps.filter { $0.district == district && $0.year == year }.min { ($0.maxTrainees, $0.source) < ($1.maxTrainees, $1.source) }
    }
}

/// An official starts a course in a year, whatever else the plan does (a class list already sent out).
public struct Pin: Sendable, Hashable {
    public var official: Int
    public var course: Int
    public var year: Int
    /// Where the lock was read, e.g. `locks.csv:4`.
    public var source: String

    public init(official: Int, course: Int, year: Int, source: String = "") {
        self.official = official
        self.course = course
        self.year = year
        self.source = source
    }

    public var start: CourseStart { CourseStart(official: official, course: course, year: year) }
}

/// An official may not take a course (any year), may not train at all in a year (leave, maternity, elected
/// office: no course may be attended that year), or, with both, may not start that course in that year.
public struct Forbid: Sendable, Hashable {
    public var official: Int
    public var course: Int?
    public var year: Int?
    public var source: String

    public init(official: Int, course: Int? = nil, year: Int? = nil, source: String = "") {
        self.official = official
        self.course = course
        self.year = year
        self.source = source
    }

    public func stops(course candidate: Int, startingIn start: Int, years: Int) -> Bool {
        if let course, course != candidate { return false }
        guard let year else { return true }
        if course != nil { return start == year }
        return (start...(start + max(1, years) - 1)).contains(year)
    }
}

/// At most `maxTrainees` officials of a district attend any course in a year (starting or continuing), so
/// the communes are not left without staff.
public struct DistrictCap: Sendable, Hashable {
    public var district: String
    public var year: Int
    public var maxTrainees: Int
    public var source: String

    public init(district: String, year: Int, maxTrainees: Int, source: String = "") {
        self.district = district
        self.year = year
        self.maxTrainees = maxTrainees
        self.source = source
    }
}

/// A course an official started before the base year and still attends: fixed history that spends money,
/// takes training days and raises the level when it completes, but takes no seat in the years planned.
public struct OngoingCourse: Sendable, Hashable {
    public var official: Int
    public var course: Int
    public var startYear: Int
    public var source: String

    public init(official: Int, course: Int, startYear: Int, source: String = "") {
        self.official = official
        self.course = course
        self.startYear = startYear
        self.source = source
    }

    public var start: CourseStart { CourseStart(official: official, course: course, year: startYear) }
}
