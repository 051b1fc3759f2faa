import CadreDomain
import CadreIO
import Foundation

/// How many trainees of each intake (course × year) each district sends.
struct DistrictAllocation {
    struct Row: Equatable {
        var year: Int
        var course: Int
        var district: String
        var trainees: Int
    }

    static let csvColumns = ["year", "course_id", "district", "trainees"]

    /// Sorted by year, course id (naturally), then district (Swift's comparison, which does not depend on the machine's locale).
    let rows: [Row]

    init(plan: Plan, scenario: Scenario) {
        var counts: [String: Row] = [:]
        for start in plan.starts {
            let district = scenario.officials[start.official].district
            counts["\(start.year)|\(start.course)|\(district)", default: Row(year: start.year, course: start.course, district: district, trainees: 0)]
                .trainees += 1
        }
        rows = counts.values.sorted { a, b in
            if a.year != b.year { return a.year < b.year }
            let (x, y) = (scenario.courses[a.course].id, scenario.courses[b.course].id)
            if x != y { return naturallyPrecedes(x, y) }
            if a.course != b.course { return a.course < b.course }
            return a.district < b.district
        }
    }

    func csv(_ scenario: Scenario) -> Data {
        var csv = CSVWriter(header: Self.csvColumns)
        for row in rows {
            csv.append([String(row.year), scenario.courses[row.course].id, row.district, String(row.trainees)])
        }
        return csv.data
    }

    /// Districts in order, each with its trainees per year (for the report's district table).
    func traineesByDistrictAndYear() -> [(district: String, perYear: [Int: Int])] {
        var table: [String: [Int: Int]] = [:]
        for row in rows { table[row.district, default: [:]][row.year, default: 0] += row.trainees }
        return table.keys.sorted().map { ($0, table[$0]!) }
    }
}
