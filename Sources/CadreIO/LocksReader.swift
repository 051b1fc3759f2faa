import CadreDomain
import Foundation

/// What one row of locks.csv does.
enum LockAction: String, CaseIterable, VietnameseAliased {
    /// An official starts a course in a year: `official_id`, `course_id`, `year`.
    case pin
    /// An official may not take a course, or not train in a year, or not start the course that year:
    /// `official_id`, and `course_id` or `year` or both.
    case forbid
    /// At most `max_trainees` officials of a district train in a year: `district`, `year`, `max_trainees`.
    case cap

    static var aliases: [String: String] { Aliases.lockAction }

    var required: [String] {
        switch self {
        case .pin: ["official_id", "course_id", "year"]
        case .forbid: ["official_id"]
        case .cap: ["district", "year", "max_trainees"]
        }
    }

    var allowed: Set<String> {
        switch self {
        case .pin, .forbid: ["official_id", "course_id", "year"]
        case .cap: ["district", "year", "max_trainees"]
        }
    }
}

/// Reads locks.csv or .xlsx: decisions already taken that a plan must keep (see the README for the columns,
/// and `Aliases` for their Vietnamese names).
///
/// Officials and courses are named by id and kept as indices into the scenario's (sorted) lists, so a file is
/// read against one scenario. A district is matched to the officials' own spelling regardless of letter case.
/// A column the row's action does not use must be empty: a filled one usually means the action is mistyped.
public enum LocksReader {
    static let requiredColumns = ["action"]
    static let optionalColumns = ["official_id", "course_id", "year", "district", "max_trainees", "note"]

    /// What the reader may rely on in the scenario it is given.
    struct Checks {
        /// The officials read cleanly: an id not among them is a mistake in locks.csv, not a dropped row.
        var officials = true
        /// Likewise for the courses.
        var courses = true
        /// base_year and horizon were given.
        var years = true
        /// A re-plan: rows about a year before the (re-planned) base year are history and left out.
        var replan = false
    }

    /// The locks of every row that reads cleanly, in file order; every problem of every row goes to `problems`.
    public static func read(_ data: Data, file: String, scenario: Scenario, problems: inout [InputProblem]) -> Locks {
        read(data, file: file, scenario: scenario, checks: Checks(), problems: &problems)
    }

    static func read(
        _ data: Data, file: String, scenario: Scenario, checks: Checks, problems: inout [InputProblem]
    ) -> Locks {
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
                table: table, file: file, required: requiredColumns, optional: optionalColumns,
                aliases: Aliases.locksColumns, problems: &problems)
        else { return .none }

        let officialIndex = Dictionary(scenario.officials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let courseIndex = Dictionary(scenario.courses.enumerated().map { ($1.id, $0) }) { first, _ in first }
        // Each district under the key it is matched by, spelled as the officials spell it.
        var districts: [String: String] = [:]
        for official in scenario.officials where !official.district.isEmpty {
            districts[Aliases.key(official.district)] = districts[Aliases.key(official.district)] ?? official.district
        }
        let scenarioWord = checks.replan ? "the re-planned scenario" : "the scenario"

        var locks = Locks()
        var pinLines: [Pin: Int] = [:]
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            let actionText = row.text("action")
            let action = LockAction.named(actionText)
            if action == nil {
                row.report("action", actionText.isEmpty
                    ? "is empty; write \(oneOf(LockAction.allCases.map(\.rawValue)))"
                    : "\(quoted(actionText)) is not one of \(oneOf(LockAction.allCases.map(\.rawValue)))")
            }

            // Each column is read when it is filled and the action (when known) uses it; `note` is never read.
            func used(_ column: String, by row: inout RowReader) -> Bool {
                let value = row.text(column)
                if value.isEmpty { return false }
                guard let action else { return true }
                if action.allowed.contains(column) { return true }
                let users = LockAction.allCases.filter { $0.allowed.contains(column) }.map(\.rawValue)
                row.report(column, "\(quoted(value)) does not belong to a \(action.rawValue) row "
                    + "(\(column) is for \(users.joined(separator: " and ")) rows); is the action right?")
                return false
            }

            var year: Int?
            if used("year", by: &row), let value = row.optionalInteger("year", in: 1900...2150) {
                if checks.replan && value < scenario.baseYear { continue }
                if checks.years && !scenario.years.contains(value) {
                    row.report("year", "\(value) is outside base_year…horizon (\(scenario.baseYear)…\(scenario.horizon))")
                } else {
                    year = value
                }
            }
            var official: Int?
            if used("official_id", by: &row) {
                let id = row.text("official_id")
                official = officialIndex[id]
                if official == nil && checks.officials {
                    row.report("official_id", "\(quoted(id)) is not an official of \(scenarioWord)")
                }
            }
            var course: Int?
            if used("course_id", by: &row) {
                let id = row.text("course_id")
                course = courseIndex[id]
                if course == nil && checks.courses {
                    row.report("course_id", "\(quoted(id)) is not a course of the scenario")
                }
            }
            var district: String?
            if used("district", by: &row) {
                let name = row.text("district")
                district = districts[Aliases.key(name)]
                if district == nil && checks.officials {
                    let known = districts.values.sorted(by: naturallyPrecedes)
                    let list = known.isEmpty ? "no official has a district"
                        : "the districts are " + oneOf(known.prefix(20).map { $0 }) + (known.count > 20 ? ", …" : "")
                    row.report("district", "\(quoted(name)) is not the district of any official (\(list))")
                }
            }
            var maxTrainees: Int?
            if used("max_trainees", by: &row) {
                maxTrainees = row.optionalInteger("max_trainees", in: 0...1_000_000)
            }

            if let action {
                let needs = action.required.joined(separator: ", ")
                for column in action.required where row.text(column).isEmpty {
                    row.report(column, "is empty; a \(action.rawValue) row needs \(needs)")
                }
                if action == .forbid && row.text("course_id").isEmpty && row.text("year").isEmpty {
                    row.report("course_id", "is empty and so is year; a forbid row needs a course, a year or both")
                }
            }

            problems += row.problems
            guard row.problems.isEmpty, let action else { continue }
            let source = "\(file):\(record.line)"
            switch action {
            case .pin:
                guard let official, let course, let year else { continue }
                let pin = Pin(official: official, course: course, year: year, source: source)
                var key = pin
                key.source = ""
                if let first = pinLines[key] {
                    problems.append(InputProblem(
                        file: file, line: record.line, field: "course_id",
                        message: "is the same pin as line \(first); give each pin once"))
                    continue
                }
                pinLines[key] = record.line
                locks.pins.append(pin)
            case .forbid:
                guard let official else { continue }
                locks.forbids.append(Forbid(official: official, course: course, year: year, source: source))
            case .cap:
                guard let district, let year, let maxTrainees else { continue }
                locks.caps.append(DistrictCap(district: district, year: year, maxTrainees: maxTrainees, source: source))
            }
        }
        return locks
    }
}
