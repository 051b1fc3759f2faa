import CadreIO
import CadreLinearModel
import Foundation

/// The contract's stop rule for a solving command. The first SIGINT or SIGTERM sets `request`, which every
/// search polls, so the command writes the best plan found so far and exits 2. Another within
/// `repeatWindow` seconds leaves at once with exit 2, writing nothing; a folder written before stays as it was.
/// A signal later than that only repeats the request. The handler runs on a dispatch queue and only sets the
/// flag: GLPK must be called from the thread that made the problem.
final class StopSignals: @unchecked Sendable {
    static let repeatWindow = 2.0
    static let signals = [SIGINT, SIGTERM]

    let request = StopRequest()
    private let lock = NSLock()
    private var lastSignal: Date?
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in Self.signals {
            // Ignored, the signal no longer ends the process; the source still sees it.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in received(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func received(_ number: Int32) {
        lock.lock()
        let now = Date()
        let repeated = lastSignal.map { now.timeIntervalSince($0) <= Self.repeatWindow } ?? false
        lastSignal = now
        lock.unlock()
        request.request()
        if repeated { leaveAtOnce() }
    }

    private func leaveAtOnce() {
        OutputFolder.abandonWrites()
        CommandProgress.current?.finish(exit: .searchEndedEarly,
                                        error: "stopped at once by a second signal; nothing was written")
        _exit(ExitStatus.searchEndedEarly.rawValue)
    }
}
