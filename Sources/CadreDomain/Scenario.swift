/// Everything one planning run needs, already read and with overrides applied.
public struct Scenario: Sendable {
    public var name: String
    public var baseYear: Int
    public var horizon: Int
    public var officials: [Official]
    public var courses: [Course]
    public var targets: [Target]
    /// VND per year; a year left out has budget 0.
    public var budget: [Int: Double]
    public var carryOver: Bool
    public var maxTrainingDays: Int

    public init(
        name: String, baseYear: Int, horizon: Int, officials: [Official], courses: [Course], targets: [Target],
        budget: [Int: Double], carryOver: Bool = false, maxTrainingDays: Int = 120
    ) {
        self.name = name
        self.baseYear = baseYear
        self.horizon = horizon
        self.officials = officials
        self.courses = courses
        self.targets = targets
        self.budget = budget
        self.carryOver = carryOver
        self.maxTrainingDays = maxTrainingDays
    }

    public var years: ClosedRange<Int> { baseYear...horizon }

    public func budget(in year: Int) -> Double { budget[year] ?? 0 }
}
