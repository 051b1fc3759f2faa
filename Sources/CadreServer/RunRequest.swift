import CadreIO
import Foundation

/// A request to run one of the command line's solving commands, checked before anything is queued, and the
/// arguments it becomes. Every option is checked here so that the child never gets a malformed command line.
struct RunRequest: Sendable {
    enum Command: String, Sendable, CaseIterable {
        case plan, minBudget = "min-budget", sweep, compare, replan
    }

    var scenario: String
    var command: Command
    /// The options as given, kept with the run.
    var options: [String: JSONValue]

    /// Parses the body of `POST /api/runs` (also the `options` field of its multipart form).
    init(json: [String: Any], workspace: Workspace) throws {
        guard let scenario = json["scenario"] as? String, workspace.scenarioFile(scenario) != nil else {
            throw APIError(.notFound, "no scenario named \(Self.quoted(json["scenario"]))")
        }
        guard let commandName = json["command"] as? String, let command = Command(rawValue: commandName) else {
            let known = Command.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "command must be one of \(known)")
        }
        self.scenario = scenario
        self.command = command
        let given = json["options"] as? [String: Any] ?? [:]
        var options: [String: JSONValue] = [:]
        for (key, value) in given {
            guard let converted = JSONValue(value) else { throw APIError(.badRequest, "option \(key) has an unreadable value") }
            options[key] = converted
        }
        self.options = options
        try checkOptions(workspace: workspace)
    }

    private static func quoted(_ value: Any?) -> String {
        (value as? String).map { "“\($0)”" } ?? "(none)"
    }

    private func number(_ key: String) throws -> Double? {
        guard let value = options[key] else { return nil }
        guard case .number(let number) = value, number.isFinite else { throw APIError(.badRequest, "option \(key) must be a number") }
        return number
    }

    private func text(_ key: String) throws -> String? {
        guard let value = options[key] else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number) where number == number.rounded(): return String(Int(number))
        default: throw APIError(.badRequest, "option \(key) must be text")
        }
    }

    private func flag(_ key: String) throws -> Bool {
        guard let value = options[key] else { return false }
        guard case .bool(let flag) = value else { throw APIError(.badRequest, "option \(key) must be true or false") }
        return flag
    }

    private func names(_ key: String) throws -> [String] {
        guard let value = options[key] else { return [] }
        guard case .array(let items) = value else { throw APIError(.badRequest, "option \(key) must be a list of scenario names") }
        return try items.map {
            guard case .string(let name) = $0 else { throw APIError(.badRequest, "option \(key) must be a list of scenario names") }
            return name
        }
    }

    /// Known options per command; anything else is refused so that a typo is not silently ignored.
    private static let allowed: [Command: Set<String>] = [
        .plan: ["warm_start"], .minBudget: ["include_strive"], .sweep: ["from", "to", "step"], .compare: ["scenarios"],
        .replan: ["from", "previous", "actuals"],
    ]
    private static let common: Set<String> = ["time_limit", "gap", "lang"]

    private func checkOptions(workspace: Workspace) throws {
        let allowed = Self.common.union(Self.allowed[command] ?? [])
        if let unknown = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError(.badRequest, "\(command.rawValue) has no option \(unknown)")
        }
        if let limit = try number("time_limit"), !(limit > 0 && limit <= 86_400) {
            throw APIError(.badRequest, "time_limit must be a number of seconds between 0 and 86400")
        }
        if let gap = try number("gap"), !(gap >= 0 && gap < 1) {
            throw APIError(.badRequest, "gap must be a fraction from 0 to below 1")
        }
        if let lang = try text("lang"), !["vi", "en"].contains(lang) {
            throw APIError(.badRequest, "lang must be vi or en")
        }
        switch command {
        case .plan:
            switch options["warm_start"] {
            case nil, .bool: break
            case .string, .number:
                guard let id = try text("warm_start").flatMap({ Int64($0) }),
                      FileManager.default.fileExists(atPath: workspace.runFolder(id).appendingPathComponent(PlanFileName.summary).path) else {
                    throw APIError(.notFound, "no finished run \(try text("warm_start") ?? "") to start from")
                }
            default:
                throw APIError(.badRequest, "option warm_start must be a run id, or false")
            }
        case .minBudget:
            _ = try flag("include_strive")
        case .sweep:
            guard let from = try number("from"), let to = try number("to"), let step = try number("step") else {
                throw APIError(.badRequest, "sweep needs the options from, to and step")
            }
            guard from > 0, to >= from, step > 0, (to - from) / step < 200 else {
                throw APIError(.badRequest, "sweep needs 0 < from ≤ to and a step giving at most 200 factors")
            }
        case .compare:
            let others = try names("scenarios")
            guard !others.isEmpty else { throw APIError(.badRequest, "compare needs at least one other scenario in scenarios") }
            if let missing = others.first(where: { workspace.scenarioFile($0) == nil }) {
                throw APIError(.notFound, "no scenario named “\(missing)”")
            }
        case .replan:
            guard let from = try text("from"), Int(from) != nil else {
                throw APIError(.badRequest, "replan needs the option from: the first year to re-plan")
            }
            if let previous = try text("previous") {
                guard let id = Int64(previous), FileManager.default.fileExists(atPath: workspace.runFolder(id).appendingPathComponent(PlanFileName.summary).path) else {
                    throw APIError(.notFound, "no finished run \(previous) to keep from")
                }
            }
        }
    }

    /// The run a plan starts from (`plan --warm-start`): the one named by `warm_start`; none when it is false;
    /// otherwise the latest plan before `id` of the same province — this scenario, the one it extends, or another
    /// variant of it — with its outputs written. The command line checks that its officials and courses are
    /// this run's, and plans cold, saying why, when they are not.
    func warmStart(before id: Int64, workspace: Workspace, runs: [RunRecord]) throws -> URL? {
        guard command == .plan else { return nil }
        switch options["warm_start"] {
        case .bool(false): return nil
        case .string, .number:
            return try text("warm_start").flatMap { Int64($0) }.map { workspace.runFolder($0) }
        default:
            let root = workspace.rootScenario(of: scenario)
            let earlier = runs.filter { run in
                run.id < id && run.command == Command.plan.rawValue
                    && FileManager.default.fileExists(atPath: workspace.runFolder(run.id).appendingPathComponent(PlanFileName.summary).path)
            }
            return earlier.sorted { $0.id > $1.id }.first { workspace.rootScenario(of: $0.scenario) == root }
                .map { workspace.runFolder($0.id) }
        }
    }

    /// The command line of the child: `cadreplan COMMAND SCENARIO… --out RUN --progress json …`.
    /// `uploads` are the files given with a re-plan.
    func arguments(workspace: Workspace, runFolder: URL, uploads: RunUploads.Paths, warmStart: URL? = nil) throws -> [String] {
        let scenarioPath = { (name: String) in workspace.scenarioFile(name)!.path }
        var arguments = [command.rawValue, scenarioPath(scenario)]
        if command == .compare { arguments += try names("scenarios").map(scenarioPath) }
        arguments += ["--out", runFolder.path, "--progress", "json"]
        if let limit = try number("time_limit") { arguments += ["--time-limit", String(limit)] }
        if let gap = try number("gap") { arguments += ["--gap", String(gap)] }
        if let lang = try text("lang") { arguments += ["--lang", lang] }
        switch command {
        case .plan:
            if let warmStart { arguments += ["--warm-start", warmStart.path] }
        case .compare:
            break
        case .minBudget:
            if try flag("include_strive") { arguments.append("--include-strive") }
        case .sweep:
            arguments += ["--from", String(try number("from")!), "--to", String(try number("to")!), "--step", String(try number("step")!)]
        case .replan:
            guard let actuals = uploads.actuals else { throw APIError(.badRequest, "replan needs the actuals file (a part named actuals)") }
            arguments += ["--actuals", actuals.path, "--from", try text("from")!]
            if let reorganisation = uploads.reorganisation { arguments += ["--reorganisation", reorganisation.path] }
            if let previous = try text("previous"), let id = Int64(previous) {
                arguments += ["--previous", workspace.runFolder(id).path]
            }
        }
        return arguments
    }
}

/// A JSON value that can be stored and sent across tasks.
enum JSONValue: Sendable, Equatable {
    case string(String), number(Double), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

    init?(_ any: Any) {
        switch any {
        case let text as String: self = .string(text)
        case let flag as Bool where type(of: any) == Bool.self: self = .bool(flag)
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumber too; only CFBoolean's type says which.
            if String(cString: number.objCType) == "c" { self = .bool(number.boolValue) } else { self = .number(number.doubleValue) }
        case let items as [Any]:
            var values: [JSONValue] = []
            for item in items {
                guard let value = JSONValue(item) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case let object as [String: Any]:
            var values: [String: JSONValue] = [:]
            for (key, item) in object {
                guard let value = JSONValue(item) else { return nil }
                values[key] = value
            }
            self = .object(values)
        case is NSNull: self = .null
        default: return nil
        }
    }

    var any: Any {
        switch self {
        case .string(let text): text
        case .number(let number): number
        case .bool(let flag): flag
        case .array(let items): items.map(\.any)
        case .object(let object): object.mapValues(\.any)
        case .null: NSNull()
        }
    }
}
