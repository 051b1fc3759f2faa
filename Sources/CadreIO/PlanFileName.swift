/// The files of a plan's output folder, relative to it. `PlanWriter` writes them and `PlanReader` reads them
/// back: named once here, the two cannot drift apart.
public enum PlanFileName {
    public static let schedule = "schedule.csv"
    public static let attainment = "attainment.csv"
    public static let budget = "budget.csv"
    public static let intakes = "intakes.csv"
    public static let summary = "summary.json"
    /// The folder holding one roster per intake.
    public static let rosters = "rosters"
}
