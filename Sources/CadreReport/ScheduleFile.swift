import CadreDomain
import CadreIO
import Foundation

/// Reads back a plan from the `schedule.csv` that `plan` wrote, its ids resolved against the scenario.
public enum ScheduleFile {
    public static func plan(from data: Data, file: String, scenario: Scenario) throws -> Plan {
        var problems: [InputProblem] = []
        let table = CSVReader.read(data, file: file, problems: &problems)
        try InputError.throwIfAnyError(in: problems)
        var positions: [String: Int] = [:]
        for column in ["year", "official_id", "course_id"] {
            if let position = table.header.firstIndex(of: column) {
                positions[column] = position
            } else {
                problems.append(InputProblem(file: file, line: table.headerLine, field: column, message: "the column is missing from the header"))
            }
        }
        try InputError.throwIfAnyError(in: problems)

        let officials = Dictionary(scenario.officials.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let courses = Dictionary(scenario.courses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var starts: [CourseStart] = []
        for record in table.records {
            let year = record.fields[positions["year"]!]
            let official = record.fields[positions["official_id"]!]
            let course = record.fields[positions["course_id"]!]
            func problem(_ field: String, _ message: String) {
                problems.append(InputProblem(file: file, line: record.line, field: field, message: message))
            }
            guard let startYear = Int(year) else { problem("year", "\"\(year)\" is not a whole number"); continue }
            guard let officialIndex = officials[official] else { problem("official_id", "\"\(official)\" is not in the scenario's officials"); continue }
            guard let courseIndex = courses[course] else { problem("course_id", "\"\(course)\" is not in the scenario's courses"); continue }
            starts.append(CourseStart(official: officialIndex, course: courseIndex, year: startYear))
        }
        try InputError.throwIfAnyError(in: problems)
        return Plan(starts: starts)
    }
}
