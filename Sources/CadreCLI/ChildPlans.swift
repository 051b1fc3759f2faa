import CadreIO
import Foundation

/// Runs `cadreplan plan` in child processes, at most one per core at a time. GLPK keeps global state that is not
/// safe across threads, so scenarios are planned side by side only as separate processes.
enum ChildPlans {
    struct Job: Sendable {
        var scenario: String
        var out: String
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

    /// Each job's exit code, in the jobs' order. `extra` goes after `plan SCENARIO --out DIR --quiet`.
    static func run(_ jobs: [Job], extra: [String]) -> [Int32] {
        let codes = Codes(count: jobs.count)
        let slots = DispatchSemaphore(value: max(1, min(2, ProcessInfo.processInfo.activeProcessorCount)))
        let group = DispatchGroup()
        let executable = executable
        for (index, job) in jobs.enumerated() {
            slots.wait()
            let process = Process()
            process.executableURL = executable
            process.arguments = ["plan", job.scenario, "--out", job.out, "--quiet"] + extra
            // The children's own messages (bad input, solver failures) reach the user as they would from `plan`.
            process.standardOutput = FileHandle.standardError
            process.standardError = FileHandle.standardError
            process.standardInput = FileHandle.nullDevice
            group.enter()
            process.terminationHandler = { finished in
                codes.set(index, finished.terminationStatus)
                slots.signal()
                group.leave()
            }
            do {
                try process.run()
            } catch {
                FileHandle.standardError.write(Data("cadreplan: cannot start \(executable.path): \(error.localizedDescription)\n".utf8))
                codes.set(index, Failure.internalFailure)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return codes.values
    }

    /// The worst of several exit codes: bad input first, then failures, then time limits.
    static func worst(_ codes: [Int32]) -> Int32 {
        for code in [Failure.badInput, Failure.internalFailure, Failure.timeLimit] where codes.contains(code) { return code }
        return codes.first { $0 != 0 } ?? 0
    }
}

/// Exit codes written from termination handlers on other threads.
private final class Codes: @unchecked Sendable {
    private var stored: [Int32]
    private let lock = NSLock()

    init(count: Int) { stored = Array(repeating: Failure.internalFailure, count: count) }

    func set(_ index: Int, _ code: Int32) {
        lock.lock()
        stored[index] = code
        lock.unlock()
    }

    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
