import Foundation

/// What a `cadreplan` child reports while it runs, in the order it wrote it.
enum EngineEvent: Sendable {
    /// One line of standard error: a `--progress json` object or one of the command's messages.
    case errorLine(String)
    /// The child ended: its exit status (or 128 + the signal that killed it) and what it printed on standard output.
    case finished(status: Int32, output: String)
}

/// One `cadreplan` command run as a child process. The server never plans in its own process: a solve that
/// crashes or runs out of memory ends this child only.
final class EngineProcess: @unchecked Sendable {
    let pid: Int32
    /// Standard output kept for the run's page; a summary is a few kilobytes, anything past this is cut.
    private static let outputLimit = 256 * 1024

    private init(pid: Int32) { self.pid = pid }

    /// Starts `executable arguments…` and returns it with the stream of its events; the stream ends after
    /// `.finished`. Lines are delivered in the order the child wrote them.
    static func launch(executable: URL, arguments: [String], workingDirectory: URL)
        throws -> (EngineProcess, AsyncStream<EngineEvent>)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.standardInput = FileHandle.nullDevice
        let errorPipe = Pipe()
        let outputPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = outputPipe
        let (events, continuation) = AsyncStream<EngineEvent>.makeStream()
        try spawnWithSignalsOpen(process)
        let engine = EngineProcess(pid: process.processIdentifier)

        let outputDone = DispatchSemaphore(value: 0)
        let output = OutputBuffer()
        Thread.detachNewThread {
            let descriptor = outputPipe.fileHandleForReading.fileDescriptor
            while let chunk = readSome(descriptor) {
                output.append(chunk, limit: outputLimit)
            }
            outputDone.signal()
        }
        Thread.detachNewThread {
            let descriptor = errorPipe.fileHandleForReading.fileDescriptor
            var pending = Data()
            while let chunk = readSome(descriptor) {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    continuation.yield(.errorLine(line))
                }
            }
            if !pending.isEmpty { continuation.yield(.errorLine(String(decoding: pending, as: UTF8.self))) }
            outputDone.wait()
            process.waitUntilExit()
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            continuation.yield(.finished(status: status, output: output.text))
            continuation.finish()
        }
        return (engine, events)
    }

    /// What one read(2) returns, nil at the end: FileHandle's reads wait to fill their buffer, which would hold
    /// progress lines back until the child had written 64 KiB.
    private static func readSome(_ descriptor: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 { return Data(buffer[0..<count]) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// A child inherits the signal mask of the thread that spawns it, and the threads of Swift's concurrency pool
    /// block almost every signal: a child spawned from one would never see the SIGINT of a Stop. So the child is
    /// spawned from a thread of its own with nothing blocked.
    private static func spawnWithSignalsOpen(_ process: Process) throws {
        let outcome = SpawnOutcome()
        let spawned = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var nothing = sigset_t()
            sigemptyset(&nothing)
            pthread_sigmask(SIG_SETMASK, &nothing, nil)
            do { try process.run() } catch { outcome.error = error }
            spawned.signal()
        }
        spawned.wait()
        if let error = outcome.error { throw error }
    }

    /// The contract's stop request: the child writes the best plan it has and exits 2.
    func requestStop() { kill(pid, SIGINT) }

    /// Ends the child at once without letting it write (the server is going down).
    func end() { kill(pid, SIGKILL) }
}

/// What the spawning thread reports, read after its signal.
private final class SpawnOutcome: @unchecked Sendable {
    var error: (any Error)?
}

/// Standard output gathered on a reader thread and read once the child has ended.
private final class OutputBuffer: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()

    func append(_ chunk: Data, limit: Int) {
        lock.lock()
        defer { lock.unlock() }
        if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
