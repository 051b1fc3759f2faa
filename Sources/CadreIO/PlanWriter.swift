import CadreDomain
import CadreLinearModel
import CadrePlanner
import Foundation

/// The contract's CSV and JSON outputs of a planning run, as bytes by relative path, ready for `OutputFolder`.
/// Every file's rows are sorted, so the same result always gives the same bytes. Ids sort naturally
/// (`25-2` before `25-10`); names sort by Unicode code point, which does not depend on the machine's locale.
public enum PlanWriter {
    public static let scheduleColumns = [
        "year", "official_id", "full_name", "district", "commune", "course_id", "course_name", "family", "grants",
        "completes", "cost",
    ]
    public static let attainmentColumns = ["target_id", "year", "cohort", "required", "attained", "shortfall"]
    public static let budgetColumns = ["year", "budget", "spent", "carried"]
    public static let intakesColumns = ["year", "course_id", "trainees", "seats", "cost"]
    public static let rosterColumns = ["official_id", "full_name", "gender", "birth_year", "title", "commune", "district"]

    public static func files(for result: PlanningResult) -> [String: Data] {
        let scenario = result.scenario
        var files: [String: Data] = [:]
        files[PlanFileName.schedule] = schedule(result.plan, scenario)
        files[PlanFileName.attainment] = attainment(result.evaluation, scenario)
        files[PlanFileName.budget] = budget(result.evaluation)
        let intakes = intakes(of: result.plan, scenario)
        files[PlanFileName.intakes] = intakesTable(intakes, scenario)
        for (name, data) in rosters(intakes, scenario) { files[PlanFileName.rosters + "/" + name] = data }
        files[PlanFileName.summary] = summary(result)
        return files
    }

    /// The contract's status words; every way of ending without a plan is `failed`.
    public static func statusWord(_ status: SolveStatus) -> String {
        switch status {
        case .optimal: "optimal"
        case .feasible: "feasible"
        case .infeasible: "infeasible"
        case .unbounded, .noSolution, .failed: "failed"
        }
    }

    /// schedule.csv's row order: by year, then official id, then course id (natural order).
    public static func scheduleOrder(_ plan: Plan, _ scenario: Scenario) -> [CourseStart] {
        let officialRank = naturalRanks(scenario.officials.map(\.id))
        let courseRank = naturalRanks(scenario.courses.map(\.id))
        return plan.starts.sorted {
            ($0.year, officialRank[$0.official], courseRank[$0.course]) < ($1.year, officialRank[$1.official], courseRank[$1.course])
        }
    }

    private static func schedule(_ plan: Plan, _ scenario: Scenario) -> Data {
        var csv = CSVWriter(header: scheduleColumns)
        for start in scheduleOrder(plan, scenario) {
            let official = scenario.officials[start.official]
            let course = scenario.courses[start.course]
            csv.append([
                String(start.year), official.id, official.fullName, official.district, official.commune, course.id,
                course.name, course.family.rawValue, course.family.name(ofLevel: course.grants),
                String(course.completionYear(startingIn: start.year)), NumberText.money(course.cost),
            ])
        }
        return csv.data
    }

    private static func attainment(_ evaluation: PlanEvaluation, _ scenario: Scenario) -> Data {
        let rows = evaluation.attainment.sorted {
            let (a, b) = (scenario.targets[$0.targetIndex].id, scenario.targets[$1.targetIndex].id)
            if a != b { return naturallyPrecedes(a, b) }
            return ($0.year, $0.targetIndex) < ($1.year, $1.targetIndex)
        }
        var csv = CSVWriter(header: attainmentColumns)
        for row in rows {
            csv.append([
                scenario.targets[row.targetIndex].id, String(row.year), String(row.cohort), String(row.required),
                String(row.attained), String(row.shortfall),
            ])
        }
        return csv.data
    }

    private static func budget(_ evaluation: PlanEvaluation) -> Data {
        var csv = CSVWriter(header: budgetColumns)
        for row in evaluation.budget.sorted(by: { $0.year < $1.year }) {
            csv.append([String(row.year), NumberText.money(row.budget), NumberText.money(row.spent), NumberText.money(row.carried)])
        }
        return csv.data
    }

