import CadreDomain
import CadreLinearModel
import Foundation

/// From the solver's values back to the domain: who takes which course when.
extension PlanningRun {
    /// The plan of a solution: each group's counts handed to its members in the tie rules' order, the
    /// earliest-starting sequences first.
    func plan(of values: [Double]) -> Plan {
        var byGroup: [Int: [(column: Int, count: Int)]] = [:]
        for (column, count) in counts(of: values) { byGroup[master.columns[column].group, default: []].append((column, count)) }
        var starts: [CourseStart] = []
        for (group, columns) in byGroup {
            var members = master.groups[group].members[...]
            // By the sequences themselves, not by when they became columns: a warm run holds the same sequences
            // as a cold one in another order, and the same counts must give the same officials the same courses.
            let ordered = columns.sorted {
                let (a, b) = (master.columns[$0.column].sequence.starts, master.columns[$1.column].sequence.starts)
                if (a.first?.year ?? 0) != (b.first?.year ?? 0) { return (a.first?.year ?? 0) < (b.first?.year ?? 0) }
                return a.lexicographicallyPrecedes(b)
            }
            for (column, count) in ordered {
                let sequence = master.columns[column].sequence
                for official in members.prefix(count) {
                    for start in sequence.starts {
                        starts.append(CourseStart(
                            official: official, course: master.groups[group].profile.candidates[start.candidate].course, year: start.year))
                    }
                }
                members = members.dropFirst(count)
            }
        }
        return Plan(starts: starts + scenario.locks.pins.map(\.start))
    }

    func padded(_ values: [Double]) -> [Double] {
        values + Array(repeating: 0, count: max(0, master.model.variables.count - values.count))
    }
}
