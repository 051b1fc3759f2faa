import Foundation

/// Independent jobs run on every core, handed out one at a time in the order given (put the heaviest first so no
/// worker is left with the long tail), with each result kept at its job's place: the same jobs give the same array
/// whatever the cores. Pricing and the output files both use it.
public enum ParallelJobs {
    public static func run<Value, Failure: Error>(_ count: Int, _ job: (Int) throws(Failure) -> Value) throws(Failure) -> [Value] {
        nonisolated(unsafe) var results = [Result<Value, Failure>?](repeating: nil, count: count)
        let counter = JobCounter()
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
            withoutActuallyEscaping(job) { job in
                nonisolated(unsafe) let job = job
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    // Each worker writes only the places it was handed.
                    while let position = counter.next(below: count) {
                        out[position] = Result { () throws(Failure) -> Value in try job(position) }
                    }
                }
            }
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        for result in results { values.append(try result!.get()) }
        return values
    }
}

private final class JobCounter: @unchecked Sendable {
    private var issued = 0
    private let lock = NSLock()

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard issued < count else { return nil }
        issued += 1
        return issued - 1
    }
}
