import CadrePlanner
import Foundation

/// One updating line on a terminal: elapsed time, best plan, bound and gap. Silent when standard error is
/// not a terminal, so logs and pipes get no control characters.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func update(elapsed: Double, _ progress: PlanningProgress) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        let best = progress.best.map { format($0) } ?? "—"
        let bound = progress.bound.map { format($0) } ?? "—"
        let gap = progress.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "—"
        let line = String(format: "  %6.1fs  best %@  bound %@  gap %@", elapsed, best, bound, gap)
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
