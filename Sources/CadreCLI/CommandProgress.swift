import ArgumentParser
import CadreIO
import CadrePlanner
import Foundation

enum ProgressFormat: String, ExpressibleByArgument {
    case json
}

/// How a solving command ended, for the last progress line; the same values as its summary.json.
struct CommandOutcome {
    var status: String
    var objective: Double?
    var gap: Double?
    var stoppedBy: String?
    /// Why the command failed, when it failed without throwing (compare and sweep report their runs' failures).
    var error: String?

    init(status: String, objective: Double?, gap: Double?, stoppedBy: String?, error: String? = nil) {
        self.status = status
        self.objective = objective
        self.gap = gap
        self.stoppedBy = stoppedBy
        self.error = error
    }

    init(_ result: PlanningResult) {
        self.init(status: PlanWriter.statusWord(result.status), objective: result.objective, gap: result.gap,
                  stoppedBy: result.stoppedBy.rawValue)
    }

    /// Several runs (`compare`, `sweep`), each whether it ran and what it wrote: `optimal` when every run reached
    /// its gap; the largest gap; no objective (each run has its own); stopped by a stop request when one stopped a
    /// run or kept it from starting, else by the gap when every run reached it, else by the time limit when it
    /// ended one, else the search ran out.
    init(runs: [(ran: Bool, outcome: PlanOutcome?)], error: String?) {
        let reasons = runs.map { $0.ran ? $0.outcome?.stoppedBy : StopReason.stopRequest.rawValue }
        let stoppedBy = [StopReason.stopRequest, .gap, .timeLimit].first { reason in
            reason == .gap ? reasons.allSatisfy { $0 == reason.rawValue } : reasons.contains(reason.rawValue)
        } ?? .searchExhausted
        self.init(status: stoppedBy == .gap ? "optimal" : "feasible", objective: nil,
                  gap: runs.compactMap { $0.outcome?.gap }.max(), stoppedBy: stoppedBy.rawValue, error: error)
    }
}

/// Where a solving command says how it stands, from its start to its exit: with `--progress json`, one JSON
/// object per line on standard error — at once, on every phase change, and from a ticker thread at least once
/// a second whatever the solver is doing (a long relaxation reports nothing) — and last a `done` line; else the
/// terminal's updating line, or nothing. One lock orders every line, so lines never interleave.
final class CommandProgress: @unchecked Sendable {
    /// Lines come at most this far apart while the command runs.
    static let tick = 0.9

    /// The running command's reporter, for `main` to finish with the exit code.
    nonisolated(unsafe) private(set) static var current: CommandProgress?

    private let condition = NSCondition()
    private let started: Date
    private let json: Bool
    private let terminal: ProgressLine?
    private var state = PlanningProgress(phase: .reading)
    private var runs: (done: Int, total: Int)?
    private var outcome: CommandOutcome?
    private var lastLine = Date.distantPast
    private var finished = false

    /// Starts reporting for a command that began at `started`; `terminalLine` asks for the updating line when
    /// standard error is a terminal and no JSON is wanted; `runs`, for a command of several runs, adds their count.
    init(_ options: SolvingOptions, started: Date, terminalLine: Bool, runs: Int?) {
        self.started = started
        self.runs = runs.map { (0, $0) }
        json = options.progress == .json
        terminal = !json && terminalLine ? ProgressLine(quiet: options.quiet) : nil
        Self.current = self
        guard json else { return }
        condition.lock()
        writeLine()
        condition.unlock()
        Thread.detachNewThread { [self] in ticker() }
    }

