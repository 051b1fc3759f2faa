import Foundation

/// The queue of runs and the children solving them: at most `slots` at once (one per core), the rest waiting
/// in the order they were asked for. Live progress is kept here and handed to every page that listens.
actor RunManager {
    private let workspace: Workspace
    private let database: WorkspaceDatabase
    private let engine: URL
    private let slots: Int
    private var waiting: [Int64] = []
    private var running: [Int64: EngineProcess] = [:]
    private var live: [Int64: LiveRun] = [:]
    private var closing = false

    /// A point of the curve is kept at most this often, so a day-long run keeps a small curve.
    private static let curveSpacing = 0.5

    init(workspace: Workspace, database: WorkspaceDatabase, engine: URL, slots: Int) {
        self.workspace = workspace
        self.database = database
        self.engine = engine
        self.slots = max(1, slots)
    }

    /// After a start: runs that were going when the server stopped are interrupted, their children (if any
    /// outlived the server) ended; queued runs wait again in their order.
    func resume() throws {
        for orphan in try database.interruptRunning() where Self.isEngine(pid: orphan.pid, runFolder: workspace.runFolder(orphan.id)) {
            kill(orphan.pid, SIGKILL)
        }
        waiting = try database.queuedRuns().map(\.id)
        startWaiting()
    }

    /// A child of an earlier server is still ours only if its command line names this run's folder.
    private static func isEngine(pid: Int32, runFolder: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == runFolder.path }
    }

    func submit(_ request: RunRequest, user: String?, files: RunUploads) throws -> Int64 {
        let record = try database.insertRun(scenario: request.scenario, command: request.command.rawValue,
                                            options: JSONText.string(request.options.mapValues(\.any)), user: user)
        try files.write(to: workspace.uploadFolder(record.id))
        waiting.append(record.id)
        startWaiting()
        return record.id
    }

    /// 1-based place in the queue of a waiting run.
    func queuePosition(_ id: Int64) -> Int? { waiting.firstIndex(of: id).map { $0 + 1 } }

    func queuePositions() -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: waiting.enumerated().map { ($1, $0 + 1) })
    }

    /// The contract's Stop: a running child is asked to write its best plan; a waiting run is taken off the queue.
    /// False when the run has already ended.
    func stop(_ id: Int64) throws -> Bool {
        if let index = waiting.firstIndex(of: id) {
            waiting.remove(at: index)
            try database.markEnded(id, state: .stopped, exitCode: nil, message: nil, output: nil, progress: nil, curve: nil)
            finishListeners(id, done: ["event": "done", "state": RunState.stopped.rawValue])
            return true
        }
        guard let child = running[id] else { return false }
        // A second Stop leaves the repeats below to do it: a signal of its own, or a second loop of repeats, could
        // land within 2 s of one of them and make the child leave at once, writing nothing.
        guard !(live[id]?.stopRequested ?? false) else { return true }
        live[id, default: LiveRun()].stopRequested = true
        child.requestStop()
        // A SIGINT that reaches a child still setting up its handlers is lost (a Stop right after the run starts).
        // Sent again after the child's window for "a second signal leaves at once", it only repeats the request.
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: .seconds(Self.stopResendSeconds))
                guard let self, await self.repeatStop(id) else { return }
            }
        }
        return true
    }

    /// Longer than the command's `StopSignals.repeatWindow` (2 s).
    static let stopResendSeconds = 3.0

    private func repeatStop(_ id: Int64) -> Bool {
        guard let child = running[id] else { return false }
        child.requestStop()
        return true
    }

    func isActive(_ id: Int64) -> Bool { running[id] != nil || waiting.contains(id) }

    /// Live progress of a running run: the last `--progress json` object and the curve so far.
    func liveProgress(_ id: Int64) -> (progress: String?, curve: [[Double?]])? {
        guard let run = live[id] else { return nil }
        return (run.progress, run.curve)
    }

    /// The events of one run for its page: the progress so far, then each new object, then `done`. A run that
    /// has ended gives its `done` at once.
    func events(_ id: Int64) throws -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream<ServerEvent>.makeStream()
        guard running[id] != nil || waiting.contains(id) else {
            if let record = try database.run(id) { continuation.yield(.done(Self.doneObject(record))) }
            continuation.finish()
            return stream
        }
        let key = UUID()
        live[id, default: LiveRun()].listeners[key] = continuation
        if let progress = live[id]?.progress { continuation.yield(.progress(progress)) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeListener(id, key) }
        }
        return stream
    }

    private func removeListener(_ id: Int64, _ key: UUID) { live[id]?.listeners[key] = nil }

    /// Ends every child without letting it write: the server is going down, and the next start shows those runs
    /// as interrupted with their folders as they were.
    func shutdown() {
        closing = true
        for child in running.values { child.end() }
    }

    // MARK: Running children

    private func startWaiting() {
        while !closing, running.count < slots, !waiting.isEmpty {
            let id = waiting.removeFirst()
            do {
                try launch(id)
            } catch {
                let message = (error as? APIError)?.message ?? "cannot start cadreplan: \(error.localizedDescription)"
                try? database.markEnded(id, state: .failed, exitCode: nil, message: message, output: nil, progress: nil, curve: nil)
                finishListeners(id, done: ["event": "done", "state": RunState.failed.rawValue, "error": message])
            }
        }
    }

    private func launch(_ id: Int64) throws {
        guard let record = try database.run(id) else { return }
        let options = JSONText.object(record.options) ?? [:]
        let request = try RunRequest(json: ["scenario": record.scenario, "command": record.command, "options": options],
                                     workspace: workspace)
        let uploads = RunUploads.Paths(folder: workspace.uploadFolder(id))
        let warmStart = try request.warmStart(before: id, workspace: workspace, runs: try database.runs())
        let arguments = try request.arguments(workspace: workspace, runFolder: workspace.runFolder(id), uploads: uploads,
                                              warmStart: warmStart)
        let (child, events) = try EngineProcess.launch(executable: engine, arguments: arguments, workingDirectory: workspace.root)
        running[id] = child
        live[id, default: LiveRun()].started = Date()
        try database.markStarted(id, pid: child.pid)
        Task { [weak self] in
            for await event in events { await self?.handle(id, event) }
        }
    }

    private func handle(_ id: Int64, _ event: EngineEvent) {
        switch event {
        case .errorLine(let line):
            var run = live[id, default: LiveRun()]
            if line.hasPrefix("{"), let object = JSONText.object(line) {
                if object["event"] as? String == "done" {
                    run.done = object
                } else {
                    run.progress = line
                    run.addCurvePoint(object, spacing: Self.curveSpacing)
                    for listener in run.listeners.values { listener.yield(.progress(line)) }
                }
            } else if !line.isEmpty {
                run.messages.append(line)
                if run.messages.count > 200 { run.messages.removeFirst(run.messages.count - 200) }
            }
            live[id] = run
        case .finished(let status, let output):
            running[id] = nil
            let run = live[id] ?? LiveRun()
            let state: RunState
            switch status {
            case 0: state = .done
            case 2: state = run.stopRequested ? .stopped : .done
            default: state = closing ? .interrupted : .failed
            }
            let message: String? = state == .failed || state == .interrupted
                ? (run.done?["error"] as? String) ?? run.messages.suffix(20).joined(separator: "\n")
                : (run.messages.isEmpty ? nil : run.messages.suffix(50).joined(separator: "\n"))
            try? database.markEnded(id, state: state, exitCode: status, message: message, output: output,
                                    progress: run.progress, curve: JSONText.string(run.curve.map { $0.map { $0 ?? NSNull() as Any } }))
            if let record = try? database.run(id) { finishListeners(id, done: Self.doneObject(record, done: run.done)) }
            live[id] = nil
            startWaiting()
        }
    }

    private func finishListeners(_ id: Int64, done: [String: Any]) {
        for listener in live[id]?.listeners.values ?? [:].values {
            listener.yield(.done(JSONText.string(done)))
            listener.finish()
        }
        live[id]?.listeners = [:]
    }

    /// The `done` event: the command's own last line (exit, status, objective, gap, stopped_by) with the run's state.
    private static func doneObject(_ record: RunRecord, done: [String: Any]? = nil) -> [String: Any] {
        var object = done ?? ["event": "done"]
        object["state"] = record.state.rawValue
        object["exit_code"] = record.exitCode.map { Int($0) } ?? NSNull()
        if let message = record.message, record.state == .failed { object["error"] = message }
        return object
    }

    private static func doneObject(_ record: RunRecord) -> String { JSONText.string(doneObject(record, done: nil)) }
}

/// One server-sent event of a run's stream.
enum ServerEvent: Sendable {
    case progress(String)
    case done(String)

    var text: String {
        switch self {
        case .progress(let data): "event: progress\ndata: \(data)\n\n"
        case .done(let data): "event: done\ndata: \(data)\n\n"
        }
    }
}

/// What the server knows of a run while its child is alive.
private struct LiveRun {
    var started = Date()
    var progress: String?
    var curve: [[Double?]] = []
    var messages: [String] = []
    var done: [String: Any]?
    var stopRequested = false
    var listeners: [UUID: AsyncStream<ServerEvent>.Continuation] = [:]

    mutating func addCurvePoint(_ object: [String: Any], spacing: Double) {
        guard let elapsed = (object["elapsed"] as? NSNumber)?.doubleValue else { return }
        let best = (object["best"] as? NSNumber)?.doubleValue
        let bound = (object["bound"] as? NSNumber)?.doubleValue
        guard best != nil || bound != nil else { return }
        if let last = curve.last, let lastElapsed = last[0], elapsed - lastElapsed < spacing {
            curve[curve.count - 1] = [elapsed, best, bound]
        } else {
            curve.append([elapsed, best, bound])
        }
    }
}
