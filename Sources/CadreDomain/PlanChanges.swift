/// A start of a plan as written in schedule.csv: by ids, so that it survives officials joining and leaving.
public struct ScheduledStart: Sendable, Hashable {
    public var officialID: String
    public var courseID: String
    public var year: Int

    public init(officialID: String, courseID: String, year: Int) {
        self.officialID = officialID
        self.courseID = courseID
        self.year = year
    }
}

/// How a re-plan treats one assignment of the previous plan, or one it makes anew.
public struct PlanChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, moved }

    /// Why, most telling first; each with what a planner needs to check it.
    public enum Reason: Sendable, Equatable {
        /// The official left service (last year given), or is no longer in the officials at all (nil).
        case leftService(Int?)
        /// The course is already completed or still running (its start year).
        case alreadyTaken(Int)
        /// The official already holds what the course grants (a level earned elsewhere, or a title change).
        case alreadyQualified
        /// A forbid in locks.csv rules the old start out.
        case forbidden(String)
        /// A pin in locks.csv fixes the new start.
        case pinned(String)
        /// The course may no longer be taken that year (its filters, age limit, or leaving before completion).
        case notEligible
        /// The official dropped the course in that year; the re-plan schedules it again.
        case rescheduledAfterDrop(Int)
        /// A newcomer.
        case newOfficial
        /// Something about the official changed (the officials.csv columns named).
        case officialChanged([String])
        /// The re-plan chose otherwise with the updated officials, history, budget and locks.
        case replanned
    }

    public var kind: Kind
    public var officialID: String
    public var courseID: String
    public var previousYear: Int?
    public var newYear: Int?
    public var reason: Reason
}

/// The differences between a previous plan's future assignments (from the re-plan year on) and a re-plan.
/// An assignment is an official taking a course; the same pair in another year is a move.
public enum PlanChanges {
    public static func between(
        previous: [ScheduledStart], replanned plan: Plan, scenario: Scenario, history: ReplanHistory
    ) -> [PlanChange] {
        let officialIndex = Dictionary(scenario.officials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let courseIndex = Dictionary(scenario.courses.enumerated().map { ($1.id, $0) }) { first, _ in first }
        struct Pair: Hashable { var official: String; var course: String }
        var before: [Pair: Int] = [:]
        for start in previous where start.year >= scenario.baseYear {
            before[Pair(official: start.officialID, course: start.courseID)] = start.year
        }
        var after: [Pair: Int] = [:]
        for start in plan.starts {
            after[Pair(official: scenario.officials[start.official].id, course: scenario.courses[start.course].id)] = start.year
        }
        let pinSource = Dictionary(scenario.locks.pins.map { ($0.start, $0.source) }) { first, _ in first }

        func taken(_ pair: Pair) -> Int? {
            ((history.completed[pair.official] ?? []) + (history.running[pair.official] ?? []))
                .first { $0.course == pair.course }?.year
        }
        func whyNotKept(_ pair: Pair, year: Int, newYear: Int?) -> PlanChange.Reason {
            guard let o = officialIndex[pair.official] else { return .leftService(history.left[pair.official]) }
            if let year = taken(pair) { return .alreadyTaken(year) }
            guard let c = courseIndex[pair.course] else { return .notEligible }
            if let newYear, let source = pinSource[CourseStart(official: o, course: c, year: newYear)] { return .pinned(source) }
            let course = scenario.courses[c]
            let official = scenario.officials[o]
            if let forbid = scenario.locks.forbids(official: o, course: c, startingIn: year, years: course.years) {
                return .forbidden(forbid.source)
            }
            if official.levels[course.family] >= course.grants { return .alreadyQualified }
            if !course.admits(official, startingIn: year) || course.completionYear(startingIn: year) > official.lastServiceYear
                || course.completionYear(startingIn: year) > scenario.horizon {
                return .notEligible
            }
            if let fields = history.changed[pair.official] { return .officialChanged(fields) }
            return .replanned
        }
        func whyAdded(_ pair: Pair, year: Int) -> PlanChange.Reason {
            if let o = officialIndex[pair.official], let c = courseIndex[pair.course],
               let source = pinSource[CourseStart(official: o, course: c, year: year)] {
                return .pinned(source)
            }
            if history.joined[pair.official] != nil { return .newOfficial }
            if let dropped = history.dropped[pair.official]?.last(where: { $0.course == pair.course }) {
                return .rescheduledAfterDrop(dropped.year)
            }
            if let fields = history.changed[pair.official] { return .officialChanged(fields) }
            return .replanned
        }

        var changes: [PlanChange] = []
        for (pair, year) in before {
            if let newYear = after[pair] {
                if newYear != year {
                    changes.append(PlanChange(kind: .moved, officialID: pair.official, courseID: pair.course, previousYear: year,
                                              newYear: newYear, reason: whyNotKept(pair, year: year, newYear: newYear)))
                }
            } else {
                changes.append(PlanChange(kind: .removed, officialID: pair.official, courseID: pair.course, previousYear: year,
                                          newYear: nil, reason: whyNotKept(pair, year: year, newYear: nil)))
            }
        }
        for (pair, year) in after where before[pair] == nil {
            changes.append(PlanChange(kind: .added, officialID: pair.official, courseID: pair.course, previousYear: nil,
                                      newYear: year, reason: whyAdded(pair, year: year)))
        }
        return changes.sorted {
            if $0.officialID != $1.officialID { return naturallyPrecedes($0.officialID, $1.officialID) }
            return naturallyPrecedes($0.courseID, $1.courseID)
        }
    }
}
