import CadreDomain
import CadreLinearModel

/// Officials the model cannot tell apart: same sequences, same target-years, same tie class. The master
/// counts how many of them take each sequence; who exactly follows the tie rules.
struct OfficialGroup: Sendable {
    var profile: PlanningProfile
    /// Official indices in the tie rules' order: planned title first, longer service left, then file order.
    var members: [Int]
}

/// The restricted master problem: each group of alike officials splits its members over course
/// sequences (columns counting members); the rows couple groups only through target counts, yearly
/// budgets and course seats.
///
/// Rows, in order: coverage (one per measured target-year still short), budget (one per year),
/// seats (one per course-year someone could start), the primary-objective row (free until the
/// spending phase caps it), one "at most its size" row per group, then one row per district-year cap.
///
/// Fixed courses (running from before the base year, or pinned) are constants: their money, seats and
/// trainees come off the right-hand sides, and what they qualify members for counts as already met.
struct MasterProblem {
    /// Money enters the model in millions of VND so coefficients stay near 1.
    static let moneyScale = 1e6

    let scenario: Scenario
    let groups: [OfficialGroup]
    let coverage: CoverageIndex
    private(set) var model: LinearModel
    let yearCount: Int
    /// The numbering of `seatRow` and `fixedSeats`.
    let intakes: Intakes
    /// The money rule the rounding and the searches keep.
    let money: MoneyLedger
    let firstBudgetRow: Int
    /// Seat row per intake, −1 when no one can start it.
    let seatRow: [Int]
    let primaryRow: Int
    /// Size row per group.
    let convexityRow: [Int]
    let shortfallVariables: Range<Int>
    /// Carry variable per year offset when carry-over is on.
    let carryVariables: [Int]
    /// The weight of each coverage row's shortfall in the primary objective.
    let shortfallWeights: [Double]
    /// Money fixed courses spend per year offset.
    let fixedSpending: [Double]
    /// Pinned starts per intake.
    let fixedSeats: [Int: Int]
    /// Cap row per capped district × yearCount + year offset, −1 where no cap; and its right-hand side.
    let capRow: [Int]
    /// (group, sequence) of every sequence column, by variable index − firstSequenceVariable.
    private(set) var columns: [(group: Int, sequence: CourseSequence)] = []
    /// What one member on each column meets, spends and attends (`effects(of:of:)`), by column: computed once
    /// when the column is added, because rounding, polishing and the searches read it for every column, many
    /// times a second.
    private(set) var columnEffects: [Effects] = []
    private(set) var known: [Set<CourseSequence>]
    let firstSequenceVariable: Int

    init(scenario: Scenario, groups: [OfficialGroup], coverage: CoverageIndex) {
        self.scenario = scenario
        self.groups = groups
        self.coverage = coverage
        let yearCount = scenario.years.count
        self.yearCount = yearCount
        let intakes = scenario.intakes
        self.intakes = intakes
        money = MoneyLedger(scenario)
        var model = LinearModel(name: "cadreplan")

        let needed = coverage.needed
        for (r, key) in coverage.rows.enumerated() {
            let target = scenario.targets[key.target]
            model.addRow(.atLeast(Double(needed[r]),
                                  name: "cover_\(key.target)_\(Self.safe(target.id))_\(key.year)"))
        }
        firstBudgetRow = model.rows.count
        let fixedSpending = scenario.fixedSpending()
        self.fixedSpending = fixedSpending
        for year in scenario.years {
            let free = scenario.budget(in: year) - fixedSpending[year - scenario.baseYear]
            model.addRow(.atMost(free / Self.moneyScale, name: "budget_\(year)"))
        }
        var fixedSeats: [Int: Int] = [:]
        for pin in scenario.locks.pins { fixedSeats[intakes.index(course: pin.course, year: pin.year), default: 0] += 1 }
        self.fixedSeats = fixedSeats
        var seatRow = Array(repeating: -1, count: intakes.count)
        for group in groups {
            for candidate in group.profile.candidates {
                for year in candidate.startYears where seatRow[intakes.index(course: candidate.course, year: year)] < 0 {
                    seatRow[intakes.index(course: candidate.course, year: year)] = -2
                }
            }
        }
        for (c, course) in scenario.courses.enumerated() {
            for k in 0..<yearCount where seatRow[intakes.index(course: c, offset: k)] == -2 {
                seatRow[intakes.index(course: c, offset: k)] = model.addRow(
                    .atMost(Double(course.seats - fixedSeats[intakes.index(course: c, offset: k), default: 0]), name: "seats_\(c)_\(Self.safe(course.id))_\(scenario.baseYear + k)"))
            }
        }
        self.seatRow = seatRow
        primaryRow = model.addRow(Row(name: "primary_objective"))
        let convexityRow = groups.indices.map { g in
            model.addRow(.atMost(Double(groups[g].members.count), name: "group_\(g)"))
        }
        self.convexityRow = convexityRow
        let districts = ProfileBuilder.cappedDistricts(scenario)
        var capRow = Array(repeating: -1, count: districts.count * yearCount)
        let trainees = scenario.fixedTrainees()
        for (d, district) in districts.enumerated() {
            for k in 0..<yearCount {
                guard let cap = scenario.locks.cap(district: district, year: scenario.baseYear + k) else { continue }
                let away = trainees[district]?[scenario.baseYear + k]?.count ?? 0
                capRow[d * yearCount + k] = model.addRow(.atMost(
                    Double(cap.maxTrainees - away), name: "cap_\(d)_\(Self.safe(district))_\(scenario.baseYear + k)"))
            }
        }
        self.capRow = capRow

        var weights: [Double] = []
        for (r, key) in coverage.rows.enumerated() {
            let weight = scenario.targets[key.target].weight
            weights.append(weight)
            // Whole, as every plan's shortfall is: with whole weights the objective is then whole, and branch
            // and cut rounds its bounds up and prunes every node that cannot beat the incumbent by one person.
            model.addVariable(Variable(
                name: "short_\(r)", kind: .integer, cost: weight,
                entries: [Entry(row: r, coefficient: 1), Entry(row: primaryRow, coefficient: weight)]))
        }
        shortfallWeights = weights
        shortfallVariables = 0..<coverage.rows.count
        var carry: [Int] = []
        if scenario.carryOver {
            for k in 0..<(yearCount - 1) {
                carry.append(model.addVariable(Variable(
                    name: "carry_\(scenario.baseYear + k)",
                    entries: [Entry(row: firstBudgetRow + k, coefficient: 1), Entry(row: firstBudgetRow + k + 1, coefficient: -1)])))
            }
        }
        carryVariables = carry
        firstSequenceVariable = model.variables.count
        known = Array(repeating: [], count: groups.count)
        self.model = model
    }

