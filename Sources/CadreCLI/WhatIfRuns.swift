import CadreDomain
import CadreIO
import CadrePlanner
import Foundation

/// Plans several variants of a province in this process — `sweep`'s budget factors, `compare`'s scenarios — each
/// writing the folder `plan` would write. Variants of the same officials and courses share what one run learns:
/// each run of a lane starts from the run before it (its plan and every sequence its master held, `WarmStart`).
///
/// Two lanes, each on a thread of its own: GLPK keeps a separate environment per thread, and each run's solver
/// lives and dies on its lane's thread. Always two, whatever the cores, so that which run warms which — and so
/// every output — is the same on every machine.
enum WhatIfRuns {
    static let laneCount = 2

    struct Job {
        var scenario: Scenario
        /// The files the run read, which its output folder must never replace.
        var inputFiles: [String]
        var out: String
    }

    /// How one run ended.
    struct Finished {
        /// `plan`'s exit code for the run; for a run a stop kept from starting, 2 (the search ended before the gap).
        var code: Int32
        /// False when a stop came before the run started: its folder is not this command's.
        var ran: Bool
        var error: String?
        /// The plan's weighted shortfall, and what a next run may start from; nil when the run wrote no plan.
        var objective: Double?
        var handover: WarmStart?
    }

    /// Plans every job, the jobs of each lane in order; `seeds` gives a job a warm start of its own (a lane's
    /// first run otherwise starts cold). Returns how each job ended, in the jobs' order.
    static func run(_ jobs: [Job], lanes: [[Int]], seeds: [Int: WarmStart] = [:], alreadyDone: Int,
                    session: SolvingSession) -> [Finished] {
        let board = Board(count: jobs.count, alreadyDone: alreadyDone, progress: session.progress)
        let group = DispatchGroup()
        for lane in lanes where !lane.isEmpty {
            group.enter()
            Thread.detachNewThread {
                var previous: (digests: Digests, handover: WarmStart)?
                for index in lane {
                    let job = jobs[index]
                    let digests = Digests(job.scenario)
                    let warm = seeds[index] ?? previous.flatMap { $0.digests == digests ? $0.handover : nil }
                    let finished = session.signals.request.isRequested
                        ? Finished(code: ExitStatus.searchEndedEarly.rawValue, ran: false)
                        : plan(job, index: index, warm: warm, board: board, session: session)
                    if let handover = finished.handover { previous = (digests, handover) }
                    board.finish(index, finished)
                }
                group.leave()
            }
        }
        group.wait()
        return board.results
    }

    /// One run, as `plan SCENARIO --out DIR --quiet` would make it, with its own time limit from its own start.
    private static func plan(_ job: Job, index: Int, warm: WarmStart?, board: Board, session: SolvingSession) -> Finished {
        let options = session.options
        let planner = session.planner(officials: job.scenario.officials.count, started: Date(), progress: { board.update(index, $0) })
        do {
            let result = try planner.plan(job.scenario, warmStart: warm)
            let files = try planOutputs(result, language: options.lang).files
            try OutputFolder(path: job.out).write(files, inputFiles: job.inputFiles)
            let code = result.stoppedBy == .gap ? ExitStatus.success : ExitStatus.searchEndedEarly
            return Finished(code: code.rawValue, ran: true, objective: result.objective, handover: result.handover)
        } catch {
            let failure = Failure(error)
            if let message = failure.message { CommandProgress.message(message) }
            return Finished(code: failure.status.rawValue, ran: true, error: failure.message ?? "\(error)")
        }
    }

    /// What decides whether one run may warm another.
    private struct Digests: Equatable {
        var officials: String
        var courses: String
        init(_ scenario: Scenario) {
            officials = InputDigest.officials(scenario.officials)
            courses = InputDigest.courses(scenario.courses)
        }
    }
}

/// The runs of one command, shared by the lanes' threads: the parent's progress follows the run furthest behind.
private final class Board: @unchecked Sendable {
    private let lock = NSLock()
    private let progress: CommandProgress
    private var latest: [Int: PlanningProgress] = [:]
    private var finished: [Int: WhatIfRuns.Finished] = [:]
    private let count: Int
    private let alreadyDone: Int

    init(count: Int, alreadyDone: Int, progress: CommandProgress) {
        self.count = count
        self.alreadyDone = alreadyDone
        self.progress = progress
        progress.runsDone(alreadyDone)
    }

    func update(_ index: Int, _ report: PlanningProgress) {
        lock.lock()
        defer { lock.unlock() }
        latest[index] = report
        showFurthestBehind()
    }

    func finish(_ index: Int, _ outcome: WhatIfRuns.Finished) {
        lock.lock()
        defer { lock.unlock() }
        finished[index] = outcome
        latest[index] = nil
        progress.runsDone(alreadyDone + finished.count)
        showFurthestBehind()
    }

    /// The earliest phase, and among equals the lowest job, whose best, bound and gap the line shows.
    private func showFurthestBehind() {
        let order = { (phase: PlanningPhase) in PlanningPhase.allCases.firstIndex(of: phase) ?? 0 }
        if let behind = latest.min(by: { (order($0.value.phase), $0.key) < (order($1.value.phase), $1.key) }) {
            progress.update(behind.value)
        }
    }

    var results: [WhatIfRuns.Finished] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { finished[$0] ?? WhatIfRuns.Finished(code: ExitStatus.internalFailure.rawValue, ran: false) }
    }
}
