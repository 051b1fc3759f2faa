/// Everything one planning run needs, already read and with overrides applied.
public struct Scenario: Sendable {
    public var name: String
    public var baseYear: Int
    public var horizon: Int
    public var officials: [Official]
    public var courses: [Course]
    public var targets: [Target]
    /// VND per year; a year left out has budget 0.
    public var budget: [Int: Double]
    public var carryOver: Bool
    public var maxTrainingDays: Int
    /// Courses started before the base year and still running at its start (a re-plan's history).
    public var ongoing: [OngoingCourse]
    public var locks: Locks
    /// Only the papers use it; the plan does not depend on it.
    public var letterhead = Letterhead()
    /// What the officials' `district` column names: the unit the school sends lists to.
    public var unitLabel: UnitLabel

    public init(
        name: String, baseYear: Int, horizon: Int, officials: [Official], courses: [Course], targets: [Target],
        budget: [Int: Double], carryOver: Bool = false, maxTrainingDays: Int = 120, ongoing: [OngoingCourse] = [],
        locks: Locks = .none, unitLabel: UnitLabel = .district
    ) {
        self.name = name
        self.baseYear = baseYear
        self.horizon = horizon
        self.officials = officials
        self.courses = courses
        self.targets = targets
        self.budget = budget
        self.carryOver = carryOver
        self.maxTrainingDays = maxTrainingDays
        self.ongoing = ongoing
        self.locks = locks
        self.unitLabel = unitLabel
    }

    public var years: ClosedRange<Int> { baseYear...horizon }

    public func budget(in year: Int) -> Double { budget[year] ?? 0 }

    /// What no plan can change, per official: courses still running from before the base year and pinned
    /// starts. Each official's list is sorted by start year.
    public func fixedStarts() -> [Int: [CourseStart]] {
        var fixed: [Int: [CourseStart]] = [:]
        for course in ongoing { fixed[course.official, default: []].append(course.start) }
        for pin in locks.pins { fixed[pin.official, default: []].append(pin.start) }
        return fixed.mapValues { $0.sorted() }
    }

    /// Money the fixed starts spend in each year planned (offset from the base year).
    public func fixedSpending() -> [Double] {
        var spent = Array(repeating: 0.0, count: years.count)
        for start in ongoing.map(\.start) + locks.pins.map(\.start) {
            let course = courses[start.course]
            for year in start.year...course.completionYear(startingIn: start.year) where years.contains(year) {
                spent[year - baseYear] += course.costPerYear
            }
        }
        return spent
    }

    /// For each official on a fixed course in a year planned, by district and year, the fixed start that keeps
    /// them away (the earliest): they count against the district's cap whatever the plan does.
    public func fixedTrainees() -> [String: [Int: [CourseStart]]] {
        var away: [String: [Int: [CourseStart]]] = [:]
        for (official, starts) in fixedStarts().sorted(by: { $0.key < $1.key }) {
            for year in years {
                guard let start = starts.first(where: { ($0.year...courses[$0.course].completionYear(startingIn: $0.year)).contains(year) })
                else { continue }
                away[officials[official].district, default: [:]][year, default: []].append(start)
            }
        }
        return away
    }
}

/// The unit the school sends lists to, which the contract's `district` column names. Since 1 July 2025 there is no
/// district level: a province groups by clusters of communes or by the commune itself, and the pages say so.
public enum UnitLabel: String, Sendable, CaseIterable {
    case district, cluster, commune
}
