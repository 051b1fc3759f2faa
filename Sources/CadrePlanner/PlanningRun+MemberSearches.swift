import CadreDomain
import CadreLinearModel
import Foundation

/// The member searches (`MemberSearch`) on the run's columns: annealing and trades.
extension PlanningRun {
    /// The incumbent improved by member-wise simulated annealing (see `MemberSearch`), then polished.
    func annealed(_ incumbent: [Double], moves: Int, until deadline: Date) -> [Double] {
        let counts = memberSearch().improved(counts(of: incumbent), moves: moves, seed: SearchTuning.seed, until: deadline)
        return kept(solution(polished(counts)), over: incumbent, by: "annealing")
    }

    /// The incumbent improved by trades (`MemberSearch.traded`), then polished.
    func traded(_ incumbent: [Double], until deadline: Date) -> [Double] {
        let counts = memberSearch().traded(counts(of: incumbent), until: deadline)
        return kept(solution(polished(counts)), over: incumbent, by: "trades")
    }

    private func kept(_ result: [Double], over incumbent: [Double], by search: String) -> [Double] {
        trace("\(search): \(primaryValue(of: incumbent)) → \(primaryValue(of: result))")
        return objective(of: result) < objective(of: incumbent) - SearchTuning.improvement && withinShortfallCaps(result) ? result : incumbent
    }

    private func memberSearch() -> MemberSearch {
        var columnsOfGroup = Array(repeating: [Int](), count: master.groups.count)
        let columns = master.columns.enumerated().map { index, entry in
            columnsOfGroup[entry.group].append(index)
            let effects = master.columnEffects[index]
            return MemberSearch.Column(group: entry.group, coverage: effects.coverageRows, spending: effects.spending,
                                       seats: intakes(of: entry.sequence, of: entry.group), caps: effects.capRows)
        }
        let seatCount = master.intakes.count
        var fixedSeats = Array(repeating: 0, count: seatCount)
        for (key, used) in master.fixedSeats { fixedSeats[key] = used }
        var capLimit: [Int: Int] = [:]
        for row in master.capRow where row >= 0 { capLimit[row] = Int((master.model.rows[row].upper + SearchTuning.improvement).rounded(.down)) }
        return MemberSearch(
            columns: columns, columnsOfGroup: columnsOfGroup, groupSize: master.groups.map(\.members.count),
            need: master.coverage.needed,
            weights: master.shortfallWeights,
            money: master.money, fixedSpending: master.fixedSpending,
            seatLimit: (0..<seatCount).map { scenario.courses[master.intakes.course(of: $0)].seats }, fixedSeats: fixedSeats,
            capLimit: capLimit, stop: heuristicsStop)
    }
}
