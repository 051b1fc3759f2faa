/// What really happened since the scenario's base year (actuals.csv): one event per row, each naming the
/// row it came from.
public struct ActualEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Finished a course started in `year`; its level holds from the end of its last year.
        case completed
        /// Started a course in `year` and still attends it at the re-plan year.
        case running
        /// Started a course in `year` and gave it up: no level, and it may be planned again.
        case dropped
        /// Left service; `year` is the last year in service (a later year announces a known departure).
        case left
        /// A new official, in service from `year`, with levels as at 1 January of the re-plan year.
        case joined
        /// One field of an official changed in `year` (title, planned title, a level earned elsewhere…).
        case changed
    }

    public var kind: Kind
    public var officialID: String
    public var courseID: String
    public var year: Int?
    /// For `joined`: the new official.
    public var official: Official?
    /// For `changed`: the new value of one field.
    public var change: OfficialChange?
    /// Where the row was read, e.g. `actuals.csv:7`.
    public var source: String

    public init(kind: Kind, officialID: String, courseID: String = "", year: Int? = nil, official: Official? = nil,
                change: OfficialChange? = nil, source: String = "") {
        self.kind = kind
        self.officialID = officialID
        self.courseID = courseID
        self.year = year
        self.official = official
        self.change = change
        self.source = source
    }
}

/// A new value for one column of officials.csv.
public enum OfficialChange: Sendable, Equatable {
    case fullName(String)
    case title(String)
    case plannedTitle(String)
    case category(Category)
    case partyMember(Bool)
    case partyCommittee(Bool)
    case district(String)
    case commune(String)
    case area(Area)
    case minorityArea(Bool)
    case ethnicity(String)
    case level(Family, Int)
    case leavesYear(Int?)

    public func apply(to official: inout Official) {
        switch self {
        case .fullName(let value): official.fullName = value
        case .title(let value): official.title = value
        case .plannedTitle(let value): official.plannedTitle = value
        case .category(let value): official.category = value
        case .partyMember(let value): official.partyMember = value
        case .partyCommittee(let value): official.partyCommittee = value
        case .district(let value): official.district = value
        case .commune(let value): official.commune = value
        case .area(let value): official.area = value
        case .minorityArea(let value): official.minorityArea = value
        case .ethnicity(let value): official.ethnicity = value
        case .level(let family, let level): official.levels[family] = level
        case .leavesYear(let value): official.leavesYear = value
        }
    }
}

/// A problem with the actuals, at the row that has it.
public struct ReplanProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { source.isEmpty ? message : "\(source): \(message)" }
}

