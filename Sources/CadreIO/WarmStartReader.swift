import CadreDomain
import CadrePlanner
import Foundation

/// Reads an earlier run's output folder as a warm start for a scenario (`plan --warm-start DIR`). A warm start
/// only steers where the search begins, so a folder that cannot serve is not an error: the run goes on cold and
/// says why (`WarmStartRefusal`).
public enum WarmStartReader {
    public static func read(folder: String, for scenario: Scenario) -> Result<WarmStart, WarmStartRefusal> {
        let summaryPath = (folder as NSString).appendingPathComponent(PlanFileName.summary)
        guard let data = FileManager.default.contents(atPath: summaryPath),
              let summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return .failure(WarmStartRefusal(folder: folder, reason: .noSummary))
        }
        guard let officials = summary["officials_digest"] as? String, let courses = summary["courses_digest"] as? String else {
            return .failure(WarmStartRefusal(folder: folder, reason: .noDigests))
        }
        if officials != InputDigest.officials(scenario.officials) {
            return .failure(WarmStartRefusal(folder: folder, reason: .otherOfficials))
        }
        if courses != InputDigest.courses(scenario.courses) {
            return .failure(WarmStartRefusal(folder: folder, reason: .otherCourses))
        }
        let scheduled: [ScheduledStart]
        do {
            scheduled = try PlanReader.starts(folder: folder)
        } catch {
            return .failure(WarmStartRefusal(folder: folder, reason: .unreadableSchedule("\(error)")))
        }
        let officialIndex = Dictionary(scenario.officials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let courseIndex = Dictionary(scenario.courses.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let starts = scheduled.compactMap { start -> CourseStart? in
            guard let official = officialIndex[start.officialID], let course = courseIndex[start.courseID] else { return nil }
            return CourseStart(official: official, course: course, year: start.year)
        }
        return .success(WarmStart(plan: Plan(starts: starts)))
    }
}

/// Why an earlier run's folder was not used as a warm start.
public struct WarmStartRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case noSummary
        /// Written before runs recorded what they planned.
        case noDigests
        case otherOfficials
        case otherCourses
        case unreadableSchedule(String)
    }

    public var folder: String
    public var reason: Reason

    public var description: String {
        let why = switch reason {
        case .noSummary: "it holds no readable \(PlanFileName.summary)"
        case .noDigests: "its \(PlanFileName.summary) does not say which officials and courses it planned (an older cadreplan wrote it)"
        case .otherOfficials: "it planned other officials (the officials file differs)"
        case .otherCourses: "it planned other courses (the catalogue differs in more than costs and seats)"
        case .unreadableSchedule(let error): "its schedule does not read: \(error)"
        }
        return "--warm-start \(folder) not used, the plan starts cold: \(why)"
    }
}
