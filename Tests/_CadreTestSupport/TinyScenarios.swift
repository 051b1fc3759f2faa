import CadreDomain
import CadreGenerator

/// The generator's SplitMix64, so every random test case is reproducible from its seed.
public typealias SeededGenerator = SeededRandom

public enum TinyScenarios {
    /// A scenario small enough to enumerate: 2–3 officials, 2–4 courses in two families, 3 years.
    public static func random(seed: UInt64) -> Scenario {
        var rng = SeededGenerator(seed: seed)
        let families: [Family] = [.politicalTheory, .stateManagement]
        var courses: [Course] = []
        for (f, family) in families.enumerated() {
            let steps = Int.random(in: 1...2, using: &rng)
            for step in 1...steps {
                courses.append(Course(
                    id: "C\(f)\(step)", name: "course \(f)-\(step)", family: family, grants: step,
                    requires: step > 1 ? step - 1 : (Bool.random(using: &rng) ? nil : 0),
                    years: Int.random(in: 1...2, using: &rng), days: [20, 40, 60].randomElement(using: &rng)!,
                    cost: Double(Int.random(in: 1...4, using: &rng)) * 1_000_000, seats: Int.random(in: 1...2, using: &rng),
                    partyMemberOnly: Int.random(in: 0..<5, using: &rng) == 0))
            }
        }
        let officialCount = Int.random(in: 2...3, using: &rng)
        var officials: [Official] = []
        for o in 0..<officialCount {
            var levels = Levels()
            levels[.politicalTheory] = Int.random(in: 0...1, using: &rng)
            levels[.stateManagement] = Int.random(in: 0...1, using: &rng)
            officials.append(Official(
                id: "O\(o)", fullName: "Người \(o)", gender: Bool.random(using: &rng) ? .male : .female,
                birthYear: Int.random(in: 1962...1990, using: &rng),
                category: [.keyCadre, .civilServant].randomElement(using: &rng)!,
                plannedTitle: Bool.random(using: &rng) ? "Chủ tịch UBND" : "",
                partyMember: Int.random(in: 0..<4, using: &rng) != 0, levels: levels,
                leavesYear: Int.random(in: 0..<5, using: &rng) == 0 ? 2023 : nil))
        }
        var targets: [Target] = []
        for t in 0..<Int.random(in: 1...3, using: &rng) {
            let family = families.randomElement(using: &rng)!
            var conditions = [LevelCondition(family: family, level: Int.random(in: 1...2, using: &rng))]
            if Int.random(in: 0..<4, using: &rng) == 0 {
                conditions.append(LevelCondition(family: family == .politicalTheory ? .stateManagement : .politicalTheory, level: 1))
            }
            targets.append(Target(
                id: "T\(t)", deadline: Int.random(in: 2022...2024, using: &rng),
                categories: Bool.random(using: &rng) ? [] : [[Category.keyCadre, .civilServant].randomElement(using: &rng)!],
                requirement: Requirement(conditions), share: [0.5, 1.0].randomElement(using: &rng)!,
                kind: .required, weight: Double(Int.random(in: 1...3, using: &rng))))
        }
        var budget: [Int: Double] = [:]
        for year in 2022...2024 { budget[year] = Double(Int.random(in: 0...6, using: &rng)) * 1_000_000 }
        return Scenario(
            name: "tiny-\(seed)", baseYear: 2022, horizon: 2024, officials: officials, courses: courses,
            targets: targets, budget: budget, carryOver: Bool.random(using: &rng),
            maxTrainingDays: [40, 60, 120].randomElement(using: &rng)!)
    }
}

