/// Locks that cannot all hold, found before planning: each names the rows that clash (locks.csv rows, and
/// actuals rows for courses still running), so the planner can fix the file rather than guess.
public struct LockConflict: Sendable, Equatable, CustomStringConvertible {
    /// The rows involved, in the order given.
    public var sources: [String]
    public var message: String

    public init(sources: [String], message: String) {
        self.sources = sources
        self.message = message
    }

    public var description: String { "\(sources.joined(separator: ", ")): \(message)" }
}

public struct LockConflictError: Error, Sendable, CustomStringConvertible {
    public var conflicts: [LockConflict]

    public init(conflicts: [LockConflict]) { self.conflicts = conflicts }

    public var description: String {
        (["the locks cannot all hold:"] + conflicts.map { "  " + $0.description }).joined(separator: "\n")
    }
}

public enum LockConflicts {
    /// Every conflict among the scenario's locks and its courses still running. Pins are checked one by one
    /// against the planning rules (a pin no plan could keep is a conflict with the rules), then against each
    /// other, the forbids, the seats, the budget and the district caps.
    public static func find(in scenario: Scenario) -> [LockConflict] {
        var conflicts: [LockConflict] = []
        let locks = scenario.locks
        let fixed = scenario.fixedStarts()
        let sourceOfRunning = Dictionary(scenario.ongoing.map { ($0.start, $0.source) }) { first, _ in first }
        let sourceOfPin = Dictionary(locks.pins.map { ($0.start, $0.source) }) { first, _ in first }
        func source(_ start: CourseStart) -> String { sourceOfPin[start] ?? sourceOfRunning[start] ?? "" }
        func name(_ start: CourseStart) -> String {
            "\(scenario.officials[start.official].id) \(scenario.courses[start.course].id) \(start.year)"
        }

        var seen: [CourseStart: String] = [:]
        for pin in locks.pins {
            if let first = seen[pin.start] {
                conflicts.append(LockConflict(sources: [first, pin.source], message: "the same pin twice (\(name(pin.start)))"))
            }
            seen[pin.start] = pin.source
        }

        // Each pin against the rules, with the levels the official's fixed courses give them.
        for pin in locks.pins {
            let official = scenario.officials[pin.official]
            let course = scenario.courses[pin.course]
            let completes = course.completionYear(startingIn: pin.year)
            let label = "pins \(name(pin.start))"
            var broken: [String] = []
            if !course.admits(official, startingIn: pin.year) { broken.append("\(official.id) may not take \(course.id) in \(pin.year) (the course's filters or age limit)") }
            if completes > scenario.horizon { broken.append("\(course.id) would complete in \(completes), after the horizon \(scenario.horizon)") }
            if completes > official.lastServiceYear { broken.append("\(course.id) would complete in \(completes), after \(official.id) leaves (\(official.lastServiceYear))") }
            let timeline = scenario.levelsAtEnd(of: pin.official, taking: (fixed[pin.official] ?? []).filter { $0 != pin.start })
            let held = pin.year > scenario.baseYear ? timeline[pin.year - scenario.baseYear - 1][course.family] : official.levels[course.family]
            if let requires = course.requires, held < requires {
                broken.append("\(official.id) will not hold \(course.family.name(ofLevel: requires)) in \(course.family.rawValue) by the end of \(pin.year - 1), which \(course.id) requires (pin the course before it too)")
            }
            if course.grants <= held { broken.append("\(official.id) already holds \(course.family.name(ofLevel: held)) in \(course.family.rawValue) by then: \(course.id) raises nothing") }
            for message in broken { conflicts.append(LockConflict(sources: [pin.source], message: "\(label), but \(message)")) }
            for forbid in locks.forbids where forbid.official == pin.official
            && forbid.stops(course: pin.course, startingIn: pin.year, years: course.years) {
                conflicts.append(LockConflict(sources: [pin.source, forbid.source], message: "\(label), which a forbid rules out"))
            }
        }

        // Fixed courses of one official against each other: same course twice, one family at a time, days.
        for (official, starts) in fixed.sorted(by: { $0.key < $1.key }) where starts.count > 0 {
            let id = scenario.officials[official].id
            for (i, a) in starts.enumerated() {
                for b in starts[(i + 1)...] {
                    let (ca, cb) = (scenario.courses[a.course], scenario.courses[b.course])
                    if a.course == b.course {
                        conflicts.append(LockConflict(sources: [source(a), source(b)], message: "\(id) would take \(ca.id) twice"))
                    } else if ca.family == cb.family
                                && a.year <= cb.completionYear(startingIn: b.year) && b.year <= ca.completionYear(startingIn: a.year) {
                        conflicts.append(LockConflict(
                            sources: [source(a), source(b)],
                            message: "\(id) would attend \(ca.id) and \(cb.id), two \(ca.family.rawValue) courses, in the same year"))
                    }
                }
            }
            for year in scenario.years {
                let attending = starts.filter { (($0.year)...scenario.courses[$0.course].completionYear(startingIn: $0.year)).contains(year) }
                let days = attending.reduce(0) { $0 + scenario.courses[$1.course].days }
                if days > scenario.maxTrainingDays {
                    conflicts.append(LockConflict(
                        sources: attending.map(source),
                        message: "\(id) would train \(days) days in \(year), more than max_training_days \(scenario.maxTrainingDays)"))
                }
            }
            for forbid in locks.forbids where forbid.official == official && forbid.course == nil {
                guard let year = forbid.year else { continue }
                for running in scenario.ongoing where running.official == official
                && (running.startYear...scenario.courses[running.course].completionYear(startingIn: running.startYear)).contains(year) {
                    conflicts.append(LockConflict(
                        sources: [running.source, forbid.source],
                        message: "\(id) still attends \(scenario.courses[running.course].id) in \(year), a year the forbid keeps free"))
                }
            }
        }

        // Pins of one course-year against its seats.
        let pinsByIntake = Dictionary(grouping: locks.pins) { [$0.course, $0.year] }
        for (key, pins) in pinsByIntake.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let course = scenario.courses[key[0]]
            if pins.count > course.seats {
                conflicts.append(LockConflict(
                    sources: pins.map(\.source),
                    message: "\(pins.count) pins start \(course.id) in \(key[1]), which has \(course.seats) seats"))
            }
        }

