import CadreDomain

/// A value together with the place it was written, so that checks made after merging can still point there.
struct Located<Value> {
    var value: Value
    var file: String
    var line: Int?
}

/// The keys of scenario files, each remembering where it was written. One file gives a partial set; `extends`
/// layers them.
struct ScenarioSettings {
    var name: Located<String>?
    var baseYear: Located<Int>?
    var horizon: Located<Int>?
    /// Paths already joined to the folder of the file that names them.
    var officials: Located<String>?
    var courses: Located<String>?
    var targets: Located<String>?
    /// Optional: locks.csv.
    var locks: Located<String>?
    var extends: Located<String>?
    var budget: [Int: Located<Double>] = [:]
    var carryOver: Located<Bool>?
    var maxTrainingDays: Located<Int>?
    var unitLabel: Located<UnitLabel>?
    var seats: [String: Located<Int>] = [:]
    var costs: [String: Located<Double>] = [:]
    var issuer: Located<String>?
    var issuerParent: Located<String>?
    var signerTitle: Located<String>?
    var signerName: Located<String>?
    var place: Located<String>?
    /// Optional: the province's communes (see `CommunesFile`).
    var communes: Located<String>?
    /// The user's mapping for lists (see `OfficeListMapping`): header → column, column → cell → value,
    /// title → category.
    var columns: [String: Located<String>] = [:]
    var values: [String: [String: Located<String>]] = [:]
    var titles: [String: Located<CadreDomain.Category>] = [:]

    var listMapping: OfficeListMapping {
        OfficeListMapping(
            columns: columns.mapValues(\.value), values: values.mapValues { $0.mapValues(\.value) },
            titles: titles.mapValues(\.value))
    }

    /// These settings over `base`: a key given here wins. `budget`, `seats` and `costs` merge entry by entry, so
    /// a scenario that extends another can change one year's budget or one course's seats and keep the rest;
    /// to drop a year's budget, give it as 0.
    func overriding(_ base: ScenarioSettings) -> ScenarioSettings {
        var merged = self
        merged.name = name ?? base.name
        merged.baseYear = baseYear ?? base.baseYear
        merged.horizon = horizon ?? base.horizon
        merged.officials = officials ?? base.officials
        merged.courses = courses ?? base.courses
        merged.targets = targets ?? base.targets
        merged.locks = locks ?? base.locks
        merged.carryOver = carryOver ?? base.carryOver
        merged.maxTrainingDays = maxTrainingDays ?? base.maxTrainingDays
        merged.issuer = issuer ?? base.issuer
        merged.issuerParent = issuerParent ?? base.issuerParent
        merged.signerTitle = signerTitle ?? base.signerTitle
        merged.signerName = signerName ?? base.signerName
        merged.place = place ?? base.place
        merged.unitLabel = unitLabel ?? base.unitLabel
        merged.budget = base.budget.merging(budget) { _, mine in mine }
        merged.seats = base.seats.merging(seats) { _, mine in mine }
        merged.costs = base.costs.merging(costs) { _, mine in mine }
        merged.communes = communes ?? base.communes
        merged.columns = base.columns.merging(columns) { _, mine in mine }
        merged.values = base.values.merging(values) { theirs, mine in theirs.merging(mine) { _, own in own } }
        merged.titles = base.titles.merging(titles) { _, mine in mine }
        return merged
    }
}