public struct ReplanProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [ReplanProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The history a re-plan starts from, kept so the changes can say why.
public struct ReplanHistory: Sendable, Equatable {
    public struct CourseTaken: Sendable, Hashable {
        public var course: String
        public var year: Int
    }

    /// Per official id: courses completed, running and dropped, with their start years, in file order.
    public var completed: [String: [CourseTaken]] = [:]
    public var running: [String: [CourseTaken]] = [:]
    public var dropped: [String: [CourseTaken]] = [:]
    /// Officials who left before the re-plan year, with their last year in service.
    public var left: [String: Int] = [:]
    /// Officials who joined, with their first year.
    public var joined: [String: Int] = [:]
    /// Officials with a changed field, and which fields.
    public var changed: [String: [String]] = [:]

    public init() {}
}

/// Turns a scenario and what happened before `year` into the scenario of the years still to plan:
/// base year `year`, levels as at its 1 January, leavers gone, newcomers in, changes applied, courses still
/// running fixed as history. Targets are untouched, so those whose deadline has passed are measured from
/// `year` on, every year until met.
///
/// Where the issue is silent: `completed`, `running` and `dropped` give the year the course started (as
/// schedule.csv does), so rows can be copied from a plan; nothing is carried over into `year` (raise that
/// year's budget to carry money); changes take effect at once (their year must be before or at `year`).
public enum Replan {
    public static func scenario(
        _ base: Scenario, actuals: [ActualEvent], from year: Int
    ) throws -> (scenario: Scenario, history: ReplanHistory) {
        var problems: [ReplanProblem] = []
        func problem(_ event: ActualEvent, _ message: String) {
            problems.append(ReplanProblem(source: event.source, message: message))
        }
        guard base.years.contains(year) else {
            throw ReplanProblems(problems: [ReplanProblem(
                source: "--from", message: "\(year) is outside the scenario's years \(base.baseYear)…\(base.horizon)")])
        }
        var officials = base.officials
        for index in officials.indices {
            officials[index].minorityAreaYears += year - base.baseYear
        }
        var indexOf = Dictionary(officials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let courseIndex = Dictionary(base.courses.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var history = ReplanHistory()
        var ongoing: [(official: String, course: Int, start: Int, source: String)] = []

        // Newcomers first, so later rows may name them.
        for event in actuals where event.kind == .joined {
            guard let official = event.official else { problem(event, "a joined row needs the new official's columns"); continue }
            if indexOf[event.officialID] != nil {
                problem(event, "official \(quoted(event.officialID)) is already in the officials file or joined above")
                continue
            }
            let first = event.year ?? year
            if first > year {
                problem(event, "joins in \(first), after the re-plan year \(year): add them when re-planning from \(first)")
                continue
            }
            indexOf[event.officialID] = officials.count
            officials.append(official)
            history.joined[event.officialID] = first
        }
        // Changes in the order they happened; rows of one year in file order.
        let changes = actuals.enumerated().filter { $0.element.kind == .changed }
            .sorted { ($0.element.year ?? year, $0.offset) < ($1.element.year ?? year, $1.offset) }.map(\.element)
        for event in changes {
            guard let o = indexOf[event.officialID] else { problem(event, "no official \(quoted(event.officialID))"); continue }
            guard let change = event.change else { problem(event, "a changed row needs a field and its new value"); continue }
            if let when = event.year, when > year {
                problem(event, "takes effect in \(when), after the re-plan year \(year): record it when re-planning from \(when)")
                continue
            }
            change.apply(to: &officials[o])
            if !(history.changed[event.officialID] ?? []).contains(change.fieldName) {
                history.changed[event.officialID, default: []].append(change.fieldName)
            }
        }
        for event in actuals where [.completed, .running, .dropped].contains(event.kind) {
            guard let o = indexOf[event.officialID] else { problem(event, "no official \(quoted(event.officialID))"); continue }
            guard let c = courseIndex[event.courseID] else {
                problem(event, event.courseID.isEmpty ? "the course is missing" : "no course \(quoted(event.courseID)) in the catalogue")
                continue
            }
            guard let started = event.year else { problem(event, "the year the course started is missing"); continue }
            let course = base.courses[c]
            let completes = course.completionYear(startingIn: started)
            guard started < year else {
                problem(event, "started in \(started), not before the re-plan year \(year): only what happened before \(year) is history")
                continue
            }
            switch event.kind {
            case .completed:
                guard completes < year else {
                    problem(event, "\(course.id) started in \(started) completes in \(completes), not before \(year): record it as running")
                    continue
                }
                officials[o].levels[course.family] = max(officials[o].levels[course.family], course.grants)
                history.completed[event.officialID, default: []].append(.init(course: course.id, year: started))
            case .running:
                guard completes >= year else {
                    problem(event, "\(course.id) started in \(started) completed in \(completes), before \(year): record it as completed")
                    continue
                }
                ongoing.append((event.officialID, c, started, event.source))
                history.running[event.officialID, default: []].append(.init(course: course.id, year: started))
            default:
                history.dropped[event.officialID, default: []].append(.init(course: course.id, year: started))
            }
        }
        for event in actuals where event.kind == .left {
            guard let o = indexOf[event.officialID] else { problem(event, "no official \(quoted(event.officialID))"); continue }
            guard let last = event.year else { problem(event, "the last year in service is missing"); continue }
            officials[o].leavesYear = last
            if last < year { history.left[event.officialID] = last }
        }
        // Rows are checked by kind; the user reads them in file order.
        if !problems.isEmpty { throw ReplanProblems(problems: problems.sorted { naturallyPrecedes($0.source, $1.source) }) }

        // Officials keep the scenario's order: by id, as the loader sorts them.
        let kept = officials.filter { $0.isInService(in: year) }.sorted { naturallyPrecedes($0.id, $1.id) }
        let newIndex = Dictionary(kept.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let running = ongoing.compactMap { entry -> OngoingCourse? in
            newIndex[entry.official].map { OngoingCourse(official: $0, course: entry.course, startYear: entry.start, source: entry.source) }
        }.sorted { ($0.official, $0.startYear, $0.course) < ($1.official, $1.startYear, $1.course) }
        var scenario = base
        scenario.baseYear = year
        scenario.officials = kept
        scenario.budget = base.budget.filter { $0.key >= year }
        scenario.ongoing = running
        // Locks name officials by index: they are read against the re-planned scenario, not carried over.
        scenario.locks = .none
        return (scenario, history)
    }
}

extension OfficialChange {
    /// The officials.csv column the change is to.
    public var fieldName: String {
        switch self {
        case .fullName: "full_name"
        case .title: "title"
        case .plannedTitle: "planned_title"
        case .category: "category"
        case .partyMember: "party_member"
        case .partyCommittee: "party_committee"
        case .district: "district"
        case .commune: "commune"
        case .area: "area"
        case .minorityArea: "minority_area"
        case .ethnicity: "ethnicity"
        case .level(let family, _): family.officialsColumn
        case .leavesYear: "leaves_year"
        }
    }
}

private func quoted(_ text: String) -> String { "\"\(text)\"" }