    /// The officials starting one course in one year, in the order a roster lists them: by district, commune,
    /// name, then id. `fileStem` names its roster files: `<year>_<course id>`, safe as a file name on every system
    /// and distinct among the plan's intakes.
    public struct Intake: Sendable {
        public var year: Int
        public var course: Int
        public var officials: [Int]
        public var fileStem: String
    }

    /// Sorted by year, then course id.
    public static func intakes(of plan: Plan, _ scenario: Scenario) -> [Intake] {
        let groups = Dictionary(grouping: plan.starts) { [$0.year, $0.course] }
        var intakes = groups.map { Intake(year: $0.key[0], course: $0.key[1], officials: $0.value.map(\.official), fileStem: "") }.sorted {
            if $0.year != $1.year { return $0.year < $1.year }
            let (a, b) = (scenario.courses[$0.course].id, scenario.courses[$1.course].id)
            return a != b ? naturallyPrecedes(a, b) : $0.course < $1.course
        }
        let stems = FileNames.distinct(intakes.map { "\($0.year)_\(FileNames.safe(scenario.courses[$0.course].id, fallback: "course"))" })
        for index in intakes.indices {
            intakes[index].fileStem = stems[index]
            intakes[index].officials.sort { a, b in
                let (x, y) = (scenario.officials[a], scenario.officials[b])
                let (p, q) = ((x.district, x.commune, x.fullName), (y.district, y.commune, y.fullName))
                return p != q ? p < q : naturallyPrecedes(x.id, y.id)
            }
        }
        return intakes
    }

    private static func intakesTable(_ intakes: [Intake], _ scenario: Scenario) -> Data {
        var csv = CSVWriter(header: intakesColumns)
        for intake in intakes {
            let course = scenario.courses[intake.course]
            csv.append([
                String(intake.year), course.id, String(intake.officials.count), String(course.seats),
                NumberText.money(Double(intake.officials.count) * course.cost),
            ])
        }
        return csv.data
    }

    /// One file per intake, `<fileStem>.csv`.
    private static func rosters(_ intakes: [Intake], _ scenario: Scenario) -> [(String, Data)] {
        intakes.map { intake in
            var csv = CSVWriter(header: rosterColumns)
            for official in intake.officials.map({ scenario.officials[$0] }) {
                csv.append([
                    official.id, official.fullName, official.gender.rawValue, String(official.birthYear), official.title,
                    official.commune, official.district,
                ])
            }
            return (intake.fileStem + ".csv", csv.data)
        }
    }

    private static func summary(_ result: PlanningResult) -> Data {
        func number(_ value: Double, _ fractionDigits: Int) -> String {
            value.isFinite ? NumberText.decimal(value, maxFractionDigits: fractionDigits) : "null"
        }
        let fields: [String: String] = [
            "scenario": jsonString(result.scenario.name),
            "status": jsonString(statusWord(result.status)),
            "objective": number(result.objective, 6),
            "total_cost": result.totalCost.isFinite ? NumberText.money(result.totalCost) : "null",
            "gap": number(result.gap, 6),
            "seconds": number(result.seconds, 3),
            "solver": jsonString(result.solverName),
            "variables": String(result.variables),
            "constraints": String(result.constraints),
            "base_year": String(result.scenario.baseYear),
            "horizon": String(result.scenario.horizon),
            "starts": String(result.plan.starts.count),
            "stopped_by": jsonString(result.stoppedBy.rawValue),
            // Kept for tools that read it before `stopped_by` came.
            "stopped_by_time_limit": result.stoppedBy == .timeLimit ? "true" : "false",
            "spending_gap": number(result.spendingGap, 6),
            // What `plan --warm-start` checks before it starts from this run.
            "officials_digest": jsonString(InputDigest.officials(result.scenario.officials)),
            "courses_digest": jsonString(InputDigest.courses(result.scenario.courses)),
        ]
        let body = fields.sorted { $0.key < $1.key }.map { "  \(jsonString($0.key)): \($0.value)" }
        return Data(("{\n" + body.joined(separator: ",\n") + "\n}\n").utf8)
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