    /// Makes `sequence` of `group` a column unless it is empty or already there; returns the variable.
    mutating func add(_ sequence: CourseSequence, of group: Int, cost: Double) -> Variable? {
        guard !sequence.isEmpty, known[group].insert(sequence).inserted else { return nil }
        let effects = effects(of: sequence, of: group)
        let variable = column(for: sequence, of: group, effects: effects, cost: cost, index: columns.count)
        columns.append((group, sequence))
        columnEffects.append(effects)
        model.addVariable(variable)
        return variable
    }

    mutating func setCost(ofColumn index: Int, _ cost: Double) {
        model.setCost(firstSequenceVariable + index, cost)
    }

    mutating func zeroShortfallCosts() {
        for variable in shortfallVariables { model.setCost(variable, 0) }
    }

    /// Caps one coverage row's shortfall: `min-budget` holds each target-year to what unlimited money reached.
    mutating func capShortfall(ofRow row: Int, at cap: Double) {
        model.setVariableBounds(shortfallVariables.lowerBound + row, lower: 0, upper: cap)
    }

    mutating func setPrimaryCap(_ cap: Double?) {
        model.setRowBounds(primaryRow, lower: -.infinity, upper: cap ?? .infinity)
    }

    /// The coverage rows one member following `sequence` meets, the money they spend each year, and the cap
    /// rows of the years they attend a course they would not attend anyway.
    typealias Effects = (coverageRows: [Int], spending: [Double], capRows: [Int])

    private func effects(of sequence: CourseSequence, of group: Int) -> Effects {
        let profile = groups[group].profile
        var levels = profile.initialLevels
        var completions: [Int: [(slot: Int, grants: Int)]] = [:]
        var spending = Array(repeating: 0.0, count: yearCount)
        var attended: UInt64 = 0
        for start in sequence.starts {
            let candidate = profile.candidates[start.candidate]
            completions[start.year + candidate.years - 1, default: []].append((candidate.slot, candidate.grants))
            for year in start.year..<(start.year + candidate.years) where year <= scenario.horizon {
                spending[year - scenario.baseYear] += candidate.costPerYear
                attended |= 1 << UInt64(year - scenario.baseYear)
            }
        }
        for fixed in profile.fixedStarts {
            let candidate = profile.candidates[fixed.candidate]
            completions[fixed.year + candidate.years - 1, default: []].append((candidate.slot, candidate.grants))
        }
        var capRows: [Int] = []
        if let district = profile.cappedDistrict {
            for k in 0..<yearCount where attended & ~profile.fixedAttendanceMask & (1 << UInt64(k)) != 0 {
                let row = capRow[district * yearCount + k]
                if row >= 0 { capRows.append(row) }
            }
        }
        var rows: [Int] = []
        for k in 0..<yearCount {
            for (slot, grants) in completions[scenario.baseYear + k] ?? [] { levels[slot] = max(levels[slot], grants) }
            for membership in profile.membershipsByYear[k] where membership.conditions.allSatisfy({ levels[$0.slot] >= $0.level }) {
                rows.append(membership.coverageRow)
            }
        }
        return (rows, spending, capRows)
    }

    private func column(for sequence: CourseSequence, of group: Int, effects: Effects, cost: Double, index: Int) -> Variable {
        let profile = groups[group].profile
        let (rows, spending, capRows) = effects
        var entries = rows.map { Entry(row: $0, coefficient: 1) }
        entries += capRows.map { Entry(row: $0, coefficient: 1) }
        for (k, money) in spending.enumerated() where money != 0 {
            entries.append(Entry(row: firstBudgetRow + k, coefficient: money / Self.moneyScale))
        }
        for start in sequence.starts {
            let course = profile.candidates[start.candidate].course
            entries.append(Entry(row: seatRow[intakes.index(course: course, year: start.year)], coefficient: 1))
        }
        entries.append(Entry(row: convexityRow[group], coefficient: 1))
        // No upper bound: the group's size row already caps it, and a bound would take the dual the size row
        // must carry for pricing.
        return Variable(name: "plan_\(index)", kind: .integer, cost: cost, entries: entries)
    }

    /// Row and variable names must be ASCII without blanks for MPS and LP files.
    static func safe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".") ? Character($0) : "_" })
    }
}
