import CadreIO
import Foundation
import GRDB

/// The contract's run states.
enum RunState: String, Sendable, CaseIterable {
    case queued, running, done, stopped, failed, interrupted

    var isFinished: Bool { self != .queued && self != .running }
}

/// One run as the database keeps it.
struct RunRecord: Sendable {
    var id: Int64
    var scenario: String
    var command: String
    /// The options as the request gave them, JSON.
    var options: String
    var user: String?
    var state: RunState
    var exitCode: Int32?
    /// The command's own message when it failed.
    var message: String?
    /// What the command printed (its summary, the reasons).
    var output: String?
    /// The last `--progress json` object, as the command wrote it.
    var progress: String?
    /// `[[elapsed, best, bound], …]` as JSON, for the small curve.
    var curve: String?
    var pid: Int32?
    var created: String
    var started: String?
    var ended: String?

    init(row: Row) {
        id = row["id"]
        scenario = row["scenario"]
        command = row["command"]
        options = row["options"]
        user = row["user"]
        state = RunState(rawValue: row["state"]) ?? .failed
        exitCode = row["exit_code"]
        message = row["message"]
        output = row["output"]
        progress = row["progress"]
        curve = row["curve"]
        pid = row["pid"]
        created = row["created"]
        started = row["started"]
        ended = row["ended"]
    }

    /// The contract's shape of a run, plus what the pages show. `summary` is the run's summary.json when the
    /// command wrote one (a sweep or a comparison writes none at the top of its folder).
    func json(workspace: Workspace, queuePosition: Int?) -> [String: Any] {
        var object: [String: Any] = [
            "id": String(id), "scenario": scenario, "command": command, "state": state.rawValue,
            "user": user ?? NSNull(), "exit_code": exitCode.map { Int($0) } ?? NSNull(),
            "created": created, "started": started ?? NSNull(), "ended": ended ?? NSNull(),
            "options": JSONText.object(options) ?? [:],
            "progress": progress.flatMap(JSONText.object) ?? NSNull(),
            "summary": NSNull(),
        ]
        if let message { object["message"] = message }
        if let queuePosition { object["queue_position"] = queuePosition }
        let summary = workspace.runFolder(id).appendingPathComponent(PlanFileName.summary)
        if let data = try? Data(contentsOf: summary), let parsed = try? JSONSerialization.jsonObject(with: data) {
            object["summary"] = parsed
        }
        return object
    }
}

/// JSON text in and out of the database's text columns.
enum JSONText {
    static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    static func string(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
