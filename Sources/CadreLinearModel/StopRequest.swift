import Foundation

/// A request, from any thread, that every search reading it end as soon as it can with the best it has.
/// The searches run on the thread that owns the solver session; a signal or a Stop button only sets this flag,
/// and each search loop (and the solver's own callback) polls it where it polls its deadline.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// Whether a search that may run until `deadline` must end now: the deadline has passed or a stop was asked.
    public func endsSearch(due deadline: Date) -> Bool {
        isRequested || Date() >= deadline
    }
}