        // Fixed courses against each year's money.
        let spent = scenario.fixedSpending()
        let money = MoneyLedger(scenario).years(spending: spent)
        for (k, year) in scenario.years.enumerated() {
            let available = money[k].available
            if money[k].isOverspent {
                let attending = (scenario.ongoing.map(\.start) + locks.pins.map(\.start)).filter {
                    ($0.year...scenario.courses[$0.course].completionYear(startingIn: $0.year)).contains(year)
                }
                conflicts.append(LockConflict(
                    sources: attending.map(source),
                    message: "courses fixed by these rows cost \(Int(spent[k].rounded())) VND in \(year), more than the \(Int(available.rounded())) VND available"))
            }
        }

        // District caps: two different caps for one district-year, and fixed trainees over a cap.
        let trainees = scenario.fixedTrainees()
        let capsByKey = Dictionary(grouping: locks.caps) { "\($0.district)\u{1}\($0.year)" }
        for (_, caps) in capsByKey.sorted(by: { $0.key < $1.key }) {
            if Set(caps.map(\.maxTrainees)).count > 1 {
                conflicts.append(LockConflict(
                    sources: caps.map(\.source),
                    message: "different caps for \(caps[0].district) in \(caps[0].year): \(caps.map { String($0.maxTrainees) }.joined(separator: ", "))"))
            }
            let cap = caps.min { $0.maxTrainees < $1.maxTrainees }!
            let away = trainees[cap.district]?[cap.year] ?? []
            if away.count > cap.maxTrainees {
                conflicts.append(LockConflict(
                    sources: [cap.source] + away.map(source),
                    message: "\(away.count) officials of \(cap.district) are on fixed courses in \(cap.year), over its cap of \(cap.maxTrainees)"))
            }
        }
        return conflicts
    }
}
