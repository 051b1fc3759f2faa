import CadreDomain
import Foundation

/// The files a scenario was read from, as the user would name them (joined to the scenario's folder).
public struct ScenarioFiles: Sendable, Equatable {
    /// The scenario file named by the user, then the files it extends, nearest first.
    public var scenarios: [String]
    public var officials: String
    public var courses: String
    public var targets: String
    /// locks.csv, when the scenario names one.
    public var locks: String? = nil
    /// The communes file, when the scenario names one.
    public var communes: String? = nil

    public var all: [String] { scenarios + [officials, courses, targets] + [locks, communes].compactMap { $0 } }
}

/// A scenario ready to plan, with the warnings met while reading it.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var warnings: [InputProblem]
    public var files: ScenarioFiles
}

/// Reads a scenario YAML file, the files it extends and the three tables it names, applies its overrides and
/// checks the files against each other. Every problem of every file is reported at once.
///
/// Where the contract is silent:
/// - `extends`: the extended file gives defaults and this file's keys win; `budget`, `seats` and `costs` merge
///   per year or course (see `ScenarioSettings.overriding`). Paths stay relative to the file that names them.
/// - A budget year outside base_year…horizon is an error in the named file, but only a warning (and ignored)
///   when it comes from an extended file, whose span this one may have shortened.
/// - `name` defaults to the scenario file's name without its extension.
/// - Problems found between files (a course nobody can start, a target no course serves) are warnings.
/// - `locks` is optional; its rows are read against the officials and courses once they are sorted, so its
///   indices point into `scenario.officials` and `scenario.courses`. While officials.csv or courses.csv has
///   errors, locks naming ids that file does not hold are not reported (the row may simply have been dropped).
public enum ScenarioLoader {
    /// Throws `InputError` (holding every problem, warnings included) when any file has an error.
    /// With `readingLocks` false the locks file is named in `files` but not read: a re-plan reads it against the
    /// re-planned officials instead (`readLocks`).
    public static func load(path: String, readingLocks: Bool = true) throws -> LoadedScenario {
        var problems: [InputProblem] = []
        var scenarioFiles: [String] = []
        // Keys cannot be checked when a scenario file in the chain could not be read.
        guard let settings = readChain(path, via: nil, visited: [], files: &scenarioFiles, problems: &problems) else {
            throw InputError(problems: problems)
        }

        func required<Value>(_ value: Located<Value>?, _ key: String) -> Located<Value>? {
            // A key whose value was refused has been reported already.
            if value == nil && !problems.contains(where: { $0.field == key }) {
                problems.append(InputProblem(file: path, field: key, message: "is missing"))
            }
            return value
        }
        let baseYear = required(settings.baseYear, "base_year")
        let horizon = required(settings.horizon, "horizon")
        let officialsPath = required(settings.officials, "officials")
        let coursesPath = required(settings.courses, "courses")
        let targetsPath = required(settings.targets, "targets")

        if let baseYear, let horizon {
            if horizon.value < baseYear.value {
                problems.append(problem(at: horizon, "horizon", "\(horizon.value) is before base_year \(baseYear.value)"))
            } else if horizon.value - baseYear.value > 50 {
                problems.append(problem(at: horizon, "horizon", "\(horizon.value) is more than 50 years after base_year \(baseYear.value)"))
            }
        }
        var budget: [Int: Double] = [:]
        for (year, amount) in settings.budget.sorted(by: { $0.key < $1.key }) {
            if let baseYear, let horizon, !(baseYear.value...horizon.value).contains(year) {
                // A year the extended scenario budgets may simply fall outside this one's shorter span.
                let inherited = amount.file != path
                problems.append(problem(
                    at: amount, "budget",
                    "\(year) is outside base_year…horizon (\(baseYear.value)…\(horizon.value))" + (inherited ? "; ignored" : ""),
                    severity: inherited ? .warning : .error))
                continue
            }
            budget[year] = amount.value
        }

        let errorsBeforeOfficials = errorCount(problems)
        var listSettings = OfficeListSettings(mapping: settings.listMapping)
        if let communesPath = settings.communes, let data = contents(communesPath, "communes", &problems) {
            listSettings.communes = CommunesFile.read(data, file: communesPath.value, problems: &problems)
        }
        let officials = officialsPath.map {
            table($0, "officials", { OfficialsReader.rows($0, file: $1, settings: listSettings, problems: &$2) }, &problems)
        } ?? []
        let officialsClean = officialsPath != nil && errorCount(problems) == errorsBeforeOfficials
        let errorsBeforeCourses = errorCount(problems)
        var courses = coursesPath.map { table($0, "courses", CoursesReader.rows, &problems) } ?? []
        let coursesClean = coursesPath != nil && errorCount(problems) == errorsBeforeCourses
        // Overrides are only checked against a catalogue that read cleanly: a dropped row is no unknown course.
        if let coursesPath, coursesClean {
            applyOverrides(settings, to: &courses, catalogue: coursesPath.value, problems: &problems)
        }
        let targets = targetsPath.map { table($0, "targets", TargetsReader.rows, &problems) } ?? []

        // Rows are kept in id order, so the plan does not depend on the order of rows in the files.
        // Ranks, not officials, are sorted: moving a hundred thousand officials about costs more than comparing them.
        let officialRanks = naturalRanks(officials.map(\.value.id))
        var officialRows = officials
        for (row, rank) in zip(officials, officialRanks) { officialRows[rank] = row }
        courses.sort { naturallyPrecedes($0.value.id, $1.value.id) }
        let targetRows = targets.sorted { naturallyPrecedes($0.value.id, $1.value.id) }
        var scenario = Scenario(
            name: settings.name?.value ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension,
            baseYear: baseYear?.value ?? 0, horizon: horizon?.value ?? 0,
            officials: officialRows.map(\.value), courses: courses.map(\.value), targets: targetRows.map(\.value),
            budget: budget, carryOver: settings.carryOver?.value ?? false,
            maxTrainingDays: settings.maxTrainingDays?.value ?? 120, unitLabel: settings.unitLabel?.value ?? .district)
        scenario.letterhead = Letterhead(
            issuer: settings.issuer?.value, issuerParent: settings.issuerParent?.value, signerTitle: settings.signerTitle?.value,
            signerName: settings.signerName?.value, place: settings.place?.value)
        if readingLocks, let locksPath = settings.locks, let data = contents(locksPath, "locks", &problems) {
            var checks = LocksReader.Checks(officials: officialsClean, courses: coursesClean)
            if let baseYear, let horizon { checks.years = horizon.value >= baseYear.value } else { checks.years = false }
            scenario.locks = LocksReader.read(data, file: locksPath.value, scenario: scenario, checks: checks, problems: &problems)
        }
        // Checks between files would only echo the errors found so far.
        if let coursesPath, let targetsPath, errorCount(problems) == 0 {
            problems += CrossFileChecks(
                scenario: scenario, officialsFile: officialsPath?.value ?? "", officialLines: officialRows.map(\.line),
                coursesFile: coursesPath.value, courseLines: courses.map(\.line),
                targetsFile: targetsPath.value, targetLines: targetRows.map(\.line)
            ).warnings()
        }

        try InputError.throwIfAnyError(in: problems)
        return LoadedScenario(
            scenario: scenario, warnings: problems,
            files: ScenarioFiles(
                scenarios: scenarioFiles, officials: officialsPath?.value ?? "", courses: coursesPath?.value ?? "",
                targets: targetsPath?.value ?? "", locks: settings.locks?.value, communes: settings.communes?.value))
    }

