import Foundation
import GRDB

/// Runs and the audit trail, in SQLite: every change is one transaction, so concurrent requests and a crash at
/// any moment leave either the old or the new state, never half of one.
final class WorkspaceDatabase: Sendable {
    /// A pool (SQLite's write-ahead log): page loads read side by side while a run's end is written.
    private let queue: DatabasePool

    init(path: URL) throws {
        var configuration = Configuration()
        // Another request may hold the write lock for a moment; wait for it rather than fail.
        configuration.busyMode = .timeout(5)
        queue = try DatabasePool(path: path.path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("runs and audit") { db in
            try db.create(table: "run") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("scenario", .text).notNull()
                table.column("command", .text).notNull()
                table.column("options", .text).notNull()
                table.column("user", .text)
                table.column("state", .text).notNull()
                table.column("exit_code", .integer)
                table.column("message", .text)
                table.column("output", .text)
                table.column("progress", .text)
                table.column("curve", .text)
                table.column("pid", .integer)
                table.column("created", .text).notNull()
                table.column("started", .text)
                table.column("ended", .text)
            }
            try db.create(table: "audit") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .text).notNull()
                table.column("user", .text)
                table.column("action", .text).notNull()
                table.column("target", .text).notNull()
                table.column("detail", .text)
            }
        }
        migrator.registerMigration("sessions") { db in
            try db.create(table: "session") { table in
                table.primaryKey("token", .text)
                table.column("user", .text).notNull()
                table.column("csrf", .text).notNull()
                table.column("expires", .double).notNull()
            }
        }
        return migrator
    }

    // MARK: Runs

    func insertRun(scenario: String, command: String, options: String, user: String?) throws -> RunRecord {
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO run (scenario, command, options, user, state, created) VALUES (?, ?, ?, ?, 'queued', ?)",
                arguments: [scenario, command, options, user, Self.timestamp()])
            return try Self.fetchRun(db, id: db.lastInsertedRowID)!
        }
    }

    func run(_ id: Int64) throws -> RunRecord? {
        try queue.read { db in try Self.fetchRun(db, id: id) }
    }

    /// Newest first.
    func runs() throws -> [RunRecord] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC").map(RunRecord.init) }
    }

    func markStarted(_ id: Int64, pid: Int32) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE run SET state = 'running', pid = ?, started = ? WHERE id = ?",
                           arguments: [pid, Self.timestamp(), id])
        }
    }

    func saveProgress(_ id: Int64, progress: String) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE run SET progress = ? WHERE id = ?", arguments: [progress, id])
        }
    }

    func markEnded(_ id: Int64, state: RunState, exitCode: Int32?, message: String?, output: String?,
                   progress: String?, curve: String?) throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE run SET state = ?, exit_code = ?, message = ?, output = ?, progress = COALESCE(?, progress),
                    curve = ?, pid = NULL, ended = ? WHERE id = ?
                    """,
                arguments: [state.rawValue, exitCode, message, output, progress, curve, Self.timestamp(), id])
        }
    }

    /// After a restart: runs that were going are interrupted (their folders stay as they are); their processes,
    /// if still alive, are returned so that the caller can end them.
    func interruptRunning() throws -> [(id: Int64, pid: Int32)] {
        try queue.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, pid FROM run WHERE state = 'running'")
            try db.execute(sql: "UPDATE run SET state = 'interrupted', pid = NULL, ended = ? WHERE state = 'running'",
                           arguments: [Self.timestamp()])
            return rows.compactMap { row in
                let pid: Int32? = row["pid"]
                return pid.map { (row["id"], $0) }
            }
        }
    }

    func queuedRuns() throws -> [RunRecord] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run WHERE state = 'queued' ORDER BY id").map(RunRecord.init)
        }
    }

    func deleteRun(_ id: Int64) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [id]) }
    }

    private static func fetchRun(_ db: Database, id: Int64) throws -> RunRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]).map(RunRecord.init)
    }

    // MARK: Audit trail

    func audit(user: String?, action: String, target: String, detail: String? = nil) {
        // The trail must not stop the action it records: a failed append is logged, not thrown.
        do {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO audit (at, user, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                               arguments: [Self.timestamp(), user, action, target, detail])
            }
        } catch {
            FileHandle.standardError.write(Data("cadreplan serve: cannot append to the audit trail: \(error)\n".utf8))
        }
    }

    func auditTrail(limit: Int) throws -> [AuditEntry] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(id: $0["id"], at: $0["at"], user: $0["user"], action: $0["action"], target: $0["target"],
                           detail: $0["detail"])
            }
        }
    }

    // MARK: Sessions

    func insertSession(_ session: StoredSession) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO session (token, user, csrf, expires) VALUES (?, ?, ?, ?)",
                           arguments: [session.token, session.user, session.csrf, session.expires])
        }
    }

    func session(token: String) throws -> StoredSession? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token = ? AND expires >= ?",
                             arguments: [token, Date().timeIntervalSince1970]).map {
                StoredSession(token: $0["token"], user: $0["user"], csrf: $0["csrf"], expires: $0["expires"])
            }
        }
    }

    func deleteSession(token: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [token]) }
    }

    static func timestamp(_ date: Date = Date()) -> String {
        date.ISO8601Format()
    }
}

struct AuditEntry: Codable, Sendable {
    var id: Int64
    var at: String
    var user: String?
    var action: String
    var target: String
    var detail: String?
}

struct StoredSession: Sendable {
    var token: String
    var user: String
    var csrf: String
    var expires: Double
}
