import CadreDomain
import CadreIO
import CadrePlanner

/// The plan as tables, one per workbook sheet. A sheet repeating a CSV starts with that CSV's columns, in its
/// order and with its rows in its order; extra columns (names, shares) follow.
struct PlanTables {
    let result: PlanningResult
    let words: Wording

    private var scenario: Scenario { result.scenario }

    /// `officialPlans`: `OfficialPlan.all` of the result, built once by the caller (seconds on 100,000 officials).
    func all(officialPlans: [OfficialPlan]) -> [Table] {
        [summary, schedule, intakes, districts, progress, budget, officials(officialPlans)]
    }

    /// No solving time here (it is in summary.json): it differs from run to run, and the workbook must not.
    var summary: Table {
        var table = Table(name: words.summarySheet, columns: [.init(title: words.item, width: 34), .init(title: words.value, width: 40)])
        let rows: [(String, Table.Cell)] = [
            (words.scenario, .text(scenario.name)),
            (words.status, .text(words.statusWord(PlanWriter.statusWord(result.status)))),
            (words.objective, .number(result.objective, .decimal)),
            (words.gap, .number(result.gap, .percent)),
            (words.totalCost, .money(result.totalCost)),
            (words.solver, .text(result.solverName)),
            (words.starts, .int(result.plan.starts.count)),
            (words.baseYear, .number(Double(scenario.baseYear), .integer)),
            (words.horizon, .number(Double(scenario.horizon), .integer)),
            (words.officials, .int(scenario.officials.count)),
            (words.courses, .int(scenario.courses.count)),
            (words.targets, .int(scenario.targets.count)),
            (words.carryOver, .text(scenario.carryOver ? words.yes : words.no)),
            (words.maxTrainingDays, .int(scenario.maxTrainingDays)),
            (words.variables, .int(result.variables)),
            (words.constraints, .int(result.constraints)),
        ]
        table.rows = rows.map { [.text($0.0), $0.1] }
        return table
    }

    /// schedule.csv's columns and order.
    var schedule: Table {
        var table = Table(name: words.scheduleSheet, columns: [
            .init(title: words.year, width: 8), .init(title: words.officialId, width: 12), .init(title: words.fullName, width: 26),
            .init(title: words.district, width: 18), .init(title: words.commune, width: 20), .init(title: words.courseId, width: 12),
            .init(title: words.courseName, width: 40), .init(title: words.family, width: 16), .init(title: words.grants, width: 13),
            .init(title: words.completes, width: 10), .init(title: words.costPerTrainee, width: 16),
        ])
        table.rows = PlanWriter.scheduleOrder(result.plan, scenario).map { start in
            let official = scenario.officials[start.official]
            let course = scenario.courses[start.course]
            return [
                .int(start.year), .text(official.id), .text(official.fullName), .text(official.district), .text(official.commune),
                .text(course.id), .text(course.name), .text(course.family.rawValue), .text(course.family.name(ofLevel: course.grants)),
                .int(course.completionYear(startingIn: start.year)), .money(course.cost),
            ]
        }
        return table
    }

    /// intakes.csv's columns and order, then the course name.
    var intakes: Table {
        var table = Table(name: words.intakesSheet, columns: [
            .init(title: words.year, width: 8), .init(title: words.courseId, width: 12), .init(title: words.trainees, width: 11),
            .init(title: words.seats, width: 11), .init(title: words.intakeCost, width: 18), .init(title: words.courseName, width: 44),
        ])
        let counts = Dictionary(grouping: result.plan.starts) { [$0.year, $0.course] }.mapValues(\.count)
        let keys = counts.keys.sorted {
            if $0[0] != $1[0] { return $0[0] < $1[0] }
            let (a, b) = (scenario.courses[$0[1]].id, scenario.courses[$1[1]].id)
            return a != b ? naturallyPrecedes(a, b) : $0[1] < $1[1]
        }
        table.rows = keys.map { key in
            let course = scenario.courses[key[1]]
            let trainees = counts[key]!
            return [.int(key[0]), .text(course.id), .int(trainees), .int(course.seats),
                    .money(Double(trainees) * course.cost), .text(course.name)]
        }
        return table
    }

    /// districts.csv's columns and order, then the course name.
    var districts: Table {
        var table = Table(name: words.districtsSheet, columns: [
            .init(title: words.year, width: 8), .init(title: words.courseId, width: 12), .init(title: words.district, width: 22),
            .init(title: words.trainees, width: 11), .init(title: words.courseName, width: 44),
        ])
        table.rows = DistrictAllocation(plan: result.plan, scenario: scenario).rows.map { row in
            [.int(row.year), .text(scenario.courses[row.course].id), .text(row.district), .int(row.trainees),
             .text(scenario.courses[row.course].name)]
        }
        return table
    }

    /// attainment.csv's columns and order, then the shares, whether the year counts, and the target's wording.
    var progress: Table {
        var table = Table(name: words.progressSheet, columns: [
            .init(title: words.target, width: 10), .init(title: words.year, width: 8), .init(title: words.cohort, width: 10),
            .init(title: words.required, width: 10), .init(title: words.attained, width: 10), .init(title: words.shortfall, width: 10),
            .init(title: words.attainedShare, width: 11), .init(title: words.requiredShare, width: 11),
            .init(title: words.measured, width: 11), .init(title: words.label, width: 60),
        ])
        let rows = result.evaluation.attainment.sorted {
            let (a, b) = (scenario.targets[$0.targetIndex].id, scenario.targets[$1.targetIndex].id)
            if a != b { return naturallyPrecedes(a, b) }
            return ($0.year, $0.targetIndex) < ($1.year, $1.targetIndex)
        }
        table.rows = rows.map { row in
            let target = scenario.targets[row.targetIndex]
            return [
                .text(target.id), .int(row.year), .int(row.cohort), .int(row.required), .int(row.attained),
                .int(row.shortfall), .share(row.attained, of: row.cohort), .number(target.share, .percent),
                .text(row.isMeasured ? words.yes : words.no), .text(words.label(of: target)),
            ]
        }
        return table
    }

    /// budget.csv's columns and order, then the share of the money available that year that was spent.
    var budget: Table {
        var table = Table(name: words.budgetSheet, columns: [
            .init(title: words.year, width: 8), .init(title: words.budget, width: 18), .init(title: words.spent, width: 18),
            .init(title: words.carried, width: 18), .init(title: words.used, width: 12),
        ])
        var carriedIn = 0.0
        table.rows = result.evaluation.budget.sorted { $0.year < $1.year }.map { row in
            let available = row.budget + carriedIn
            carriedIn = row.carried
            return [.int(row.year), .money(row.budget), .money(row.spent), .money(row.carried),
                    available > 0 ? .number(row.spent / available, .percent) : .empty]
        }
        return table
    }

    /// officials_plan.csv's columns and order.
    func officials(_ officialPlans: [OfficialPlan]) -> Table {
        var table = Table(name: words.officialsSheet, columns: [
            .init(title: words.officialId, width: 12), .init(title: words.fullName, width: 26), .init(title: words.district, width: 18),
            .init(title: words.commune, width: 20), .init(title: words.courseList, width: 40), .init(title: words.targetsAtHorizon, width: 30),
        ])
        table.rows = officialPlans.map { plan in
            [.text(plan.official.id), .text(plan.official.fullName), .text(plan.official.district), .text(plan.official.commune),
             .text(plan.coursesText), .text(plan.targetsAtHorizon.joined(separator: "; "))]
        }
        return table
    }
}