    /// The locks file at `path` read against `scenario`, for a re-plan: its officials and base year are those of
    /// the re-planned scenario. Rows about a year before that base year are history (actuals.csv records what
    /// happened) and are left out; every other row is checked as `load` checks it. Throws `InputError` when the
    /// file cannot be read or has an error.
    public static func readLocks(path: String, for scenario: Scenario) throws -> Locks {
        var problems: [InputProblem] = []
        var locks = Locks.none
        switch ScenarioPaths.contents(of: path) {
        case .failure(let failure):
            problems.append(InputProblem(file: path, message: "cannot be read: \(failure.reason)"))
        case .success(let data):
            locks = LocksReader.read(data, file: path, scenario: scenario, checks: .init(replan: true), problems: &problems)
        }
        try InputError.throwIfAnyError(in: problems)
        return locks
    }

    /// The scenario file, then each file it extends, nearest first, as far as the chain reads: the YAML files
    /// only, without the tables they name.
    public static func chain(path: String) -> [String] {
        var files: [String] = []
        var problems: [InputProblem] = []
        _ = readChain(path, via: nil, visited: [], files: &files, problems: &problems)
        return files
    }

    /// The settings of `path` over those of the files it extends; nil when one of them cannot be read or parsed,
    /// or they extend each other in a cycle. `via` is the `extends` key that named `path`.
    private static func readChain(
        _ path: String, via: Located<String>?, visited: [(file: String, canonical: String)],
        files: inout [String], problems: inout [InputProblem]
    ) -> ScenarioSettings? {
        let canonical = ScenarioPaths.canonical(path)
        if let via, visited.contains(where: { $0.canonical == canonical }) {
            let chain = (visited.map(\.file) + [path]).joined(separator: " → ")
            problems.append(problem(at: via, "extends", "makes a cycle: \(chain)"))
            return nil
        }
        let text: String
        switch ScenarioPaths.contents(of: path) {
        case .failure(let failure):
            if let via {
                problems.append(problem(at: via, "extends", "cannot read \(quoted(path)): \(failure.reason)"))
            } else {
                problems.append(InputProblem(file: path, message: "cannot be read: \(failure.reason)"))
            }
            return nil
        case .success(let data):
            guard let bytes = TextEncoding.utf8(data, file: path, problems: &problems) else { return nil }
            text = String(decoding: bytes, as: UTF8.self)
        }
        files.append(path)
        guard let settings = ScenarioYAML.parse(text, file: path, problems: &problems) else { return nil }
        guard let extends = settings.extends else { return settings }
        return readChain(
            extends.value, via: extends, visited: visited + [(path, canonical)], files: &files, problems: &problems
        ).map(settings.overriding)
    }