extension TinyScenarios {
    /// A tiny scenario with random locks and courses still running from before the base year: a pin, a
    /// forbid (of a course, a year or both), a district cap, a running two-year course, each or not.
    public static func randomWithLocks(seed: UInt64) -> Scenario {
        var scenario = random(seed: seed)
        var rng = SeededGenerator(seed: seed &* 7919 &+ 17)
        for o in scenario.officials.indices { scenario.officials[o].district = o % 2 == 0 ? "D1" : "D2" }
        let officials = scenario.officials.indices
        let courses = scenario.courses.indices
        var locks = Locks()
        if Bool.random(using: &rng) {
            locks.pins.append(Pin(official: officials.randomElement(using: &rng)!, course: courses.randomElement(using: &rng)!,
                                  year: scenario.years.randomElement(using: &rng)!, source: "locks.csv:2"))
        }
        if Bool.random(using: &rng) {
            let kind = Int.random(in: 0..<3, using: &rng)
            locks.forbids.append(Forbid(
                official: officials.randomElement(using: &rng)!,
                course: kind == 1 ? nil : courses.randomElement(using: &rng)!,
                year: kind == 0 ? nil : scenario.years.randomElement(using: &rng)!, source: "locks.csv:3"))
        }
        if Bool.random(using: &rng) {
            locks.caps.append(DistrictCap(district: ["D1", "D2"].randomElement(using: &rng)!,
                                          year: scenario.years.randomElement(using: &rng)!,
                                          maxTrainees: Int.random(in: 0...1, using: &rng), source: "locks.csv:4"))
        }
        let twoYear = courses.filter { scenario.courses[$0].years == 2 }
        if Bool.random(using: &rng), let course = twoYear.randomElement(using: &rng) {
            scenario.ongoing.append(OngoingCourse(official: officials.randomElement(using: &rng)!, course: course,
                                                  startYear: scenario.baseYear - 1, source: "actuals.csv:2"))
        }
        scenario.locks = locks
        scenario.name = "tiny-locks-\(seed)"
        return scenario
    }
}

/// The referee's optimum by brute force: every valid set of starts for every official, combined.
/// Knows nothing of the planner's model; only `PlanEvaluation` judges.
public enum ExhaustiveSearch {
    public struct Optimum: Sendable { public var objective: Double; public var cost: Double }

    public static func optimum(_ scenario: Scenario) -> Optimum {
        // Each official's starts that break no rule of their own (checked alone, with no money limit).
        var alone = scenario
        alone.budget = Dictionary(uniqueKeysWithValues: scenario.years.map { ($0, 1e18) })
        // Caps couple officials; the combined plan is judged against them below.
        alone.locks.caps = []
        let pairs = scenario.courses.indices.flatMap { c in scenario.years.map { (c, $0) } }
        var choicesPerOfficial: [[[CourseStart]]] = []
        for o in scenario.officials.indices {
            alone.locks.pins = scenario.locks.pins.filter { $0.official == o }
            var valid: [[CourseStart]] = []
            for mask in 0..<(1 << pairs.count) {
                let starts = pairs.indices.filter { mask & (1 << $0) != 0 }.map { CourseStart(official: o, course: pairs[$0].0, year: pairs[$0].1) }
                if starts.count > 4 { continue }
                if PlanEvaluation(scenario: alone, plan: Plan(starts: starts)).violations.isEmpty { valid.append(starts) }
            }
            choicesPerOfficial.append(valid)
        }
        var best = Optimum(objective: .infinity, cost: .infinity)
        func combine(_ o: Int, _ starts: [CourseStart]) {
            if o == choicesPerOfficial.count {
                let evaluation = PlanEvaluation(scenario: scenario, plan: Plan(starts: starts))
                guard evaluation.violations.isEmpty else { return }
                if evaluation.objective < best.objective - 1e-9
                    || (abs(evaluation.objective - best.objective) <= 1e-9 && evaluation.totalCost < best.cost - 1e-6) {
                    best = Optimum(objective: evaluation.objective, cost: evaluation.totalCost)
                }
                return
            }
            for choice in choicesPerOfficial[o] { combine(o + 1, starts + choice) }
        }
        combine(0, [])
        return best
    }
}
