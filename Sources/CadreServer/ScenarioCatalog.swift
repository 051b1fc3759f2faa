import CadreDomain
import CadreIO
import Foundation
import Hummingbird

/// The scenarios of a workspace as the pages show them, read with the command line's own readers (so a page
/// lists exactly the problems `cadreplan validate` would). A scenario is read again only when one of its files
/// changed: a province of 100,000 officials takes a second to read, and the list is asked for often.
actor ScenarioCatalog {
    private let workspace: Workspace
    private var cache: [String: (stamp: [String], entry: Entry)] = [:]

    struct Entry: Sendable {
        var scenario: Scenario?
        var file: URL
        var files: [String]
        /// The scenario file, then each file it extends.
        var chain: [String]
        var problems: [InputProblem]
    }

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    func entry(_ name: String) -> Entry? {
        guard let file = workspace.scenarioFile(name) else { return nil }
        let folder = workspace.scenarioFolder(name)
        if let cached = cache[name], cached.stamp == Self.stamp(files: cached.entry.files, folder: folder) {
            return cached.entry
        }
        let entry: Entry
        do {
            let loaded = try ScenarioLoader.load(path: file.path)
            entry = Entry(scenario: loaded.scenario, file: file, files: loaded.files.all, chain: loaded.files.scenarios,
                          problems: loaded.warnings)
        } catch let error as InputError {
            entry = Entry(scenario: nil, file: file, files: [file.path], chain: [file.path], problems: error.problems)
        } catch {
            entry = Entry(scenario: nil, file: file, files: [file.path], chain: [file.path],
                          problems: [InputProblem(file: file.path, message: error.localizedDescription)])
        }
        cache[name] = (Self.stamp(files: entry.files, folder: folder), entry)
        return entry
    }

    func forget(_ name: String) { cache[name] = nil }

    /// What decides whether a cached reading still holds: the folder's listing and each file's size and date.
    private static func stamp(files: [String], folder: URL) -> [String] {
        let listing = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let paths = Set(files + listing.map { folder.appendingPathComponent($0).path }).sorted()
        return paths.map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(path)|\(size)|\(date)"
        }
    }

    // MARK: JSON for the API

    /// `GET /api/scenarios`: built here, since the JSON objects cannot leave the actor.
    func listingResponse() -> Response { JSONResponse.make(listing()) }

    func detailsResponse(_ name: String) -> Response? { details(name).map { JSONResponse.make($0) } }

    private func listing() -> [[String: Any]] {
        workspace.scenarioNames().compactMap { name in
            guard let entry = entry(name) else { return nil }
            return [
                "name": name,
                "officials": entry.scenario?.officials.count ?? NSNull(),
                "base_year": entry.scenario?.baseYear ?? NSNull(),
                "horizon": entry.scenario?.horizon ?? NSNull(),
                "problems": entry.problems.filter { $0.severity == .error }.count,
                "warnings": entry.problems.filter { $0.severity == .warning }.count,
                "extends": baseName(of: entry) ?? NSNull(),
            ]
        }
    }

    private func details(_ name: String) -> [String: Any]? {
        guard let entry = entry(name) else { return nil }
        var object: [String: Any] = [
            "name": name,
            "file": entry.file.lastPathComponent,
            "files": ((try? FileManager.default.contentsOfDirectory(atPath: workspace.scenarioFolder(name).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted(),
            "problems": entry.problems.map { Self.problemJSON($0, relativeTo: workspace.scenarios) },
            "extends": baseName(of: entry) ?? NSNull(),
        ]
        guard let scenario = entry.scenario else { return object }
        object["base_year"] = scenario.baseYear
        object["horizon"] = scenario.horizon
        object["officials"] = scenario.officials.count
        object["carry_over"] = scenario.carryOver
        object["max_training_days"] = scenario.maxTrainingDays
        object["scenario_name"] = scenario.name
        object["budget"] = Dictionary(uniqueKeysWithValues: scenario.years.map { (String($0), scenario.budget(in: $0)) })
        object["courses"] = scenario.courses.map { course -> [String: Any] in
            ["id": course.id, "name": course.name, "family": course.family.rawValue,
             "grants": course.family.name(ofLevel: course.grants), "years": course.years, "days": course.days,
             "seats": course.seats, "cost": course.cost, "provider": course.provider]
        }
        object["targets"] = scenario.targets.map { target -> [String: Any] in
            ["id": target.id, "deadline": target.deadline, "share": target.share, "kind": target.kind.rawValue,
             "weight": target.weight, "requirement": target.requirement.text, "label_vi": target.labelVi,
             "label_en": target.labelEn]
        }
        object["districts"] = Set(scenario.officials.map(\.district)).sorted()
        return object
    }

    /// The workspace scenario a scenario extends, when its first `extends` names one.
    private func baseName(of entry: Entry) -> String? {
        guard entry.chain.count > 1 else { return nil }
        return workspace.scenarioName(ofFile: entry.chain[1])
    }

    /// A problem as the API gives it: paths inside the workspace shown from the scenarios folder, never the
    /// server's own folders.
    static func problemJSON(_ problem: InputProblem, relativeTo folder: URL) -> [String: Any] {
        var json: [String: Any] = [
            "file": relativePath(problem.file, to: folder),
            "line": problem.line ?? NSNull(),
            "column": problem.field ?? NSNull(),
            "message": problem.message,
            "severity": problem.severity.rawValue,
        ]
        // A list kept one sheet per commune numbers its rows per sheet.
        if let sheet = problem.sheet { json["sheet"] = sheet }
        return json
    }

    static func relativePath(_ path: String, to folder: URL) -> String {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = folder.standardizedFileURL.path + "/"
        return standard.hasPrefix(prefix) ? String(standard.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
    }
}
