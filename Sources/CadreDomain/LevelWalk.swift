/// The one level walk, which the referee, the reasons, the lock checks and the planner's profiles all take: a
/// course raises its family's level at the end of the year it completes (never lowers it), whenever it started
/// — before the base year too, for a course still running then — and a course completing after the horizon
/// raises nothing planned.
extension Scenario {
    /// An official's levels at the end of each year planned (by offset from the base year) when they take
    /// `starts`; starts of unknown courses count for nothing (the referee reports them).
    public func levelsAtEnd(of official: Int, taking starts: [CourseStart]) -> [Levels] {
        var completions: [Int: [Course]] = [:]
        for start in starts where courses.indices.contains(start.course) {
            let course = courses[start.course]
            completions[course.completionYear(startingIn: start.year), default: []].append(course)
        }
        var levels = officials[official].levels
        var timeline: [Levels] = []
        timeline.reserveCapacity(years.count)
        for year in years {
            for course in completions[year] ?? [] where course.grants > levels[course.family] {
                levels[course.family] = course.grants
            }
            timeline.append(levels)
        }
        return timeline
    }

    /// Every official's levels at the end of each year planned, with the plan's starts and the courses still
    /// running from before the base year.
    public func levelsAtEnd(with plan: Plan) -> [[Levels]] {
        let planned = Dictionary(grouping: plan.starts, by: \.official)
        let running = Dictionary(grouping: ongoing.map(\.start), by: \.official)
        return officials.indices.map { levelsAtEnd(of: $0, taking: (planned[$0] ?? []) + (running[$0] ?? [])) }
    }
}
