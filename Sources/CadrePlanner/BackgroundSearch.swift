import CadreLinearModel
import Foundation

/// One integer search by the finder on a thread of its own, over a copy of the master, while the tree goes on with
/// GLPK on the run's thread. The finder's session lives and dies on that thread, as every session must; the run
/// only polls for the result, or ends the search when it no longer needs it.
final class BackgroundSearch: @unchecked Sendable {
    /// How many of the master's columns the copy held.
    let columns: Int
    /// The cap on the weighted shortfall the search was under.
    let cap: Double
    private let stop: StopRequest
    private let lock = NSLock()
    private var outcome: Result<IntegerResult, any Error>?
    /// The search's newest incumbent not yet taken (`takeIncumbent`), and its objective.
    private var incumbent: (values: [Double], objective: Double)?
    private let ended = DispatchSemaphore(value: 0)

    /// Starts the search of `model` (a copy: the run's own model changes meanwhile); `options.stop` still ends it, and
    /// so does `end()`. `goalReached` is asked to stop once the search holds a plan of at most `options.goodEnough`:
    /// what the caller does meanwhile can end then.
    init(finder: any Solver & Sendable, model: LinearModel, columns: Int, cap: Double, options: SolveOptions,
         reachingGoalRequests goalReached: StopRequest? = nil) {
        self.columns = columns
        self.cap = cap
        var options = options
        stop = StopRequest(following: options.stop)
        options.stop = stop
        Thread.detachNewThread { [self, options] in
            let result = Result { () throws(any Error) -> IntegerResult in
                try finder.open(model).solveInteger(options: options, start: nil, heuristic: nil) { [self] report in
                    guard let values = report.values, let objective = report.incumbent else { return }
                    lock.withLock { incumbent = (values, objective) }
                    if let goal = options.goodEnough, objective <= goal { goalReached?.request() }
                }
            }
            lock.withLock { outcome = result }
            ended.signal()
        }
    }

    /// The search's result once it has ended; nil while it runs.
    var result: Result<IntegerResult, any Error>? {
        lock.withLock { outcome }
    }

    /// The search's newest incumbent, once: a finder that hands out its incumbents (HiGHS) finds plans long before it
    /// has proven them best over its columns, or ended (80 officials, seed 2: 306, the optimum, which the tree then
    /// proved at once).
    func takeIncumbent() -> [Double]? {
        lock.withLock {
            defer { incumbent = nil }
            return incumbent?.values
        }
    }

    /// Whether the search holds an incumbent not yet taken whose objective is below `value`: the caller's own longer
    /// searches end for it.
    func holdsIncumbent(below value: Double) -> Bool {
        lock.withLock { incumbent.map { $0.objective < value } ?? false }
    }

    /// Waits for the search to end by itself (its deadline, its goal, or a stop request).
    func wait() -> Result<IntegerResult, any Error> {
        ended.wait()
        // Whoever waits next passes at once.
        ended.signal()
        return lock.withLock { outcome! }
    }

    /// Asks the search to end with what it has, and waits for it (the finder polls stop requests often).
    func end() -> Result<IntegerResult, any Error> {
        stop.request()
        return wait()
    }
}