    private func ticker() {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            _ = condition.wait(until: lastLine.addingTimeInterval(Self.tick))
            if !finished && Date() >= lastLine.addingTimeInterval(Self.tick) { writeLine() }
        }
    }

    /// The command's own phases: reading before the planner starts, writing after it returns.
    func enter(_ phase: PlanningPhase) {
        update { $0.phase = phase }
    }

    /// The planner's report, or the report of the run furthest behind in `compare` and `sweep`.
    func update(_ progress: PlanningProgress) {
        update { $0 = progress }
    }

    /// How many of the command's runs have finished.
    func runsDone(_ done: Int) {
        condition.lock()
        runs?.done = done
        condition.unlock()
    }

    /// What `done` reports, once the command knows how its search ended.
    func record(_ outcome: CommandOutcome) {
        condition.lock()
        self.outcome = outcome
        condition.unlock()
    }

    /// A line for people on standard error (a warning, an error, a child's message), never inside a JSON line.
    static func message(_ text: String) {
        let reporter = current
        reporter?.condition.lock()
        reporter?.terminal?.finish()
        FileHandle.standardError.write(Data((text + "\n").utf8))
        reporter?.condition.unlock()
    }

    private func update(_ change: (inout PlanningProgress) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        let before = state.phase
        change(&state)
        // The terminal line shows the search; the command's report follows it on the same terminal.
        if state.phase == .writing { terminal?.finish() } else { terminal?.update(elapsed: elapsed, state) }
        if json && !finished && state.phase != before { writeLine() }
    }

    private var elapsed: Double { Date().timeIntervalSince(started) }

    /// Called with the lock held.
    private func writeLine() {
        var fields = [
            ("elapsed", Self.number(elapsed, digits: 2)), ("phase", "\"\(state.phase.rawValue)\""),
            ("best", Self.number(state.best)), ("bound", Self.number(state.bound)), ("gap", Self.number(state.gap)),
        ]
        if let runs { fields += [("runs_done", String(runs.done)), ("runs", String(runs.total))] }
        Self.write(fields)
        lastLine = Date()
    }

    /// The last line: the exit code, how the search ended, and for a failure (exit 1 or 3, or an `error`: a
    /// second signal) why. Only the first call writes; the ticker stops.
    func finish(exit status: ExitStatus, error: String?) {
        condition.lock()
        defer { condition.unlock() }
        guard !finished else { return }
        finished = true
        condition.broadcast()
        terminal?.finish()
        guard json else { return }
        let failed = error != nil || status == .badInput || status == .internalFailure
        Self.writeDone(exit: status, outcome: failed ? nil : outcome, error: failed ? error ?? outcome?.error ?? "failed" : nil)
    }

    /// `main`'s end: the command's reporter finishes; a command that never started one (its arguments did not
    /// parse) still ends `--progress json` with a done line.
    static func finish(exit status: ExitStatus, error: String?) {
        if let current {
            current.finish(exit: status, error: error)
        } else if requestsJSON(CommandLine.arguments) {
            writeDone(exit: status, outcome: nil, error: error ?? "failed")
        }
    }

    private static func requestsJSON(_ arguments: [String]) -> Bool {
        zip(arguments, arguments.dropFirst()).contains { $0 == "--progress" && $1 == "json" }
            || arguments.contains("--progress=json")
    }

    private static func writeDone(exit status: ExitStatus, outcome: CommandOutcome?, error: String?) {
        var fields = [
            ("event", "\"done\""), ("exit", String(status.rawValue)),
            ("status", jsonString(outcome?.status ?? "failed")), ("objective", number(outcome?.objective)),
            ("gap", number(outcome?.gap)), ("stopped_by", outcome?.stoppedBy.map(jsonString) ?? "null"),
        ]
        if let error { fields.append(("error", jsonString(error))) }
        write(fields)
    }

    /// One object on one line, keys in the contract's order, in one write.
    private static func write(_ fields: [(String, String)]) {
        let line = "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func number(_ value: Double?, digits: Int = 6) -> String {
        guard let value, value.isFinite else { return "null" }
        return NumberText.decimal(value, maxFractionDigits: digits)
    }

    private static func jsonString(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes])
        return String(decoding: data ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