    /// The rows of one table; a file that cannot be read is reported at the scenario key naming it.
    private static func table<Value>(
        _ path: Located<String>, _ key: String,
        _ rows: (Data, String, inout [InputProblem]) -> [Numbered<Value>], _ problems: inout [InputProblem]
    ) -> [Numbered<Value>] {
        contents(path, key, &problems).map { rows($0, path.value, &problems) } ?? []
    }

    /// The bytes of a file a scenario key names; nil after a problem at the key when it cannot be read.
    private static func contents(_ path: Located<String>, _ key: String, _ problems: inout [InputProblem]) -> Data? {
        switch ScenarioPaths.contents(of: path.value) {
        case .failure(let failure):
            problems.append(problem(at: path, key, "cannot read \(quoted(path.value)): \(failure.reason)"))
            return nil
        case .success(let data):
            return data
        }
    }

    private static func applyOverrides(
        _ settings: ScenarioSettings, to courses: inout [Numbered<Course>], catalogue: String,
        problems: inout [InputProblem]
    ) {
        let index = Dictionary(courses.enumerated().map { ($0.element.value.id, $0.offset) }) { first, _ in first }
        for (id, seats) in settings.seats.sorted(by: { $0.key < $1.key }) {
            if let i = index[id] { courses[i].value.seats = seats.value } else {
                problems.append(problem(at: seats, "seats", "\(quoted(id)) is not a course in \(catalogue)"))
            }
        }
        for (id, cost) in settings.costs.sorted(by: { $0.key < $1.key }) {
            if let i = index[id] { courses[i].value.cost = cost.value } else {
                problems.append(problem(at: cost, "costs", "\(quoted(id)) is not a course in \(catalogue)"))
            }
        }
    }

    private static func errorCount(_ problems: [InputProblem]) -> Int {
        problems.count { $0.severity == .error }
    }

    private static func problem<Value>(
        at place: Located<Value>, _ key: String, _ message: String, severity: InputProblem.Severity = .error
    ) -> InputProblem {
        InputProblem(file: place.file, line: place.line, field: key, message: message, severity: severity)
    }
}
