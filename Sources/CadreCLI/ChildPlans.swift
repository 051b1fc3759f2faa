import CadreIO
import CadrePlanner
import Foundation

/// Runs `cadreplan plan` in child processes, at most one per core at a time. GLPK keeps global state that is not
/// safe across threads, so scenarios are planned side by side only as separate processes.
///
/// Children write into a pipe: their `--progress json` lines feed the parent's progress, anything else is passed
/// on line by line. A stop is handed to the running children (each writes its best plan) and starts no more.
enum ChildPlans {
    struct Job: Sendable {
        var scenario: String
        var out: String
    }

    /// How one job ended.
    struct Finished: Sendable {
        /// The child's exit code; for a job a stop kept from starting, 2 (the search ended before the gap).
        var code: Int32
        /// False when a stop came before the job started: its folder is not this run's.
        var ran: Bool
        /// Why the child failed, from its done line.
        var error: String?
    }

    /// This very executable, so children plan exactly as the parent would.
    static var executable: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if proc.path != "/proc/self/exe", FileManager.default.isExecutableFile(atPath: proc.path) { return proc }
        let first = CommandLine.arguments[0]
        if first.contains("/") { return URL(fileURLWithPath: first).standardizedFileURL }
        // Started through PATH: find it there.
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: first)
    }

    /// How each job ended, in the jobs' order. `alreadyDone` runs of the command ended before (a scenario that
    /// did not read); `extra` goes after `plan SCENARIO --out DIR --quiet`.
    static func run(_ jobs: [Job], alreadyDone: Int, extra: [String], session: SolvingSession) -> [Finished] {
        let board = Board(count: jobs.count, alreadyDone: alreadyDone, progress: session.progress)
        session.signals.forwardSignals { signal, leavingAtOnce in board.forward(signal, leavingAtOnce: leavingAtOnce) }
        let slots = DispatchSemaphore(value: max(1, min(2, ProcessInfo.processInfo.activeProcessorCount)))
        let group = DispatchGroup()
        let executable = executable
        for (index, job) in jobs.enumerated() {
            slots.wait()
            let process = Process()
            process.executableURL = executable
            process.arguments = ["plan", job.scenario, "--out", job.out, "--quiet"] + extra
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            do {
                guard try board.launch(index, process) else {
                    slots.signal()
                    continue
                }
            } catch {
                CommandProgress.message("cadreplan: cannot start \(executable.path): \(error.localizedDescription)")
                board.finish(index, Finished(code: ExitStatus.internalFailure.rawValue, ran: true))
                slots.signal()
                continue
            }
            group.enter()
            Thread.detachNewThread {
                var lines = LineBuffer()
                while true {
                    let data = output.fileHandleForReading.availableData
                    if data.isEmpty { break }
                    for line in lines.append(data) { board.read(line, from: index) }
                }
                process.waitUntilExit()
                board.finish(index, Finished(code: process.terminationStatus, ran: true, error: board.error(of: index)))
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return board.results
    }
}

/// Bytes from a pipe cut into whole lines.
private struct LineBuffer {
    private var pending = Data()

    mutating func append(_ data: Data) -> [String] {
        pending.append(data)
        var lines: [String] = []
        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pending[pending.startIndex..<end], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...end)
        }
        return lines
    }
}

/// The children of one command, shared by the launching thread, the threads reading the children and the signal
/// handler.
private final class Board: @unchecked Sendable {
    private let lock = NSLock()
    private let progress: CommandProgress
    private var running: [Int: Process] = [:]
    /// Children that have printed a line: their stop handling is in place, so a forwarded signal is theirs to handle.
    private var listening: Set<Int> = []
    private var latest: [Int: PlanningProgress] = [:]
    private var errors: [Int: String] = [:]
    private var finished: [Int: ChildPlans.Finished] = [:]
    private var stopSignal: Int32?
    private let count: Int
    private let alreadyDone: Int

    init(count: Int, alreadyDone: Int, progress: CommandProgress) {
        self.count = count
        self.alreadyDone = alreadyDone
        self.progress = progress
        progress.runsDone(alreadyDone)
    }

    /// Starts the job's child, unless a stop came first (then the job is not run): false.
    func launch(_ index: Int, _ process: Process) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard stopSignal == nil else {
            record(index, ChildPlans.Finished(code: ExitStatus.searchEndedEarly.rawValue, ran: false))
            return false
        }
        try process.run()
        running[index] = process
        return true
    }

    /// Hands a signal to the running children. A child that has not printed its first line may not have its
    /// handler yet (and would die of the signal, or ignore it): it gets the stop once it has. Leaving at once, the
    /// parent takes such children with it.
    func forward(_ signal: Int32, leavingAtOnce: Bool) {
        lock.lock()
        defer { lock.unlock() }
        stopSignal = signal
        for (index, process) in running {
            if listening.contains(index) {
                kill(process.processIdentifier, signal)
            } else if leavingAtOnce {
                kill(process.processIdentifier, SIGKILL)
            }
        }
    }

    func read(_ line: String, from index: Int) {
        lock.lock()
        defer { lock.unlock() }
        if listening.insert(index).inserted, let stopSignal, let process = running[index] {
            kill(process.processIdentifier, stopSignal)
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        if let object, object["event"] as? String == "done" {
            errors[index] = object["error"] as? String
        } else if let object, let phase = (object["phase"] as? String).flatMap(PlanningPhase.init(rawValue:)) {
            latest[index] = PlanningProgress(phase: phase, best: (object["best"] as? NSNumber)?.doubleValue,
                                             bound: (object["bound"] as? NSNumber)?.doubleValue)
            showFurthestBehind()
        } else {
            CommandProgress.message(line)
        }
    }

    func error(of index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return errors[index]
    }

    func finish(_ index: Int, _ outcome: ChildPlans.Finished) {
        lock.lock()
        defer { lock.unlock() }
        record(index, outcome)
    }

    /// Called with the lock held.
    private func record(_ index: Int, _ outcome: ChildPlans.Finished) {
        finished[index] = outcome
        running[index] = nil
        latest[index] = nil
        progress.runsDone(alreadyDone + finished.count)
        showFurthestBehind()
    }

    /// The parent's line follows the running child furthest behind: the earliest phase, and among equals the
    /// first started, whose best, bound and gap it shows.
    private func showFurthestBehind() {
        let order = { (phase: PlanningPhase) in PlanningPhase.allCases.firstIndex(of: phase) ?? 0 }
        if let behind = latest.min(by: { (order($0.value.phase), $0.key) < (order($1.value.phase), $1.key) }) {
            progress.update(behind.value)
        }
    }

    var results: [ChildPlans.Finished] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { finished[$0] ?? ChildPlans.Finished(code: ExitStatus.internalFailure.rawValue, ran: false) }
    }
}
