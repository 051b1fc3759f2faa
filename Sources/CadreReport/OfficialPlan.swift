import CadreDomain
import CadreIO
import Foundation

/// One official's part of a plan: the courses they start, the targets they count toward in the horizon year,
/// and (`standings`) where they stand against each target whose cohort they belong to in some year.
public struct OfficialPlan: Sendable {
    public struct Enrolment: Sendable, Equatable {
        public var year: Int
        public var completes: Int
        public var course: Course
    }

    public struct Standing: Sendable, Equatable {
        public var target: Target
        /// Years in which the official is in the target's cohort.
        public var cohortYears: [Int]
        /// Of those, the years at whose end they meet the requirement (and so count toward the target).
        public var metYears: [Int]
    }

    public var official: Official
    /// By start year, then course id.
    public var enrolments: [Enrolment]
    /// Ids of the targets they count toward in the horizon year.
    public var targetsAtHorizon: [String]

    public init(officialIndex: Int, plan: Plan, scenario: Scenario) {
        self.init(officialIndex: officialIndex, starts: plan.starts.filter { $0.official == officialIndex }, scenario: scenario)
    }

    /// `starts`: the official's own starts. Standings are not kept: `all` builds a hundred thousand of these, and
    /// a target, a cohort and its met years per official and target cost seconds and hundreds of megabytes there.
    init(officialIndex: Int, starts: [CourseStart], scenario: Scenario) {
        let official = scenario.officials[officialIndex]
        self.official = official
        enrolments = starts.map { start in
            let course = scenario.courses[start.course]
            return Enrolment(year: start.year, completes: course.completionYear(startingIn: start.year), course: course)
        }.sorted { $0.year != $1.year ? $0.year < $1.year : naturallyPrecedes($0.course.id, $1.course.id) }
        let atHorizon = Self.levels(official, enrolments, atEndOf: scenario.horizon)
        targetsAtHorizon = scenario.targets.filter {
            $0.cohortIncludes(official, in: scenario.horizon, baseYear: scenario.baseYear) && $0.requirement.isMet(by: atHorizon)
        }.map(\.id).sorted(by: naturallyPrecedes)
    }

    /// Each target whose cohort they belong to in some year, in the scenario's target order.
    public func standings(in scenario: Scenario) -> [Standing] {
        scenario.targets.compactMap { target in
            let cohortYears = scenario.years.filter { target.cohortIncludes(official, in: $0, baseYear: scenario.baseYear) }
            guard !cohortYears.isEmpty else { return nil }
            let metYears = cohortYears.filter { target.requirement.isMet(by: Self.levels(official, enrolments, atEndOf: $0)) }
            return Standing(target: target, cohortYears: cohortYears, metYears: metYears)
        }
    }

    /// Levels count from the end of the year a course completes (the contract's rule, as PlanEvaluation applies it).
    private static func levels(_ official: Official, _ enrolments: [Enrolment], atEndOf year: Int) -> Levels {
        var levels = official.levels
        for enrolment in enrolments where enrolment.completes <= year {
            levels[enrolment.course.family] = max(levels[enrolment.course.family], enrolment.course.grants)
        }
        return levels
    }

    /// Every official with at least one course, in id order.
    public static func all(plan: Plan, scenario: Scenario) -> [OfficialPlan] {
        // Starts gathered per official once: filtering the whole plan for each official took 9 s at 100,000.
        let startsOf = Dictionary(grouping: plan.starts, by: \.official)
        let rank = naturalRanks(scenario.officials.map(\.id))
        return startsOf.keys.sorted { rank[$0] < rank[$1] }
            .map { OfficialPlan(officialIndex: $0, starts: startsOf[$0]!, scenario: scenario) }
    }

    /// `2023 TC-LLCT; 2024 QLNN-CV`.
    public var coursesText: String { enrolments.map { "\($0.year) \($0.course.id)" }.joined(separator: "; ") }

    static let csvColumns = ["official_id", "full_name", "district", "commune", "courses", "targets"]

    static func csv(_ plans: [OfficialPlan]) -> Data {
        var csv = CSVWriter(header: csvColumns)
        for plan in plans {
            let official = plan.official
            csv.append([official.id, official.fullName, official.district, official.commune, plan.coursesText,
                        plan.targetsAtHorizon.joined(separator: "; ")])
        }
        return csv.data
    }
}
