import CadreDomain
import CadreLinearModel

/// Starting from an earlier run of the same officials and courses: its sequences as columns, its plan as the
/// first incumbent; and what this run hands the next.
extension PlanningRun {
    /// Adds the warm start's sequences that obey this run's course rules as columns, and returns its plan
    /// repaired to this run's money, seats, group sizes and caps (nil when nothing of it maps). The earlier
    /// plan is repaired by keeping its most useful columns first — weighted coverage per million VND — and
    /// then filled as any rounding is (`polished`).
    func seed(from warm: WarmStart) throws -> [Double]? {
        let plannedByOfficial = Dictionary(grouping: warm.plan.starts, by: \.official)
        var columnOf: [[CourseSequence: Int]] = Array(repeating: [:], count: master.groups.count)
        for (index, column) in master.columns.enumerated() { columnOf[column.group][column.sequence] = index }
        var added: [Variable] = []
        var counts: Counts = [:]
        for (g, group) in master.groups.enumerated() {
            let search = SequenceSearch(profile: group.profile, baseYear: scenario.baseYear, yearCount: scenario.years.count,
                                        maxTrainingDays: scenario.maxTrainingDays)
            var mapped: [[CourseYear]: Int?] = [:]
            func column(of starts: [CourseYear]) -> Int? {
                if let known = mapped[starts] { return known }
                var index: Int?
                if let sequence = search.sequence(of: starts), !sequence.isEmpty {
                    if let existing = columnOf[g][sequence] {
                        index = existing
                    } else if let variable = addColumn(sequence, of: g) {
                        added.append(variable)
                        index = master.columns.count - 1
                        columnOf[g][sequence] = index
                    }
                }
                mapped[starts] = index
                return index
            }
            var earlierGroups: Set<Int> = []
            for member in group.members {
                let planned = (plannedByOfficial[member] ?? []).map { CourseYear(course: $0.course, year: $0.year) }.sorted()
                if let index = column(of: planned) { counts[index, default: 0] += 1 }
                if warm.groupOfOfficial.indices.contains(member), warm.groupOfOfficial[member] >= 0 {
                    earlierGroups.insert(warm.groupOfOfficial[member])
                }
            }
            // A group listed whole already has every sequence the earlier run could bring.
            guard !complete[g] else { continue }
            for earlier in earlierGroups.sorted() {
                for starts in warm.sequencesByGroup[earlier] { _ = column(of: starts) }
            }
        }
        if !added.isEmpty { try session.addVariables(added) }
        trace("warm start: \(added.count) columns added, \(counts.values.reduce(0, +)) members placed by the earlier plan")
        guard !counts.isEmpty else { return nil }
        let effects = master.columnEffects
        func usefulness(_ column: Int) -> Double {
            effects[column].coverageRows.reduce(0.0) { $0 + master.shortfallWeights[$1] }
                / (1 + effects[column].spending.reduce(0, +) / MasterProblem.moneyScale)
        }
        var ledger = emptyLedger()
        var kept: Counts = [:]
        for (column, count) in counts.sorted(by: { (usefulness($0.key), $1.key) > (usefulness($1.key), $0.key) }) {
            var whole = count
            while whole > 0 && !take(whole, of: column, into: &ledger) { whole -= 1 }
            if whole > 0 { kept[column] = whole }
        }
        let values = solution(polished(kept))
        trace("warm start: the earlier plan repaired to weighted shortfall \(primaryValue(of: values))")
        return withinShortfallCaps(values) ? values : nil
    }

    /// What a next run of the same officials and courses starts from: this plan, and every sequence the master holds.
    func handover(plan: Plan) -> WarmStart {
        var sequences = Array(repeating: [[CourseYear]](), count: master.groups.count)
        for (group, sequence) in master.columns {
            let candidates = master.groups[group].profile.candidates
            sequences[group].append(sequence.starts.map { CourseYear(course: candidates[$0.candidate].course, year: $0.year) })
        }
        var groupOfOfficial = Array(repeating: -1, count: scenario.officials.count)
        for (g, group) in master.groups.enumerated() {
            for member in group.members { groupOfOfficial[member] = g }
        }
        return WarmStart(plan: plan, sequencesByGroup: sequences, groupOfOfficial: groupOfOfficial)
    }
}
