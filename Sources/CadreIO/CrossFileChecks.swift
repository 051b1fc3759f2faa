import CadreDomain

/// Doubts that only show when the files are read together. They are warnings: the plan can still be made,
/// but part of it can never happen.
struct CrossFileChecks {
    let scenario: Scenario
    let officialsFile: String
    /// Line of each official, by index in `scenario.officials`.
    let officialLines: [Int]
    let coursesFile: String
    /// Line of each course, by index in `scenario.courses`.
    let courseLines: [Int]
    let targetsFile: String
    let targetLines: [Int]

    func warnings() -> [InputProblem] {
        var warnings: [InputProblem] = []
        for (i, course) in scenario.courses.enumerated() {
            func warn(_ field: String, _ message: String) {
                warnings.append(InputProblem(
                    file: coursesFile, line: courseLines[i], field: field, message: message, severity: .warning))
            }
            if let requires = course.requires, requires > 0,
               !scenario.courses.contains(where: { $0.id != course.id && $0.family == course.family && $0.grants >= requires }),
               !scenario.officials.contains(where: { $0.levels[course.family] >= requires }) {
                warn("requires", "nobody can start \(quoted(course.id)): no other course grants \(course.family.rawValue) "
                    + "\(quoted(course.family.name(ofLevel: requires))) and no official holds it")
            }
            if course.seats == 0 {
                warn("seats", "0 seats a year: nobody can start \(quoted(course.id))")
            }
            if course.days > scenario.maxTrainingDays {
                warn("days", "\(course.days) days a year is more than max_training_days \(scenario.maxTrainingDays): "
                    + "nobody can attend \(quoted(course.id))")
            }
        }
        for (i, target) in scenario.targets.enumerated() {
            func warn(_ field: String, _ message: String) {
                warnings.append(InputProblem(
                    file: targetsFile, line: targetLines[i], field: field, message: message, severity: .warning))
            }
            for condition in target.requirement.conditions where condition.level > 0
            && !scenario.courses.contains(where: { $0.family == condition.family && $0.grants >= condition.level }) {
                warn("requirement", "no course grants \(condition.family.rawValue) "
                    + "\(quoted(condition.family.name(ofLevel: condition.level))): only officials who hold it already count")
            }
            if target.deadline > scenario.horizon {
                warn("deadline", "\(target.deadline) is after the horizon \(scenario.horizon): the target is never measured")
            }
        }
        warnings += impossibleLevels()
        // Rows are checked in id order; a reader goes through the files line by line.
        return warnings.enumerated().sorted {
            ($0.element.file, $0.element.line ?? 0, $0.offset) < ($1.element.file, $1.element.line ?? 0, $1.offset)
        }.map(\.element)
    }

    /// Officials holding a level that every course granting it reserves for Party members, while they are
    /// not recorded as one: likely a typo in one of the two columns.
    private func impossibleLevels() -> [InputProblem] {
        var warnings: [InputProblem] = []
        for (i, official) in scenario.officials.enumerated() where !official.partyMember {
            for family in Family.allCases where official.levels[family] > 0 {
                let granting = scenario.courses.filter { $0.family == family && $0.grants == official.levels[family] }
                guard !granting.isEmpty, granting.allSatisfy(\.partyMemberOnly) else { continue }
                warnings.append(InputProblem(
                    file: officialsFile, line: officialLines[i], field: family.officialsColumn,
                    message: "\(quoted(family.name(ofLevel: official.levels[family]))) is only taught to Party members, "
                        + "but party_member is no", severity: .warning))
                break
            }
        }
        return warnings
    }
}
