import Foundation

/// A request, from any thread, that every search reading it end as soon as it can with the best it has.
/// The searches run on the thread that owns the solver session; a signal or a Stop button only sets this flag,
/// and each search loop (and the solver's own callback) polls it where it polls its deadline.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    /// A request this one follows: asked there, it counts as asked here too.
    private let parent: StopRequest?

    public init() { parent = nil }

    /// A request of its own that also follows `parent`: a search the caller may end early, which a user's stop ends too.
    public init(following parent: StopRequest) { self.parent = parent }

    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    public var isRequested: Bool {
        lock.lock()
        let asked = requested
        lock.unlock()
        return asked || parent?.isRequested == true
    }

    /// Whether a search that may run until `deadline` must end now: the deadline has passed or a stop was asked.
    public func endsSearch(due deadline: Date) -> Bool {
        isRequested || Date() >= deadline
    }
}
