/// Recounts a plan against a scenario from first principles: the levels it gives each official year by
/// year, every target's attainment, spending, and any rule it breaks. Knows nothing of how the plan was made,
/// so it serves as the referee for planners, heuristics and tests alike.
public struct PlanEvaluation: Sendable {
    public let attainment: [Attainment]
    public let budget: [YearBudget]
    public let violations: [RuleViolation]
    /// Σ weight × shortfall over the measured target-years.
    public let objective: Double
    public let totalCost: Double

    public init(scenario: Scenario, plan: Plan) {
        let years = scenario.years
        let yearCount = years.count
        var violations: [RuleViolation] = []
        func violate(_ rule: String, _ detail: String) { violations.append(RuleViolation(rule: rule, detail: detail)) }

        let byOfficial = Dictionary(grouping: plan.starts, by: \.official)
        let ongoingByOfficial = Dictionary(grouping: scenario.ongoing, by: \.official)
        // Officials attending any course, per district and year offset, for the district caps.
        var attending: [String: [Set<Int>]] = [:]
        let cappedDistricts = Set(scenario.locks.caps.map(\.district))
        let forbidsByOfficial = Dictionary(grouping: scenario.locks.forbids, by: \.official)
        var spent = Array(repeating: 0.0, count: yearCount)
        let intakes = scenario.intakes
        var startsPerIntake = Array(repeating: 0, count: intakes.count)
        // levelsAtEnd[o][k]: levels of official o at the end of year baseYear + k.
        var levelsAtEnd: [[Levels]] = []
        levelsAtEnd.reserveCapacity(scenario.officials.count)

        for (officialIndex, official) in scenario.officials.enumerated() {
            let starts = (byOfficial[officialIndex] ?? []).sorted()
            var daysPerYear: [Int: Int] = [:]
            var familyYears: Set<[Int]> = []
            var seen: Set<Int> = []
            for start in starts {
                guard scenario.courses.indices.contains(start.course) else {
                    violate("course", "unknown course index \(start.course)")
                    continue
                }
                let course = scenario.courses[start.course]
                let label = "\(official.id) \(course.id) \(start.year)"
                let completes = course.completionYear(startingIn: start.year)
                if !seen.insert(start.course).inserted { violate("same course twice", label) }
                if start.year < scenario.baseYear { violate("before base year", label) }
                if completes > scenario.horizon { violate("completes after horizon", label) }
                if completes > official.lastServiceYear { violate("completes after leaving", label) }
                if !course.admits(official, startingIn: start.year) { violate("not eligible", label) }
                for year in start.year...max(start.year, completes) {
                    daysPerYear[year, default: 0] += course.days
                    if !familyYears.insert([course.family.index, year]).inserted {
                        violate("two courses of one family in a year", "\(label) in \(year)")
                    }
                    if years.contains(year) { spent[year - scenario.baseYear] += course.costPerYear }
                }
                // A start outside the years planned is reported above; it takes no seat of any intake.
                if intakes.contains(year: start.year) { startsPerIntake[intakes.index(course: start.course, year: start.year)] += 1 }
            }
            // Courses still running from before the base year: history, so only what they take from the
            // years planned is checked.
            for running in ongoingByOfficial[officialIndex] ?? [] where scenario.courses.indices.contains(running.course) {
                let course = scenario.courses[running.course]
                let completes = course.completionYear(startingIn: running.startYear)
                for year in running.startYear...completes where year >= scenario.baseYear {
                    daysPerYear[year, default: 0] += course.days
                    if !familyYears.insert([course.family.index, year]).inserted {
                        violate("two courses of one family in a year", "\(official.id) \(course.id) (running) in \(year)")
                    }
                    if years.contains(year) { spent[year - scenario.baseYear] += course.costPerYear }
                }
            }
            if cappedDistricts.contains(official.district) {
                var list = attending[official.district] ?? Array(repeating: [], count: yearCount)
                for year in daysPerYear.keys where years.contains(year) { list[year - scenario.baseYear].insert(officialIndex) }
                attending[official.district] = list
            }
            for forbid in forbidsByOfficial[officialIndex] ?? [] {
                for start in starts where scenario.courses.indices.contains(start.course)
                && forbid.stops(course: start.course, startingIn: start.year, years: scenario.courses[start.course].years) {
                    violate("forbidden", "\(official.id) \(scenario.courses[start.course].id) \(start.year) (\(forbid.source))")
                }
            }
            for (year, days) in daysPerYear where days > scenario.maxTrainingDays {
                violate("training days", "\(official.id) has \(days) days in \(year)")
            }
            // Each start against the levels held at the end of the year before it.
            let running = (ongoingByOfficial[officialIndex] ?? []).map(\.start)
            let timeline = scenario.levelsAtEnd(of: officialIndex, taking: starts + running)
            for start in starts where years.contains(start.year) && scenario.courses.indices.contains(start.course) {
                let k = start.year - scenario.baseYear
                let course = scenario.courses[start.course]
                let held = (k == 0 ? official.levels : timeline[k - 1])[course.family]
                if let requires = course.requires, held < requires {
                    violate("prerequisite", "\(official.id) \(course.id) \(start.year) holds \(held), needs \(requires)")
                }
                if course.grants <= held {
                    violate("does not raise level", "\(official.id) \(course.id) \(start.year)")
                }
            }
            levelsAtEnd.append(timeline)
        }

        for (intake, count) in startsPerIntake.enumerated() where count > 0 {
            let course = scenario.courses[intakes.course(of: intake)]
            if count > course.seats { violate("seats", "\(course.id) starts \(count) in \(intakes.year(of: intake)), seats \(course.seats)") }
        }

        let planned = Set(plan.starts)
        for pin in scenario.locks.pins where !planned.contains(pin.start) {
            violate("pinned", "\(scenario.officials[pin.official].id) \(scenario.courses[pin.course].id) \(pin.year) (\(pin.source)) is not in the plan")
        }
        for cap in scenario.locks.caps where years.contains(cap.year) {
            let count = attending[cap.district]?[cap.year - scenario.baseYear].count ?? 0
            if count > cap.maxTrainees {
                violate("district cap", "\(cap.district) has \(count) trainees in \(cap.year), cap \(cap.maxTrainees) (\(cap.source))")
            }
        }

        let money = MoneyLedger(scenario).years(spending: spent)
        for (k, year) in years.enumerated() where money[k].isOverspent {
            violate("budget", "\(year) spends \(spent[k]) of \(money[k].available)")
        }
        let budgetRows = years.enumerated().map { k, year in
            YearBudget(year: year, budget: scenario.budget(in: year), spent: spent[k], carried: money[k].carried)
        }

        var rows: [Attainment] = []
        var objective = 0.0
        for (targetIndex, target) in scenario.targets.enumerated() {
            var cohorts = Array(repeating: 0, count: yearCount)
            var attainedCounts = Array(repeating: 0, count: yearCount)
            for (officialIndex, official) in scenario.officials.enumerated() where target.matchesFixedFilters(official) {
                for (k, year) in years.enumerated() where target.matchesYearFilters(official, in: year, baseYear: scenario.baseYear) {
                    cohorts[k] += 1
                    if target.requirement.isMet(by: levelsAtEnd[officialIndex][k]) { attainedCounts[k] += 1 }
                }
            }
            for (k, year) in years.enumerated() {
                let cohort = cohorts[k]
                let attained = attainedCounts[k]
                let row = Attainment(
                    targetIndex: targetIndex, year: year, cohort: cohort,
                    required: target.requiredCount(cohortSize: cohort), attained: attained,
                    isMeasured: year >= target.firstMeasuredYear(baseYear: scenario.baseYear))
                if row.isMeasured { objective += target.weight * Double(row.shortfall) }
                rows.append(row)
            }
        }

        self.attainment = rows
        self.budget = budgetRows
        self.violations = violations
        self.objective = objective
        self.totalCost = spent.reduce(0, +)
    }
}
